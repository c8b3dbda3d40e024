/**
 * `/collections/sensors/items` and `/items/{fid}` on the known fixture: publication policy, flat properties,
 * paging (limit, clamping, next/prev keeping every parameter), bbox, datetime, property parameters, errors.
 */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { addSensorFixture, featuresApp, type FixtureIds } from './support';

let db: Database;
let app: ReturnType<typeof featuresApp>;
let ids: FixtureIds;
const ROOT = 'https://register.example.nl/ogc/v1';
const ITEMS = `${ROOT}/collections/sensors/items`;

beforeAll(async () => {
  db = await openTestDatabase();
  ids = await addSensorFixture(db.knex);
  app = featuresApp(db, 'https://register.example.nl');
});
afterAll(() => db.close());

type Body = { features: Array<{ id: number; properties: Record<string, unknown>; geometry: { coordinates: number[] } }>; links: Array<{ rel: string; href: string; type: string }>; numberMatched: number; numberReturned: number };

async function itemIds(query: string): Promise<number[]> {
  const res = await request(app).get(`/ogc/v1/collections/sensors/items${query}`).expect(200);
  return (JSON.parse(res.text) as Body).features.map((feature) => feature.id);
}

test('a GeoJSON FeatureCollection of the published Things only, in id order, with counts and a timeStamp', async () => {
  const res = await request(app).get('/ogc/v1/collections/sensors/items').expect(200);
  expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
  expect(res.headers['content-crs']).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
  const body = JSON.parse(res.text);
  expect(body.type).toBe('FeatureCollection');
  expect(body.features.map((feature: { id: number }) => feature.id)).toEqual([ids.a, ids.b, ids.c, ids.script]);
  expect(body.numberMatched).toBe(4);
  expect(body.numberReturned).toBe(4);
  expect(body.timeStamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(body.links).toEqual([
    { href: ITEMS, rel: 'self', type: 'application/geo+json', title: 'Features (JSON)' },
    { href: `${ITEMS}?f=html`, rel: 'alternate', type: 'text/html', title: 'Features (HTML)' },
    { href: `${ROOT}/collections/sensors`, rel: 'collection', type: 'application/json', title: 'Sensoren in de openbare ruimte / Sensors in public space' },
  ]);
});

test('flat properties of a feature, exactly', async () => {
  const res = await request(app).get(`/ogc/v1/collections/sensors/items/${ids.a}`).expect(200);
  const body = JSON.parse(res.text);
  expect(body).toEqual({
    type: 'Feature',
    id: ids.a,
    geometry: { type: 'Point', coordinates: [4.3, 52.08] },
    properties: {
      name: 'Camera Spui',
      description: 'Camera Spui description',
      organisation: "Gemeente 's-Gravenhage",
      organisation_slug: 'den-haag',
      organisation_kind: 'gemeente',
      sensor_type: 'optische-camera-sensor',
      sensor_type_label: 'Optische / camera sensor',
      themes: 'safety',
      observed_properties: 'Beeld',
      purpose: null,
      personal_data: true,
      legal_ground: 'public-task',
      operator: null,
      public_contact: 'info@denhaag.nl',
      status: 'active',
      active_from: '2024-01-15',
      active_until: null,
      reference: 'DH-1',
      updated: '2024-01-10T08:00:00.000Z',
    },
    links: [
      { href: `${ITEMS}/${ids.a}`, rel: 'self', type: 'application/geo+json', title: 'Feature (JSON)' },
      { href: `${ITEMS}/${ids.a}?f=html`, rel: 'alternate', type: 'text/html', title: 'Feature (HTML)' },
      { href: `${ROOT}/collections/sensors`, rel: 'collection', type: 'application/json', title: 'Sensoren in de openbare ruimte / Sensors in public space' },
    ],
  });
  expect(res.headers['content-crs']).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
  const c = JSON.parse((await request(app).get(`/ogc/v1/collections/sensors/items/${ids.c}`).expect(200)).text);
  expect(c.properties).toMatchObject({
    sensor_type: 'sound-level-meter',
    sensor_type_label: 'Geluidsmeter',
    themes: 'health,sound',
    observed_properties: 'Geluidsniveau',
    purpose: 'Geluidsoverlast meten',
    personal_data: false,
    legal_ground: 'legal-obligation',
    public_contact: 'info-geluid@provincie-utrecht.nl',
    organisation_kind: 'provincie',
    active_from: '2023-05-01',
    active_until: '2026-12-31',
    updated: '2024-06-01T00:00:00.250Z',
  });
  const script = JSON.parse((await request(app).get(`/ogc/v1/collections/sensors/items/${ids.script}`).expect(200)).text);
  expect(script.properties.public_contact).toBeNull();
});

test('drafts and retired Things are never served: 404 by id, absent from lists and counts', async () => {
  await request(app).get(`/ogc/v1/collections/sensors/items/${ids.draft}`).expect(404);
  await request(app).get(`/ogc/v1/collections/sensors/items/${ids.retired}`).expect(404);
  expect(await itemIds('?bbox=4.35,52,4.37,52.02')).toEqual([]);
  expect(await itemIds('?datetime=2024-03-05T12:30:00Z')).toEqual([ids.b]);
  expect(await itemIds('?organisation_slug=delft')).toEqual([]);
});

test('unknown or malformed feature ids are 404', async () => {
  for (const fid of ['0', '999999', 'abc', '1.5', '-1', '99999999999999999999']) {
    await request(app).get(`/ogc/v1/collections/sensors/items/${fid}`).expect(404);
  }
});

test('limit: default 10, minimum 1, larger than 10000 clamped; invalid values are 400', async () => {
  expect(await itemIds('?limit=1')).toEqual([ids.a]);
  const clamped = await request(app).get('/ogc/v1/collections/sensors/items?limit=50000&offset=2').expect(200);
  expect(JSON.parse(clamped.text).links.find((link: { rel: string }) => link.rel === 'prev').href).toBe(`${ITEMS}?limit=10000&offset=0`);
  const huge = await request(app).get('/ogc/v1/collections/sensors/items?limit=99999999999999999999999&offset=2').expect(200);
  expect(JSON.parse(huge.text).links.find((link: { rel: string }) => link.rel === 'prev').href).toBe(`${ITEMS}?limit=10000&offset=0`);
  for (const bad of ['0', '-1', 'unlimited', '1.5', '', '1e3']) await request(app).get(`/ogc/v1/collections/sensors/items?limit=${bad}`).expect(400);
  for (const bad of ['-1', 'x']) await request(app).get(`/ogc/v1/collections/sensors/items?offset=${bad}`).expect(400);
});

test('paging: next and prev keep every parameter, pages neither skip nor repeat', async () => {
  const query = '?limit=1&organisation_kind=gemeente&bbox=4,51,6,53&datetime=2024-01-01/2025-12-31&crs=EPSG:28992&bbox-crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84';
  const first = JSON.parse((await request(app).get(`/ogc/v1/collections/sensors/items${query}`).expect(200)).text) as Body;
  expect(first.features.map((feature) => feature.id)).toEqual([ids.a]);
  expect(first.numberMatched).toBe(2);
  const next = first.links.find((link) => link.rel === 'next');
  expect(next).toEqual({
    href: `${ITEMS}?limit=1&organisation_kind=gemeente&bbox=4,51,6,53&datetime=2024-01-01/2025-12-31&crs=http://www.opengis.net/def/crs/EPSG/0/28992`.replace(
      'crs=http://www.opengis.net/def/crs/EPSG/0/28992',
      'crs=EPSG:28992&bbox-crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84&offset=1',
    ),
    rel: 'next',
    type: 'application/geo+json',
    title: 'Volgende / Next page',
  });
  expect(first.links.find((link) => link.rel === 'prev')).toBeUndefined();
  const second = JSON.parse((await request(app).get(next!.href.replace('https://register.example.nl', '')).expect(200)).text) as Body;
  expect(second.features.map((feature) => feature.id)).toEqual([ids.b]);
  expect(second.links.find((link) => link.rel === 'next')).toBeUndefined();
  expect(second.links.find((link) => link.rel === 'prev')?.href).toBe(
    `${ITEMS}?limit=1&organisation_kind=gemeente&bbox=4,51,6,53&datetime=2024-01-01/2025-12-31&crs=EPSG:28992&bbox-crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84&offset=0`,
  );
  // Walk the whole collection with limit=3 through next links.
  const seen: number[] = [];
  let href: string | undefined = `${ITEMS}?limit=3`;
  while (href) {
    const page = JSON.parse((await request(app).get(href.replace('https://register.example.nl', '')).expect(200)).text) as Body;
    seen.push(...page.features.map((feature) => feature.id));
    href = page.links.find((link) => link.rel === 'next')?.href;
  }
  expect(seen).toEqual([ids.a, ids.b, ids.c, ids.script]);
  expect(await itemIds('?offset=4')).toEqual([]);
  expect(await itemIds('?offset=100')).toEqual([]);
});

test('bbox: intersects, 4 or 6 numbers; malformed or out-of-range values are 400', async () => {
  expect(await itemIds('?bbox=4.29,52.07,4.305,52.085')).toEqual([ids.a]);
  expect(await itemIds('?bbox=4.29,52.07,4.315,52.095')).toEqual([ids.a, ids.b]);
  expect(await itemIds('?bbox=4.3,52.08,4.3,52.08')).toEqual([ids.a]);
  expect(await itemIds('?bbox=5,52,6,53')).toEqual([ids.c, ids.script]);
  expect(await itemIds('?bbox=5,52,-100,6,53,100')).toEqual([ids.c, ids.script]);
  expect(await itemIds('?bbox=-180,-90,180,90')).toEqual([ids.a, ids.b, ids.c, ids.script]);
  expect(await itemIds('?bbox=-1.5,50,1.5,53')).toEqual([]);
  expect(await itemIds('?bbox=-180,85,180,90')).toEqual([]);
  for (const bad of ['1,2,3', '1,2,3,4,5', 'a,b,c,d', '4,53,5,52', '-181,0,0,1', '0,-91,1,0', '0,0,1,91', '1,,2,3']) {
    await request(app).get(`/ogc/v1/collections/sensors/items?bbox=${bad}`).expect(400);
  }
  await request(app).get('/ogc/v1/collections/sensors/items?bbox-crs=EPSG:28992').expect(400);
});

test('datetime on updated: instants at their resolution, closed and open intervals; malformed values are 400', async () => {
  expect(await itemIds('?datetime=2024-03-05T12:30:00Z')).toEqual([ids.b]);
  expect(await itemIds('?datetime=2024-03-05T13:30:00%2B01:00')).toEqual([ids.b]);
  expect(await itemIds('?datetime=2024-03-05T12:30:01Z')).toEqual([]);
  expect(await itemIds('?datetime=2024-03-05')).toEqual([ids.b]);
  expect(await itemIds('?datetime=2024-06-01T00:00:00.250Z')).toEqual([ids.c]);
  expect(await itemIds('?datetime=2024-06-01T00:00:00.25Z')).toEqual([ids.c]);
  expect(await itemIds('?datetime=2024-06-01T00:00:00Z')).toEqual([ids.c]);
  expect(await itemIds('?datetime=2024-06-01T00:00:00.000Z')).toEqual([]);
  expect(await itemIds('?datetime=2024-01-01/2024-03-31')).toEqual([ids.a, ids.b]);
  expect(await itemIds('?datetime=2024-01-10T08:00:00Z/2024-03-05T12:30:00Z')).toEqual([ids.a, ids.b]);
  expect(await itemIds('?datetime=../2024-03-05T12:30:00Z')).toEqual([ids.a, ids.b]);
  expect(await itemIds('?datetime=/2024-01-10')).toEqual([ids.a]);
  expect(await itemIds('?datetime=2024-06-01/..')).toEqual([ids.c, ids.script]);
  expect(await itemIds('?datetime=2025-01-01T10:00:00Z/')).toEqual([ids.script]);
  expect(await itemIds('?datetime=../..')).toEqual([ids.a, ids.b, ids.c, ids.script]);
  for (const bad of ['2024-13-01', '2024-02-30', 'yesterday', '2024-05-01/2024-01-01', '2024-05-01/P2D', '/', '2024-01-01/2024-02-01/2024-03-01', '2024-01-01T25:00:00Z', '2024-01-01T10:00:00']) {
    await request(app).get(`/ogc/v1/collections/sensors/items?datetime=${encodeURIComponent(bad)}`).expect(400);
  }
});

test('property query parameters: exact match, combined with AND and with bbox; booleans checked', async () => {
  expect(await itemIds('?organisation_slug=den-haag')).toEqual([ids.a, ids.b]);
  expect(await itemIds('?organisation_slug=provincie-utrecht&sensor_type=sound-level-meter')).toEqual([ids.c]);
  expect(await itemIds('?sensor_type=optische-camera-sensor')).toEqual([ids.a, ids.b, ids.script]);
  expect(await itemIds('?sensor_type=optische')).toEqual([]);
  expect(await itemIds('?personal_data=false')).toEqual([ids.c]);
  expect(await itemIds('?personal_data=true&bbox=5,52,6,53')).toEqual([ids.script]);
  expect(await itemIds('?themes=health,sound')).toEqual([ids.c]);
  expect(await itemIds('?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).toEqual([ids.script]);
  expect(await itemIds("?name=x'%20OR%20'1'%3D'1")).toEqual([]);
  expect(await itemIds('?status=planned')).toEqual([ids.script]);
  expect(await itemIds('?active_from=2024-01-15')).toEqual([ids.a]);
  expect(await itemIds('?public_contact=info@denhaag.nl')).toEqual([ids.a, ids.b]);
  const counted = JSON.parse((await request(app).get('/ogc/v1/collections/sensors/items?organisation_slug=den-haag&limit=1').expect(200)).text);
  expect([counted.numberMatched, counted.numberReturned]).toEqual([2, 1]);
  // numberMatched counts every match, on a later page and on a page past the last match too.
  for (const [offset, returned] of [[1, 1], [2, 0], [50, 0]] as const) {
    const page = JSON.parse((await request(app).get(`/ogc/v1/collections/sensors/items?organisation_slug=den-haag&limit=1&offset=${offset}`).expect(200)).text);
    expect([offset, page.numberMatched, page.numberReturned]).toEqual([offset, 2, returned]);
  }
  const past = JSON.parse((await request(app).get('/ogc/v1/collections/sensors/items?organisation_slug=den-haag&limit=1&offset=50').expect(200)).text);
  expect(past.links.find((link: { rel: string }) => link.rel === 'prev').href).toMatch(/[?&]offset=1(&|$)/);
  await request(app).get('/ogc/v1/collections/sensors/items?personal_data=yes').expect(400);
  expect(await itemIds('?purpose=Geluidsoverlast%20meten')).toEqual([ids.c]);
  expect(await itemIds('?description=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E')).toEqual([ids.script]);
  const badDate = await request(app).get('/ogc/v1/collections/sensors/items?active_from=garbage').expect(400);
  expect(badDate.body.detail).toBe("active_from must be a date (YYYY-MM-DD), got 'garbage'");
  // `updated` is a date-time: the datetime parameter filters on it.
  await request(app).get('/ogc/v1/collections/sensors/items?updated=2024-01-10T08:00:00Z').expect(400);
});

describe('sortby', () => {
  test('orders by queryables, ascending by default, - for descending, text in code-point order, ties by id', async () => {
    expect(await itemIds('?sortby=name')).toEqual([ids.script, ids.b, ids.a, ids.c]); // '<' sorts before 'C'
    expect(await itemIds('?sortby=%2Bname')).toEqual([ids.script, ids.b, ids.a, ids.c]);
    expect(await itemIds('?sortby=+name')).toEqual([ids.script, ids.b, ids.a, ids.c]); // an unescaped + arrives as a space
    expect(await itemIds('?sortby=-updated')).toEqual([ids.script, ids.c, ids.b, ids.a]);
    expect(await itemIds('?sortby=organisation,-name')).toEqual([ids.a, ids.b, ids.c, ids.script]);
    expect(await itemIds('?sortby=-id')).toEqual([ids.script, ids.c, ids.b, ids.a]);
  });

  test('missing values sort last in either direction', async () => {
    expect(await itemIds('?sortby=active_from')).toEqual([ids.c, ids.a, ids.b, ids.script]);
    expect(await itemIds('?sortby=-active_from')).toEqual([ids.a, ids.c, ids.b, ids.script]);
  });

  test('combines with filters, and next links keep the order without skipping or repeating', async () => {
    expect(await itemIds('?sortby=-name&organisation_slug=den-haag')).toEqual([ids.a, ids.b]);
    const seen: number[] = [];
    let next: string | undefined = '/ogc/v1/collections/sensors/items?limit=1&sortby=-updated';
    while (next) {
      const body = JSON.parse((await request(app).get(next).expect(200)).text) as { features: Array<{ id: number }>; links: Array<{ rel: string; href: string }> };
      seen.push(...body.features.map((feature) => feature.id));
      const href = body.links.find((link) => link.rel === 'next')?.href;
      if (href) expect(href).toContain('sortby=-updated');
      next = href?.replace(ROOT, '/ogc/v1');
    }
    expect(seen).toEqual([ids.script, ids.c, ids.b, ids.a]);
  });

  test('an unknown or empty sort key is a 400 naming it', async () => {
    const unknown = await request(app).get('/ogc/v1/collections/sensors/items?sortby=name,colour').expect(400);
    expect(JSON.parse(unknown.text).detail).toBe("sortby: 'colour' is not a queryable of this collection; use [+|-]name[,…] with names from /queryables or id");
    const empty = await request(app).get('/ogc/v1/collections/sensors/items?sortby=name,').expect(400);
    expect(JSON.parse(empty.text).detail).toMatch(/^sortby: an empty sort key;/);
  });
});
