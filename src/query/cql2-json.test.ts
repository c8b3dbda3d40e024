import { parseCql2Json } from './cql2-json';
import { parseCql2Text } from './cql2-text';
import { errorAt, queryError, withoutPositions } from './__tests__/ast-helpers';

const property = (name: string) => ({ property: name });

/** The same predicate in CQL2 text and CQL2-JSON. */
const equivalents: [string, unknown][] = [
  ["name = 'x'", { op: '=', args: [property('name'), 'x'] }],
  ['height <> 10', { op: '<>', args: [property('height'), 10] }],
  [
    'a < 1 AND b <= 2 AND c > 3',
    {
      op: 'and',
      args: [
        { op: '<', args: [property('a'), 1] },
        { op: '<=', args: [property('b'), 2] },
        { op: '>', args: [property('c'), 3] },
      ],
    },
  ],
  [
    'a >= 1 OR NOT b = 2',
    {
      op: 'or',
      args: [
        { op: '>=', args: [property('a'), 1] },
        { op: 'not', args: [{ op: '=', args: [property('b'), 2] }] },
      ],
    },
  ],
  ['owner IS NULL', { op: 'isNull', args: [property('owner')] }],
  ['owner IS NOT NULL', { op: 'not', args: [{ op: 'isNull', args: [property('owner')] }] }],
  ["name LIKE 'Park%'", { op: 'like', args: [property('name'), 'Park%'] }],
  ["name NOT LIKE 'Park%'", { op: 'not', args: [{ op: 'like', args: [property('name'), 'Park%'] }] }],
  [
    "CASEI(name) LIKE CASEI('park%')",
    {
      op: 'like',
      args: [
        { op: 'casei', args: [property('name')] },
        { op: 'casei', args: ['park%'] },
      ],
    },
  ],
  [
    "ACCENTI(name) = ACCENTI('Créme')",
    {
      op: '=',
      args: [
        { op: 'accenti', args: [property('name')] },
        { op: 'accenti', args: ['Créme'] },
      ],
    },
  ],
  ['depth BETWEEN 100 AND 150', { op: 'between', args: [property('depth'), 100, 150] }],
  ['depth NOT BETWEEN 100 AND 150', { op: 'not', args: [{ op: 'between', args: [property('depth'), 100, 150] }] }],
  ["kind IN ('gemeente', 'provincie')", { op: 'in', args: [property('kind'), ['gemeente', 'provincie']] }],
  ['id NOT IN (1, 2)', { op: 'not', args: [{ op: 'in', args: [property('id'), [1, 2]] }] }],
  [
    'a + b * 2 > c / 4 - d % 3',
    {
      op: '>',
      args: [
        { op: '+', args: [property('a'), { op: '*', args: [property('b'), 2] }] },
        {
          op: '-',
          args: [
            { op: '/', args: [property('c'), 4] },
            { op: '%', args: [property('d'), 3] },
          ],
        },
      ],
    },
  ],
  [
    'a div 2 = b ^ 2',
    {
      op: '=',
      args: [
        { op: 'div', args: [property('a'), 2] },
        { op: '^', args: [property('b'), 2] },
      ],
    },
  ],
  [
    'S_INTERSECTS(geometry, POINT(4.9 52.37))',
    {
      op: 's_intersects',
      args: [property('geometry'), { type: 'Point', coordinates: [4.9, 52.37] }],
    },
  ],
  [
    'S_WITHIN(geometry, POLYGON((4 52,5 52,5 53,4 52)))',
    {
      op: 's_within',
      args: [
        property('geometry'),
        {
          type: 'Polygon',
          coordinates: [
            [
              [4, 52],
              [5, 52],
              [5, 53],
              [4, 52],
            ],
          ],
        },
      ],
    },
  ],
  [
    'S_CONTAINS(GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1)), geometry)',
    {
      op: 's_contains',
      args: [
        {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: [1, 2] },
            {
              type: 'LineString',
              coordinates: [
                [0, 0],
                [1, 1],
              ],
            },
          ],
        },
        property('geometry'),
      ],
    },
  ],
  [
    'S_INTERSECTS(geometry, BBOX(4.8, 52.3, 5.0, 52.4))',
    { op: 's_intersects', args: [property('geometry'), { bbox: [4.8, 52.3, 5.0, 52.4] }] },
  ],
  [
    'S_DISJOINT(geometry, MULTIPOINT((1 2), (3 4)))',
    {
      op: 'S_DISJOINT',
      args: [
        property('geometry'),
        {
          type: 'MultiPoint',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    },
  ],
  [
    "updated > TIMESTAMP('2020-01-01T00:00:00Z')",
    { op: '>', args: [property('updated'), { timestamp: '2020-01-01T00:00:00Z' }] },
  ],
  ["updated >= DATE('2020-01-01')", { op: '>=', args: [property('updated'), { date: '2020-01-01' }] }],
  [
    "T_DURING(INTERVAL(starts_at, ends_at), INTERVAL('2005-01-10', '..'))",
    {
      op: 't_during',
      args: [{ interval: [property('starts_at'), property('ends_at')] }, { interval: ['2005-01-10', '..'] }],
    },
  ],
  [
    "T_FINISHEDBY(t, TIMESTAMP('2020-01-01T00:00:00Z'))",
    { op: 't_finishedBy', args: [property('t'), { timestamp: '2020-01-01T00:00:00Z' }] },
  ],
  ["A_CONTAINEDBY(themes, ('water', 'air'))", { op: 'a_containedBy', args: [property('themes'), ['water', 'air']] }],
  ["A_OVERLAPS(themes, ('water'))", { op: 'a_overlaps', args: [property('themes'), ['water']] }],
  ['TRUE', true],
  ['active = FALSE', { op: '=', args: [property('active'), false] }],
];

describe('CQL2-JSON gives the same AST as CQL2 text', () => {
  it.each(equivalents)('%s', (text, json) => {
    expect(withoutPositions(parseCql2Json(json))).toEqual(withoutPositions(parseCql2Text(text)));
  });

  it('accepts JSON text as well as a parsed value', () => {
    expect(parseCql2Json('{"op":"=","args":[{"property":"name"},"x"]}')).toEqual(
      parseCql2Json({ op: '=', args: [property('name'), 'x'] }),
    );
  });

  it('marks JSON nodes with position -1', () => {
    expect(parseCql2Json({ op: '=', args: [property('name'), 'x'] })).toEqual({
      kind: 'comparison',
      op: 'eq',
      left: { kind: 'property', path: ['name'], pos: -1 },
      right: { kind: 'string', value: 'x', pos: -1 },
      pos: -1,
    });
  });

  it('uses the srid given by filter-crs', () => {
    expect(
      parseCql2Json({ op: 's_intersects', args: [property('g'), { bbox: [1, 2, 3, 4] }] }, { srid: 28992 }),
    ).toMatchObject({
      args: [{}, { srid: 28992 }],
    });
  });
});

describe('CQL2-JSON errors name the JSON path', () => {
  it.each([
    ['unknown operator', { op: 'foo', args: [] }, '$.op'],
    ['op not a string', { op: 5, args: [] }, '$.op'],
    ['prototype member as op', { op: 'constructor', args: [1, 2] }, '$.op'],
    ['__proto__ as op', { op: '__proto__', args: [1, 2] }, '$.op'],
    ['__proto__ key', JSON.parse('{"__proto__": {"op": "="}}') as unknown, '$'],
    ['args missing', { op: '=' }, '$.args'],
    ['wrong arity', { op: '=', args: [property('a')] }, '$.args'],
    ['and with one operand', { op: 'and', args: [true] }, '$.args'],
    ['null value', { op: '=', args: [property('a'), null] }, '$.args[1]'],
    ['unknown object', { op: '=', args: [property('a'), { foo: 1 }] }, '$.args[1]'],
    ['empty property name', { op: '=', args: [property(''), 1] }, '$.args[0].property'],
    [
      'type mismatch',
      { op: 'and', args: [true, { op: '=', args: [property('a'), { op: 'casei', args: [5] }] }] },
      '$.args[1].args[1].args[0]',
    ],
    ['compare string with number', { op: '=', args: ['a', 1] }, '$.args[1]'],
    ['in without array', { op: 'in', args: [property('a'), 'x'] }, '$.args[1]'],
    ['bad date', { op: '=', args: [property('a'), { date: '2020-02-30' }] }, '$.args[1].date'],
    [
      'timestamp with offset',
      { op: '=', args: [property('a'), { timestamp: '2020-01-01T00:00:00+01:00' }] },
      '$.args[1].timestamp',
    ],
    ['interval of one', { op: 't_after', args: [property('a'), { interval: ['2020-01-01'] }] }, '$.args[1].interval'],
    [
      'interval of a number',
      { op: 't_after', args: [property('a'), { interval: ['2020-01-01', 5] }] },
      '$.args[1].interval[1]',
    ],
    ['bad geometry', { op: 's_intersects', args: [property('g'), { type: 'Point', coordinates: [1] }] }, '$.args[1]'],
    [
      'unknown geometry type',
      { op: 's_intersects', args: [property('g'), { type: 'Circle', coordinates: [1, 2] }] },
      '$.args[1]',
    ],
    [
      'open ring',
      {
        op: 's_intersects',
        args: [
          property('g'),
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          },
        ],
      },
      '$.args[1]',
    ],
    ['bbox of 3', { op: 's_intersects', args: [property('g'), { bbox: [1, 2, 3] }] }, '$.args[1].bbox'],
    ['string as filter', '"a"', '$'],
    ['number as filter', 5, '$'],
    ['array function with a number', { op: 'a_contains', args: [property('a'), 5] }, '$.args[1]'],
  ])('%s', (_name, json, path) => {
    expect(errorAt(() => parseCql2Json(json))).toEqual({ option: 'filter', position: -1, token: path });
  });

  it('writes the path into the message', () => {
    expect(queryError(() => parseCql2Json({ op: 'and', args: [true, { op: 'foo', args: [] }] })).message).toBe(
      "filter: unknown operator or function 'foo' at $.args[1].op",
    );
  });

  it('reports invalid JSON text, with its position when the JSON parser gives one', () => {
    expect(errorAt(() => parseCql2Json('{"op":"="'))).toEqual({ option: 'filter', position: 9, token: '' });
    expect(errorAt(() => parseCql2Json('{"op": "=", "args": [}'))).toMatchObject({ option: 'filter' });
    expect(queryError(() => parseCql2Json('[1,')).reason).toBe('not valid JSON');
  });
});
