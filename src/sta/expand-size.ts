/**
 * Guards `$expand` against multiplying into an enormous response: nested expands multiply (every Thing's
 * Datastreams' ObservedProperty's Datastreams …), so a short URL could otherwise ask for millions of rows and
 * exhaust the server's memory. A response may hold `maxResponseEntities` entities (`STA_MAX_RESPONSE_ENTITIES`),
 * expanded ones included; a request over it is a 400 that says how many it would return. First the
 * most the tree could return is computed from the page sizes alone (to-one relations count 1); only when that
 * bound is over the limit is the real number counted in SQL — the same relations, options and publication
 * policy as the expansion itself, but only counting — so ordinary requests pay nothing.
 */
import type { Knex } from 'knex';
import { BadRequestError } from '../errors/errors';
import { raw, sql, toRaw, type Sql } from '../query/sql/sql';
import { entity as entityNamed } from '../model/entities';
import type { EntityDef } from '../model/types';
import { expansionFrom, type ExpandNode } from './expand';
import type { ReadContext } from './read-context';
import type { Aliases } from './sta-scope';

/** The most entities `nodes` can add per parent row, from the page sizes alone. */
function bound(nodes: readonly ExpandNode[]): number {
  let total = 0;
  for (const node of nodes) {
    const rows = node.relation.many ? node.options.top : 1;
    total += rows * (1 + bound(node.children));
  }
  return total;
}

/** SQL counting the entities `nodes` add for the parent row under `parentAlias`. */
function counted(ctx: ReadContext, entity: EntityDef, parentAlias: string, nodes: readonly ExpandNode[], aliases: Aliases): Sql {
  if (nodes.length === 0) return sql`0`;
  const parts = nodes.map((node) => {
    const target = entityNamed(node.relation.target);
    const { alias, from, where, orderBy } = expansionFrom(ctx, entity, parentAlias, node, aliases);
    const inner = counted(ctx, target, alias, node.children, aliases);
    const limit = node.relation.many ? sql`ORDER BY ${orderBy} LIMIT ${node.options.top} OFFSET ${node.options.skip}` : sql`LIMIT 1`;
    const page = raw(`${alias}_n`);
    return sql`(SELECT COALESCE(sum(${page}.n), 0) FROM (SELECT 1 + ${inner} AS n ${from} AND ${where} ${limit}) AS ${page})`;
  });
  return sql`(${parts.reduce((sum, part) => sql`${sum} + ${part}`)})`;
}

/**
 * Refuses the read when its `rows` (a SELECT of at most `pageSize` rows of `entity` under its table name) and
 * their expansions would hold more than `ctx.maxResponseEntities` entities.
 */
export async function checkExpandedSize(
  ctx: ReadContext,
  entity: EntityDef,
  tree: readonly ExpandNode[],
  pageSize: number,
  rows: () => Knex.QueryBuilder,
  aliases: Aliases,
): Promise<void> {
  const limit = ctx.maxResponseEntities;
  if (pageSize * (1 + bound(tree)) <= limit) return;
  const perRow = toRaw(ctx.knex, counted(ctx, entity, entity.table, tree, aliases));
  const page = rows().select(ctx.knex.raw('1 + ? AS n', [perRow]));
  const result = await ctx.knex.from(page.as('counted')).sum({ total: 'n' }).first();
  const total = Number(result?.total ?? 0);
  if (total > limit) {
    throw new BadRequestError(
      `$expand: this request would return ${total} entities, more than the ${limit} one response may hold; ` +
        'ask for fewer with a smaller $top, or a $top or $filter inside the $expand',
      { option: '$expand' },
    );
  }
}
