/**
 * `$expand` (OGC 18-088 §9.3.2.1) to any depth with nested `$filter;$select;$orderby;$top;$skip;$count;$expand`.
 * Expansions are fetched in the same statement as their parents: each expanded relation is a correlated
 * sub-query column returning the related rows as JSON (one page per parent, plus the count when asked; the
 * row itself for a to-one relation), nested
 * as deep as the request goes. The rows are then rendered by the one serializer.
 */
import type { ExpandItem, QueryOptions } from '../query/parse-query-options';
import { failFor } from '../query/query-error';
import { join, raw, sql, type Sql } from '../query/sql/sql';
import { entity as entityNamed, relation } from '../model/entities';
import type { EntityDef, RelationDef } from '../model/types';
import { visibleIds } from '../register/publication';
import { compileOptions } from './compile-options';
import { withOptions } from './links';
import { projectionOf } from './projection';
import type { ReadContext } from './read-context';
import { selectColumns, selfLink, serializeEntity, type Expanded, type Row } from './serialize';
import { MAX_NAVIGATION_DEPTH } from './limits';
import { Aliases, visibilityImplied } from './sta-scope';

/** An expand tree node: one relation with its options and nested expands. */
export interface ExpandNode {
  relation: RelationDef;
  options: QueryOptions;
  children: ExpandNode[];
}

/** Turns `$expand` items (with `/` paths) into a tree over the model; unknown relations are 400s. */
export function expandTree(entity: EntityDef, items: readonly ExpandItem[], defaults: QueryOptions, depth = 0): ExpandNode[] {
  const fail = failFor('$expand');
  const nodes: ExpandNode[] = [];
  for (const item of items) {
    let current = entity;
    let level = nodes;
    if (depth + item.path.length > MAX_NAVIGATION_DEPTH) {
      fail(item.pos, item.path.join('/'), `expands more than ${MAX_NAVIGATION_DEPTH} levels deep`);
    }
    item.path.forEach((name, i) => {
      const via = relation(current, name) ?? fail(item.pos, name, `${current.name} has no navigation property '${name}'`);
      let node = level.find((candidate) => candidate.relation.name === name);
      if (!node) {
        node = { relation: via, options: defaults, children: [] };
        level.push(node);
      }
      if (i === item.path.length - 1) {
        node.options = item.options;
        node.children.push(...expandTree(entityNamed(via.target), item.options.expand, defaults, depth + item.path.length));
      }
      current = entityNamed(via.target);
      level = node.children;
    });
  }
  return nodes;
}

/** The column under which an expansion arrives. */
const columnOf = (node: ExpandNode): string => `expand__${node.relation.name}`;

/** `FROM … WHERE <join to the parent row>` of the related rows (alias `alias`). */
function relatedFrom(source: EntityDef, parentAlias: string, via: RelationDef, alias: string): Sql {
  const target = entityNamed(via.target);
  switch (via.join.kind) {
    case 'fk-here':
      return raw(`FROM ${target.table} AS ${alias} WHERE ${alias}.id = ${parentAlias}.${via.join.column}`);
    case 'fk-there':
      return raw(`FROM ${target.table} AS ${alias} WHERE ${alias}.${via.join.column} = ${parentAlias}.id`);
    case 'link':
      return raw(
        `FROM ${via.join.table} AS ${alias}_l JOIN ${target.table} AS ${alias} ON ${alias}.id = ${alias}_l.${via.join.to} ` +
          `WHERE ${alias}_l.${via.join.from} = ${parentAlias}.id`,
      );
  }
}

/** The related rows of one expansion: their alias, `FROM … WHERE <join>`, further conditions and order. */
export interface Expansion {
  alias: string;
  from: Sql;
  /** The publication policy and the nested `$filter`. */
  where: Sql;
  orderBy: Sql;
}

/** The related rows of `node`, expanded from rows of `entity` under `parentAlias`. */
export function expansionFrom(ctx: ReadContext, entity: EntityDef, parentAlias: string, node: ExpandNode, aliases: Aliases): Expansion {
  const target = entityNamed(node.relation.target);
  const alias = aliases.fresh();
  const from = relatedFrom(entity, parentAlias, node.relation, alias);
  const compiled = compileOptions({ knex: ctx.knex, viewer: ctx.viewer, aliases }, target, alias, node.options);
  const visible = visibilityImplied(entity, node.relation, target) ? sql`TRUE` : sql`${raw(alias)}.id IN ${visibleIds(ctx.knex, target, ctx.viewer)}`;
  return { alias, from, where: sql`${visible} AND ${compiled.where ?? sql`TRUE`}`, orderBy: compiled.orderBy };
}

/** Correlated sub-query columns for `nodes`, expanded from rows of `entity` under `parentAlias`. */
export function expandColumns(ctx: ReadContext, entity: EntityDef, parentAlias: string, nodes: readonly ExpandNode[], aliases: Aliases): Sql[] {
  return nodes.map((node) => {
    const target = entityNamed(node.relation.target);
    const { alias, from, where, orderBy } = expansionFrom(ctx, entity, parentAlias, node, aliases);
    const columns = join([raw(selectColumns(target, alias).join(', ')), ...expandColumns(ctx, target, alias, node.children, aliases)], ', ');
    const rows = raw(`${alias}_page`);
    const column = raw(`"${columnOf(node)}"`);
    if (!node.relation.many) {
      // A to-one relation: the related row itself (or null); paging options do not apply.
      return sql`(SELECT row_to_json(${rows}) FROM (SELECT ${columns} ${from} AND ${where} LIMIT 1) AS ${rows}) AS ${column}`;
    }
    const { top, skip } = node.options;
    const page = sql`SELECT ${columns}, row_number() OVER (ORDER BY ${orderBy}) AS rn__ ${from} AND ${where}
      ORDER BY ${orderBy} LIMIT ${top + 1} OFFSET ${skip}`;
    const count = node.options.count ? sql`(SELECT count(*) ${from} AND ${where})` : sql`NULL`;
    return sql`(SELECT json_build_object('rows', COALESCE(json_agg(row_to_json(${rows}) ORDER BY ${rows}.rn__), '[]'::json), 'count', ${count})
      FROM (${page}) AS ${rows}) AS ${column}`;
  });
}

/** Renders the expansions fetched for one row. */
export function renderExpanded(ctx: ReadContext, entity: EntityDef, row: Row, nodes: readonly ExpandNode[]): Expanded {
  const expanded: Expanded = {};
  for (const node of nodes) {
    const target = entityNamed(node.relation.target);
    const projection = projectionOf(target, node.options.select);
    const render = (related: Row): Record<string, unknown> =>
      serializeEntity(ctx.root, target, related, projection, renderExpanded(ctx, target, related, node.children));
    const name = node.relation.name;
    if (!node.relation.many) {
      const related = row[columnOf(node)] as Row | null | undefined;
      expanded[name] = related ? render(related) : null;
      continue;
    }
    const data = (row[columnOf(node)] ?? { rows: [], count: null }) as { rows: Row[]; count: number | null };
    const { top, skip } = node.options;
    expanded[name] = data.rows.slice(0, top).map(render);
    if (node.options.count) expanded[`${name}@iot.count`] = Number(data.count ?? 0);
    if (top > 0 && data.rows.length > top) {
      // The rest of the expanded collection: its own options, as top-level options of the navigation path.
      const carried = Object.fromEntries(Object.entries(node.options.given).filter(([option]) => option !== '$top' && option !== '$skip'));
      expanded[`${name}@iot.nextLink`] = withOptions(`${selfLink(ctx.root, entity, Number(row.id))}/${name}`, { ...carried, $top: String(top), $skip: String(skip + top) });
    }
  }
  return expanded;
}
