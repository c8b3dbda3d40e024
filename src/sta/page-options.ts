/** `$top`, `$skip` and `$count` of a collection request, checked before anything is read. */
import { BadRequestError } from '../errors/errors';
import type { PageOptions } from './read';

function nonNegative(option: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw)) throw new BadRequestError(`${option} must be a non-negative integer, got '${raw}'`, { option });
  return Number(raw);
}

export function pageOptions(query: Record<string, string | undefined>, limits: { defaultTop: number; maxTop: number }): PageOptions {
  const count = query.$count;
  if (count !== undefined && count !== 'true' && count !== 'false') {
    throw new BadRequestError(`$count must be true or false, got '${count}'`, { option: '$count' });
  }
  return {
    top: Math.min(nonNegative('$top', query.$top, limits.defaultTop), limits.maxTop),
    skip: nonNegative('$skip', query.$skip, 0),
    count: count === 'true',
  };
}
