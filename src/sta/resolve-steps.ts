/**
 * Turns a parsed resource path into SQL conditions on the addressed entity set: each step constrained by its
 * parent, its key and the publication policy. A path that does not belong to its parent selects nothing.
 * The last step's conditions apply directly to its table (so `/Things?$count=true` is one plain count).
 */
import type { Knex } from 'knex';
import { visibleCondition, type Viewer } from '../register/publication';
import type { EntityDef } from '../model/types';
import { idsAlong } from './navigate';
import type { PathStep } from './parse-path';

/** The entity set a path addresses and how to restrict a query on its table to it. */
export interface ResolvedPath {
  entity: EntityDef;
  /** Adds the path's conditions to a query whose FROM is the entity's table (unaliased). */
  restrict: (query: Knex.QueryBuilder) => Knex.QueryBuilder;
}

export function resolveSteps(knex: Knex, steps: readonly PathStep[], viewer: Viewer): ResolvedPath {
  let parentIds: Knex.QueryBuilder | undefined;
  let previous: EntityDef | undefined;
  let restrict: ResolvedPath['restrict'] = (query) => query;
  for (const step of steps) {
    const table = step.entity.table;
    const parent = parentIds && previous && step.via ? idsAlong(knex, previous, step.via, parentIds) : undefined;
    restrict = (query) => {
      visibleCondition(knex, query, step.entity, table, viewer);
      if (parent) query.whereIn(`${table}.id`, parent);
      if (step.id !== undefined) query.where(`${table}.id`, step.id);
      return query;
    };
    parentIds = restrict(knex(table).select(`${table}.id`));
    previous = step.entity;
  }
  if (!previous) throw new Error('empty path');
  return { entity: previous, restrict };
}
