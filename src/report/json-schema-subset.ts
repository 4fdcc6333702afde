/**
 * A tiny JSON Schema (2020-12) validator for the subset docs/report.schema.json uses, so the
 * tests can hold generated reports to the published schema without a dependency. A keyword
 * outside the subset is reported as an error, never silently ignored.
 */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

const annotations = new Set(['$schema', '$id', '$defs', '$comment', 'title', 'description']);
const supported = new Set(['type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'prefixItems', 'minItems', 'maxItems', 'minimum', 'anyOf', '$ref']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeMatches(actual: string, wanted: unknown): boolean {
  const list = Array.isArray(wanted) ? wanted : [wanted];
  return list.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

function resolve(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = isObject(node) ? node[part] : undefined;
  return typeof node === 'boolean' || isObject(node) ? (node as JsonSchema) : undefined;
}

/** Errors as `path: problem`; [] when `value` is valid. */
export function validateJson(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const errors: string[] = [];
  for (const keyword of Object.keys(schema)) {
    if (!annotations.has(keyword) && !supported.has(keyword)) errors.push(`${path}: unsupported keyword ${keyword}`);
  }
  const s = schema;
  if (typeof s['$ref'] === 'string') {
    const target = resolve(root, s['$ref']);
    if (target === undefined) errors.push(`${path}: unresolved ${s['$ref']}`);
    else errors.push(...validateJson(value, target, root, path));
  }
  const actual = typeOf(value);
  if (s['type'] !== undefined && !typeMatches(actual, s['type'])) errors.push(`${path}: ${actual} is not ${JSON.stringify(s['type'])}`);
  if (Array.isArray(s['enum']) && !s['enum'].some((e) => e === value)) errors.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(s['enum'])}`);
  if ('const' in s && s['const'] !== value) errors.push(`${path}: ${JSON.stringify(value)} is not ${JSON.stringify(s['const'])}`);
  if (typeof s['minimum'] === 'number' && typeof value === 'number' && value < s['minimum']) errors.push(`${path}: ${value} < ${s['minimum']}`);
  if (Array.isArray(s['anyOf'])) {
    const results = (s['anyOf'] as JsonSchema[]).map((b) => validateJson(value, b, root, path));
    if (!results.some((r) => r.length === 0)) {
      // The branch that came closest says most about what is wrong.
      const sameType = results.filter((r) => !r.some((e) => e.startsWith(`${path}: `) && e.includes(' is not ')));
      const closest = (sameType.length > 0 ? sameType : results).reduce<string[] | undefined>((best, r) => (best === undefined || r.length < best.length ? r : best), undefined) ?? [];
      errors.push(`${path}: matches no anyOf branch`, ...closest);
    }
  }
  if (isObject(value)) {
    const properties = isObject(s['properties']) ? s['properties'] : {};
    if (Array.isArray(s['required'])) for (const name of s['required'] as string[]) if (!(name in value)) errors.push(`${path}: missing ${name}`);
    for (const [name, v] of Object.entries(value)) {
      const sub = properties[name];
      if (sub !== undefined) errors.push(...validateJson(v, sub as JsonSchema, root, `${path}.${name}`));
      else if (s['additionalProperties'] !== undefined) errors.push(...validateJson(v, s['additionalProperties'] as JsonSchema, root, `${path}.${name}`));
    }
  }
  if (Array.isArray(value)) {
    const prefix = Array.isArray(s['prefixItems']) ? (s['prefixItems'] as JsonSchema[]) : [];
    if (typeof s['minItems'] === 'number' && value.length < s['minItems']) errors.push(`${path}: fewer than ${s['minItems']} items`);
    if (typeof s['maxItems'] === 'number' && value.length > s['maxItems']) errors.push(`${path}: more than ${s['maxItems']} items`);
    value.forEach((item, i) => {
      const sub = i < prefix.length ? prefix[i] : (s['items'] as JsonSchema | undefined);
      if (sub !== undefined) errors.push(...validateJson(item, sub, root, `${path}[${i}]`));
    });
  }
  return errors;
}
