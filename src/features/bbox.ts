/**
 * The `bbox` parameter — OGC API – Features Part 1 `/req/core/fc-bbox-definition` and `fc-bbox-response`
 * (4 or 6 numbers, intersects, boxes crossing the antimeridian when minx > maxx in a geographic CRS) and
 * Part 2 `/req/crs/fc-bbox-crs-action` (coordinates in `bbox-crs`, axis order of that CRS). NL ADR
 * `/geo/bbox-query-parameter`: coordinates outside the CRS's area are an error.
 */
import { BadRequestError } from '../errors/errors';
import { insideArea } from '../query/geometry-area';
import type { CrsDef } from './crs';

/** A bbox in the requested CRS's coordinates, reordered to x (east) / y (north). */
export interface BoundingBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly crs: CrsDef;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses `bbox` (in `crs` axis order) into an x/y box; 400 on a malformed or out-of-area value. */
export function parseBbox(value: string, crs: CrsDef): BoundingBox {
  const parts = value.split(',').map((part) => part.trim());
  if ((parts.length !== 4 && parts.length !== 6) || !parts.every((part) => NUMBER.test(part))) {
    throw new BadRequestError(`bbox must be 4 or 6 comma-separated numbers, got '${value}'`);
  }
  const numbers = parts.map(Number);
  const at = (index: number): number => numbers[index] ?? Number.NaN;
  const half = numbers.length / 2;
  // 6 numbers are minA,minB,minZ,maxA,maxB,maxZ: heights are ignored (points have none).
  const [minA, minB, maxA, maxB] = [at(0), at(1), at(half), at(half + 1)];
  if (!insideArea(crs.validArea, minA, minB) || !insideArea(crs.validArea, maxA, maxB)) {
    throw new BadRequestError(`bbox '${value}' lies outside the area of ${crs.uri} (${crs.validArea.join(',')})`);
  }
  const box = crs.latLon
    ? { minX: minB, minY: minA, maxX: maxB, maxY: maxA }
    : { minX: minA, minY: minB, maxX: maxA, maxY: maxB };
  if (box.minY > box.maxY) throw new BadRequestError(`bbox '${value}': the lower corner lies north of the upper corner`);
  if (box.minX > box.maxX && !crs.geographic) {
    throw new BadRequestError(`bbox '${value}': the lower corner lies east of the upper corner`);
  }
  return { ...box, crs };
}

/** The box as one or two non-wrapping boxes: a geographic box with minX > maxX crosses the antimeridian. */
export function splitAtAntimeridian(box: BoundingBox): BoundingBox[] {
  if (box.minX <= box.maxX) return [box];
  return [
    { ...box, maxX: 180 },
    { ...box, minX: -180 },
  ];
}
