/**
 * Conformance class Core — `http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core`, as the OGC ETS
 * (ets-ogcapi-features10) checks it: landing page, conformance, collections, collection, items (limit, bbox,
 * datetime, paging via next, numberMatched/numberReturned/timeStamp) and a single feature; 400 on unknown
 * or invalid parameters.
 */
import { get, itemsUrls, linksOf, openTarget, withParams, type Target } from './harness';

let target: Target;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

test('/req/core/root-success: landing page links service-desc/service-doc, conformance and data', async () => {
  const res = await get(target.landing);
  expect(res.status).toBe(200);
  const rels = res.json().links.map((link: { rel: string }) => link.rel);
  expect(rels.includes('service-desc') || rels.includes('service-doc')).toBe(true);
  expect(rels).toContain('conformance');
  expect(rels).toContain('data');
  for (const link of res.json().links) expect(link.href).toMatch(/^https?:\/\//);
});

test('/req/core/conformance-success: conformsTo lists core', async () => {
  const res = await get(`${target.landing}/conformance`);
  expect(res.status).toBe(200);
  const conformsTo = res.json().conformsTo;
  expect(conformsTo.every((uri: unknown) => typeof uri === 'string')).toBe(true);
  expect(conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
});

test('/req/core/fc-md-success and sfc-md-success: collections and each collection agree', async () => {
  const list = await get(`${target.landing}/collections`);
  expect(list.status).toBe(200);
  const body = list.json();
  expect(body.links.length).toBeGreaterThan(0);
  expect(body.collections.length).toBeGreaterThan(0);
  if (body.crs) expect(['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'http://www.opengis.net/def/crs/OGC/0/CRS84h']).toContain(body.crs[0]);
  for (const entry of body.collections) {
    expect(entry.itemType === undefined || entry.itemType === 'feature').toBe(true);
    expect(linksOf(entry, 'items').length).toBeGreaterThan(0);
    const self = linksOf(entry, 'self')[0]?.href ?? `${target.landing}/collections/${entry.id}`;
    const single = await get(self);
    expect(single.status).toBe(200);
    const doc = single.json();
    expect([doc.id, doc.title, doc.description, doc.extent]).toEqual([entry.id, entry.title, entry.description, entry.extent]);
    for (const link of entry.links) expect(doc.links).toContainEqual(link);
  }
});

test('/req/core/fc-response: items with limit, counts, timeStamp and CRS84 geometries', async () => {
  for (const { items } of await itemsUrls(target.landing)) {
    const res = await get(withParams(items, { limit: '10' }), 'application/geo+json');
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(Array.isArray(body.features)).toBe(true);
    expect(body.features.length).toBeLessThanOrEqual(10);
    if (body.numberReturned !== undefined) expect(body.numberReturned).toBe(body.features.length);
    if (body.timeStamp !== undefined) expect(Number.isNaN(Date.parse(body.timeStamp))).toBe(false);
    expect(linksOf(body, 'self').length).toBe(1);
    for (const link of body.links.filter((candidate: { rel: string }) => ['self', 'alternate', 'next', 'prev'].includes(candidate.rel))) {
      expect(link.type).toEqual(expect.any(String));
    }
    for (const feature of body.features) {
      expect(feature.id).toBeDefined();
      if (feature.geometry) {
        const [lon, lat] = feature.geometry.coordinates;
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
    }
  }
});

test('/req/core/fc-limit-response and paging: features reached through next add up to numberMatched', async () => {
  for (const { items } of await itemsUrls(target.landing)) {
    const first = (await get(withParams(items, { limit: '1' }), 'application/geo+json')).json();
    if (first.numberMatched === undefined || first.numberMatched > 10000) continue;
    const ids: unknown[] = first.features.map((feature: { id: unknown }) => feature.id);
    let next = linksOf(first, 'next')[0]?.href;
    for (let request = 0; next && request < 10000; request++) {
      const page = (await get(next, 'application/geo+json')).json();
      ids.push(...page.features.map((feature: { id: unknown }) => feature.id));
      next = linksOf(page, 'next')[0]?.href;
    }
    expect(ids.length).toBe(first.numberMatched);
    expect(new Set(ids).size).toBe(ids.length);
  }
});

test('/req/core/fc-bbox-response: ETS boxes (incl. antimeridian and poles) answer 200 with intersecting features', async () => {
  for (const { items, collection } of await itemsUrls(target.landing)) {
    const boxes = [collection.extent?.spatial?.bbox?.[0]?.join(','), '-1.5,50,1.5,53', '-80,-5,-70,5', '177,65,-177,70', '-180,85,180,90', '-180,-90,180,-85'].filter(Boolean);
    for (const bbox of boxes as string[]) {
      const res = await get(withParams(items, { bbox, limit: '10' }), 'application/geo+json');
      expect([bbox, res.status]).toEqual([bbox, 200]);
      const [minX, minY, maxX, maxY] = bbox.split(',').map(Number) as [number, number, number, number];
      for (const feature of res.json().features) {
        const [lon, lat] = feature.geometry.coordinates;
        expect(lat >= minY && lat <= maxY).toBe(true);
        expect(minX <= maxX ? lon >= minX && lon <= maxX : lon >= minX || lon <= maxX).toBe(true);
      }
    }
  }
});

test('/req/core/fc-time-response: instants and intervals answer 200', async () => {
  for (const { items } of await itemsUrls(target.landing)) {
    for (const datetime of ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z/2030-01-01T00:00:00Z', '../2030-01-01T00:00:00Z', '2000-01-01T00:00:00Z/..']) {
      expect([datetime, (await get(withParams(items, { datetime }), 'application/geo+json')).status]).toEqual([datetime, 200]);
    }
  }
});

test('/req/core/query-param-invalid and query-param-unknown: 400', async () => {
  for (const { items } of await itemsUrls(target.landing)) {
    expect((await get(withParams(items, { limit: 'unlimited' }), 'application/geo+json')).status).toBe(400);
    expect((await get(withParams(items, { unknownQueryParameter12345: '1' }), 'application/geo+json')).status).toBe(400);
  }
});

test('/req/core/f-success: a feature by id has self, alternate and collection links with types', async () => {
  for (const { items } of await itemsUrls(target.landing)) {
    const first = (await get(withParams(items, { limit: '1' }), 'application/geo+json')).json().features[0];
    if (!first) continue;
    const res = await get(`${items.split('?')[0]}/${first.id}`, 'application/geo+json');
    expect(res.status).toBe(200);
    const feature = res.json();
    expect(feature.id).toEqual(first.id);
    for (const rel of ['self', 'alternate', 'collection']) {
      expect(linksOf(feature, rel).length).toBeGreaterThan(0);
      for (const link of linksOf(feature, rel)) expect(link.type).toEqual(expect.any(String));
    }
    expect((await get(`${items.split('?')[0]}/does-not-exist-0`, 'application/geo+json')).status).toBe(404);
  }
});
