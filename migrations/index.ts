/**
 * The ordered list of migrations, given to knex as its migration source, so the same list runs from
 * TypeScript sources (tsx, jest) and from the compiled `dist/`.
 */
import type { Knex } from 'knex';
import * as postgis from './20261203_0001_postgis';
import * as organisations from './20261203_0002_organisations';
import * as sensingCore from './20261203_0003_sensing_core';
import * as changeLog from './20261203_0004_change_log';
import * as vocabularies from './20261203_0005_vocabularies';
import * as uniqueReference from './20261203_0006_unique_reference';
import * as tryTimestamp from './20261204_0007_try_timestamp';

const MIGRATIONS: ReadonlyArray<[string, Knex.Migration]> = [
  ['20261203_0001_postgis', postgis],
  ['20261203_0002_organisations', organisations],
  ['20261203_0003_sensing_core', sensingCore],
  ['20261203_0004_change_log', changeLog],
  ['20261203_0005_vocabularies', vocabularies],
  ['20261203_0006_unique_reference', uniqueReference],
  ['20261204_0007_try_timestamp', tryTimestamp],
];

export const migrationSource: Knex.MigrationSource<[string, Knex.Migration]> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};
