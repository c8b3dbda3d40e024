/**
 * `$filter` and `$orderby` of one entity set compiled against its scope: the WHERE condition and the ORDER BY
 * list (text in code-point order, ties broken by id so paging is deterministic).
 */
import type { QueryOptions } from '../query/parse-query-options';
import { compileFilter, compileValue } from '../query/sql/compile';
import { join, raw, sql, type Sql } from '../query/sql/sql';
import type { EntityDef } from '../model/types';
import { staScope, type ScopeContext } from './sta-scope';

export interface CompiledOptions {
  where: Sql | undefined;
  orderBy: Sql;
}

/** `aliases` must be the statement's one alias source, so sub-query aliases never shadow an enclosing one. */
export function compileOptions(base: Omit<ScopeContext, 'option'>, entity: EntityDef, alias: string, options: QueryOptions): CompiledOptions {
  const { aliases } = base;
  const where = options.filter
    ? compileFilter(options.filter, staScope({ ...base, aliases, option: '$filter' }, entity, alias), '$filter')
    : undefined;
  const orderScope = staScope({ ...base, aliases, option: '$orderby' }, entity, alias);
  const keys = options.orderBy.map((item) => {
    const value = compileValue(item.expr, orderScope, '$orderby');
    // OData orders null below every value: first ascending, last descending.
    const direction = raw(item.direction === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST');
    const collated = value.type === 'text' ? sql`${value.sql} COLLATE "C"` : value.sql;
    return sql`${collated} ${direction}`;
  });
  keys.push(raw(`${alias}.id ASC`));
  return { where, orderBy: join(keys, ', ') };
}
