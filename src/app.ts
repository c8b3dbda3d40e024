/**
 * Composition root: builds the express application from its dependencies without listening, so tests
 * drive it through supertest and `main.ts` serves it.
 */
import express from 'express';
import type { Logger } from 'pino';
import type { Config } from './config/config';
import type { Database } from './db/connect';
import { errorHandler, notFound } from './http/error-handler';
import { healthRouter } from './http/health';
import { parseQueryString } from './http/query-string';
import { requestLog } from './http/request-log';
import { featuresRouter } from './features';
import { vocabulariesRouter } from './register/vocabularies/routes';
import { staRouter } from './sta/routes';

export interface AppDeps {
  config: Pick<Config, 'publicBaseUrl' | 'defaultTop' | 'maxTop' | 'maxResponseEntities' | 'maxBodySize'>;
  db: Database;
  logger: Logger;
}

export function createApp({ config, db, logger }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.set('strict routing', true);
  app.set('query parser', parseQueryString);
  app.use(requestLog(logger));
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });
  if (!config.publicBaseUrl) {
    // Links are built from these headers, so shared caches must keep responses apart by them.
    app.use((_req, res, next) => {
      res.vary('Host').vary('X-Forwarded-Host').vary('X-Forwarded-Proto').vary('X-Forwarded-Prefix');
      next();
    });
  }
  app.use(express.json({ limit: config.maxBodySize }));
  app.use(healthRouter(db));
  // Until the public map exists, the root shows the sensors on the Features API's HTML map.
  app.get('/', (_req, res) => res.redirect(302, 'ogc/v1/collections/sensors/items?f=html&limit=1000'));
  const { publicBaseUrl, defaultTop, maxTop, maxResponseEntities } = config;
  app.use('/sta', staRouter({ knex: db.knex, publicBaseUrl, defaultTop, maxTop, maxResponseEntities }));
  app.use('/ogc/v1', featuresRouter({ knex: db.knex, publicBaseUrl: config.publicBaseUrl }));
  app.use('/api/v1', vocabulariesRouter(db.knex));
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
