/**
 * `$select` (OGC 18-088 §9.3.3.2) as a projection: which properties, JSON sub-paths and navigation links an
 * entity renders. Without `$select` everything is rendered; with it, only what was named (plus expanded
 * relations).
 */
import type { SelectItem } from '../query/parse-filter';
import { failFor } from '../query/query-error';
import { property, relation } from '../model/entities';
import type { EntityDef } from '../model/types';

export interface Projection {
  readonly all: boolean;
  readonly id: boolean;
  /** Whole properties to render. */
  readonly properties: ReadonlySet<string>;
  /** JSON sub-paths to render: property name → paths inside it. */
  readonly jsonPaths: ReadonlyMap<string, readonly string[][]>;
  /** Navigation links to render. */
  readonly navigation: ReadonlySet<string>;
}

export const ALL: Projection = { all: true, id: true, properties: new Set(), jsonPaths: new Map(), navigation: new Set() };

/** Checks `$select` against the model and builds the projection. */
export function projectionOf(entity: EntityDef, select: readonly SelectItem[] | undefined): Projection {
  if (!select) return ALL;
  const fail = failFor('$select');
  let id = false;
  const properties = new Set<string>();
  const jsonPaths = new Map<string, string[][]>();
  const navigation = new Set<string>();
  for (const item of select) {
    const [first = '', ...rest] = item.path;
    if ((first === 'id' || first === '@iot.id') && rest.length === 0) {
      id = true;
      continue;
    }
    const prop = property(entity, first);
    if (prop && rest.length === 0) {
      properties.add(first);
      continue;
    }
    if (prop && prop.kind === 'json') {
      jsonPaths.set(first, [...(jsonPaths.get(first) ?? []), rest]);
      continue;
    }
    if (relation(entity, first) && rest.length === 0) {
      navigation.add(first);
      continue;
    }
    fail(item.pos, item.path.join('/'), `${entity.name} has no property '${item.path.join('/')}'`);
  }
  return { all: false, id, properties, jsonPaths, navigation };
}

/** The value at `path` inside a JSON value, or undefined. */
function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Copies the selected sub-paths of a JSON value into a new object of the same shape. */
export function pickPaths(value: unknown, paths: readonly string[][]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const path of paths) {
    const found = at(value, path);
    if (found === undefined) continue;
    let target = result;
    path.slice(0, -1).forEach((key) => {
      target[key] = (target[key] as Record<string, unknown>) ?? {};
      target = target[key] as Record<string, unknown>;
    });
    target[path[path.length - 1] as string] = found;
  }
  return result;
}
