/**
 * SensorThings read benchmark: N Things (default 100 000), each with a Location and two Datastreams (data set
 * of generate.ts). Median latency over real HTTP of three requests, each also as a ratio to one hand-written SQL query computing the
 * same result in the same run (target: within 1.5×):
 *   1. /Things?$top=100&$expand=Locations,Datastreams($expand=Sensor,ObservedProperty)
 *   2. a geo.intersects bounding-box filter over a city
 *   3. /Things?$count=true&$top=1
 *
 *   npm run bench:sta                      # embedded only
 *   DATABASE_URL=postgres://… npm run bench:sta -- 100000
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../src/app';
import type { Database } from '../src/db/connect';
import { generate } from './generate';
import { medianMs, onEachBackend } from './support';

const COUNT = Number(process.argv[2] ?? 100000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const CITY = 'POLYGON((4.85 52.33, 4.95 52.33, 4.95 52.40, 4.85 52.40, 4.85 52.33))';

const HAND_EXPAND = `
  SELECT json_build_object('value', json_agg(json_build_object(
    '@iot.id', t.id, 'name', t.name, 'description', t.description, 'properties', t.properties,
    'Locations', (SELECT json_agg(json_build_object('@iot.id', l.id, 'name', l.name, 'location', l.location) ORDER BY l.id)
                  FROM things_locations tl JOIN locations l ON l.id = tl.location_id WHERE tl.thing_id = t.id),
    'Datastreams', (SELECT json_agg(json_build_object('@iot.id', d.id, 'name', d.name, 'unitOfMeasurement', d.unit_of_measurement,
                      'Sensor', json_build_object('@iot.id', s.id, 'name', s.name, 'metadata', s.metadata),
                      'ObservedProperty', json_build_object('@iot.id', o.id, 'name', o.name, 'definition', o.definition)) ORDER BY d.id)
                    FROM datastreams d JOIN sensors s ON s.id = d.sensor_id JOIN observed_properties o ON o.id = d.observed_property_id
                    WHERE d.thing_id = t.id)) ORDER BY t.id)) AS body
  FROM (SELECT * FROM things WHERE publication = 'published' ORDER BY id LIMIT 101) t`;

const HAND_BBOX = `
  SELECT json_build_object('value', json_agg(json_build_object('@iot.id', t.id, 'name', t.name, 'description', t.description, 'properties', t.properties) ORDER BY t.id)) AS body
  FROM (SELECT * FROM things t WHERE publication = 'published' AND EXISTS (
          SELECT 1 FROM things_locations tl JOIN locations l ON l.id = tl.location_id
          WHERE tl.thing_id = t.id AND ST_Intersects(l.geom, ST_GeomFromText(?, 4326)))
        ORDER BY id LIMIT 101) t`;

const HAND_COUNT = `SELECT count(*) AS count FROM things WHERE publication = 'published'`;

async function run(label: string, db: Database): Promise<void> {
  await generate(db.knex, COUNT);
  const app = createApp({ db, logger: pino({ level: 'silent' }), config: { publicBaseUrl: undefined, defaultTop: 100, maxTop: 10000, maxBodySize: '1mb' } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sta/v1.1`;
  const get = async (path: string): Promise<unknown> => {
    const response = await fetch(`${base}${path}`);
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const cases: Array<[string, string, () => Promise<unknown>]> = [
    ['expand', `/Things?$top=100&$expand=${encodeURIComponent('Locations,Datastreams($expand=Sensor,ObservedProperty)')}`, () => db.knex.raw(HAND_EXPAND).then((r) => JSON.stringify(r.rows[0].body))],
    ['bbox', `/Things?$top=100&$filter=${encodeURIComponent(`geo.intersects(Locations/location, geography'${CITY}')`)}`, () => db.knex.raw(HAND_BBOX, [CITY]).then((r) => JSON.stringify(r.rows[0].body))],
    ['count', '/Things?$count=true&$top=1', () => db.knex.raw(HAND_COUNT).then((r) => JSON.stringify(r.rows[0]))],
  ];
  try {
    const sample = (await get(cases[1]![1])) as { value: unknown[] };
    const counted = (await get(cases[2]![1])) as { '@iot.count': number };
    console.log(`${label}: ${COUNT} Things (${counted['@iot.count']} published), ${sample.value.length} in the city bbox page; ${RUNS} runs each`);
    const floor = await medianMs(RUNS, () => get(''));
    console.log(`  HTTP floor (service root, no database) median ${floor.toFixed(1)} ms`);
    for (const [name, path, hand] of cases) {
      const api = await medianMs(RUNS, () => get(path));
      const sql = await medianMs(RUNS, hand);
      console.log(`  ${name.padEnd(7)} API median ${api.toFixed(1)} ms | hand-written SQL ${sql.toFixed(1)} ms | ratio ${(api / sql).toFixed(2)}x`);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

onEachBackend(run).catch((error) => {
  console.error(error);
  process.exit(1);
});
