/**
 * Read service of the SensorThings API: answers a parsed resource path with the JSON the spec asks for.
 * Pages are fetched one row beyond `top` so `@iot.nextLink` appears exactly when more rows exist.
 */
import type { Knex } from 'knex';
import { NotFoundError } from '../errors/errors';
import type { Viewer } from '../register/publication';
import type { ResourcePath } from './parse-path';
import { resolveSteps } from './resolve-steps';
import { propertyValue, selectColumns, selfLink, serializeEntity } from './serialize';

/** Paging options of a collection request. */
export interface PageOptions {
  top: number;
  skip: number;
  count: boolean;
}

export interface ReadContext {
  knex: Knex;
  viewer: Viewer;
  /** Absolute URL of the service root (`https://host/sta/v1.1`). */
  root: string;
  /** Builds the next-page URL for a given `$skip`. */
  nextLink: (skip: number) => string;
}

/** The result of a read: a JSON body, or a raw `$value`. */
export type ReadResult = { kind: 'json'; body: unknown } | { kind: 'value'; body: string | null };

export async function readPath(ctx: ReadContext, path: ResourcePath, page: PageOptions): Promise<ReadResult> {
  const { knex, root } = ctx;
  const { entity, ids } = resolveSteps(knex, path.steps, ctx.viewer);
  const table = entity.table;
  if (path.target === 'collection' || (path.target === 'ref' && !path.steps[path.steps.length - 1]?.single)) {
    await assertParentsExist(ctx, path);
    const rows = await knex(table)
      .select(path.target === 'ref' ? [`${table}.id`] : selectColumns(entity))
      .whereIn(`${table}.id`, ids)
      .orderBy(`${table}.id`)
      .limit(page.top + 1)
      .offset(page.skip);
    const more = rows.length > page.top;
    const body: Record<string, unknown> = {};
    if (page.count) {
      const [counted] = await knex(table).count({ count: '*' }).whereIn(`${table}.id`, ids);
      body['@iot.count'] = Number(counted?.count ?? 0);
    }
    body.value = rows
      .slice(0, page.top)
      .map((row) =>
        path.target === 'ref' ? { '@iot.selfLink': selfLink(root, entity, Number(row.id)) } : serializeEntity(root, entity, row),
      );
    if (more) body['@iot.nextLink'] = ctx.nextLink(page.skip + page.top);
    return { kind: 'json', body };
  }
  const row = await knex(table).select(selectColumns(entity)).whereIn(`${table}.id`, ids).first();
  if (!row) throw new NotFoundError('no such entity');
  switch (path.target) {
    case 'ref':
      return { kind: 'json', body: { '@iot.selfLink': selfLink(root, entity, Number(row.id)) } };
    case 'property': {
      const prop = path.property!;
      return { kind: 'json', body: { [prop.name]: propertyValue(prop, row) } };
    }
    case 'value': {
      const value = propertyValue(path.property!, row);
      return { kind: 'value', body: value === null ? null : typeof value === 'object' ? JSON.stringify(value) : String(value) };
    }
    default:
      return { kind: 'json', body: serializeEntity(root, entity, row) };
  }
}

/** A collection under a keyed parent (`/Things(9)/Datastreams`) is a 404 when the parent does not exist. */
async function assertParentsExist(ctx: ReadContext, path: ResourcePath): Promise<void> {
  const parents = path.steps.slice(0, -1);
  if (parents.length === 0) return;
  const { entity, ids } = resolveSteps(ctx.knex, parents, ctx.viewer);
  const found = await ctx.knex(entity.table).select('id').whereIn('id', ids).first();
  if (!found) throw new NotFoundError('no such entity');
}
