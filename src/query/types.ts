/**
 * Static typing of filter expressions at parse time: the type of a node, whether an argument fits a parameter
 * and whether two operands can be compared. Properties are `any` (the compiler knows their types), so only
 * mismatches between literals and function results are caught here — e.g. `length(5)`, `year('x')`,
 * `'a' eq 1`, `not 5` — as the STA filter grammar (OGC 18-088 §9.3) and CQL2 (OGC 21-065r2) require.
 */
import type { Expression, ValueType } from './ast';
import type { ParamType } from './functions';

/** The static type of an expression. */
export function typeOf(e: Expression): ValueType {
  switch (e.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'dateTime':
    case 'date':
    case 'time':
    case 'duration':
    case 'interval':
    case 'geometry':
    case 'array':
      return e.kind;
    case 'property':
      return 'any';
    case 'function':
      return e.returns;
    case 'negate':
      return 'number';
    case 'arithmetic':
      return arithmeticType(typeOf(e.left), typeOf(e.right));
    case 'comparison':
    case 'logical':
    case 'not':
    case 'in':
    case 'like':
    case 'between':
    case 'isNull':
    case 'spatial':
    case 'temporal':
    case 'arrayPredicate':
      return 'boolean';
  }
}

const INSTANTS: ReadonlySet<ValueType> = new Set(['dateTime', 'date', 'time']);

function arithmeticType(left: ValueType, right: ValueType): ValueType {
  if (left === 'number' && right === 'number') return 'number';
  if (INSTANTS.has(left) && right === 'duration') return left;
  if (left === 'duration' && right === 'duration') return 'duration';
  if (left === 'number' || right === 'number') return 'number';
  return left === 'any' || right === 'any' || left === 'null' || right === 'null' ? 'any' : 'number';
}

/** Whether an argument of static type `actual` may be passed where `param` is expected. */
export function accepts(param: ParamType, actual: ValueType): boolean {
  if (actual === 'any' || actual === 'null' || param === 'any') return true;
  if (param === 'dateTime') return INSTANTS.has(actual);
  if (param === 'temporal') return actual === 'dateTime' || actual === 'date' || actual === 'interval';
  return param === actual;
}

/** Families of mutually comparable types. */
function family(t: ValueType): string {
  return INSTANTS.has(t) || t === 'interval' ? 'temporal' : t;
}

/** Whether values of the two static types can be compared with `eq`, `lt`, `in`, …. */
export function comparable(a: ValueType, b: ValueType): boolean {
  if (a === 'any' || b === 'any' || a === 'null' || b === 'null') return true;
  return family(a) === family(b);
}

/** Whether an operand of this type can take part in arithmetic (`add`, `+`, …). */
export function isArithmetic(t: ValueType): boolean {
  return t === 'number' || t === 'any' || t === 'null' || t === 'duration' || INSTANTS.has(t);
}

/** Whether this type can be used as a condition (`and`, `or`, `not`, a whole filter). */
export function isBoolean(t: ValueType): boolean {
  return t === 'boolean' || t === 'any' || t === 'null';
}

/** The type name as shown in messages. */
export function describeType(t: ParamType): string {
  switch (t) {
    case 'dateTime':
      return 'a date-time';
    case 'temporal':
      return 'a date, timestamp or interval';
    case 'any':
      return 'any value';
    case 'null':
      return 'null';
    case 'array':
    case 'interval':
      return `an ${t}`;
    default:
      return `a ${t}`;
  }
}
