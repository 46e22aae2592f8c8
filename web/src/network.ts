// Actor network: who does what to whom. Nodes are actors (countries or full actor codes), edges
// are directed and weighted by event count, coloured by quad class. The force layout is run to
// rest before drawing (a fixed number of ticks from seeded positions), so it is deterministic.
import { h, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import { api, QUAD_COLORS, QUAD_NAMES, type Edge, type Filters } from './api.js';
import { FilterForm } from './filters.js';
import { href } from './route.js';
import { ErrorBox } from './ui.js';

const W = 900, H = 560;

interface Node extends SimulationNodeDatum { id: string; degree: number }
interface Link { source: Node; target: Node; edge: Edge }

function layout(edges: Edge[]): { nodes: Node[]; links: Link[] } {
  const byId = new Map<string, Node>();
  const node = (id: string) => {
    let n = byId.get(id);
    if (!n) {
      const i = byId.size;
      // Seeded on a spiral so the same data always gives the same picture.
      n = { id, degree: 0, x: W / 2 + 10 * i * Math.cos(i), y: H / 2 + 10 * i * Math.sin(i) };
      byId.set(id, n);
    }
    return n;
  };
  const links: Link[] = edges.map((e) => {
    const s = node(e.source), t = node(e.target);
    s.degree += e.count; t.degree += e.count;
    return { source: s, target: t, edge: e };
  });
  const nodes = [...byId.values()];
  const sim = forceSimulation(nodes)
    .force('charge', forceManyBody().strength(-260))
    .force('link', forceLink<Node, Link>(links).distance(110).strength(0.4))
    .force('center', forceCenter(W / 2, H / 2))
    .force('collide', forceCollide<Node>(28))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  for (const n of nodes) {
    n.x = Math.max(30, Math.min(W - 30, n.x ?? 0));
    n.y = Math.max(20, Math.min(H - 20, n.y ?? 0));
  }
  return { nodes, links };
}

export function NetworkView(props: { filters: Filters; level: string }): VNode<any> {
  const [graph, setGraph] = useState<{ nodes: Node[]; links: Link[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(props.filters) + props.level;
  useEffect(() => {
    let live = true;
    api<{ edges: Edge[] }>('/api/aggregates/network', { ...props.filters, level: props.level, limit: '200' })
      .then((r) => { if (live) { setGraph(layout(r.edges)); setError(null); } }, (e: Error) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, [key]);
  const maxCount = Math.max(1, ...(graph?.links ?? []).map((l) => l.edge.count));
  const maxDeg = Math.max(1, ...(graph?.nodes ?? []).map((n) => n.degree));
  const radius = (n: Node) => 6 + 12 * Math.sqrt(n.degree / maxDeg);

  return h('section', { class: 'view', id: 'network-view' },
    h('h2', null, 'Actor network'),
    h('p', null, 'Level: ',
      h('a', { href: href('network', { ...props.filters, level: 'country' }), class: props.level === 'country' ? 'on' : '' }, 'countries'), ' · ',
      h('a', { href: href('network', { ...props.filters, level: 'actor' }), class: props.level === 'actor' ? 'on' : '' }, 'actor codes')),
    h(FilterForm, { view: 'network', filters: props.filters, extra: { level: props.level } }),
    error ? h(ErrorBox, { message: error }) : null,
    h('p', { class: 'muted', 'data-testid': 'network-size' }, graph ? `${graph.nodes.length} actors, ${graph.links.length} edges` : 'loading…'),
    h('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'network', role: 'img', 'aria-label': 'actor network' },
      h('defs', null, ...[1, 2, 3, 4].map((q) => h('marker', { id: `arrow${q}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        h('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: QUAD_COLORS[q] })))),
      ...(graph?.links ?? []).map((l) => {
        // Parallel edges (several quads between the same pair) are bent apart by quad.
        const sx = l.source.x ?? 0, sy = l.source.y ?? 0, tx = l.target.x ?? 0, ty = l.target.y ?? 0;
        const bend = (l.edge.quad - 2.5) * 14;
        const mx = (sx + tx) / 2 - (ty - sy) / Math.hypot(tx - sx, ty - sy || 1) * bend;
        const my = (sy + ty) / 2 + (tx - sx) / Math.hypot(tx - sx, ty - sy || 1) * bend;
        // End the curve at the target's rim so the arrowhead stays visible.
        const rt = radius(l.target) + 2;
        const dl = Math.hypot(tx - mx, ty - my) || 1;
        const ex = tx - ((tx - mx) / dl) * rt, ey = ty - ((ty - my) / dl) * rt;
        return h('path', {
          d: `M${sx},${sy} Q${mx},${my} ${ex},${ey}`, class: `edge q${l.edge.quad}`, stroke: QUAD_COLORS[l.edge.quad], fill: 'none',
          'stroke-width': 1 + 5 * Math.sqrt(l.edge.count / maxCount), 'marker-end': `url(#arrow${l.edge.quad})`,
          'data-edge': `${l.edge.source}>${l.edge.target}:${l.edge.quad}`,
        }, h('title', null, `${l.edge.source} → ${l.edge.target}: ${l.edge.count} ${QUAD_NAMES[l.edge.quad]} events (Goldstein sum ${l.edge.goldstein})`));
      }),
      ...(graph?.nodes ?? []).map((n) => h('a', { href: href('events', { ...props.filters, actor: n.id }) },
        h('g', { class: 'node', 'data-node': n.id },
          h('circle', { cx: n.x, cy: n.y, r: radius(n) }),
          h('text', { x: n.x, y: (n.y ?? 0) + 4, 'text-anchor': 'middle' }, n.id),
          h('title', null, `${n.id}: ${n.degree} events`))))),
    h('p', { class: 'legend' }, ...[1, 2, 3, 4].map((q) => h('span', null, h('span', { class: `quad q${q}` }, ''), QUAD_NAMES[q]))));
}
