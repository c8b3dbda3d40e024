/**
 * The OGC SensorThings API 1.1 data model (OGC 18-088 §8.2), declared once.
 * Table and column names match the migrations in `migrations/`.
 */
import type { EntityDef, EntityName, PropertyDef, RelationDef } from './types';

const text = (name: string, column: string, required = true): PropertyDef => ({ name, column, kind: 'text', required });
const json = (name: string, column: string, required = false): PropertyDef => ({ name, column, kind: 'json', required });
const name = text('name', 'name');
const description = text('description', 'description');
const encodingType = text('encodingType', 'encoding_type');
const properties = json('properties', 'properties');

const one = (relation: string, target: EntityName, column: string): RelationDef => ({
  name: relation,
  target,
  many: false,
  join: { kind: 'fk-here', column },
});
const many = (relation: string, target: EntityName, column: string): RelationDef => ({
  name: relation,
  target,
  many: true,
  join: { kind: 'fk-there', column },
});
const linked = (relation: string, target: EntityName, table: string, from: string, to: string): RelationDef => ({
  name: relation,
  target,
  many: true,
  join: { kind: 'link', table, from, to },
});

export const ENTITIES: readonly EntityDef[] = [
  {
    name: 'Thing',
    set: 'Things',
    table: 'things',
    properties: [name, description, properties],
    relations: [
      linked('Locations', 'Location', 'things_locations', 'thing_id', 'location_id'),
      many('HistoricalLocations', 'HistoricalLocation', 'thing_id'),
      many('Datastreams', 'Datastream', 'thing_id'),
    ],
    publicVia: [],
  },
  {
    name: 'Location',
    set: 'Locations',
    table: 'locations',
    properties: [
      name,
      description,
      encodingType,
      { name: 'location', column: 'location', kind: 'geojson', required: true, geometryColumn: 'geom' },
      properties,
    ],
    relations: [
      linked('Things', 'Thing', 'things_locations', 'location_id', 'thing_id'),
      linked('HistoricalLocations', 'HistoricalLocation', 'historical_locations_locations', 'location_id', 'historical_location_id'),
    ],
    publicVia: ['Locations'],
  },
  {
    name: 'HistoricalLocation',
    set: 'HistoricalLocations',
    table: 'historical_locations',
    properties: [{ name: 'time', column: 'time', kind: 'time', required: true }],
    relations: [
      one('Thing', 'Thing', 'thing_id'),
      linked('Locations', 'Location', 'historical_locations_locations', 'historical_location_id', 'location_id'),
    ],
    publicVia: ['HistoricalLocations'],
  },
  {
    name: 'Datastream',
    set: 'Datastreams',
    table: 'datastreams',
    properties: [
      name,
      description,
      json('unitOfMeasurement', 'unit_of_measurement', true),
      text('observationType', 'observation_type'),
      { name: 'observedArea', column: 'observed_area', kind: 'geojson', required: false, geometryColumn: 'observed_area_geom' },
      { name: 'phenomenonTime', column: 'phenomenon_time', kind: 'interval', required: false },
      { name: 'resultTime', column: 'result_time', kind: 'interval', required: false },
      properties,
    ],
    relations: [
      one('Thing', 'Thing', 'thing_id'),
      one('Sensor', 'Sensor', 'sensor_id'),
      one('ObservedProperty', 'ObservedProperty', 'observed_property_id'),
      many('Observations', 'Observation', 'datastream_id'),
    ],
    publicVia: ['Datastreams'],
  },
  {
    name: 'Sensor',
    set: 'Sensors',
    table: 'sensors',
    properties: [name, description, encodingType, text('metadata', 'metadata'), properties],
    relations: [many('Datastreams', 'Datastream', 'sensor_id')],
    publicVia: ['Datastreams', 'Sensor'],
  },
  {
    name: 'ObservedProperty',
    set: 'ObservedProperties',
    table: 'observed_properties',
    properties: [name, text('definition', 'definition'), description, properties],
    relations: [many('Datastreams', 'Datastream', 'observed_property_id')],
    publicVia: ['Datastreams', 'ObservedProperty'],
  },
  {
    name: 'Observation',
    set: 'Observations',
    table: 'observations',
    properties: [
      { name: 'phenomenonTime', column: 'phenomenon_time', kind: 'interval', required: true },
      json('result', 'result', true),
      { name: 'resultTime', column: 'result_time', kind: 'time', required: true },
      json('resultQuality', 'result_quality'),
      { name: 'validTime', column: 'valid_time', kind: 'interval', required: false },
      json('parameters', 'parameters'),
    ],
    relations: [
      one('Datastream', 'Datastream', 'datastream_id'),
      one('FeatureOfInterest', 'FeatureOfInterest', 'feature_of_interest_id'),
    ],
    publicVia: ['Datastreams', 'Observations'],
  },
  {
    name: 'FeatureOfInterest',
    set: 'FeaturesOfInterest',
    table: 'features_of_interest',
    properties: [
      name,
      description,
      encodingType,
      { name: 'feature', column: 'feature', kind: 'geojson', required: true, geometryColumn: 'geom' },
      properties,
    ],
    relations: [many('Observations', 'Observation', 'feature_of_interest_id')],
    publicVia: ['Datastreams', 'Observations', 'FeatureOfInterest'],
  },
];

const byName = new Map(ENTITIES.map((entity) => [entity.name, entity]));
const bySet = new Map(ENTITIES.map((entity) => [entity.set, entity]));

/** The entity type with this name (`Thing`). */
export function entity(name: EntityName): EntityDef {
  const found = byName.get(name);
  if (!found) throw new Error(`unknown entity type ${name}`);
  return found;
}

/** The entity type of this entity set name (`Things`), if any. */
export function entityBySet(set: string): EntityDef | undefined {
  return bySet.get(set);
}

/** The navigation property `name` of `source`, if any. */
export function relation(source: EntityDef, name: string): RelationDef | undefined {
  return source.relations.find((candidate) => candidate.name === name);
}

/** The property `name` of `source`, if any. */
export function property(source: EntityDef, name: string): PropertyDef | undefined {
  return source.properties.find((candidate) => candidate.name === name);
}
