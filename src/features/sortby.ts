/**
 * `sortby` on items (as in OGC API – Records and the draft OGC API – Features Part 8, Sorting): a comma-separated
 * list of queryables, each optionally prefixed with `+` (ascending, the default) or `-` (descending), e.g.
 * `sortby=organisation,-updated`. Text sorts in code-point order (the same on every backend), missing values
 * last in either direction, and ties by feature id, so pages are stable. Names come only from the declarations.
 */
import { BadRequestError } from '../errors/errors';
import { SENSOR_PROPERTIES, type FeatureProperty } from './sensor-properties';

export interface SortKey {
  /** A queryable, or undefined for the feature id. */
  readonly property?: FeatureProperty;
  readonly descending: boolean;
}

const SORTABLE = new Map(SENSOR_PROPERTIES.map((property) => [property.name, property]));

/** The sort keys of `sortby` (an unescaped `+` arrives as a space and means ascending). */
export function parseSortby(text: string): SortKey[] {
  return text.split(',').map((part) => {
    const trimmed = part.trim();
    const descending = trimmed.startsWith('-');
    const name = trimmed.replace(/^[+-]/, '');
    if (name === 'id') return { descending };
    const property = SORTABLE.get(name);
    if (!property) {
      const hint = name === '' ? 'an empty sort key' : `'${name}' is not a queryable of this collection`;
      throw new BadRequestError(`sortby: ${hint}; use [+|-]name[,…] with names from /queryables or id`);
    }
    return { property, descending };
  });
}

/** ORDER BY of the derived table `f` for `keys`, ending with the id. */
export function orderBySql(keys: readonly SortKey[]): string {
  const terms = keys.map(({ property, descending }) => {
    const column = property ? `f.${property.name}` : 'f.id';
    const collated = property?.type === 'string' && !property.format ? `${column} COLLATE "C"` : column;
    return `${collated} ${descending ? 'DESC' : 'ASC'} NULLS LAST`;
  });
  return [...terms, 'f.id ASC'].join(', ');
}
