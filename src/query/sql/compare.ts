/**
 * Comparison of two compiled values (STA `eq ne lt le gt ge`, CQL2 `= <> < <= > >=`) with the register's
 * rules: against a string literal compare text (code-point order); numbers as numbers; date-times as instants
 * or intervals; NULL never matches, also for `ne`; `x eq null` is `IS NULL`.
 */
import type { ComparisonOp } from '../ast';
import type { Fail } from '../query-error';
import { asBoolean, asGeometry, asNumber, asPeriod, asText } from './coerce';
import type { Value } from './scope';
import { raw, sql, type Sql } from './sql';

const OPERATOR: Record<ComparisonOp, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };
const TEMPORAL = new Set(['timestamp', 'interval', 'date']);

function isNull(v: Value): Sql {
  return v.type === 'json' ? sql`(${v.sql} IS NULL OR jsonb_typeof(${v.sql}) = 'null')` : sql`(${v.sql} IS NULL)`;
}

/**
 * Temporal comparison. Instants compare as instants; an interval is half-open `[start, end)`, so it is before
 * T when it ends at or before T, and after T when it starts after T (as FROST-Server and OGC 18-088 read it).
 */
function compareTemporal(op: ComparisonOp, a: Value, b: Value, fail: Fail, pos: number): Sql {
  const x = asPeriod(a, fail, pos);
  const y = asPeriod(b, fail, pos);
  const xInstant = a.type !== 'interval';
  const yInstant = b.type !== 'interval';
  if (xInstant && yInstant) return sql`(${x.start} ${raw(OPERATOR[op])} ${y.start})`;
  const before = (p: typeof x, q: typeof y): Sql => sql`((${p.end} > ${p.start} AND ${p.end} <= ${q.start}) OR (${p.end} = ${p.start} AND ${p.start} < ${q.start}))`;
  switch (op) {
    case 'eq':
      return sql`(${x.start} = ${y.start} AND ${x.end} = ${y.end})`;
    case 'ne':
      return sql`(${x.start} <> ${y.start} OR ${x.end} <> ${y.end})`;
    case 'lt':
      return before(x, y);
    case 'le':
      return sql`(${x.end} <= ${y.start} OR (${x.start} = ${y.start} AND ${x.end} = ${y.end}))`;
    case 'gt':
      return before(y, x);
    case 'ge':
      return sql`(${x.start} >= ${y.end} OR (${x.start} = ${y.start} AND ${x.end} = ${y.end}))`;
  }
}

/** `a op b` as an SQL boolean. */
export function compare(op: ComparisonOp, a: Value, b: Value, fail: Fail, pos: number): Sql {
  if (a.type === 'null' || b.type === 'null') {
    const other = a.type === 'null' ? b : a;
    if (op === 'eq') return isNull(other);
    if (op === 'ne') return sql`NOT ${isNull(other)}`;
    return sql`FALSE`;
  }
  const operator = raw(OPERATOR[op]);
  // Text compares with text (or JSON, as text); with a number, a date or a time it is a client error.
  const notText = (v: Value): boolean => v.type === 'number' || v.type === 'time' || TEMPORAL.has(v.type);
  const textual = (a.type === 'text' && !notText(b)) || (b.type === 'text' && !notText(a));
  if (textual) {
    return sql`(${asText(a, fail, pos)} COLLATE "C" ${operator} ${asText(b, fail, pos)} COLLATE "C")`;
  }
  if (a.type === 'text' || b.type === 'text') {
    return fail(pos, '', `cannot compare ${a.label ?? a.type} with ${b.label ?? b.type}: compare text with a string literal`);
  }
  if (a.type === 'number' || b.type === 'number') return sql`(${asNumber(a, fail, pos)} ${operator} ${asNumber(b, fail, pos)})`;
  if (a.type === 'boolean' || b.type === 'boolean') {
    if (op !== 'eq' && op !== 'ne') return fail(pos, '', 'true/false values can only be compared with eq and ne');
    return sql`(${asBoolean(a, fail, pos)} ${operator} ${asBoolean(b, fail, pos)})`;
  }
  // A JSON value against a date or date-time compares as an instant when it holds an ISO date string.
  if (TEMPORAL.has(a.type) || TEMPORAL.has(b.type)) return compareTemporal(op, a, b, fail, pos);
  if (a.type === 'geometry' || b.type === 'geometry') {
    const equal = sql`ST_Equals(${asGeometry(a, fail, pos)}, ${asGeometry(b, fail, pos)})`;
    if (op === 'eq') return equal;
    if (op === 'ne') return sql`NOT ${equal}`;
    return fail(pos, '', 'geometries can only be compared with eq and ne');
  }
  if (a.type === 'json' && b.type === 'json') return sql`(${a.sql} ${operator} ${b.sql})`;
  if (a.type === 'time' && b.type === 'time') return sql`(${a.sql} ${operator} ${b.sql})`;
  return fail(pos, '', `cannot compare ${a.label ?? a.type} with ${b.label ?? b.type}`);
}
