/**
 * OGC API – Features Part 3 filtering (OGC 19-079r2): the `filter`, `filter-lang` (`cql2-text`, `cql2-json`)
 * and `filter-crs` parameters. CQL2 parses into the same AST as the STA `$filter` and compiles through the same
 * SQL compiler; here the scope is the collection's queryables — the flat feature properties over the derived
 * table `f` — plus `geometry` and `id`.
 */
import type { Request } from 'express';
import type { Knex } from 'knex';
import { BadRequestError } from '../errors/errors';
import type { Expression } from '../query/ast';
import { parseCql2Json } from '../query/cql2-json';
import { parseCql2Text } from '../query/cql2-text';
import type { Geometry, Position } from '../query/geometry';
import { checkLiteralAreas } from '../query/geometry-area';
import { failFor } from '../query/query-error';
import { compileFilter } from '../query/sql/compile';
import { value } from '../query/sql/coerce';
import type { Scope, SqlType } from '../query/sql/scope';
import { raw, toRaw } from '../query/sql/sql';
import { parseCrs, type CrsDef } from './crs';
import type { FeatureFilter } from './feature-sql';
import { SENSOR_PROPERTIES, type FeatureProperty } from './sensor-properties';

/** The query parameters this module reads. */
export const FILTER_PARAMETERS = ['filter', 'filter-lang', 'filter-crs'] as const;

/** Conformance classes of Part 3 and CQL2 this implementation meets. */
export const FILTER_CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-json',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
  'http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison',
  'http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus',
  'http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/arithmetic',
  'http://www.opengis.net/spec/cql2/1.0/conf/property-property',
];

function typeOf(property: FeatureProperty): SqlType {
  if (property.type === 'boolean') return 'boolean';
  if (property.format === 'date-time') return 'timestamp';
  if (property.format === 'date') return 'date';
  return 'text';
}

/** Column SQL of a queryable; ISO dates kept as text in the registration become SQL dates. */
function columnOf(property: FeatureProperty): string {
  const column = `f.${property.name}`;
  return property.format === 'date' ? `(CASE WHEN ${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN ${column}::date END)` : column;
}

const QUERYABLES = new Map(SENSOR_PROPERTIES.map((property) => [property.name, property]));

/** The scope of the `sensors` collection's queryables. */
export const queryablesScope: Scope = {
  resolve(ref) {
    const name = ref.path.join('.');
    if (name === 'geometry') return { kind: 'value', value: value(raw('f.geom'), 'geometry', 'geometry') };
    if (name === 'id') return { kind: 'value', value: value(raw('f.id'), 'number', 'id') };
    const property = QUERYABLES.get(name);
    if (!property) {
      return failFor('filter')(ref.pos, name, `'${name}' is not a queryable of this collection (see its /queryables)`);
    }
    return { kind: 'value', value: value(raw(columnOf(property)), typeOf(property), `queryable '${name}'`) };
  },
};

function flip(position: Position): Position {
  return [position[1] as number, position[0] as number, ...position.slice(2)];
}

function flipGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: flip(geometry.coordinates) };
    case 'LineString':
    case 'MultiPoint':
      return { ...geometry, coordinates: geometry.coordinates.map(flip) };
    case 'Polygon':
    case 'MultiLineString':
      return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(flip)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(flip))) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((part) => flipGeometry(part) as typeof part) };
  }
}

/** Geometry literals written in a lat/lon CRS, turned to the lon/lat order PostGIS uses. */
function toLonLat(node: Expression): Expression {
  if (node.kind === 'geometry') return { ...node, geometry: flipGeometry(node.geometry) };
  const copy: Record<string, unknown> = { ...node };
  for (const [key, child] of Object.entries(node)) {
    if (Array.isArray(child)) copy[key] = child.map((item) => (item && typeof item === 'object' && 'kind' in item ? toLonLat(item as Expression) : item));
    else if (child && typeof child === 'object' && 'kind' in child) copy[key] = toLonLat(child as Expression);
  }
  return copy as unknown as Expression;
}

/** Parses `filter` in its language and CRS. */
export function parseFeatureFilter(query: Record<string, string>): Expression | undefined {
  const text = query.filter;
  const language = query['filter-lang'] ?? 'cql2-text';
  if (language !== 'cql2-text' && language !== 'cql2-json') {
    throw new BadRequestError(`filter-lang '${language}' is not supported; use cql2-text or cql2-json`);
  }
  if (text === undefined) {
    if (query['filter-lang'] !== undefined || query['filter-crs'] !== undefined) {
      throw new BadRequestError('filter-lang and filter-crs need a filter parameter');
    }
    return undefined;
  }
  const crs: CrsDef = parseCrs('filter-crs', query['filter-crs']);
  const parsed = language === 'cql2-json' ? parseCql2Json(text, { srid: crs.srid }) : parseCql2Text(text, { srid: crs.srid });
  checkLiteralAreas(parsed, 'filter', () => ({ area: crs.validArea, crs: crs.uri }));
  return crs.latLon ? toLonLat(parsed) : parsed;
}

/** The items where-callback for the request's filter, if any (the seam of `featuresRouter`). */
export function cql2Filter(knex: Knex) {
  return (req: Request): FeatureFilter['where'] | undefined => {
    const query = Object.fromEntries(Object.entries(req.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const expression = parseFeatureFilter(query);
    if (!expression) return undefined;
    const reads = new Set<string>();
    const recording: Scope = { resolve: (ref) => (reads.add(ref.path.join('.')), queryablesScope.resolve(ref)) };
    const condition = toRaw(knex, compileFilter(expression, recording, 'filter'));
    return { apply: (builder) => void builder.whereRaw(condition), reads };
  };
}
