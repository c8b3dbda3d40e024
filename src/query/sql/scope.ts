/**
 * What the filter compiler needs from the thing it filters: the meaning of property paths. The STA scope
 * reads the entity model (with navigation through relations); the Features scope maps queryables to columns.
 */
import type { PropertyRef } from '../ast';
import type { Sql } from './sql';

/** SQL types the compiler distinguishes. */
export type SqlType = 'text' | 'number' | 'boolean' | 'timestamp' | 'interval' | 'date' | 'time' | 'geometry' | 'json' | 'null';

/** A compiled value: its SQL and type; intervals (and instants used as intervals) also carry their end. */
export interface Value {
  readonly sql: Sql;
  readonly type: SqlType;
  /** For `interval`: the end (the start is `sql`). */
  readonly end?: Sql;
  /** For messages: what the value is (`property 'name'`). */
  readonly label?: string;
}

/** A path that crosses a relation: the compiler continues inside it. */
export interface Hop {
  /** Whether the relation may hold many entities (then only "any" predicates are possible). */
  readonly many: boolean;
  /** `EXISTS (…)` over the related entities, with `predicate` compiled in their scope. */
  exists(predicate: (inner: Scope) => Sql): Sql;
  /** A scalar sub-query of a value in the related entity's scope (to-one relations only). */
  scalar(value: (inner: Scope) => Value): Value;
}

export type Resolution = { kind: 'value'; value: Value } | { kind: 'hop'; hop: Hop };

/** Resolves the property paths of one query. */
export interface Scope {
  /** The value of `ref`, or the relation it crosses first. Throws a QueryError for unknown paths. */
  resolve(ref: PropertyRef): Resolution;
}
