// A Micropub request as the endpoint receives it (https://micropub.spec.indieweb.org/), form-encoded
// or JSON, reduced to one shape: a create with its properties (each a list of values), or an action
// on a post's URL. The access token sent in a form body is taken out here, so it can never reach
// a property (micropub.rocks 802).

export type MicropubValue = string | number | boolean | { [key: string]: unknown };
export type Properties = Record<string, MicropubValue[]>;

export type MicropubRequest =
  | { action: 'create'; type: string; properties: Properties }
  | { action: 'update'; url: string; replace: Properties; add: Properties; delete: string[] | Properties }
  | { action: 'delete' | 'undelete'; url: string };

export type Parsed = { ok: true; request: MicropubRequest } | { ok: false; description: string };

/** Form fields: `name[]` (and `name` repeated) are lists; `h` is the type; `access_token` is not a property. */
export function readFormRequest(form: URLSearchParams): { parsed: Parsed; accessToken?: string } {
  const accessToken = form.get('access_token') ?? undefined;
  const action = form.get('action');
  if (action !== null) {
    const url = form.get('url');
    if (action === 'delete' || action === 'undelete') return { accessToken, parsed: url ? { ok: true, request: { action, url } } : missing('url') };
    if (action === 'update') return { accessToken, parsed: { ok: false, description: 'Send updates as JSON (the Micropub spec defines them in JSON only)' } };
    return { accessToken, parsed: { ok: false, description: `Unknown action: ${action.slice(0, 40)}` } };
  }
  const type = form.get('h');
  if (!type) return { accessToken, parsed: missing('h (h=entry)') };
  const properties: Properties = {};
  for (const [key, value] of form) {
    if (key === 'h' || key === 'access_token') continue;
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    (properties[name] ??= []).push(value);
  }
  return { accessToken, parsed: { ok: true, request: { action: 'create', type: `h-${type}`, properties } } };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON body: `{ type: ["h-entry"], properties }` or `{ action, url, replace, add, delete }`. */
export function readJsonRequest(body: Record<string, unknown>): Parsed {
  if (body.action !== undefined) {
    const { action, url } = body;
    if (typeof url !== 'string' || url === '') return missing('url');
    if (action === 'delete' || action === 'undelete') return { ok: true, request: { action, url } };
    if (action !== 'update') return { ok: false, description: `Unknown action: ${String(action).slice(0, 40)}` };
    const replace = body.replace ?? {};
    const add = body.add ?? {};
    const remove = body.delete ?? [];
    for (const [name, operation] of [['replace', replace], ['add', add]] as const) {
      if (!isObject(operation)) return { ok: false, description: `${name} must be an object of property lists` };
      for (const [property, values] of Object.entries(operation)) {
        if (!Array.isArray(values)) return { ok: false, description: `${name}.${property} must be a list of values` };
      }
    }
    if (!Array.isArray(remove) && !isObject(remove)) return { ok: false, description: 'delete must be a list of property names, or an object of values to remove' };
    if (Array.isArray(remove) && !remove.every((p) => typeof p === 'string')) return { ok: false, description: 'delete must list property names' };
    if (isObject(remove)) {
      for (const [property, values] of Object.entries(remove)) if (!Array.isArray(values)) return { ok: false, description: `delete.${property} must be a list of values` };
    }
    return { ok: true, request: { action: 'update', url, replace: replace as Properties, add: add as Properties, delete: remove as string[] | Properties } };
  }
  const type = Array.isArray(body.type) ? body.type[0] : undefined;
  if (typeof type !== 'string') return missing('type (["h-entry"])');
  if (!isObject(body.properties)) return missing('properties');
  const properties: Properties = {};
  for (const [name, values] of Object.entries(body.properties)) {
    if (!Array.isArray(values)) return { ok: false, description: `properties.${name} must be a list of values` };
    properties[name] = values as MicropubValue[];
  }
  return { ok: true, request: { action: 'create', type, properties } };
}

const missing = (what: string): Parsed => ({ ok: false, description: `${what} is required` });
