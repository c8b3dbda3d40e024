/**
 * How deep a request may navigate through relations: resource paths, paths in `$filter`/`$orderby`, and
 * `$expand`. Each level is a nested sub-query; the limits keep every statement well inside PostgreSQL's
 * stack and planning budget (a 200-level path would exhaust it) while leaving room for any sensible query.
 */
export const MAX_NAVIGATION_DEPTH = 8;

