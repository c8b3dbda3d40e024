/**
 * `register_try_timestamptz(text)`: the instant an ISO 8601 date or date-time string names (a date, or a time
 * without offset, in UTC), or NULL when the text cannot be read as one (`2023-02-31`). Filters compare JSON
 * properties with date literals through it, so one odd stored value never makes a query fail for everyone.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION register_try_timestamptz(value text) RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
    BEGIN
      IF value ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' THEN
        RETURN value::timestamptz;
      END IF;
      RETURN value::timestamp AT TIME ZONE 'UTC';
    EXCEPTION WHEN data_exception THEN
      RETURN NULL;
    END $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION register_try_timestamptz(text)');
}
