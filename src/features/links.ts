/**
 * Links and URLs — OGC API – Features Part 1 `/req/core/root-success` … `/req/core/f-links`: every link is
 * absolute (QGIS and GDAL mis-resolve relative ones) and carries `type`; `self` and `alternate` per format;
 * `next`/`prev` keep every query parameter of the request.
 */
import type { Request } from 'express';
import { baseUrl } from '../http/base-url';
import { HTML } from './negotiate';

/** A link object as in OGC API – Common (`rel`, `type`, `href`, optional `title`). */
export interface Link {
  readonly href: string;
  readonly rel: string;
  readonly type: string;
  readonly title?: string;
}

/** `http://host/prefix/ogc/v1`: the API root of this request, without trailing slash. */
export function apiRoot(req: Request, publicBaseUrl: string | undefined): string {
  return `${baseUrl(req, publicBaseUrl)}${req.baseUrl}`;
}

/** `url` with the given query parameters (in order); `undefined` values are left out. */
export function withQuery(url: string, query: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  const text = params.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
  return text ? `${url}?${text}` : url;
}

/** `self` in the served format and `alternate` in the other, both for the same query. */
export function selfAndAlternate(
  url: string,
  query: Readonly<Record<string, string>>,
  served: { format: 'json' | 'html'; mediaType: string },
  jsonType: string,
  title: string,
): Link[] {
  const { f: _f, ...rest } = query;
  // Served as JSON, self repeats the request; from an HTML page, the JSON link says f=json so a browser gets JSON.
  const jsonHref = withQuery(url, served.format === 'json' ? query : { ...rest, f: 'json' });
  const json: Link = { href: jsonHref, rel: 'self', type: jsonType, title: `${title} (JSON)` };
  const html: Link = { href: withQuery(url, { ...rest, f: 'html' }), rel: 'alternate', type: HTML, title: `${title} (HTML)` };
  return served.format === 'html'
    ? [{ ...html, rel: 'self' }, { ...json, rel: 'alternate' }]
    : [json, html];
}
