/**
 * Geometry literals must lie where their CRS is defined (NL API rules `/geo/bbox-query-parameter`, applied to
 * filter literals too): a point at longitude 200, or an RD box of ±10 000 km, is a client error, not a filter
 * that silently matches nothing.
 */
import type { Expression } from './ast';
import type { Geometry, Position } from './geometry';
import { failFor } from './query-error';

/** Where coordinates are valid, in the literal's own axis order: [minA, minB, maxA, maxB]. */
export type Area = readonly [number, number, number, number];

/** The area of a literal's CRS and the CRS's name for messages. */
export interface CrsArea {
  area: Area;
  crs: string;
}

/** Longitude −180…180, latitude −90…90 (WGS 84 in x/y order). */
export const LON_LAT_AREA: CrsArea = { area: [-180, -90, 180, 90], crs: 'WGS 84 (longitude, latitude)' };

/** Whether the position (a, b) lies inside `area` (NaN never does). */
export function insideArea(area: Area, a: number, b: number): boolean {
  const [minA, minB, maxA, maxB] = area;
  return a >= minA && a <= maxA && b >= minB && b <= maxB;
}

/** Every position of a geometry. */
function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf);
  }
}

/**
 * Checks each geometry literal of `node` against the area of its SRID (`areaOf` returns none for an SRID it
 * does not know); a position outside is a 400 for `option` at the literal's position.
 */
export function checkLiteralAreas(node: Expression, option: string, areaOf: (srid: number) => CrsArea | undefined): void {
  if (node.kind === 'geometry') {
    const known = areaOf(node.srid);
    if (!known) return;
    const { area, crs } = known;
    const outside = positionsOf(node.geometry).find(([a = NaN, b = NaN]) => !insideArea(area, a, b));
    if (outside) failFor(option)(node.pos, '', `the geometry's position (${outside.join(' ')}) lies outside the area of ${crs} (${area.join(',')})`);
    return;
  }
  for (const child of Object.values(node)) {
    for (const item of Array.isArray(child) ? child : [child]) {
      if (item && typeof item === 'object' && 'kind' in item) checkLiteralAreas(item as Expression, option, areaOf);
    }
  }
}
