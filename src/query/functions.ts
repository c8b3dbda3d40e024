/**
 * Function signature tables: every function the STA `$filter` grammar knows (OGC 18-088 §9.3 built-in query
 * functions: string, date, math and geospatial) and every CQL2 function (OGC 21-065r2: CASEI, ACCENTI, S_*, T_*, A_*),
 * each with its arity, argument and result types and the AST node it becomes. Parsers look names up here, so an
 * unknown function, a wrong argument count or an obvious type mismatch is a parse error.
 */
import type { ArrayOp, SpatialOp, TemporalOp, ValueType } from './ast';

/**
 * Type expected of an argument. `dateTime` also accepts dates and times (e.g. `year(date)`); `temporal` accepts
 * any instant or interval; `any` accepts everything. An argument of static type `any` (a property) or `null`
 * satisfies every parameter type — the compiler checks those.
 */
export type ParamType = ValueType | 'temporal';

/** The AST node a call becomes. */
export type FunctionTarget =
  | { kind: 'function'; name: string }
  | { kind: 'spatial'; op: SpatialOp }
  | { kind: 'temporal'; op: TemporalOp }
  | { kind: 'arrayPredicate'; op: ArrayOp };

/** One entry of a function table. */
export interface FunctionSignature {
  /** Lower-case name as written in the query language (`substringof`, `geo.distance`, `s_intersects`). */
  name: string;
  /** Parameter types in order. */
  params: readonly ParamType[];
  /** How many leading parameters are required; the rest are optional. */
  minArgs: number;
  returns: ValueType;
  target: FunctionTarget;
}

type Spec = [name: string, params: ParamType[], returns: ValueType, target?: FunctionTarget, minArgs?: number];

function table(specs: Spec[]): ReadonlyMap<string, FunctionSignature> {
  return new Map(
    specs.map(([name, params, returns, target, minArgs]) => [
      name,
      { name, params, minArgs: minArgs ?? params.length, returns, target: target ?? { kind: 'function', name } },
    ]),
  );
}

const spatial = (op: SpatialOp): FunctionTarget => ({ kind: 'spatial', op });
const temporal = (op: TemporalOp): FunctionTarget => ({ kind: 'temporal', op });
const arrayOp = (op: ArrayOp): FunctionTarget => ({ kind: 'arrayPredicate', op });

const DATE_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'fractionalseconds', 'totaloffsetminutes'];
const SPATIAL_OPS: SpatialOp[] = [
  'equals',
  'disjoint',
  'touches',
  'within',
  'overlaps',
  'crosses',
  'intersects',
  'contains',
];
const TEMPORAL_OPS: TemporalOp[] = [
  'after',
  'before',
  'contains',
  'disjoint',
  'during',
  'equals',
  'finishedBy',
  'finishes',
  'intersects',
  'meets',
  'metBy',
  'overlappedBy',
  'overlaps',
  'startedBy',
  'starts',
];
const ARRAY_OPS: ArrayOp[] = ['equals', 'contains', 'containedBy', 'overlaps'];

/** STA 1.1 `$filter` functions (OGC 18-088 §9.3 built-in query functions), keyed by lower-case name. */
export const STA_FUNCTIONS: ReadonlyMap<string, FunctionSignature> = table([
  ['substringof', ['string', 'string'], 'boolean'],
  ['startswith', ['string', 'string'], 'boolean'],
  ['endswith', ['string', 'string'], 'boolean'],
  ['length', ['string'], 'number'],
  ['indexof', ['string', 'string'], 'number'],
  ['substring', ['string', 'number', 'number'], 'string', undefined, 2],
  ['tolower', ['string'], 'string'],
  ['toupper', ['string'], 'string'],
  ['trim', ['string'], 'string'],
  ['concat', ['string', 'string'], 'string'],
  ...DATE_PARTS.map((name): Spec => [name, ['dateTime'], 'number']),
  ['date', ['dateTime'], 'date'],
  ['time', ['dateTime'], 'time'],
  ['now', [], 'dateTime'],
  ['mindatetime', [], 'dateTime'],
  ['maxdatetime', [], 'dateTime'],
  ['round', ['number'], 'number'],
  ['floor', ['number'], 'number'],
  ['ceiling', ['number'], 'number'],
  ['geo.distance', ['geometry', 'geometry'], 'number'],
  ['geo.length', ['geometry'], 'number'],
  ['geo.intersects', ['geometry', 'geometry'], 'boolean', spatial('intersects')],
  ...SPATIAL_OPS.map((op): Spec => [`st_${op}`, ['geometry', 'geometry'], 'boolean', spatial(op)]),
  ['st_relate', ['geometry', 'geometry', 'string'], 'boolean', spatial('relate')],
]);

/** CQL2 functions and predicates written with call syntax, keyed by lower-case name. */
export const CQL2_FUNCTIONS: ReadonlyMap<string, FunctionSignature> = table([
  ['casei', ['string'], 'string'],
  ['accenti', ['string'], 'string'],
  ...SPATIAL_OPS.map((op): Spec => [`s_${op}`, ['geometry', 'geometry'], 'boolean', spatial(op)]),
  ...TEMPORAL_OPS.map((op): Spec => [`t_${op.toLowerCase()}`, ['temporal', 'temporal'], 'boolean', temporal(op)]),
  ...ARRAY_OPS.map((op): Spec => [`a_${op.toLowerCase()}`, ['array', 'array'], 'boolean', arrayOp(op)]),
]);
