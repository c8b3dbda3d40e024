/**
 * Vocabularies as editable data: sensor types, themes, the six GDPR legal grounds and the allowed public
 * contact e-mail patterns, seeded from `seed/vocabularies/`.
 */
import type { Knex } from 'knex';
import {
  legalGroundRows,
  publicEmailPatternRows,
  sensorTypeRows,
  themeRows,
} from '../src/register/vocabularies/seed';
import { timestamps, touchOnUpdate } from './lib/columns';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sensor_types', (table) => {
    table.text('code').primary();
    table.text('label_nl').notNullable();
    table.text('label_en');
    table.text('broader').references('sensor_types.code').deferrable('deferred');
    table.text('definition_nl');
    table.text('source').notNullable();
    timestamps(table, knex);
  });
  await knex.schema.createTable('themes', (table) => {
    table.text('code').primary();
    table.text('label_nl').notNullable();
    table.text('label_en');
    table.text('source').notNullable();
    timestamps(table, knex);
  });
  await knex.schema.createTable('legal_grounds', (table) => {
    table.text('code').primary();
    table.text('label_nl').notNullable();
    table.text('label_en').notNullable();
    table.text('gdpr_article').notNullable();
    timestamps(table, knex);
  });
  await knex.schema.createTable('public_email_patterns', (table) => {
    table.text('pattern').primary();
    timestamps(table, knex);
  });
  for (const table of ['sensor_types', 'themes', 'legal_grounds', 'public_email_patterns']) {
    await touchOnUpdate(knex, table);
  }
  await knex('sensor_types').insert(sensorTypeRows());
  await knex('themes').insert(themeRows());
  await knex('legal_grounds').insert(legalGroundRows());
  await knex('public_email_patterns').insert(publicEmailPatternRows());
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['public_email_patterns', 'legal_grounds', 'themes', 'sensor_types']) {
    await knex.schema.dropTable(table);
  }
}
