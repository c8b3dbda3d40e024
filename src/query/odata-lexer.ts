/**
 * Tokenizer for the STA query-option expression syntax (OGC 18-088 §9.3 over the OData 4.0 URL-conventions ABNF):
 * identifiers (also dotted, `geo.distance`, and `@iot.id`), `'…'` strings with `''` escapes and any Unicode,
 * numbers, ISO 8601 dates, times, date-times (`Z`/`±hh:mm`, fractional seconds) and `start/end` intervals,
 * typed literals `geography'…'`, `geometry'…'`, `duration'…'`, and the punctuation `( ) , / [ ] -`.
 * Tokens are read on demand within `[start, end)` of the option text, so positions are offsets in that text.
 */
import { quoteToken, type Fail } from './query-error';
import { dateProblem, odataDateTimeProblem, timeProblem } from './temporal';

export type ODataTokenKind =
  'ident' | 'string' | 'number' | 'date' | 'dateTime' | 'time' | 'interval' | 'typed' | 'punct' | 'eof';

/** One token. `text` is the source text; `value` the decoded content of strings and typed literals. */
export interface ODataToken {
  kind: ODataTokenKind;
  text: string;
  value: string;
  pos: number;
  /** Offset just past the token. */
  end: number;
  /** For typed literals: `geography`, `geometry` or `duration` (lower case). */
  prefix?: string;
}

const IDENT = /[\p{L}_@][\p{L}\p{N}_.@]*/uy;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const INSTANT = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/y;
const TIME = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?/y;
const PUNCT = new Set(['(', ')', ',', '/', '[', ']', '-']);
const TYPED_PREFIXES = new Set(['geography', 'geometry', 'duration']);

export class ODataLexer {
  private readonly text: string;
  private cursor: number;
  private lookahead: ODataToken | undefined;

  /** Lexes `text` from `start` up to (not including) `end`. */
  constructor(
    text: string,
    start: number,
    end: number,
    private readonly fail: Fail,
  ) {
    this.text = text.slice(0, end);
    this.cursor = start;
  }

  peek(): ODataToken {
    this.lookahead ??= this.scan();
    return this.lookahead;
  }

  next(): ODataToken {
    const token = this.peek();
    this.lookahead = undefined;
    this.cursor = token.end;
    return token;
  }

  /** The token that starts at `pos` (for error messages about an already parsed node). */
  tokenAt(pos: number): string {
    const saved = [this.cursor, this.lookahead] as const;
    this.cursor = pos;
    this.lookahead = undefined;
    try {
      return this.scan().text;
    } catch {
      return this.text.slice(pos, pos + 1);
    } finally {
      [this.cursor, this.lookahead] = saved;
    }
  }

  private scan(): ODataToken {
    const text = this.text;
    let pos = this.cursor;
    while (pos < text.length && /\s/.test(text[pos] as string)) pos += 1;
    this.cursor = pos;
    const ch = text[pos];
    if (ch === undefined) return this.token('eof', pos, pos);
    if (ch === "'") return this.string(pos, pos, undefined);
    if (ch === '-' && /\d/.test(text[pos + 1] ?? '')) return this.match(NUMBER, 'number', pos) as ODataToken;
    if (PUNCT.has(ch)) return this.token('punct', pos, pos + 1);
    if (/\d/.test(ch)) return this.temporal(pos) ?? (this.match(NUMBER, 'number', pos) as ODataToken);
    const ident = this.match(IDENT, 'ident', pos);
    if (ident) {
      const prefix = ident.text.toLowerCase();
      if (text[ident.end] === "'" && TYPED_PREFIXES.has(prefix)) return this.string(pos, ident.end, prefix);
      return ident;
    }
    const char = String.fromCodePoint(text.codePointAt(pos) ?? 0);
    return this.fail(pos, char, `unexpected character ${quoteToken(char)}`);
  }

  /** Dates, date-times, intervals of two instants, and times of day. */
  private temporal(pos: number): ODataToken | undefined {
    const instant = this.match(INSTANT, 'date', pos);
    if (instant) {
      this.checkInstant(instant);
      if (this.text[instant.end] === '/') {
        const second = this.match(INSTANT, 'date', instant.end + 1);
        if (second) {
          this.checkInstant(second);
          return this.token('interval', pos, second.end);
        }
      }
      return instant;
    }
    const time = this.match(TIME, 'time', pos);
    if (time) {
      const problem = timeProblem(time.text);
      if (problem) this.fail(pos, time.text, problem);
    }
    return time;
  }

  /** Classifies an INSTANT match as date or date-time and validates it. */
  private checkInstant(token: ODataToken): void {
    if (!token.text.includes('T')) {
      const problem = dateProblem(token.text);
      if (problem) this.fail(token.pos, token.text, problem);
      return;
    }
    token.kind = 'dateTime';
    if (!/(Z|[+-]\d{2}:\d{2})$/.test(token.text)) {
      const plusAsSpace = /^ \d{2}:\d{2}/.test(this.text.slice(token.end));
      const hint = plusAsSpace ? " (a '+' in a URL must be written %2B)" : '';
      this.fail(token.pos, token.text, `date-time needs a time zone, Z or ±hh:mm${hint}`);
    }
    const problem = odataDateTimeProblem(token.text);
    if (problem) this.fail(token.pos, token.text, problem);
  }

  /** A quoted string starting at `quote`; `pos` is where the token (with any typed prefix) starts. */
  private string(pos: number, quote: number, prefix: string | undefined): ODataToken {
    const text = this.text;
    let value = '';
    let i = quote + 1;
    for (;;) {
      const close = text.indexOf("'", i);
      if (close < 0) return this.fail(pos, text.slice(pos), 'unterminated string');
      value += text.slice(i, close);
      if (text[close + 1] !== "'") {
        i = close + 1;
        break;
      }
      value += "'";
      i = close + 2;
    }
    return { ...this.token(prefix ? 'typed' : 'string', pos, i), value, ...(prefix ? { prefix } : {}) };
  }

  private match(re: RegExp, kind: ODataTokenKind, pos: number): ODataToken | undefined {
    re.lastIndex = pos;
    return re.exec(this.text) ? this.token(kind, pos, re.lastIndex) : undefined;
  }

  private token(kind: ODataTokenKind, pos: number, end: number): ODataToken {
    const text = this.text.slice(pos, end);
    return { kind, text, value: text, pos, end };
  }
}
