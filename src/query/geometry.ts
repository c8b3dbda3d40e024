/**
 * GeoJSON geometry types (RFC 7946) used for every geometry literal in the filter AST, whether it arrived as WKT
 * (STA `geography'…'`, CQL2 text) or as GeoJSON (CQL2-JSON), plus the checks both encodings share and the CQL2
 * `BBOX` → polygon conversion (OGC 21-065r2, basic-spatial-functions / spatial-functions).
 */

/** x, y[, z] — longitude/easting first. */
export type Position = number[];

export interface Point {
  type: 'Point';
  coordinates: Position;
}
export interface LineString {
  type: 'LineString';
  coordinates: Position[];
}
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPoint {
  type: 'MultiPoint';
  coordinates: Position[];
}
export interface MultiLineString {
  type: 'MultiLineString';
  coordinates: Position[][];
}
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
/** Members are never collections themselves (CQL2 `geometryCollectionText` holds only simple geometries). */
export interface GeometryCollection {
  type: 'GeometryCollection';
  geometries: SimpleGeometry[];
}
export type SimpleGeometry = Point | LineString | Polygon | MultiPoint | MultiLineString | MultiPolygon;
export type Geometry = SimpleGeometry | GeometryCollection;

export const GEOMETRY_TYPES: readonly Geometry['type'][] = [
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'GeometryCollection',
];

/** Why a structurally well-formed geometry is unusable, or null when it is fine. */
export function geometryProblem(geometry: Geometry): string | null {
  const dims = new Set<number>();
  const problem = simpleProblems(geometry, dims);
  if (problem) return problem;
  return dims.size > 1 ? 'all coordinates of a geometry must have the same number of dimensions' : null;
}

function simpleProblems(g: Geometry, dims: Set<number>): string | null {
  switch (g.type) {
    case 'Point':
      return positionProblem(g.coordinates, dims);
    case 'LineString':
      return lineProblem(g.coordinates, dims);
    case 'MultiPoint':
      if (g.coordinates.length === 0) return 'a MultiPoint needs at least one point';
      return first(g.coordinates, (p) => positionProblem(p, dims));
    case 'Polygon':
      return polygonProblem(g.coordinates, dims);
    case 'MultiLineString':
      if (g.coordinates.length === 0) return 'a MultiLineString needs at least one line';
      return first(g.coordinates, (l) => lineProblem(l, dims));
    case 'MultiPolygon':
      if (g.coordinates.length === 0) return 'a MultiPolygon needs at least one polygon';
      return first(g.coordinates, (p) => polygonProblem(p, dims));
    case 'GeometryCollection':
      if (g.geometries.length === 0) return 'a GeometryCollection needs at least one geometry';
      return first(g.geometries, (m) => simpleProblems(m, dims));
  }
}

function first<T>(items: T[], check: (item: T) => string | null): string | null {
  for (const item of items) {
    const problem = check(item);
    if (problem) return problem;
  }
  return null;
}

function positionProblem(p: Position, dims: Set<number>): string | null {
  if (p.length < 2 || p.length > 3) return 'a position needs 2 or 3 coordinates';
  if (!p.every(Number.isFinite)) return 'coordinates must be finite numbers';
  dims.add(p.length);
  return null;
}

function lineProblem(line: Position[], dims: Set<number>): string | null {
  if (line.length < 2) return 'a LineString needs at least 2 positions';
  return first(line, (p) => positionProblem(p, dims));
}

function polygonProblem(rings: Position[][], dims: Set<number>): string | null {
  if (rings.length === 0) return 'a Polygon needs at least one ring';
  for (const ring of rings) {
    if (ring.length < 4) return 'a polygon ring needs at least 4 positions';
    const problem = first(ring, (p) => positionProblem(p, dims));
    if (problem) return problem;
    const start = ring[0] as Position;
    const end = ring[ring.length - 1] as Position;
    if (start.length !== end.length || start.some((c, i) => c !== end[i])) return 'a polygon ring must be closed';
  }
  return null;
}

/**
 * The polygon of a CQL2 bbox `[minx, miny, maxx, maxy]` or `[minx, miny, minz, maxx, maxy, maxz]` (z is dropped:
 * the filter compares footprints). A box with minx > maxx crosses the antimeridian and becomes two polygons.
 * Returns a reason string when the numbers do not form a box.
 */
export function bboxGeometry(values: number[]): Polygon | MultiPolygon | string {
  if (values.length !== 4 && values.length !== 6) return 'a bbox needs 4 or 6 numbers';
  if (!values.every(Number.isFinite)) return 'bbox values must be finite numbers';
  const half = values.length / 2;
  const [minx, miny] = values as [number, number];
  const maxx = values[half] as number;
  const maxy = values[half + 1] as number;
  if (miny > maxy) return 'bbox minimum y is greater than its maximum y';
  if (minx <= maxx) return { type: 'Polygon', coordinates: [box(minx, miny, maxx, maxy)] };
  return { type: 'MultiPolygon', coordinates: [[box(minx, miny, 180, maxy)], [box(-180, miny, maxx, maxy)]] };
}

function box(minx: number, miny: number, maxx: number, maxy: number): Position[] {
  return [
    [minx, miny],
    [maxx, miny],
    [maxx, maxy],
    [minx, maxy],
    [minx, miny],
  ];
}
