/**
 * The publication policy, in one place: who sees which Things. Anonymous readers see published Things and
 * what hangs off them; drafts and retired Things are visible only to their own organisation's editors.
 * Every read path (STA, Features, map, downloads) takes its visible id sets from here.
 */
import type { Knex } from 'knex';
import { entity, relation } from '../model/entities';
import type { EntityDef } from '../model/types';
import { idsAlong } from '../sta/navigate';

/** Who is reading: anonymous, or an editor of one organisation. */
export interface Viewer {
  readonly organisationId?: number;
}

export const ANONYMOUS: Viewer = Object.freeze({});

/** SELECT id of the Things `viewer` may see. */
export function visibleThingIds(knex: Knex, viewer: Viewer): Knex.QueryBuilder {
  const query = knex('things').select('things.id').where('things.publication', 'published');
  if (viewer.organisationId !== undefined) query.orWhere('things.organisation_id', viewer.organisationId);
  return query;
}

/** Restricts `query` (FROM `target`'s table as `alias`) to the entities `viewer` may see. */
export function visibleCondition(knex: Knex, query: Knex.QueryBuilder, target: EntityDef, alias: string, viewer: Viewer): Knex.QueryBuilder {
  if (target.publicVia.length > 0) return query.whereIn(`${alias}.id`, visibleIds(knex, target, viewer));
  return query.where((visible) => {
    visible.where(`${alias}.publication`, 'published');
    if (viewer.organisationId !== undefined) visible.orWhere(`${alias}.organisation_id`, viewer.organisationId);
  });
}

/** SELECT id of the entities of type `target` that `viewer` may see (those along `publicVia` from a visible Thing). */
export function visibleIds(knex: Knex, target: EntityDef, viewer: Viewer): Knex.QueryBuilder {
  let current = entity('Thing');
  let ids = visibleThingIds(knex, viewer);
  for (const name of target.publicVia) {
    const via = relation(current, name);
    if (!via) throw new Error(`model: ${current.name} has no relation ${name}`);
    ids = idsAlong(knex, current, via, ids);
    current = entity(via.target);
  }
  return ids;
}
