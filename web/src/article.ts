// One article with its evidence: the text with source, target, trigger, places, dates and quotes
// highlighted, and the coded events beside it with the rule that fired. Article text only ever
// reaches the page as text nodes (Preact children strings), never as markup.
import { h, type VNode } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, QUAD_NAMES, type ArticleView, type EventRec } from './api.js';
import { segments, type Kind, type Mark } from './highlight.js';
import { href } from './route.js';
import { ErrorBox } from './ui.js';

function marksOf(v: ArticleView): Mark[] {
  const marks: Mark[] = [];
  v.analysis.events.forEach((e, i) => {
    marks.push({ start: e.source.start, end: e.source.end, kind: 'source', label: `source ${e.source.code ?? e.source.text}`, event: i });
    if (e.target) marks.push({ start: e.target.start, end: e.target.end, kind: 'target', label: `target ${e.target.code ?? e.target.text}`, event: i });
    marks.push({ start: e.evidence.start, end: e.evidence.end, kind: 'trigger', label: `${e.event.plover} ${e.event.cameo} (${e.evidence.rule})`, event: i });
  });
  for (const p of v.analysis.places) marks.push({ start: p.start, end: p.end, kind: 'place', label: `place ${p.name}${p.country ? ` (${p.country})` : ''}`, event: -1 });
  for (const t of v.analysis.timexes) marks.push({ start: t.start, end: t.end, kind: 'date', label: `date ${t.value}`, event: -1 });
  for (const q of v.analysis.quotes) {
    marks.push({ start: q.content.start, end: q.content.end, kind: 'quote', label: `quote${q.speaker ? ` by ${q.speaker.name ?? q.speaker.text}` : ''}`, event: -1 });
    if (q.speaker) marks.push({ start: q.speaker.start, end: q.speaker.end, kind: 'speaker', label: `speaker ${q.speaker.name ?? q.speaker.text}`, event: -1 });
  }
  return marks;
}

const KINDS: Kind[] = ['source', 'target', 'trigger', 'place', 'date', 'quote', 'speaker'];

function actor(a: EventRec['source'] | null): string {
  if (!a) return '—';
  return a.code ? `${a.code}` : a.name ?? a.text;
}

export function ArticlePage(props: { id: string; selected: number | null }): VNode<any> {
  const [view, setView] = useState<ArticleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setView(null);
    api<ArticleView>(`/api/articles/${encodeURIComponent(props.id)}`)
      .then((v) => { if (live) { setView(v); setError(null); } }, (e: Error) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, [props.id]);
  const segs = useMemo(() => (view ? segments(view.article.text.length, marksOf(view)) : []), [view]);
  if (error) return h('section', { class: 'view' }, h(ErrorBox, { message: error }));
  if (!view) return h('section', { class: 'view' }, h('p', { class: 'muted' }, 'loading…'));
  const text = view.article.text;
  const sel = props.selected;
  const a = view.article;

  return h('section', { class: 'view article', id: 'article-view' },
    h('h2', { 'data-testid': 'article-title' }, a.title ?? a.id),
    h('p', { class: 'muted' }, `${a.date}${a.source ? ` · ${a.source}` : ''} · ${view.analysis.events.length} events · id ${a.id}`),
    a.url && /^https?:\/\//.test(a.url) ? h('p', null, h('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, a.url)) : null,
    h('p', { class: 'legend' }, ...KINDS.map((k) => h('span', { class: `hl hl-${k}` }, k))),
    h('div', { class: 'columns' },
      h('div', { class: 'text', id: 'article-text', 'data-testid': 'article-text' },
        ...segs.map((s) => {
          const piece = text.slice(s.start, s.end);
          if (s.marks.length === 0) return piece;
          const kinds = [...new Set(s.marks.map((m) => m.kind))];
          const chosen = sel !== null && s.marks.some((m) => m.event === sel);
          return h('span', {
            class: `hl ${kinds.map((k) => `hl-${k}`).join(' ')}${chosen ? ' selected' : ''}`,
            'data-kinds': kinds.join(' '),
            title: s.marks.map((m) => m.label).join('\n'),
          }, piece);
        })),
      h('aside', { class: 'side' },
        h('h3', null, 'Coded events'),
        h('ol', { class: 'event-list', 'data-testid': 'event-list' }, ...view.analysis.events.map((e, i) => h('li', {
          class: `${sel === i ? 'selected' : ''}`, 'data-event': String(i),
        },
          h('a', { href: href('article', sel === i ? {} : { event: String(i) }, a.id) },
            h('span', { class: `quad q${e.event.quad}`, title: QUAD_NAMES[e.event.quad] }, ''),
            h('b', null, actor(e.source)), ` ${e.event.negated ? 'NOT ' : ''}${e.event.plover} (${e.event.cameo}) `, h('b', null, actor(e.target))),
          h('div', { class: 'small' }, `${e.date} · trigger “${e.evidence.trigger}”${e.location ? ` · ${e.location.name}` : ''} · Goldstein ${e.event.goldstein}`),
          h('div', { class: 'small rule' }, 'rule: ', h('code', null, e.evidence.rule))))),
        h('h3', null, 'Quotes'),
        h('ul', { class: 'small' }, ...view.analysis.quotes.map((q) => h('li', null,
          h('b', null, q.speaker ? (q.speaker.name ?? q.speaker.text) : 'unknown speaker'), q.cue ? ` ${q.cue.text}: ` : ': ',
          `“${q.content.text.length > 160 ? `${q.content.text.slice(0, 160)}…` : q.content.text}”`))))));
}
