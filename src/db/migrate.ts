/** Runs the knex migrations in `migrations/` (the same on both backends). */
import type { Knex } from 'knex';
import { migrationSource } from '../../migrations';

/** Brings the schema up to date; returns the names of the migrations that ran. */
export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}
