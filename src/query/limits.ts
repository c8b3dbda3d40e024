/**
 * Hard limits that keep hostile query text from exhausting the server: a maximum length per option and a maximum
 * nesting depth for every recursive parse (expressions, `$expand`, CQL2-JSON, geometry collections).
 * Protects the parsers required by STA 1.1 §9.3 and CQL2 (OGC 21-065r2); the numbers are our own policy.
 */
import type { Fail } from './query-error';

/** Limits applied while parsing one query option. */
export interface QueryLimits {
  /** Longest accepted text of one option, in UTF-16 code units. */
  maxLength: number;
  /** Deepest accepted nesting of parentheses, operators, function calls and `$expand` levels. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: Readonly<QueryLimits> = { maxLength: 10_000, maxDepth: 64 };

/** Fills unset fields from {@link DEFAULT_LIMITS}. */
export function resolveLimits(limits?: Partial<QueryLimits>): QueryLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/**
 * Fails when `text` is longer than the limit (the position is the first character past it) or holds a NUL
 * character, which no database text can store (the position is the NUL's).
 */
export function checkText(text: string, limits: QueryLimits, fail: Fail): void {
  if (text.length > limits.maxLength) {
    fail(
      limits.maxLength,
      text.slice(limits.maxLength, limits.maxLength + 20),
      `text is longer than ${limits.maxLength} characters`,
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) fail(nul, '\\0', 'a NUL character is not allowed in query text');
}

/** Counts recursion depth; `enter` fails instead of letting the call stack grow without bound. */
export class DepthGuard {
  private depth = 0;

  constructor(
    private readonly limits: QueryLimits,
    private readonly fail: Fail,
  ) {}

  enter(position: number, token: string): void {
    this.depth += 1;
    if (this.depth > this.limits.maxDepth) {
      this.fail(position, token, `nesting deeper than ${this.limits.maxDepth} levels`);
    }
  }

  leave(): void {
    this.depth -= 1;
  }
}
