/**
 * Opens the database: PostgreSQL/PostGIS through `pg` when a URL is given, otherwise the embedded
 * PostgreSQL + PostGIS of PGlite in a data directory. Both are driven through knex with the same SQL.
 */
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import ClientPGLite from 'knex-pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';

/** An open database and how to close it. */
export interface Database {
  readonly knex: Knex;
  readonly backend: 'embedded' | 'postgres';
  close(): Promise<void>;
}

/** PostgreSQL type oids whose text form we parse to numbers (int8 ids and counts, numeric). */
const INT8 = 20;

export interface PostgresOptions {
  url: string;
  poolMax: number;
  statementTimeoutMs: number;
}

/** Connects to PostgreSQL/PostGIS with a pool. */
export function openPostgres(options: PostgresOptions): Database {
  const knex = knexFactory({
    client: 'pg',
    connection: {
      connectionString: options.url,
      types: {
        getTypeParser: (oid: number, format: 'text' | 'binary' = 'text') =>
          oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
      },
      statement_timeout: options.statementTimeoutMs || undefined,
      application_name: 'sensorregister',
    } as Knex.PgConnectionConfig,
    pool: { min: 0, max: options.poolMax },
  });
  return { knex, backend: 'postgres', close: () => knex.destroy() };
}

/** Wraps an open PGlite instance in knex. */
export function knexOnPglite(pglite: PGlite): Knex {
  return knexFactory({ client: ClientPGLite, connection: () => ({ pglite }) } as Knex.Config);
}

/** PGlite creation options shared by the server, the CLI and the tests. */
export const PGLITE_OPTIONS = {
  extensions: { postgis },
  parsers: { [INT8]: (value: string) => Number(value) },
};

export interface EmbeddedOptions {
  dataDir: string;
}

/** An open PGlite instance as a Database; `afterClose` runs once it is closed. */
export function embeddedDatabase(pglite: PGlite, afterClose: () => void = () => undefined): Database {
  const knex = knexOnPglite(pglite);
  return {
    knex,
    backend: 'embedded',
    close: async () => {
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
      afterClose();
    },
  };
}

/** Opens (creating when absent) the embedded database in `<dataDir>/pgdata`, owned by this process. */
export async function openEmbedded(options: EmbeddedOptions): Promise<Database> {
  const unlock = lockDataDir(options.dataDir);
  try {
    return embeddedDatabase(await PGlite.create(path.join(options.dataDir, 'pgdata'), PGLITE_OPTIONS), unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Opens the database the configuration names. */
export function openDatabase(config: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolMax: number;
  statementTimeoutMs: number;
}): Promise<Database> {
  if (config.databaseUrl) {
    return Promise.resolve(
      openPostgres({ url: config.databaseUrl, poolMax: config.poolMax, statementTimeoutMs: config.statementTimeoutMs }),
    );
  }
  return openEmbedded({ dataDir: config.dataDir });
}
