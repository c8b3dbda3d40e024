/**
 * Checks that a record's fixed point lies in the Netherlands: RD New coordinates inside the EPSG:28992 area
 * of use, WGS84 coordinates inside the country's bounding box — with a hint when the numbers look swapped
 * or given in the other system.
 */
import type { ImportRecord } from '../profile-types';
import type { FieldIssue } from './types';

interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** EPSG:28992 (Amersfoort / RD New) area of use, in RD metres. */
export const RD_AREA: Box = { minX: 646.36, maxX: 308975.28, minY: 276050.82, maxY: 636456.31 };

/** The Netherlands in WGS84 degrees (longitude as x, latitude as y). */
export const NETHERLANDS_WGS84: Box = { minX: 3.2, maxX: 7.22, minY: 50.75, maxY: 53.7 };

const inside = (box: Box, x: number, y: number): boolean =>
  x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;

/** The problem with a record's position, or `undefined` when it lies in the Netherlands. */
export function positionIssue(position: ImportRecord['position']): FieldIssue | undefined {
  const { x, y } = position;
  if (position.crs === 'EPSG:28992') {
    if (inside(RD_AREA, x, y)) return undefined;
    const hint = inside(RD_AREA, y, x)
      ? ' — did you swap x and y?'
      : inside(NETHERLANDS_WGS84, x, y) || inside(NETHERLANDS_WGS84, y, x)
        ? ' — these look like WGS84 degrees: give them as longitude and latitude'
        : '';
    return {
      field: 'position',
      reason: `RD coordinates (${x}, ${y}) lie outside the Netherlands (EPSG:28992 area of use: x 646.36 … 308975.28, y 276050.82 … 636456.31)${hint}`,
    };
  }
  if (inside(NETHERLANDS_WGS84, x, y)) return undefined;
  const hint = inside(NETHERLANDS_WGS84, y, x)
    ? ' — did you swap longitude and latitude?'
    : inside(RD_AREA, x, y)
      ? ' — these look like RD New metres: give them as x and y'
      : '';
  return {
    field: 'position',
    reason: `WGS84 coordinates (longitude ${x}, latitude ${y}) lie outside the Netherlands (longitude 3.2 … 7.22, latitude 50.75 … 53.7)${hint}`,
  };
}
