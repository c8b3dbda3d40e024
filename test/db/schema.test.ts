/** The migrated schema on the backend under test: tables, geometry columns, indexes, vocabularies, change log. */
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

test('every STA table and link table exists', async () => {
  const { rows } = await db.knex.raw(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
  const tables = rows.map((row: { table_name: string }) => row.table_name);
  expect(tables).toEqual(
    expect.arrayContaining([
      'things', 'locations', 'things_locations', 'historical_locations', 'historical_locations_locations', 'datastreams',
      'sensors', 'observed_properties', 'observations', 'features_of_interest', 'organisations', 'change_log',
      'sensor_types', 'themes', 'legal_grounds', 'public_email_patterns',
    ]),
  );
});

test('geometry columns are SRID 4326 with GIST indexes', async () => {
  const { rows } = await db.knex.raw(
    `SELECT f_table_name AS t, f_geometry_column AS c, srid FROM geometry_columns ORDER BY 1, 2`,
  );
  expect(rows).toEqual([
    { t: 'datastreams', c: 'observed_area_geom', srid: 4326 },
    { t: 'features_of_interest', c: 'geom', srid: 4326 },
    { t: 'locations', c: 'geom', srid: 4326 },
  ]);
  const indexes = await db.knex.raw(`SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gist%' ORDER BY 1`);
  expect(indexes.rows.map((row: { indexname: string }) => row.indexname)).toEqual([
    'datastreams_observed_area_geom_gist',
    'features_of_interest_geom_gist',
    'locations_geom_gist',
  ]);
});

test('vocabularies are seeded: 308 sensor types, 43 themes, 6 legal grounds, 16 e-mail patterns', async () => {
  const count = async (table: string) => Number((await db.knex(table).count({ n: '*' }))[0]!.n);
  expect(await count('sensor_types')).toBe(308);
  expect(await count('themes')).toBe(43);
  expect(await count('legal_grounds')).toBe(6);
  expect(await count('public_email_patterns')).toBe(16);
  const camera = await db.knex('sensor_types').where({ code: 'optische-camera-sensor' }).first('label_nl', 'broader', 'source');
  expect(camera).toEqual({ label_nl: 'Optische / camera sensor', broader: 'optical-camerasensor', source: 'amsterdam' });
});

test('the change log is append-only', async () => {
  await db.knex('change_log').insert({ actor: 'test', entity_type: 'Thing', entity_id: 1, action: 'create', after: '{}' });
  await expect(db.knex('change_log').update({ actor: 'someone else' })).rejects.toThrow(/append-only/);
  await expect(db.knex('change_log').del()).rejects.toThrow(/append-only/);
  expect(Number((await db.knex('change_log').count({ n: '*' }))[0]!.n)).toBe(1);
});

test('updated_at follows updates', async () => {
  const [org] = await db.knex('organisations').insert({ slug: 'x', name: 'X', kind: 'overig' }).returning(['id', 'updated_at']);
  await db.knex.raw('SELECT pg_sleep(0.01)');
  const [after] = await db.knex('organisations').where({ id: org.id }).update({ name: 'Y' }).returning(['updated_at']);
  expect(new Date(after.updated_at).getTime()).toBeGreaterThan(new Date(org.updated_at).getTime());
});
