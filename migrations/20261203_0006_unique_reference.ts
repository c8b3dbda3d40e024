/**
 * An organisation's own reference identifies one installation: among its Things that are not retired, a
 * reference occurs once (retired versions of the same object may share it, as BGT object versions do).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE UNIQUE INDEX things_reference_unique ON things (organisation_id, (properties->>'reference'))
    WHERE publication <> 'retired' AND (properties->>'reference') IS NOT NULL`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX things_reference_unique');
}
