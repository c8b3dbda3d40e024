/**
 * The query-string parser of the whole app: flat `name=value` pairs, a repeated name as an array. Unlike the
 * default (qs) it has no parameter limit that silently drops what follows the 1000th parameter (so a filter
 * behind 1000 `&` would widen the result) and no nesting (`filter[a]=1` is a parameter named `filter[a]`,
 * refused as unknown like any other). The URL length limit of the HTTP server bounds the work.
 */
export type QueryValues = Record<string, string | string[]>;

export function parseQueryString(text: string): QueryValues {
  const values: QueryValues = Object.create(null) as QueryValues;
  for (const [name, value] of new URLSearchParams(text)) {
    const existing = values[name];
    if (existing === undefined) values[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else values[name] = [existing, value];
  }
  return values;
}
