/**
 * Part 2 CRS by reference: `crs` on items and item (CRS84, EPSG:4326/4258 lat-lon, RD New, Web Mercator),
 * `Content-Crs`, `bbox-crs`, 400 for unsupported CRSs. RD output is checked against PostGIS's own ST_Transform.
 */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { addSensorFixture, featuresApp, RD_POINT, type FixtureIds } from './support';

let db: Database;
let app: ReturnType<typeof featuresApp>;
let ids: FixtureIds;
const EPSG = (code: number): string => `http://www.opengis.net/def/crs/EPSG/0/${code}`;
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

beforeAll(async () => {
  db = await openTestDatabase();
  ids = await addSensorFixture(db.knex);
  app = featuresApp(db, 'https://register.example.nl');
});
afterAll(() => db.close());

async function coordinatesOf(path: string): Promise<{ coordinates: number[]; contentCrs: string }> {
  const res = await request(app).get(path).expect(200);
  return { coordinates: JSON.parse(res.text).geometry.coordinates, contentCrs: res.headers['content-crs'] as string };
}

/** PostGIS's own transform of the stored location of Thing `id`. */
async function postgisTransform(id: number, srid: number): Promise<[number, number]> {
  const row = await db
    .knex('locations as l')
    .join('things_locations as tl', 'tl.location_id', 'l.id')
    .where('tl.thing_id', id)
    .first(db.knex.raw('ST_X(ST_Transform(l.geom, ?::int)) AS x, ST_Y(ST_Transform(l.geom, ?::int)) AS y', [srid, srid]));
  return [Number(row.x), Number(row.y)];
}

test('crs on a single feature: axis order, precision and Content-Crs per CRS', async () => {
  const base = `/ogc/v1/collections/sensors/items/${ids.a}`;
  expect(await coordinatesOf(base)).toEqual({ coordinates: [4.3, 52.08], contentCrs: `<${CRS84}>` });
  expect(await coordinatesOf(`${base}?crs=${CRS84}`)).toEqual({ coordinates: [4.3, 52.08], contentCrs: `<${CRS84}>` });
  expect(await coordinatesOf(`${base}?crs=${EPSG(4326)}`)).toEqual({ coordinates: [52.08, 4.3], contentCrs: `<${EPSG(4326)}>` });
  const etrs = await coordinatesOf(`${base}?crs=${EPSG(4258)}`);
  expect(etrs.contentCrs).toBe(`<${EPSG(4258)}>`);
  const [etrsLat, etrsLon] = etrs.coordinates as [number, number];
  expect(Math.abs(etrsLat - 52.08)).toBeLessThan(1e-5);
  expect(Math.abs(etrsLon - 4.3)).toBeLessThan(1e-5);
  const rd = await coordinatesOf(`${base}?crs=${EPSG(28992)}`);
  const [rdX, rdY] = await postgisTransform(ids.a, 28992);
  expect(rd.contentCrs).toBe(`<${EPSG(28992)}>`);
  expect(rd.coordinates).toEqual([Math.round(rdX * 1000) / 1000, Math.round(rdY * 1000) / 1000]);
  const mercator = await coordinatesOf(`${base}?crs=EPSG:3857`);
  const [mx, my] = await postgisTransform(ids.a, 3857);
  expect(mercator).toEqual({ coordinates: [Math.round(mx * 1000) / 1000, Math.round(my * 1000) / 1000], contentCrs: `<${EPSG(3857)}>` });
  expect(mercator.coordinates[0]).toBeCloseTo(478673.81, 1);
});

test('the Thing registered at RD 155000 463000 comes back there within 0.01 m, as PostGIS computes it', async () => {
  const rd = await coordinatesOf(`/ogc/v1/collections/sensors/items/${ids.c}?crs=${EPSG(28992)}`);
  const [x, y] = await postgisTransform(ids.c, 28992);
  const [outX, outY] = rd.coordinates as [number, number];
  expect(Math.abs(outX - x)).toBeLessThan(0.01);
  expect(Math.abs(outY - y)).toBeLessThan(0.01);
  expect(Math.abs(outX - RD_POINT.x)).toBeLessThan(0.01);
  expect(Math.abs(outY - RD_POINT.y)).toBeLessThan(0.01);
  // at most 3 decimals in metres, 8 in degrees
  for (const value of rd.coordinates) expect(Math.round(value * 1000) / 1000).toBe(value);
  const degrees = await coordinatesOf(`/ogc/v1/collections/sensors/items/${ids.c}`);
  for (const value of degrees.coordinates) expect(Math.round(value * 1e8) / 1e8).toBe(value);
  expect(degrees.coordinates.some((value) => String(value).split('.')[1]?.length === 8)).toBe(true);
});

test('crs on items transforms every feature and sets Content-Crs; items keep id order', async () => {
  const res = await request(app).get(`/ogc/v1/collections/sensors/items?crs=${EPSG(4326)}`).expect(200);
  expect(res.headers['content-crs']).toBe(`<${EPSG(4326)}>`);
  const body = JSON.parse(res.text);
  expect(body.features.map((feature: { id: number; geometry: { coordinates: number[] } }) => [feature.id, feature.geometry.coordinates[0]! > 50])).toEqual([
    [ids.a, true],
    [ids.b, true],
    [ids.c, true],
    [ids.script, true],
  ]);
  expect(body.features[0].geometry.coordinates).toEqual([52.08, 4.3]);
  const rd = JSON.parse((await request(app).get(`/ogc/v1/collections/sensors/items?crs=EPSG:28992&limit=1&offset=2`).expect(200)).text);
  expect(rd.features[0].id).toBe(ids.c);
  expect(rd.features[0].geometry.coordinates.map((value: number) => Math.round(value))).toEqual([RD_POINT.x, RD_POINT.y]);
});

test('bbox-crs: RD, lat/lon EPSG:4326 and 4258, Web Mercator select the same features as the CRS84 box', async () => {
  const ids84 = await idsOf('?bbox=5,52,6,53');
  expect(ids84).toEqual([ids.c, ids.script]);
  expect(await idsOf(`?bbox=52,5,53,6&bbox-crs=${EPSG(4326)}`)).toEqual(ids84);
  expect(await idsOf(`?bbox=52,5,53,6&bbox-crs=${EPSG(4258)}`)).toEqual(ids84);
  expect(await idsOf(`?bbox=154990,462990,155010,463010&bbox-crs=${EPSG(28992)}`)).toEqual([ids.c]);
  expect(await idsOf(`?bbox=40000,440000,100000,470000&bbox-crs=${EPSG(28992)}`)).toEqual([ids.a, ids.b]);
  expect(await idsOf(`?bbox=478000,6814000,479000,6815000&bbox-crs=${EPSG(3857)}`)).toEqual([ids.a]);
  expect(await idsOf(`?bbox=5,52,6,53&bbox-crs=${CRS84}`)).toEqual(ids84);
  // a CRS84-ordered box sent as EPSG:4326 means latitude 5…6: nothing there
  expect(await idsOf(`?bbox=5,52,6,53&bbox-crs=${EPSG(4326)}`)).toEqual([]);
});

test('unsupported crs or bbox-crs is 400; out-of-area RD boxes are 400', async () => {
  for (const path of [
    '/ogc/v1/collections/sensors/items?crs=http://www.opengis.net/def/crs/0/unsupported',
    `/ogc/v1/collections/sensors/items/${ids.a}?crs=EPSG:9067`,
    '/ogc/v1/collections/sensors/items?bbox-crs=http://www.opengis.net/def/crs/0/unsupported&bbox=5,49,6,50',
    `/ogc/v1/collections/sensors/items?bbox=0,0,1e9,1e9&bbox-crs=${EPSG(28992)}`,
    `/ogc/v1/collections/sensors/items?bbox=200000,400000,100000,500000&bbox-crs=${EPSG(28992)}`,
    `/ogc/v1/collections/sensors/items?bbox=5,52,6,53&bbox-crs=${EPSG(4326)}x`,
  ]) {
    const res = await request(app).get(path).expect(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  }
});

async function idsOf(query: string): Promise<number[]> {
  const res = await request(app).get(`/ogc/v1/collections/sensors/items${query}`).expect(200);
  return JSON.parse(res.text).features.map((feature: { id: number }) => feature.id);
}
