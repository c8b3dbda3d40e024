/** Reserves ids from a table's identity sequence up front, so a batch can insert rows that reference each other. */
import type { Knex } from 'knex';

/** `count` fresh ids of `table.id`, in ascending order. */
export async function allocateIds(knex: Knex, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await knex.raw<{ rows: { id: number }[] }>(
    `SELECT nextval(pg_get_serial_sequence(?, 'id'))::bigint AS id FROM generate_series(1, ?::int)`,
    [table, count],
  );
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}
