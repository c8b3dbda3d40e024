/**
 * Pratt parser for STA expressions (OGC 18-088 §9.3: `$filter`, `$orderby`, `$select`) with
 * OData 4.0/4.01 precedence, tightest first: `in`, then `not` and unary `-`, `mul div mod`, `add sub`,
 * `gt ge lt le`, `eq ne`, `and`, `or`. Operators and `true/false/null` are matched case-insensitively.
 * Note that `not` binds tighter than comparisons, so `not a eq 1` is `(not a) eq 1` — write `not (a eq 1)`.
 */
import type { DateLiteral, DateTimeLiteral, DurationLiteral, Expression, GeometryLiteral, PropertyRef } from './ast';
import * as build from './build';
import { STA_FUNCTIONS } from './functions';
import { DepthGuard, checkText, resolveLimits, type QueryLimits } from './limits';
import { ODataLexer, type ODataToken } from './odata-lexer';
import { ParserBase } from './parser-base';
import { failFor, quoteToken } from './query-error';
import { durationProblem } from './temporal';
import { parseWkt } from './wkt';

/** A `$orderby` item. */
export interface OrderByItem {
  expr: Expression;
  direction: 'asc' | 'desc';
  pos: number;
}

/** A `$select` item: a property or a path into a JSON property (`properties/owner`, `properties/list/0`). */
export interface SelectItem {
  path: string[];
  pos: number;
}

/** Where the text to parse is: `text[start, end)` of the option `option` (positions are offsets in `text`). */
export interface ODataSource {
  option: string;
  text: string;
  start: number;
  end: number;
  limits: QueryLimits;
}

type Infix = { bp: number; kind: 'logical' | 'comparison' | 'arithmetic' | 'in' };

/** Infix operators by lower-case name (a Map, so names like `constructor` are never found on a prototype). */
const INFIX: ReadonlyMap<string, Infix> = new Map<string, Infix>([
  ['or', { bp: 1, kind: 'logical' }],
  ['and', { bp: 2, kind: 'logical' }],
  ['eq', { bp: 3, kind: 'comparison' }],
  ['ne', { bp: 3, kind: 'comparison' }],
  ['gt', { bp: 4, kind: 'comparison' }],
  ['ge', { bp: 4, kind: 'comparison' }],
  ['lt', { bp: 4, kind: 'comparison' }],
  ['le', { bp: 4, kind: 'comparison' }],
  ['add', { bp: 5, kind: 'arithmetic' }],
  ['sub', { bp: 5, kind: 'arithmetic' }],
  ['mul', { bp: 6, kind: 'arithmetic' }],
  ['div', { bp: 6, kind: 'arithmetic' }],
  ['mod', { bp: 6, kind: 'arithmetic' }],
  ['in', { bp: 8, kind: 'in' }],
]);
const UNARY_BP = 7;
const DEFAULT_SRID = 4326;

/** Parses a whole `$filter` text into a condition. */
export function parseFilter(
  text: string,
  options: { option?: string; limits?: Partial<QueryLimits> } = {},
): Expression {
  const option = options.option ?? '$filter';
  const limits = resolveLimits(options.limits);
  checkText(text, limits, failFor(option));
  return new ODataExpressionParser({ option, text, start: 0, end: text.length, limits }).parseFilter();
}

/** Parses the expression syntax of one option's text (or a slice of it, inside `$expand`). */
export class ODataExpressionParser extends ParserBase<ODataToken> {
  private readonly source: ODataSource;

  constructor(source: ODataSource) {
    const fail = failFor(source.option);
    const lexer = new ODataLexer(source.text, source.start, source.end, fail);
    super(lexer, fail, new DepthGuard(source.limits, fail));
    this.source = source;
  }

  /** `$filter`: one boolean expression. */
  parseFilter(): Expression {
    const start = this.lexer.peek();
    const expr = this.expression(0);
    this.expectEnd();
    this.checked(() => build.requireBoolean(expr, '$filter'), start);
    return expr;
  }

  /** `$orderby`: `expr [asc|desc] {, expr [asc|desc]}`. */
  parseOrderBy(): OrderByItem[] {
    return this.commaList(() => {
      const pos = this.lexer.peek().pos;
      const expr = this.expression(0);
      const next = this.lexer.peek();
      const word = next.kind === 'ident' ? next.text.toLowerCase() : '';
      if (word === 'asc' || word === 'desc') this.lexer.next();
      return { expr, direction: word === 'desc' ? 'desc' : 'asc', pos };
    });
  }

  /** `$select`: `path {, path}`. */
  parseSelect(): SelectItem[] {
    return this.commaList(() => {
      const first = this.lexer.next();
      if (first.kind !== 'ident') this.unexpected(first, 'a property name');
      return { path: this.path(first).path, pos: first.pos };
    });
  }

  /** A `$expand` navigation path `Nav{/Nav}`; returns its segments. */
  parseNavigationPath(): string[] {
    const segments: string[] = [];
    do {
      const segment = this.lexer.next();
      if (segment.kind !== 'ident') this.unexpected(segment, 'a navigation property name');
      segments.push(segment.text);
    } while (this.acceptPunct('/'));
    this.expectEnd();
    return segments;
  }

  private commaList<T>(item: () => T): T[] {
    const items = [item()];
    while (this.acceptPunct(',')) items.push(item());
    this.expectEnd();
    return items;
  }

  private expression(minBp: number): Expression {
    const start = this.lexer.peek();
    this.depth.enter(start.pos, start.text);
    let left = this.prefix();
    for (;;) {
      const token = this.lexer.peek();
      const op = token.kind === 'ident' ? token.text.toLowerCase() : '';
      const infix = INFIX.get(op);
      if (infix === undefined || infix.bp <= minBp) break;
      this.lexer.next();
      left = infix.kind === 'in' ? this.inList(left, token) : this.binary(op, infix, left, token);
    }
    this.depth.leave();
    return left;
  }

  private binary(op: string, infix: Infix, left: Expression, token: ODataToken): Expression {
    const right = this.expression(infix.bp);
    return this.checked(() => {
      switch (infix.kind) {
        case 'logical':
          return build.logical(op as 'and' | 'or', [left, right], left.pos);
        case 'comparison':
          return build.comparison(op as 'eq', left, right, left.pos);
        default:
          return build.arithmetic(op as 'add', left, right, left.pos);
      }
    }, token);
  }

  private inList(value: Expression, token: ODataToken): Expression {
    this.expectPunct('(');
    const list = [this.expression(0)];
    while (this.acceptPunct(',')) list.push(this.expression(0));
    this.expectPunct(')');
    return this.checked(() => build.inList(value, list, value.pos), token);
  }

  private prefix(): Expression {
    const token = this.lexer.next();
    const pos = token.pos;
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value, pos };
      case 'number':
        return this.checked(() => build.numberLiteral(token.text, pos), token);
      case 'date':
        return { kind: 'date', value: token.text, pos };
      case 'dateTime':
        return { kind: 'dateTime', value: token.text, pos };
      case 'time':
        return { kind: 'time', value: token.text, pos };
      case 'interval':
        return this.interval(token);
      case 'typed':
        return this.typedLiteral(token);
      case 'punct':
        if (token.text === '(') {
          const inner = this.expression(0);
          this.expectPunct(')');
          return inner;
        }
        if (token.text === '-') {
          const arg = this.expression(UNARY_BP);
          return this.checked(() => build.negate(arg, pos), token);
        }
        return this.unexpected(token, 'an expression');
      case 'ident':
        return this.identifier(token);
      case 'eof':
        return this.unexpected(token, 'an expression');
    }
  }

  private identifier(token: ODataToken): Expression {
    const word = token.text.toLowerCase();
    if (word === 'not') {
      const arg = this.expression(UNARY_BP);
      return this.checked(() => build.not(arg, token.pos), token);
    }
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true', pos: token.pos };
    if (word === 'null') return { kind: 'null', pos: token.pos };
    const next = this.lexer.peek();
    if (next.kind === 'punct' && next.text === '(') return this.functionCall(token);
    return this.path(token);
  }

  private functionCall(name: ODataToken): Expression {
    const sig = STA_FUNCTIONS.get(name.text.toLowerCase());
    if (!sig) this.fail(name.pos, name.text, `unknown function ${quoteToken(name.text)}`);
    this.expectPunct('(');
    const args: Expression[] = [];
    if (!this.acceptPunct(')')) {
      do args.push(this.expression(0));
      while (this.acceptPunct(','));
      this.expectPunct(')');
    }
    return this.checked(() => build.call(sig, args, name.pos), name);
  }

  /** `seg{/seg}` where later segments may be array indexes, also written `[n]`. */
  private path(first: ODataToken): PropertyRef {
    const path = [first.text];
    for (;;) {
      if (this.acceptPunct('/')) {
        const segment = this.lexer.next();
        const isIndex = segment.kind === 'number' && /^\d+$/.test(segment.text);
        if (segment.kind !== 'ident' && !isIndex) this.unexpected(segment, "a property name after '/'");
        path.push(segment.text);
      } else if (this.acceptPunct('[')) {
        const index = this.lexer.next();
        if (index.kind !== 'number' || !/^\d+$/.test(index.text)) this.unexpected(index, "an array index after '['");
        this.expectPunct(']');
        path.push(index.text);
      } else {
        return { kind: 'property', path, pos: first.pos };
      }
    }
  }

  private interval(token: ODataToken): Expression {
    const slash = token.text.indexOf('/');
    const instant = (text: string, pos: number): DateLiteral | DateTimeLiteral =>
      text.includes('T') ? { kind: 'dateTime', value: text, pos } : { kind: 'date', value: text, pos };
    return {
      kind: 'interval',
      start: instant(token.text.slice(0, slash), token.pos),
      end: instant(token.text.slice(slash + 1), token.pos + slash + 1),
      pos: token.pos,
    };
  }

  /** `duration'PT1H'`, `geography'SRID=4326;POINT(1 2)'`, `geometry'LINESTRING(…)'`. */
  private typedLiteral(token: ODataToken): DurationLiteral | GeometryLiteral {
    const contentStart = token.pos + (token.prefix?.length ?? 0) + 1;
    if (token.prefix === 'duration') {
      const problem = durationProblem(token.value);
      if (problem) this.fail(contentStart, token.value, problem);
      return { kind: 'duration', value: token.value.toUpperCase(), pos: token.pos };
    }
    const contentEnd = token.end - 1;
    const text = this.source.text;
    const sridMatch = /\s*SRID=(\d{1,9})\s*;/iy;
    sridMatch.lastIndex = contentStart;
    const srid = sridMatch.exec(text.slice(0, contentEnd));
    const wktStart = srid ? sridMatch.lastIndex : contentStart;
    const { geometry, end } = parseWkt(text, wktStart, contentEnd, this.fail);
    const rest = text.slice(end, contentEnd);
    if (rest.trim() !== '') this.fail(end + rest.search(/\S/), rest.trim(), 'unexpected text after the geometry');
    return { kind: 'geometry', geometry, srid: srid ? Number(srid[1]) : DEFAULT_SRID, pos: token.pos };
  }
}
