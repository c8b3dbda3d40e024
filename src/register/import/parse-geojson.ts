/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) of sensor installations. Each feature needs one
 * fixed Point: WGS84 longitude/latitude (RFC 7946), or RD New x/y when the legacy `crs` member names
 * EPSG:28992. A feature without geometry may carry its coordinates as properties, like a CSV row.
 * Properties are read with the CSV field mapping (`field-mapping.ts`) plus the nested parts of Amsterdam's
 * register entries (`amsterdam-properties.ts`). Features are numbered from 1 in file order.
 */
import { addAmsterdamFieldValues } from './amsterdam-properties';
import { recordFromFields, type BuiltRecord, type Position } from './build-record';
import { importCrsOf, type ImportCrs } from './crs-names';
import { fieldValuesOf } from './field-mapping';
import { describeJsonError } from './describe-json-error';
import { issuesAt, type FieldIssue, type ImportIssue, type ParseResult, type ParsedRecord } from './types';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The CRS of the coordinates: WGS84 unless the legacy `crs` member names another system. */
function crsOf(document: Record<string, unknown>): ImportCrs | FieldIssue {
  if (document.crs === undefined || document.crs === null) return 'EPSG:4326';
  const crs = document.crs;
  const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
  const known = typeof name === 'string' ? importCrsOf(name) : undefined;
  return (
    known ?? {
      field: 'crs',
      reason: `unsupported crs ${JSON.stringify(name ?? crs)}: use WGS84 longitude/latitude (no crs member) or EPSG:28992 (RD New)`,
    }
  );
}

/** The fixed point of a feature; `undefined` when it has no geometry (coordinates may then be properties). */
function positionOf(geometry: unknown, crs: ImportCrs): Position | FieldIssue | undefined {
  if (geometry === null || geometry === undefined) return undefined;
  const type = isObject(geometry) ? geometry.type : undefined;
  if (type !== 'Point') {
    return {
      field: 'geometry',
      reason:
        `${typeof type === 'string' ? `a ${type}` : 'this'} geometry is not supported: mobile and non-point ` +
        'registrations are not supported — a registration needs one fixed point',
    };
  }
  const coordinates = isObject(geometry) ? geometry.coordinates : undefined;
  const [x, y] = Array.isArray(coordinates) ? coordinates : [];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    return { field: 'geometry', reason: 'a Point needs two numeric coordinates' };
  }
  return { crs, x, y };
}

function featuresOf(document: unknown): unknown[] | undefined {
  if (!isObject(document)) return undefined;
  if (document.type === 'Feature') return [document];
  if (document.type === 'FeatureCollection' && Array.isArray(document.features)) return document.features;
  return undefined;
}

function readFeature(feature: unknown, crs: ImportCrs): BuiltRecord {
  if (!isObject(feature) || feature.type !== 'Feature') {
    return { issues: [{ field: null, reason: 'not a GeoJSON Feature' }] };
  }
  const position = positionOf(feature.geometry, crs);
  if (position && 'reason' in position) return { issues: [position] };
  const properties = isObject(feature.properties) ? feature.properties : {};
  const fields = fieldValuesOf(Object.entries(properties));
  addAmsterdamFieldValues(properties, fields);
  return recordFromFields(fields, { decimalComma: false, position, ...(position && { positionSource: 'geometry' }) });
}

/** Reads the installations of a GeoJSON file; `file` names the file in issues. */
export function parseGeoJson(file: string, text: string): ParseResult {
  const fileIssue = (field: string | null, reason: string): ParseResult => ({
    records: [],
    issues: [{ file, row: null, field, reason }],
  });
  const json = text.replace(/^\uFEFF/, '');
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return fileIssue(null, `invalid JSON at ${describeJsonError(json, error)}`);
  }
  const features = featuresOf(document);
  if (!features || !isObject(document)) return fileIssue('type', 'expected a GeoJSON FeatureCollection or Feature');
  const crs = crsOf(document);
  if (typeof crs !== 'string') return fileIssue(crs.field, crs.reason);
  const records: ParsedRecord[] = [];
  const issues: ImportIssue[] = [];
  features.forEach((feature, index) => {
    const row = index + 1;
    const read = readFeature(feature, crs);
    issues.push(...issuesAt(file, row, read.issues));
    if (read.record) records.push({ row, record: read.record, sources: read.sources });
  });
  if (features.length === 0) issues.push({ file, row: null, field: 'features', reason: 'no features' });
  return { records, issues };
}
