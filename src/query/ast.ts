/**
 * The one filter-expression AST. The STA `$filter` parser (OData grammar, OGC 18-088 §9.3 `$filter`) and both CQL2
 * encodings (OGC 21-065r2, text and JSON) produce it, and one SQL compiler consumes it with bound values only.
 * Where STA and CQL2 mean the same thing they share a node (STA `st_intersects`/`geo.intersects` and CQL2
 * `S_INTERSECTS` are both a {@link SpatialPredicate} with op `intersects`). Property paths keep their raw
 * segments; the compiler resolves them against the model. Every node carries `pos`, the 0-based offset of its
 * first character in the option's text (−1 for CQL2-JSON, which has no text positions).
 */
import type { Geometry } from './geometry';

/** Static type of an expression as far as the parser can know it; properties are `any` until compiled. */
export type ValueType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'dateTime'
  | 'date'
  | 'time'
  | 'duration'
  | 'interval'
  | 'geometry'
  | 'array'
  | 'null'
  | 'any';

interface Node {
  /** 0-based offset of the node's first character in the option text; −1 for CQL2-JSON. */
  pos: number;
}

/** `'text'` (STA, CQL2; `''` and CQL2 `\'` already unescaped) or a JSON string (CQL2-JSON). */
export interface StringLiteral extends Node {
  kind: 'string';
  value: string;
}

/** A number; `text` is the literal as written (sign included) so the compiler can bind it without float loss. */
export interface NumberLiteral extends Node {
  kind: 'number';
  value: number;
  text: string;
  /** True when written without fraction or exponent. */
  isInteger: boolean;
}

export interface BooleanLiteral extends Node {
  kind: 'boolean';
  value: boolean;
}

/** STA `null` (CQL2 has no null literal; it uses `IS NULL`). */
export interface NullLiteral extends Node {
  kind: 'null';
}

/** ISO 8601 date-time with zone (`Z` or `±hh:mm`), verbatim, fractional seconds kept. CQL2 `TIMESTAMP('…')`. */
export interface DateTimeLiteral extends Node {
  kind: 'dateTime';
  value: string;
}

/** `YYYY-MM-DD`. CQL2 `DATE('…')`. */
export interface DateLiteral extends Node {
  kind: 'date';
  value: string;
}

/** Time of day `hh:mm[:ss[.fff]]` (OData `timeOfDayValue`). */
export interface TimeLiteral extends Node {
  kind: 'time';
  value: string;
}

/** ISO 8601 duration, from STA `duration'PT1H'`, designators upper-cased. */
export interface DurationLiteral extends Node {
  kind: 'duration';
  value: string;
}

/**
 * A time interval: STA `start/end` (both instants), CQL2 `INTERVAL(a, b)` whose bounds may also be property
 * references or function calls. `null` is an open end (`'..'`).
 */
export interface IntervalLiteral extends Node {
  kind: 'interval';
  start: Expression | null;
  end: Expression | null;
}

/**
 * A geometry: WKT (STA `geography'…'`/`geometry'…'`, CQL2 text), GeoJSON (CQL2-JSON) or a CQL2 bbox (then
 * `bbox` keeps the original numbers and `geometry` is its polygon). `srid` comes from an OData `SRID=n;` prefix,
 * else from the caller (CQL2 `filter-crs`), default 4326 (lon/lat axis order as in CRS84).
 */
export interface GeometryLiteral extends Node {
  kind: 'geometry';
  geometry: Geometry;
  srid: number;
  bbox?: number[];
}

/** A list of values: CQL2 array `('a','b')` or JSON array. (STA/CQL2 `in (…)` lists live on {@link InList}.) */
export interface ArrayLiteral extends Node {
  kind: 'array';
  items: Expression[];
}

/**
 * A property reference with raw segments: STA `Datastreams/ObservedProperty/name` → three segments,
 * `properties/themes/0` and `properties/list[0]` → `[…, '0']`; a CQL2 property name is one segment
 * (dots and, when double-quoted, any characters included).
 */
export interface PropertyRef extends Node {
  kind: 'property';
  path: string[];
}

export type ComparisonOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** STA `eq ne lt le gt ge`, CQL2 `= <> < <= > >=`. `x eq null` is kept as is (the compiler emits IS NULL). */
export interface Comparison extends Node {
  kind: 'comparison';
  op: ComparisonOp;
  left: Expression;
  right: Expression;
}

/** `and` / `or` with two or more operands; directly nested operands with the same op are flattened. */
export interface Logical extends Node {
  kind: 'logical';
  op: 'and' | 'or';
  args: Expression[];
}

/** `not x`; CQL2 `NOT LIKE`, `NOT BETWEEN`, `NOT IN` and `IS NOT NULL` also become a Not around the predicate. */
export interface Not extends Node {
  kind: 'not';
  arg: Expression;
}

/**
 * `add sub mul div mod` (STA) and `+ - * / %` (CQL2) map to add/sub/mul/div/mod; `div` is division.
 * CQL2 `div` (integer division) is `intdiv`, CQL2 `^` is `pow`.
 */
export type ArithmeticOp = 'add' | 'sub' | 'mul' | 'div' | 'intdiv' | 'mod' | 'pow';

export interface Arithmetic extends Node {
  kind: 'arithmetic';
  op: ArithmeticOp;
  left: Expression;
  right: Expression;
}

/** Unary minus of a non-literal (a minus sign before a number literal is folded into the literal). */
export interface Negate extends Node {
  kind: 'negate';
  arg: Expression;
}

/** `value in (a, b, …)` — STA (OData 4.01 `in`) and CQL2 `IN`. */
export interface InList extends Node {
  kind: 'in';
  value: Expression;
  list: Expression[];
}

/** CQL2 `value LIKE pattern` (`%` any string, `_` one character); case/accent folding shows as casei/accenti calls. */
export interface Like extends Node {
  kind: 'like';
  value: Expression;
  pattern: Expression;
}

/** CQL2 `value BETWEEN low AND high` (inclusive). */
export interface Between extends Node {
  kind: 'between';
  value: Expression;
  low: Expression;
  high: Expression;
}

/** CQL2 `arg IS NULL`. */
export interface IsNull extends Node {
  kind: 'isNull';
  arg: Expression;
}

/**
 * A scalar function: the STA string, date, math and `geo.distance`/`geo.length` functions, and CQL2 `casei`,
 * `accenti`. `name` is the lower-case name as listed in `functions.ts`; `returns` is its result type.
 */
export interface FunctionCall extends Node {
  kind: 'function';
  name: string;
  args: Expression[];
  returns: ValueType;
}

export type SpatialOp =
  'intersects' | 'equals' | 'disjoint' | 'touches' | 'within' | 'overlaps' | 'crosses' | 'contains' | 'relate';

/**
 * Simple Features spatial relation of two geometries: STA `st_*`, `geo.intersects`, CQL2 `S_*`.
 * For `relate` (STA `st_relate`) `pattern` is the DE-9IM matrix pattern, e.g. `T********`.
 */
export interface SpatialPredicate extends Node {
  kind: 'spatial';
  op: SpatialOp;
  args: [Expression, Expression];
  pattern?: string;
}

export type TemporalOp =
  | 'after'
  | 'before'
  | 'contains'
  | 'disjoint'
  | 'during'
  | 'equals'
  | 'finishedBy'
  | 'finishes'
  | 'intersects'
  | 'meets'
  | 'metBy'
  | 'overlappedBy'
  | 'overlaps'
  | 'startedBy'
  | 'starts';

/** CQL2 `T_*` temporal relation (OGC 21-065r2 requirements class temporal-functions). */
export interface TemporalPredicate extends Node {
  kind: 'temporal';
  op: TemporalOp;
  args: [Expression, Expression];
}

export type ArrayOp = 'equals' | 'contains' | 'containedBy' | 'overlaps';

/** CQL2 `A_EQUALS`, `A_CONTAINS` (left ⊇ right), `A_CONTAINEDBY` (left ⊆ right), `A_OVERLAPS`. */
export interface ArrayPredicate extends Node {
  kind: 'arrayPredicate';
  op: ArrayOp;
  args: [Expression, Expression];
}

export type Literal =
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | DateTimeLiteral
  | DateLiteral
  | TimeLiteral
  | DurationLiteral
  | IntervalLiteral
  | GeometryLiteral
  | ArrayLiteral;

/** Every node of the filter AST, discriminated by `kind`. */
export type Expression =
  | Literal
  | PropertyRef
  | Comparison
  | Logical
  | Not
  | Arithmetic
  | Negate
  | InList
  | Like
  | Between
  | IsNull
  | FunctionCall
  | SpatialPredicate
  | TemporalPredicate
  | ArrayPredicate;
