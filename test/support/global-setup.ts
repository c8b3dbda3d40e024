/**
 * Jest global setup: prepares one migrated template database for the whole run (see `template.ts`) and
 * tells the test workers where it is through environment variables.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { knexOnPglite, openPostgres, PGLITE_OPTIONS } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { CACHE_DIR, pgliteTemplateFile } from './template';

async function postgresTemplate(url: string): Promise<void> {
  const name = `sr_template_${process.pid}`;
  const admin = openPostgres({ url, poolMax: 1, statementTimeoutMs: 0 });
  try {
    await admin.knex.raw(`DROP DATABASE IF EXISTS ${name}`);
    await admin.knex.raw(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${name}`;
  const template = openPostgres({ url: templateUrl.toString(), poolMax: 1, statementTimeoutMs: 0 });
  try {
    await migrateToLatest(template.knex);
  } finally {
    await template.close();
  }
  process.env.TEST_PG_TEMPLATE = name;
}

async function pgliteTemplate(): Promise<void> {
  const file = pgliteTemplateFile();
  if (!fs.existsSync(file)) {
    const pglite = await PGlite.create(PGLITE_OPTIONS);
    const knex = knexOnPglite(pglite);
    await migrateToLatest(knex);
    const dump = await pglite.dumpDataDir('gzip');
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(`${file}.tmp`, file);
    await knex.destroy();
  }
  process.env.TEST_PGLITE_TEMPLATE = file;
}

export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) await postgresTemplate(url);
  else await pgliteTemplate();
  process.stdout.write(`\ntest database backend: ${url ? 'PostgreSQL' : 'embedded PGlite'}\n`);
}
