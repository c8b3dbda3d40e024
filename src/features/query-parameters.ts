/**
 * Query string discipline — OGC API – Features Part 1 `/req/core/query-param-unknown` and
 * `/req/core/query-param-invalid`: a parameter the API definition does not declare, or one given twice,
 * is a 400. Handlers receive plain single strings.
 */
import type { Request } from 'express';
import { BadRequestError } from '../errors/errors';

/** The query parameters of a request as single strings, after checking each is declared for the resource. */
export function declaredParameters(req: Request, declared: ReadonlySet<string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (!declared.has(name)) {
      throw new BadRequestError(`unknown query parameter '${name}'; allowed here: ${[...declared].join(', ')}`);
    }
    if (typeof value !== 'string') throw new BadRequestError(`query parameter '${name}' may be given once`);
    result[name] = value;
  }
  return result;
}
