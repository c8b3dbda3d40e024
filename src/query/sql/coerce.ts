/**
 * Conversions between compiled values: what a value means as text, number, boolean, timestamp or geometry.
 * JSON values (paths into `properties`, `result`) are converted by their JSON type, so a text never meets a
 * number in SQL and a cast never fails at run time.
 */
import type { Fail } from '../query-error';
import { sql, type Sql } from './sql';
import type { SqlType, Value } from './scope';

export const value = (fragment: Sql, type: SqlType, label?: string): Value => ({ sql: fragment, type, label });

const jsonOf = (fragment: Sql, type: string, cast: string): Sql =>
  sql`(CASE WHEN jsonb_typeof(${fragment}) = '${rawType(type)}' THEN (${fragment} #>> '{}')::${rawType(cast)} END)`;

/** Only fixed type names reach the SQL text. */
function rawType(name: string): Sql {
  if (!/^[a-z ]+$/.test(name)) throw new Error(`bad type ${name}`);
  return { text: name, values: [] };
}

function describe(v: Value): string {
  return v.label ?? `a ${v.type} value`;
}

/** The value as SQL text. */
export function asText(v: Value, fail: Fail, pos: number): Sql {
  switch (v.type) {
    case 'text':
    case 'null':
      return v.sql;
    case 'json':
      return sql`(${v.sql} #>> '{}')`;
    case 'number':
    case 'boolean':
    case 'date':
    case 'time':
      return sql`(${v.sql})::text`;
    case 'timestamp':
      return sql`to_char((${v.sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    default:
      return fail(pos, '', `${describe(v)} cannot be used as text`);
  }
}

/** The value as SQL numeric. */
export function asNumber(v: Value, fail: Fail, pos: number): Sql {
  if (v.type === 'number' || v.type === 'null') return v.sql;
  if (v.type === 'json') return jsonOf(v.sql, 'number', 'numeric');
  return fail(pos, '', `${describe(v)} is not a number`);
}

/** The value as SQL boolean. */
export function asBoolean(v: Value, fail: Fail, pos: number): Sql {
  if (v.type === 'boolean' || v.type === 'null') return v.sql;
  if (v.type === 'json') return jsonOf(v.sql, 'boolean', 'boolean');
  return fail(pos, '', `${describe(v)} is not true/false`);
}

const ISO_DATE_TIME = `^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?$`;

/**
 * A JSON string holding an ISO 8601 date or date-time as timestamptz (a date, or a time without offset, in
 * UTC); anything else — another string, a date that does not exist, a number, an object — is NULL, so it never
 * matches (`register_try_timestamptz`, migration 0007, reads without failing).
 */
function jsonTimestamp(fragment: Sql): Sql {
  const text = sql`(${fragment} #>> '{}')`;
  return sql`(CASE WHEN jsonb_typeof(${fragment}) = 'string' AND ${text} ~ ${ISO_DATE_TIME} THEN register_try_timestamptz(${text}) END)`;
}

/** The value as SQL timestamptz (the start, for intervals). */
export function asTimestamp(v: Value, fail: Fail, pos: number): Sql {
  if (v.type === 'timestamp' || v.type === 'interval' || v.type === 'null') return v.sql;
  if (v.type === 'json') return jsonTimestamp(v.sql);
  if (v.type === 'date') return sql`(${v.sql})::timestamptz`;
  return fail(pos, '', `${describe(v)} is not a date-time`);
}

/** Start and end of a temporal value (an instant is an interval of zero length). */
export function asPeriod(v: Value, fail: Fail, pos: number): { start: Sql; end: Sql } {
  if (v.type === 'interval') return { start: v.sql, end: v.end ?? v.sql };
  if (v.type === 'date') return { start: sql`(${v.sql})::timestamptz`, end: sql`((${v.sql})::timestamptz + interval '1 day' - interval '1 microsecond')` };
  const instant = asTimestamp(v, fail, pos);
  return { start: instant, end: instant };
}

/** The value as a PostGIS geometry in SRID 4326. */
export function asGeometry(v: Value, fail: Fail, pos: number): Sql {
  if (v.type === 'geometry' || v.type === 'null') return v.sql;
  return fail(pos, '', `${describe(v)} is not a geometry`);
}
