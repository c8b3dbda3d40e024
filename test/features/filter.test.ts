/**
 * OGC API – Features Part 3 filtering on the known fixture: CQL2 text and JSON through the shared compiler,
 * every operator family with the exact features expected, filter-crs (RD New, lat/lon), paging with a filter,
 * the publication policy, and 400s that name the position.
 */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { addSensorFixture, featuresApp, type FixtureIds } from './support';

let db: Database;
let app: ReturnType<typeof featuresApp>;
let ids: FixtureIds;

beforeAll(async () => {
  db = await openTestDatabase();
  ids = await addSensorFixture(db.knex);
  app = featuresApp(db, 'https://register.example.nl');
});
afterAll(() => db.close());

async function matching(filter: string, extra = ''): Promise<number[]> {
  const res = await request(app).get(`/ogc/v1/collections/sensors/items?filter=${encodeURIComponent(filter)}${extra}`).expect(200);
  const body = JSON.parse(res.text) as { features: Array<{ id: number }>; numberMatched: number };
  expect(body.numberMatched).toBe(body.features.length);
  return body.features.map((feature) => feature.id);
}

test('basic CQL2: comparisons, booleans, logical operators', async () => {
  expect(await matching("organisation_slug = 'den-haag'")).toEqual([ids.a, ids.b]);
  expect(await matching('personal_data = false')).toEqual([ids.c]);
  expect(await matching("organisation_slug <> 'den-haag' AND NOT personal_data = false")).toEqual([ids.script]);
  expect(await matching("reference = 'DH-1' OR reference = 'PU-7'")).toEqual([ids.a, ids.c]);
  expect(await matching(`id > ${ids.b} AND id <= ${ids.c}`)).toEqual([ids.c]);
});

test('advanced comparison: LIKE, BETWEEN, IN, IS NULL; CASEI and ACCENTI', async () => {
  expect(await matching("name LIKE 'Camera%'")).toEqual([ids.a, ids.b]);
  expect(await matching("name LIKE 'camera%'")).toEqual([]);
  expect(await matching("CASEI(name) LIKE '%camera%'")).toEqual([ids.a, ids.b]);
  expect(await matching("ACCENTI(CASEI(organisation)) LIKE '%utrecht%'")).toEqual([ids.c, ids.script]);
  expect(await matching("name NOT LIKE 'Camera%'")).toEqual([ids.c, ids.script]);
  expect(await matching("status IN ('planned', 'terminated')")).toEqual([ids.script]);
  expect(await matching("active_from >= DATE('2023-01-01') AND active_from <= DATE('2023-12-31')")).toEqual([ids.c]);
  expect(await matching(`id BETWEEN ${ids.b} AND ${ids.c}`)).toEqual([ids.b, ids.c]);
  expect(await matching(`id NOT BETWEEN ${ids.b} AND ${ids.c}`)).toEqual([ids.a, ids.script]);
  expect(await matching("active_from > DATE('2024-01-01')")).toEqual([ids.a]);
  expect(await matching('active_until IS NULL')).toEqual([ids.a, ids.b, ids.script]);
  expect(await matching('active_until IS NOT NULL')).toEqual([ids.c]);
  expect(await matching('active_from < active_until')).toEqual([ids.c]);
});

test('spatial functions with WKT and BBOX literals', async () => {
  expect(await matching('S_INTERSECTS(geometry, BBOX(4.2, 52.0, 4.35, 52.1))')).toEqual([ids.a, ids.b]);
  expect(await matching('S_DISJOINT(geometry, BBOX(4.2, 52.0, 4.35, 52.1))')).toEqual([ids.c, ids.script]);
  expect(await matching('S_WITHIN(geometry, POLYGON((5 52, 5.5 52, 5.5 52.2, 5 52.2, 5 52)))')).toEqual([ids.c, ids.script]);
  expect(await matching('S_EQUALS(geometry, POINT(4.3 52.08))')).toEqual([ids.a]);
  expect(await matching('S_CONTAINS(POLYGON((4 51, 6 51, 6 53, 4 53, 4 51)), geometry) AND NOT S_TOUCHES(geometry, POINT(0 0))')).toHaveLength(4);
  expect(await matching('S_CROSSES(geometry, LINESTRING(4 52, 5 53)) OR S_OVERLAPS(geometry, POINT(4.3 52.08))')).toEqual([]);
});

test('filter-crs: RD New literals, and latitude-first EPSG:4326', async () => {
  const rd = '&filter-crs=' + encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/28992');
  expect(await matching('S_INTERSECTS(geometry, BBOX(154990, 462990, 155010, 463010))', rd)).toEqual([ids.c]);
  expect(await matching('S_INTERSECTS(geometry, BBOX(52.0, 4.2, 52.1, 4.35))', '&filter-crs=EPSG:4326')).toEqual([ids.a, ids.b]);
  expect(await matching('S_EQUALS(geometry, POINT(52.08 4.3))', '&filter-crs=EPSG:4326')).toEqual([ids.a]);
});

test('coordinates copied from a response find their feature (stored with the 8 decimals published)', async () => {
  const item = await request(app).get(`/ogc/v1/collections/sensors/items/${ids.c}`).expect(200);
  const [x, y] = JSON.parse(item.text).geometry.coordinates as [number, number];
  expect(await matching(`S_EQUALS(geometry, POINT(${x} ${y}))`)).toEqual([ids.c]);
  expect(await matching(`S_INTERSECTS(geometry, BBOX(${x}, ${y}, ${x}, ${y}))`)).toEqual([ids.c]);
  const box = await request(app).get(`/ogc/v1/collections/sensors/items?bbox=${x},${y},${x},${y}`).expect(200);
  expect(JSON.parse(box.text).features.map((feature: { id: number }) => feature.id)).toEqual([ids.c]);
});

test('geometry literals outside the area of the filter CRS are a 400 naming the position, as for bbox', async () => {
  const refused = async (filter: string, extra = ''): Promise<string> => {
    const res = await request(app).get(`/ogc/v1/collections/sensors/items?filter=${encodeURIComponent(filter)}${extra}`).expect(400);
    return res.body.detail as string;
  };
  expect(await refused('S_INTERSECTS(geometry, BBOX(-10000000, -10000000, 10000000, 10000000))', '&filter-crs=EPSG:28992')).toBe(
    "filter: the geometry's position (-10000000 -10000000) lies outside the area of http://www.opengis.net/def/crs/EPSG/0/28992 (-100000,200000,400000,900000) at position 23",
  );
  expect(await refused('S_INTERSECTS(geometry, BBOX(-200, -100, 200, 100))')).toMatch(/^filter: the geometry's position \(-200 -100\) lies outside the area of http:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84/);
  // Latitude first in EPSG:4326: 100 is no latitude.
  expect(await refused('S_INTERSECTS(geometry, POINT(100 4))', '&filter-crs=EPSG:4326')).toMatch(/position \(100 4\)/);
  expect(await refused('{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[200,0]}]}', '&filter-lang=cql2-json')).toMatch(/position \(200 0\)/);
});

test('temporal functions on `updated`', async () => {
  expect(await matching("T_AFTER(updated, TIMESTAMP('2024-06-01T00:00:00Z'))")).toEqual([ids.c, ids.script]);
  expect(await matching("T_BEFORE(updated, TIMESTAMP('2024-03-05T12:30:00Z'))")).toEqual([ids.a]);
  expect(await matching("T_EQUALS(updated, TIMESTAMP('2024-03-05T12:30:00Z'))")).toEqual([ids.b]);
  expect(await matching("T_DURING(updated, INTERVAL('2024-01-01T00:00:00Z', '2024-12-31T00:00:00Z'))")).toEqual([ids.a, ids.b, ids.c]);
  expect(await matching("T_INTERSECTS(updated, INTERVAL('2025-01-01T00:00:00Z', '..'))")).toEqual([ids.script]);
  expect(await matching("updated >= TIMESTAMP('2024-06-01T00:00:00Z')")).toEqual([ids.c, ids.script]);
});

test('CQL2 JSON gives the same answers', async () => {
  const json = {
    op: 'and',
    args: [
      { op: '=', args: [{ property: 'organisation_slug' }, 'den-haag'] },
      { op: 's_intersects', args: [{ property: 'geometry' }, { bbox: [4.305, 52.0, 4.4, 52.1] }] },
    ],
  };
  expect(await matching(JSON.stringify(json), '&filter-lang=cql2-json')).toEqual([ids.b]);
  const like = { op: 'like', args: [{ op: 'casei', args: [{ property: 'name' }] }, '%spui%'] };
  expect(await matching(JSON.stringify(like), '&filter-lang=cql2-json')).toEqual([ids.a]);
});

test('drafts and retired Things never match; a filter combines with bbox and property parameters', async () => {
  expect(await matching("name = 'Draft' OR reference = 'DH-3'")).toEqual([]);
  expect(await matching("organisation_slug = 'den-haag'", '&bbox=4.305,52.0,4.4,52.1')).toEqual([ids.b]);
  expect(await matching('personal_data = true', '&organisation_slug=provincie-utrecht')).toEqual([ids.script]);
});

test('paging with a filter keeps it in next links and never repeats or skips', async () => {
  const filter = encodeURIComponent("organisation_kind IN ('gemeente', 'provincie')");
  const seen: number[] = [];
  let url: string | undefined = `/ogc/v1/collections/sensors/items?filter=${filter}&limit=1`;
  while (url) {
    const res = await request(app).get(url).expect(200);
    const body = JSON.parse(res.text) as { features: Array<{ id: number }>; numberMatched: number; links: Array<{ rel: string; href: string }> };
    expect(body.numberMatched).toBe(4);
    seen.push(...body.features.map((feature) => feature.id));
    const next = body.links.find((link) => link.rel === 'next');
    if (next) expect(new URL(next.href).searchParams.get('filter')).toBe("organisation_kind IN ('gemeente', 'provincie')");
    url = next ? next.href.replace('https://register.example.nl', '') : undefined;
  }
  expect(seen).toEqual([ids.a, ids.b, ids.c, ids.script]);
});

test.each([
  ['filter=' + encodeURIComponent('name ='), /filter: .* at position 6/],
  ['filter=' + encodeURIComponent("nope = 'x'"), /'nope' is not a queryable of this collection/],
  ['filter=' + encodeURIComponent('S_INTERSECTS(geometry, BBOX(1,2,3))'), /filter: /],
  ['filter=' + encodeURIComponent("name = 'x'") + '&filter-lang=sql', /filter-lang 'sql' is not supported/],
  ['filter=' + encodeURIComponent("name = 'x'") + '&filter-crs=EPSG:1234', /filter-crs 'EPSG:1234' is not supported/],
  ['filter-lang=cql2-text', /need a filter parameter/],
  ['filter=' + encodeURIComponent('{"op":"=","args":[1]}') + '&filter-lang=cql2-json', /filter: /],
  ['filter=' + encodeURIComponent('personal_data = 5'), /filter: /],
  ['filter=' + encodeURIComponent("active_from BETWEEN DATE('2023-01-01') AND DATE('2023-12-31')"), /'between' needs a number, got a date at position 20/],
  ['filter=' + encodeURIComponent("name > TIMESTAMP('2000-01-01T00:00:00Z')"), /cannot compare queryable 'name' with .*compare text with a string literal at position/],
  ['filter=' + encodeURIComponent("reference > DATE('2000-01-01')"), /cannot compare queryable 'reference' with/],
])('malformed filters are 400 problems: %s', async (query, message) => {
  const res = await request(app).get(`/ogc/v1/collections/sensors/items?${query}`).expect(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(res.text).title).toMatch(message);
});
