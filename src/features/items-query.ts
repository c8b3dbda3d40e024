/**
 * Parses the query string of `/collections/{id}/items` and `/items/{featureId}` into typed requests —
 * OGC API – Features Part 1 `/req/core/fc-limit-definition` (integer 1…10000, default 10; larger values are
 * clamped as in v1.1), `fc-bbox-definition`, `fc-time-definition`; Part 2 `crs` and `bbox-crs`; Part 3
 * `/req/queryables-query-parameters` (`?property=value`, equality). Everything is validated before any SQL runs.
 */
import { BadRequestError } from '../errors/errors';
import { parseBbox } from './bbox';
import { parseCrs, type CrsDef } from './crs';
import { parseDatetime } from './datetime';
import type { FeatureFilter, PropertyEquals } from './feature-sql';
import { QUERY_PARAMETER_PROPERTIES } from './sensor-properties';
import { parseSortby, type SortKey } from './sortby';

export const LIMIT_DEFAULT = 10;
export const LIMIT_MAX = 10000;

/** Standard parameters of the items resource (besides the property names). */
export const ITEMS_PARAMETERS = ['f', 'limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'datetime', 'filter', 'filter-lang', 'filter-crs', 'sortby'] as const;
export const ITEM_PARAMETERS = ['f', 'crs'] as const;

/** Every parameter items accepts. */
export const ITEMS_DECLARED: ReadonlySet<string> = new Set([...ITEMS_PARAMETERS, ...QUERY_PARAMETER_PROPERTIES.map((property) => property.name)]);
export const ITEM_DECLARED: ReadonlySet<string> = new Set(ITEM_PARAMETERS);

export interface ItemsRequest {
  readonly filter: FeatureFilter;
  readonly limit: number;
  readonly offset: number;
  readonly sort: readonly SortKey[];
  readonly crs: CrsDef;
}

function wholeNumber(name: string, value: string, min: number): number {
  if (!/^\d{1,15}$/.test(value) || Number(value) < min) {
    throw new BadRequestError(`${name} must be a whole number of at least ${min}, got '${value}'`);
  }
  return Number(value);
}

/** `limit`: a whole number of at least 1; any larger than the maximum (however many digits) is clamped. */
function parseLimit(value: string): number {
  if (/^0*[1-9]\d{15,}$/.test(value)) return LIMIT_MAX;
  return Math.min(wholeNumber('limit', value, 1), LIMIT_MAX);
}

function propertyValue(equals: (typeof QUERY_PARAMETER_PROPERTIES)[number], value: string): PropertyEquals {
  if (equals.type === 'boolean') {
    if (value !== 'true' && value !== 'false') throw new BadRequestError(`${equals.name} must be true or false, got '${value}'`);
    return { property: equals, value: value === 'true' };
  }
  if (equals.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new BadRequestError(`${equals.name} must be a date (YYYY-MM-DD), got '${value}'`);
  }
  return { property: equals, value };
}

/** The typed items request from declared, single-valued parameters. */
export function parseItemsQuery(query: Readonly<Record<string, string>>): ItemsRequest {
  const limit = query.limit === undefined ? LIMIT_DEFAULT : parseLimit(query.limit);
  const offset = query.offset === undefined ? 0 : wholeNumber('offset', query.offset, 0);
  const crs = parseCrs('crs', query.crs);
  const bboxCrs = parseCrs('bbox-crs', query['bbox-crs']);
  if (query['bbox-crs'] !== undefined && query.bbox === undefined) throw new BadRequestError('bbox-crs is given without bbox');
  const equals = QUERY_PARAMETER_PROPERTIES.filter((property) => query[property.name] !== undefined).map((property) =>
    propertyValue(property, query[property.name] as string),
  );
  const filter: FeatureFilter = {
    ...(query.bbox !== undefined && { bbox: parseBbox(query.bbox, bboxCrs) }),
    ...(query.datetime !== undefined && { time: parseDatetime(query.datetime) }),
    equals,
  };
  const sort = query.sortby === undefined ? [] : parseSortby(query.sortby);
  return { filter, limit, offset, sort, crs };
}

/** The CRS of a single-feature request. */
export function parseItemQuery(query: Readonly<Record<string, string>>): CrsDef {
  return parseCrs('crs', query.crs);
}

/** A feature id from the path: a positive integer, else undefined (→ 404). */
export function parseFeatureId(text: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : undefined;
}
