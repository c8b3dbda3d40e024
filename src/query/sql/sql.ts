/**
 * SQL fragments with bound values: text with `?` placeholders and the values that fill them, in order.
 * Values are never interpolated; identifiers come only from the model or from fixed tables in the compiler.
 * A fragment becomes a knex raw with `toRaw`.
 */
import type { Knex } from 'knex';

/** A piece of SQL and its bindings (values, or knex sub-queries). */
export interface Sql {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Tagged template: `sql\`a = ${x}\`` binds `x`; a nested Sql is spliced with its own bindings. */
export function sql(strings: TemplateStringsArray, ...parts: unknown[]): Sql {
  let text = strings[0] ?? '';
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    if (isSql(part)) {
      text += part.text;
      values.push(...part.values);
    } else {
      text += '?';
      values.push(part);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, values };
}

/** Trusted SQL text without bindings (operators, identifiers from the model). */
export function raw(text: string): Sql {
  if (text.includes('?')) throw new Error(`raw SQL must not contain '?': ${text}`);
  return { text, values: [] };
}

/** Joins fragments with a separator. */
export function join(parts: readonly Sql[], separator: string): Sql {
  return {
    text: parts.map((part) => part.text).join(separator),
    values: parts.flatMap((part) => part.values),
  };
}

export function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && 'text' in value && 'values' in value && Array.isArray((value as Sql).values);
}

/** The fragment as a knex raw expression. */
export function toRaw(knex: Knex, fragment: Sql): Knex.Raw {
  return knex.raw(fragment.text, fragment.values as Knex.RawBinding[]);
}
