/** Organisations: the tenants of the register, each owning its Things. */
import type { Knex } from 'knex';
import { timestamps, touchOnUpdate } from './lib/columns';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organisations', (table) => {
    table.bigIncrements('id');
    table.text('slug').notNullable().unique();
    table.text('name').notNullable();
    table.text('kind').notNullable();
    table.text('code').comment('CBS municipality/province code or OIN');
    table.text('website');
    table.text('public_email').comment('role mailbox, published');
    table.text('private_contact').comment('never published');
    timestamps(table, knex);
  });
  await knex.raw(`ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check
    CHECK (kind IN ('gemeente', 'provincie', 'waterschap', 'rijk', 'overig'))`);
  await knex.raw(`ALTER TABLE organisations ADD CONSTRAINT organisations_slug_check
    CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`);
  await touchOnUpdate(knex, 'organisations');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('organisations');
}
