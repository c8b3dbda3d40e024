/**
 * The filter scope of a SensorThings entity type: property paths resolve against the model — plain
 * properties to columns, `properties/…` and other JSON properties to JSON paths, navigation properties to
 * relation hops (EXISTS / scalar sub-queries that also apply the publication policy).
 */
import type { Knex } from 'knex';
import type { PropertyRef } from '../query/ast';
import { failFor } from '../query/query-error';
import { value } from '../query/sql/coerce';
import type { Hop, Resolution, Scope, Value } from '../query/sql/scope';
import { join, raw, sql, type Sql } from '../query/sql/sql';
import { entity as entityNamed, property, relation } from '../model/entities';
import type { EntityDef, RelationDef } from '../model/types';
import { visibleIds, type Viewer } from '../register/publication';
import { MAX_NAVIGATION_DEPTH } from './limits';

/** Hands out the table aliases of one query (`e1`, `e2`, …). */
export class Aliases {
  private next = 0;
  fresh(): string {
    this.next += 1;
    return `e${this.next}`;
  }
}

export interface ScopeContext {
  knex: Knex;
  viewer: Viewer;
  aliases: Aliases;
  /** The option being compiled, for error messages. */
  option: string;
}

/** Whether the publication policy is already implied when going from `source` to `target` along `via`. */
export function visibilityImplied(source: EntityDef, via: RelationDef, target: EntityDef): boolean {
  const expected = [...source.publicVia, via.name];
  return target.publicVia.length === expected.length && target.publicVia.every((name, i) => name === expected[i]);
}

/** `FROM … WHERE …` joining the related entities (alias `alias`) to the source row (alias `sourceAlias`). */
function relatedFrom(ctx: ScopeContext, source: EntityDef, sourceAlias: string, via: RelationDef, alias: string): Sql {
  const target = entityNamed(via.target);
  const t = raw(`${target.table} AS ${alias}`);
  const visible = visibilityImplied(source, via, target)
    ? sql`TRUE`
    : sql`${raw(alias)}.id IN ${visibleIds(ctx.knex, target, ctx.viewer)}`;
  switch (via.join.kind) {
    case 'fk-here':
      return sql`FROM ${t} WHERE ${raw(`${alias}.id = ${sourceAlias}.${via.join.column}`)} AND ${visible}`;
    case 'fk-there':
      return sql`FROM ${t} WHERE ${raw(`${alias}.${via.join.column} = ${sourceAlias}.id`)} AND ${visible}`;
    case 'link': {
      const link = `${alias}_l`;
      return sql`FROM ${raw(`${via.join.table} AS ${link} JOIN ${target.table} AS ${alias} ON ${alias}.id = ${link}.${via.join.to}`)} WHERE ${raw(`${link}.${via.join.from} = ${sourceAlias}.id`)} AND ${visible}`;
    }
  }
}

/**
 * The scope of `entity` rows under table alias `alias`, reached from the query's own entity along the path
 * `prefix`; references that do not start with `prefix` belong to `outer`.
 */
export function staScope(ctx: ScopeContext, entity: EntityDef, alias: string, prefix: readonly string[] = [], outer?: Scope): Scope {
  const fail = failFor(ctx.option);
  const scope: Scope = {
    resolve(ref: PropertyRef): Resolution {
      const mine = ref.path.length > prefix.length && prefix.every((segment, i) => ref.path[i] === segment);
      if (!mine && outer) return outer.resolve(ref);
      const [first = '', ...rest] = ref.path.slice(prefix.length);
      const where = ref.path.join('/');
      if ((first === 'id' || first === '@iot.id') && rest.length === 0) {
        return { kind: 'value', value: value(raw(`${alias}.id`), 'number', `property '${first}'`) };
      }
      const prop = property(entity, first);
      if (prop) {
        const column = `${alias}.${prop.column}`;
        const label = `property '${where}'`;
        if (prop.kind === 'json') {
          if (rest.length === 0) return { kind: 'value', value: value(raw(column), 'json', label) };
          const keys = join(rest.map((key) => sql`${key}::text`), ', ');
          return { kind: 'value', value: value(sql`jsonb_extract_path(${raw(column)}, ${keys})`, 'json', label) };
        }
        if (rest.length > 0) fail(ref.pos, where, `'${first}' of ${entity.name} has no property '${rest.join('/')}'`);
        switch (prop.kind) {
          case 'text':
            return { kind: 'value', value: value(raw(column), 'text', label) };
          case 'time':
            return { kind: 'value', value: value(raw(column), 'timestamp', label) };
          case 'geojson':
            return { kind: 'value', value: value(raw(`${alias}.${prop.geometryColumn}`), 'geometry', label) };
          case 'interval':
            return {
              kind: 'value',
              value: { sql: raw(`${column}_start`), end: raw(`COALESCE(${column}_end, ${column}_start)`), type: 'interval', label },
            };
        }
      }
      const via = relation(entity, first);
      if (via) {
        if (rest.length === 0) fail(ref.pos, where, `'${first}' is a navigation property: name one of its properties, e.g. ${first}/id`);
        if (prefix.length >= MAX_NAVIGATION_DEPTH) fail(ref.pos, where, `the path crosses more than ${MAX_NAVIGATION_DEPTH} relations`);
        return { kind: 'hop', hop: hop(ctx, entity, alias, via, [...prefix, first], scope) };
      }
      return fail(ref.pos, where, `${entity.name} has no property '${first}'`);
    },
  };
  return scope;
}

function hop(ctx: ScopeContext, source: EntityDef, sourceAlias: string, via: RelationDef, prefix: string[], from: Scope): Hop {
  const target = entityNamed(via.target);
  const enter = (): { alias: string; inner: Scope } => {
    const alias = ctx.aliases.fresh();
    return { alias, inner: staScope(ctx, target, alias, prefix, from) };
  };
  return {
    many: via.many,
    exists(predicate) {
      const { alias, inner } = enter();
      return sql`EXISTS (SELECT 1 ${relatedFrom(ctx, source, sourceAlias, via, alias)} AND ${predicate(inner)})`;
    },
    scalar(valueOf): Value {
      const { alias, inner } = enter();
      const v = valueOf(inner);
      const fromSql = relatedFrom(ctx, source, sourceAlias, via, alias);
      const sub = (selected: Sql): Sql => sql`(SELECT ${selected} ${fromSql} LIMIT 1)`;
      return { ...v, sql: sub(v.sql), end: v.end ? sub(v.end) : undefined };
    },
  };
}
