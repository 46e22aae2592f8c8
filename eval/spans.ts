// Character spans of the actors marked in PLV's marked_sentence (<s>…</s>, <t>…</t>), and overlap tests
// between those spans and the spans of coded events.

export interface CharSpan {
  start: number;
  end: number;
}

export interface MarkedSpans {
  /** The sentence with the marks removed. */
  text: string;
  source: CharSpan | null;
  target: CharSpan | null;
}

const TAGS = ['<s>', '</s>', '<t>', '</t>'] as const;

/** Remove the <s>/<t> marks and return the offsets of what they enclosed in the unmarked text. */
export function parseMarked(marked: string): MarkedSpans {
  let text = '';
  let sStart = -1;
  let tStart = -1;
  let source: CharSpan | null = null;
  let target: CharSpan | null = null;
  let i = 0;
  while (i < marked.length) {
    const tag = marked[i] === '<' ? TAGS.find((t) => marked.startsWith(t, i)) : undefined;
    if (tag === undefined) {
      text += marked[i++];
      continue;
    }
    if (tag === '<s>') sStart = text.length;
    else if (tag === '<t>') tStart = text.length;
    else if (tag === '</s>' && sStart >= 0) source = { start: sStart, end: text.length };
    else if (tag === '</t>' && tStart >= 0) target = { start: tStart, end: text.length };
    i += tag.length;
  }
  return { text, source: trimSpan(text, source), target: trimSpan(text, target) };
}

// Marks sometimes enclose a trailing space ("<s>The LNA </s>agreed"); spans exclude edge whitespace.
function trimSpan(text: string, s: CharSpan | null): CharSpan | null {
  if (!s) return null;
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/**
 * The marked spans as offsets into `sentence`. When the unmarked text equals the sentence the offsets
 * carry over; otherwise each span is located by its text (first occurrence), or dropped.
 */
export function spansInSentence(sentence: string, marked: string): { source: CharSpan | null; target: CharSpan | null } {
  const m = parseMarked(marked);
  if (m.text === sentence) return { source: m.source, target: m.target };
  const relocate = (s: CharSpan | null): CharSpan | null => {
    if (!s) return null;
    const at = sentence.indexOf(m.text.slice(s.start, s.end));
    return at < 0 ? null : { start: at, end: at + (s.end - s.start) };
  };
  return { source: relocate(m.source), target: relocate(m.target) };
}

/** Do two half-open spans share at least one character? */
export function overlaps(a: CharSpan | null | undefined, b: CharSpan | null | undefined): boolean {
  if (!a || !b) return false;
  return a.start < b.end && b.start < a.end;
}
