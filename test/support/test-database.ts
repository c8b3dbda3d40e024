/**
 * A fresh, migrated database for one test file: a clone of the run's template, on the backend the run
 * uses (PostgreSQL when DATABASE_URL is set, otherwise in-memory PGlite).
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { embeddedDatabase, openPostgres, PGLITE_OPTIONS, type Database } from '../../src/db/connect';

let counter = 0;

export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = process.env.TEST_PG_TEMPLATE;
    if (!template) throw new Error('TEST_PG_TEMPLATE is not set: run the tests through jest (global setup)');
    const name = `sr_test_${process.pid}_${++counter}_${Date.now() % 100000}`;
    const admin = openPostgres({ url, poolMax: 1, statementTimeoutMs: 0 });
    try {
      await admin.knex.raw(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.close();
    }
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    const db = openPostgres({ url: testUrl.toString(), poolMax: 4, statementTimeoutMs: 30000 });
    return {
      knex: db.knex,
      backend: 'postgres',
      close: async () => {
        await db.close();
        const dropper = openPostgres({ url, poolMax: 1, statementTimeoutMs: 0 });
        try {
          await dropper.knex.raw(`DROP DATABASE IF EXISTS ${name}`);
        } finally {
          await dropper.close();
        }
      },
    };
  }
  const file = process.env.TEST_PGLITE_TEMPLATE;
  if (!file) throw new Error('TEST_PGLITE_TEMPLATE is not set: run the tests through jest (global setup)');
  return embeddedDatabase(await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: new Blob([fs.readFileSync(file)]) }));
}
