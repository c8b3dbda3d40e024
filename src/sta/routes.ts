/** Express routes of the SensorThings API (mounted at `/sta`): `/v1.1` and `/v1.0` — parse, read, render. */
import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { BadRequestError } from '../errors/errors';
import { baseUrl } from '../http/base-url';
import { errorFormat } from '../http/error-handler';
import { readOnly } from '../http/public-reads';
import { ANONYMOUS } from '../register/publication';
import { parseQueryOptions } from '../query/parse-query-options';
import { withOptions } from './links';
import { parseResourcePath } from './parse-path';
import { readPath } from './read';
import { serviceRoot, type StaVersion } from './service-root';

export interface StaDeps {
  knex: Knex;
  publicBaseUrl: string | undefined;
  defaultTop: number;
  maxTop: number;
  maxResponseEntities: number;
}

/** Query parameters as single strings; a repeated option is a client error. */
function singleValued(req: Request): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (typeof value !== 'string') throw new BadRequestError(`query option ${name} may be given once`, { option: name });
    result[name] = value;
  }
  return result;
}

/** The request URL with `$skip` replaced, keeping the path and every other option. */
function withSkip(root: string, path: string, query: Record<string, string>, skip: number): string {
  return withOptions(`${root}/${path}`, { ...query, $skip: String(skip) });
}

export function staRouter(deps: StaDeps): Router {
  const router = Router({ strict: true });
  router.use(errorFormat('sta'));
  router.use(readOnly('Location', 'Accept, Content-Type'));
  for (const version of ['v1.0', 'v1.1'] as StaVersion[]) {
    router.get(`/${version}`, (req, res) => {
      res.json(serviceRoot(`${baseUrl(req, deps.publicBaseUrl)}/sta/${version}`, version));
    });
    router.get(`/${version}/*`, async (req, res, next) => {
      try {
        const root = `${baseUrl(req, deps.publicBaseUrl)}/sta/${version}`;
        const relative = decodeURIComponent(req.path.slice(`/${version}/`.length));
        const path = parseResourcePath(relative);
        const query = singleValued(req);
        const limits = { defaultTop: deps.defaultTop, maxTop: deps.maxTop };
        const options = parseQueryOptions(query, limits);
        if (options.resultFormat) {
          throw new BadRequestError('$resultFormat=dataArray is not supported by this server', { option: '$resultFormat' });
        }
        const result = await readPath(
          {
            knex: deps.knex,
            viewer: ANONYMOUS,
            root,
            nextLink: (skip) => withSkip(root, relative, query, skip),
            maxResponseEntities: deps.maxResponseEntities,
          },
          path,
          options,
          parseQueryOptions({}, limits),
        );
        if (result.kind === 'value') {
          res.type(result.json ? 'application/json' : 'text/plain').send(result.body);
          return;
        }
        res.json(result.body);
      } catch (error) {
        next(error);
      }
    });
  }
  return router;
}
