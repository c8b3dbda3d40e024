/**
 * The OGC API – Features router (mounted at `/ogc/v1`): landing page, conformance, API definition,
 * collections, items, item and queryables, each answering GET/HEAD (JSON or HTML) and OPTIONS, with the
 * NL API Design Rules applied to every response and errors rendered as application/problem+json.
 */
import { Router } from 'express';
import type { Knex } from 'knex';
import { MethodNotAllowedError, NotFoundError } from '../errors/errors';
import { errorFormat } from '../http/error-handler';
import { READ_METHODS } from '../http/public-reads';
import { answerOptions, apiRules } from './api-rules';
import { assetsRouter } from './html/assets';
import { cql2Filter } from './cql2-filter';
import { item, items } from './items-handlers';
import { apiDefinition, collection, collections, conformance, landingPage, openApiJson, queryables } from './metadata-handlers';

export interface FeaturesRouterDeps {
  knex: Knex;
  publicBaseUrl: string | undefined;
}

export function featuresRouter(deps: FeaturesRouterDeps): Router {
  const router = Router({ strict: true, caseSensitive: true });
  router.use(errorFormat('problem'));
  router.use(apiRules);
  router.use('/assets', assetsRouter());
  const resources: Array<[string, ReturnType<typeof landingPage>]> = [
    ['/', landingPage(deps)],
    ['/conformance', conformance(deps)],
    ['/api', apiDefinition(deps)],
    ['/openapi.json', openApiJson(deps)],
    ['/collections', collections(deps)],
    ['/collections/:collectionId', collection(deps)],
    ['/collections/:collectionId/queryables', queryables(deps)],
    ['/collections/:collectionId/items', items({ ...deps, extraFilter: cql2Filter(deps.knex) })],
    ['/collections/:collectionId/items/:featureId', item(deps)],
  ];
  for (const [path, handler] of resources) {
    router.get(path, handler);
    router.options(path, answerOptions);
    // The resources are read-only: writes are refused as such, not as missing resources.
    router.all(path, (req, res, next) => {
      res.set('Allow', READ_METHODS);
      next(new MethodNotAllowedError(req.method, READ_METHODS));
    });
  }
  router.use((req, _res, next) => next(new NotFoundError(`no resource at ${req.originalUrl.split('?')[0]}`)));
  return router;
}
