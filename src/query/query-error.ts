/**
 * The one error type of the query parsers: a 400 that names the query option, the 0-based character position in
 * that option's text and the offending token, with a message that is safe to echo to a client.
 * Implements the "bad query → 400" rule of STA 1.1 (OGC 18-088 §9.3) and OGC API – Features Part 3 ("invalid
 * `filter` → 400").
 */
import { AppError } from '../errors/errors';

/** Longest token text quoted inside a message; the full (capped) token stays in {@link QueryError.token}. */
const MAX_QUOTED_TOKEN = 40;
/** Longest token text kept on the error at all. */
const MAX_TOKEN = 200;

/** A syntax, type or limit error in a query option (`$filter`, `$expand`, CQL2 `filter`, …). */
export class QueryError extends AppError {
  /** The query option whose text is at fault, e.g. `$filter`, `$expand`, `filter`. */
  readonly option: string;
  /** 0-based character offset in that option's text; −1 when there is no text position (CQL2-JSON). */
  readonly position: number;
  /** The offending token as written (for CQL2-JSON: the JSON path, e.g. `$.args[1]`); '' at end of input. */
  readonly token: string;
  /** The message without the option prefix and position, e.g. `unknown function 'foo'`. */
  readonly reason: string;

  constructor(option: string, position: number, token: string, reason: string) {
    const keptToken = token.length > MAX_TOKEN ? token.slice(0, MAX_TOKEN) : token;
    const where = position >= 0 ? ` at position ${position}` : keptToken ? ` at ${visible(keptToken)}` : '';
    super(400, 'invalid-query', `${option}: ${reason}${where}`, { option, position, token: keptToken });
    this.option = option;
    this.position = position;
    this.token = keptToken;
    this.reason = reason;
  }
}

/** Raises a {@link QueryError} for one option; parsers receive one of these so they never build messages twice. */
export type Fail = (position: number, token: string, reason: string) => never;

/** A {@link Fail} bound to an option name. */
export function failFor(option: string): Fail {
  return (position, token, reason) => {
    throw new QueryError(option, position, token, reason);
  };
}

/** `'token'`, shortened and with control characters replaced, for use inside a message. */
export function quoteToken(token: string): string {
  return `'${visible(token)}'`;
}

/** The token shortened and with control characters replaced by `?`. */
function visible(token: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = token.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return printable.length > MAX_QUOTED_TOKEN ? `${printable.slice(0, MAX_QUOTED_TOKEN)}…` : printable;
}
