/** bbox across the antimeridian (minx > maxx), on its own fixture of Things either side of ±180°. */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { addOrganisation, addRecords, record } from '../support/fixtures';
import { featuresApp } from './support';

let db: Database;
let app: ReturnType<typeof featuresApp>;
let byName: Record<string, number>;

beforeAll(async () => {
  db = await openTestDatabase();
  const org = await addOrganisation(db.knex, 'fiji');
  await addRecords(db.knex, org, [record('East', 179.5, -16.5), record('West', -179.5, -16.5), record('Greenwich', 0, -16.5)], true);
  const rows: Array<{ id: number; name: string }> = await db.knex('things').select('id', 'name');
  byName = Object.fromEntries(rows.map((row) => [row.name, Number(row.id)]));
  app = featuresApp(db, 'https://register.example.nl');
});
afterAll(() => db.close());

async function idsOf(query: string): Promise<number[]> {
  const res = await request(app).get(`/ogc/v1/collections/sensors/items${query}`).expect(200);
  return JSON.parse(res.text).features.map((feature: { id: number }) => feature.id);
}

test('a box from 179 to -179 holds the Things either side of the antimeridian and not Greenwich', async () => {
  expect(await idsOf('?bbox=179,-17,-179,-16')).toEqual([byName.East, byName.West]);
  expect(await idsOf('?bbox=177,65,-177,70')).toEqual([]);
  expect(await idsOf('?bbox=179.6,-17,-179.6,-16')).toEqual([]);
  expect(await idsOf('?bbox=-17,179,-16,-179&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326')).toEqual([byName.East, byName.West]);
  expect(await idsOf('?bbox=-1,-17,1,-16')).toEqual([byName.Greenwich]);
});

test('the collection extent covers the whole width when features straddle the antimeridian', async () => {
  const res = await request(app).get('/ogc/v1/collections/sensors').expect(200);
  expect(res.body.extent.spatial.bbox).toEqual([[-179.65, -16.65, 179.65, -16.35]]);
});
