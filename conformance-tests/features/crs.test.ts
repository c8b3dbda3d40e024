/**
 * Conformance class CRS by Reference — `http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs`, as the
 * ETS checks it: CRS lists with CRS84, storageCrs in the collection's own list, `crs` on items and item with
 * `Content-Crs`, 400 for an unsupported CRS, and `bbox-crs` selecting a subset of the CRS84 box.
 */
import { CRS84, get, itemsUrls, openTarget, withParams, type Target } from './harness';

let target: Target;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

const URI = /^(http:\/\/www\.opengis\.net\/def\/crs\/[^/]+\/[^/]+\/[^/]+|urn:ogc:def:crs:.+)$/;

test('/req/crs/fc-md-crs-list and fc-md-storageCrs: CRS84 listed, storageCrs in the own list, all URIs', async () => {
  for (const { id } of await itemsUrls(target.landing)) {
    const collection = (await get(`${target.landing}/collections/${id}`)).json();
    expect(collection.crs).toContain(CRS84);
    for (const uri of collection.crs) expect(uri).toMatch(URI);
    if (collection.storageCrs) expect(collection.crs).toContain(collection.storageCrs);
  }
});

test('/req/crs/fc-crs-action and ogc-crs-header: every listed CRS on items and item, Content-Crs echoes it', async () => {
  for (const { id, items } of await itemsUrls(target.landing)) {
    const collection = (await get(`${target.landing}/collections/${id}`)).json();
    const plain = await get(withParams(items, { limit: '10' }), 'application/geo+json');
    expect(plain.headers.get('content-crs')).toBe(`<${CRS84}>`);
    const first = plain.json().features[0];
    for (const crs of collection.crs) {
      const res = await get(withParams(items, { crs, limit: '10' }), 'application/geo+json');
      expect([crs, res.status, res.headers.get('content-crs')]).toEqual([crs, 200, `<${crs}>`]);
      if (first) {
        const single = await get(withParams(`${items.split('?')[0]}/${first.id}`, { crs }), 'application/geo+json');
        expect([crs, single.status, single.headers.get('content-crs')]).toEqual([crs, 200, `<${crs}>`]);
      }
    }
  }
});

test('/req/crs/fc-crs-valid-value and fc-bbox-crs-valid-value: unsupported CRSs are 400', async () => {
  for (const { items } of await itemsUrls(target.landing)) {
    expect((await get(withParams(items, { crs: 'http://www.opengis.net/def/crs/0/unsupported' }), 'application/geo+json')).status).toBe(400);
    expect((await get(withParams(items, { 'bbox-crs': 'http://www.opengis.net/def/crs/0/unsupported', bbox: '5,49,6,50' }), 'application/geo+json')).status).toBe(400);
  }
});

test('/req/crs/fc-bbox-crs-action: the extent as lat/lon EPSG:4326 selects the same first page as in CRS84', async () => {
  for (const { items, collection } of await itemsUrls(target.landing)) {
    const [minX, minY, maxX, maxY] = collection.extent.spatial.bbox[0];
    const ids = async (params: Record<string, string>): Promise<unknown[]> =>
      (await get(withParams(items, { limit: '10', ...params }), 'application/geo+json')).json().features.map((feature: { id: unknown }) => feature.id);
    const reference = await ids({ bbox: [minX, minY, maxX, maxY].join(',') });
    expect(await ids({ bbox: [minY, minX, maxY, maxX].join(','), 'bbox-crs': 'http://www.opengis.net/def/crs/EPSG/0/4326' })).toEqual(reference);
    expect(await ids({ bbox: [minX, minY, maxX, maxY].join(','), 'bbox-crs': CRS84 })).toEqual(reference);
  }
});
