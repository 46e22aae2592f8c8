// The OpenAPI 3.1 document, generated from the same JSON schemas Fastify validates with, so the
// description cannot drift from what the server accepts.

export interface RouteDoc {
  method: 'get' | 'post';
  url: string;
  summary: string;
  query?: { properties: Record<string, unknown>; required?: string[] };
  params?: { properties: Record<string, unknown>; required?: string[] };
  body?: unknown;
  response?: unknown;
  produces?: string[];
  auth?: boolean;
}

const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, '{$1}');

export function openApiDocument(routes: readonly RouteDoc[], errorSchema: unknown): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters: unknown[] = [];
    for (const [where, s] of [['query', r.query], ['path', r.params]] as const) {
      if (!s) continue;
      for (const [name, schema] of Object.entries(s.properties)) {
        const { description, ...rest } = schema as { description?: string };
        parameters.push({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
      }
    }
    const ok: Record<string, unknown> = r.produces
      ? { description: 'OK', content: Object.fromEntries(r.produces.map((t) => [t, { schema: { type: 'string' } }])) }
      : { description: 'OK', content: { 'application/json': { schema: r.response ?? { type: 'object' } } } };
    const err = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    const responses: Record<string, unknown> = { [r.method === 'post' ? '201' : '200']: ok, 400: { description: 'Bad request', ...err }, 429: { description: 'Too many requests', ...err } };
    if (r.auth) Object.assign(responses, { 401: { description: 'Missing or invalid API key', ...err }, 403: { description: 'Key lacks write scope', ...err }, 413: { description: 'Body too large', ...err } });
    if (r.params) responses[404] = { description: 'Not found', ...err };
    (paths[toOpenApiPath(r.url)] ??= {})[r.method] = {
      summary: r.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: r.body } } } } : {}),
      ...(r.auth ? { security: [{ bearer: [] }, { apiKey: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Dyad event data API', version: '1', description: 'Political events coded from news (PLOVER/CAMEO) with their evidence.' },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'dyad_<id>_<secret> from `dyad keys add`' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
  };
}
