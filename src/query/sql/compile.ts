/**
 * The one SQL compiler of the filter AST: STA `$filter` and OGC API – Features CQL2 both compile here into
 * an SQL boolean with bound values. Paths are resolved by a {@link Scope}; a predicate whose path crosses a
 * relation becomes `EXISTS (…)` over the related entities ("any" semantics for to-many relations).
 */
import type { Expression, PropertyRef } from '../ast';
import { failFor, type Fail } from '../query-error';
import { asBoolean, asNumber, asText, value } from './coerce';
import { compare } from './compare';
import { callFunction } from './functions';
import { arrayJson, literalValue } from './literals';
import { arrayPredicate, spatialPredicate, temporalPredicate } from './predicates';
import type { Hop, Scope, Value } from './scope';
import { join, raw, sql, type Sql } from './sql';

const ARITHMETIC = { add: '+', sub: '-', mul: '*', pow: '^' } as const;

/** Every property reference in `node` (interval bounds and arguments included). */
function references(node: Expression, found: PropertyRef[] = []): PropertyRef[] {
  switch (node.kind) {
    case 'property':
      found.push(node);
      break;
    case 'comparison':
    case 'arithmetic':
      references(node.left, found);
      references(node.right, found);
      break;
    case 'logical':
    case 'function':
      node.args.forEach((arg) => references(arg, found));
      break;
    case 'spatial':
    case 'temporal':
    case 'arrayPredicate':
      node.args.forEach((arg) => references(arg, found));
      break;
    case 'not':
    case 'negate':
    case 'isNull':
      references(node.arg, found);
      break;
    case 'in':
      references(node.value, found);
      node.list.forEach((item) => references(item, found));
      break;
    case 'like':
      references(node.value, found);
      references(node.pattern, found);
      break;
    case 'between':
      references(node.value, found);
      references(node.low, found);
      references(node.high, found);
      break;
    case 'interval':
      if (node.start) references(node.start, found);
      if (node.end) references(node.end, found);
      break;
    case 'array':
      node.items.forEach((item) => references(item, found));
      break;
    default:
      break;
  }
  return found;
}

class Compiler {
  constructor(private readonly fail: Fail) {}

  /** A boolean condition. */
  predicate(node: Expression, scope: Scope): Sql {
    switch (node.kind) {
      case 'logical':
        return sql`(${join(node.args.map((arg) => this.predicate(arg, scope)), node.op === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return sql`(NOT ${this.predicate(node.arg, scope)})`;
      default: {
        const hop = this.firstHop(node, scope);
        if (hop) return hop.exists((inner) => this.predicate(node, inner));
        return asBoolean(this.leaf(node, scope), this.fail, node.pos);
      }
    }
  }

  /** A value (for $orderby and operands): to-one paths only. */
  value(node: Expression, scope: Scope): Value {
    if (node.kind === 'property') {
      const resolved = scope.resolve(node);
      if (resolved.kind === 'value') return resolved.value;
      if (resolved.hop.many) {
        return this.fail(node.pos, node.path.join('/'), `'${node.path.join('/')}' leads to many entities; use it inside a comparison`);
      }
      return resolved.hop.scalar((inner) => this.value(node, inner));
    }
    return this.leaf(node, scope);
  }

  private firstHop(node: Expression, scope: Scope): Hop | undefined {
    for (const ref of references(node)) {
      const resolved = scope.resolve(ref);
      if (resolved.kind === 'hop') return resolved.hop;
    }
    return undefined;
  }

  private leaf(node: Expression, scope: Scope): Value {
    const fail = this.fail;
    const operand = (expr: Expression): Value => this.value(expr, scope);
    switch (node.kind) {
      case 'property':
        return operand(node);
      case 'comparison':
        return value(compare(node.op, operand(node.left), operand(node.right), fail, node.pos), 'boolean');
      case 'logical':
      case 'not':
        return value(this.predicate(node, scope), 'boolean');
      case 'arithmetic': {
        const left = asNumber(operand(node.left), fail, node.left.pos);
        const right = asNumber(operand(node.right), fail, node.right.pos);
        switch (node.op) {
          case 'div':
            return value(sql`(${left} / NULLIF(${right}, 0))`, 'number');
          case 'intdiv':
            return value(sql`div(${left}, NULLIF(${right}, 0))`, 'number');
          case 'mod':
            return value(sql`mod(${left}, NULLIF(${right}, 0))`, 'number');
          default:
            return value(sql`(${left} ${raw(ARITHMETIC[node.op])} ${right})`, 'number');
        }
      }
      case 'negate':
        return value(sql`(- ${asNumber(operand(node.arg), fail, node.pos)})`, 'number');
      case 'in': {
        const subject = operand(node.value);
        const options = node.list.map((item) => compare('eq', subject, operand(item), fail, item.pos));
        return value(options.length ? sql`(${join(options, ' OR ')})` : sql`FALSE`, 'boolean');
      }
      case 'like':
        return value(sql`(${asText(operand(node.value), fail, node.pos)} LIKE ${asText(operand(node.pattern), fail, node.pattern.pos)})`, 'boolean');
      case 'between': {
        const subject = operand(node.value);
        return value(
          sql`(${compare('ge', subject, operand(node.low), fail, node.pos)} AND ${compare('le', subject, operand(node.high), fail, node.pos)})`,
          'boolean',
        );
      }
      case 'isNull':
        return value(compare('eq', operand(node.arg), value(sql`NULL`, 'null'), fail, node.pos), 'boolean');
      case 'function':
        return callFunction(node.name, node.args.map(operand), fail, node.pos);
      case 'spatial':
        return value(spatialPredicate(node.op, operand(node.args[0]), operand(node.args[1]), node.pattern, fail, node.pos), 'boolean');
      case 'temporal':
        return value(temporalPredicate(node.op, operand(node.args[0]), operand(node.args[1]), fail, node.pos), 'boolean');
      case 'arrayPredicate':
        return value(arrayPredicate(node.op, operand(node.args[0]), arrayJson(node.args[1], fail), fail, node.pos), 'boolean');
      default:
        return literalValue(node, fail, operand);
    }
  }
}

/** Compiles a filter into an SQL boolean; errors name `option` (`$filter`, `filter`). */
export function compileFilter(node: Expression, scope: Scope, option: string): Sql {
  return new Compiler(failFor(option)).predicate(node, scope);
}

/** Compiles an expression into a value (for `$orderby`, `sortby`). */
export function compileValue(node: Expression, scope: Scope, option: string): Value {
  return new Compiler(failFor(option)).value(node, scope);
}
