/**
 * Format negotiation, done once per request: `f=` first, then `Accept` (OGC API – Features Part 1
 * `/req/geojson/content`, `/req/html/content`; an Accept header nothing satisfies is a 406 as in the OpenAPI
 * status-code table). Each resource names its JSON media types in preference order.
 */
import type { Request } from 'express';
import { BadRequestError, NotAcceptableError } from '../errors/errors';

export const HTML = 'text/html';
export const JSON_TYPE = 'application/json';
export const GEOJSON = 'application/geo+json';
export const OPENAPI = 'application/vnd.oai.openapi+json;version=3.0';
export const SCHEMA_JSON = 'application/schema+json';

/** The JSON media types a kind of resource can be served as, the first being its own. */
export const MEDIA = {
  resource: [JSON_TYPE],
  features: [GEOJSON, JSON_TYPE],
  openapi: [OPENAPI, JSON_TYPE],
  schema: [SCHEMA_JSON, JSON_TYPE],
} as const;

export type ResourceKind = keyof typeof MEDIA;

export interface Negotiated {
  readonly format: 'json' | 'html';
  /** The Content-Type to send. */
  readonly mediaType: string;
}

const F_VALUES = ['json', 'html'] as const;

/** Chooses JSON or HTML for a resource of `kind`; 400 on an unknown `f`, 406 when nothing acceptable. */
export function negotiate(req: Request, kind: ResourceKind): Negotiated {
  const own = MEDIA[kind];
  const f = req.query.f;
  if (f !== undefined) {
    if (typeof f !== 'string' || !(F_VALUES as readonly string[]).includes(f)) {
      throw new BadRequestError(`f must be one of ${F_VALUES.join(', ')}`);
    }
    return f === 'html' ? { format: 'html', mediaType: HTML } : { format: 'json', mediaType: own[0] };
  }
  const chosen = req.accepts([...own, HTML]);
  if (!chosen) {
    throw new NotAcceptableError(`this resource is available as ${[...own, HTML].join(', ')}; use Accept or f=json|html`);
  }
  return chosen === HTML ? { format: 'html', mediaType: HTML } : { format: 'json', mediaType: chosen };
}
