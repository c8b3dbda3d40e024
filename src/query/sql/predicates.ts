/**
 * Spatial (Simple Features relations via PostGIS), temporal (CQL2 T_* on instants and intervals, OGC 21-065r2
 * §7.9) and array (CQL2 A_*) predicates.
 */
import type { ArrayOp, SpatialOp, TemporalOp } from '../ast';
import type { Fail } from '../query-error';
import { asGeometry, asPeriod } from './coerce';
import type { Value } from './scope';
import { raw, sql, type Sql } from './sql';

const SPATIAL: Record<Exclude<SpatialOp, 'relate'>, string> = {
  intersects: 'ST_Intersects',
  equals: 'ST_Equals',
  disjoint: 'ST_Disjoint',
  touches: 'ST_Touches',
  within: 'ST_Within',
  overlaps: 'ST_Overlaps',
  crosses: 'ST_Crosses',
  contains: 'ST_Contains',
};

export function spatialPredicate(op: SpatialOp, a: Value, b: Value, pattern: string | undefined, fail: Fail, pos: number): Sql {
  const x = asGeometry(a, fail, pos);
  const y = asGeometry(b, fail, pos);
  if (op === 'relate') return sql`ST_Relate(${x}, ${y}, ${pattern ?? ''})`;
  return sql`${raw(SPATIAL[op])}(${x}, ${y})`;
}

export function temporalPredicate(op: TemporalOp, a: Value, b: Value, fail: Fail, pos: number): Sql {
  const { start: as, end: ae } = asPeriod(a, fail, pos);
  const { start: bs, end: be } = asPeriod(b, fail, pos);
  switch (op) {
    case 'after':
      return sql`(${as} > ${be})`;
    case 'before':
      return sql`(${ae} < ${bs})`;
    case 'contains':
      return sql`(${as} < ${bs} AND ${ae} > ${be})`;
    case 'disjoint':
      return sql`(${ae} < ${bs} OR ${as} > ${be})`;
    case 'during':
      return sql`(${as} > ${bs} AND ${ae} < ${be})`;
    case 'equals':
      return sql`(${as} = ${bs} AND ${ae} = ${be})`;
    case 'finishedBy':
      return sql`(${as} < ${bs} AND ${ae} = ${be})`;
    case 'finishes':
      return sql`(${as} > ${bs} AND ${ae} = ${be})`;
    case 'intersects':
      return sql`(${as} <= ${be} AND ${ae} >= ${bs})`;
    case 'meets':
      return sql`(${ae} = ${bs})`;
    case 'metBy':
      return sql`(${as} = ${be})`;
    case 'overlappedBy':
      return sql`(${as} > ${bs} AND ${as} < ${be} AND ${ae} > ${be})`;
    case 'overlaps':
      return sql`(${as} < ${bs} AND ${ae} > ${bs} AND ${ae} < ${be})`;
    case 'startedBy':
      return sql`(${as} = ${bs} AND ${ae} > ${be})`;
    case 'starts':
      return sql`(${as} = ${bs} AND ${ae} < ${be})`;
  }
}

/** A_* on a JSON array value and a jsonb array literal. */
export function arrayPredicate(op: ArrayOp, a: Value, literal: Sql, fail: Fail, pos: number): Sql {
  if (a.type !== 'json') return fail(pos, '', `${a.label ?? 'the first argument'} is not an array property`);
  const array = sql`(CASE WHEN jsonb_typeof(${a.sql}) = 'array' THEN ${a.sql} END)`;
  switch (op) {
    case 'contains':
      return sql`(${array} @> ${literal})`;
    case 'containedBy':
      return sql`(${array} <@ ${literal})`;
    case 'equals':
      return sql`(${array} @> ${literal} AND ${array} <@ ${literal})`;
    case 'overlaps':
      return sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${array}) AS item WHERE item IN (SELECT jsonb_array_elements(${literal})))`;
  }
}
