/** `/collections`, `/collections/{id}` and `/collections/{id}/queryables` on the known fixture. */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { addSensorFixture, featuresApp } from './support';

let db: Database;
let app: ReturnType<typeof featuresApp>;
const ROOT = 'https://register.example.nl/ogc/v1';
const CRS = [
  'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  'http://www.opengis.net/def/crs/EPSG/0/4326',
  'http://www.opengis.net/def/crs/EPSG/0/4258',
  'http://www.opengis.net/def/crs/EPSG/0/28992',
  'http://www.opengis.net/def/crs/EPSG/0/3857',
];

beforeAll(async () => {
  db = await openTestDatabase();
  await addSensorFixture(db.knex);
  app = featuresApp(db, 'https://register.example.nl');
});
afterAll(() => db.close());

/** The stored WGS84 position of the RD-registered Thing, as PostGIS computed it on insert. */
async function rdThingLonLat(): Promise<[number, number]> {
  const row = await db.knex('locations').where('name', 'Geluidsmeter Amersfoort').first(db.knex.raw('ST_X(geom) AS x, ST_Y(geom) AS y'));
  return [Number(row.x), Number(row.y)];
}

test('the sensors collection: id, title, extent padded 0.15° around the published Things only, CRS list, links', async () => {
  const res = await request(app).get('/ogc/v1/collections/sensors').expect(200);
  const [rdLon, rdLat] = await rdThingLonLat();
  // Published: 4.3 52.08, 4.31 52.09, the RD point, 5.1 52.1. The draft (4.36 52.01) must not widen it.
  expect(res.body.extent).toEqual({
    spatial: {
      bbox: [[4.15, 51.93, Math.ceil((rdLon + 0.15) * 1e6) / 1e6, Math.ceil((rdLat + 0.15) * 1e6) / 1e6]],
      crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
    },
    temporal: { interval: [['2024-01-10T08:00:00Z', null]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' },
  });
  expect(rdLon).toBeCloseTo(5.3872, 3);
  expect(rdLat).toBeCloseTo(52.1552, 3);
  expect(res.body).toMatchObject({
    id: 'sensors',
    title: 'Sensoren in de openbare ruimte / Sensors in public space',
    itemType: 'feature',
    crs: CRS,
    storageCrs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  });
  expect(res.body.crs).toContain(res.body.storageCrs);
  expect(res.body.links.map((link: { rel: string; type: string; href: string }) => [link.rel, link.type, link.href])).toEqual([
    ['self', 'application/json', `${ROOT}/collections/sensors`],
    ['alternate', 'text/html', `${ROOT}/collections/sensors?f=html`],
    ['items', 'application/geo+json', `${ROOT}/collections/sensors/items`],
    ['items', 'text/html', `${ROOT}/collections/sensors/items?f=html`],
    ['http://www.opengis.net/def/rel/ogc/1.0/queryables', 'application/schema+json', `${ROOT}/collections/sensors/queryables`],
  ]);
});

test('/collections lists the same collection object, a global CRS list with CRS84 first, and typed links', async () => {
  const list = await request(app).get('/ogc/v1/collections').expect(200);
  const single = await request(app).get('/ogc/v1/collections/sensors').expect(200);
  expect(list.body.collections).toEqual([single.body]);
  expect(list.body.crs).toEqual(CRS);
  expect(list.body.links).toEqual([
    { href: `${ROOT}/collections`, rel: 'self', type: 'application/json', title: 'Collections (JSON)' },
    { href: `${ROOT}/collections?f=html`, rel: 'alternate', type: 'text/html', title: 'Collections (HTML)' },
  ]);
});

test('an unknown collection is 404 on every collection path', async () => {
  for (const path of ['/ogc/v1/collections/things', '/ogc/v1/collections/things/items', '/ogc/v1/collections/things/items/1', '/ogc/v1/collections/things/queryables', '/ogc/v1/collections/Sensors']) {
    await request(app).get(path).expect(404);
  }
});

test('queryables: JSON Schema 2020-12 with $id, every flat property typed, and the geometry by format', async () => {
  const res = await request(app).get('/ogc/v1/collections/sensors/queryables').expect(200);
  expect(res.headers['content-type']).toBe('application/schema+json; charset=utf-8');
  expect(res.body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(res.body.$id).toBe(`${ROOT}/collections/sensors/queryables`);
  expect(res.body.type).toBe('object');
  const types = Object.fromEntries(
    Object.entries(res.body.properties as Record<string, { type?: string; format?: string }>).map(([name, schema]) => [name, [schema.type ?? null, schema.format ?? null]]),
  );
  expect(types).toEqual({
    geometry: [null, 'geometry-point'],
    name: ['string', null],
    description: ['string', null],
    organisation: ['string', null],
    organisation_slug: ['string', null],
    organisation_kind: ['string', null],
    sensor_type: ['string', null],
    sensor_type_label: ['string', null],
    themes: ['string', null],
    observed_properties: ['string', null],
    purpose: ['string', null],
    personal_data: ['boolean', null],
    legal_ground: ['string', null],
    operator: ['string', null],
    public_contact: ['string', 'email'],
    status: ['string', null],
    active_from: ['string', 'date'],
    active_until: ['string', 'date'],
    reference: ['string', null],
    updated: ['string', 'date-time'],
  });
});
