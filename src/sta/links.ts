/** Links that carry query options (`@iot.nextLink`), encoded as the service encodes them everywhere. */

/** `url` with the options `query` appended, `$` and `/` left readable. */
export function withOptions(url: string, query: Record<string, string>): string {
  const params = new URLSearchParams(query).toString().replace(/%24/g, '$').replace(/%2F/gi, '/');
  return params ? `${url}?${params}` : url;
}
