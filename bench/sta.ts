/**
 * SensorThings read benchmark: N Things (default 100 000), each with a Location and two Datastreams (data set
 * of generate.ts). Median latency over real HTTP of three requests, each also as a ratio to one hand-written
 * SQL query that builds the same response body (every property, @iot.selfLink, navigation links, nextLink) in
 * the same run (target: within 1.5×):
 *   1. /Things?$top=100&$expand=Locations,Datastreams($expand=Sensor,ObservedProperty)
 *   2. a geo.intersects bounding-box filter over a city
 *   3. /Things?$count=true&$top=1
 * Before timing, each case checks once that the API's body and the hand-written one are equal.
 *
 *   npm run bench:sta                      # embedded only
 *   DATABASE_URL=postgres://… npm run bench:sta -- 100000
 *   BENCH_RUNS=10 (default 30) runs per median.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../src/db/connect';
import { generate } from './generate';
import { interleavedMediansMs, onEachBackend, serve, serveText } from './support';

const COUNT = Number(process.argv[2] ?? 100000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const CITY = 'POLYGON((4.85 52.33, 4.95 52.33, 4.95 52.40, 4.85 52.40, 4.85 52.33))';

// ---------------------------------------------------------------------------------------------------------
// The hand-written SQL. Bindings start with the service root and the expected nextLink (`r.root`, `r.next`).
// Written for this data set: the members that are null here (Location and ObservedProperty properties,
// Datastream phenomenonTime/resultTime/observedArea) are left out, as the API leaves out null members.

const link = (set: string, id: string, navigation = ''): string => `r.root || '/${set}(' || ${id} || ')${navigation}'`;
const links = (set: string, id: string, navigations: string[]): string =>
  navigations.map((nav) => `'${nav}@iot.navigationLink', ${link(set, id, `/${nav}`)}`).join(', ');

const THING = (t: string): string => `'@iot.id', ${t}.id, '@iot.selfLink', ${link('Things', `${t}.id`)}, 'name', ${t}.name,
  'description', ${t}.description, 'properties', ${t}.properties, ${links('Things', `${t}.id`, ['Locations', 'HistoricalLocations', 'Datastreams'])}`;

const LOCATIONS = (t: string): string => `(SELECT COALESCE(json_agg(json_build_object('@iot.id', l.id, '@iot.selfLink', ${link('Locations', 'l.id')},
    'name', l.name, 'description', l.description, 'encodingType', l.encoding_type, 'location', l.location,
    ${links('Locations', 'l.id', ['Things', 'HistoricalLocations'])}) ORDER BY l.id), '[]')
  FROM things_locations tl JOIN locations l ON l.id = tl.location_id WHERE tl.thing_id = ${t}.id)`;

const DATASTREAMS = (t: string): string => `(SELECT COALESCE(json_agg(json_build_object('@iot.id', d.id, '@iot.selfLink', ${link('Datastreams', 'd.id')},
    'name', d.name, 'description', d.description, 'unitOfMeasurement', d.unit_of_measurement, 'observationType', d.observation_type,
    'properties', d.properties, ${links('Datastreams', 'd.id', ['Thing', 'Sensor', 'ObservedProperty', 'Observations'])},
    'Sensor', json_build_object('@iot.id', s.id, '@iot.selfLink', ${link('Sensors', 's.id')}, 'name', s.name, 'description', s.description,
      'encodingType', s.encoding_type, 'metadata', s.metadata, 'properties', s.properties, ${links('Sensors', 's.id', ['Datastreams'])}),
    'ObservedProperty', json_build_object('@iot.id', o.id, '@iot.selfLink', ${link('ObservedProperties', 'o.id')}, 'name', o.name,
      'definition', o.definition, 'description', o.description, ${links('ObservedProperties', 'o.id', ['Datastreams'])})) ORDER BY d.id), '[]')
  FROM datastreams d JOIN sensors s ON s.id = d.sensor_id JOIN observed_properties o ON o.id = d.observed_property_id
  WHERE d.thing_id = ${t}.id)`;

/** `{"value": […]}` of the first `top` rows of `page` (fetched with one row more), with nextLink when there is more. */
const body = (top: number, entity: string, extra = ''): string => `
  SELECT (CASE WHEN (SELECT count(*) FROM page) > ${top}
    THEN json_build_object(${extra}'value', v.value, '@iot.nextLink', r.next)
    ELSE json_build_object(${extra}'value', v.value) END)::text AS body
  FROM r, LATERAL (SELECT COALESCE(json_agg(json_build_object(${entity}) ORDER BY t.id), '[]') AS value
                   FROM (SELECT * FROM page ORDER BY id LIMIT ${top}) t) v`;

const HAND_EXPAND = `
  WITH r AS (SELECT ?::text AS root, ?::text AS next),
  page AS (SELECT * FROM things WHERE publication = 'published' ORDER BY id LIMIT 101)
  ${body(100, `${THING('t')}, 'Locations', ${LOCATIONS('t')}, 'Datastreams', ${DATASTREAMS('t')}`)}`;

const HAND_BBOX = `
  WITH r AS (SELECT ?::text AS root, ?::text AS next),
  page AS (SELECT * FROM things t WHERE publication = 'published' AND EXISTS (
             SELECT 1 FROM things_locations tl JOIN locations l ON l.id = tl.location_id
             WHERE tl.thing_id = t.id AND ST_Intersects(l.geom, ST_GeomFromText(?, 4326)))
           ORDER BY id LIMIT 101)
  ${body(100, THING('t'))}`;

const HAND_COUNT = `
  WITH r AS (SELECT ?::text AS root, ?::text AS next),
  page AS (SELECT * FROM things WHERE publication = 'published' ORDER BY id LIMIT 2)
  ${body(1, THING('t'), `'@iot.count', (SELECT count(*) FROM things WHERE publication = 'published'), `)}`;

// ---------------------------------------------------------------------------------------------------------

/** The path and both values where two JSON values first differ. */
function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}.${key}`);
    }
  }
  return `${path}: API ${JSON.stringify(a)}, hand SQL ${JSON.stringify(b)}`;
}

async function run(label: string, db: Database): Promise<void> {
  await generate(db.knex, COUNT);
  const { server, origin } = await serve(db);
  const base = `${origin}/sta/v1.1`;
  const get = async (path: string): Promise<string> => {
    const response = await fetch(`${base}${path}`);
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.text();
  };
  const hand = (sql: string, next: string, ...bindings: string[]) => async (): Promise<string> =>
    (await db.knex.raw(sql, [base, `${base}${next}`, ...bindings])).rows[0].body as string;
  // Locations,Datastreams($expand=Sensor,ObservedProperty), encoded as the API encodes it in nextLinks
  const expand = 'Locations%2CDatastreams%28$expand%3DSensor%2CObservedProperty%29';
  const filter = encodeURIComponent(`geo.intersects(Locations/location, geography'${CITY}')`);
  const cases: Array<[string, string, () => Promise<string>]> = [
    ['expand', `/Things?$top=100&$expand=${expand}`, hand(HAND_EXPAND, `/Things?$top=100&$expand=${expand}&$skip=100`)],
    ['bbox', `/Things?$top=100&$filter=${filter}`, hand(HAND_BBOX, `/Things?$top=100&$filter=${filter}&$skip=100`, CITY)],
    ['count', '/Things?$count=true&$top=1', hand(HAND_COUNT, '/Things?$count=true&$top=1&$skip=1')],
  ];
  try {
    const counted = JSON.parse(await get(cases[2]![1])) as { '@iot.count': number };
    const inCity = (JSON.parse(await get(cases[1]![1])) as { value: unknown[] }).value.length;
    console.log(`${label}: ${COUNT} Things (${counted['@iot.count']} published), ${inCity} in the city bbox page; ${RUNS} runs each`);
    let allMatch = true;
    for (const [name, path, handBody] of cases) {
      const [api, expected] = [JSON.parse(await get(path)), JSON.parse(await handBody())];
      const same = isDeepStrictEqual(api, expected);
      allMatch &&= same;
      console.log(`  check ${name.padEnd(7)} ${same ? 'bodies match' : 'MISMATCH'}`);
      if (!same) console.log(`    first difference at ${firstDifference(api, expected)}`);
    }
    const handServer = await serveText(Object.fromEntries(cases.map(([name, , handBody]) => [name, handBody])));
    try {
      for (const [name, path, handBody] of cases) {
        const [api, overHttp, direct] = (await interleavedMediansMs(RUNS, [
          () => get(path),
          async () => (await fetch(`${handServer.origin}/${name}`)).text(),
          handBody,
        ])) as [number, number, number];
        console.log(
          `  ${name.padEnd(7)} API ${api.toFixed(1)} ms | hand-written SQL over HTTP ${overHttp.toFixed(1)} ms, direct ${direct.toFixed(1)} ms` +
            ` | ratio ${(api / overHttp).toFixed(2)}x (${(api / direct).toFixed(2)}x to the direct query)`,
        );
      }
    } finally {
      await new Promise((resolve) => handServer.server.close(resolve));
    }
    if (!allMatch) process.exitCode = 1;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

onEachBackend(run).catch((error) => {
  console.error(error);
  process.exit(1);
});
