/** STA reads over the foundation: service root, Things, Things(id), Things(id)/Locations, publication policy. */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { addOrganisation, addRecords, record } from '../support/fixtures';
import { testApp } from '../support/app';

let db: Database;
let app: ReturnType<typeof testApp>;
let publishedIds: number[];
let draftId: number;

beforeAll(async () => {
  db = await openTestDatabase();
  const haag = await addOrganisation(db.knex, 'den-haag');
  const delft = await addOrganisation(db.knex, 'delft');
  await addRecords(db.knex, haag, [record('A', 4.3, 52.08), record('B', 4.31, 52.09)], true);
  await addRecords(db.knex, delft, [record('Draft', 4.36, 52.01)], false);
  await addRecords(db.knex, haag, [record('C', 4.32, 52.07)], true);
  const rows = await db.knex('things').select('id', 'name', 'publication').orderBy('id');
  publishedIds = rows.filter((row) => row.publication === 'published').map((row) => Number(row.id));
  draftId = Number(rows.find((row) => row.name === 'Draft')!.id);
  app = testApp(db, { publicBaseUrl: 'https://register.example.nl' });
});

afterAll(() => db.close());

const ROOT = 'https://register.example.nl/sta/v1.1';

test('service root lists exactly the eight entity sets with absolute URLs', async () => {
  const res = await request(app).get('/sta/v1.1').expect(200);
  expect(res.body.value).toEqual(
    ['Things', 'Locations', 'HistoricalLocations', 'Datastreams', 'Sensors', 'ObservedProperties', 'Observations', 'FeaturesOfInterest'].map(
      (name) => ({ name, url: `${ROOT}/${name}` }),
    ),
  );
  expect(res.body.serverSettings.conformance).toContain('http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel');
  const v10 = await request(app).get('/sta/v1.0').expect(200);
  expect(v10.body.serverSettings).toBeUndefined();
  expect(v10.body.value[0]).toEqual({ name: 'Things', url: 'https://register.example.nl/sta/v1.0/Things' });
});

test('Things lists the published Things only, in id order, with links', async () => {
  const res = await request(app).get('/sta/v1.1/Things').expect(200);
  expect(res.body.value.map((thing: { '@iot.id': number }) => thing['@iot.id'])).toEqual(publishedIds);
  expect(res.body.value.map((thing: { name: string }) => thing.name)).toEqual(['A', 'B', 'C']);
  const first = res.body.value[0];
  const id = publishedIds[0];
  expect(first).toEqual({
    '@iot.id': id,
    '@iot.selfLink': `${ROOT}/Things(${id})`,
    name: 'A',
    description: 'A description',
    properties: { reference: 'A', status: 'active' },
    'Locations@iot.navigationLink': `${ROOT}/Things(${id})/Locations`,
    'HistoricalLocations@iot.navigationLink': `${ROOT}/Things(${id})/HistoricalLocations`,
    'Datastreams@iot.navigationLink': `${ROOT}/Things(${id})/Datastreams`,
  });
  expect(res.body['@iot.nextLink']).toBeUndefined();
});

test('Things(id) and Things(id)/Locations return the entity and its location', async () => {
  const id = publishedIds[1];
  const thing = await request(app).get(`/sta/v1.1/Things(${id})`).expect(200);
  expect(thing.body.name).toBe('B');
  const locations = await request(app).get(`/sta/v1.1/Things(${id})/Locations`).expect(200);
  expect(locations.body.value).toHaveLength(1);
  expect(locations.body.value[0]).toMatchObject({
    name: 'B',
    encodingType: 'application/geo+json',
    location: { type: 'Point', coordinates: [4.31, 52.09] },
  });
  const locationId = locations.body.value[0]['@iot.id'];
  expect(locations.body.value[0]['Things@iot.navigationLink']).toBe(`${ROOT}/Locations(${locationId})/Things`);
});

test('drafts are invisible: 404 by id, absent from lists, counts and navigation', async () => {
  await request(app).get(`/sta/v1.1/Things(${draftId})`).expect(404);
  await request(app).get(`/sta/v1.1/Things(${draftId})/Locations`).expect(404);
  const counted = await request(app).get('/sta/v1.1/Things?$count=true').expect(200);
  expect(counted.body['@iot.count']).toBe(3);
  const locations = await request(app).get('/sta/v1.1/Locations?$count=true').expect(200);
  expect(locations.body['@iot.count']).toBe(3);
  expect(locations.body.value.map((l: { name: string }) => l.name)).toEqual(['A', 'B', 'C']);
});

test('paging: $top and $skip with a nextLink exactly when more rows exist', async () => {
  const page1 = await request(app).get('/sta/v1.1/Things?$top=2').expect(200);
  expect(page1.body.value.map((t: { name: string }) => t.name)).toEqual(['A', 'B']);
  expect(page1.body['@iot.nextLink']).toBe(`${ROOT}/Things?$top=2&$skip=2`);
  const page2 = await request(app).get('/sta/v1.1/Things?$top=2&$skip=2').expect(200);
  expect(page2.body.value.map((t: { name: string }) => t.name)).toEqual(['C']);
  expect(page2.body['@iot.nextLink']).toBeUndefined();
});

test('unknown ids, paths and entity sets are 404 in STA error format', async () => {
  const huge = await request(app).get('/sta/v1.1/Things(9223372036854775807)').expect(404);
  expect(huge.body).toMatchObject({ code: 404, type: 'error' });
  await request(app).get('/sta/v1.1/Things(0)').expect(404);
  await request(app).get('/sta/v1.1/Things(abc)').expect(404);
  await request(app).get('/sta/v1.1/Gadgets').expect(404);
  await request(app).get(`/sta/v1.1/Things(${publishedIds[0]})/Nonsense`).expect(404);
  const other = await request(app).get(`/sta/v1.1/Locations`).expect(200);
  const foreignLocation = other.body.value[2]['@iot.id'];
  await request(app).get(`/sta/v1.1/Things(${publishedIds[0]})/Locations(${foreignLocation})`).expect(404);
});

test('property, $value and $ref', async () => {
  const id = publishedIds[0];
  const name = await request(app).get(`/sta/v1.1/Things(${id})/name`).expect(200);
  expect(name.body).toEqual({ name: 'A' });
  const value = await request(app).get(`/sta/v1.1/Things(${id})/name/$value`).expect(200);
  expect(value.text).toBe('A');
  const refs = await request(app).get(`/sta/v1.1/Things(${id})/Locations/$ref`).expect(200);
  expect(Object.keys(refs.body.value[0])).toEqual(['@iot.selfLink']);
});

test('links follow X-Forwarded headers when no public base URL is configured', async () => {
  const plain = testApp(db);
  const res = await request(plain)
    .get('/sta/v1.1')
    .set('X-Forwarded-Proto', 'https')
    .set('X-Forwarded-Host', 'proxy.example.org')
    .set('X-Forwarded-Prefix', '/register')
    .expect(200);
  expect(res.body.value[0].url).toBe('https://proxy.example.org/register/sta/v1.1/Things');
});

test('an unusable X-Forwarded-Host falls back to the request Host, port included', async () => {
  const plain = testApp(db);
  const res = await request(plain).get('/sta/v1.1').set('Host', 'register.test:8080').set('X-Forwarded-Host', 'evil.example/<x>').expect(200);
  expect(res.body.value[0].url).toBe('http://register.test:8080/sta/v1.1/Things');
});

test('health reports the database', async () => {
  const res = await request(app).get('/health').expect(200);
  expect(res.body).toEqual({ status: 'ok', database: { backend: db.backend, status: 'ok', ms: expect.any(Number) } });
});

test('filters and expands through relations never reveal drafts', async () => {
  const q = (text: string) => encodeURIComponent(text);
  const sensors = await request(app).get(`/sta/v1.1/Sensors?$count=true&$filter=${q("Datastreams/Thing/name eq 'Draft'")}`).expect(200);
  expect(sensors.body).toEqual({ '@iot.count': 0, value: [] });
  const op = await request(app).get(`/sta/v1.1/ObservedProperties?$expand=${q('Datastreams($select=name;$count=true)')}`).expect(200);
  expect(op.body.value).toHaveLength(1);
  expect(op.body.value[0]['Datastreams@iot.count']).toBe(3);
  expect(op.body.value[0].Datastreams.map((d: { name: string }) => d.name)).toEqual(['A datastream', 'B datastream', 'C datastream']);
  const things = await request(app).get(`/sta/v1.1/Things?$filter=${q("Datastreams/Sensor/name eq 'Draft sensor'")}`).expect(200);
  expect(things.body.value).toEqual([]);
});

test('a data exception while evaluating a valid query is a 400 that does not show the SQL', async () => {
  for (const filter of ['substring(name, 99999999999) eq name', "name eq 'a\u0000b'"]) {
    const res = await request(app).get(`/sta/v1.1/Things?$filter=${encodeURIComponent(filter)}`).expect(400);
    expect(res.body).toMatchObject({ code: 400, type: 'error' });
    expect(res.body.message).not.toMatch(/select|things|publication/i);
  }
});

test('navigation depth is bounded in paths, filters and expands, and the server stays healthy', async () => {
  const q = (text: string) => encodeURIComponent(text);
  const deepExpand = `${'Datastreams/Thing/'.repeat(100)}Locations`;
  const expand = await request(app).get(`/sta/v1.1/Things?$expand=${q(deepExpand)}`).expect(400);
  expect(expand.body).toMatchObject({ option: '$expand', position: 0, message: expect.stringContaining('expands more than 8 levels deep') });
  const nested = `Datastreams($expand=${'Thing($expand=Datastreams($expand='.repeat(4)}Sensor${'))'.repeat(4)})`;
  await request(app).get(`/sta/v1.1/Things?$expand=${q(nested)}`).expect(400);
  const filter = await request(app).get(`/sta/v1.1/Things?$filter=${q(`${'Datastreams/Thing/'.repeat(10)}name eq 'A'`)}`).expect(400);
  expect(filter.body.message).toContain('the path crosses more than 8 relations');
  await request(app).get(`/sta/v1.1/Things(${publishedIds[0]})${'/Datastreams/Thing'.repeat(10)}`).expect(400);
  const fine = await request(app).get(`/sta/v1.1/Things?$expand=${q('Datastreams/Thing/Locations')}&$filter=${q("Datastreams/Thing/name eq 'A'")}`).expect(200);
  expect(fine.body.value[0].Datastreams[0].Thing.Locations[0].name).toBe('A');
  await request(app).get('/health').expect(200);
});

test('$top=0 counts without a nextLink; $value of JSON is JSON; desc puts nulls last', async () => {
  const counted = await request(app).get('/sta/v1.1/Things?$top=0&$count=true').expect(200);
  expect(counted.body).toEqual({ '@iot.count': 3, value: [] });
  const value = await request(app).get(`/sta/v1.1/Things(${publishedIds[0]})/properties/$value`).expect(200);
  expect(value.headers['content-type']).toMatch(/^application\/json/);
  expect(JSON.parse(value.text)).toEqual({ reference: 'A', status: 'active' });
  await db.knex('things').where('id', publishedIds[1]).update({ properties: null });
  try {
    const desc = await request(app).get(`/sta/v1.1/Things?$orderby=${encodeURIComponent('properties/reference desc')}`).expect(200);
    expect(desc.body.value.map((t: { name: string }) => t.name)).toEqual(['C', 'A', 'B']);
    const asc = await request(app).get(`/sta/v1.1/Things?$orderby=${encodeURIComponent('properties/reference')}`).expect(200);
    expect(asc.body.value.map((t: { name: string }) => t.name)).toEqual(['B', 'A', 'C']);
  } finally {
    await db.knex('things').where('id', publishedIds[1]).update({ properties: { reference: 'B', status: 'active' } });
  }
});

test('read-only API: CORS on reads, OPTIONS answered, writes are 405 with Allow', async () => {
  const read = await request(app).get('/sta/v1.1/Things').expect(200);
  expect(read.headers['access-control-allow-origin']).toBe('*');
  const options = await request(app).options('/sta/v1.1/Things').expect(204);
  expect(options.headers.allow).toBe('GET, HEAD, OPTIONS');
  const post = await request(app).post('/sta/v1.1/Things').send({ name: 'x' }).expect(405);
  expect(post.headers.allow).toBe('GET, HEAD, OPTIONS');
  expect(post.body).toMatchObject({ code: 405, type: 'error', message: 'POST is not allowed here; allowed: GET, HEAD, OPTIONS' });
});

test('without a configured base URL, responses vary by the headers links are built from', async () => {
  const res = await request(testApp(db)).get('/sta/v1.1/Things').expect(200);
  expect(res.headers.vary).toBe('Host, X-Forwarded-Host, X-Forwarded-Proto, X-Forwarded-Prefix');
});

test('the root leads a browser to the map of the sensors', async () => {
  const res = await request(app).get('/').expect(302);
  expect(res.headers.location).toBe('ogc/v1/collections/sensors/items?f=html&limit=1000');
});

test('a trailing slash is a 404 on the STA service root, its paths and /health (NL API rules)', async () => {
  for (const path of ['/sta/v1.1/', '/sta/v1.0/', '/sta/v1.1/Things/', `/sta/v1.1/Things(${publishedIds[0]})/`, '/health/']) {
    const res = await request(app).get(path);
    expect([path, res.status]).toEqual([path, 404]);
  }
  expect((await request(app).get('/sta/v1.1/Things/')).body).toEqual({ code: 404, type: 'error', message: 'no resource at /Things/: remove the trailing slash' });
  await request(app).get('/sta/v1.1').expect(200);
  await request(app).get('/health').expect(200);
});

test('no query option is dropped: $filter and $select behind 1000 empty parameters still apply', async () => {
  const res = await request(app).get(`/sta/v1.1/Things?${'&'.repeat(1000)}$filter=${encodeURIComponent("name eq 'B'")}&$select=name`).expect(200);
  expect(res.body.value).toEqual([{ name: 'B' }]);
});
