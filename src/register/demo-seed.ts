/**
 * Demo data for a first start on the embedded database: two real organisations with their real, public
 * records (Den Haag's BGT sensors, Amsterdam register entries), published, so a newcomer sees data at once.
 * Runs only when the database has no organisations.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { OrganisationInput } from './profile-types';
import { importFile, type ImportReport } from './import/import-file';
import { createOrganisation } from './organisations';
import { loadVocabularies } from './vocabularies/lookup';
import { projectPath } from '../paths';

const DEMO_DIR = projectPath('seed', 'demo');

const DEMO: ReadonlyArray<{ organisation: OrganisationInput; file: string }> = [
  {
    organisation: {
      slug: 'den-haag',
      name: "Gemeente 's-Gravenhage",
      kind: 'gemeente',
      code: 'GM0518',
      website: 'https://www.denhaag.nl',
      publicEmail: 'info@denhaag.nl',
    },
    file: 'bgt_sensor_denhaag_G0518.gml',
  },
  {
    organisation: {
      slug: 'amsterdam',
      name: 'Gemeente Amsterdam',
      kind: 'gemeente',
      code: 'GM0363',
      website: 'https://www.amsterdam.nl',
      publicEmail: 'sensorenregister@amsterdam.nl',
    },
    file: 'amsterdam_sensorenregister_sample_redacted.geojson',
  },
];

/** Seeds the demo when the register is empty; returns the import reports (empty when it did nothing). */
export async function seedDemoIfEmpty(knex: Knex): Promise<ImportReport[]> {
  const existing = await knex('organisations').first('id');
  if (existing) return [];
  const vocabularies = await loadVocabularies(knex);
  const reports: ImportReport[] = [];
  for (const { organisation, file } of DEMO) {
    await createOrganisation(knex, organisation, vocabularies, 'demo-seed');
    const report = await importFile(knex, {
      organisationSlug: organisation.slug,
      fileName: file,
      content: fs.readFileSync(path.join(DEMO_DIR, file)),
      dryRun: false,
      publish: true,
      actor: 'demo-seed',
    });
    if (report.issues.length > 0) throw new Error(`demo seed ${file}: ${report.issues.length} issues`);
    reports.push(report);
  }
  return reports;
}
