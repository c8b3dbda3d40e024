/**
 * Turns cell and property values (strings from CSV, JSON values from GeoJSON, element text from GML) into
 * typed values — text, numbers, booleans, ISO dates, lists and the life-cycle status — or a reason why not.
 * Every import format coerces through these functions, so a value means the same in every format.
 */

/** The typed value, or the reason the raw value could not be read. */
export type Coerced<T> = { value: T } | { problem: string };

/** Options that depend on the file, not on the value. */
export interface CoerceOptions {
  /** Accept `12,5` as 12.5 (CSV files separated by `;`, as Dutch spreadsheets write them). */
  decimalComma: boolean;
}

const show = (raw: unknown): string => JSON.stringify(raw);

/** Whether a raw value counts as "not given": `null`, `undefined`, blank text or an empty list. */
export function isBlank(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') return raw.trim() === '';
  return Array.isArray(raw) && raw.every(isBlank);
}

/** Text, trimmed; numbers and booleans are written out. */
export function toText(raw: unknown): Coerced<string> {
  if (typeof raw === 'string') return { value: raw.trim() };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: String(raw) };
  return { problem: `expected text, got ${show(raw)}` };
}

const DECIMAL = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** A finite number: `.` as decimal separator, or `,` when {@link CoerceOptions.decimalComma} is set. */
export function toNumber(raw: unknown, options: CoerceOptions): Coerced<number> {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { problem: `${raw} is not a number` };
  if (typeof raw !== 'string') return { problem: `expected a number, got ${show(raw)}` };
  const text = raw.trim();
  if (DECIMAL.test(text)) return { value: Number(text) };
  if (options.decimalComma && DECIMAL_COMMA.test(text)) return { value: Number(text.replace(',', '.')) };
  const separators = options.decimalComma ? '"." or ","' : '"."';
  return { problem: `${show(raw)} is not a number (write digits with ${separators} as decimal separator)` };
}

const TRUE_WORDS = new Set(['true', 'yes', 'ja', 'waar', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'nee', 'onwaar', '0']);

/** A boolean: JSON booleans, or true/false, yes/no, ja/nee, waar/onwaar, 1/0 in any case. */
export function toBoolean(raw: unknown): Coerced<boolean> {
  if (typeof raw === 'boolean') return { value: raw };
  const word = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : undefined;
  if (word !== undefined && TRUE_WORDS.has(word)) return { value: true };
  if (word !== undefined && FALSE_WORDS.has(word)) return { value: false };
  return { problem: `${show(raw)} is not a yes/no value (use true/false, yes/no, ja/nee or 1/0)` };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DUTCH_DATE = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/;

function calendarDate(year: string, month: string, day: string): string | undefined {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/**
 * A calendar date as ISO `YYYY-MM-DD`. Accepts `YYYY-MM-DD` (a time part, as in `2016-11-12T12:14:53`, is
 * dropped) and the Dutch `D-M-YYYY` / `D/M/YYYY`.
 */
export function toDate(raw: unknown): Coerced<string> {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const iso = ISO_DATE.exec(text);
  const dutch = DUTCH_DATE.exec(text);
  const date = iso
    ? calendarDate(iso[1] ?? '', iso[2] ?? '', iso[3] ?? '')
    : dutch
      ? calendarDate(dutch[3] ?? '', dutch[2] ?? '', dutch[1] ?? '')
      : undefined;
  return date ? { value: date } : { problem: `${show(raw)} is not a valid date (use YYYY-MM-DD, e.g. 2024-03-31)` };
}

/** A list of text values: a JSON array, or text separated by `;` or `|`. Blank items are dropped. */
export function toList(raw: unknown): Coerced<string[]> {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[;|]/) : [raw];
  const texts: string[] = [];
  for (const item of items) {
    if (isBlank(item)) continue;
    const text = toText(item);
    if ('problem' in text) return text;
    texts.push(text.value);
  }
  return { value: texts };
}

/** Life-cycle status of an installation, as the register's codes. */
export type Status = 'planned' | 'active' | 'terminated';

const STATUS_WORDS: Record<string, Status> = {
  planned: 'planned',
  gepland: 'planned',
  plan: 'planned',
  active: 'active',
  actief: 'active',
  bestaand: 'active',
  terminated: 'terminated',
  beeindigd: 'terminated',
  beëindigd: 'terminated',
  opgeheven: 'terminated',
};

/** The status: planned/active/terminated, or the Dutch gepland/actief/beëindigd (also BGT's plan/bestaand). */
export function toStatus(raw: unknown): Coerced<Status> {
  const status = typeof raw === 'string' ? STATUS_WORDS[raw.trim().toLowerCase()] : undefined;
  return status
    ? { value: status }
    : { problem: `${show(raw)} is not a status (use planned, active or terminated — or gepland, actief, beëindigd)` };
}
