/** Shared column helpers for the migrations: every row carries created/updated timestamps. */
import type { Knex } from 'knex';

/** Adds `created_at` / `updated_at` (timestamptz, default now). */
export function timestamps(table: Knex.CreateTableBuilder, knex: Knex): void {
  table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
}

/** Keeps `updated_at` current on every UPDATE of `table` (trigger function from 0001). */
export function touchOnUpdate(knex: Knex, table: string): Knex.Raw {
  return knex.raw(
    `CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`,
  );
}
