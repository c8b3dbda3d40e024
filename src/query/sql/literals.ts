/** Literals of the filter AST as bound SQL values. */
import type { Expression, Literal } from '../ast';
import type { Fail } from '../query-error';
import { value } from './coerce';
import type { Value } from './scope';
import { sql, type Sql } from './sql';

const MIN_TIME = '-infinity';
const MAX_TIME = 'infinity';

/**
 * A geometry literal in SRID 4326 (transformed by PostGIS when given in another CRS). A bbox literal is taken
 * as its envelope, so a degenerate box (a point, a line) is that point or line and still intersects.
 */
function geometrySql(geometry: unknown, srid: number, bbox: boolean): Sql {
  const parsed = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), ${srid}::int)`;
  const source = bbox ? sql`ST_Envelope(${parsed})` : parsed;
  return srid === 4326 ? source : sql`ST_Transform(${source}, 4326)`;
}

/** The compiled value of a literal; `compile` compiles interval bounds that are not literals. */
export function literalValue(node: Literal, fail: Fail, compile: (expr: Expression) => Value): Value {
  switch (node.kind) {
    case 'string':
      return value(sql`(${node.value})::text`, 'text', `'${node.value}'`);
    case 'number':
      return value(sql`(${node.text})::numeric`, 'number', node.text);
    case 'boolean':
      return value(sql`(${node.value})::boolean`, 'boolean', String(node.value));
    case 'null':
      return value(sql`NULL`, 'null', 'null');
    case 'dateTime':
      return value(sql`(${node.value})::timestamptz`, 'timestamp', node.value);
    case 'date':
      return value(sql`(${node.value})::date`, 'date', node.value);
    case 'time':
      return value(sql`(${node.value})::time`, 'time', node.value);
    case 'geometry':
      return value(geometrySql(node.geometry, node.srid, node.bbox !== undefined), 'geometry', 'a geometry');
    case 'interval': {
      const bound = (expr: Expression | null, open: string): Sql => {
        if (expr === null) return sql`(${open})::timestamptz`;
        const v = compile(expr);
        if (v.type === 'interval') return open === MIN_TIME ? v.sql : (v.end ?? v.sql);
        if (v.type === 'date') return sql`(${v.sql})::timestamptz`;
        if (v.type !== 'timestamp') fail(expr.pos, '', 'an interval bound must be a date or date-time');
        return v.sql;
      };
      return { sql: bound(node.start, MIN_TIME), end: bound(node.end, MAX_TIME), type: 'interval', label: 'an interval' };
    }
    case 'duration':
      return fail(node.pos, node.value, 'durations are not supported in filters');
    case 'array':
      return fail(node.pos, '', 'an array can only be used with IN or the A_* array functions');
  }
}

/** A JSON array literal as jsonb (items must be literals). */
export function arrayJson(node: Expression, fail: Fail): Sql {
  if (node.kind !== 'array') return fail(node.pos, '', 'expected an array literal');
  const items = node.items.map((item) => {
    switch (item.kind) {
      case 'string':
      case 'boolean':
      case 'dateTime':
      case 'date':
        return item.value;
      case 'number':
        return item.value;
      default:
        return fail(item.pos, '', 'array items must be strings, numbers or booleans');
    }
  });
  return sql`(${JSON.stringify(items)})::jsonb`;
}
