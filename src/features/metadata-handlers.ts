/**
 * Handlers of the metadata resources — OGC API – Features Part 1 `/req/core/root-success` (landing page with
 * service-desc, service-doc, conformance and data links), `/req/core/conformance-success`, `/req/oas30`
 * (`/api`, plus `/openapi.json` for the NL ADR), `/req/core/fc-md-success`, `/req/core/sfc-md-success`, and
 * Part 3 `/req/queryables`. One handler per resource; the format is negotiated once, then JSON or HTML.
 */
import type { Request, RequestHandler } from 'express';
import { collectionDocument, COLLECTIONS } from './collections';
import { CONFORMANCE_CLASSES } from './conformance';
import { SUPPORTED_CRS } from './crs';
import { apiHtml, collectionHtml, collectionsHtml, conformanceHtml, landingHtml, queryablesHtml } from './html/pages';
import { apiRoot, selfAndAlternate, type Link } from './links';
import { HTML, JSON_TYPE, negotiate, OPENAPI, SCHEMA_JSON, type Negotiated, type ResourceKind } from './negotiate';
import { openApiDocument } from './openapi';
import { declaredParameters } from './query-parameters';
import { queryablesDocument } from './queryables';
import { requireCollection, send, wrap, type FeaturesDeps } from './respond';

const ONLY_F: ReadonlySet<string> = new Set(['f']);

/** What a metadata handler works with: the API root, the negotiated format, the declared query. */
interface Context {
  root: string;
  served: Negotiated;
  query: Record<string, string>;
}

function context(req: Request, deps: FeaturesDeps, kind: ResourceKind): Context {
  const query = declaredParameters(req, ONLY_F);
  return { root: apiRoot(req, deps.publicBaseUrl), served: negotiate(req, kind), query };
}

const TITLE = 'Sensorregister — OGC API Features';
const DESCRIPTION =
  'Sensoren die overheden in de openbare ruimte plaatsen: wie, wat, waar en waarom. / Sensors placed in Dutch public space by government bodies: who, what, where and why.';

export function landingPage(deps: FeaturesDeps): RequestHandler {
  return wrap((req, res) => {
    const { root, served, query } = context(req, deps, 'resource');
    const links: Link[] = [
      ...selfAndAlternate(root, query, served, JSON_TYPE, 'Landing page'),
      { href: `${root}/api`, rel: 'service-desc', type: OPENAPI, title: 'API definition (OpenAPI 3.0)' },
      { href: `${root}/api?f=html`, rel: 'service-doc', type: HTML, title: 'API documentation' },
      { href: `${root}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
      { href: `${root}/collections`, rel: 'data', type: JSON_TYPE, title: 'Collections' },
      { href: `${root}/collections?f=html`, rel: 'data', type: HTML, title: 'Collections (HTML)' },
    ];
    const doc = { title: TITLE, description: DESCRIPTION, links };
    send(res, served, doc, () => landingHtml(root, doc));
  });
}

export function conformance(deps: FeaturesDeps): RequestHandler {
  return wrap((req, res) => {
    const { root, served, query } = context(req, deps, 'resource');
    const doc = { links: selfAndAlternate(`${root}/conformance`, query, served, JSON_TYPE, 'Conformance'), conformsTo: CONFORMANCE_CLASSES };
    send(res, served, doc, () => conformanceHtml(root, doc));
  });
}

export function apiDefinition(deps: FeaturesDeps): RequestHandler {
  return wrap((req, res) => {
    const { root, served, query } = context(req, deps, 'openapi');
    const doc = openApiDocument(root);
    send(res, served, doc, () => apiHtml(root, doc, selfAndAlternate(`${root}/api`, query, served, OPENAPI, 'API definition')));
  });
}

/** `/openapi.json`: always the JSON document (NL ADR `/core/publish-openapi`). */
export function openApiJson(deps: FeaturesDeps): RequestHandler {
  return wrap((req, res) => {
    declaredParameters(req, new Set());
    res.type(JSON_TYPE).send(JSON.stringify(openApiDocument(apiRoot(req, deps.publicBaseUrl))));
  });
}

export function collections(deps: FeaturesDeps): RequestHandler {
  return wrap(async (req, res) => {
    const { root, served, query } = context(req, deps, 'resource');
    const list = [];
    for (const collection of COLLECTIONS) list.push(await collectionDocument(deps.knex, root, collection));
    const doc = {
      links: selfAndAlternate(`${root}/collections`, query, served, JSON_TYPE, 'Collections'),
      crs: SUPPORTED_CRS.map((crs) => crs.uri),
      collections: list,
    };
    send(res, served, doc, () => collectionsHtml(root, doc));
  });
}

export function collection(deps: FeaturesDeps): RequestHandler {
  return wrap(async (req, res) => {
    const { root, served } = context(req, deps, 'resource');
    const found = requireCollection(req);
    const doc = await collectionDocument(deps.knex, root, found);
    send(res, served, doc, () => collectionHtml(root, doc));
  });
}

export function queryables(deps: FeaturesDeps): RequestHandler {
  return wrap((req, res) => {
    const { root, served, query } = context(req, deps, 'schema');
    const found = requireCollection(req);
    const url = `${root}/collections/${found.id}/queryables`;
    const doc = queryablesDocument(url, `Queryables: ${found.title}`);
    const links = [
      ...selfAndAlternate(url, query, served, SCHEMA_JSON, 'Queryables'),
      { href: `${root}/collections/${found.id}`, rel: 'collection', type: JSON_TYPE, title: found.title },
    ];
    send(res, served, doc, () => queryablesHtml(root, found, doc, links));
  });
}
