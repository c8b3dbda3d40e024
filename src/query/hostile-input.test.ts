import { parseCql2Json } from './cql2-json';
import { parseCql2Text } from './cql2-text';
import { parseFilter } from './parse-filter';
import { parseQueryOptions } from './parse-query-options';
import { QueryError } from './query-error';
import { errorAt, queryError } from './__tests__/ast-helpers';

const config = { maxTop: 1000, defaultTop: 100 };
const unlimitedLength = { maxLength: 10_000_000 };

describe('nesting depth limit', () => {
  const deep = (open: string, inner: string, close: string, n = 10_000): string =>
    open.repeat(n) + inner + close.repeat(n);

  it('rejects 10 000-deep $filter parentheses, first by length', () => {
    const filter = deep('(', 'a eq 1', ')');
    const error: QueryError | undefined = queryError(() => parseQueryOptions({ $filter: filter }, config));
    expect({ option: error?.option, position: error?.position, token: error?.token.slice(0, 3) }).toEqual({
      option: '$filter',
      position: 10_000,
      token: 'a e',
    });
    expect(error?.message).toBe('$filter: text is longer than 10000 characters at position 10000');
  });

  it('rejects 10 000-deep $filter parentheses by depth when the length is allowed', () => {
    const filter = deep('(', 'a eq 1', ')');
    const error: QueryError | undefined = queryError(() => parseFilter(filter, { limits: unlimitedLength }));
    expect({ option: error?.option, position: error?.position, token: error?.token }).toEqual({
      option: '$filter',
      position: 64,
      token: '(',
    });
    expect(error?.message).toBe('$filter: nesting deeper than 64 levels at position 64');
  });

  it('accepts nesting up to the limit', () => {
    expect(parseFilter(deep('(', 'a eq 1', ')', 60))).toMatchObject({ kind: 'comparison' });
  });

  it('limits chains of prefix operators', () => {
    expect(errorAt(() => parseFilter(`${'not '.repeat(10_000)}a`, { limits: unlimitedLength }))).toEqual({
      option: '$filter',
      position: 256,
      token: 'not',
    });
    expect(errorAt(() => parseFilter(`x eq ${'- '.repeat(5_000)}1`, { limits: unlimitedLength }))).toMatchObject({
      position: 131,
      token: '-',
    });
  });

  it('limits nested function calls', () => {
    expect(
      errorAt(() =>
        parseFilter(`${'tolower('.repeat(5_000)}name${')'.repeat(5_000)} eq 'a'`, { limits: unlimitedLength }),
      ),
    ).toEqual({
      option: '$filter',
      position: 512,
      token: 'tolower',
    });
  });

  it('rejects 10 000-deep $expand', () => {
    const expand = deep('Things($expand=', 'Datastreams', ')');
    expect(errorAt(() => parseQueryOptions({ $expand: expand }, config))).toMatchObject({
      option: '$expand',
      position: 10_000,
    });
    const position = queryError(() =>
      parseQueryOptions({ $expand: expand }, { ...config, limits: unlimitedLength }),
    ).position;
    expect(position).toBe('Things($expand='.length * 64);
  });

  it('rejects 10 000-deep CQL2 text', () => {
    expect(errorAt(() => parseCql2Text(deep('(', 'a = 1', ')')))).toEqual({
      option: 'filter',
      position: 10_000,
      token: 'a = 1)))))))))))))))',
    });
    expect(errorAt(() => parseCql2Text(deep('(', 'a = 1', ')'), { limits: unlimitedLength }))).toEqual({
      option: 'filter',
      position: 64,
      token: '(',
    });
    expect(errorAt(() => parseCql2Text(`${'NOT '.repeat(10_000)}a = 1`, { limits: unlimitedLength }))).toMatchObject({
      position: 256,
    });
  });

  it('rejects 10 000-deep CQL2-JSON, as a value and as text', () => {
    let json: unknown = { op: '=', args: [{ property: 'a' }, 1] };
    for (let i = 0; i < 10_000; i += 1) json = { op: 'not', args: [json] };
    const error = queryError(() => parseCql2Json(json));
    expect(error.option).toBe('filter');
    expect(error.position).toBe(-1);
    expect(error.token).toBe(`$${'.args[0]'.repeat(25)}`.slice(0, 200));
    expect(error.reason).toBe('nesting deeper than 64 levels');
    const text = `${'{"op":"not","args":['.repeat(10_000)}true${']}'.repeat(10_000)}`;
    expect(errorAt(() => parseCql2Json(text))).toMatchObject({ option: 'filter', position: 10_000 });
    expect(queryError(() => parseCql2Json(text, { limits: unlimitedLength })).reason).toBe(
      'nesting deeper than 64 levels',
    );
  });

  it('limits deep arrays in CQL2-JSON', () => {
    let array: unknown = [];
    for (let i = 0; i < 10_000; i += 1) array = [array];
    expect(queryError(() => parseCql2Json({ op: 'a_equals', args: [{ property: 'a' }, array] })).reason).toBe(
      'nesting deeper than 64 levels',
    );
  });
});

describe('length limit', () => {
  it('applies to every option and to CQL2', () => {
    const long = `name eq '${'x'.repeat(10_000)}'`;
    expect(errorAt(() => parseQueryOptions({ $filter: long }, config))).toEqual({
      option: '$filter',
      position: 10_000,
      token: "xxxxxxxxx'",
    });
    expect(errorAt(() => parseQueryOptions({ $select: 'a,'.repeat(6_000) }, config))).toMatchObject({
      option: '$select',
      position: 10_000,
    });
    expect(errorAt(() => parseCql2Text(`name = '${'x'.repeat(10_000)}'`))).toMatchObject({
      option: 'filter',
      position: 10_000,
    });
  });

  it('accepts a long string literal just under the limit', () => {
    expect(parseFilter(`name eq '${'x'.repeat(9_000)}'`)).toMatchObject({ right: { kind: 'string' } });
  });
});

describe('random input never crashes or hangs', () => {
  /** Deterministic pseudo-random numbers (mulberry32). */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const pieces = [
    'name',
    'eq',
    'ne',
    'and',
    'or',
    'not',
    'add',
    'mul',
    'in',
    '(',
    ')',
    ',',
    "'x'",
    "'",
    "''",
    '1',
    '-2.5e3',
    '/',
    '[0]',
    'geography',
    "geography'POINT(1 2)'",
    "'POINT(",
    'st_within(',
    'substring(',
    'now()',
    '2020-01-01T00:00:00Z',
    '2020-01-01',
    '12:00',
    '/2020',
    'duration',
    "'PT1H'",
    '$filter=',
    '$expand=',
    ';',
    '$top=1',
    'Datastreams',
    '=',
    '<>',
    '<=',
    'LIKE',
    'BETWEEN',
    'IS',
    'NULL',
    'TRUE',
    'S_INTERSECTS(',
    'POINT',
    'Z',
    'BBOX(',
    'INTERVAL(',
    "'..'",
    'DATE(',
    'TIMESTAMP(',
    'A_CONTAINS(',
    '"q"',
    'CASEI(',
    '+',
    '*',
    '^',
    'div',
    '%',
    '\\',
    '\u0000',
    '🚲',
    'constructor',
    '__proto__',
    'toString(',
    ' ',
    ' ',
    ' ',
  ];

  function garbage(next: () => number): string {
    const length = Math.floor(next() * 25);
    let text = '';
    for (let i = 0; i < length; i += 1) text += pieces[Math.floor(next() * pieces.length)];
    return text;
  }

  function onlyQueryErrors(run: () => unknown): void {
    try {
      run();
    } catch (e) {
      if (!(e instanceof QueryError)) throw e;
      expect(e.position).toBeGreaterThanOrEqual(-1);
    }
  }

  it('for $filter, $orderby, $select, $expand and CQL2 text', () => {
    const next = random(42);
    for (let i = 0; i < 3_000; i += 1) {
      const text = garbage(next);
      onlyQueryErrors(() => parseFilter(text));
      onlyQueryErrors(() => parseCql2Text(text));
      onlyQueryErrors(() => parseQueryOptions({ $orderby: text, $select: text }, config));
      onlyQueryErrors(() => parseQueryOptions({ $expand: `Datastreams(${text})` }, config));
    }
  });

  it('for CQL2-JSON', () => {
    const next = random(7);
    const values = (depth: number): unknown => {
      const r = next();
      if (depth > 4 || r < 0.3)
        return [1, 'x', true, null, { property: 'p' }, { date: '2020-01-01' }, [], {}][Math.floor(next() * 8)];
      if (r < 0.4) return [values(depth + 1), values(depth + 1)];
      const ops = [
        'and',
        'or',
        'not',
        '=',
        '<',
        'like',
        'between',
        'in',
        'isNull',
        's_intersects',
        't_after',
        'a_equals',
        '+',
        'casei',
        'foo',
        'constructor',
      ];
      return {
        op: ops[Math.floor(next() * ops.length)],
        args: [values(depth + 1), values(depth + 1), values(depth + 1)].slice(0, 1 + Math.floor(next() * 3)),
      };
    };
    for (let i = 0; i < 3_000; i += 1) onlyQueryErrors(() => parseCql2Json(values(0)));
  });
});

describe('NUL characters', () => {
  it('are refused where they stand, in STA options, CQL2 text and CQL2-JSON strings', () => {
    expect(errorAt(() => parseQueryOptions({ $filter: "name eq 'a\u0000b'" }, config))).toEqual({ option: '$filter', position: 10, token: '\\0' });
    expect(errorAt(() => parseCql2Text("name = 'a\u0000b'"))).toEqual({ option: 'filter', position: 9, token: '\\0' });
    const error = queryError(() => parseCql2Json({ op: '=', args: [{ property: 'name' }, 'a\u0000b'] }));
    expect([error.option, error.token, error.reason]).toEqual(['filter', '$.args[1]', 'a NUL character is not allowed in a string']);
  });
});
