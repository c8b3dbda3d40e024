/** The append-only change log: who changed which entity when, with the row before and after. */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('change_log', (table) => {
    table.bigIncrements('id');
    table.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.text('actor').notNullable();
    table.bigInteger('organisation_id').references('organisations.id').onDelete('RESTRICT');
    table.text('entity_type').notNullable();
    table.bigInteger('entity_id').notNullable();
    table.text('action').notNullable();
    table.jsonb('before');
    table.jsonb('after');
    table.index(['entity_type', 'entity_id']);
    table.index(['at']);
  });
  await knex.raw(`ALTER TABLE change_log ADD CONSTRAINT change_log_action_check
    CHECK (action IN ('create', 'update', 'delete'))`);
  await knex.raw(`
    CREATE OR REPLACE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'change_log is append-only';
    END $$`);
  await knex.raw(`CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON change_log
    FOR EACH ROW EXECUTE FUNCTION change_log_append_only()`);
  await knex.raw(`CREATE TRIGGER change_log_no_truncate BEFORE TRUNCATE ON change_log
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_append_only()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('change_log');
  await knex.raw('DROP FUNCTION IF EXISTS change_log_append_only()');
}
