/**
 * Locates a JSON syntax error as line and column, so an editor can find it. V8 names the offset in most
 * messages (`… in JSON at position 42`) but not for an unexpected token; then the offset is found as the
 * shortest prefix of the text that already fails for a reason other than ending too early.
 */

const POSITION = /at position (\d+)/;

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/end of JSON input/.test(message)) return false;
    const position = POSITION.exec(message)?.[1];
    return position === undefined || Number(position) < prefix.length;
  }
}

function errorOffset(text: string, message: string): number {
  const position = POSITION.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  if (/end of JSON input/.test(message)) return text.length;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsBeforeEnd(text.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return Math.max(0, low - 1);
}

/**
 * `line 3, column 7: Unexpected token '}'` for the error JSON.parse threw on `text` (V8's quote of the text
 * and its character offset are left out).
 */
export function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const offset = errorOffset(text, message);
  const before = text.slice(0, offset).split('\n');
  const what = message.replace(/, .* is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  return `line ${before.length}, column ${(before[before.length - 1] ?? '').length + 1}: ${what}`;
}
