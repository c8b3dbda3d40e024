/**
 * The data set of the OGC conformance suite ets-sta10 level 3 (filtering), built through the store: 2 Things
 * that swapped Locations (so 4 HistoricalLocations), 4 Datastreams with 4 Sensors and 3 ObservedProperties,
 * 12 Observations (phenomenonTime 2015-03-01 … 2015-03-12, result 1 … 12, no resultTime) on 2 Features of
 * Interest. Totals: Things 2, Locations 2, FoIs 2, ObservedProperties 3, HistoricalLocations 4, Sensors 4,
 * Datastreams 4, Observations 12.
 */
import type { Knex } from 'knex';

const GEOJSON = 'application/vnd.geo+json';
const LOCATIONS = [
  { type: 'Point', coordinates: [-117.05, 51.05] },
  { type: 'Point', coordinates: [-117.123, 54.123] },
];

async function insert(knex: Knex, table: string, row: Record<string, unknown>): Promise<number> {
  const [created] = await knex(table).insert(row).returning('id');
  return Number(created.id);
}

function geometryOf(knex: Knex, geojson: unknown): Knex.Raw {
  return knex.raw('ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)', [JSON.stringify(geojson)]);
}

/** Builds the fixture (published) for a new organisation `slug`. */
export async function buildEtsFixture(knex: Knex, slug = 'ets'): Promise<void> {
  await knex.transaction(async (trx) => {
    const org = await insert(trx, 'organisations', { slug, name: 'ETS fixture', kind: 'overig' });
    const things = [
      await insert(trx, 'things', { organisation_id: org, publication: 'published', name: 'thing 1', description: 'thing 1', properties: { reference: 'first' } }),
      await insert(trx, 'things', { organisation_id: org, publication: 'published', name: 'thing 2', description: 'thing 2', properties: { reference: 'second' } }),
    ];
    const locations: number[] = [];
    for (const [i, location] of LOCATIONS.entries()) {
      locations.push(
        await insert(trx, 'locations', {
          name: `location ${i + 1}`,
          description: `location ${i + 1}`,
          encoding_type: GEOJSON,
          location: JSON.stringify(location),
          geom: geometryOf(trx, location),
        }),
      );
    }
    // Each Thing first stands at its own Location, then (PATCH in the ETS) moves to the other one.
    const history: Array<[number, number, string]> = [
      [0, 0, '2015-10-14T21:30:00.104Z'],
      [1, 1, '2015-10-14T21:30:00.105Z'],
      [0, 1, '2015-10-14T21:31:00.104Z'],
      [1, 0, '2015-10-14T21:31:00.105Z'],
    ];
    for (const [thing, location, time] of history) {
      const id = await insert(trx, 'historical_locations', { thing_id: things[thing], time });
      await trx('historical_locations_locations').insert({ historical_location_id: id, location_id: locations[location] });
    }
    await trx('things_locations').insert([
      { thing_id: things[0], location_id: locations[1] },
      { thing_id: things[1], location_id: locations[0] },
    ]);
    const observedProperties: number[] = [];
    for (let i = 1; i <= 3; i++) {
      observedProperties.push(
        await insert(trx, 'observed_properties', {
          name: 'Luminous Flux',
          definition: `http://www.qudt.org/qudt/owl/1.0.0/quantity/Instances.html/LuminousFlux${i === 1 ? '' : i}`,
          description: `observedProperty ${i}`,
        }),
      );
    }
    // Features of interest generated from the Things' current Locations: thing 1 → location 2, thing 2 → location 1.
    const features: number[] = [];
    for (const location of [1, 0]) {
      features.push(
        await insert(trx, 'features_of_interest', {
          name: `Generated using location details: location ${location + 1}`,
          description: `Generated using location details: location ${location + 1}`,
          encoding_type: GEOJSON,
          feature: JSON.stringify(LOCATIONS[location]),
          geom: geometryOf(trx, LOCATIONS[location]),
        }),
      );
    }
    const datastreamPlan: Array<[thing: number, observedProperty: number]> = [
      [0, 0],
      [0, 1],
      [1, 2],
      [1, 0],
    ];
    let day = 1;
    for (const [i, [thing, observedProperty]] of datastreamPlan.entries()) {
      const sensor = await insert(trx, 'sensors', {
        name: `sensor ${i + 1}`,
        description: `sensor ${i + 1}`,
        encoding_type: 'application/pdf',
        metadata: 'Light flux sensor',
      });
      const datastream = await insert(trx, 'datastreams', {
        thing_id: things[thing],
        sensor_id: sensor,
        observed_property_id: observedProperties[observedProperty],
        name: `datastream ${i + 1}`,
        description: `datastream ${i + 1}`,
        unit_of_measurement: JSON.stringify({ name: 'Lumen', symbol: 'lm', definition: 'http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html/Lumen' }),
        observation_type: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
      });
      for (let n = 0; n < 3; n++, day++) {
        const time = `2015-03-${String(day).padStart(2, '0')}T00:00:00.000Z`;
        await trx('observations').insert({
          datastream_id: datastream,
          feature_of_interest_id: features[thing],
          phenomenon_time_start: time,
          phenomenon_time_end: time,
          result: JSON.stringify(day),
        });
      }
    }
  });
}
