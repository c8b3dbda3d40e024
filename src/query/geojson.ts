/**
 * Reads an untrusted JSON value as a GeoJSON geometry (RFC 7946 §3.1), as CQL2-JSON spatial literals require
 * (OGC 21-065r2 `geometryLiteral` in cql2.json). Only `type` and `coordinates`/`geometries` are kept; anything
 * malformed yields a reason string instead of a geometry.
 */
import { GEOMETRY_TYPES, geometryProblem, type Geometry, type SimpleGeometry } from './geometry';

/** Nesting depth of `coordinates` per geometry type. */
const COORDINATE_DEPTH: Readonly<Record<string, number>> = {
  Point: 0,
  LineString: 1,
  MultiPoint: 1,
  Polygon: 2,
  MultiLineString: 2,
  MultiPolygon: 3,
};

/** The geometry in `value`, or why it is not one. */
export function readGeoJsonGeometry(value: unknown): Geometry | string {
  const geometry = readStructure(value, true);
  if (typeof geometry === 'string') return geometry;
  return geometryProblem(geometry) ?? geometry;
}

function readStructure(value: unknown, allowCollection: boolean): Geometry | string {
  if (!isObject(value)) return 'a geometry must be an object';
  const type = value['type'];
  if (typeof type !== 'string' || !(GEOMETRY_TYPES as readonly string[]).includes(type)) {
    return 'a geometry needs a GeoJSON "type" (Point, LineString, Polygon, Multi…, GeometryCollection)';
  }
  if (type === 'GeometryCollection') {
    if (!allowCollection) return 'a GeometryCollection cannot contain another GeometryCollection';
    const members = value['geometries'];
    if (!Array.isArray(members)) return 'a GeometryCollection needs a "geometries" array';
    const geometries: SimpleGeometry[] = [];
    for (const member of members) {
      const geometry = readStructure(member, false);
      if (typeof geometry === 'string') return geometry;
      geometries.push(geometry as SimpleGeometry);
    }
    return { type: 'GeometryCollection', geometries };
  }
  const coordinates = value['coordinates'];
  const depth = COORDINATE_DEPTH[type] ?? 0;
  if (!hasDepth(coordinates, depth))
    return `"coordinates" of a ${type} must be ${'an array of '.repeat(depth)}positions`;
  return { type, coordinates } as Geometry;
}

/** Whether `value` is arrays nested `depth` deep around positions (arrays of numbers). */
function hasDepth(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 0) return value.every((c) => typeof c === 'number');
  return value.every((member) => hasDepth(member, depth - 1));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
