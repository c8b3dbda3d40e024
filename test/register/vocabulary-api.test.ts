/** The vocabularies are readable at /api/v1/vocabularies, as import error messages point there. */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { testApp } from '../support/app';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

test('lists the vocabularies and serves each with its codes and labels', async () => {
  const app = testApp(db);
  const index = await request(app).get('/api/v1/vocabularies').expect(200);
  expect(index.body.vocabularies.map((v: { id: string }) => v.id)).toEqual(['sensor-types', 'themes', 'legal-grounds']);
  const types = await request(app).get('/api/v1/vocabularies/sensor-types').expect(200);
  expect(types.body.values).toHaveLength(308);
  expect(types.body.values.find((v: { code: string }) => v.code === 'optische-camera-sensor')).toEqual({
    code: 'optische-camera-sensor', label_nl: 'Optische / camera sensor', label_en: null, broader: 'optical-camerasensor', definition_nl: null, source: 'amsterdam',
  });
  const grounds = await request(app).get('/api/v1/vocabularies/legal-grounds').expect(200);
  expect(grounds.body.values.map((v: { code: string }) => v.code)).toEqual(['consent', 'contract', 'legal-obligation', 'legitimate-interests', 'public-task', 'vital-interests']);
  expect((await request(app).get('/api/v1/vocabularies/themes').expect(200)).body.values).toHaveLength(43);
  const missing = await request(app).get('/api/v1/vocabularies/colours').expect(404);
  expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  await request(app).post('/api/v1/vocabularies/themes').expect(405);
});
