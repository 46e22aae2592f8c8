// The Dyad web UI. Preact (4 kB) because its rendering only ever creates text nodes for strings —
// article text cannot become markup unless one writes dangerouslySetInnerHTML, which this code
// never does — and components with hooks keep five views small; d3 modules only compute scales,
// paths and layouts, Preact draws the SVG.
import { h, render, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { pickFilters } from './api.js';
import { ArticlePage } from './article.js';
import { ChartView } from './chart.js';
import { EventsView } from './events.js';
import { MapView } from './map.js';
import { NetworkView } from './network.js';
import { parseRoute, href } from './route.js';

const TABS: [string, string][] = [['events', 'Events'], ['chart', 'Dyad chart'], ['map', 'Map'], ['network', 'Network']];

function App(): VNode<any> {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const route = parseRoute(hash);
  const filters = pickFilters(route.params);
  let body: VNode<any>;
  switch (route.view) {
    case 'chart': body = h(ChartView, { params: route.params }); break;
    case 'map': body = h(MapView, { filters }); break;
    case 'network': body = h(NetworkView, { filters, level: route.params.get('level') === 'actor' ? 'actor' : 'country' }); break;
    case 'article': {
      const ev = route.params.get('event');
      body = route.arg ? h(ArticlePage, { id: route.arg, selected: ev !== null && /^[0-9]+$/.test(ev) ? Number(ev) : null }) : h('p', null, 'no article');
      break;
    }
    default: body = h(EventsView, { filters });
  }
  return h('div', { class: 'app' },
    h('header', null,
      h('h1', null, h('a', { href: '#/events' }, 'Dyad')),
      h('nav', null, ...TABS.map(([v, label]) => h('a', { href: href(v, v === 'chart' ? {} : { ...filters }), class: route.view === v ? 'on' : '', 'data-tab': v }, label))),
      h('a', { href: '/openapi.json', class: 'api-link' }, 'API')),
    h('main', null, body));
}

render(h(App, null), document.getElementById('app')!);
