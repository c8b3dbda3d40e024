import type { Expression } from './ast';
import { parseCql2Text } from './cql2-text';
import { errorAt, num, prop, queryError, str } from './__tests__/ast-helpers';

const point = (x: number, y: number, pos: number): Expression => ({
  kind: 'geometry',
  geometry: { type: 'Point', coordinates: [x, y] },
  srid: 4326,
  pos,
});

describe('CQL2 text: basic-cql2', () => {
  it('maps the six comparison operators', () => {
    const ops = { '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const;
    for (const [symbol, op] of Object.entries(ops)) {
      expect(parseCql2Text(`height ${symbol} 10`)).toEqual({
        kind: 'comparison',
        op,
        left: prop(0, 'height'),
        right: num(8 + symbol.length, '10'),
        pos: 0,
      });
    }
  });

  it('binds NOT looser than comparisons, AND tighter than OR', () => {
    expect(parseCql2Text("NOT a = 1 AND b = 'x' OR c > 2")).toEqual({
      kind: 'logical',
      op: 'or',
      args: [
        {
          kind: 'logical',
          op: 'and',
          args: [
            {
              kind: 'not',
              arg: { kind: 'comparison', op: 'eq', left: prop(4, 'a'), right: num(8, '1'), pos: 4 },
              pos: 0,
            },
            { kind: 'comparison', op: 'eq', left: prop(14, 'b'), right: str(18, 'x'), pos: 14 },
          ],
          pos: 0,
        },
        { kind: 'comparison', op: 'gt', left: prop(25, 'c'), right: num(29, '2'), pos: 25 },
      ],
      pos: 0,
    });
  });

  it('groups with parentheses', () => {
    expect(parseCql2Text('a = 1 AND (b = 2 OR c = 3)')).toMatchObject({
      op: 'and',
      args: [{ op: 'eq' }, { kind: 'logical', op: 'or', pos: 11 }],
    });
  });

  it('parses IS NULL and IS NOT NULL', () => {
    expect(parseCql2Text('owner IS NULL')).toEqual({ kind: 'isNull', arg: prop(0, 'owner'), pos: 0 });
    expect(parseCql2Text('owner is not null')).toEqual({
      kind: 'not',
      arg: { kind: 'isNull', arg: prop(0, 'owner'), pos: 0 },
      pos: 0,
    });
  });

  it('parses boolean literals and keywords in any case', () => {
    expect(parseCql2Text('TRUE')).toEqual({ kind: 'boolean', value: true, pos: 0 });
    expect(parseCql2Text('active = false and x=1')).toMatchObject({
      op: 'and',
      args: [{ right: { kind: 'boolean', value: false, pos: 9 } }, { op: 'eq' }],
    });
  });

  it('accepts property names with dots, colons, underscores, Unicode and double quotes', () => {
    expect(parseCql2Text("sensor_type = 'camera'")).toMatchObject({ left: prop(0, 'sensor_type') });
    expect(parseCql2Text("properties.owner = 'x'")).toMatchObject({ left: prop(0, 'properties.owner') });
    expect(parseCql2Text("ns:name = 'x'")).toMatchObject({ left: prop(0, 'ns:name') });
    expect(parseCql2Text("organisatie_naam_é = 'x'")).toMatchObject({ left: prop(0, 'organisatie_naam_é') });
    expect(parseCql2Text(`"organisation" = 'Gemeente Utrecht'`)).toEqual({
      kind: 'comparison',
      op: 'eq',
      left: prop(0, 'organisation'),
      right: str(17, 'Gemeente Utrecht'),
      pos: 0,
    });
    expect(parseCql2Text(`"a ""b""" = 1`)).toMatchObject({ left: prop(0, 'a "b"') });
  });

  it("parses strings with '' and \\' escapes and Unicode", () => {
    expect(parseCql2Text("name = 'it''s'")).toMatchObject({ right: str(7, "it's") });
    expect(parseCql2Text("name = 'it\\'s'")).toMatchObject({ right: str(7, "it's") });
    expect(parseCql2Text("name = 'Ωmega 🚲'")).toMatchObject({ right: str(7, 'Ωmega 🚲') });
  });

  it('parses signed, decimal and scientific numbers', () => {
    expect(parseCql2Text('x = -5')).toMatchObject({
      right: { kind: 'number', value: -5, text: '-5', isInteger: true, pos: 4 },
    });
    expect(parseCql2Text('x = +5')).toMatchObject({
      right: { kind: 'number', value: 5, text: '5', isInteger: true, pos: 4 },
    });
    expect(parseCql2Text('x = .5')).toMatchObject({ right: { value: 0.5, text: '.5', isInteger: false } });
    expect(parseCql2Text('x = 5.')).toMatchObject({ right: { value: 5, text: '5.', isInteger: false } });
    expect(parseCql2Text('x = 1.5E-3')).toMatchObject({ right: { value: 0.0015, text: '1.5E-3', isInteger: false } });
  });
});

describe('CQL2 text: advanced comparison, case and accent insensitivity', () => {
  it('parses LIKE and NOT LIKE', () => {
    expect(parseCql2Text("name LIKE 'Park%'")).toEqual({
      kind: 'like',
      value: prop(0, 'name'),
      pattern: str(10, 'Park%'),
      pos: 0,
    });
    expect(parseCql2Text("name NOT LIKE 'Park_'")).toEqual({
      kind: 'not',
      arg: { kind: 'like', value: prop(0, 'name'), pattern: str(14, 'Park_'), pos: 0 },
      pos: 0,
    });
  });

  it('parses CASEI and ACCENTI wrappers', () => {
    expect(parseCql2Text("CASEI(name) LIKE casei('park%')")).toEqual({
      kind: 'like',
      value: { kind: 'function', name: 'casei', args: [prop(6, 'name')], returns: 'string', pos: 0 },
      pattern: { kind: 'function', name: 'casei', args: [str(23, 'park%')], returns: 'string', pos: 17 },
      pos: 0,
    });
    expect(parseCql2Text("ACCENTI(CASEI(name)) = accenti(casei('Créme'))")).toMatchObject({
      left: { name: 'accenti', args: [{ name: 'casei', args: [prop(14, 'name')] }] },
      right: { name: 'accenti', args: [{ name: 'casei', args: [str(37, 'Créme')] }] },
    });
  });

  it('parses BETWEEN and NOT BETWEEN without swallowing the following AND', () => {
    expect(parseCql2Text('depth BETWEEN 100.0 AND 150.0 AND x = 1')).toEqual({
      kind: 'logical',
      op: 'and',
      args: [
        {
          kind: 'between',
          value: prop(0, 'depth'),
          low: { kind: 'number', value: 100, text: '100.0', isInteger: false, pos: 14 },
          high: { kind: 'number', value: 150, text: '150.0', isInteger: false, pos: 24 },
          pos: 0,
        },
        { kind: 'comparison', op: 'eq', left: prop(34, 'x'), right: num(38, '1'), pos: 34 },
      ],
      pos: 0,
    });
    expect(parseCql2Text('depth NOT BETWEEN 1 AND 2')).toMatchObject({ kind: 'not', arg: { kind: 'between' } });
  });

  it('parses IN and NOT IN', () => {
    expect(parseCql2Text("kind IN ('gemeente', 'provincie')")).toEqual({
      kind: 'in',
      value: prop(0, 'kind'),
      list: [str(9, 'gemeente'), str(21, 'provincie')],
      pos: 0,
    });
    expect(parseCql2Text('id not in (1)')).toEqual({
      kind: 'not',
      arg: { kind: 'in', value: prop(0, 'id'), list: [num(11, '1')], pos: 0 },
      pos: 0,
    });
  });
});

describe('CQL2 text: arithmetic', () => {
  it('applies precedence + - < * / % div < ^ (right-associative) < unary minus', () => {
    expect(parseCql2Text('a + b * c ^ d ^ e > 0')).toMatchObject({
      left: {
        op: 'add',
        left: prop(0, 'a'),
        right: {
          op: 'mul',
          left: prop(4, 'b'),
          right: { op: 'pow', left: prop(8, 'c'), right: { op: 'pow', left: prop(12, 'd'), right: prop(16, 'e') } },
        },
      },
    });
    expect(parseCql2Text('a - b - c = 0')).toMatchObject({
      left: { op: 'sub', left: { op: 'sub' }, right: prop(8, 'c') },
    });
  });

  it('maps every arithmetic operator', () => {
    const ops = {
      '+': 'add',
      '-': 'sub',
      '*': 'mul',
      '/': 'div',
      '%': 'mod',
      div: 'intdiv',
      DIV: 'intdiv',
      '^': 'pow',
    };
    for (const [symbol, op] of Object.entries(ops)) {
      expect(parseCql2Text(`x ${symbol} 2 = 1`)).toMatchObject({
        left: { kind: 'arithmetic', op, left: prop(0, 'x'), right: num(3 + symbol.length, '2') },
      });
    }
  });

  it('negates non-literals', () => {
    expect(parseCql2Text('-x < 0')).toMatchObject({ left: { kind: 'negate', arg: prop(1, 'x'), pos: 0 } });
    expect(parseCql2Text('(a + 1) * 2 = 4')).toMatchObject({ left: { op: 'mul', left: { op: 'add', pos: 1 } } });
  });
});

describe('CQL2 text: spatial', () => {
  it('maps every S_ function to a spatial predicate', () => {
    for (const op of ['intersects', 'equals', 'disjoint', 'touches', 'within', 'overlaps', 'crosses', 'contains']) {
      expect(parseCql2Text(`S_${op.toUpperCase()}(geometry, POINT(1 2))`)).toEqual({
        kind: 'spatial',
        op,
        args: [prop(op.length + 3, 'geometry'), point(1, 2, op.length + 13)],
        pos: 0,
      });
    }
    expect(parseCql2Text('s_intersects(geometry, point(1 2))')).toMatchObject({ kind: 'spatial', op: 'intersects' });
  });

  it('parses every WKT type, with and without Z', () => {
    const e = parseCql2Text(
      'S_INTERSECTS(g, GEOMETRYCOLLECTION(POINT Z(1 2 3), LINESTRING Z (0 0 0, 1 1 1))) AND ' +
        'S_WITHIN(MULTIPOLYGON(((0 0,1 0,1 1,0 0))), POLYGON((0 0,9 0,9 9,0 0))) AND ' +
        'S_CROSSES(MULTILINESTRING((0 0,1 1)), MULTIPOINT((1 1),(2 2)))',
    );
    expect(e).toMatchObject({
      kind: 'logical',
      args: [
        {
          args: [
            prop(13, 'g'),
            {
              kind: 'geometry',
              pos: 16,
              geometry: {
                type: 'GeometryCollection',
                geometries: [
                  { type: 'Point', coordinates: [1, 2, 3] },
                  {
                    type: 'LineString',
                    coordinates: [
                      [0, 0, 0],
                      [1, 1, 1],
                    ],
                  },
                ],
              },
            },
          ],
        },
        {
          args: [
            {
              geometry: {
                type: 'MultiPolygon',
                coordinates: [
                  [
                    [
                      [0, 0],
                      [1, 0],
                      [1, 1],
                      [0, 0],
                    ],
                  ],
                ],
              },
            },
            {
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [0, 0],
                    [9, 0],
                    [9, 9],
                    [0, 0],
                  ],
                ],
              },
            },
          ],
        },
        {
          args: [
            {
              geometry: {
                type: 'MultiLineString',
                coordinates: [
                  [
                    [0, 0],
                    [1, 1],
                  ],
                ],
              },
            },
            {
              geometry: {
                type: 'MultiPoint',
                coordinates: [
                  [1, 1],
                  [2, 2],
                ],
              },
            },
          ],
        },
      ],
    });
  });

  it('turns BBOX into a polygon and keeps the numbers', () => {
    expect(parseCql2Text('S_INTERSECTS(geometry, BBOX(4.8, 52.3, 5.0, 52.4))')).toEqual({
      kind: 'spatial',
      op: 'intersects',
      args: [
        prop(13, 'geometry'),
        {
          kind: 'geometry',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [4.8, 52.3],
                [5.0, 52.3],
                [5.0, 52.4],
                [4.8, 52.4],
                [4.8, 52.3],
              ],
            ],
          },
          srid: 4326,
          bbox: [4.8, 52.3, 5.0, 52.4],
          pos: 23,
        },
      ],
      pos: 0,
    });
    expect(parseCql2Text('S_INTERSECTS(geometry, BBOX(-10, -5, 0, 10, 5, 100))')).toMatchObject({
      args: [
        {},
        {
          bbox: [-10, -5, 0, 10, 5, 100],
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-10, -5],
                [10, -5],
                [10, 5],
                [-10, 5],
                [-10, -5],
              ],
            ],
          },
        },
      ],
    });
    expect(parseCql2Text('S_INTERSECTS(geometry, BBOX(170, 0, -170, 10))')).toMatchObject({
      args: [{}, { geometry: { type: 'MultiPolygon' } }],
    });
  });

  it('uses the srid given by filter-crs', () => {
    expect(parseCql2Text('S_INTERSECTS(geometry, POINT(155000 463000))', { srid: 28992 })).toMatchObject({
      args: [{}, { srid: 28992 }],
    });
  });
});

describe('CQL2 text: temporal', () => {
  const ops = [
    'after',
    'before',
    'contains',
    'disjoint',
    'during',
    'equals',
    'finishedBy',
    'finishes',
    'intersects',
    'meets',
    'metBy',
    'overlappedBy',
    'overlaps',
    'startedBy',
    'starts',
  ];

  it.each(ops)('maps T_%s', (op) => {
    const name = `T_${op.toUpperCase()}`;
    expect(parseCql2Text(`${name}(updated, TIMESTAMP('2020-01-01T00:00:00.5Z'))`)).toEqual({
      kind: 'temporal',
      op,
      args: [
        prop(name.length + 1, 'updated'),
        { kind: 'dateTime', value: '2020-01-01T00:00:00.5Z', pos: name.length + 10 },
      ],
      pos: 0,
    });
  });

  it('parses DATE, TIMESTAMP and INTERVAL with open ends and property bounds', () => {
    expect(parseCql2Text("T_DURING(INTERVAL(starts_at, ends_at), INTERVAL('2005-01-10', '..'))")).toEqual({
      kind: 'temporal',
      op: 'during',
      args: [
        { kind: 'interval', start: prop(18, 'starts_at'), end: prop(29, 'ends_at'), pos: 9 },
        { kind: 'interval', start: { kind: 'date', value: '2005-01-10', pos: 48 }, end: null, pos: 39 },
      ],
      pos: 0,
    });
    expect(parseCql2Text("updated > DATE('2020-02-29')")).toMatchObject({
      right: { kind: 'date', value: '2020-02-29', pos: 10 },
    });
    expect(parseCql2Text("T_INTERSECTS(t, INTERVAL('..', '2020-01-01T00:00:00Z'))")).toMatchObject({
      args: [{}, { start: null, end: { kind: 'dateTime', value: '2020-01-01T00:00:00Z' } }],
    });
  });
});

describe('CQL2 text: arrays', () => {
  it.each([
    ['A_EQUALS', 'equals'],
    ['A_CONTAINS', 'contains'],
    ['A_CONTAINEDBY', 'containedBy'],
    ['A_OVERLAPS', 'overlaps'],
  ])('maps %s', (name, op) => {
    expect(parseCql2Text(`${name}(themes, ('water', 'air'))`)).toEqual({
      kind: 'arrayPredicate',
      op,
      args: [
        prop(name.length + 1, 'themes'),
        { kind: 'array', items: [str(name.length + 10, 'water'), str(name.length + 19, 'air')], pos: name.length + 9 },
      ],
      pos: 0,
    });
  });

  it('parses one-element, empty and nested arrays', () => {
    expect(parseCql2Text("A_CONTAINS(themes, ('water'))")).toMatchObject({
      args: [{}, { kind: 'array', items: [str(20, 'water')] }],
    });
    expect(parseCql2Text('A_EQUALS(themes, ())')).toMatchObject({ args: [{}, { kind: 'array', items: [] }] });
    expect(parseCql2Text("A_EQUALS(('a', ('b', 'c')), themes)")).toMatchObject({
      args: [
        { kind: 'array', items: [str(10, 'a'), { kind: 'array', items: [str(16, 'b'), str(21, 'c')] }] },
        prop(28, 'themes'),
      ],
    });
  });
});

describe('CQL2 text errors', () => {
  it.each([
    ['unknown function', "foo(name) = 'x'", 0, 'foo'],
    ['STA function name', "startswith(name, 'a')", 0, 'startswith'],
    ['wrong arity', 'S_INTERSECTS(geometry)', 0, 'S_INTERSECTS'],
    ['spatial with a number', 'S_INTERSECTS(geometry, 5)', 23, '5'],
    ['temporal with a string', "T_AFTER(t, 'x')", 11, "'x'"],
    ['array function with a number', 'A_CONTAINS(tags, 5)', 17, '5'],
    ['CASEI of a number', 'CASEI(5) = 1', 6, '5'],
    ['LIKE on a number', "5 LIKE 'a'", 0, '5'],
    ['BETWEEN strings', "x BETWEEN 'a' AND 'b'", 10, "'a'"],
    ['comparison type mismatch', "x = 1 AND 'a' = 1", 16, '1'],
    ['NOT of a number', 'NOT 5', 4, '5'],
    ['filter that is not a condition', 'x + 1', 0, 'x'],
    ['NULL literal', 'x = NULL', 4, 'NULL'],
    ['IS without NULL', 'x IS 5', 5, '5'],
    ['BETWEEN without AND', 'x BETWEEN 1 OR 2', 12, 'OR'],
    ['IN without parentheses', 'x IN 1', 5, '1'],
    ['empty IN list', 'x IN ()', 6, ')'],
    ['unbalanced (', "(a = 'x'", 8, ''],
    ['unbalanced )', "a = 'x')", 7, ')'],
    ['unterminated string', "a = 'x", 4, "'x"],
    ['unterminated quoted name', '"a = 1', 0, '"a = 1'],
    ['empty quoted name', '"" = 1', 0, '""'],
    ['SQL fragment', "name = 'x'; DROP TABLE things", 10, ';'],
    ['unknown character', 'a = #1', 4, '#'],
    ['emoji', 'a = 🚲', 4, '🚲'],
    ['OData operator', "name eq 'x'", 5, 'eq'],
    ['prototype member as operator', 'a constructor 1', 2, 'constructor'],
    ['prototype member as function', 'toString(a) = 1', 0, 'toString'],
    ['empty filter', '', 0, ''],
    ['bad DATE', "d = DATE('2020-02-30')", 9, "'2020-02-30'"],
    ['TIMESTAMP without Z', "d = TIMESTAMP('2020-01-01T00:00:00+01:00')", 14, "'2020-01-01T00:00:00+01:00'"],
    ['TIMESTAMP without seconds', "d = TIMESTAMP('2020-01-01T00:00Z')", 14, "'2020-01-01T00:00Z'"],
    ['DATE of a number', 'd = DATE(2020)', 9, '2020'],
    ['bad interval bound', "T_DURING(t, INTERVAL('2020-01-01', 5))", 35, '5'],
    ['bad interval string', "T_DURING(t, INTERVAL('yesterday', '..'))", 21, "'yesterday'"],
    ['unclosed ring', 'S_WITHIN(g, POLYGON((0 0,1 0,1 1,0 1)))', 12, 'POLYGON((0 0,1 0,1 1,0 1))'],
    ['line of one point', 'S_CROSSES(g, LINESTRING(0 0))', 13, 'LINESTRING(0 0)'],
    ['mixed dimensions', 'S_WITHIN(g, LINESTRING(0 0, 1 1 1))', 28, '1 1 1'],
    ['EMPTY geometry', 'S_WITHIN(g, POINT EMPTY)', 18, 'EMPTY'],
    ['measured geometry', 'S_WITHIN(g, POINT M (1 2 3))', 18, 'M'],
    ['nested collection', 'S_WITHIN(g, GEOMETRYCOLLECTION(GEOMETRYCOLLECTION(POINT(1 2))))', 31, 'GEOMETRYCOLLECTION'],
    ['unterminated WKT', 'S_WITHIN(g, POINT(1 2', 21, ''],
    ['BBOX of 5 numbers', 'S_WITHIN(g, BBOX(1,2,3,4,5))', 12, 'BBOX'],
    ['BBOX upside down', 'S_WITHIN(g, BBOX(0,10,1,5))', 12, 'BBOX'],
    ['BBOX of a property', 'S_WITHIN(g, BBOX(1,2,3,x))', 23, 'x'],
  ])('%s: %s', (_name, filter, position, token) => {
    expect(errorAt(() => parseCql2Text(filter))).toEqual({ option: 'filter', position, token });
  });

  it('writes safe messages', () => {
    expect(queryError(() => parseCql2Text("foo(name) = 'x'")).message).toBe(
      "filter: unknown function 'foo' at position 0",
    );
    expect(queryError(() => parseCql2Text('S_INTERSECTS(geometry, 5)')).message).toBe(
      'filter: argument 2 of s_intersects() must be a geometry, got a number at position 23',
    );
  });
});
