/**
 * The complete OGC SensorThings API 1.1 data model (OGC 18-088 §8.2): eight entity tables and their link
 * tables. Geometries are SRID 4326 with GIST indexes; the posted GeoJSON is kept beside them so it round-trips.
 * Every Thing is owned by one organisation and has a publication state.
 */
import type { Knex } from 'knex';
import { timestamps, touchOnUpdate } from './lib/columns';

const TABLES = [
  'things',
  'locations',
  'historical_locations',
  'sensors',
  'observed_properties',
  'datastreams',
  'features_of_interest',
  'observations',
];

function intervalColumns(table: Knex.CreateTableBuilder, prefix: string): void {
  table.timestamp(`${prefix}_start`, { useTz: true });
  table.timestamp(`${prefix}_end`, { useTz: true });
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('things', (table) => {
    table.bigIncrements('id');
    table.bigInteger('organisation_id').notNullable().references('organisations.id').onDelete('RESTRICT');
    table.text('publication').notNullable().defaultTo('draft');
    table.text('name').notNullable();
    table.text('description').notNullable();
    table.jsonb('properties');
    timestamps(table, knex);
    table.index(['organisation_id']);
    table.index(['publication']);
  });
  await knex.raw(`ALTER TABLE things ADD CONSTRAINT things_publication_check
    CHECK (publication IN ('draft', 'published', 'retired'))`);

  await knex.schema.createTable('locations', (table) => {
    table.bigIncrements('id');
    table.text('name').notNullable();
    table.text('description').notNullable();
    table.text('encoding_type').notNullable();
    table.jsonb('location').notNullable();
    table.specificType('geom', 'geometry(Geometry, 4326)');
    table.jsonb('properties');
    timestamps(table, knex);
  });

  await knex.schema.createTable('things_locations', (table) => {
    table.bigInteger('thing_id').notNullable().references('things.id').onDelete('CASCADE');
    table.bigInteger('location_id').notNullable().references('locations.id').onDelete('CASCADE');
    table.primary(['thing_id', 'location_id']);
    table.index(['location_id']);
  });

  await knex.schema.createTable('historical_locations', (table) => {
    table.bigIncrements('id');
    table.bigInteger('thing_id').notNullable().references('things.id').onDelete('CASCADE');
    table.timestamp('time', { useTz: true }).notNullable();
    timestamps(table, knex);
    table.index(['thing_id']);
  });

  await knex.schema.createTable('historical_locations_locations', (table) => {
    table.bigInteger('historical_location_id').notNullable().references('historical_locations.id').onDelete('CASCADE');
    table.bigInteger('location_id').notNullable().references('locations.id').onDelete('CASCADE');
    table.primary(['historical_location_id', 'location_id']);
    table.index(['location_id']);
  });

  await knex.schema.createTable('sensors', (table) => {
    table.bigIncrements('id');
    table.text('name').notNullable();
    table.text('description').notNullable();
    table.text('encoding_type').notNullable();
    table.text('metadata').notNullable();
    table.jsonb('properties');
    timestamps(table, knex);
  });

  await knex.schema.createTable('observed_properties', (table) => {
    table.bigIncrements('id');
    table.text('name').notNullable();
    table.text('definition').notNullable();
    table.text('description').notNullable();
    table.jsonb('properties');
    timestamps(table, knex);
  });

  await knex.schema.createTable('datastreams', (table) => {
    table.bigIncrements('id');
    table.bigInteger('thing_id').notNullable().references('things.id').onDelete('CASCADE');
    table.bigInteger('sensor_id').notNullable().references('sensors.id').onDelete('CASCADE');
    table.bigInteger('observed_property_id').notNullable().references('observed_properties.id').onDelete('CASCADE');
    table.text('name').notNullable();
    table.text('description').notNullable();
    table.jsonb('unit_of_measurement').notNullable();
    table.text('observation_type').notNullable();
    table.jsonb('observed_area');
    table.specificType('observed_area_geom', 'geometry(Geometry, 4326)');
    intervalColumns(table, 'phenomenon_time');
    intervalColumns(table, 'result_time');
    table.jsonb('properties');
    timestamps(table, knex);
    table.index(['thing_id']);
    table.index(['sensor_id']);
    table.index(['observed_property_id']);
  });

  await knex.schema.createTable('features_of_interest', (table) => {
    table.bigIncrements('id');
    table.text('name').notNullable();
    table.text('description').notNullable();
    table.text('encoding_type').notNullable();
    table.jsonb('feature').notNullable();
    table.specificType('geom', 'geometry(Geometry, 4326)');
    table.jsonb('properties');
    timestamps(table, knex);
  });

  await knex.schema.createTable('observations', (table) => {
    table.bigIncrements('id');
    table.bigInteger('datastream_id').notNullable().references('datastreams.id').onDelete('CASCADE');
    table.bigInteger('feature_of_interest_id').notNullable().references('features_of_interest.id').onDelete('CASCADE');
    intervalColumns(table, 'phenomenon_time');
    table.timestamp('result_time', { useTz: true });
    table.jsonb('result');
    table.jsonb('result_quality');
    intervalColumns(table, 'valid_time');
    table.jsonb('parameters');
    timestamps(table, knex);
    table.index(['datastream_id', 'phenomenon_time_start', 'phenomenon_time_end', 'id']);
    table.index(['feature_of_interest_id']);
  });

  for (const [table, column] of [
    ['locations', 'geom'],
    ['features_of_interest', 'geom'],
    ['datastreams', 'observed_area_geom'],
  ] as const) {
    await knex.raw(`CREATE INDEX ${table}_${column}_gist ON ${table} USING GIST (${column})`);
  }
  await knex.raw('CREATE INDEX things_properties_gin ON things USING GIN (properties jsonb_path_ops)');
  await knex.raw('CREATE INDEX datastreams_properties_gin ON datastreams USING GIN (properties jsonb_path_ops)');
  await knex.raw('CREATE INDEX sensors_properties_gin ON sensors USING GIN (properties jsonb_path_ops)');
  for (const table of TABLES) await touchOnUpdate(knex, table);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'observations',
    'features_of_interest',
    'datastreams',
    'observed_properties',
    'sensors',
    'historical_locations_locations',
    'historical_locations',
    'things_locations',
    'locations',
    'things',
  ]) {
    await knex.schema.dropTable(table);
  }
}
