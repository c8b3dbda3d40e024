/**
 * Test helpers for the query parsers: terse constructors for expected AST nodes, position stripping for
 * comparing encodings, and capturing a {@link QueryError}.
 */
import type { NumberLiteral, PropertyRef, StringLiteral } from '../ast';
import { QueryError } from '../query-error';

export const prop = (pos: number, ...path: string[]): PropertyRef => ({ kind: 'property', path, pos });

export const num = (pos: number, text: string): NumberLiteral => ({
  kind: 'number',
  value: Number(text),
  text,
  isInteger: !/[.eE]/.test(text),
  pos,
});

export const str = (pos: number, value: string): StringLiteral => ({ kind: 'string', value, pos });

/** A deep copy without `pos` fields, to compare trees from different encodings. */
export function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'pos')
      .map(([key, value]) => [key, withoutPositions(value)]),
  );
}

/** The QueryError thrown by `run`; fails the test when it returns or throws something else. */
export function queryError(run: () => unknown): QueryError {
  try {
    run();
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error('expected a QueryError, but parsing succeeded');
}

/** `option`, `position` and `token` of the QueryError thrown by `run`. */
export function errorAt(run: () => unknown): { option: string; position: number; token: string } {
  const { option, position, token } = queryError(run);
  return { option, position, token };
}
