/**
 * `$expand` (OGC 18-088 §9.3.2.1) to any depth with nested `$filter;$select;$orderby;$top;$skip;$count;$expand`:
 * one query per expanded relation and level, numbering the related rows per parent with a window function so
 * each parent gets its own page, count and nextLink.
 */
import type { ExpandItem, QueryOptions } from '../query/parse-query-options';
import { failFor } from '../query/query-error';
import { raw, sql, toRaw, type Sql } from '../query/sql/sql';
import { entity as entityNamed, relation } from '../model/entities';
import type { EntityDef, RelationDef } from '../model/types';
import { visibleIds } from '../register/publication';
import { compileOptions } from './compile-options';
import { projectionOf } from './projection';
import { selectColumns, serializeEntity, selfLink, type Expanded, type Row } from './serialize';
import { visibilityImplied } from './sta-scope';
import type { ReadContext } from './read-context';

/** An expand tree node: one relation with its options and nested expands. */
interface ExpandNode {
  relation: RelationDef;
  options: QueryOptions;
  children: ExpandNode[];
}

/** Turns `$expand` items (with `/` paths) into a tree over the model; unknown relations are 400s. */
function expandTree(entity: EntityDef, items: readonly ExpandItem[], defaults: QueryOptions): ExpandNode[] {
  const fail = failFor('$expand');
  const nodes: ExpandNode[] = [];
  for (const item of items) {
    let current = entity;
    let level = nodes;
    item.path.forEach((name, i) => {
      const via = relation(current, name) ?? fail(item.pos, name, `${current.name} has no navigation property '${name}'`);
      const last = i === item.path.length - 1;
      let node = level.find((candidate) => candidate.relation.name === name);
      if (!node) {
        node = { relation: via, options: defaults, children: [] };
        level.push(node);
      }
      if (last) {
        node.options = item.options;
        node.children.push(...expandTree(entityNamed(via.target), item.options.expand, defaults));
      }
      current = entityNamed(via.target);
      level = node.children;
    });
  }
  return nodes;
}

/** `FROM …` of the related rows (alias `c`) and the SQL of their parent's id. */
function relatedRows(source: EntityDef, via: RelationDef): { from: Sql; parent: string } {
  const target = entityNamed(via.target);
  switch (via.join.kind) {
    case 'fk-here':
      return { from: raw(`${source.table} AS p JOIN ${target.table} AS c ON c.id = p.${via.join.column}`), parent: 'p.id' };
    case 'fk-there':
      return { from: raw(`${target.table} AS c`), parent: `c.${via.join.column}` };
    case 'link':
      return { from: raw(`${via.join.table} AS l JOIN ${target.table} AS c ON c.id = l.${via.join.to}`), parent: `l.${via.join.from}` };
  }
}

/** Expands `nodes` for the rows of `entity`; returns the inline content per parent id. */
async function expandLevel(ctx: ReadContext, entity: EntityDef, ids: number[], nodes: ExpandNode[]): Promise<Map<number, Expanded>> {
  const result = new Map<number, Expanded>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return result;
  for (const node of nodes) {
    const target = entityNamed(node.relation.target);
    const { from, parent } = relatedRows(entity, node.relation);
    const compiled = compileOptions({ knex: ctx.knex, viewer: ctx.viewer }, target, 'c', node.options);
    const visible = visibilityImplied(entity, node.relation, target) ? sql`TRUE` : sql`c.id IN ${visibleIds(ctx.knex, target, ctx.viewer)}`;
    const { top, skip } = node.options;
    const query = sql`SELECT * FROM (
        SELECT ${raw(selectColumns(target, 'c').join(', '))}, ${raw(parent)} AS parent__,
               row_number() OVER (PARTITION BY ${raw(parent)} ORDER BY ${compiled.orderBy}) AS rn__,
               count(*) OVER (PARTITION BY ${raw(parent)}) AS count__
        FROM ${from}
        WHERE ${raw(parent)} = ANY((${`{${ids.join(',')}}`})::bigint[]) AND ${visible} AND ${compiled.where ?? sql`TRUE`}
      ) AS ranked WHERE rn__ > ${skip} AND rn__ <= ${skip + top + 1} ORDER BY parent__, rn__`;
    const { rows } = (await toRaw(ctx.knex, query)) as unknown as { rows: Row[] };
    const nested = await expandLevel(ctx, target, [...new Set(rows.map((row) => Number(row.id)))], node.children);
    const projection = projectionOf(target, node.options.select);
    const byParent = new Map<number, Row[]>();
    for (const row of rows) byParent.set(Number(row.parent__), [...(byParent.get(Number(row.parent__)) ?? []), row]);
    for (const id of ids) {
      const related = byParent.get(id) ?? [];
      const rendered = related.slice(0, top).map((row) => serializeEntity(ctx.root, target, row, projection, nested.get(Number(row.id))));
      const expanded = result.get(id) as Expanded;
      const name = node.relation.name;
      if (!node.relation.many) {
        expanded[name] = rendered[0] ?? null;
        continue;
      }
      expanded[name] = rendered;
      if (node.options.count) expanded[`${name}@iot.count`] = Number(related[0]?.count__ ?? 0);
      if (related.length > top) {
        expanded[`${name}@iot.nextLink`] = `${selfLink(ctx.root, entity, id)}/${name}?$top=${top}&$skip=${skip + top}`;
      }
    }
  }
  return result;
}

/** The inline expansions of `rows` of `entity` per row id. */
export function expandRows(ctx: ReadContext, entity: EntityDef, rows: Row[], options: QueryOptions, defaults: QueryOptions): Promise<Map<number, Expanded>> {
  const tree = expandTree(entity, options.expand, defaults);
  return expandLevel(ctx, entity, rows.map((row) => Number(row.id)), tree);
}
