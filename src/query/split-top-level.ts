/**
 * Splits option text at a separator that is outside parentheses and outside `'…'` strings — the `,` between
 * `$expand` items and the `;` between nested options (OGC 18-088 §9.3, OData `expandItem` ABNF). Unbalanced
 * parentheses and unterminated strings are reported here, before anything else is parsed.
 */
import type { Fail } from './query-error';

/** A slice `[start, end)` of the option text. */
export interface Span {
  start: number;
  end: number;
}

/** The spans of `text[start, end)` between top-level `separator` characters. */
export function splitTopLevel(text: string, start: number, end: number, separator: string, fail: Fail): Span[] {
  const spans: Span[] = [];
  const open: number[] = [];
  let spanStart = start;
  for (let i = start; i < end; i += 1) {
    const ch = text[i];
    if (ch === "'") {
      const close = closingQuote(text, i, end);
      if (close < 0) fail(i, text.slice(i, end), 'unterminated string');
      i = close;
    } else if (ch === '(') {
      open.push(i);
    } else if (ch === ')') {
      if (open.pop() === undefined) fail(i, ')', "unbalanced ')'");
    } else if (ch === separator && open.length === 0) {
      spans.push({ start: spanStart, end: i });
      spanStart = i + 1;
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) fail(unclosed, '(', "unbalanced '(': missing ')'");
  spans.push({ start: spanStart, end });
  return spans;
}

/** Offset of the quote that closes the string opened at `quote` (`''` is an escaped quote), or −1. */
function closingQuote(text: string, quote: number, end: number): number {
  let i = quote + 1;
  while (i < end) {
    if (text[i] === "'") {
      if (text[i + 1] !== "'" || i + 1 >= end) return i;
      i += 2;
    } else {
      i += 1;
    }
  }
  return -1;
}

/** `span` without surrounding whitespace. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] as string)) start += 1;
  while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
  return { start, end };
}
