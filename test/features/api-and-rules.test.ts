/**
 * Landing page, conformance, the OpenAPI definition, and the NL API Design Rules on every response
 * (API-Version, CORS, OPTIONS, trailing slash 404, problem+json, 400/404/406).
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { addSensorFixture, featuresApp } from './support';

let db: Database;
let app: ReturnType<typeof featuresApp>;
const ROOT = 'https://register.example.nl/ogc/v1';

beforeAll(async () => {
  db = await openTestDatabase();
  await addSensorFixture(db.knex);
  app = featuresApp(db, 'https://register.example.nl');
});
afterAll(() => db.close());

test('landing page links: self, alternate, service-desc, service-doc, conformance, data — absolute and typed', async () => {
  const res = await request(app).get('/ogc/v1').expect(200).expect('Content-Type', 'application/json; charset=utf-8');
  expect(res.body.links.map((link: { rel: string; type: string; href: string }) => [link.rel, link.type, link.href])).toEqual([
    ['self', 'application/json', ROOT],
    ['alternate', 'text/html', `${ROOT}?f=html`],
    ['service-desc', 'application/vnd.oai.openapi+json;version=3.0', `${ROOT}/api`],
    ['service-doc', 'text/html', `${ROOT}/api?f=html`],
    ['conformance', 'application/json', `${ROOT}/conformance`],
    ['data', 'application/json', `${ROOT}/collections`],
    ['data', 'text/html', `${ROOT}/collections?f=html`],
  ]);
  expect(res.body.title).toBe('Sensorregister — OGC API Features');
});

test('conformance lists Part 1, Part 2, the Part 3 queryables and filter classes and the CQL2 classes', async () => {
  const res = await request(app).get('/ogc/v1/conformance').expect(200);
  expect(res.body.conformsTo).toEqual([
    'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
    'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
    'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
    'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
    'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
    'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
    'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
    'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
    'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
    ...[
      'cql2-text', 'cql2-json', 'basic-cql2', 'advanced-comparison-operators', 'case-insensitive-comparison',
      'accent-insensitive-comparison', 'basic-spatial-functions', 'basic-spatial-functions-plus', 'spatial-functions',
      'temporal-functions', 'arithmetic', 'property-property',
    ].map((name) => `http://www.opengis.net/spec/cql2/1.0/conf/${name}`),
  ]);
  expect(res.body.links[0]).toEqual({ href: `${ROOT}/conformance`, rel: 'self', type: 'application/json', title: 'Conformance (JSON)' });
});

test('/api is a valid OpenAPI 3.0 document with the declarations the ETS, QGIS and the ADR need', async () => {
  const res = await request(app).get('/ogc/v1/api').set('Accept', 'application/vnd.oai.openapi+json;version=3.0').expect(200);
  expect(res.headers['content-type']).toBe('application/vnd.oai.openapi+json;version=3.0');
  const doc = JSON.parse(res.text);
  await SwaggerParser.validate(structuredClone(doc));
  expect(doc.openapi).toBe('3.0.3');
  expect(doc.servers).toEqual([{ url: ROOT, description: 'This server' }]);
  expect(doc.info.version).toBe('1.0.0');
  expect(doc.info.contact).toEqual({ name: 'Sensorregister', url: ROOT, email: 'info@sensorregister.nl' });
  expect(doc.components.parameters.limit).toEqual({
    name: 'limit',
    in: 'query',
    required: false,
    style: 'form',
    explode: false,
    description: expect.any(String),
    schema: { type: 'integer', minimum: 1, maximum: 10000, default: 10 },
  });
  expect(doc.components.parameters.bbox.schema).toEqual({ type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } });
  expect(doc.components.parameters.bbox).toMatchObject({ style: 'form', explode: false, in: 'query', required: false });
  expect(doc.components.parameters.datetime).toMatchObject({ style: 'form', explode: false, schema: { type: 'string' } });
  expect(doc.components.parameters.crs.schema).toEqual({
    type: 'string',
    format: 'uri',
    enum: [
      'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
      'http://www.opengis.net/def/crs/EPSG/0/4326',
      'http://www.opengis.net/def/crs/EPSG/0/4258',
      'http://www.opengis.net/def/crs/EPSG/0/28992',
      'http://www.opengis.net/def/crs/EPSG/0/3857',
    ],
    default: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  });
  expect(doc.components.parameters['bbox-crs'].schema.default).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
  expect(Object.keys(doc.paths)).toEqual([
    '/',
    '/conformance',
    '/api',
    '/openapi.json',
    '/collections',
    '/collections/{collectionId}',
    '/collections/{collectionId}/queryables',
    '/collections/{collectionId}/items',
    '/collections/sensors/items',
    '/collections/{collectionId}/items/{featureId}',
  ]);
  const items = doc.paths['/collections/{collectionId}/items'].get;
  expect(items.parameters.map((parameter: { $ref: string }) => parameter.$ref.split('/').pop())).toEqual([
    'collectionId', 'f', 'limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'datetime', 'filter', 'filter-lang', 'filter-crs', 'sortby',
  ]);
  expect(Object.keys(items.responses)).toEqual(['200', '400', '404', '406', '500']);
  expect(Object.keys(items.responses['200'].headers)).toEqual(['API-Version', 'Content-Crs']);
  expect(doc.components.headers['Content-Crs'].schema).toEqual({ type: 'string' });
  const literal = doc.paths['/collections/sensors/items'].get.parameters.filter((parameter: { name?: string }) => parameter.name);
  expect(literal.map((parameter: { name: string }) => parameter.name)).toEqual([
    'name', 'description', 'organisation', 'organisation_slug', 'organisation_kind', 'sensor_type', 'sensor_type_label', 'themes',
    'observed_properties', 'purpose', 'personal_data', 'legal_ground', 'operator', 'public_contact', 'status', 'active_from', 'active_until', 'reference',
  ]);
  expect(literal[10]).toMatchObject({ name: 'personal_data', in: 'query', style: 'form', explode: false, schema: { type: 'boolean' } });
  for (const [path, item] of Object.entries(doc.paths as Record<string, { get: { responses: Record<string, { headers?: object; $ref?: string }> } }>)) {
    expect([path, Object.keys(item.get.responses['200']?.headers ?? {})[0]]).toEqual([path, 'API-Version']);
  }
  expect(doc.components.responses['400'].content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/problem' } } });
});

test('/openapi.json serves the same document as JSON, with CORS', async () => {
  const res = await request(app).get('/ogc/v1/openapi.json').set('Origin', 'https://elsewhere.example').expect(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.headers['access-control-allow-origin']).toBe('*');
  expect(res.body.servers[0].url).toBe(ROOT);
  await request(app).get('/ogc/v1/openapi.json?f=html').expect(400);
});

test('every response carries API-Version and CORS, errors included', async () => {
  for (const [path, status] of [
    ['/ogc/v1', 200],
    ['/ogc/v1/collections/sensors/items', 200],
    ['/ogc/v1/collections/nope', 404],
    ['/ogc/v1/collections/sensors/items?limit=0', 400],
    ['/ogc/v1/assets/features.css', 200],
  ] as const) {
    const res = await request(app).get(path).expect(status);
    expect([path, res.headers['api-version'], res.headers['access-control-allow-origin']]).toEqual([path, '1.0.0', '*']);
  }
});

test('OPTIONS answers 204 with Allow and CORS preflight headers', async () => {
  for (const path of ['/ogc/v1', '/ogc/v1/collections/sensors/items', '/ogc/v1/collections/sensors/items/1']) {
    const res = await request(app).options(path).set('Origin', 'https://a.example').set('Access-Control-Request-Method', 'GET').expect(204);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['api-version']).toBe('1.0.0');
  }
  await request(app).options('/ogc/v1/collections/nope/items').expect(404);
  await request(app).options('/ogc/v1/nothing').expect(404);
});

test('successful reads carry Cache-Control and a strong ETag; If-None-Match gives 304', async () => {
  const res = await request(app).get('/ogc/v1/collections/sensors/items').expect(200);
  expect(res.headers['cache-control']).toBe('public, max-age=60');
  expect(res.headers.etag).toMatch(/^"[^"]+"$/);
  // items carry a timeStamp, so their ETag changes per response; metadata resources revalidate
  const collections = await request(app).get('/ogc/v1/collections').expect(200);
  await request(app).get('/ogc/v1/collections').set('If-None-Match', collections.headers.etag as string).expect(304);
  const error = await request(app).get('/ogc/v1/collections/sensors/items?limit=0').expect(400);
  expect(error.headers['cache-control']).toBeUndefined();
});

test('the resources are read-only: writes are 405 with Allow, as problem+json', async () => {
  for (const path of ['/ogc/v1/collections/sensors/items', '/ogc/v1/collections/sensors/items/1', '/ogc/v1/collections', '/ogc/v1']) {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const res = await request(app)[method](path).expect(405);
      expect([res.headers.allow, res.headers['content-type']]).toEqual(['GET, HEAD, OPTIONS', 'application/problem+json; charset=utf-8']);
    }
  }
});

test('HEAD is answered like GET without a body', async () => {
  const res = await request(app).head('/ogc/v1/collections').expect(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.text).toBeUndefined();
});

test('a trailing slash is a 404 problem, everywhere', async () => {
  for (const path of ['/ogc/v1/', '/ogc/v1/collections/', '/ogc/v1/collections/sensors/items/']) {
    const res = await request(app).get(path).expect(404);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['api-version']).toBe('1.0.0');
  }
});

test('errors are application/problem+json with status and title', async () => {
  const res = await request(app).get('/ogc/v1/collections/sensors/items?unknownQueryParameter12345=1').expect(400);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = JSON.parse(res.text);
  expect(body).toEqual({
    type: 'https://sensorregister.nl/problems/bad-request',
    title: expect.stringContaining("unknown query parameter 'unknownQueryParameter12345'"),
    status: 400,
    detail: body.title,
    instance: '/ogc/v1/collections/sensors/items?unknownQueryParameter12345=1',
  });
  const notFound = JSON.parse((await request(app).get('/ogc/v1/nothing-here').expect(404)).text);
  expect(notFound).toMatchObject({ status: 404, type: 'https://sensorregister.nl/problems/not-found' });
});

test('unknown parameters are 400 on every resource; repeated ones too', async () => {
  for (const path of ['/ogc/v1?x=1', '/ogc/v1/conformance?limit=1', '/ogc/v1/collections?bbox=1,2,3,4', '/ogc/v1/collections/sensors?x=1', '/ogc/v1/collections/sensors/queryables?x=1', '/ogc/v1/collections/sensors/items/1?limit=1', '/ogc/v1/collections/sensors/items?filterx=name%3D%27x%27', '/ogc/v1/collections/sensors/items?limit=1&limit=2']) {
    await request(app).get(path).expect(400);
  }
});

test('no parameter is dropped: a filter behind 1000 empty parameters still filters; bracketed names are unknown', async () => {
  const behind = await request(app).get(`/ogc/v1/collections/sensors/items?${'&'.repeat(1000)}organisation_slug=provincie-utrecht`).expect(200);
  expect(behind.body.features.map((feature: { properties: { name: string } }) => feature.properties.name)).toEqual(['Geluidsmeter Amersfoort', '<script>alert(1)</script>']);
  const many = Array.from({ length: 1200 }, (_, i) => `limit=${i + 1}`).join('&');
  await request(app).get(`/ogc/v1/collections/sensors/items?${many}`).expect(400);
  for (const path of ['/ogc/v1/collections/sensors/items?filter[a]=1', '/ogc/v1/collections/sensors/items?__proto__[x]=1']) {
    const res = await request(app).get(path).expect(400);
    expect(res.body.detail).toMatch(/unknown query parameter/);
  }
});

test('format negotiation: f first, then Accept; 406 when nothing fits; 400 for an unknown f', async () => {
  const html = await request(app).get('/ogc/v1/collections').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
  expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
  const forced = await request(app).get('/ogc/v1/collections?f=json').set('Accept', 'text/html').expect(200);
  expect(forced.headers['content-type']).toBe('application/json; charset=utf-8');
  const geojson = await request(app).get('/ogc/v1/collections/sensors/items').set('Accept', 'application/geo+json, application/json').expect(200);
  expect(geojson.headers['content-type']).toBe('application/geo+json; charset=utf-8');
  const plainJson = await request(app).get('/ogc/v1/collections/sensors/items').set('Accept', 'application/json').expect(200);
  expect(plainJson.headers['content-type']).toBe('application/json; charset=utf-8');
  const schema = await request(app).get('/ogc/v1/collections/sensors/queryables').expect(200);
  expect(schema.headers['content-type']).toBe('application/schema+json; charset=utf-8');
  const notAcceptable = await request(app).get('/ogc/v1/collections').set('Accept', 'application/xml').expect(406);
  expect(notAcceptable.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  await request(app).get('/ogc/v1/collections/sensors/items').set('Accept', 'image/png').expect(406);
  await request(app).get('/ogc/v1/collections?f=xml').expect(400);
  expect((await request(app).get('/ogc/v1/collections').expect(200)).headers.vary).toBe('Accept');
});

test('links follow X-Forwarded headers when no public base URL is configured', async () => {
  const plain = featuresApp(db);
  const res = await request(plain)
    .get('/ogc/v1')
    .set('X-Forwarded-Proto', 'https')
    .set('X-Forwarded-Host', 'proxy.example.org')
    .set('X-Forwarded-Prefix', '/register')
    .expect(200);
  expect(res.body.links[0].href).toBe('https://proxy.example.org/register/ogc/v1');
  const api = await request(plain).get('/ogc/v1/api').set('Host', 'localhost:9999').expect(200);
  expect(JSON.parse(api.text).servers[0].url).toBe('http://localhost:9999/ogc/v1');
});
