/** A PostgreSQL text[] literal, to bind as one value (`= ANY(?::text[])`): knex would expand a JS array into a list. */
export function toPgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
