// World map of event locations: country outlines from world-atlas (bundled, no tile server), one
// bubble per place sized by event count and coloured by its most frequent quad class. A bubble
// links to the events table filtered to a small box around the place.
import { h, type VNode } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { api, QUAD_COLORS, QUAD_NAMES, type Filters, type Loc } from './api.js';
import { FilterForm } from './filters.js';
import { href } from './route.js';
import { ErrorBox } from './ui.js';

const W = 960, H = 500;

export function MapView(props: { filters: Filters }): VNode<any> {
  const [locs, setLocs] = useState<Loc[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(props.filters);
  useEffect(() => {
    let live = true;
    api<{ locations: Loc[] }>('/api/aggregates/locations', { ...props.filters, limit: '2000' })
      .then((r) => { if (live) { setLocs(r.locations); setError(null); } }, (e: Error) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, [key]);

  const { countries, projection, graticule } = useMemo(() => {
    const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
    const fc = feature(topo, topo.objects.countries);
    const projection = geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
    const path = geoPath(projection);
    return {
      projection,
      countries: fc.features.map((f) => path(f) ?? ''),
      graticule: path(geoGraticule10()) ?? '',
    };
  }, []);
  const sphere = useMemo(() => geoPath(projection)({ type: 'Sphere' }) ?? '', [projection]);
  const max = Math.max(1, ...(locs ?? []).map((l) => l.count));

  return h('section', { class: 'view', id: 'map-view' },
    h('h2', null, 'Where events happened'),
    h(FilterForm, { view: 'map', filters: props.filters }),
    error ? h(ErrorBox, { message: error }) : null,
    h('p', { class: 'muted', 'data-testid': 'location-count' }, locs ? `${locs.length} places, ${locs.reduce((a, l) => a + l.count, 0)} events` : 'loading…'),
    h('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'map', role: 'img', 'aria-label': 'world map of event locations' },
      h('path', { d: sphere, class: 'sphere' }),
      h('path', { d: graticule, class: 'graticule' }),
      ...countries.map((d) => h('path', { d, class: 'country' })),
      ...(locs ?? []).map((l) => {
        const p = projection([l.lon, l.lat]);
        if (!p) return null;
        const q = l.quads.indexOf(Math.max(...l.quads)) + 1;
        const r = 3 + 14 * Math.sqrt(l.count / max);
        const box = [l.lon - 0.5, l.lat - 0.5, l.lon + 0.5, l.lat + 0.5].map((v) => v.toFixed(2)).join(',');
        return h('a', { href: href('events', { ...props.filters, bbox: box }), class: 'place', 'data-place': l.name },
          h('circle', { cx: p[0], cy: p[1], r, fill: QUAD_COLORS[q], class: 'bubble' },
            h('title', null, `${l.name}${l.country ? ` (${l.country})` : ''}: ${l.count} events; mostly ${QUAD_NAMES[q]}`)));
      })),
    h('p', { class: 'legend' }, ...[1, 2, 3, 4].map((q) => h('span', null, h('span', { class: `quad q${q}` }, ''), QUAD_NAMES[q]))));
}
