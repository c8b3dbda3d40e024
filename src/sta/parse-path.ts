/**
 * SensorThings resource paths (OGC 18-088 §9.2): entity sets, entities by id, navigation to any depth,
 * properties, `$value` and `$ref`. Parsed against the model; anything the model does not know is a 404.
 */
import { BadRequestError, NotFoundError } from '../errors/errors';
import { MAX_NAVIGATION_DEPTH } from './limits';
import { entity, entityBySet, property, relation } from '../model/entities';
import type { EntityDef, PropertyDef, RelationDef } from '../model/types';

/** One entity segment of a path: the set or navigation it came from and an optional key. */
export interface PathStep {
  readonly entity: EntityDef;
  /** The navigation property that led here (absent on the first step). */
  readonly via?: RelationDef;
  /** The id in `(…)`, when given. */
  readonly id?: number;
  /** Whether this step addresses one entity (a key, or a to-one navigation). */
  readonly single: boolean;
}

/** A parsed resource path. */
export interface ResourcePath {
  readonly steps: readonly PathStep[];
  /** What the path returns. */
  readonly target: 'collection' | 'entity' | 'property' | 'value' | 'ref';
  readonly property?: PropertyDef;
}

const SEGMENT = /^([A-Za-z]+)(?:\((.*)\))?$/;

/** Parses an id key; ids are positive integers that fit a JavaScript number, anything else matches nothing. */
function parseKey(raw: string, path: string): number {
  if (!/^\d{1,16}$/.test(raw)) throw new NotFoundError(`no entity at ${path}`);
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw new NotFoundError(`no entity at ${path}`);
  return id;
}

/** Parses `Things(1)/Datastreams/…` (without the version prefix and leading slash). */
export function parseResourcePath(path: string): ResourcePath {
  const segments = path.split('/');
  if (segments.length > MAX_NAVIGATION_DEPTH + 3) {
    throw new BadRequestError(`the resource path navigates more than ${MAX_NAVIGATION_DEPTH} relations deep`);
  }
  const notFound = (): never => {
    const hint = path === '' || path.endsWith('/') ? ': remove the trailing slash' : '';
    throw new NotFoundError(`no resource at /${path}${hint}`);
  };
  const steps: PathStep[] = [];
  let i = 0;
  for (; i < segments.length; i++) {
    const match = SEGMENT.exec(segments[i] ?? '');
    if (!match) break;
    const [, name = '', key] = match;
    const previous = steps[steps.length - 1];
    if (!previous) {
      const entity = entityBySet(name) ?? notFound();
      const id = key === undefined ? undefined : parseKey(key, path);
      steps.push({ entity, id, single: id !== undefined });
      continue;
    }
    if (!previous.single) notFound();
    const via = relation(previous.entity, name);
    if (!via) {
      if (key !== undefined) notFound();
      break;
    }
    if (key !== undefined && !via.many) notFound();
    const id = key === undefined ? undefined : parseKey(key, path);
    steps.push({ entity: entity(via.target), via, id, single: !via.many || id !== undefined });
  }
  const last = steps[steps.length - 1] ?? notFound();
  const rest = segments.slice(i);
  if (rest.length === 0) return { steps, target: last.single ? 'entity' : 'collection' };
  if (rest.length === 1 && rest[0] === '$ref') return { steps, target: 'ref' };
  if (!last.single) notFound();
  const prop = property(last.entity, rest[0] ?? '') ?? notFound();
  if (rest.length === 1) return { steps, target: 'property', property: prop };
  if (rest.length === 2 && rest[1] === '$value') return { steps, target: 'value', property: prop };
  return notFound();
}
