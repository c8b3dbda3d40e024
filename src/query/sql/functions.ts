/**
 * Scalar functions of STA `$filter` (OGC 18-088 §9.3.3.5: string, date, math, geospatial) and CQL2 `CASEI`,
 * `ACCENTI`, compiled to PostgreSQL/PostGIS. Date parts are taken in UTC, the zone every instant is stored in.
 */
import type { Fail } from '../query-error';
import { asGeometry, asNumber, asText, asTimestamp, value } from './coerce';
import type { Value } from './scope';
import { raw, sql, type Sql } from './sql';

const ACCENTED = 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿÑñÇç';
const PLAIN = 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuYyyNnCc';

const DATE_PART: Record<string, string> = {
  year: 'YEAR',
  month: 'MONTH',
  day: 'DAY',
  hour: 'HOUR',
  minute: 'MINUTE',
};

/** Compiles `name(args…)`; args are already compiled. */
export function callFunction(name: string, args: Value[], fail: Fail, pos: number): Value {
  const text = (i: number): Sql => asText(args[i] as Value, fail, pos);
  const number = (i: number): Sql => asNumber(args[i] as Value, fail, pos);
  const time = (i: number): Sql => sql`(${asTimestamp(args[i] as Value, fail, pos)} AT TIME ZONE 'UTC')`;
  const geometry = (i: number): Sql => asGeometry(args[i] as Value, fail, pos);
  switch (name) {
    case 'substringof':
      return value(sql`(strpos(${text(1)}, ${text(0)}) > 0)`, 'boolean');
    case 'startswith':
      return value(sql`starts_with(${text(0)}, ${text(1)})`, 'boolean');
    case 'endswith':
      return value(sql`(right(${text(0)}, char_length(${text(1)})) = ${text(1)})`, 'boolean');
    case 'length':
      return value(sql`char_length(${text(0)})::numeric`, 'number');
    case 'indexof':
      return value(sql`(strpos(${text(0)}, ${text(1)}) - 1)::numeric`, 'number');
    case 'substring':
      return args.length === 3
        ? value(sql`substr(${text(0)}, (${number(1)})::int + 1, greatest((${number(2)})::int, 0))`, 'text')
        : value(sql`substr(${text(0)}, (${number(1)})::int + 1)`, 'text');
    case 'tolower':
    case 'casei':
      return value(sql`lower(${text(0)})`, 'text');
    case 'toupper':
      return value(sql`upper(${text(0)})`, 'text');
    case 'trim':
      return value(sql`btrim(${text(0)})`, 'text');
    case 'concat':
      return value(sql`(${text(0)} || ${text(1)})`, 'text');
    case 'accenti':
      return value(sql`translate(${text(0)}, ${ACCENTED}, ${PLAIN})`, 'text');
    case 'year':
    case 'month':
    case 'day':
    case 'hour':
    case 'minute':
      return value(sql`EXTRACT(${raw(DATE_PART[name] as string)} FROM ${time(0)})::numeric`, 'number');
    case 'second':
      return value(sql`floor(EXTRACT(SECOND FROM ${time(0)}))::numeric`, 'number');
    case 'fractionalseconds':
      return value(sql`(EXTRACT(SECOND FROM ${time(0)}) - floor(EXTRACT(SECOND FROM ${time(0)})))::numeric`, 'number');
    case 'totaloffsetminutes':
      return value(sql`(0)::numeric`, 'number');
    case 'date':
      return value(sql`(${time(0)})::date`, 'date');
    case 'time':
      return value(sql`(${time(0)})::time`, 'time');
    case 'now':
      return value(sql`now()`, 'timestamp');
    // OData's earliest and latest points in time (so date parts of them are defined, unlike ±infinity).
    case 'mindatetime':
      return value(sql`('0001-01-01T00:00:00Z')::timestamptz`, 'timestamp');
    case 'maxdatetime':
      return value(sql`('9999-12-31T23:59:59.999999Z')::timestamptz`, 'timestamp');
    case 'round':
      return value(sql`round(${number(0)})`, 'number');
    case 'floor':
      return value(sql`floor(${number(0)})`, 'number');
    case 'ceiling':
      return value(sql`ceil(${number(0)})`, 'number');
    case 'geo.distance':
      return value(sql`ST_Distance(${geometry(0)}, ${geometry(1)})::numeric`, 'number');
    case 'geo.length':
      return value(sql`ST_Length(${geometry(0)})::numeric`, 'number');
    default:
      return fail(pos, name, `function '${name}' is not supported here`);
  }
}
