/**
 * STA system query options (OGC 18-088 §9.3: `$expand $select $orderby $top $skip $count $filter`, and
 * `$resultFormat=dataArray` of the DataArray extension) → one typed, validated object. Option names are
 * case-sensitive and start with `$`; parameters without `$` are not ours and are ignored; an unknown `$option`
 * is an error. `$top` above `maxTop` is clamped to `maxTop` (as FROST does); the service emits a nextLink for
 * the rest, so clients still get every entity.
 */
import type { Expression } from './ast';
import { checkLiteralAreas, LON_LAT_AREA } from './geometry-area';
import { checkText, resolveLimits, type QueryLimits } from './limits';
import { parseExpand, type ExpandItem as GenericExpandItem } from './parse-expand';
import { ODataExpressionParser, type ODataSource, type OrderByItem, type SelectItem } from './parse-filter';
import { failFor, quoteToken } from './query-error';
import { splitTopLevel, trimSpan, type Span } from './split-top-level';

/** The parsed query options of a request, or of one `$expand` item. */
export interface QueryOptions {
  /** `$filter`; absent when not given. */
  filter?: Expression;
  /** `$orderby` keys in order; empty when not given. */
  orderBy: OrderByItem[];
  /** `$select` paths; absent means "all properties". */
  select?: SelectItem[];
  /** `$expand` items; empty when not given. */
  expand: ExpandItem[];
  /** `$top`, defaulted to `defaultTop` and clamped to `maxTop`. */
  top: number;
  /** `$skip`, default 0. */
  skip: number;
  /** `$count`, default false. */
  count: boolean;
  /** `$resultFormat` (top level only). */
  resultFormat?: 'dataArray';
  /** The text of each nested option as given (`$filter` → `id gt 10`), so links can carry them on. */
  given: Record<string, string>;
}

/** One `$expand` item with its nested options (defaults applied as at top level). */
export type ExpandItem = GenericExpandItem<QueryOptions>;

/** Paging policy and parser limits. */
export interface QueryOptionsConfig {
  maxTop: number;
  defaultTop: number;
  limits?: Partial<QueryLimits>;
}

const NESTED_OPTIONS = new Set(['$filter', '$select', '$orderby', '$top', '$skip', '$count', '$expand']);
const TOP_LEVEL_OPTIONS = new Set([...NESTED_OPTIONS, '$resultFormat']);

/**
 * Parses the raw (already URL-decoded) query parameters. Throws a {@link QueryError} naming the option, the
 * position in its text and the offending token.
 */
export function parseQueryOptions(raw: Record<string, string>, config: QueryOptionsConfig): QueryOptions {
  const limits = resolveLimits(config.limits);
  const result = defaults(config);
  for (const [name, value] of Object.entries(raw)) {
    if (!name.startsWith('$')) continue;
    const fail = failFor(name);
    if (!TOP_LEVEL_OPTIONS.has(name)) fail(0, name, `unknown query option ${quoteToken(name)}`);
    if (typeof value !== 'string') fail(0, '', 'must be given once, as text');
    checkText(value, limits, fail);
    applyOption(result, name, { option: name, text: value, start: 0, end: value.length, limits }, config, 0);
  }
  return result;
}

function defaults(config: QueryOptionsConfig): QueryOptions {
  return { orderBy: [], expand: [], top: Math.min(config.defaultTop, config.maxTop), skip: 0, count: false, given: {} };
}

/** Parses one option whose value is `source.text[start, end)`; `depth` is the `$expand` level it sits in. */
function applyOption(
  target: QueryOptions,
  name: string,
  source: ODataSource,
  config: QueryOptionsConfig,
  depth: number,
): void {
  switch (name) {
    case '$filter':
      target.filter = new ODataExpressionParser(source).parseFilter();
      checkLiteralAreas(target.filter, source.option, (srid) => (srid === 4326 ? LON_LAT_AREA : undefined));
      return;
    case '$orderby':
      target.orderBy = new ODataExpressionParser(source).parseOrderBy();
      return;
    case '$select':
      target.select = new ODataExpressionParser(source).parseSelect();
      return;
    case '$expand':
      target.expand = parseExpand(source, depth + 1, (inner, level) => nestedOptions(source, inner, level, config));
      return;
    case '$top':
      target.top = Math.min(nonNegativeInteger(source, name), config.maxTop);
      return;
    case '$skip':
      target.skip = nonNegativeInteger(source, name);
      return;
    case '$count':
      target.count = booleanValue(source);
      return;
    case '$resultFormat':
      target.resultFormat = resultFormat(source);
      return;
  }
}

/** The `;`-separated options inside `Nav(…)`, positions as offsets in the `$expand` text. */
function nestedOptions(
  source: ODataSource,
  inner: Span | null,
  depth: number,
  config: QueryOptionsConfig,
): QueryOptions {
  const result = defaults(config);
  if (inner === null) return result;
  const { text } = source;
  const fail = failFor(source.option);
  const seen = new Set<string>();
  for (const part of splitTopLevel(text, inner.start, inner.end, ';', fail)) {
    const { start, end } = trimSpan(text, part);
    const equals = text.indexOf('=', start);
    if (equals < 0 || equals >= end) fail(start, text.slice(start, end), "expected a nested option '$name=value'");
    const name = text.slice(start, equals).trim();
    if (!NESTED_OPTIONS.has(name)) fail(start, name, `unknown nested option ${quoteToken(name)}`);
    if (seen.has(name)) fail(start, name, `${name} given twice`);
    seen.add(name);
    applyOption(result, name, { ...source, start: equals + 1, end }, config, depth);
    result.given[name] = text.slice(equals + 1, end).trim();
  }
  return result;
}

/** The trimmed value text of an option and where it starts. */
function valueOf(source: ODataSource): { start: number; value: string } {
  const span = trimSpan(source.text, source);
  return { start: span.start, value: source.text.slice(span.start, span.end) };
}

/** A `$top`/`$skip` value; `$skip` must also fit exactly in a double ($top is clamped anyway). */
function nonNegativeInteger(source: ODataSource, name: string): number {
  const { start, value } = valueOf(source);
  const fail = failFor(source.option);
  if (!/^\d+$/.test(value)) fail(start, value, `${name} must be a non-negative integer`);
  const n = Number(value);
  if (name === '$skip' && !Number.isSafeInteger(n)) fail(start, value, `${name} is too large`);
  return n;
}

function booleanValue(source: ODataSource): boolean {
  const { start, value } = valueOf(source);
  if (value !== 'true' && value !== 'false') failFor(source.option)(start, value, "$count must be 'true' or 'false'");
  return value === 'true';
}

function resultFormat(source: ODataSource): 'dataArray' {
  const { start, value } = valueOf(source);
  if (value !== 'dataArray') failFor(source.option)(start, value, "$resultFormat must be 'dataArray'");
  return 'dataArray';
}
