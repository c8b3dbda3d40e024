/**
 * Handlers of the feature resources — OGC API – Features Part 1 `/req/core/fc-response` (FeatureCollection
 * with self/alternate/next/prev links, numberMatched, numberReturned, timeStamp), `/req/core/f-success`
 * (Feature with self/alternate/collection links), `/req/geojson/content` (application/geo+json); Part 2
 * `/req/crs/ogc-crs-header` (`Content-Crs`). HTML pages always draw CRS84 geometry on the map.
 */
import type { Request, RequestHandler } from 'express';
import { NotFoundError } from '../errors/errors';
import type { CollectionDef } from './collections';
import { contentCrsHeader, DEFAULT_CRS, type CrsDef } from './crs';
import { featureById, featuresAndCount, type FeatureFilter } from './feature-sql';
import { itemHtml, itemsHtml, type Feature } from './html/features';
import { ITEM_DECLARED, ITEMS_DECLARED, parseFeatureId, parseItemQuery, parseItemsQuery } from './items-query';
import { apiRoot, selfAndAlternate, withQuery, type Link } from './links';
import { GEOJSON, HTML, JSON_TYPE, negotiate, type Negotiated } from './negotiate';
import { declaredParameters } from './query-parameters';
import { requireCollection, send, wrap, type FeaturesDeps } from './respond';

/** Adds conditions to the items query before it runs: the CQL2 `filter`, compiled by the shared filter compiler. */
export type ExtraFilter = (req: Request, collection: CollectionDef) => FeatureFilter['where'] | undefined;

export interface ItemsDeps extends FeaturesDeps {
  extraFilter?: ExtraFilter;
}

/** `next`/`prev` for the served format, keeping every parameter and the limit actually applied. */
function pagingLinks(url: string, query: Record<string, string>, served: Negotiated, page: { limit: number; offset: number; matched: number; returned: number }): Link[] {
  const type = served.format === 'html' ? HTML : GEOJSON;
  const at = (offset: number): string => withQuery(url, { ...query, limit: String(page.limit), offset: String(offset) });
  const links: Link[] = [];
  if (page.offset + page.returned < page.matched) links.push({ href: at(page.offset + page.limit), rel: 'next', type, title: 'Volgende / Next page' });
  // From beyond the last feature, `prev` leads to the last page rather than through empty ones.
  const previous = Math.max(0, Math.min(page.offset - page.limit, page.matched - page.limit));
  if (page.offset > 0) links.push({ href: at(previous), rel: 'prev', type, title: 'Vorige / Previous page' });
  return links;
}

export function items(deps: ItemsDeps): RequestHandler {
  const declared = ITEMS_DECLARED;
  return wrap(async (req, res) => {
    const collection = requireCollection(req);
    const query = declaredParameters(req, declared);
    const served = negotiate(req, 'features');
    const parsed = parseItemsQuery(query);
    const where = deps.extraFilter?.(req, collection);
    const filter: FeatureFilter = where ? { ...parsed.filter, where } : parsed.filter;
    const crs: CrsDef = served.format === 'html' ? DEFAULT_CRS : parsed.crs;
    const root = apiRoot(req, deps.publicBaseUrl);
    const url = `${root}/collections/${collection.id}/items`;
    const { features: texts, matched } = await featuresAndCount(deps.knex, filter, { limit: parsed.limit, offset: parsed.offset, sort: parsed.sort }, crs);
    const links = [
      ...selfAndAlternate(url, query, served, GEOJSON, 'Features'),
      ...pagingLinks(url, query, served, { limit: parsed.limit, offset: parsed.offset, matched, returned: texts.length }),
      { href: `${root}/collections/${collection.id}`, rel: 'collection', type: JSON_TYPE, title: collection.title },
    ];
    const head = { type: 'FeatureCollection', numberMatched: matched, numberReturned: texts.length, timeStamp: new Date().toISOString(), links };
    res.set('Content-Crs', contentCrsHeader(crs));
    const json = `${JSON.stringify(head).slice(0, -1)},"features":[${texts.join(',')}]}`;
    send(res, served, json, () =>
      itemsHtml(root, collection, { ...head, features: texts.map((text) => JSON.parse(text) as Feature) }, parsed.offset),
    );
  });
}

export function item(deps: FeaturesDeps): RequestHandler {
  return wrap(async (req, res) => {
    const collection = requireCollection(req);
    const query = declaredParameters(req, ITEM_DECLARED);
    const served = negotiate(req, 'features');
    const requested = parseItemQuery(query);
    const id = parseFeatureId(req.params.featureId ?? '');
    const crs = served.format === 'html' ? DEFAULT_CRS : requested;
    const text = id === undefined ? undefined : await featureById(deps.knex, id, crs);
    if (text === undefined) throw new NotFoundError(`no feature '${req.params.featureId}' in collection '${collection.id}'`);
    const root = apiRoot(req, deps.publicBaseUrl);
    const url = `${root}/collections/${collection.id}/items/${id}`;
    const links: Link[] = [
      ...selfAndAlternate(url, query, served, GEOJSON, 'Feature'),
      { href: `${root}/collections/${collection.id}`, rel: 'collection', type: JSON_TYPE, title: collection.title },
    ];
    const feature = { ...(JSON.parse(text) as Feature), links };
    res.set('Content-Crs', contentCrsHeader(crs));
    send(res, served, feature, () => itemHtml(root, collection, feature, links));
  });
}
