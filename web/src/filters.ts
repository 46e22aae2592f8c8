// The filter form shared by the events table, the map and the network. Submitting writes the
// filters into the URL; the view re-reads them from there (the URL is the single source of truth).
import { h, type VNode } from 'preact';
import { FILTER_KEYS, PLOVER_TYPES, QUAD_NAMES, type Filters } from './api.js';
import { href } from './route.js';

const LABELS: Record<(typeof FILTER_KEYS)[number], string> = {
  from: 'From', to: 'To', source: 'Source', target: 'Target', actor: 'Either side', country: 'Country',
  type: 'PLOVER type', cameo: 'CAMEO', quad: 'Quad', bbox: 'BBox (W,S,E,N)', q: 'Text search',
};
const PLACEHOLDERS: Partial<Record<(typeof FILTER_KEYS)[number], string>> = {
  from: 'YYYY-MM-DD', to: 'YYYY-MM-DD', source: 'RUS or RUSGOV', target: 'ARM', actor: 'AZE', country: 'ISO3', cameo: '04 or 042', q: 'words', bbox: '30,35,55,50',
};

export function FilterForm(props: { view: string; filters: Filters; extra?: Record<string, string | undefined> }): VNode<any> {
  const onSubmit = (ev: Event) => {
    ev.preventDefault();
    const form = ev.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const params: Record<string, string | undefined> = { ...props.extra };
    for (const k of FILTER_KEYS) {
      const v = String(data.get(k) ?? '').trim();
      params[k] = v || undefined;
    }
    location.hash = href(props.view, params);
  };
  const field = (k: (typeof FILTER_KEYS)[number]) => {
    const value = props.filters[k] ?? '';
    let input: VNode<any>;
    if (k === 'type') {
      input = h('select', { name: k, id: `f-${k}`, value },
        h('option', { value: '' }, 'any'), ...PLOVER_TYPES.map((t) => h('option', { value: t }, t)));
    } else if (k === 'quad') {
      input = h('select', { name: k, id: `f-${k}`, value },
        h('option', { value: '' }, 'any'), ...[1, 2, 3, 4].map((q) => h('option', { value: String(q) }, `${q} ${QUAD_NAMES[q]}`)));
    } else {
      input = h('input', { name: k, id: `f-${k}`, value, placeholder: PLACEHOLDERS[k] ?? '', size: k === 'q' ? 16 : 10, autocomplete: 'off' });
    }
    return h('label', { class: 'field' }, h('span', null, LABELS[k]), input);
  };
  return h('form', { class: 'filters', onSubmit, 'data-testid': 'filters' },
    ...FILTER_KEYS.map(field),
    h('button', { type: 'submit', class: 'primary' }, 'Apply'),
    h('a', { class: 'reset', href: href(props.view, props.extra ?? {}) }, 'Reset'));
}
