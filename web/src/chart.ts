// Dyad time series: cooperation (quad 1+2) against conflict (quad 3+4) per period, one panel per
// directed dyad (default RUS→ARM and AZE→RUS), on a shared period axis so panels line up.
import { h, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { api, type SeriesPoint } from './api.js';
import { href } from './route.js';
import { ErrorBox } from './ui.js';

interface Panel { dyad: [string, string]; coop: Map<string, number>; conflict: Map<string, number>; goldstein: Map<string, number> }

const W = 760, H = 210, M = { top: 16, right: 16, bottom: 34, left: 40 };

function parseDyad(s: string | null, fallback: [string, string]): [string, string] {
  if (!s) return fallback;
  const [a, b] = s.toUpperCase().split('-');
  return a && b ? [a, b] : fallback;
}

export function ChartView(props: { params: URLSearchParams }): VNode<any> {
  const d1 = parseDyad(props.params.get('d1'), ['RUS', 'ARM']);
  const d2 = parseDyad(props.params.get('d2'), ['AZE', 'RUS']);
  const interval = props.params.get('interval') ?? 'month';
  const from = props.params.get('from') ?? undefined;
  const to = props.params.get('to') ?? undefined;
  const [panels, setPanels] = useState<Panel[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = props.params.toString();

  useEffect(() => {
    let live = true;
    Promise.all([d1, d2].map(async (dyad) => {
      const r = await api<{ series: SeriesPoint[] }>('/api/aggregates/series', { source: dyad[0], target: dyad[1], interval, by: 'quad', from, to });
      const p: Panel = { dyad, coop: new Map(), conflict: new Map(), goldstein: new Map() };
      for (const s of r.series) {
        const m = s.key === '1' || s.key === '2' ? p.coop : p.conflict;
        m.set(s.period, (m.get(s.period) ?? 0) + s.count);
        p.goldstein.set(s.period, (p.goldstein.get(s.period) ?? 0) + s.goldstein);
      }
      return p;
    })).then((ps) => { if (live) { setPanels(ps); setError(null); } }, (e: Error) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, [key]);

  const onSubmit = (ev: Event) => {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget as HTMLFormElement);
    const get = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    location.hash = href('chart', { d1: get('d1'), d2: get('d2'), interval: get('interval'), from: get('from'), to: get('to') });
  };

  const periods = [...new Set((panels ?? []).flatMap((p) => [...p.coop.keys(), ...p.conflict.keys()]))].sort();
  return h('section', { class: 'view', id: 'chart-view' },
    h('h2', null, 'Dyad time series: cooperation vs conflict'),
    h('form', { class: 'filters', onSubmit },
      h('label', { class: 'field' }, h('span', null, 'Dyad 1 (SRC-TGT)'), h('input', { name: 'd1', value: d1.join('-'), size: 9 })),
      h('label', { class: 'field' }, h('span', null, 'Dyad 2'), h('input', { name: 'd2', value: d2.join('-'), size: 9 })),
      h('label', { class: 'field' }, h('span', null, 'Interval'), h('select', { name: 'interval', value: interval },
        ...['day', 'week', 'month', 'year'].map((i) => h('option', { value: i }, i)))),
      h('label', { class: 'field' }, h('span', null, 'From'), h('input', { name: 'from', value: from ?? '', size: 10, placeholder: 'YYYY-MM-DD' })),
      h('label', { class: 'field' }, h('span', null, 'To'), h('input', { name: 'to', value: to ?? '', size: 10, placeholder: 'YYYY-MM-DD' })),
      h('button', { type: 'submit', class: 'primary' }, 'Plot')),
    error ? h(ErrorBox, { message: error }) : null,
    panels ? panels.map((p) => h(PanelChart, { panel: p, periods })) : h('p', { class: 'muted' }, 'loading…'),
    h('p', { class: 'legend' }, h('span', { class: 'swatch coop' }, ''), 'cooperation (quad 1-2)  ', h('span', { class: 'swatch conflict' }, ''), 'conflict (quad 3-4)'));
}

function PanelChart(props: { panel: Panel; periods: string[] }): VNode<any> {
  const { panel, periods } = props;
  const x = scalePoint<string>().domain(periods).range([M.left, W - M.right]).padding(0.5);
  const max = Math.max(1, ...periods.map((p) => Math.max(panel.coop.get(p) ?? 0, panel.conflict.get(p) ?? 0)));
  const y = scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top]);
  const path = (m: Map<string, number>) => line<string>().x((p) => x(p) ?? 0).y((p) => y(m.get(p) ?? 0))(periods) ?? '';
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const every = Math.max(1, Math.ceil(periods.length / 10));
  const title = `${panel.dyad[0]} → ${panel.dyad[1]}`;
  return h('figure', { class: 'panel', 'data-dyad': panel.dyad.join('-') },
    h('figcaption', null, h('b', null, title), ` — ${total(panel.coop)} cooperative, ${total(panel.conflict)} conflictual events`),
    h('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': `time series ${title}` },
      ...y.ticks(4).map((t) => h('g', null,
        h('line', { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: 'grid' }),
        h('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'tick' }, String(t)))),
      ...periods.map((p, i) => (i % every === 0 ? h('text', { x: x(p), y: H - 12, 'text-anchor': 'middle', class: 'tick' }, p) : null)),
      periods.length > 0 ? h('path', { d: path(panel.coop), class: 'line coop' }) : null,
      periods.length > 0 ? h('path', { d: path(panel.conflict), class: 'line conflict' }) : null,
      ...periods.flatMap((p) => [
        panel.coop.get(p) ? h('circle', { cx: x(p), cy: y(panel.coop.get(p)!), r: 3.5, class: 'dot coop' }, h('title', null, `${p}: ${panel.coop.get(p)} cooperative`)) : null,
        panel.conflict.get(p) ? h('circle', { cx: x(p), cy: y(panel.conflict.get(p)!), r: 3.5, class: 'dot conflict' }, h('title', null, `${p}: ${panel.conflict.get(p)} conflictual`)) : null,
      ]),
      periods.length === 0 ? h('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'muted' }, 'no events for this dyad') : null));
}
