/**
 * Shared plumbing of the Features handlers: one response per resource in the negotiated format (JSON or HTML —
 * OGC API – Features Part 1 `/req/geojson/content`, `/req/html/content`), async errors forwarded to the one
 * problem+json error handler, and the 404 for an unknown collection (`/req/core/sfc-md-op`).
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { NotFoundError } from '../errors/errors';
import { collectionById, type CollectionDef } from './collections';
import { HTML, type Negotiated } from './negotiate';

/** What the Features handlers need: the database and the configured public base URL (if any). */
export interface FeaturesDeps {
  knex: Knex;
  publicBaseUrl: string | undefined;
}

/** Sends `json` (an object or ready JSON text) with the negotiated media type, or the HTML `renderHtml` builds. */
/**
 * What HTML pages may load: only this server's scripts and styles, and the background map of the Dutch
 * government's PDOK service (no third-party trackers; nothing inline is executed).
 */
const HTML_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https://service.pdok.nl; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'";

export function send(res: Response, served: Negotiated, json: unknown, renderHtml: () => string): void {
  res.vary('Accept');
  // Public, anonymous data: short shared caching (plus express's strong ETag) lets a proxy absorb bursts.
  res.set('Cache-Control', 'public, max-age=60');
  if (served.format === 'html') res.set('Content-Security-Policy', HTML_POLICY).type(HTML).send(renderHtml());
  else {
    const body = typeof json === 'string' ? json : JSON.stringify(json);
    // A media type with parameters (the OpenAPI one) is sent verbatim: express would insert a charset before them.
    if (served.mediaType.includes(';')) res.type(served.mediaType).send(Buffer.from(body));
    else res.type(served.mediaType).send(body);
  }
}

/** An express handler that forwards thrown and rejected errors to the error handler. */
export function wrap(handler: (req: Request, res: Response) => Promise<void> | void): RequestHandler {
  return (req, res, next) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch(next);
  };
}

/** The collection named in the path, or a 404. */
export function requireCollection(req: Request): CollectionDef {
  const collection = collectionById(req.params.collectionId ?? '');
  if (!collection) throw new NotFoundError(`no collection '${req.params.collectionId}'`);
  return collection;
}
