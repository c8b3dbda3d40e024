/**
 * NL API Design Rules for every response under the Features API: `API-Version` header (`/core/version-header`),
 * CORS for public reads (`/core/publish-openapi`, OGC API – Features Part 1 recommendation on CORS), OPTIONS
 * answered with 204 and `Allow`, and 404 for a path with a trailing slash (`/core/no-trailing-slash`).
 */
import type { RequestHandler } from 'express';
import { NotFoundError } from '../errors/errors';
import { allowPublicReads, answerOptions as answerPublicOptions } from '../http/public-reads';
import { collectionById } from './collections';
import { API_VERSION } from './openapi';

export const apiRules: RequestHandler = (req, res, next) => {
  res.set('API-Version', API_VERSION);
  allowPublicReads(res, 'API-Version, Content-Crs, Link');
  const path = req.originalUrl.split('?')[0] ?? '';
  if (path.length > 1 && path.endsWith('/')) {
    next(new NotFoundError(`no resource at ${path}: remove the trailing slash`));
    return;
  }
  next();
};

/** The OPTIONS answer for a resource that exists (also a CORS preflight answer); 404 for an unknown collection. */
export const answerOptions: RequestHandler = (req, res, next) => {
  if (req.params.collectionId !== undefined && !collectionById(req.params.collectionId)) {
    next(new NotFoundError(`no collection '${req.params.collectionId}'`));
    return;
  }
  answerPublicOptions(res, 'Accept, Accept-Language, Content-Type, Content-Crs');
};
