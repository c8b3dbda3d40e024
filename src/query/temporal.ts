/**
 * Checks for ISO 8601 temporal literals: dates, times of day, date-times with a zone, and durations.
 * STA/OData (OGC 18-088 §9.3 `$filter` literals; OData ABNF `dateTimeOffsetValue`, `timeOfDayValue`, `duration`)
 * allows `Z` or `±hh:mm` and optional seconds; CQL2 (OGC 21-065r2 `timestampInstantString`) requires seconds and `Z`.
 * The literal text is kept verbatim in the AST (fractional seconds included); these functions only validate.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ODATA_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-](\d{2}):(\d{2}))$/;
const CQL2_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z$/;
const DURATION = /^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/i;

/** Why `text` is not a valid `YYYY-MM-DD` calendar date, or null. */
export function dateProblem(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return 'expected a date YYYY-MM-DD';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return 'month out of range';
  if (day < 1 || day > daysInMonth(year, month)) return 'day out of range';
  return null;
}

/** Why `text` is not a valid time of day `hh:mm[:ss[.fff]]`, or null. */
export function timeProblem(text: string): string | null {
  const m = TIME.exec(text);
  if (!m) return 'expected a time hh:mm:ss';
  if (Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return 'time out of range';
  return null;
}

/** Why `text` is not an OData date-time with offset (`…T10:00[:00[.123]]` + `Z` or `±hh:mm`), or null. */
export function odataDateTimeProblem(text: string): string | null {
  const m = ODATA_DATE_TIME.exec(text);
  if (!m) return 'expected a date-time YYYY-MM-DDThh:mm:ss with Z or ±hh:mm';
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return 'time zone offset out of range';
  return dateProblem(m[1] as string) ?? timeProblem(m[2] as string);
}

/** Why `text` is not a CQL2 timestamp `YYYY-MM-DDThh:mm:ss[.f]Z`, or null. */
export function cql2TimestampProblem(text: string): string | null {
  const m = CQL2_TIMESTAMP.exec(text);
  if (!m) return 'expected a timestamp YYYY-MM-DDThh:mm:ss[.fff]Z (UTC)';
  return dateProblem(m[1] as string) ?? timeProblem(m[2] as string);
}

/** Why `text` is not an ISO 8601 duration such as `PT1H` or `P1DT2H30M` (designators in either case), or null. */
export function durationProblem(text: string): string | null {
  return DURATION.test(text) ? null : 'expected an ISO 8601 duration such as PT1H';
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
