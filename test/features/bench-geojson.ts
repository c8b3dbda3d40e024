/**
 * Measures where to build GeoJSON for a page of features (DESIGN.md "decided by measurement"):
 *   sql  — PostgreSQL builds each Feature with json_build_object/ST_AsGeoJSON; Node joins the texts;
 *   node — PostgreSQL returns columns + ST_AsGeoJSON; Node builds objects and JSON.stringify's the page.
 * Run: `npx tsx test/features/bench-geojson.ts [things=10000]` (embedded database), or with DATABASE_URL
 * pointing at an empty scratch database with PostGIS.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import { knexOnPglite, openPostgres, PGLITE_OPTIONS } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { DEFAULT_CRS } from '../../src/features/crs';
import { allFeatureRows, featurePage } from '../../src/features/feature-sql';
import { SENSOR_PROPERTIES } from '../../src/features/sensor-properties';
import { addOrganisation, addRecords, record } from '../support/fixtures';

async function openKnex(): Promise<{ knex: Knex; close: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const db = openPostgres({ url: process.env.DATABASE_URL, poolMax: 2, statementTimeoutMs: 0 });
    return { knex: db.knex, close: db.close };
  }
  const pglite = await PGlite.create(PGLITE_OPTIONS);
  const knex = knexOnPglite(pglite);
  return { knex, close: () => knex.destroy() };
}

async function viaNode(knex: Knex, limit: number): Promise<string> {
  const rows: Array<Record<string, unknown>> = await knex
    .from(allFeatureRows(knex).as('f'))
    .select('f.*', knex.raw('ST_AsGeoJSON(f.geom, 8, 0) AS geometry'))
    .orderBy('f.id')
    .limit(limit);
  const features = rows.map((row) => ({
    type: 'Feature',
    id: row.id,
    geometry: row.geometry ? JSON.parse(row.geometry as string) : null,
    properties: Object.fromEntries(
      SENSOR_PROPERTIES.map((property) => {
        const value = row[property.name];
        return [property.name, value instanceof Date ? value.toISOString() : (value ?? null)];
      }),
    ),
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

async function viaSql(knex: Knex, limit: number): Promise<string> {
  const texts = await featurePage(knex, {}, { limit, offset: 0 }, DEFAULT_CRS);
  return `{"type":"FeatureCollection","features":[${texts.join(',')}]}`;
}

async function median(label: string, run: () => Promise<string>): Promise<void> {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 7; i++) {
    const start = process.hrtime.bigint();
    size = (await run()).length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`${label.padEnd(28)} median ${times[3]!.toFixed(1)} ms  (min ${times[0]!.toFixed(1)}, ${size} bytes)\n`);
}

async function main(): Promise<void> {
  const things = Number(process.argv[2] ?? 10000);
  const { knex, close } = await openKnex();
  try {
    await migrateToLatest(knex);
    const org = await addOrganisation(knex, `bench-${Date.now()}`);
    const records = Array.from({ length: things }, (_, i) => record(`Sensor ${i}`, 4 + (i % 100) / 50, 52 + Math.floor(i / 100) / 100));
    await addRecords(knex, org, records, true);
    process.stdout.write(`${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${things} published Things\n`);
    for (const limit of [10, 1000, 10000]) {
      await median(`sql  limit=${limit}`, () => viaSql(knex, limit));
      await median(`node limit=${limit}`, () => viaNode(knex, limit));
    }
  } finally {
    await close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
