/**
 * `$expand` (OGC 18-088 §9.3, OData `expandItem`): a comma list of navigation paths (`Datastreams/Sensor`), each
 * optionally followed by `(`nested options separated by `;`, `$expand` itself recursively`)`. Splitting respects parentheses
 * and quotes; the nested options are handed back to the option parser, with positions kept as offsets in the
 * `$expand` text so an error anywhere inside points at the right character.
 */
import { ODataExpressionParser, type ODataSource } from './parse-filter';
import { failFor } from './query-error';
import { splitTopLevel, trimSpan, type Span } from './split-top-level';

/** One `$expand` item; `options` apply to the last segment of `path`. */
export interface ExpandItem<Options> {
  path: string[];
  pos: number;
  options: Options;
}

/** Parses the nested options of one item: the text inside its parentheses, or null for an item without them. */
export type NestedOptionsParser<Options> = (inner: Span | null, depth: number) => Options;

/** Parses `source` as an `$expand` list at nesting level `depth` (1 for a top-level `$expand`). */
export function parseExpand<Options>(
  source: ODataSource,
  depth: number,
  nested: NestedOptionsParser<Options>,
): ExpandItem<Options>[] {
  const { text } = source;
  const fail = failFor(source.option);
  if (depth > source.limits.maxDepth) {
    fail(
      source.start,
      text.slice(source.start, source.start + 20),
      `nesting deeper than ${source.limits.maxDepth} levels`,
    );
  }
  return splitTopLevel(text, source.start, source.end, ',', fail).map((span) => {
    const { start, end } = trimSpan(text, span);
    if (start === end) fail(start, '', 'empty $expand item');
    const paren = text.indexOf('(', start);
    const pathEnd = paren >= 0 && paren < end ? paren : end;
    const path = new ODataExpressionParser({ ...source, start, end: pathEnd }).parseNavigationPath();
    if (pathEnd === end) return { path, pos: start, options: nested(null, depth) };
    if (text[end - 1] !== ')') fail(end - 1, text.charAt(end - 1), "expected ')' at the end of the $expand item");
    return { path, pos: start, options: nested({ start: pathEnd + 1, end: end - 1 }, depth) };
  });
}
