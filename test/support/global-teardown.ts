/** Jest global teardown: drops the PostgreSQL template database of the run. */
import { openPostgres } from '../../src/db/connect';

export default async function globalTeardown(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const name = process.env.TEST_PG_TEMPLATE;
  if (!url || !name) return;
  const admin = openPostgres({ url, poolMax: 1, statementTimeoutMs: 0 });
  try {
    await admin.knex.raw(`DROP DATABASE IF EXISTS ${name}`);
  } finally {
    await admin.close();
  }
}
