/**
 * Builds one normalised {@link ImportRecord} from a record's raw field values — the step shared by the CSV,
 * GeoJSON and BGT GML readers — coercing every value through `coerce.ts` and filling the defaults below.
 * Vocabulary values (sensor type, themes, legal ground) stay as written; `validate-records.ts` resolves them.
 *
 * Defaults for optional fields:
 *
 * | field                                   | when not given                                                      |
 * |-----------------------------------------|---------------------------------------------------------------------|
 * | description (thing, sensor, datastream) | `''`                                                                |
 * | sensor name                             | the thing name                                                      |
 * | datastream name                         | `<sensor type as written> data`, else `<sensor name> data`          |
 * | observed property name                  | the datastream name                                                 |
 * | observed property definition            | `urn:sensorregister:observed-property:<slug of its name, ≤ 80>`    |
 * | unit of measurement                     | left out; when any unit column is filled, the others become `null`  |
 * | status, personal data, open data, …     | left out — the import never guesses a register answer               |
 *
 * Several columns for one text field (SensRNet's `Naam Observatie doel` and `Beschrijving Observatie doel`)
 * are joined with `: `; for other kinds the first filled column counts.
 */
import type { DatastreamProperties, ImportRecord, SensorProperties, ThingProperties } from '../profile-types';
import { slugify } from '../../text/slug';
import {
  toBoolean,
  toDate,
  toList,
  toNumber,
  toStatus,
  toText,
  type CoerceOptions,
  type Coerced,
  type Status,
} from './coerce';
import { FIELDS, type FieldKey, type FieldKind, type FieldValues } from './field-mapping';
import type { FieldIssue } from './types';

interface ValueOfKind {
  text: string;
  number: number;
  boolean: boolean;
  date: string;
  list: string[];
  status: Status;
}

/** Typed values of one record, by register field. */
export type Values = { [F in FieldKey]?: ValueOfKind[(typeof FIELDS)[F]['kind']] };

/** The point of a record, as the import record holds it. */
export type Position = ImportRecord['position'];

function coerce(kind: FieldKind, raw: unknown, options: CoerceOptions): Coerced<ValueOfKind[FieldKind]> {
  switch (kind) {
    case 'text':
      return toText(raw);
    case 'number':
      return toNumber(raw, options);
    case 'boolean':
      return toBoolean(raw);
    case 'date':
      return toDate(raw);
    case 'list':
      return toList(raw);
    case 'status':
      return toStatus(raw);
  }
}

function coerceAll(fields: FieldValues, options: CoerceOptions): { values: Values; issues: FieldIssue[] } {
  const values: Values = {};
  const issues: FieldIssue[] = [];
  for (const [field, sourced] of fields) {
    const kind = FIELDS[field].kind;
    const texts: string[] = [];
    for (const { source, value } of kind === 'text' ? sourced : sourced.slice(0, 1)) {
      const result = coerce(kind, value, options);
      if ('problem' in result) issues.push({ field: source, reason: result.problem });
      else if (kind === 'text') texts.push(result.value as string);
      else (values as Record<FieldKey, unknown>)[field] = result.value;
    }
    if (texts.length > 0) (values as Record<FieldKey, unknown>)[field] = [...new Set(texts)].join(': ');
  }
  return { values, issues };
}

const COORDINATE_FIELDS: readonly FieldKey[] = ['longitude', 'latitude', 'x', 'y'];

type Pair = [number, number];

/** Both values of a coordinate pair, an issue when only one is given, `undefined` when neither is. */
function pair(values: Values, first: 'longitude' | 'x', second: 'latitude' | 'y'): Pair | FieldIssue | undefined {
  const a = values[first];
  const b = values[second];
  if (a === undefined && b === undefined) return undefined;
  if (a === undefined) return { field: first, reason: `${second} is given but ${first} is missing` };
  if (b === undefined) return { field: second, reason: `${first} is given but ${second} is missing` };
  return [a, b];
}

/** The point from longitude/latitude (WGS84) or x/y (RD New) values. */
function positionFrom(values: Values): Position | FieldIssue {
  const wgs84 = pair(values, 'longitude', 'latitude');
  const rd = pair(values, 'x', 'y');
  if (wgs84 && !Array.isArray(wgs84)) return wgs84;
  if (rd && !Array.isArray(rd)) return rd;
  if (wgs84 && rd) {
    return { field: 'position', reason: 'give either WGS84 longitude/latitude or RD x/y, not both' };
  }
  if (wgs84) return { crs: 'EPSG:4326', x: wgs84[0], y: wgs84[1] };
  if (rd) return { crs: 'EPSG:28992', x: rd[0], y: rd[1] };
  return {
    field: 'position',
    reason: 'missing coordinates: give longitude and latitude (WGS84) or x and y (RD New, EPSG:28992)',
  };
}

/** The object without its `undefined` members, or `undefined` when nothing is left. */
function definedOnly<T extends object>(object: T): T | undefined {
  const entries = Object.entries(object).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

function unitOf(values: Values): ImportRecord['datastream']['unitOfMeasurement'] {
  const { unit_name: name, unit_symbol: symbol, unit_definition: definition } = values;
  if (name === undefined && symbol === undefined && definition === undefined) return undefined;
  return { name: name ?? null, symbol: symbol ?? null, definition: definition ?? null };
}

/** `urn:sensorregister:observed-property:<slug>`, a long slug cut at a word boundary within 80 characters. */
function observedPropertyUrn(name: string): string {
  const full = slugify(name);
  const slug = full.length <= 80 ? full : full.slice(0, 80).replace(/-[^-]*$/, '');
  return `urn:sensorregister:observed-property:${slug || 'unnamed'}`;
}

function assemble(values: Values, name: string, position: Position): ImportRecord {
  const sensorName = values.sensor_name ?? name;
  const datastreamName = values.datastream_name ?? `${values.sensor_type ?? sensorName} data`;
  const observedPropertyName = values.observed_property ?? datastreamName;
  const thing = definedOnly<ThingProperties>({
    reference: values.reference,
    status: values.status,
    activeFrom: values.active_from,
    activeUntil: values.active_until,
    publicContact: values.public_contact,
    mountingObject: values.mounting_object,
    operator: values.operator,
  });
  const sensorProperties = definedOnly<SensorProperties>({
    sensorType: values.sensor_type,
    manufacturer: values.manufacturer,
    supplier: values.supplier,
  });
  const datastreamProperties = definedOnly<DatastreamProperties>({
    themes: values.themes,
    personalData: values.personal_data,
    purpose: values.purpose,
    // As written (a code or a label); validateRecords resolves it to one of the six codes or reports it.
    legalGround: values.legal_ground as DatastreamProperties['legalGround'],
    privacyStatementUrl: values.privacy_statement_url,
    openData: values.open_data,
  });
  return definedOnly<ImportRecord>({
    name,
    description: values.description ?? '',
    thing,
    position,
    locationName: values.location_name,
    sensor: definedOnly({
      name: sensorName,
      description: values.sensor_description ?? '',
      metadata: values.sensor_documentation,
      properties: sensorProperties,
    }) as ImportRecord['sensor'],
    datastream: definedOnly({
      name: datastreamName,
      description: values.datastream_description ?? '',
      unitOfMeasurement: unitOf(values),
      observedProperty: {
        name: observedPropertyName,
        definition: values.observed_property_definition ?? observedPropertyUrn(observedPropertyName),
      },
      properties: datastreamProperties,
    }) as ImportRecord['datastream'],
  }) as ImportRecord;
}

/** The register field that fills each path of the import record (see {@link assemble}). */
const FIELD_AT_PATH: Readonly<Record<string, FieldKey>> = {
  name: 'name',
  description: 'description',
  locationName: 'location_name',
  'thing.reference': 'reference',
  'thing.status': 'status',
  'thing.activeFrom': 'active_from',
  'thing.activeUntil': 'active_until',
  'thing.publicContact': 'public_contact',
  'thing.mountingObject': 'mounting_object',
  'thing.operator': 'operator',
  'sensor.name': 'sensor_name',
  'sensor.description': 'sensor_description',
  'sensor.metadata': 'sensor_documentation',
  'sensor.properties.sensorType': 'sensor_type',
  'sensor.properties.manufacturer': 'manufacturer',
  'sensor.properties.supplier': 'supplier',
  'datastream.name': 'datastream_name',
  'datastream.description': 'datastream_description',
  'datastream.observedProperty.name': 'observed_property',
  'datastream.observedProperty.definition': 'observed_property_definition',
  'datastream.unitOfMeasurement.name': 'unit_name',
  'datastream.unitOfMeasurement.symbol': 'unit_symbol',
  'datastream.unitOfMeasurement.definition': 'unit_definition',
  'datastream.properties.themes': 'themes',
  'datastream.properties.personalData': 'personal_data',
  'datastream.properties.purpose': 'purpose',
  'datastream.properties.legalGround': 'legal_ground',
  'datastream.properties.privacyStatementUrl': 'privacy_statement_url',
  'datastream.properties.openData': 'open_data',
};

/**
 * Where each register field of a record was read: the column or property name as written in the file; for
 * `position`, the coordinate columns (`RD x, RD y`) or the geometry's property or element.
 */
export type FieldSources = Readonly<Partial<Record<FieldKey | 'position', string>>>;

/**
 * The name an editor knows for a problem at record path `path` (`datastream.properties.themes.0`): the column
 * or property it was read from (`Thema Datastroom`), else the path itself.
 */
export function sourceOf(path: string | null, sources: FieldSources | undefined): string | null {
  if (path === null || !sources) return path;
  if (path === 'position') return sources.position ?? path;
  for (let end = path.length; end > 0; end = path.lastIndexOf('.', end - 1)) {
    const field = FIELD_AT_PATH[path.slice(0, end)];
    if (field) return sources[field] ?? path;
  }
  return path;
}

/** What {@link recordFromFields} returns: the record when the values could be read, and the problems found. */
export interface BuiltRecord {
  record?: ImportRecord;
  /** Where the record's fields were read (for issues found later, in validation). */
  sources?: FieldSources;
  issues: FieldIssue[];
}

/**
 * Builds the import record of one row or feature.
 * @param fields raw values by register field
 * @param options.position the point when the format carries geometry (GeoJSON, GML); otherwise it is read
 *   from the longitude/latitude or x/y fields
 * @param options.positionSource where the file holds that point (`geometry`, `geometrie2dSensor`)
 */
export function recordFromFields(
  fields: FieldValues,
  options: CoerceOptions & { position?: Position; positionSource?: string },
): BuiltRecord {
  const { values, issues } = coerceAll(fields, options);
  const name = values.name;
  if (name === undefined) {
    issues.push({ field: 'name', reason: 'missing name: every sensor installation needs a name' });
  }
  const position = options.position ?? positionFrom(values);
  // A coordinate that could not be read is already reported; do not report it again as missing.
  const coordinateUnreadable = COORDINATE_FIELDS.some((field) => fields.has(field) && values[field] === undefined);
  if ('reason' in position && !coordinateUnreadable) issues.push(position);
  if (issues.length > 0 || name === undefined || 'reason' in position) return { issues };
  const sources: Record<string, string | undefined> = Object.fromEntries([...fields].map(([field, sourced]) => [field, sourced[0]?.source]));
  const [first, second] = options.position ? [] : position.crs === 'EPSG:28992' ? (['x', 'y'] as const) : (['longitude', 'latitude'] as const);
  sources.position = options.positionSource ?? (first && second ? `${sources[first]}, ${sources[second]}` : undefined);
  return { record: assemble(values, name, position), sources, issues };
}
