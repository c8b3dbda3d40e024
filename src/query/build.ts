/**
 * Node constructors shared by the STA `$filter`, CQL2-text and CQL2-JSON parsers, so every encoding builds and
 * type-checks the AST the same way (OGC 18-088 §9.3 `$filter` operators and functions; OGC 21-065r2 predicates).
 * They know nothing of positions in text: a problem is thrown as {@link BuildProblem} naming the node at fault,
 * and each parser turns that into a {@link QueryError} with its own notion of location.
 */
import type {
  ArithmeticOp,
  ComparisonOp,
  Expression,
  FunctionCall,
  InList,
  Logical,
  NumberLiteral,
  SpatialPredicate,
} from './ast';
import type { FunctionSignature } from './functions';
import { quoteToken } from './query-error';
import { accepts, comparable, describeType, isArithmetic, isBoolean, typeOf } from './types';

/** A type or arity problem; `node` is the offending operand, or null when the construct itself is at fault. */
export class BuildProblem extends Error {
  constructor(
    readonly node: Expression | null,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'BuildProblem';
  }
}

/** A number literal from its source text; fails on values that do not fit a double. */
export function numberLiteral(text: string, pos: number): NumberLiteral {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new BuildProblem(null, `number ${quoteToken(text)} is out of range`);
  return { kind: 'number', value, text, isInteger: !/[.eE]/.test(text), pos };
}

export function comparison(op: ComparisonOp, left: Expression, right: Expression, pos: number): Expression {
  requireComparable(left, right, op);
  return { kind: 'comparison', op, left, right, pos };
}

/** `and`/`or` over two or more operands; operands that are the same operator are flattened into this one. */
export function logical(op: Logical['op'], args: Expression[], pos: number): Logical {
  const flat: Expression[] = [];
  for (const arg of args) {
    requireBoolean(arg, `'${op}'`);
    if (arg.kind === 'logical' && arg.op === op) flat.push(...arg.args);
    else flat.push(arg);
  }
  return { kind: 'logical', op, args: flat, pos };
}

export function not(arg: Expression, pos: number): Expression {
  requireBoolean(arg, "'not'");
  return { kind: 'not', arg, pos };
}

export function arithmetic(op: ArithmeticOp, left: Expression, right: Expression, pos: number): Expression {
  for (const operand of [left, right]) {
    const t = typeOf(operand);
    const temporalOk = op === 'add' || op === 'sub' || t === 'number' || t === 'any' || t === 'null';
    if (!isArithmetic(t) || !temporalOk)
      throw new BuildProblem(operand, `'${op}' needs numbers, got ${describeType(t)}`);
  }
  return { kind: 'arithmetic', op, left, right, pos };
}

/** Unary minus; folded into a number literal when applied to one. */
export function negate(arg: Expression, pos: number): Expression {
  if (arg.kind === 'number') {
    const text = arg.text.startsWith('-') ? arg.text.slice(1) : `-${arg.text}`;
    return { ...arg, value: -arg.value, text, pos };
  }
  const t = typeOf(arg);
  if (t !== 'number' && t !== 'any' && t !== 'null') {
    throw new BuildProblem(arg, `unary minus needs a number, got ${describeType(t)}`);
  }
  return { kind: 'negate', arg, pos };
}

export function inList(value: Expression, list: Expression[], pos: number): InList {
  if (list.length === 0) throw new BuildProblem(null, "'in' needs at least one value");
  for (const item of list) requireComparable(value, item, 'in');
  return { kind: 'in', value, list, pos };
}

export function like(value: Expression, pattern: Expression, pos: number): Expression {
  requireType(value, 'string', "'like'");
  requireType(pattern, 'string', "'like' pattern");
  return { kind: 'like', value, pattern, pos };
}

export function between(value: Expression, low: Expression, high: Expression, pos: number): Expression {
  for (const operand of [value, low, high]) requireType(operand, 'number', "'between'");
  return { kind: 'between', value, low, high, pos };
}

export function isNull(arg: Expression, pos: number): Expression {
  return { kind: 'isNull', arg, pos };
}

/** A call checked against its signature; becomes a function, spatial, temporal or array-predicate node. */
export function call(sig: FunctionSignature, args: Expression[], pos: number): Expression {
  if (args.length < sig.minArgs || args.length > sig.params.length) {
    const count = sig.minArgs === sig.params.length ? `${sig.minArgs}` : `${sig.minArgs} to ${sig.params.length}`;
    throw new BuildProblem(
      null,
      `${sig.name}() takes ${count} argument${count === '1' ? '' : 's'}, got ${args.length}`,
    );
  }
  args.forEach((arg, i) => {
    const param = sig.params[i] ?? 'any';
    if (!accepts(param, typeOf(arg))) {
      throw new BuildProblem(
        arg,
        `argument ${i + 1} of ${sig.name}() must be ${describeType(param)}, got ${describeType(typeOf(arg))}`,
      );
    }
  });
  const [first, second] = args as [Expression, Expression];
  switch (sig.target.kind) {
    case 'function':
      return { kind: 'function', name: sig.target.name, args, returns: sig.returns, pos } satisfies FunctionCall;
    case 'spatial':
      return spatialNode(sig.target.op, args, pos);
    case 'temporal':
      return { kind: 'temporal', op: sig.target.op, args: [first, second], pos };
    case 'arrayPredicate':
      return { kind: 'arrayPredicate', op: sig.target.op, args: [first, second], pos };
  }
}

function spatialNode(op: SpatialPredicate['op'], args: Expression[], pos: number): SpatialPredicate {
  const [first, second, pattern] = args as [Expression, Expression, Expression | undefined];
  if (op !== 'relate') return { kind: 'spatial', op, args: [first, second], pos };
  if (pattern?.kind !== 'string' || !/^[TF*012]{9}$/i.test(pattern.value)) {
    throw new BuildProblem(pattern ?? null, 'st_relate() needs a DE-9IM pattern of 9 characters from T F * 0 1 2');
  }
  return { kind: 'spatial', op, args: [first, second], pattern: pattern.value.toUpperCase(), pos };
}

/** Fails unless the expression can be a condition; `what` names the construct for the message. */
export function requireBoolean(e: Expression, what: string): void {
  const t = typeOf(e);
  if (!isBoolean(t)) throw new BuildProblem(e, `${what} needs a condition, got ${describeType(t)}`);
}

function requireType(e: Expression, expected: 'string' | 'number', what: string): void {
  const t = typeOf(e);
  if (!accepts(expected, t))
    throw new BuildProblem(e, `${what} needs ${describeType(expected)}, got ${describeType(t)}`);
}

function requireComparable(left: Expression, right: Expression, op: string): void {
  const [a, b] = [typeOf(left), typeOf(right)];
  if (!comparable(a, b)) {
    throw new BuildProblem(right, `'${op}' cannot compare ${describeType(a)} with ${describeType(b)}`);
  }
}
