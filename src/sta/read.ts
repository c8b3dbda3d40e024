/**
 * Read service of the SensorThings API: answers a parsed resource path and query options with the JSON the
 * spec asks for. Evaluation order filter → count → orderby → skip → top (OGC 18-088 §9.3.1); pages are fetched
 * one row beyond `$top` so `@iot.nextLink` appears exactly when more rows exist.
 */
import { NotFoundError } from '../errors/errors';
import type { QueryOptions } from '../query/parse-query-options';
import { join, toRaw } from '../query/sql/sql';
import { compileOptions } from './compile-options';
import { expandColumns, expandTree, renderExpanded } from './expand';
import { checkExpandedSize } from './expand-size';
import type { ResourcePath } from './parse-path';
import { projectionOf } from './projection';
import type { ReadContext } from './read-context';
import { resolveSteps } from './resolve-steps';
import { Aliases } from './sta-scope';
import { propertyValue, selectColumns, selfLink, serializeEntity, type Row } from './serialize';

export type { ReadContext } from './read-context';

/** The result of a read: a JSON body, or a raw `$value`. */
export type ReadResult = { kind: 'json'; body: unknown } | { kind: 'value'; body: string; json: boolean };

/** Reads `path` with `options`; `defaults` are the options an `$expand` level gets when it names none. */
export async function readPath(ctx: ReadContext, path: ResourcePath, options: QueryOptions, defaults: QueryOptions): Promise<ReadResult> {
  const { knex, root } = ctx;
  const { entity, restrict } = resolveSteps(knex, path.steps, ctx.viewer);
  const table = entity.table;
  const isCollection = !path.steps[path.steps.length - 1]?.single;
  const projection = projectionOf(entity, options.select);
  const tree = expandTree(entity, options.expand, defaults);
  const aliases = new Aliases();
  const expansions = expandColumns(ctx, entity, table, tree, aliases);
  const columns = [...selectColumns(entity), ...(expansions.length ? [toRaw(knex, join(expansions, ', '))] : [])];
  if (isCollection && (path.target === 'collection' || path.target === 'ref')) {
    await assertParentsExist(ctx, path);
    const compiled = compileOptions({ knex, viewer: ctx.viewer, aliases }, entity, table, options);
    const base = restrict(knex(table));
    if (compiled.where) base.whereRaw(toRaw(knex, compiled.where));
    if (path.target === 'collection') {
      const page = () => base.clone().orderByRaw(toRaw(knex, compiled.orderBy)).limit(options.top).offset(options.skip);
      await checkExpandedSize(ctx, entity, tree, options.top, page, aliases);
    }
    const body: Record<string, unknown> = {};
    // The count and the page are independent queries: on PostgreSQL they run on two pooled connections at once.
    const [counted, rows] = await Promise.all([
      options.count ? base.clone().count({ count: '*' }).first() : undefined,
      base
        .clone()
        .select(path.target === 'ref' ? [`${table}.id`] : columns)
        .orderByRaw(toRaw(knex, compiled.orderBy))
        .limit(options.top + 1)
        .offset(options.skip) as Promise<Row[]>,
    ]);
    if (options.count) body['@iot.count'] = Number(counted?.count ?? 0);
    const page = rows.slice(0, options.top);
    if (path.target === 'ref') {
      body.value = page.map((row) => ({ '@iot.selfLink': selfLink(root, entity, Number(row.id)) }));
    } else {
      body.value = page.map((row) => serializeEntity(root, entity, row, projection, renderExpanded(ctx, entity, row, tree)));
    }
    if (options.top > 0 && rows.length > options.top) body['@iot.nextLink'] = ctx.nextLink(options.skip + options.top);
    return { kind: 'json', body };
  }
  if (path.target === 'entity') await checkExpandedSize(ctx, entity, tree, 1, () => restrict(knex(table)).limit(1), aliases);
  const row: Row | undefined = await restrict(knex(table)).select(columns).first();
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
      const json = typeof value === 'object' && value !== null;
      return { kind: 'value', body: json ? JSON.stringify(value) : String(value), json };
    }
    default: {
      return { kind: 'json', body: serializeEntity(root, entity, row, projection, renderExpanded(ctx, entity, row, tree)) };
    }
  }
}

/** A collection under a keyed parent (`/Things(9)/Datastreams`) is a 404 when the parent does not exist. */
async function assertParentsExist(ctx: ReadContext, path: ResourcePath): Promise<void> {
  const parents = path.steps.slice(0, -1);
  if (parents.length === 0) return;
  const { entity, restrict } = resolveSteps(ctx.knex, parents, ctx.viewer);
  const found = await restrict(ctx.knex(entity.table)).select(`${entity.table}.id`).first();
  if (!found) throw new NotFoundError('no such entity');
}
