/** Publishing drafts: by reference or all, per organisation only, all or nothing, logged. */
import type { Database } from '../../src/db/connect';
import { publishDrafts } from '../../src/register/store/publish-drafts';
import { addOrganisation, addRecords, record } from '../support/fixtures';
import { openTestDatabase } from '../support/test-database';

let db: Database;
let haag: number;

beforeAll(async () => {
  db = await openTestDatabase();
  const haagOrganisation = await addOrganisation(db.knex, 'den-haag');
  const delftOrganisation = await addOrganisation(db.knex, 'delft');
  haag = haagOrganisation.id;
  await addRecords(db.knex, haagOrganisation, [record('A', 4.3, 52.08), record('B', 4.31, 52.09), record('C', 4.32, 52.07)], false);
  await addRecords(db.knex, delftOrganisation, [record('D', 4.36, 52.01)], false);
});

afterAll(() => db.close());

const states = async (): Promise<Record<string, string>> =>
  Object.fromEntries((await db.knex('things').orderBy('name').select('name', 'publication')).map((row) => [row.name, row.publication]));

test('drafts are published by reference, all or nothing, and each change is logged', async () => {
  await expect(publishDrafts(db.knex, haag, { references: ['A', 'nope'] }, 'test')).rejects.toMatchObject({
    status: 404,
    message: 'no draft with reference "nope"; nothing was published',
  });
  expect(await states()).toEqual({ A: 'draft', B: 'draft', C: 'draft', D: 'draft' });
  // Another organisation's reference is not a draft of this one.
  await expect(publishDrafts(db.knex, haag, { references: ['D'] }, 'test')).rejects.toMatchObject({ status: 404 });
  expect(await publishDrafts(db.knex, haag, { references: ['A', 'C'] }, 'test')).toBe(2);
  expect(await states()).toEqual({ A: 'published', B: 'draft', C: 'published', D: 'draft' });
  const log = await db.knex('change_log').where({ action: 'update', entity_type: 'Thing' }).orderBy('entity_id').select('actor', 'organisation_id', 'before', 'after');
  expect(log).toEqual([
    { actor: 'test', organisation_id: haag, before: { publication: 'draft' }, after: { publication: 'published' } },
    { actor: 'test', organisation_id: haag, before: { publication: 'draft' }, after: { publication: 'published' } },
  ]);
});

test('--all publishes the remaining drafts of the organisation only', async () => {
  expect(await publishDrafts(db.knex, haag, { all: true }, 'test')).toBe(1);
  expect(await states()).toEqual({ A: 'published', B: 'published', C: 'published', D: 'draft' });
  expect(await publishDrafts(db.knex, haag, { all: true }, 'test')).toBe(0);
  await expect(publishDrafts(db.knex, haag, { references: ['A'] }, 'test')).rejects.toMatchObject({
    message: 'no draft with reference "A" (published); nothing was published',
  });
});
