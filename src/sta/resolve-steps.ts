/**
 * Turns a parsed resource path into SQL: the ids of the addressed entities, each step constrained by its
 * parent, its key and the publication policy. A path that does not belong to its parent selects nothing.
 */
import type { Knex } from 'knex';
import { visibleIds, type Viewer } from '../register/publication';
import type { EntityDef } from '../model/types';
import { idsAlong } from './navigate';
import type { PathStep } from './parse-path';

/** SELECT id of the entities addressed by `steps` (visible to `viewer`). */
export function resolveSteps(knex: Knex, steps: readonly PathStep[], viewer: Viewer): { entity: EntityDef; ids: Knex.QueryBuilder } {
  let ids: Knex.QueryBuilder | undefined;
  let previous: EntityDef | undefined;
  for (const step of steps) {
    const table = step.entity.table;
    const query = knex(table).select(`${table}.id`).whereIn(`${table}.id`, visibleIds(knex, step.entity, viewer));
    if (ids && previous && step.via) query.whereIn(`${table}.id`, idsAlong(knex, previous, step.via, ids));
    if (step.id !== undefined) query.where(`${table}.id`, step.id);
    ids = query;
    previous = step.entity;
  }
  if (!ids || !previous) throw new Error('empty path');
  return { entity: previous, ids };
}
