/**
 * `$filter` comparing JSON properties with date and date-time literals: ISO date strings compare as instants
 * (dates at UTC midnight); other JSON values never match a date.
 */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { addSensorFixture } from '../features/support';
import { testApp } from '../support/app';
import { openTestDatabase } from '../support/test-database';

let db: Database;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  db = await openTestDatabase();
  // Published: Camera Spui (activeFrom 2024-01-15), Camera Plein, Geluidsmeter Amersfoort (2023-05-01), <script>.
  await addSensorFixture(db.knex);
  // Published values that look like dates but are none: they never match, and never make a query fail.
  const { organisation_id } = await db.knex('things').where({ name: 'Camera Plein' }).first('organisation_id');
  await db.knex('things').insert([
    { organisation_id, publication: 'published', name: 'Odd date', description: '', properties: { reference: 'ODD-1', activeFrom: '2023-02-31' } },
    { organisation_id, publication: 'published', name: 'Odd time', description: '', properties: { reference: 'ODD-2', activeFrom: '2023-01-01T99:99' } },
  ]);
  app = testApp(db);
});

afterAll(() => db.close());

async function names(filter: string): Promise<string[]> {
  const res = await request(app).get(`/sta/v1.1/Things?$select=name&$orderby=name&$filter=${encodeURIComponent(filter)}`).expect(200);
  return res.body.value.map((thing: { name: string }) => thing.name);
}

test('a JSON date compares with date-time and date literals as an instant', async () => {
  expect(await names('properties/activeFrom ge 2024-01-15T00:00:00Z')).toEqual(['Camera Spui']);
  expect(await names('properties/activeFrom ge 2024-01-15T00:00:00%2B01:00'.replace('%2B', '+'))).toEqual(['Camera Spui']);
  expect(await names('properties/activeFrom gt 2024-01-15T00:00:00Z')).toEqual([]);
  expect(await names('properties/activeFrom ge 2024-01-15')).toEqual(['Camera Spui']);
  expect(await names('properties/activeFrom lt 2024-01-15')).toEqual(['Geluidsmeter Amersfoort']);
  expect(await names('properties/activeFrom eq 2023-05-01')).toEqual(['Geluidsmeter Amersfoort']);
  expect(await names('year(properties/activeFrom) eq 2023')).toEqual(['Geluidsmeter Amersfoort']);
});

test('JSON values that are not ISO dates never match a date', async () => {
  expect(await names('properties/reference gt 2020-01-01')).toEqual([]);
  expect(await names('properties/status lt 2100-01-01T00:00:00Z')).toEqual([]);
  expect(await names('properties ne 2020-01-01')).toEqual([]);
  // Text comparison stays available with a string literal.
  expect(await names("properties/activeFrom ge '2024'")).toEqual(['Camera Spui']);
});
