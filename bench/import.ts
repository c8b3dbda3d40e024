/**
 * Import benchmark: generates N sensors (default 100 000) as a CSV file — half in RD New, half in WGS84 — and
 * imports it through the full pipeline (parse, validate, write in one transaction) on the embedded database
 * and, when DATABASE_URL is set, on PostgreSQL (in a scratch database created and dropped by the run). Prints rows/s for each, and the ratio to a baseline measured
 * in the same run on the same database: one bulk INSERT … SELECT of the same points into a bare table.
 *
 *   npm run bench:import                      # embedded only
 *   DATABASE_URL=postgres://… npm run bench:import -- 100000
 */
import type { Database } from '../src/db/connect';
import { importFile } from '../src/register/import/import-file';
import { createOrganisation } from '../src/register/organisations';
import { loadVocabularies } from '../src/register/vocabularies/lookup';
import { onEachBackend, timed } from './support';

const COUNT = Number(process.argv[2] ?? 100000);

/** A deterministic CSV of `count` sensors spread over the Netherlands. */
function generateCsv(count: number): string {
  const lines = ['name,description,reference,status,x,y,longitude,latitude,sensor_type,themes,personal_data,purpose,legal_ground,public_contact'];
  for (let i = 0; i < count; i++) {
    const u = (i * 7919) % 10007 / 10007;
    const v = (i * 104729) % 10009 / 10009;
    const rd = i % 2 === 0;
    const x = rd ? (20000 + u * 250000).toFixed(3) : '';
    const y = rd ? (310000 + v * 300000).toFixed(3) : '';
    const lon = rd ? '' : (3.6 + u * 3.4).toFixed(7);
    const lat = rd ? '' : (51.0 + v * 2.4).toFixed(7);
    const type = i % 3 === 0 ? 'Optische / camera sensor' : i % 3 === 1 ? 'Geluidsensor' : 'Klimaatsensor';
    lines.push(
      `Sensor ${i},Generated sensor ${i},BENCH-${i},active,${x},${y},${lon},${lat},${type},safety;air,${i % 2 === 0},Benchmark,public-task,info@example.nl`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The baseline: the same points in one bulk statement into a bare table. */
async function baseline(db: Database, count: number): Promise<number> {
  await db.knex.raw('CREATE TEMP TABLE bench_baseline (id bigserial, name text, geom geometry(Point, 4326))');
  const rows = Array.from({ length: count }, (_, i) => ({ name: `Sensor ${i}`, x: 4 + (i % 1000) / 1000, y: 52 + (i % 997) / 1000 }));
  const [, seconds] = await timed(() =>
    db.knex.raw(
      `INSERT INTO bench_baseline (name, geom)
       SELECT r.name, ST_SetSRID(ST_MakePoint(r.x, r.y), 4326) FROM jsonb_to_recordset(?::jsonb) AS r(name text, x float8, y float8)`,
      [JSON.stringify(rows)],
    ),
  );
  return seconds;
}

async function run(label: string, db: Database, csv: Buffer): Promise<void> {
  const slug = `bench-${Date.now()}`;
  await createOrganisation(db.knex, { slug, name: 'Benchmark', kind: 'overig' }, await loadVocabularies(db.knex), 'bench');
  const [, checkSeconds] = await timed(() =>
    importFile(db.knex, { organisationSlug: slug, fileName: 'bench.csv', content: csv, dryRun: true, publish: true, actor: 'bench' }),
  );
  const [report, seconds] = await timed(() =>
    importFile(db.knex, { organisationSlug: slug, fileName: 'bench.csv', content: csv, dryRun: false, publish: true, actor: 'bench' }),
  );
  if (report.issues.length > 0) throw new Error(`${report.issues.length} issues, first: ${JSON.stringify(report.issues[0])}`);
  const baseSeconds = await baseline(db, COUNT);
  const rate = report.written / seconds;
  console.log(
    `${label.padEnd(10)} ${report.written} sensors in ${seconds.toFixed(1)} s = ${Math.round(rate)} rows/s; ` +
      `of which parse + validate ${checkSeconds.toFixed(1)} s (dry run); baseline bulk insert ${baseSeconds.toFixed(2)} s = ${Math.round(COUNT / baseSeconds)} rows/s; ratio ${(seconds / baseSeconds).toFixed(1)}x`,
  );
}

async function main(): Promise<void> {
  console.log(`generating ${COUNT} sensors …`);
  const csv = Buffer.from(generateCsv(COUNT));
  console.log(`CSV ${(csv.length / 1e6).toFixed(1)} MB; memory rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  await onEachBackend((label, db) => run(label, db, csv));
  console.log(`peak rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
