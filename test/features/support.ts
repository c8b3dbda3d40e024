/** Test support for the Features API: the app, and the fixture of known Things every Features test uses. */
import type express from 'express';
import type { Knex } from 'knex';
import type { Database } from '../../src/db/connect';
import { testApp } from '../support/app';
import { createOrganisation } from '../../src/register/organisations';
import { loadVocabularies } from '../../src/register/vocabularies/lookup';
import { addOrganisation, addRecords, record } from '../support/fixtures';

/** The whole application (`createApp`), as the Features tests drive it. */
export function featuresApp(db: Database, publicBaseUrl?: string): express.Express {
  return testApp(db, { publicBaseUrl });
}

/** Ids of the fixture's Things. */
export interface FixtureIds {
  /** den-haag, camera, 4.3 52.08, published. */
  a: number;
  /** den-haag, camera, 4.31 52.09, published. */
  b: number;
  /** utrecht, sound meter registered at RD 155000 463000, published. */
  c: number;
  /** utrecht, named `<script>alert(1)</script>`, 5.1 52.1, published. */
  script: number;
  /** delft, draft: never visible. */
  draft: number;
  /** den-haag, terminated → retired: never visible. */
  retired: number;
}

/** Fixed `updated_at` values, so datetime filters have exact answers. */
export const UPDATED = {
  a: '2024-01-10T08:00:00.000Z',
  b: '2024-03-05T12:30:00.000Z',
  c: '2024-06-01T00:00:00.250Z',
  script: '2025-01-01T10:00:00.000Z',
  draft: '2024-03-05T12:30:00.000Z',
  retired: '2024-03-05T12:30:00.000Z',
} as const;

export const RD_POINT = { x: 155000, y: 463000 } as const;

async function setUpdated(knex: Knex, ids: FixtureIds): Promise<void> {
  await knex.raw('ALTER TABLE things DISABLE TRIGGER things_touch');
  for (const key of Object.keys(UPDATED) as Array<keyof FixtureIds>) {
    await knex('things').where('id', ids[key]).update({ updated_at: UPDATED[key] });
  }
  await knex.raw('ALTER TABLE things ENABLE TRIGGER things_touch');
}

/** Writes the known fixture: four published Things, a draft and a retired one. */
export async function addSensorFixture(knex: Knex): Promise<FixtureIds> {
  const vocabularies = await loadVocabularies(knex);
  const haag = await createOrganisation(
    knex,
    { slug: 'den-haag', name: "Gemeente 's-Gravenhage", kind: 'gemeente', publicEmail: 'info@denhaag.nl' },
    vocabularies,
    'test',
  );
  const delft = await addOrganisation(knex, 'delft');
  const utrecht = await createOrganisation(knex, { slug: 'provincie-utrecht', name: 'Provincie Utrecht', kind: 'provincie' }, vocabularies, 'test');
  await addRecords(
    knex,
    haag,
    [
      record('Camera Spui', 4.3, 52.08, { thing: { reference: 'DH-1', status: 'active', activeFrom: '2024-01-15' } }),
      record('Camera Plein', 4.31, 52.09, { thing: { reference: 'DH-2', status: 'active' } }),
    ],
    true,
  );
  await addRecords(knex, delft, [record('Draft', 4.36, 52.01)], false);
  const sound = record('Geluidsmeter Amersfoort', 0, 0, {
    position: { crs: 'EPSG:28992', x: RD_POINT.x, y: RD_POINT.y },
    thing: { reference: 'PU-7', status: 'active', publicContact: 'info-geluid@provincie-utrecht.nl', activeFrom: '2023-05-01', activeUntil: '2026-12-31' },
    sensor: { name: 'Geluidsmeter', description: 'a sound level meter', properties: { sensorType: 'sound-level-meter' } },
    datastream: {
      name: 'Geluid',
      description: 'sound levels',
      observedProperty: { name: 'Geluidsniveau', definition: 'urn:test:sound' },
      properties: { themes: ['sound', 'health'], personalData: false, legalGround: 'legal-obligation', purpose: 'Geluidsoverlast meten' },
    },
  });
  const script = record('<script>alert(1)</script>', 5.1, 52.1, {
    description: '<img src=x onerror=alert(2)>',
    thing: { reference: '"><b>', status: 'planned' },
  });
  await addRecords(knex, utrecht, [sound, script], true);
  await addRecords(knex, haag, [record('Retired', 4.32, 52.07, { thing: { reference: 'DH-3', status: 'terminated' } })], true);
  const rows: Array<{ id: number; name: string }> = await knex('things').select('id', 'name').orderBy('id');
  const idOf = (name: string): number => {
    const row = rows.find((candidate) => candidate.name === name);
    if (!row) throw new Error(`fixture: no Thing ${name}`);
    return Number(row.id);
  };
  const ids: FixtureIds = {
    a: idOf('Camera Spui'),
    b: idOf('Camera Plein'),
    c: idOf('Geluidsmeter Amersfoort'),
    script: idOf('<script>alert(1)</script>'),
    draft: idOf('Draft'),
    retired: idOf('Retired'),
  };
  await setUpdated(knex, ids);
  return ids;
}
