/**
 * OGC API – Features read benchmark: N sensors (default 100 000, see generate.ts), the real app on a local port,
 * measured over real HTTP. Each case is compared with one hand-written SQL query that produces the same
 * FeatureCollection (numberMatched, numberReturned and the same features) in the same run, served by a bare
 * node:http server over the same loopback HTTP (the like-for-like ratio; target: ≤ 1.3×) and also run directly
 * through the driver:
 *   1. /collections/sensors/items?limit=1000, first page and a page deep in the set (offset = N/2)
 *   2. a bbox over a city (Amsterdam) with limit=1000
 *   3. a full paged download (limit=10000, following `next`): total time, features/s and the growth of RSS
 *      and heap over the baseline while downloading (the server runs in this process, so the figures cover
 *      server and client together), against the same download through the hand-written page query.
 * Before timing, each case checks once that the API and the hand-written query give equal features.
 *
 *   npm run bench:features                            # embedded only
 *   DATABASE_URL=postgres://… npm run bench:features -- 100000
 *   BENCH_RUNS=10 (default 20) runs per median; BENCH_EXPLAIN=1 prints EXPLAIN ANALYZE of the API's SQL.
 */
import { isDeepStrictEqual } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Knex } from 'knex';
import type { Database } from '../src/db/connect';
import { parseBbox } from '../src/features/bbox';
import { DEFAULT_CRS } from '../src/features/crs';
import { countFeatures, featurePage, type FeatureFilter } from '../src/features/feature-sql';
import { generate } from './generate';
import { interleavedMediansMs, medianMs, onEachBackend, serve, serveText, timed } from './support';

const COUNT = Number(process.argv[2] ?? 100000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const PAGE = 1000;
const DEEP_OFFSET = Math.floor(COUNT / 2);
const DOWNLOAD_PAGE = 10000;
/** Amsterdam, CRS84 (minLon, minLat, maxLon, maxLat). */
const CITY = [4.85, 52.33, 4.95, 52.4] as const;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// ---------------------------------------------------------------------------------------------------------
// The hand-written SQL: the same FeatureCollection content as the API (see src/features/feature-sql.ts and
// sensor-properties.ts), computing the per-Thing location and datastream aggregates only for the page's rows.

/** A GeoJSON Feature of page row `p` (things columns) with organisation `o`, aggregates `ds`/`tm`, geometry `geom`. */
const feature = (geom: string): string => `json_build_object('type', 'Feature', 'id', p.id, 'geometry', ST_AsGeoJSON(${geom}, 8, 0)::json,
  'properties', json_build_object(
    'name', p.name, 'description', p.description, 'organisation', o.name, 'organisation_slug', o.slug, 'organisation_kind', o.kind,
    'sensor_type', ds.sensor_type, 'sensor_type_label', ds.sensor_type_label, 'themes', tm.themes,
    'observed_properties', ds.observed_properties, 'purpose', ds.purpose, 'personal_data', ds.personal_data, 'legal_ground', ds.legal_ground,
    'operator', p.properties->>'operator', 'public_contact', COALESCE(p.properties->>'publicContact', o.public_email), 'status', p.properties->>'status',
    'active_from', p.properties->>'activeFrom', 'active_until', p.properties->>'activeUntil', 'reference', p.properties->>'reference',
    'updated', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))`;

/** The current Location of Thing `id` (the latest updated, then highest id). */
const currentLocation = (id: string): string => `SELECT l.geom FROM things_locations tl JOIN locations l ON l.id = tl.location_id
  WHERE tl.thing_id = ${id} ORDER BY l.updated_at DESC, l.id DESC LIMIT 1`;

const AGGREGATES = `
  JOIN organisations o ON o.id = p.organisation_id
  LEFT JOIN LATERAL (
    SELECT string_agg(DISTINCT s.properties->>'sensorType', ',' ORDER BY s.properties->>'sensorType') AS sensor_type,
           string_agg(DISTINCT st.label_nl, ', ' ORDER BY st.label_nl) AS sensor_type_label,
           string_agg(DISTINCT op.name, ', ' ORDER BY op.name) AS observed_properties,
           string_agg(DISTINCT d.properties->>'purpose', '; ' ORDER BY d.properties->>'purpose') AS purpose,
           bool_or(CASE d.properties->>'personalData' WHEN 'true' THEN true WHEN 'false' THEN false END) AS personal_data,
           string_agg(DISTINCT d.properties->>'legalGround', ',' ORDER BY d.properties->>'legalGround') AS legal_ground
    FROM datastreams d JOIN sensors s ON s.id = d.sensor_id JOIN observed_properties op ON op.id = d.observed_property_id
    LEFT JOIN sensor_types st ON st.code = s.properties->>'sensorType'
    WHERE d.thing_id = p.id) ds ON true
  LEFT JOIN LATERAL (
    SELECT string_agg(DISTINCT theme, ',' ORDER BY theme) AS themes
    FROM datastreams d CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(d.properties->'themes') = 'array' THEN d.properties->'themes' ELSE '[]'::jsonb END) AS theme
    WHERE d.thing_id = p.id) tm ON true`;

const collection = (matched: string, features: string): string => `
  SELECT json_build_object('type', 'FeatureCollection', 'numberMatched', (${matched}), 'numberReturned', count(*),
    'features', COALESCE(json_agg(f.feature ORDER BY f.id), '[]'::json))::text AS body
  FROM (${features}) f`;

/** Bindings: limit, offset. */
const HAND_ITEMS = `
  WITH page AS (SELECT * FROM things WHERE publication = 'published' ORDER BY id LIMIT ? OFFSET ?)
  ${collection(
    `SELECT count(*) FROM things WHERE publication = 'published'`,
    `SELECT p.id, ${feature('loc.geom')} AS feature FROM page p LEFT JOIN LATERAL (${currentLocation('p.id')}) loc ON true ${AGGREGATES}`,
  )}`;

/**
 * Bindings: minLon, minLat, maxLon, maxLat, limit, offset. Candidates come from the GIST index on
 * locations.geom; a Thing matches when its current Location intersects the box.
 */
const HAND_BBOX = `
  WITH box AS (SELECT ST_MakeEnvelope(?, ?, ?, ?, 4326) AS g),
  matched AS (
    SELECT t.*, cur.geom
    FROM (SELECT DISTINCT tl.thing_id FROM box JOIN locations l ON ST_Intersects(l.geom, box.g)
          JOIN things_locations tl ON tl.location_id = l.id) c
    JOIN things t ON t.id = c.thing_id AND t.publication = 'published'
    CROSS JOIN LATERAL (${currentLocation('t.id')}) cur
    CROSS JOIN box WHERE ST_Intersects(cur.geom, box.g)),
  page AS (SELECT * FROM matched ORDER BY id LIMIT ? OFFSET ?)
  ${collection('SELECT count(*) FROM matched', `SELECT p.id, ${feature('p.geom')} AS feature FROM page p ${AGGREGATES}`)}`;

async function handBody(knex: Knex, sql: string, bindings: readonly number[]): Promise<string> {
  const result = await knex.raw(sql, bindings);
  return result.rows[0].body as string;
}

// ---------------------------------------------------------------------------------------------------------

interface Collection {
  numberMatched: number;
  numberReturned: number;
  features: Array<{ id: number }>;
  links?: Array<{ rel: string; href: string }>;
}

/** Compares the API's and the hand query's collections; prints the verdict and the first difference. */
function compare(name: string, api: Collection, hand: Collection): boolean {
  const counts = api.numberMatched === hand.numberMatched && api.numberReturned === hand.numberReturned;
  const index = api.features.findIndex((feature, i) => !isDeepStrictEqual(feature, hand.features[i]));
  const same = counts && api.features.length === hand.features.length && index < 0;
  console.log(
    `  check ${name.padEnd(9)} ${same ? 'features match' : 'MISMATCH'}: API ${api.numberReturned} of ${api.numberMatched}, hand SQL ${hand.numberReturned} of ${hand.numberMatched}`,
  );
  if (index >= 0) {
    const properties = (feature: unknown): Record<string, unknown> => ((feature as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
    const [a, b] = [properties(api.features[index]), properties(hand.features[index])];
    const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !isDeepStrictEqual(a[key], b[key]));
    console.log(`    first difference: feature #${index}${differing.length ? `, properties ${differing.join(', ')} (update the hand-written SQL when the collection changes)` : ''}`);
    console.log(`    API      ${JSON.stringify(api.features[index])}`);
    console.log(`    hand SQL ${JSON.stringify(hand.features[index])}`);
  }
  return same;
}

/** Peak memory while `work` runs, sampled every 5 ms and after each step, as growth over a settled baseline. */
async function withMemory<T>(work: (sample: () => void) => Promise<T>): Promise<{ result: T; seconds: number; rss: number; heap: number; external: number; baseRss: number }> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heap: base.heapUsed, external: base.external };
  const sample = (): void => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed);
    peak.external = Math.max(peak.external, now.external);
  };
  const timer = setInterval(sample, 5);
  try {
    const [result, seconds] = await timed(() => work(sample));
    sample();
    return { result, seconds, rss: peak.rss - base.rss, heap: peak.heap - base.heapUsed, external: peak.external - base.external, baseRss: base.rss };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
const rate = (features: number, ms: number): string => `${Math.round((features / ms) * 1000).toLocaleString('en')} f/s`;

/** The exact SQL `work` sends through knex, run under EXPLAIN ANALYZE (knex's native $n placeholders back to ?). */
async function explain(knex: Knex, work: () => Promise<unknown>): Promise<void> {
  const queries: Array<{ sql: string; bindings: readonly unknown[] }> = [];
  const listener = (query: { sql: string; bindings?: readonly unknown[] }): void => {
    queries.push({ sql: query.sql, bindings: query.bindings ?? [] });
  };
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.removeListener('query', listener);
  }
  for (const query of queries) {
    const result = await knex.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql.replace(/\$\d+/g, '?')}`, query.bindings as Knex.RawBinding[]);
    console.log(`    EXPLAIN ANALYZE ${query.sql.slice(0, 60).replace(/\s+/g, ' ')}…`);
    for (const row of result.rows as Array<Record<string, string>>) console.log(`      ${row['QUERY PLAN']}`);
  }
}

async function run(label: string, db: Database): Promise<void> {
  const [, seconds] = await timed(() => generate(db.knex, COUNT));
  const { server, origin } = await serve(db);
  const base = `${origin}/ogc/v1`;
  const fetchText = async (url: string): Promise<string> => {
    const response = await fetch(url, { headers: { Accept: 'application/geo+json' } });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return response.text();
  };
  const items = `${base}/collections/sensors/items`;
  const bbox = parseBbox(CITY.join(','), DEFAULT_CRS);
  const cases: Array<{ name: string; url: string; hand: [string, number[]]; filter: FeatureFilter; offset: number }> = [
    { name: 'items', url: `${items}?limit=${PAGE}`, hand: [HAND_ITEMS, [PAGE, 0]], filter: { equals: [] }, offset: 0 },
    { name: 'items deep', url: `${items}?limit=${PAGE}&offset=${DEEP_OFFSET}`, hand: [HAND_ITEMS, [PAGE, DEEP_OFFSET]], filter: { equals: [] }, offset: DEEP_OFFSET },
    { name: 'bbox city', url: `${items}?bbox=${CITY.join(',')}&limit=${PAGE}`, hand: [HAND_BBOX, [...CITY, PAGE, 0]], filter: { bbox, equals: [] }, offset: 0 },
  ];
  let allMatch = true;
  try {
    console.log(`${label}: ${COUNT} sensors generated in ${seconds.toFixed(1)} s; ${RUNS} runs per median`);
    for (const { name, url, hand } of cases) {
      const api = JSON.parse(await fetchText(url)) as Collection;
      if (name === 'items') console.log(`  sample feature ${JSON.stringify(api.features[1])}`);
      allMatch = compare(name, api, JSON.parse(await handBody(db.knex, ...hand)) as Collection) && allMatch;
    }
    const handServer = await serveText(Object.fromEntries(cases.map(({ name, hand }) => [encodeURIComponent(name), () => handBody(db.knex, ...hand)])));
    try {
      for (const { name, url, hand, filter, offset } of cases) {
        const returned = (JSON.parse(await fetchText(url)) as Collection).numberReturned;
        const [api, overHttp, sql] = (await interleavedMediansMs(RUNS, [
          () => fetchText(url),
          () => fetchText(`${handServer.origin}/${encodeURIComponent(name)}`),
          () => handBody(db.knex, ...hand),
        ])) as [number, number, number];
        const page = await medianMs(RUNS, () => featurePage(db.knex, filter, { limit: PAGE, offset }, DEFAULT_CRS));
        const count = await medianMs(RUNS, () => countFeatures(db.knex, filter));
        console.log(
          `  ${name.padEnd(10)} API ${api.toFixed(1)} ms (${rate(returned, api)}) | hand SQL over HTTP ${overHttp.toFixed(1)} ms, direct ${sql.toFixed(1)} ms` +
            ` | ratio ${(api / overHttp).toFixed(2)}x (${(api / sql).toFixed(2)}x to the direct query)` +
            `  [API's page query ${page.toFixed(1)} ms, count query ${count.toFixed(1)} ms; ${returned} features]`,
        );
        if (EXPLAIN) {
          await explain(db.knex, () => featurePage(db.knex, filter, { limit: PAGE, offset }, DEFAULT_CRS));
          await explain(db.knex, () => countFeatures(db.knex, filter));
        }
      }
    } finally {
      await new Promise((resolve) => handServer.server.close(resolve));
    }

    const viaApi = await withMemory(async (sample) => {
      let next: string | undefined = `${items}?limit=${DOWNLOAD_PAGE}`;
      let features = 0;
      let pages = 0;
      while (next) {
        const page = JSON.parse(await fetchText(next)) as Collection;
        sample();
        features += page.features.length;
        pages++;
        next = page.links?.find((link) => link.rel === 'next')?.href;
      }
      return { features, pages };
    });
    const viaSql = await withMemory(async (sample) => {
      let features = 0;
      for (let offset = 0; ; offset += DOWNLOAD_PAGE) {
        const page = JSON.parse(await handBody(db.knex, HAND_ITEMS, [DOWNLOAD_PAGE, offset])) as Collection;
        sample();
        features += page.features.length;
        if (offset + page.numberReturned >= page.numberMatched) break;
      }
      return { features };
    });
    const line = (name: string, m: typeof viaApi | typeof viaSql): string =>
      `${name} ${m.result.features} features in ${m.seconds.toFixed(1)} s (${rate(m.result.features, m.seconds * 1000)}), ` +
      `peak RSS +${mb(m.rss)} over ${mb(m.baseRss)}, heap +${mb(m.heap)}, external +${mb(m.external)}`;
    console.log(`  download (limit=${DOWNLOAD_PAGE}, ${viaApi.result.pages} pages following next)`);
    console.log(`    ${line('API     ', viaApi)}`);
    console.log(`    ${line('hand SQL', viaSql)}`);
    console.log(`    ratio ${(viaApi.seconds / viaSql.seconds).toFixed(2)}x${viaApi.result.features === viaSql.result.features ? '' : ' — FEATURE COUNTS DIFFER'}`);
    if (!allMatch) process.exitCode = 1;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

onEachBackend(run).catch((error) => {
  console.error(error);
  process.exit(1);
});
