// What `dyad explain` shows: the coder's intermediate results for one text, as data (for --json) and
// as text (for people editing dictionaries).
import type { Article, EventRecord } from '../types.js';
import type { Knowledge } from '../knowledge/index.js';
import { parseText } from '../text/document.js';
import { findActorMentions } from '../extract/actors.js';
import { codeWith } from '../analyze.js';
import { diagnoseSentence, type PatternTrial } from './coder.js';

export interface Explanation {
  date: string;
  sentences: {
    text: string;
    tokens: { text: string; pos: string; lemma: string }[];
    actors: { text: string; code: string | null; kind: string; name: string | null; resolvedFrom: string | null }[];
    verbs: {
      group: string;
      lemma: string;
      flags: string[];
      subject: string | null;
      trials: PatternTrial[];
    }[];
  }[];
  events: EventRecord[];
}

export function explainText(article: Article, k: Knowledge): Explanation {
  const doc = parseText(article.text);
  const mentions = findActorMentions(doc, article.date, k.actors);
  const input = { doc, mentions, patterns: k.patterns, lexicon: k.lexicon };
  const sentences: Explanation['sentences'] = doc.sentences.map((sp, s) => {
    const tokens = [];
    for (let t = sp.first; t < sp.last; t++) tokens.push({ text: doc.tokens[t], pos: doc.pos[t], lemma: doc.lemmas[t] });
    const actors = mentions
      .filter((m) => m.tokenStart >= sp.first && m.tokenEnd <= sp.last)
      .map((m) => ({ text: m.text, code: m.code, kind: m.kind, name: m.name, resolvedFrom: m.antecedent !== null ? mentions[m.antecedent].text : null }));
    const verbs = diagnoseSentence(input, s).map((d) => {
      const flags: string[] = [];
      if (d.group.negated) flags.push('negated');
      if (d.group.future) flags.push('future');
      if (d.group.hypothetical) flags.push('hypothetical');
      if (d.group.passive) flags.push('passive');
      if (d.group.infinitive) flags.push('infinitive');
      if (d.group.gerund) flags.push('gerund');
      const group = doc.text.slice(doc.starts[d.group.first], doc.ends[d.group.last - 1]);
      return { group, lemma: d.lemma, flags, subject: d.subject ? d.subject.map((m) => `${m.text} [${m.code ?? '?'}]`).join(' + ') : null, trials: d.trials };
    });
    return { text: doc.text.slice(sp.start, sp.end), tokens, actors, verbs };
  });
  return { date: article.date, sentences, events: codeWith(article, k) };
}

export function formatExplanation(x: Explanation): string {
  const lines: string[] = [`article date ${x.date}`];
  x.sentences.forEach((s, i) => {
    lines.push('', `sentence ${i}: ${s.text}`);
    lines.push('  tokens: ' + s.tokens.map((t) => `${t.text}/${t.pos}${t.lemma !== t.text.toLowerCase() ? `(${t.lemma})` : ''}`).join(' '));
    lines.push('  actors:');
    if (s.actors.length === 0) lines.push('    (none)');
    for (const a of s.actors) lines.push(`    "${a.text}" → ${a.code ?? '(uncoded)'} ${a.kind}${a.name ? ` "${a.name}"` : ''}${a.resolvedFrom ? ` (refers to "${a.resolvedFrom}")` : ''}`);
    lines.push('  verb groups:');
    if (s.verbs.length === 0) lines.push('    (none)');
    for (const v of s.verbs) {
      lines.push(`    "${v.group}" lemma=${v.lemma}${v.flags.length ? ' [' + v.flags.join(', ') + ']' : ''} subject=${v.subject ?? '(none)'}`);
      if (v.trials.length === 0) lines.push('      no pattern for this verb');
      for (const t of v.trials) lines.push(`      ${t.outcome === 'FIRED' ? '✔' : '·'} ${t.rule.padEnd(24)} ${t.pattern}  — ${t.outcome}`);
    }
  });
  lines.push('', `events (${x.events.length}):`);
  for (const e of x.events) {
    lines.push(`  s${e.sentence} ${e.source.code ?? (e.source.text || "(unknown)")} → ${e.target ? e.target.code ?? e.target.text : '-'}  ${e.event.plover}/${e.event.cameo}${e.event.mode ? ' mode=' + e.event.mode : ''}${e.event.negated ? ' negated' : ''}${e.event.aux ? ' aux=' + e.event.aux : ''}  ${e.date}  "${e.evidence.trigger}"  ${e.evidence.rule}`);
  }
  return lines.join('\n') + '\n';
}
