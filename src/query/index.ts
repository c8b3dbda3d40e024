/**
 * Public surface of the query parsers: STA query options and `$filter` (OGC 18-088 §9.3), CQL2 text and JSON
 * (OGC 21-065r2), all producing the one filter AST in `ast.ts`, and the {@link QueryError} they throw.
 */
export type * from './ast';
export type {
  Geometry,
  GeometryCollection,
  LineString,
  MultiLineString,
  MultiPoint,
  MultiPolygon,
  Point,
  Polygon,
  Position,
  SimpleGeometry,
} from './geometry';
export { QueryError } from './query-error';
export { DEFAULT_LIMITS, type QueryLimits } from './limits';
export {
  CQL2_FUNCTIONS,
  STA_FUNCTIONS,
  type FunctionSignature,
  type FunctionTarget,
  type ParamType,
} from './functions';
export { typeOf } from './types';
export { parseFilter, type OrderByItem, type SelectItem } from './parse-filter';
export { parseQueryOptions, type ExpandItem, type QueryOptions, type QueryOptionsConfig } from './parse-query-options';
export { parseCql2Text, type Cql2Options } from './cql2-text';
export { parseCql2Json } from './cql2-json';
