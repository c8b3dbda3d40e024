/** Test fixtures built through the store: organisations and register records. */
import type { Knex } from 'knex';
import { createOrganisation, type Organisation } from '../../src/register/organisations';
import type { ImportRecord, OrganisationInput } from '../../src/register/profile-types';
import { writeRecords } from '../../src/register/store/write-graph';
import { loadVocabularies } from '../../src/register/vocabularies/lookup';

export async function addOrganisation(knex: Knex, slug: string, kind: OrganisationInput['kind'] = 'gemeente'): Promise<Organisation> {
  return createOrganisation(knex, { slug, name: `Gemeente ${slug}`, kind }, await loadVocabularies(knex), 'test');
}

/** A valid record at WGS84 `lon`, `lat` with the given name. */
export function record(name: string, lon: number, lat: number, overrides: Partial<ImportRecord> = {}): ImportRecord {
  return {
    name,
    description: `${name} description`,
    thing: { reference: name, status: 'active' },
    position: { crs: 'EPSG:4326', x: lon, y: lat },
    sensor: { name: `${name} sensor`, description: 'a sensor', properties: { sensorType: 'optische-camera-sensor' } },
    datastream: {
      name: `${name} datastream`,
      description: 'images',
      observedProperty: { name: 'Beeld', definition: 'urn:test:image' },
      properties: { themes: ['safety'], personalData: true, legalGround: 'public-task' },
    },
    ...overrides,
  };
}

export async function addRecords(knex: Knex, organisation: Organisation, records: ImportRecord[], publish: boolean): Promise<void> {
  await knex.transaction((trx) => writeRecords(trx, records, { organisationId: organisation.id, publish, actor: 'test' }));
}
