/**
 * Public read-only resources: CORS for reads from any origin, OPTIONS (and CORS preflight) answered with 204
 * and `Allow`, other methods refused with 405 and `Allow` (NL API Design Rules; RFC 9110 §15.5.6).
 */
import type { RequestHandler, Response } from 'express';
import { MethodNotAllowedError } from '../errors/errors';

export const READ_METHODS = 'GET, HEAD, OPTIONS';

/** CORS headers of a public read; `expose` lists response headers scripts may read. */
export function allowPublicReads(res: Response, expose: string): void {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Access-Control-Expose-Headers', expose);
}

/** 204 with `Allow` and the CORS preflight headers. */
export function answerOptions(res: Response, allowHeaders: string): void {
  res.set('Allow', READ_METHODS);
  res.set('Access-Control-Allow-Methods', READ_METHODS);
  res.set('Access-Control-Allow-Headers', allowHeaders);
  res.set('Access-Control-Max-Age', '86400');
  res.status(204).end();
}

/** For a read-only API: CORS on reads, OPTIONS answered, writes refused with 405. */
export function readOnly(expose: string, allowHeaders: string): RequestHandler {
  return (req, res, next) => {
    allowPublicReads(res, expose);
    if (req.method === 'OPTIONS') {
      answerOptions(res, allowHeaders);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.set('Allow', READ_METHODS);
      next(new MethodNotAllowedError(req.method, READ_METHODS));
      return;
    }
    next();
  };
}
