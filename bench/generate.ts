/**
 * Benchmark data set, generated in SQL on a migrated (vocabulary-seeded) database: `count` Things (every tenth a
 * draft), each with one Location (deterministic points spread over the Netherlands) and two Datastreams, owned
 * by 12 organisations of every kind. Things, Sensors and Datastreams carry registration properties (status,
 * dates, reference, contact, operator; sensorType; purpose, personalData, legalGround, themes) drawn from the seeded
 * vocabularies, so the flat properties of the OGC API – Features `sensors` collection are all non-trivial. The
 * tables are VACUUM ANALYZEd (statistics, visibility map and hint bits as on a settled database).
 * Used by bench/sta.ts and bench/features.ts.
 */
import type { Knex } from 'knex';

export const ORGANISATIONS = 12;
const SENSORS = 10;
const OBSERVED_PROPERTIES = 5;

/** Fills the empty register with the data set. */
export async function generate(knex: Knex, count: number): Promise<void> {
  await knex.raw(
    `INSERT INTO organisations (id, slug, name, kind, public_email)
     SELECT g, 'bench-' || g, 'Benchmark organisatie ' || g,
            (ARRAY['gemeente', 'provincie', 'waterschap', 'rijk', 'overig'])[1 + g % 5],
            CASE WHEN g % 4 <> 0 THEN 'info@org' || g || '.example.nl' END
     FROM generate_series(1, ?::int) g`,
    [ORGANISATIONS],
  );
  await knex.raw(
    `INSERT INTO things (id, organisation_id, publication, name, description, properties, created_at, updated_at)
     SELECT g, 1 + g % ?::int, CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'published' END, 'Thing ' || g, 'benchmark thing',
            jsonb_strip_nulls(jsonb_build_object(
              'reference', 'B' || g,
              'status', (ARRAY['planned', 'active', 'terminated'])[1 + g % 3],
              'activeFrom', to_char(date '2020-01-01' + g % 1500, 'YYYY-MM-DD'),
              'activeUntil', CASE WHEN g % 3 = 2 THEN to_char(date '2024-01-01' + g % 700, 'YYYY-MM-DD') END,
              'publicContact', CASE WHEN g % 7 = 0 THEN 'sensor' || g || '@example.nl' END,
              'operator', CASE WHEN g % 4 = 1 THEN 'Exploitant ' || (1 + g % 9) END)),
            ts, ts
     FROM (SELECT g, timestamptz '2025-01-01T00:00:00Z' + g * interval '97 seconds' AS ts FROM generate_series(1, ?::int) g) s`,
    [ORGANISATIONS, count],
  );
  await knex.raw(
    `INSERT INTO locations (id, name, description, encoding_type, location, geom)
     SELECT g, 'Location ' || g, '', 'application/geo+json', ST_AsGeoJSON(p, 9)::jsonb, p
     FROM (SELECT g, ST_SetSRID(ST_MakePoint(3.6 + 3.4 * ((g::bigint * 7919) % 10007) / 10007.0, 50.8 + 2.7 * ((g::bigint * 104729) % 10009) / 10009.0), 4326) AS p
           FROM generate_series(1, ?::int) g) s`,
    [count],
  );
  await knex.raw(`INSERT INTO things_locations SELECT g, g FROM generate_series(1, ?::int) g`, [count]);
  // Ten sensors typed with codes of the seeded vocabulary (a deterministic spread over it).
  await knex.raw(
    `INSERT INTO sensors (id, name, description, encoding_type, metadata, properties)
     SELECT row_number() OVER (ORDER BY md5(code)), 'Sensor type ' || code, '', 'text/plain', '', jsonb_build_object('sensorType', code)
     FROM (SELECT code FROM sensor_types ORDER BY md5(code) LIMIT ?::int) s`,
    [SENSORS],
  );
  await knex.raw(
    `INSERT INTO observed_properties (id, name, definition, description) SELECT g, 'Property ' || g, 'urn:bench:' || g, '' FROM generate_series(1, ?::int) g`,
    [OBSERVED_PROPERTIES],
  );
  await knex.raw(
    `INSERT INTO datastreams (id, thing_id, sensor_id, observed_property_id, name, description, unit_of_measurement, observation_type, properties)
     SELECT g, (g + 1) / 2, 1 + g % ${SENSORS}, 1 + g % ${OBSERVED_PROPERTIES}, 'Datastream ' || g, '',
            '{"name":null,"symbol":null,"definition":null}', 'OM_Observation',
            jsonb_build_object(
              'purpose', (ARRAY['Verkeersmonitoring', 'Luchtkwaliteit meten', 'Geluidsoverlast meten', 'Bezetting tellen'])[1 + g % 4],
              'personalData', g % 6 = 0,
              'legalGround', lg[1 + g % cardinality(lg)],
              'themes', CASE WHEN g % 5 = 0 THEN jsonb_build_array(th[1 + g % cardinality(th)])
                             ELSE jsonb_build_array(th[1 + g % cardinality(th)], th[1 + (g * 7) % cardinality(th)]) END)
     FROM generate_series(1, ?::int * 2) g,
          (SELECT array_agg(code ORDER BY code) AS th FROM themes) t,
          (SELECT array_agg(code ORDER BY code) AS lg FROM legal_grounds) l`,
    [count],
  );
  for (const table of ['organisations', 'things', 'locations', 'sensors', 'observed_properties', 'datastreams']) {
    await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ${table}))`, [table]);
  }
  await knex.raw('VACUUM ANALYZE');
}
