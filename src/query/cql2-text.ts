/**
 * CQL2 text encoding (OGC 21-065r2, conformance classes basic-cql2, cql2-text, advanced-comparison-operators,
 * case-/accent-insensitive-comparison, basic-spatial-functions(-plus), spatial-functions, temporal-functions,
 * array-functions, arithmetic) → the shared filter AST. Pratt parser; precedence, loosest first:
 * `OR`, `AND`, `NOT`, comparisons (`= <> < > <= >=`, `[NOT] LIKE`, `[NOT] BETWEEN … AND …`, `[NOT] IN (…)`,
 * `IS [NOT] NULL`), `+ -`, `* / % div`, `^` (right-associative), unary `-`. Keywords are case-insensitive.
 * Errors are {@link QueryError}s for the option `filter`.
 */
import type { Expression, GeometryLiteral } from './ast';
import * as build from './build';
import { Cql2Lexer, type Cql2Token } from './cql2-lexer';
import { CQL2_ARITHMETIC, CQL2_COMPARISON } from './cql2-operators';
import { CQL2_FUNCTIONS } from './functions';
import { bboxGeometry } from './geometry';
import { DepthGuard, checkText, resolveLimits, type QueryLimits } from './limits';
import { ParserBase } from './parser-base';
import { failFor, quoteToken } from './query-error';
import { cql2TimestampProblem, dateProblem } from './temporal';
import { WKT_TYPES, parseWkt } from './wkt';

/** Options of the CQL2 parsers. */
export interface Cql2Options {
  /** SRID of geometry literals, from `filter-crs`; default 4326 (CRS84 axis order). */
  srid?: number;
  limits?: Partial<QueryLimits>;
}

const OPTION = 'filter';
const DEFAULT_SRID = 4326;

const BP = { or: 10, and: 20, not: 25, compare: 30, add: 40, mul: 50, pow: 60, unary: 70 } as const;

const PREDICATE_WORDS = new Set(['LIKE', 'BETWEEN', 'IN']);

/** Parses a CQL2-text filter into a condition. */
export function parseCql2Text(text: string, options: Cql2Options = {}): Expression {
  const limits = resolveLimits(options.limits);
  checkText(text, limits, failFor(OPTION));
  return new Cql2TextParser(text, limits, options.srid ?? DEFAULT_SRID).parse();
}

class Cql2TextParser extends ParserBase<Cql2Token> {
  private readonly cql2Lexer: Cql2Lexer;

  constructor(
    private readonly text: string,
    limits: QueryLimits,
    private readonly srid: number,
  ) {
    const fail = failFor(OPTION);
    const lexer = new Cql2Lexer(text, fail);
    super(lexer, fail, new DepthGuard(limits, fail));
    this.cql2Lexer = lexer;
  }

  parse(): Expression {
    const start = this.lexer.peek();
    const expr = this.expression(0);
    this.expectEnd();
    this.checked(() => build.requireBoolean(expr, 'the filter'), start);
    return expr;
  }

  private expression(minBp: number): Expression {
    const start = this.lexer.peek();
    this.depth.enter(start.pos, start.text);
    let left = this.prefix();
    for (;;) {
      const token = this.lexer.peek();
      const bp = this.infixPower(token);
      if (bp === undefined || bp <= minBp) break;
      this.lexer.next();
      left = this.infix(token, bp, left);
    }
    this.depth.leave();
    return left;
  }

  /** Binding power of the token as an infix operator, or undefined when it cannot continue an expression. */
  private infixPower(token: Cql2Token): number | undefined {
    if (token.kind === 'op') {
      if (CQL2_COMPARISON.has(token.text)) return BP.compare;
      if (token.text === '+' || token.text === '-') return BP.add;
      return token.text === '^' ? BP.pow : BP.mul;
    }
    if (token.kind !== 'ident') return undefined;
    switch (token.text.toUpperCase()) {
      case 'OR':
        return BP.or;
      case 'AND':
        return BP.and;
      case 'LIKE':
      case 'BETWEEN':
      case 'IN':
      case 'IS':
        return BP.compare;
      case 'NOT':
        return PREDICATE_WORDS.has(this.cql2Lexer.peekSecond().text.toUpperCase()) ? BP.compare : undefined;
      case 'DIV':
        return BP.mul;
      default:
        return undefined;
    }
  }

  private infix(token: Cql2Token, bp: number, left: Expression): Expression {
    const word = token.kind === 'ident' ? token.text.toUpperCase() : token.text;
    const pos = left.pos;
    if (word === 'AND' || word === 'OR') {
      const right = this.expression(bp);
      return this.checked(() => build.logical(word === 'AND' ? 'and' : 'or', [left, right], pos), token);
    }
    const comparisonOp = CQL2_COMPARISON.get(word);
    if (comparisonOp) {
      const right = this.expression(bp);
      return this.checked(() => build.comparison(comparisonOp, left, right, pos), token);
    }
    const arithmeticOp = CQL2_ARITHMETIC.get(word.toLowerCase());
    if (arithmeticOp) {
      const right = this.expression(arithmeticOp === 'pow' ? bp - 1 : bp);
      return this.checked(() => build.arithmetic(arithmeticOp, left, right, pos), token);
    }
    if (word === 'IS') {
      const negated = this.acceptWord('NOT');
      this.expectWord('NULL');
      return this.negatedIf(negated, build.isNull(left, pos), token);
    }
    if (word === 'NOT') {
      const predicate = this.lexer.next();
      return this.negatedIf(true, this.predicate(predicate.text.toUpperCase(), left, predicate), token);
    }
    return this.predicate(word, left, token);
  }

  /** The right-hand side of LIKE, BETWEEN or IN. */
  private predicate(word: string, left: Expression, token: Cql2Token): Expression {
    const pos = left.pos;
    if (word === 'LIKE') {
      const pattern = this.expression(BP.compare);
      return this.checked(() => build.like(left, pattern, pos), token);
    }
    if (word === 'BETWEEN') {
      const low = this.expression(BP.compare);
      this.expectWord('AND');
      const high = this.expression(BP.compare);
      return this.checked(() => build.between(left, low, high, pos), token);
    }
    this.expectPunct('(');
    const list = [this.expression(0)];
    while (this.acceptPunct(',')) list.push(this.expression(0));
    this.expectPunct(')');
    return this.checked(() => build.inList(left, list, pos), token);
  }

  private negatedIf(negated: boolean, predicate: Expression, token: Cql2Token): Expression {
    return negated ? this.checked(() => build.not(predicate, predicate.pos), token) : predicate;
  }

  private prefix(): Expression {
    const token = this.lexer.next();
    const pos = token.pos;
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value, pos };
      case 'number':
        return this.checked(() => build.numberLiteral(token.text, pos), token);
      case 'quotedIdent':
        if (token.value === '') this.fail(pos, token.text, 'empty property name');
        return { kind: 'property', path: [token.value], pos };
      case 'op':
        return this.sign(token);
      case 'punct':
        if (token.text === '(') return this.groupOrArray(token);
        return this.unexpected(token, 'an expression');
      case 'ident':
        return this.identifier(token);
      case 'eof':
        return this.unexpected(token, 'an expression');
    }
  }

  /** Unary `-` (any numeric operand) or `+` (only before a number literal, as in `signedNumericLiteral`). */
  private sign(token: Cql2Token): Expression {
    if (token.text === '-') {
      const arg = this.expression(BP.unary);
      return this.checked(() => build.negate(arg, token.pos), token);
    }
    if (token.text !== '+' || this.lexer.peek().kind !== 'number') return this.unexpected(token, 'an expression');
    const number = this.lexer.next();
    return this.checked(() => build.numberLiteral(number.text, token.pos), number);
  }

  /** `( expr )`, or an array `()` / `(a, b, …)`. */
  private groupOrArray(open: Cql2Token): Expression {
    if (this.acceptPunct(')')) return { kind: 'array', items: [], pos: open.pos };
    const first = this.expression(0);
    if (!this.acceptPunct(',')) {
      this.expectPunct(')');
      return first;
    }
    const items = [first, this.expression(0)];
    while (this.acceptPunct(',')) items.push(this.expression(0));
    this.expectPunct(')');
    return { kind: 'array', items, pos: open.pos };
  }

  /** An array where the grammar requires one (A_* arguments): `(x)` is then a one-element array. */
  private array(): Expression {
    const open = this.lexer.next();
    const items: Expression[] = [];
    if (!this.acceptPunct(')')) {
      do items.push(this.expression(0));
      while (this.acceptPunct(','));
      this.expectPunct(')');
    }
    return { kind: 'array', items, pos: open.pos };
  }

  private identifier(token: Cql2Token): Expression {
    const word = token.text.toUpperCase();
    if (word === 'NOT') {
      const arg = this.expression(BP.not);
      return this.checked(() => build.not(arg, token.pos), token);
    }
    if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE', pos: token.pos };
    if (word === 'NULL') this.fail(token.pos, token.text, "NULL can only be used in 'IS [NOT] NULL'");
    const next = this.lexer.peek();
    const isCall = next.kind === 'punct' && next.text === '(';
    if (WKT_TYPES.has(word) && (isCall || (next.kind === 'ident' && /^(Z|M|ZM|EMPTY)$/i.test(next.text)))) {
      return this.wkt(token);
    }
    if (!isCall) return { kind: 'property', path: [token.text], pos: token.pos };
    switch (word) {
      case 'DATE':
      case 'TIMESTAMP':
        return this.instant(word, token);
      case 'INTERVAL':
        return this.interval(token);
      case 'BBOX':
        return this.bbox(token);
      default:
        return this.functionCall(token);
    }
  }

  private wkt(token: Cql2Token): GeometryLiteral {
    const { geometry, end } = parseWkt(this.text, token.pos, this.text.length, this.fail);
    this.cql2Lexer.seek(end);
    return { kind: 'geometry', geometry, srid: this.srid, pos: token.pos };
  }

  private bbox(token: Cql2Token): GeometryLiteral {
    this.expectPunct('(');
    const values = [this.signedNumber()];
    while (this.acceptPunct(',')) values.push(this.signedNumber());
    this.expectPunct(')');
    const geometry = bboxGeometry(values);
    if (typeof geometry === 'string') return this.fail(token.pos, token.text, geometry);
    return { kind: 'geometry', geometry, srid: this.srid, bbox: values, pos: token.pos };
  }

  private signedNumber(): number {
    let token = this.lexer.next();
    let sign = 1;
    if (token.kind === 'op' && (token.text === '-' || token.text === '+')) {
      sign = token.text === '-' ? -1 : 1;
      token = this.lexer.next();
    }
    if (token.kind !== 'number') return this.unexpected(token, 'a number');
    return sign * Number(token.text);
  }

  /** `DATE('YYYY-MM-DD')` or `TIMESTAMP('YYYY-MM-DDThh:mm:ss[.f]Z')`. */
  private instant(word: 'DATE' | 'TIMESTAMP', token: Cql2Token): Expression {
    this.expectPunct('(');
    const value = this.lexer.next();
    if (value.kind !== 'string') this.unexpected(value, `a quoted ${word === 'DATE' ? 'date' : 'timestamp'}`);
    this.expectPunct(')');
    return this.instantString(value, word === 'DATE' ? 'date' : 'dateTime', token.pos);
  }

  private instantString(value: Cql2Token, kind: 'date' | 'dateTime', pos: number): Expression {
    const problem = kind === 'date' ? dateProblem(value.value) : cql2TimestampProblem(value.value);
    if (problem) this.fail(value.pos, value.text, problem);
    return { kind, value: value.value, pos };
  }

  /** `INTERVAL(start, end)`: each bound a date or timestamp string, `'..'` (open), a property or a function. */
  private interval(token: Cql2Token): Expression {
    this.expectPunct('(');
    const start = this.intervalBound();
    this.expectPunct(',');
    const end = this.intervalBound();
    this.expectPunct(')');
    return { kind: 'interval', start, end, pos: token.pos };
  }

  private intervalBound(): Expression | null {
    const token = this.lexer.peek();
    if (token.kind === 'string') {
      this.lexer.next();
      if (token.value === '..') return null;
      return this.instantString(token, token.value.includes('T') ? 'dateTime' : 'date', token.pos);
    }
    const bound = this.expression(BP.unary);
    if (bound.kind !== 'property' && bound.kind !== 'function' && !isInstant(bound)) {
      this.fail(
        token.pos,
        token.text,
        "an INTERVAL bound must be a date or timestamp string, '..', a property or a function",
      );
    }
    return bound;
  }

  private functionCall(name: Cql2Token): Expression {
    const sig = CQL2_FUNCTIONS.get(name.text.toLowerCase());
    if (!sig) this.fail(name.pos, name.text, `unknown function ${quoteToken(name.text)}`);
    const wantsArrays = sig.target.kind === 'arrayPredicate';
    this.expectPunct('(');
    const args: Expression[] = [];
    if (!this.acceptPunct(')')) {
      do args.push(wantsArrays && this.isPunct('(') ? this.array() : this.expression(0));
      while (this.acceptPunct(','));
      this.expectPunct(')');
    }
    return this.checked(() => build.call(sig, args, name.pos), name);
  }

  private isPunct(text: string): boolean {
    const token = this.lexer.peek();
    return token.kind === 'punct' && token.text === text;
  }

  private acceptWord(word: string): boolean {
    const token = this.lexer.peek();
    if (token.kind !== 'ident' || token.text.toUpperCase() !== word) return false;
    this.lexer.next();
    return true;
  }

  private expectWord(word: string): void {
    if (!this.acceptWord(word)) this.unexpected(this.lexer.peek(), word);
  }
}

/** Date and timestamp literals are also accepted as interval bounds (`INTERVAL(DATE('…'), '..')`). */
function isInstant(e: Expression): boolean {
  return e.kind === 'date' || e.kind === 'dateTime';
}
