import type { Expression } from './ast';
import { STA_FUNCTIONS } from './functions';
import { parseFilter } from './parse-filter';
import { errorAt, num, prop, queryError, str } from './__tests__/ast-helpers';

describe('STA $filter literals', () => {
  const right = (filter: string): Expression => {
    const e = parseFilter(filter);
    if (e.kind !== 'comparison') throw new Error(`not a comparison: ${e.kind}`);
    return e.right;
  };

  it('parses strings with doubled quotes and any Unicode', () => {
    expect(right("name eq 'it''s'")).toEqual(str(8, "it's"));
    expect(right("name eq ''''")).toEqual(str(8, "'"));
    expect(right("name eq ''")).toEqual(str(8, ''));
    expect(right("name eq 'Straße ✓ 🚲 日本'")).toEqual(str(8, 'Straße ✓ 🚲 日本'));
  });

  it('parses integers, decimals, exponents and negative numbers, keeping the text', () => {
    expect(right('x eq 42')).toEqual(num(5, '42'));
    expect(right('x eq 4.25')).toEqual({ kind: 'number', value: 4.25, text: '4.25', isInteger: false, pos: 5 });
    expect(right('x eq 1.5e3')).toEqual({ kind: 'number', value: 1500, text: '1.5e3', isInteger: false, pos: 5 });
    expect(right('x eq 2E-2')).toEqual({ kind: 'number', value: 0.02, text: '2E-2', isInteger: false, pos: 5 });
    expect(right('x eq -7')).toEqual({ kind: 'number', value: -7, text: '-7', isInteger: true, pos: 5 });
    expect(right('x eq - 7')).toEqual({ kind: 'number', value: -7, text: '-7', isInteger: true, pos: 5 });
    expect(right('x eq 12345678901234567890')).toMatchObject({ text: '12345678901234567890', isInteger: true });
  });

  it('parses true, false and null case-insensitively', () => {
    expect(right('x eq true')).toEqual({ kind: 'boolean', value: true, pos: 5 });
    expect(right('x eq FALSE')).toEqual({ kind: 'boolean', value: false, pos: 5 });
    expect(right('x eq null')).toEqual({ kind: 'null', pos: 5 });
  });

  it('parses date-times with Z or an offset, keeping fractional seconds verbatim', () => {
    expect(right('t gt 2015-10-14T21:30:00.104Z')).toEqual({
      kind: 'dateTime',
      value: '2015-10-14T21:30:00.104Z',
      pos: 5,
    });
    expect(right('t gt 2020-01-01T00:00:00+01:00')).toEqual({
      kind: 'dateTime',
      value: '2020-01-01T00:00:00+01:00',
      pos: 5,
    });
    expect(right('t gt 2020-01-01T00:00:00.123456789-05:30')).toEqual({
      kind: 'dateTime',
      value: '2020-01-01T00:00:00.123456789-05:30',
      pos: 5,
    });
    expect(right('t gt 2020-06-01T12:30Z')).toEqual({ kind: 'dateTime', value: '2020-06-01T12:30Z', pos: 5 });
  });

  it('parses dates, times and durations', () => {
    expect(right('d eq 2020-02-29')).toEqual({ kind: 'date', value: '2020-02-29', pos: 5 });
    expect(right('t eq 13:45:00.5')).toEqual({ kind: 'time', value: '13:45:00.5', pos: 5 });
    expect(right('t eq 13:45')).toEqual({ kind: 'time', value: '13:45', pos: 5 });
    expect(right("t eq duration'P1DT2H'")).toEqual({ kind: 'duration', value: 'P1DT2H', pos: 5 });
    expect(right("t eq duration'pt10m'")).toEqual({ kind: 'duration', value: 'PT10M', pos: 5 });
  });

  it('parses intervals start/end', () => {
    expect(right('phenomenonTime lt 2020-01-01T00:00:00Z/2020-01-02T00:00:00.5+02:00')).toEqual({
      kind: 'interval',
      start: { kind: 'dateTime', value: '2020-01-01T00:00:00Z', pos: 18 },
      end: { kind: 'dateTime', value: '2020-01-02T00:00:00.5+02:00', pos: 39 },
      pos: 18,
    });
    expect(right('d eq 2020-01-01/2020-12-31')).toEqual({
      kind: 'interval',
      start: { kind: 'date', value: '2020-01-01', pos: 5 },
      end: { kind: 'date', value: '2020-12-31', pos: 16 },
      pos: 5,
    });
  });
});

describe('STA geometry literals', () => {
  const geometryOf = (literal: string): Expression => {
    const e = parseFilter(`st_intersects(location, ${literal})`);
    if (e.kind !== 'spatial') throw new Error('not spatial');
    return e.args[1];
  };

  it('parses geography and geometry literals with SRID prefixes', () => {
    expect(geometryOf("geography'POINT(7.5 52.75)'")).toEqual({
      kind: 'geometry',
      geometry: { type: 'Point', coordinates: [7.5, 52.75] },
      srid: 4326,
      pos: 24,
    });
    expect(geometryOf("geometry'SRID=28992;POINT(155000 463000)'")).toMatchObject({
      geometry: { type: 'Point', coordinates: [155000, 463000] },
      srid: 28992,
    });
    expect(geometryOf("Geography'point z (1 2 3)'")).toMatchObject({
      geometry: { type: 'Point', coordinates: [1, 2, 3] },
    });
  });

  it('parses every WKT geometry type', () => {
    const cases: [string, unknown][] = [
      [
        'LINESTRING(0 0, 1 1, 2 -1.5)',
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
            [2, -1.5],
          ],
        },
      ],
      [
        'POLYGON((0 0,4 0,4 4,0 4,0 0),(1 1,2 1,2 2,1 1))',
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [4, 0],
              [4, 4],
              [0, 4],
              [0, 0],
            ],
            [
              [1, 1],
              [2, 1],
              [2, 2],
              [1, 1],
            ],
          ],
        },
      ],
      [
        'MULTIPOINT((1 2),(3 4))',
        {
          type: 'MultiPoint',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
      [
        'MULTIPOINT(1 2, 3 4)',
        {
          type: 'MultiPoint',
          coordinates: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
      [
        'MULTILINESTRING((0 0,1 1),(2 2,3 3))',
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [0, 0],
              [1, 1],
            ],
            [
              [2, 2],
              [3, 3],
            ],
          ],
        },
      ],
      [
        'MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))',
        {
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
            [
              [
                [5, 5],
                [6, 5],
                [6, 6],
                [5, 5],
              ],
            ],
          ],
        },
      ],
      [
        'GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(0 0,1 1))',
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
      ],
    ];
    for (const [wkt, geometry] of cases)
      expect(geometryOf(`geography'${wkt}'`)).toMatchObject({ kind: 'geometry', geometry });
  });

  it('reports WKT errors at their position in the $filter text', () => {
    // st_intersects(location, geography'POINT(1)')  — "geography'" starts at 24, content at 34
    expect(errorAt(() => parseFilter("st_intersects(location, geography'POINT(1)')"))).toEqual({
      option: '$filter',
      position: 41,
      token: ')',
    });
    expect(errorAt(() => parseFilter("st_intersects(location, geography'POLYGON((0 0,1 0,1 1,0 1))')")).token).toBe(
      'POLYGON((0 0,1 0,1 1,0 1))',
    );
    expect(errorAt(() => parseFilter("st_intersects(location, geography'CIRCLE(1 2)')"))).toEqual({
      option: '$filter',
      position: 34,
      token: 'CIRCLE',
    });
    expect(errorAt(() => parseFilter("st_intersects(location, geography'POINT(1 2) x')"))).toEqual({
      option: '$filter',
      position: 45,
      token: 'x',
    });
  });
});

describe('STA property paths', () => {
  it('splits navigation and JSON paths into raw segments', () => {
    expect(parseFilter("Datastreams/ObservedProperty/name eq 'x'")).toEqual({
      kind: 'comparison',
      op: 'eq',
      left: prop(0, 'Datastreams', 'ObservedProperty', 'name'),
      right: str(37, 'x'),
      pos: 0,
    });
    expect(parseFilter("properties/themes/0 eq 'water'")).toMatchObject({ left: prop(0, 'properties', 'themes', '0') });
    expect(parseFilter('properties/intIntArray[1][0] gt 10')).toMatchObject({
      left: prop(0, 'properties', 'intIntArray', '1', '0'),
    });
    expect(parseFilter("unitOfMeasurement/symbol eq '°C'")).toMatchObject({
      left: prop(0, 'unitOfMeasurement', 'symbol'),
    });
  });

  it('allows a lone property as a condition and property-to-property comparison', () => {
    expect(parseFilter('not properties/boolean')).toEqual({
      kind: 'not',
      arg: prop(4, 'properties', 'boolean'),
      pos: 0,
    });
    expect(parseFilter('parameters/int eq Datastream/Thing/properties/int')).toEqual({
      kind: 'comparison',
      op: 'eq',
      left: prop(0, 'parameters', 'int'),
      right: prop(18, 'Datastream', 'Thing', 'properties', 'int'),
      pos: 0,
    });
  });
});

describe('STA operators and precedence', () => {
  it('binds mul tighter than add, and arithmetic tighter than comparison', () => {
    expect(parseFilter('a add b mul c eq 5')).toEqual({
      kind: 'comparison',
      op: 'eq',
      left: {
        kind: 'arithmetic',
        op: 'add',
        left: prop(0, 'a'),
        right: { kind: 'arithmetic', op: 'mul', left: prop(6, 'b'), right: prop(12, 'c'), pos: 6 },
        pos: 0,
      },
      right: num(17, '5'),
      pos: 0,
    });
  });

  it('binds not tighter than eq, and eq tighter than and', () => {
    expect(parseFilter('not a eq true and b eq 2')).toEqual({
      kind: 'logical',
      op: 'and',
      args: [
        {
          kind: 'comparison',
          op: 'eq',
          left: { kind: 'not', arg: prop(4, 'a'), pos: 0 },
          right: { kind: 'boolean', value: true, pos: 9 },
          pos: 0,
        },
        { kind: 'comparison', op: 'eq', left: prop(18, 'b'), right: num(23, '2'), pos: 18 },
      ],
      pos: 0,
    });
  });

  it('rejects `not a eq 1` as a boolean-number comparison (write not (a eq 1))', () => {
    expect(errorAt(() => parseFilter('not a eq 1 and b eq 2'))).toEqual({ option: '$filter', position: 9, token: '1' });
    expect(parseFilter('not (a eq 1) and b eq 2')).toEqual({
      kind: 'logical',
      op: 'and',
      args: [
        { kind: 'not', arg: { kind: 'comparison', op: 'eq', left: prop(5, 'a'), right: num(10, '1'), pos: 5 }, pos: 0 },
        { kind: 'comparison', op: 'eq', left: prop(17, 'b'), right: num(22, '2'), pos: 17 },
      ],
      pos: 0,
    });
  });

  it('binds and tighter than or, and flattens chains', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c eq 3 or d eq 4')).toEqual({
      kind: 'logical',
      op: 'or',
      args: [
        { kind: 'comparison', op: 'eq', left: prop(0, 'a'), right: num(5, '1'), pos: 0 },
        {
          kind: 'logical',
          op: 'and',
          args: [
            { kind: 'comparison', op: 'eq', left: prop(10, 'b'), right: num(15, '2'), pos: 10 },
            { kind: 'comparison', op: 'eq', left: prop(21, 'c'), right: num(26, '3'), pos: 21 },
          ],
          pos: 10,
        },
        { kind: 'comparison', op: 'eq', left: prop(31, 'd'), right: num(36, '4'), pos: 31 },
      ],
      pos: 0,
    });
  });

  it('keeps left associativity and lets parentheses override precedence', () => {
    expect(parseFilter('a sub b sub c eq 0')).toMatchObject({
      left: { op: 'sub', left: { op: 'sub', left: prop(0, 'a'), right: prop(6, 'b') }, right: prop(12, 'c') },
    });
    expect(parseFilter('(a add b) mul c eq 0')).toMatchObject({
      left: { op: 'mul', left: { op: 'add', left: prop(1, 'a'), right: prop(7, 'b'), pos: 1 }, right: prop(14, 'c') },
    });
  });

  it('maps every comparison and arithmetic operator, case-insensitively', () => {
    for (const op of ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const) {
      expect(parseFilter(`x ${op} 1`)).toEqual({
        kind: 'comparison',
        op,
        left: prop(0, 'x'),
        right: num(op.length + 3, '1'),
        pos: 0,
      });
    }
    for (const op of ['add', 'sub', 'mul', 'div', 'mod'] as const) {
      expect(parseFilter(`x ${op.toUpperCase()} 2 eq 1`)).toMatchObject({
        left: { kind: 'arithmetic', op, left: prop(0, 'x'), right: num(6, '2') },
      });
    }
    expect(parseFilter('x Eq 1 AND y eq 2')).toMatchObject({ kind: 'logical', op: 'and' });
  });

  it('parses negation of non-literals', () => {
    expect(parseFilter('-x lt 0')).toEqual({
      kind: 'comparison',
      op: 'lt',
      left: { kind: 'negate', arg: prop(1, 'x'), pos: 0 },
      right: num(6, '0'),
      pos: 0,
    });
  });

  it('parses in (…) with primary precedence', () => {
    expect(parseFilter("name in ('a', 'b')")).toEqual({
      kind: 'in',
      value: prop(0, 'name'),
      list: [str(9, 'a'), str(14, 'b')],
      pos: 0,
    });
    expect(parseFilter('not id in (1, 2)')).toEqual({
      kind: 'not',
      arg: { kind: 'in', value: prop(4, 'id'), list: [num(11, '1'), num(14, '2')], pos: 4 },
      pos: 0,
    });
  });

  it('supports date-time arithmetic with durations', () => {
    expect(parseFilter("phenomenonTime gt 2020-01-01T00:00:00Z add duration'PT1H'")).toMatchObject({
      right: {
        kind: 'arithmetic',
        op: 'add',
        left: { kind: 'dateTime', value: '2020-01-01T00:00:00Z' },
        right: { kind: 'duration', value: 'PT1H' },
      },
    });
  });
});

describe('STA functions', () => {
  const samples: Record<string, string> = {
    substringof: "substringof('a', name)",
    startswith: "startswith(name, 'a')",
    endswith: "endswith(name, 'a')",
    length: 'length(name) eq 3',
    indexof: "indexof(name, 'a') eq 1",
    substring: "substring(name, 1) eq 'a'",
    tolower: "tolower(name) eq 'a'",
    toupper: "toupper(name) eq 'A'",
    trim: "trim(name) eq 'a'",
    concat: "concat(name, 'x') eq 'ax'",
    year: 'year(resultTime) eq 2015',
    month: 'month(resultTime) eq 3',
    day: 'day(resultTime) eq 1',
    hour: 'hour(resultTime) eq 1',
    minute: 'minute(resultTime) eq 1',
    second: 'second(resultTime) eq 1',
    fractionalseconds: 'fractionalseconds(resultTime) lt 0.5',
    date: 'date(resultTime) eq 2015-03-01',
    time: 'time(resultTime) eq 12:00:00',
    totaloffsetminutes: 'totaloffsetminutes(resultTime) eq 60',
    now: 'resultTime lt now()',
    mindatetime: 'resultTime gt mindatetime()',
    maxdatetime: 'resultTime lt maxdatetime()',
    round: 'round(result) eq 2',
    floor: 'floor(result) eq 2',
    ceiling: 'ceiling(result) eq 2',
    'geo.distance': "geo.distance(location, geography'POINT(8 54.1)') lt 1",
    'geo.length': 'geo.length(location) gt 1',
    'geo.intersects': "geo.intersects(location, geography'POINT(8 54)')",
    st_equals: "st_equals(location, geography'POINT(8 54)')",
    st_disjoint: "st_disjoint(location, geography'POINT(8 54)')",
    st_touches: "st_touches(location, geography'POINT(8 54)')",
    st_within: "st_within(geography'POINT(7.5 52.75)', location)",
    st_overlaps: "st_overlaps(location, geography'POINT(8 54)')",
    st_crosses: "st_crosses(location, geography'LINESTRING(7.5 51.5, 7.5 53.5)')",
    st_intersects: "st_intersects(location, geography'POINT(8 54)')",
    st_contains: "st_contains(location, geography'POINT(8 54)')",
    st_relate: "st_relate(location, geography'POINT(8 54)', 'T********')",
  };

  it('has a sample for every STA 1.1 function', () => {
    expect(Object.keys(samples).sort()).toEqual([...STA_FUNCTIONS.keys()].sort());
  });

  it.each(Object.entries(samples))('parses %s', (name, filter) => {
    const sig = STA_FUNCTIONS.get(name);
    const e = parseFilter(filter);
    const target = sig?.target;
    const found = JSON.stringify(e);
    if (target?.kind === 'function') expect(found).toContain(`"kind":"function","name":"${name}"`);
    else expect(found).toContain(`"kind":"spatial","op":"${target?.kind === 'spatial' ? target.op : ''}"`);
  });

  it('builds exact nodes for scalar and spatial functions', () => {
    expect(parseFilter("substring(name, 1, 2) eq 'ab'")).toEqual({
      kind: 'comparison',
      op: 'eq',
      left: {
        kind: 'function',
        name: 'substring',
        args: [prop(10, 'name'), num(16, '1'), num(19, '2')],
        returns: 'string',
        pos: 0,
      },
      right: str(25, 'ab'),
      pos: 0,
    });
    expect(parseFilter("ST_Relate(location, geography'POINT(8 54)', 't********')")).toEqual({
      kind: 'spatial',
      op: 'relate',
      args: [
        prop(10, 'location'),
        { kind: 'geometry', geometry: { type: 'Point', coordinates: [8, 54] }, srid: 4326, pos: 20 },
      ],
      pattern: 'T********',
      pos: 0,
    });
    expect(parseFilter("geo.intersects(location, geography'POINT(8 54)')")).toMatchObject({
      kind: 'spatial',
      op: 'intersects',
    });
  });
});

describe('STA $filter errors', () => {
  it.each([
    ['unknown function', "foo(name) eq 'x'", 0, 'foo'],
    ['unknown function after operator', "name eq 'a' and foo(1)", 16, 'foo'],
    ['too few arguments', 'startswith(name) eq true', 0, 'startswith'],
    ['too many arguments', "substring(name, 1, 2, 3) eq 'x'", 0, 'substring'],
    ['length of a number', 'length(5) eq 1', 7, '5'],
    ['year of a string', "year('x') eq 2020", 5, "'x'"],
    ['geometry function on a string', "st_within('x', location)", 10, "'x'"],
    ['bad DE-9IM pattern', "st_relate(location, geography'POINT(1 2)', 'XYZ')", 43, "'XYZ'"],
    ['string compared with number', "name eq 'a' and 'a' eq 1", 23, '1'],
    ['not of a number', 'not 5', 4, '5'],
    ['and of a number', "name eq 'x' and 5", 16, '5'],
    ['arithmetic on a string', "x add 'a' eq 1", 6, "'a'"],
    ['non-boolean filter', "concat(name, 'x')", 0, 'concat'],
    ['number out of range', 'x eq 1e999', 5, '1e999'],
    ['unbalanced open parenthesis', "(name eq 'x'", 12, ''],
    ['unbalanced close parenthesis', "name eq 'x')", 11, ')'],
    ['empty parentheses', '()', 1, ')'],
    ['unterminated string', "name eq 'abc", 8, "'abc"],
    ['SQL fragment', "name eq 'x'; DROP TABLE things", 11, ';'],
    ['SQL comment', "name eq 'x' -- comment", 12, '-'],
    ['unknown character', 'name eq "x"', 8, '"'],
    ['emoji', 'name eq 🚲', 8, '🚲'],
    ['trailing word', "name eq 'x' foo", 12, 'foo'],
    ['missing operand', 'name eq', 7, ''],
    ['empty filter', '', 0, ''],
    ['blank filter', '   ', 3, ''],
    ['date-time without zone', 'time gt 2020-01-01T00:00:00', 8, '2020-01-01T00:00:00'],
    ['+ decoded to a space', 'time gt 2020-01-01T00:00:00 01:00', 8, '2020-01-01T00:00:00'],
    ['invalid month', 'd eq 2020-13-01', 5, '2020-13-01'],
    ['invalid day', 'd eq 2021-02-29', 5, '2021-02-29'],
    ['invalid hour', 'time gt 2020-01-01T24:00:00Z', 8, '2020-01-01T24:00:00Z'],
    ['invalid duration', "x eq duration'1H'", 14, '1H'],
    ['bad path segment', 'a/(b) eq 1', 2, '('],
    ['in without list', 'a in 1', 5, '1'],
    ['empty in list', 'a in ()', 6, ')'],
    ['prototype member as operator', 'a constructor 1', 2, 'constructor'],
    ['prototype member as function', 'toString(a) eq 1', 0, 'toString'],
  ])('%s: %s', (_name, filter, position, token) => {
    expect(errorAt(() => parseFilter(filter))).toEqual({ option: '$filter', position, token });
  });

  it('writes safe messages', () => {
    expect(queryError(() => parseFilter("name eq 'a' and foo(1)")).message).toBe(
      "$filter: unknown function 'foo' at position 16",
    );
    expect(queryError(() => parseFilter('time gt 2020-01-01T00:00:00 01:00')).message).toBe(
      "$filter: date-time needs a time zone, Z or ±hh:mm (a '+' in a URL must be written %2B) at position 8",
    );
    const error = queryError(() => parseFilter('name eq \u0007'));
    expect(error.message).toBe("$filter: unexpected character '?' at position 8");
    expect(error.status).toBe(400);
    expect(error.detail).toEqual({ option: '$filter', position: 8, token: '\u0007' });
  });
});
