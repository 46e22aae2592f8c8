// The events table: newest first, filtered by the URL, paged with the API's cursor.
import { h, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, QUAD_NAMES, type EventRec, type Filters } from './api.js';
import { FilterForm } from './filters.js';
import { articleHref } from './route.js';
import { ErrorBox } from './ui.js';

function actorCell(a: EventRec['source'] | null): VNode<any> | string {
  if (!a) return '—';
  return h('span', { title: a.text }, a.code ?? a.name ?? a.text);
}

export function EventsView(props: { filters: Filters }): VNode<any> {
  const [rows, setRows] = useState<EventRec[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(props.filters);

  const load = async (cursor: string | null) => {
    setLoading(true);
    try {
      const page = await api<{ events: EventRec[]; next: string | null }>('/api/events', { ...props.filters, limit: '50', cursor: cursor ?? undefined });
      setRows((old) => (cursor ? [...old, ...page.events] : page.events));
      setNext(page.next);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
      if (!cursor) setRows([]);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => { void load(null); }, [key]);

  return h('section', { class: 'view', id: 'events-view' },
    h('h2', null, 'Events'),
    h(FilterForm, { view: 'events', filters: props.filters }),
    error ? h(ErrorBox, { message: error }) : null,
    h('p', { class: 'muted', 'data-testid': 'event-count' }, loading ? 'loading…' : `${rows.length}${next ? '+' : ''} events`),
    h('table', { class: 'events', 'data-testid': 'events-table' },
      h('thead', null, h('tr', null, ...['Date', 'Source', 'Event', 'Target', 'Location', 'Sentence', ''].map((c) => h('th', null, c)))),
      h('tbody', null, ...rows.map((r) => h('tr', { key: `${r.article_id}\u0000${r.id}`, 'data-plover': r.event.plover },
        h('td', { class: 'nowrap' }, r.date),
        h('td', null, actorCell(r.source)),
        h('td', null,
          h('span', { class: `quad q${r.event.quad}`, title: QUAD_NAMES[r.event.quad] }, ''),
          h('b', null, r.event.plover), ' ', h('span', { class: 'muted' }, r.event.cameo),
          r.event.negated ? h('span', { class: 'tag' }, 'not') : null),
        h('td', null, actorCell(r.target)),
        h('td', null, r.location?.name ?? ''),
        h('td', { class: 'sentence' }, r.text.length > 180 ? `${r.text.slice(0, 180)}…` : r.text),
        h('td', null, h('a', { href: articleHref(r.article_id), class: 'open' }, 'article')))))),
    next ? h('button', { onClick: () => void load(next), disabled: loading, 'data-testid': 'more' }, 'More') : null,
    h('p', { class: 'legend' }, ...[1, 2, 3, 4].map((q) => h('span', null, h('span', { class: `quad q${q}` }, ''), QUAD_NAMES[q]))));
}
