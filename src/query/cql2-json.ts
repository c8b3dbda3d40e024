/**
 * CQL2-JSON encoding (OGC 21-065r2 cql2-json conformance class, schema `cql2.json`) → the shared filter AST,
 * built by the same constructors as CQL2 text, so both encodings of a predicate give the same tree (positions
 * aside: JSON nodes have `pos` −1). Accepts the parsed JSON value or its text. Invalid structure raises a
 * {@link QueryError} for option `filter` whose `token` is the JSON path of the fault, e.g. `$.args[1].op`.
 */
import type { Expression } from './ast';
import * as build from './build';
import { BuildProblem } from './build';
import { CQL2_ARITHMETIC, CQL2_COMPARISON } from './cql2-operators';
import type { Cql2Options } from './cql2-text';
import { CQL2_FUNCTIONS } from './functions';
import { readGeoJsonGeometry } from './geojson';
import { bboxGeometry } from './geometry';
import { checkText, resolveLimits, type QueryLimits } from './limits';
import { failFor, quoteToken, type Fail } from './query-error';
import { cql2TimestampProblem, dateProblem } from './temporal';

const OPTION = 'filter';
const DEFAULT_SRID = 4326;

/** Parses a CQL2-JSON filter (a parsed JSON value, or JSON text) into a condition. */
export function parseCql2Json(json: unknown, options: Cql2Options = {}): Expression {
  const limits = resolveLimits(options.limits);
  const fail = failFor(OPTION);
  const value = typeof json === 'string' ? parseJsonText(json, limits, fail) : json;
  const reader = new Cql2JsonReader(limits, options.srid ?? DEFAULT_SRID, fail);
  const expr = reader.expression(value, '$');
  reader.checked(() => build.requireBoolean(expr, 'the filter'), '$');
  return expr;
}

function parseJsonText(text: string, limits: QueryLimits, fail: Fail): unknown {
  checkText(text, limits, fail);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const position = Number(/position (\d+)/.exec(String(e))?.[1] ?? -1);
    return fail(position, position >= 0 ? text.charAt(position) : '$', 'not valid JSON');
  }
}

class Cql2JsonReader {
  /** JSON path of every node built, for messages about a node found wrong later (e.g. by type checks). */
  private readonly paths = new WeakMap<Expression, string>();
  private depth = 0;

  constructor(
    private readonly limits: QueryLimits,
    private readonly srid: number,
    private readonly fail: Fail,
  ) {}

  expression(value: unknown, path: string): Expression {
    this.depth += 1;
    if (this.depth > this.limits.maxDepth) this.failAt(path, `nesting deeper than ${this.limits.maxDepth} levels`);
    const node = this.read(value, path);
    this.paths.set(node, path);
    this.depth -= 1;
    return node;
  }

  /** Runs a node constructor; a {@link BuildProblem} becomes a QueryError at its node's path, else at `path`. */
  checked<T>(make: () => T, path: string): T {
    try {
      return make();
    } catch (e) {
      if (!(e instanceof BuildProblem)) throw e;
      return this.failAt((e.node && this.paths.get(e.node)) ?? path, e.reason);
    }
  }

  private read(value: unknown, path: string): Expression {
    if (typeof value === 'boolean') return { kind: 'boolean', value, pos: -1 };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return this.failAt(path, 'a NUL character is not allowed in a string');
      return { kind: 'string', value, pos: -1 };
    }
    if (typeof value === 'number') return this.checked(() => build.numberLiteral(String(value), -1), path);
    if (Array.isArray(value)) {
      return { kind: 'array', items: value.map((item, i) => this.expression(item, `${path}[${i}]`)), pos: -1 };
    }
    if (!isObject(value))
      return this.failAt(path, `${value === null ? 'null' : typeof value} is not a CQL2 expression`);
    if (has(value, 'op')) return this.operation(value, path);
    if (has(value, 'property')) {
      const name = value['property'];
      if (typeof name !== 'string' || name === '')
        this.failAt(`${path}.property`, 'a property name must be a non-empty string');
      return { kind: 'property', path: [name], pos: -1 };
    }
    if (has(value, 'date')) return this.instant(value['date'], 'date', `${path}.date`);
    if (has(value, 'timestamp')) return this.instant(value['timestamp'], 'dateTime', `${path}.timestamp`);
    if (has(value, 'interval')) return this.interval(value['interval'], `${path}.interval`);
    if (has(value, 'bbox')) return this.bbox(value['bbox'], `${path}.bbox`);
    if (has(value, 'type')) {
      const geometry = readGeoJsonGeometry(value);
      if (typeof geometry === 'string') this.failAt(path, geometry);
      return { kind: 'geometry', geometry, srid: this.srid, pos: -1 };
    }
    return this.failAt(
      path,
      'expected an object with "op", "property", "date", "timestamp", "interval", "bbox" or a GeoJSON "type"',
    );
  }

  /** `{"op": …, "args": […]}`: logical, comparison, advanced comparison, arithmetic operators and functions. */
  private operation(value: Record<string, unknown>, path: string): Expression {
    const op = value['op'];
    if (typeof op !== 'string') return this.failAt(`${path}.op`, '"op" must be a string');
    const rawArgs = value['args'];
    if (!Array.isArray(rawArgs)) return this.failAt(`${path}.args`, '"args" must be an array');
    const name = op.toLowerCase();
    const argsPath = `${path}.args`;
    const arity = (min: number, max = min): void => {
      if (rawArgs.length < min || rawArgs.length > max) {
        const count = max === Infinity ? `at least ${min}` : `${min}`;
        this.failAt(
          argsPath,
          `${quoteToken(op)} takes ${count} argument${min === 1 && max === 1 ? '' : 's'}, got ${rawArgs.length}`,
        );
      }
    };
    const args = (): Expression[] => rawArgs.map((arg, i) => this.expression(arg, `${argsPath}[${i}]`));
    const make = (f: (a: Expression[]) => Expression): Expression => {
      const built = args();
      return this.checked(() => f(built), path);
    };
    const comparisonOp = CQL2_COMPARISON.get(name);
    const arithmeticOp = CQL2_ARITHMETIC.get(name);
    if (comparisonOp) {
      arity(2);
      return make(([left, right]) => build.comparison(comparisonOp, left as Expression, right as Expression, -1));
    }
    if (arithmeticOp) {
      arity(2);
      return make(([left, right]) => build.arithmetic(arithmeticOp, left as Expression, right as Expression, -1));
    }
    switch (name) {
      case 'and':
      case 'or':
        arity(2, Infinity);
        return make((all) => build.logical(name, all, -1));
      case 'not':
        arity(1);
        return make(([arg]) => build.not(arg as Expression, -1));
      case 'like':
        arity(2);
        return make(([text, pattern]) => build.like(text as Expression, pattern as Expression, -1));
      case 'between':
        arity(3);
        return make(([v, low, high]) => build.between(v as Expression, low as Expression, high as Expression, -1));
      case 'isnull':
        arity(1);
        return make(([arg]) => build.isNull(arg as Expression, -1));
      case 'in':
        return this.inList(rawArgs, argsPath, path, arity);
      default: {
        const sig = CQL2_FUNCTIONS.get(name);
        if (!sig) return this.failAt(`${path}.op`, `unknown operator or function ${quoteToken(op)}`);
        return make((all) => build.call(sig, all, -1));
      }
    }
  }

  private inList(rawArgs: unknown[], argsPath: string, path: string, arity: (n: number) => void): Expression {
    arity(2);
    const list = rawArgs[1];
    if (!Array.isArray(list)) return this.failAt(`${argsPath}[1]`, 'the second argument of "in" must be an array');
    const value = this.expression(rawArgs[0], `${argsPath}[0]`);
    const items = list.map((item, i) => this.expression(item, `${argsPath}[1][${i}]`));
    return this.checked(() => build.inList(value, items, -1), path);
  }

  private instant(value: unknown, kind: 'date' | 'dateTime', path: string): Expression {
    if (typeof value !== 'string') return this.failAt(path, 'must be a string');
    const problem = kind === 'date' ? dateProblem(value) : cql2TimestampProblem(value);
    if (problem) this.failAt(path, problem);
    return { kind, value, pos: -1 };
  }

  /** `{"interval": [start, end]}`, each a date or timestamp string, `".."`, a property or a function. */
  private interval(value: unknown, path: string): Expression {
    if (!Array.isArray(value) || value.length !== 2)
      return this.failAt(path, 'an interval must be an array of 2 bounds');
    const [start, end] = value.map((bound: unknown, i): Expression | null => {
      const boundPath = `${path}[${i}]`;
      if (bound === '..') return null;
      if (typeof bound === 'string') return this.instant(bound, bound.includes('T') ? 'dateTime' : 'date', boundPath);
      const node = this.expression(bound, boundPath);
      if (node.kind !== 'property' && node.kind !== 'function' && !isInstant(node)) {
        this.failAt(boundPath, "an interval bound must be a date or timestamp string, '..', a property or a function");
      }
      return node;
    }) as [Expression | null, Expression | null];
    return { kind: 'interval', start, end, pos: -1 };
  }

  private bbox(value: unknown, path: string): Expression {
    if (!Array.isArray(value) || !value.every((n): n is number => typeof n === 'number')) {
      return this.failAt(path, 'a bbox must be an array of 4 or 6 numbers');
    }
    const geometry = bboxGeometry(value);
    if (typeof geometry === 'string') return this.failAt(path, geometry);
    return { kind: 'geometry', geometry, srid: this.srid, bbox: value, pos: -1 };
  }

  private failAt(path: string, reason: string): never {
    return this.fail(-1, path, reason);
  }
}

function has(value: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Date and timestamp literals are also accepted as interval bounds (`INTERVAL(DATE('…'), '..')`). */
function isInstant(e: Expression): boolean {
  return e.kind === 'date' || e.kind === 'dateTime';
}
