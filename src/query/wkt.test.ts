import { bboxGeometry } from './geometry';
import { failFor } from './query-error';
import { parseWkt } from './wkt';
import { errorAt } from './__tests__/ast-helpers';

const wkt = (text: string) => parseWkt(text, 0, text.length, failFor('test'));

describe('WKT', () => {
  it('returns the geometry and the offset after it', () => {
    expect(wkt('POINT (1 2) AND x')).toEqual({ geometry: { type: 'Point', coordinates: [1, 2] }, end: 11 });
    expect(parseWkt('x = point(1 2)', 4, 14, failFor('test'))).toEqual({
      geometry: { type: 'Point', coordinates: [1, 2] },
      end: 14,
    });
  });

  it('parses signs, decimals and exponents', () => {
    expect(wkt('POINT(-4.5 +5.25e1)').geometry).toEqual({ type: 'Point', coordinates: [-4.5, 52.5] });
    expect(wkt('LINESTRING Z(1 2 3,.5 -.5 0)').geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2, 3],
        [0.5, -0.5, 0],
      ],
    });
  });

  it.each([
    ['POINT(1 2 3 4)', 12, '4'],
    ['POINT Z(1 2)', 8, '1 2'],
    ['POINT(1 2', 9, ''],
    ['POINT(a b)', 6, 'a'],
    ['POINT(1e999 0)', 6, '1e999'],
    ['LINESTRING(1 2)', 0, 'LINESTRING(1 2)'],
    ['POLYGON((0 0, 1 1, 0 0))', 0, 'POLYGON((0 0, 1 1, 0 0))'],
    ['MULTIPOINT EMPTY', 11, 'EMPTY'],
    ['POINT ZM(1 2 3 4)', 6, 'ZM'],
    ['POINT X(1 2)', 6, 'X'],
    ['CIRCLE(1 2)', 0, 'CIRCLE'],
  ])('rejects %s', (text, position, token) => {
    expect(errorAt(() => wkt(text))).toEqual({ option: 'test', position, token });
  });
});

describe('bbox', () => {
  it('becomes a polygon, or two across the antimeridian', () => {
    expect(bboxGeometry([0, 1, 2, 3])).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 1],
          [2, 1],
          [2, 3],
          [0, 3],
          [0, 1],
        ],
      ],
    });
    expect(bboxGeometry([170, 0, -170, 10])).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [170, 0],
            [180, 0],
            [180, 10],
            [170, 10],
            [170, 0],
          ],
        ],
        [
          [
            [-180, 0],
            [-170, 0],
            [-170, 10],
            [-180, 10],
            [-180, 0],
          ],
        ],
      ],
    });
    expect(bboxGeometry([1, 2, 3])).toBe('a bbox needs 4 or 6 numbers');
    expect(bboxGeometry([0, 5, 1, 4])).toBe('bbox minimum y is greater than its maximum y');
  });
});
