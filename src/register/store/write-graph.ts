/**
 * Writes register records as SensorThings graphs: each record becomes Thing + Location (+ HistoricalLocation)
 * + Sensor + Datastream, sharing ObservedProperties by definition. RD New coordinates are transformed to
 * WGS84 by PostGIS. Runs inside the caller's transaction; batches keep 100 000-row imports fast.
 */
import type { Knex } from 'knex';
import type { ImportRecord } from '../profile-types';
import { allocateIds } from './allocate-ids';
import { insertRows } from './insert-rows';
import { DEGREE_DECIMALS } from '../../model/precision';

/** A record's point in WGS 84 (SQL over the row `r`). */
const WGS84_POINT = 'ST_Transform(ST_SetSRID(ST_MakePoint(r._x, r._y), r._srid), 4326)';

export type Publication = 'draft' | 'published' | 'retired';

export interface WriteOptions {
  organisationId: number;
  /** Publish the records at once (otherwise drafts). Terminated installations are always retired. */
  publish: boolean;
  /** Who writes, for the change log. */
  actor: string;
  /** Called after each batch with the number of records written so far. */
  onProgress?: (written: number) => void;
}

const BATCH = 2000;
const SRID: Record<ImportRecord['position']['crs'], number> = { 'EPSG:4326': 4326, 'EPSG:28992': 28992 };
const MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Observation';
const GEOJSON = 'application/geo+json';

/** The publication state of a record. */
export function publicationOf(record: ImportRecord, publish: boolean): Publication {
  if (record.thing?.status === 'terminated') return 'retired';
  return publish ? 'published' : 'draft';
}

/** Ids of the observed properties for the records' definitions, inserting the missing ones. */
async function observedPropertyIds(trx: Knex, records: readonly ImportRecord[]): Promise<Map<string, number>> {
  const wanted = new Map<string, ImportRecord['datastream']['observedProperty']>();
  for (const record of records) wanted.set(record.datastream.observedProperty.definition, record.datastream.observedProperty);
  const ids = new Map<string, number>();
  const existing = await trx('observed_properties')
    .select('id', 'definition')
    .whereIn('definition', [...wanted.keys()]);
  for (const row of existing) if (!ids.has(row.definition)) ids.set(row.definition, Number(row.id));
  const missing = [...wanted.values()].filter((property) => !ids.has(property.definition));
  const newIds = await allocateIds(trx, 'observed_properties', missing.length);
  const rows = missing.map((property, i) => {
    ids.set(property.definition, newIds[i] as number);
    return { id: newIds[i], name: property.name, definition: property.definition, description: property.description ?? '' };
  });
  await insertRows(trx, 'observed_properties', { id: 'bigint', name: 'text', definition: 'text', description: 'text' }, rows);
  return ids;
}

async function writeBatch(trx: Knex, records: readonly ImportRecord[], options: WriteOptions, propertyIds: Map<string, number>): Promise<void> {
  const n = records.length;
  const thingIds = await allocateIds(trx, 'things', n);
  const locationIds = await allocateIds(trx, 'locations', n);
  const historyIds = await allocateIds(trx, 'historical_locations', n);
  const sensorIds = await allocateIds(trx, 'sensors', n);
  const datastreamIds = await allocateIds(trx, 'datastreams', n);
  const id = (ids: number[], i: number): number => ids[i] as number;
  const things = records.map((record, i) => ({
    id: id(thingIds, i),
    name: record.name,
    description: record.description,
    properties: record.thing ?? null,
    publication: publicationOf(record, options.publish),
    organisation_id: options.organisationId,
  }));
  await insertRows(
    trx,
    'things',
    { id: 'bigint', name: 'text', description: 'text', properties: 'jsonb', publication: 'text', organisation_id: 'bigint' },
    things,
  );
  await insertRows(
    trx,
    'locations',
    { id: 'bigint', name: 'text', description: 'text', _x: 'float8', _y: 'float8', _srid: 'int', properties: 'jsonb' },
    records.map((record, i) => ({
      id: id(locationIds, i),
      name: record.locationName ?? record.name,
      description: record.locationName ?? '',
      _x: record.position.x,
      _y: record.position.y,
      _srid: SRID[record.position.crs],
      properties:
        record.position.crs === 'EPSG:4326'
          ? null
          : { sourceCrs: record.position.crs, sourceCoordinates: [record.position.x, record.position.y] },
    })),
    {
      encoding_type: `'${GEOJSON}'`,
      // The point in WGS 84 with the 8 decimals (about 1 mm) both APIs publish in degrees; the geometry is that
      // point exactly, so a filter or bbox on published coordinates finds it.
      geom: `ST_SetSRID(ST_GeomFromGeoJSON(ST_AsGeoJSON(${WGS84_POINT}, ${DEGREE_DECIMALS})), 4326)`,
      location: `ST_AsGeoJSON(${WGS84_POINT}, ${DEGREE_DECIMALS})::jsonb`,
    },
  );
  await insertRows(
    trx,
    'things_locations',
    { thing_id: 'bigint', location_id: 'bigint' },
    records.map((_, i) => ({ thing_id: id(thingIds, i), location_id: id(locationIds, i) })),
  );
  await insertRows(
    trx,
    'historical_locations',
    { id: 'bigint', thing_id: 'bigint', _from: 'date' },
    records.map((record, i) => ({ id: id(historyIds, i), thing_id: id(thingIds, i), _from: record.thing?.activeFrom ?? null })),
    { time: 'COALESCE(r._from::timestamptz, now())' },
  );
  await insertRows(
    trx,
    'historical_locations_locations',
    { historical_location_id: 'bigint', location_id: 'bigint' },
    records.map((_, i) => ({ historical_location_id: id(historyIds, i), location_id: id(locationIds, i) })),
  );
  await insertRows(
    trx,
    'sensors',
    { id: 'bigint', name: 'text', description: 'text', encoding_type: 'text', metadata: 'text', properties: 'jsonb' },
    records.map((record, i) => ({
      id: id(sensorIds, i),
      name: record.sensor.name,
      description: record.sensor.description,
      encoding_type: record.sensor.metadata?.startsWith('http') ? 'text/html' : 'text/plain',
      metadata: record.sensor.metadata ?? '',
      properties: record.sensor.properties ?? null,
    })),
  );
  await insertRows(
    trx,
    'datastreams',
    {
      id: 'bigint',
      thing_id: 'bigint',
      sensor_id: 'bigint',
      observed_property_id: 'bigint',
      name: 'text',
      description: 'text',
      unit_of_measurement: 'jsonb',
      observation_type: 'text',
      properties: 'jsonb',
    },
    records.map((record, i) => ({
      id: id(datastreamIds, i),
      thing_id: id(thingIds, i),
      sensor_id: id(sensorIds, i),
      observed_property_id: propertyIds.get(record.datastream.observedProperty.definition),
      name: record.datastream.name,
      description: record.datastream.description,
      unit_of_measurement: { name: null, symbol: null, definition: null, ...record.datastream.unitOfMeasurement },
      observation_type: MEASUREMENT,
      properties: record.datastream.properties ?? null,
    })),
  );
  await insertRows(
    trx,
    'change_log',
    { entity_id: 'bigint', after: 'jsonb', actor: 'text', organisation_id: 'bigint' },
    things.map((thing) => ({ entity_id: thing.id, after: thing, actor: options.actor, organisation_id: options.organisationId })),
    { entity_type: `'Thing'`, action: `'create'` },
  );
}

/** Writes all records (in the caller's transaction); returns the new Thing count. */
export async function writeRecords(trx: Knex, records: readonly ImportRecord[], options: WriteOptions): Promise<number> {
  const propertyIds = await observedPropertyIds(trx, records);
  for (let start = 0; start < records.length; start += BATCH) {
    await writeBatch(trx, records.slice(start, start + BATCH), options, propertyIds);
    options.onProgress?.(Math.min(start + BATCH, records.length));
  }
  return records.length;
}
