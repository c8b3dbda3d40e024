/** Organisations: validation with field names, role-mailbox rule, unique slugs, change log. */
import type { Database } from '../../src/db/connect';
import { createOrganisation, organisationBySlug } from '../../src/register/organisations';
import { loadVocabularies, type Vocabularies } from '../../src/register/vocabularies/lookup';
import { openTestDatabase } from '../support/test-database';

let db: Database;
let vocabularies: Vocabularies;
beforeAll(async () => {
  db = await openTestDatabase();
  vocabularies = await loadVocabularies(db.knex);
});
afterAll(() => db.close());

test('creates an organisation, logs it and never returns the private contact', async () => {
  const created = await createOrganisation(
    db.knex,
    { slug: 'utrecht', name: 'Gemeente Utrecht', kind: 'gemeente', code: 'GM0344', publicEmail: 'sensoren@utrecht.nl', privateContact: 'J. Jansen 06-12345678' },
    vocabularies,
    'test',
  );
  expect(created).toEqual({
    id: expect.any(Number),
    slug: 'utrecht',
    name: 'Gemeente Utrecht',
    kind: 'gemeente',
    code: 'GM0344',
    website: null,
    publicEmail: 'sensoren@utrecht.nl',
  });
  expect(await organisationBySlug(db.knex, 'utrecht')).toEqual(created);
  const log = await db.knex('change_log').where({ entity_type: 'Organisation', entity_id: created.id }).first('actor', 'action', 'after');
  expect(log.actor).toBe('test');
  expect(log.action).toBe('create');
  expect(JSON.stringify(log.after)).not.toContain('Jansen');
});

test.each([
  [{ slug: 'Bad Slug', name: 'x', kind: 'gemeente' }, /slug must match pattern/],
  [{ slug: 'x1', name: 'x', kind: 'bedrijf' }, /kind must be one of gemeente, provincie, waterschap, rijk, overig/],
  [{ slug: 'x2', name: 'x', kind: 'gemeente', code: '518' }, /code must match pattern/],
  [{ slug: 'x3', kind: 'gemeente' }, /name must have required property 'name'|name /],
  [{ slug: 'x4', name: 'x', kind: 'gemeente', publicEmail: 'jan.jansen@utrecht.nl' }, /publicEmail 'jan.jansen@utrecht.nl' is not a role mailbox/],
])('refuses %j', async (input, message) => {
  await expect(createOrganisation(db.knex, input as never, vocabularies, 'test')).rejects.toThrow(message);
});

test('a duplicate slug is a conflict', async () => {
  await createOrganisation(db.knex, { slug: 'delft', name: 'Gemeente Delft', kind: 'gemeente' }, vocabularies, 'test');
  await expect(createOrganisation(db.knex, { slug: 'delft', name: 'Other', kind: 'gemeente' }, vocabularies, 'test')).rejects.toMatchObject({
    status: 409,
    message: "an organisation with slug 'delft' already exists",
  });
});
