// Hash routes: every view and every filter lives in the URL (#/events?country=RUS&type=AID), so a
// view can be bookmarked, shared and reloaded, and the back button works.
export interface Route { view: string; arg: string | null; params: URLSearchParams }

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const q = h.indexOf('?');
  const path = q >= 0 ? h.slice(0, q) : h;
  const params = new URLSearchParams(q >= 0 ? h.slice(q + 1) : '');
  const slash = path.indexOf('/');
  const view = (slash >= 0 ? path.slice(0, slash) : path) || 'events';
  const arg = slash >= 0 ? decodeURIComponent(path.slice(slash + 1)) : null;
  return { view, arg, params };
}

export function href(view: string, params: Record<string, string | undefined> = {}, arg?: string): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, v);
  const s = qs.toString();
  return `#/${view}${arg !== undefined ? `/${encodeURIComponent(arg)}` : ''}${s ? `?${s}` : ''}`;
}

export function articleHref(id: string): string {
  return href('article', {}, id);
}
