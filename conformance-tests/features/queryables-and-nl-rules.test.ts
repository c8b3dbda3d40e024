/**
 * Part 3 `…/ogcapi-features-3/1.0/conf/queryables` and `queryables-query-parameters`, and the NL API Design
 * Rules checks that can be made from outside: API-Version, problem+json, no trailing slash, openapi.json, CORS.
 */
import { get, itemsUrls, linksOf, openTarget, withParams, type Target } from './harness';

let target: Target;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

test('/req/queryables/get-queryables-response: JSON Schema 2020-12 with $id and typed properties', async () => {
  for (const { collection } of await itemsUrls(target.landing)) {
    const link = linksOf(collection, 'http://www.opengis.net/def/rel/ogc/1.0/queryables')[0];
    expect(link).toBeDefined();
    const res = await get(link!.href, 'application/schema+json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')?.split(';')[0]).toBe('application/schema+json');
    const schema = res.json();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(link!.href.split('?')[0]);
    expect(schema.type).toBe('object');
    for (const [name, property] of Object.entries(schema.properties as Record<string, { type?: string; format?: string }>)) {
      expect([name, property.type !== undefined || property.format?.startsWith('geometry-')]).toEqual([name, true]);
    }
  }
});

test('/req/queryables-query-parameters: a string queryable as parameter filters by equality', async () => {
  for (const { items, collection } of await itemsUrls(target.landing)) {
    const link = linksOf(collection, 'http://www.opengis.net/def/rel/ogc/1.0/queryables')[0]!;
    const schema = (await get(link.href, 'application/schema+json')).json();
    const first = (await get(items, 'application/geo+json')).json().features[0];
    if (!first) continue;
    const name = Object.keys(schema.properties).find((key) => schema.properties[key].type === 'string' && typeof first.properties[key] === 'string' && !schema.properties[key].format);
    if (!name) continue;
    const res = await get(withParams(items, { [name]: first.properties[name] }), 'application/geo+json');
    expect(res.status).toBe(200);
    const features = res.json().features;
    expect(features.length).toBeGreaterThan(0);
    for (const feature of features) expect(feature.properties[name]).toBe(first.properties[name]);
  }
});

test('NL ADR: API-Version on success and error responses, problem+json errors, 404 on a trailing slash', async () => {
  const ok = await get(target.landing);
  expect(ok.headers.get('api-version')).toMatch(/^\d+\.\d+\.\d+$/);
  const missing = await get(`${target.landing}/collections/no-such-collection-0`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-type')?.split(';')[0]).toBe('application/problem+json');
  expect(missing.headers.get('api-version')).toMatch(/^\d+\.\d+\.\d+$/);
  expect(missing.json()).toMatchObject({ status: 404, title: expect.any(String) });
  expect((await get(`${target.landing}/collections/`)).status).toBe(404);
});

test('NL ADR: /openapi.json is public with CORS; OPTIONS is answered', async () => {
  const res = await fetch(`${target.landing}/openapi.json`, { headers: { Origin: 'https://elsewhere.example' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(((await res.json()) as { openapi: string }).openapi).toMatch(/^3\.0\./);
  const options = await fetch(`${target.landing}/collections`, { method: 'OPTIONS' });
  expect(options.status).toBe(204);
  expect(options.headers.get('allow')).toContain('GET');
});
