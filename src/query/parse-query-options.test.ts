import { parseQueryOptions, type QueryOptions } from './parse-query-options';
import { errorAt, num, prop, queryError, str } from './__tests__/ast-helpers';

const config = { maxTop: 1000, defaultTop: 100 };
const parse = (raw: Record<string, string>): QueryOptions => parseQueryOptions(raw, config);
/** Offset of `fragment` in `text` (the first occurrence after `from`). */
const at = (text: string, fragment: string, from = 0): number => {
  const i = text.indexOf(fragment, from);
  if (i < 0) throw new Error(`'${fragment}' not in '${text}'`);
  return i;
};

describe('STA query options: defaults and paging', () => {
  it('applies defaults', () => {
    expect(parse({})).toEqual({ orderBy: [], expand: [], top: 100, skip: 0, count: false, given: {} });
  });

  it('ignores parameters that are not system query options', () => {
    expect(parse({ f: 'json', foo: '$bar' })).toEqual(parse({}));
  });

  it('parses $top, $skip, $count and $resultFormat', () => {
    expect(parse({ $top: '5', $skip: '10', $count: 'true', $resultFormat: 'dataArray' })).toEqual({
      orderBy: [],
      expand: [],
      top: 5,
      skip: 10,
      count: true,
      resultFormat: 'dataArray',
      given: {},
    });
    expect(parse({ $top: '0', $count: 'false' })).toMatchObject({ top: 0, count: false });
  });

  it('clamps $top to maxTop', () => {
    expect(parse({ $top: '5000' }).top).toBe(1000);
    expect(parse({ $top: '99999999999999999999999' }).top).toBe(1000);
    expect(parseQueryOptions({}, { maxTop: 50, defaultTop: 100 }).top).toBe(50);
  });

  it.each([
    ['$top', '-1', 0, '-1'],
    ['$top', '1.5', 0, '1.5'],
    ['$top', 'ten', 0, 'ten'],
    ['$top', '', 0, ''],
    ['$skip', '-3', 0, '-3'],
    ['$skip', '99999999999999999999', 0, '99999999999999999999'],
    ['$count', 'TRUE', 0, 'TRUE'],
    ['$count', '1', 0, '1'],
    ['$resultFormat', 'csv', 0, 'csv'],
    ['$format', 'json', 0, '$format'],
    ['$Filter', "name eq 'x'", 0, '$Filter'],
  ])('rejects %s=%s', (option, value, position, token) => {
    expect(errorAt(() => parse({ [option]: value }))).toEqual({ option, position, token });
  });

  it('names unknown options in the message', () => {
    expect(queryError(() => parse({ $format: 'json' })).message).toBe(
      "$format: unknown query option '$format' at position 0",
    );
  });
});

describe('STA $filter, $orderby, $select', () => {
  it('parses $filter', () => {
    expect(parse({ $filter: "name eq 'thing 1'" }).filter).toEqual({
      kind: 'comparison',
      op: 'eq',
      left: prop(0, 'name'),
      right: str(8, 'thing 1'),
      pos: 0,
    });
  });

  it('parses $orderby keys with directions and functions', () => {
    expect(
      parse({ $orderby: "name,phenomenonTime desc, geo.distance(location, geography'POINT(1 2)') ASC" }).orderBy,
    ).toEqual([
      { expr: prop(0, 'name'), direction: 'asc', pos: 0 },
      { expr: prop(5, 'phenomenonTime'), direction: 'desc', pos: 5 },
      {
        expr: {
          kind: 'function',
          name: 'geo.distance',
          args: [
            prop(39, 'location'),
            { kind: 'geometry', geometry: { type: 'Point', coordinates: [1, 2] }, srid: 4326, pos: 49 },
          ],
          returns: 'number',
          pos: 26,
        },
        direction: 'asc',
        pos: 26,
      },
    ]);
    expect(parse({ $orderby: 'properties/rank desc' }).orderBy).toEqual([
      { expr: prop(0, 'properties', 'rank'), direction: 'desc', pos: 0 },
    ]);
  });

  it('parses $select with ids and JSON paths', () => {
    expect(
      parse({ $select: 'id,name, properties/owner,properties/themes/0,unitOfMeasurement/symbol,@iot.id' }).select,
    ).toEqual([
      { path: ['id'], pos: 0 },
      { path: ['name'], pos: 3 },
      { path: ['properties', 'owner'], pos: 9 },
      { path: ['properties', 'themes', '0'], pos: 26 },
      { path: ['unitOfMeasurement', 'symbol'], pos: 46 },
      { path: ['@iot.id'], pos: 71 },
    ]);
  });

  it.each([
    ['$orderby', 'name sideways', 5, 'sideways'],
    ['$orderby', 'name,', 5, ''],
    ['$select', 'name,,id', 5, ','],
    ['$select', "name eq 'x'", 5, 'eq'],
    ['$select', '', 0, ''],
    ['$filter', 'foo(1)', 0, 'foo'],
  ])('rejects %s=%s', (option, value, position, token) => {
    expect(errorAt(() => parse({ [option]: value }))).toEqual({ option, position, token });
  });
});

describe('STA $expand', () => {
  it('parses navigation paths', () => {
    expect(parse({ $expand: 'Datastreams/Sensor, Locations' }).expand).toEqual([
      { path: ['Datastreams', 'Sensor'], pos: 0, options: parse({}) },
      { path: ['Locations'], pos: 20, options: parse({}) },
    ]);
  });

  it('parses every nested option, recursively, with positions in the $expand text', () => {
    const text =
      "Datastreams($select=name,unitOfMeasurement/symbol;$filter=name eq 'a;b)';$orderby=name desc;$top=2;$skip=1;" +
      '$count=true;$expand=Sensor($select=name),ObservedProperty),Locations';
    const defaults = parse({});
    expect(parse({ $expand: text }).expand).toEqual([
      {
        path: ['Datastreams'],
        pos: 0,
        options: {
          select: [
            { path: ['name'], pos: at(text, 'name') },
            { path: ['unitOfMeasurement', 'symbol'], pos: at(text, 'unitOfMeasurement') },
          ],
          filter: {
            kind: 'comparison',
            op: 'eq',
            left: prop(at(text, 'name eq'), 'name'),
            right: str(at(text, "'a;b)'"), 'a;b)'),
            pos: at(text, 'name eq'),
          },
          orderBy: [{ expr: prop(at(text, 'name desc'), 'name'), direction: 'desc', pos: at(text, 'name desc') }],
          top: 2,
          skip: 1,
          count: true,
          expand: [
            {
              path: ['Sensor'],
              pos: at(text, 'Sensor'),
              options: { ...defaults, select: [{ path: ['name'], pos: at(text, 'name)') }], given: { $select: 'name' } },
            },
            { path: ['ObservedProperty'], pos: at(text, 'ObservedProperty'), options: defaults },
          ],
          given: {
            $select: 'name,unitOfMeasurement/symbol',
            $filter: "name eq 'a;b)'",
            $orderby: 'name desc',
            $top: '2',
            $skip: '1',
            $count: 'true',
            $expand: 'Sensor($select=name),ObservedProperty',
          },
        },
      },
      { path: ['Locations'], pos: at(text, 'Locations'), options: defaults },
    ]);
  });

  it('applies $top clamping and defaults inside $expand', () => {
    const [item] = parse({ $expand: 'Observations($top=5000)' }).expand;
    expect(item?.options).toMatchObject({ top: 1000, skip: 0, count: false });
  });

  it('accepts whitespace around items and options', () => {
    expect(parse({ $expand: ' Datastreams ( $top = 3 ; $count=false ) ' }).expand).toEqual([
      { path: ['Datastreams'], pos: 1, options: { ...parse({}), top: 3, given: { $top: '3', $count: 'false' } } },
    ]);
  });

  it('parses three levels of nested $filter', () => {
    const text = 'Things($expand=Datastreams($expand=Observations($filter=result gt 3)))';
    const observations = parse({ $expand: text }).expand[0]?.options.expand[0]?.options.expand[0];
    expect(observations?.path).toEqual(['Observations']);
    expect(observations?.options.filter).toEqual({
      kind: 'comparison',
      op: 'gt',
      left: prop(at(text, 'result'), 'result'),
      right: num(at(text, '3'), '3'),
      pos: at(text, 'result'),
    });
  });

  it.each([
    ['unbalanced (', 'Datastreams($top=1', 11, '('],
    ['unbalanced )', 'Datastreams)', 11, ')'],
    ['unterminated string', "Datastreams($filter=name eq 'x)", 28, "'x)"],
    ['unknown nested option', 'Datastreams($foo=1)', 12, '$foo'],
    ['$resultFormat nested', 'Datastreams($resultFormat=dataArray)', 12, '$resultFormat'],
    ['nested option without =', 'Datastreams($top)', 12, '$top'],
    ['duplicate nested option', 'Datastreams($top=1;$top=2)', 19, '$top'],
    ['bad nested $top', 'Datastreams($top=x)', 17, 'x'],
    ['bad nested $count', 'Datastreams($count=yes)', 19, 'yes'],
    ['nested $filter error', 'Datastreams($filter=foo(1))', 20, 'foo'],
    ['deep nested $filter error', "A($expand=B($filter=name eq 'x' and 5))", 36, '5'],
    ['nested $select error', 'Datastreams($select=a,,b)', 22, ','],
    ['nested $orderby error', 'Datastreams($orderby=name up)', 26, 'up'],
    ['empty item', 'Datastreams,,Locations', 12, ''],
    ['empty parentheses', 'Datastreams()', 12, ''],
    ['text after )', 'Datastreams($top=1)x', 19, 'x'],
    ['path with a bad segment', "Datastreams/'x'", 12, "'x'"],
    ['SQL fragment', 'Datastreams;DROP TABLE things', 11, ';'],
  ])('rejects %s: %s', (_name, text, position, token) => {
    expect(errorAt(() => parse({ $expand: text }))).toEqual({ option: '$expand', position, token });
  });

  it('respects quotes when splitting', () => {
    const text = "Datastreams($filter=name eq 'a,b;c(d'),Locations";
    expect(parse({ $expand: text }).expand.map((e) => e.path)).toEqual([['Datastreams'], ['Locations']]);
  });
});
