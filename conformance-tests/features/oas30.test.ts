/**
 * Conformance class OpenAPI 3.0 — `…/ogcapi-features-1/1.0/conf/oas30`: the service-desc is a valid OpenAPI 3.0
 * document served as `application/vnd.oai.openapi+json;version=3.0`, with an absolute server URL equal to the
 * landing page, the paths the ETS derives its tests from, and the parameter definitions the ETS asserts.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { get, linksOf, openTarget, type Target } from './harness';

let target: Target;
let doc: any;
const OPENAPI = 'application/vnd.oai.openapi+json;version=3.0';

beforeAll(async () => {
  target = await openTarget();
  const landing = (await get(target.landing)).json();
  const serviceDesc = linksOf(landing, 'service-desc').find((link) => link.type?.replace(/\s/g, '') === OPENAPI);
  if (!serviceDesc) throw new Error(`the landing page has no service-desc link of type ${OPENAPI}`);
  const res = await get(serviceDesc.href, OPENAPI);
  if (res.status !== 200) throw new Error(`GET ${serviceDesc.href} answered ${res.status}`);
  doc = res.json();
});
afterAll(() => target.close());

test('/req/oas30/oas-definition: a valid OpenAPI 3.0 document', async () => {
  expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
  await SwaggerParser.validate(structuredClone(doc));
});

test('servers[].url is absolute and is the landing page', () => {
  expect(doc.servers.map((server: { url: string }) => server.url.replace(/\/$/, ''))).toContain(target.landing);
});

test('the paths the ETS needs exist with GET and 200', () => {
  for (const path of ['/conformance', '/collections', '/collections/{collectionId}', '/collections/{collectionId}/items', '/collections/{collectionId}/items/{featureId}']) {
    expect([path, Object.keys(doc.paths[path]?.get?.responses ?? {})]).toEqual([path, expect.arrayContaining(['200'])]);
  }
});

function parameter(name: string): any {
  const items = doc.paths['/collections/{collectionId}/items'].get.parameters as Array<{ $ref?: string; name?: string }>;
  const found = items.map((entry) => (entry.$ref ? doc.components.parameters[entry.$ref.split('/').pop() as string] : entry)).find((entry) => entry.name === name);
  if (!found) throw new Error(`items does not declare ${name}`);
  return found;
}

test('limit, bbox and datetime are declared as the ETS asserts', () => {
  const limit = parameter('limit');
  expect(limit).toMatchObject({ in: 'query', style: 'form', explode: false, schema: { type: 'integer' } });
  expect(limit.required).toBeFalsy();
  expect(limit.schema.minimum).toBeGreaterThanOrEqual(0);
  expect(limit.schema.maximum).toBeGreaterThanOrEqual(limit.schema.minimum);
  expect(limit.schema.default).toBeGreaterThanOrEqual(0);
  expect(parameter('bbox')).toMatchObject({ in: 'query', style: 'form', explode: false, schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } } });
  expect(parameter('datetime')).toMatchObject({ in: 'query', style: 'form', explode: false, schema: { type: 'string' } });
  expect(doc.components.parameters.limit.schema.maximum).toBe(limit.schema.maximum);
});

test('/req/oas30/completeness: the status codes the server uses are declared', () => {
  const items = doc.paths['/collections/{collectionId}/items'].get.responses;
  for (const code of ['200', '400', '404', '406', '500']) expect(Object.keys(items)).toContain(code);
});
