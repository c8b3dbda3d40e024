/**
 * Tokenizer for CQL2 text (OGC 21-065r2, grammar `cql2.bnf`): identifiers (colon, underscore, letters; then also
 * digits, `.` and combining marks), `"double-quoted"` property names, `'…'` strings with `''` or `\'` escapes,
 * unsigned numbers (`5`, `5.`, `.5`, `1E-3`), comparison and arithmetic operators, `( ) ,`. Keywords are left to
 * the parser (they are case-insensitive). Reads on demand, so the parser can hand a WKT literal to `wkt.ts` and
 * resume after it with {@link Cql2Lexer.seek}.
 */
import { quoteToken, type Fail } from './query-error';

export type Cql2TokenKind = 'ident' | 'quotedIdent' | 'string' | 'number' | 'op' | 'punct' | 'eof';

/** One token; `value` is the decoded content of strings and quoted identifiers, else equal to `text`. */
export interface Cql2Token {
  kind: Cql2TokenKind;
  text: string;
  value: string;
  pos: number;
  end: number;
}

const IDENT = /[\p{L}_:][\p{L}\p{N}\p{M}_:.\u203F\u2040]*/uy;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPERATOR = /<>|<=|>=|[=<>+\-*/%^]/y;

export class Cql2Lexer {
  private cursor = 0;
  private lookahead: Cql2Token | undefined;

  constructor(
    readonly text: string,
    private readonly fail: Fail,
  ) {}

  peek(): Cql2Token {
    this.lookahead ??= this.scan(this.cursor);
    return this.lookahead;
  }

  /** The token after {@link peek} (two-token lookahead for `NOT LIKE`, `WKT Z (`, …). */
  peekSecond(): Cql2Token {
    return this.scan(this.peek().end);
  }

  next(): Cql2Token {
    const token = this.peek();
    this.lookahead = undefined;
    this.cursor = token.end;
    return token;
  }

  /** Continues lexing at `pos` (after a literal parsed directly from the text). */
  seek(pos: number): void {
    this.cursor = pos;
    this.lookahead = undefined;
  }

  /** The token that starts at `pos`, for messages about an already parsed node. */
  tokenAt(pos: number): string {
    try {
      return this.scan(pos).text;
    } catch {
      return this.text.slice(pos, pos + 1);
    }
  }

  private scan(from: number): Cql2Token {
    const text = this.text;
    let pos = from;
    while (pos < text.length && /\s/u.test(text[pos] as string)) pos += 1;
    const ch = text[pos];
    if (ch === undefined) return this.token('eof', pos, pos);
    if (ch === "'") return this.quoted(pos, "'", 'string');
    if (ch === '"') return this.quoted(pos, '"', 'quotedIdent');
    if (ch === '(' || ch === ')' || ch === ',') return this.token('punct', pos, pos + 1);
    return (
      this.match(NUMBER, 'number', pos) ??
      this.match(OPERATOR, 'op', pos) ??
      this.match(IDENT, 'ident', pos) ??
      this.unexpectedCharacter(pos)
    );
  }

  private unexpectedCharacter(pos: number): never {
    const char = String.fromCodePoint(this.text.codePointAt(pos) ?? 0);
    return this.fail(pos, char, `unexpected character ${quoteToken(char)}`);
  }

  /** A `'string'` (escapes `''` and `\'`) or a `"quoted identifier"` (escape `""`). */
  private quoted(pos: number, quote: string, kind: 'string' | 'quotedIdent'): Cql2Token {
    const text = this.text;
    let value = '';
    let i = pos + 1;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) {
        return this.fail(pos, text.slice(pos), kind === 'string' ? 'unterminated string' : 'unterminated quoted name');
      }
      if (ch === quote && text[i + 1] === quote) {
        value += quote;
        i += 2;
      } else if (ch === '\\' && quote === "'" && text[i + 1] === "'") {
        value += "'";
        i += 2;
      } else if (ch === quote) {
        return { ...this.token(kind, pos, i + 1), value };
      } else {
        value += ch;
        i += 1;
      }
    }
  }

  private match(re: RegExp, kind: Cql2TokenKind, pos: number): Cql2Token | undefined {
    re.lastIndex = pos;
    return re.exec(this.text) ? this.token(kind, pos, re.lastIndex) : undefined;
  }

  private token(kind: Cql2TokenKind, pos: number, end: number): Cql2Token {
    const text = this.text.slice(pos, end);
    return { kind, text, value: text, pos, end };
  }
}
