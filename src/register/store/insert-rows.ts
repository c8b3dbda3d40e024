/**
 * Bulk insert through one bound JSON parameter: `INSERT … SELECT … FROM jsonb_to_recordset(?)`. One round
 * trip per batch and table on both backends, values always bound.
 */
import type { Knex } from 'knex';

/** Column name → PostgreSQL type of the record set. */
export type ColumnTypes = Readonly<Record<string, string>>;

/**
 * Inserts `rows` into `table`. `select` maps each target column to an SQL expression over the record `r`
 * (defaults to `r.<column>`); `columns` declares the JSON record's fields and their types.
 */
export async function insertRows(
  knex: Knex,
  table: string,
  columns: ColumnTypes,
  rows: readonly object[],
  select: Readonly<Record<string, string>> = {},
): Promise<void> {
  if (rows.length === 0) return;
  const recordType = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  const targets = Object.keys(columns).filter((name) => !name.startsWith('_'));
  const extra = Object.keys(select).filter((name) => !(name in columns));
  const targetList = [...targets, ...extra];
  const expressions = targetList.map((name) => select[name] ?? `r.${name}`);
  await knex.raw(
    `INSERT INTO ${table} (${targetList.join(', ')})
     SELECT ${expressions.join(', ')} FROM jsonb_to_recordset(?::jsonb) AS r(${recordType})`,
    [JSON.stringify(rows)],
  );
}
