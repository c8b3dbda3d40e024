/**
 * Navigation in SQL: given a sub-query of source ids, the sub-query of target ids along a relation.
 * Reads the join declarations of the model; identifiers come only from the model.
 */
import type { Knex } from 'knex';
import { entity } from '../model/entities';
import type { EntityDef, RelationDef } from '../model/types';

/** SELECT <target ids> reachable from the ids of `sourceIds` along `via`. */
export function idsAlong(knex: Knex, source: EntityDef, via: RelationDef, sourceIds: Knex.QueryBuilder): Knex.QueryBuilder {
  const target = entity(via.target);
  switch (via.join.kind) {
    case 'fk-here':
      return knex(source.table).select(`${source.table}.${via.join.column} as id`).whereIn(`${source.table}.id`, sourceIds);
    case 'fk-there':
      return knex(target.table).select(`${target.table}.id`).whereIn(`${target.table}.${via.join.column}`, sourceIds);
    case 'link':
      return knex(via.join.table).select(`${via.join.table}.${via.join.to} as id`).whereIn(`${via.join.table}.${via.join.from}`, sourceIds);
  }
}
