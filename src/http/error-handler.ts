/**
 * Renders every error in one place, in the format of the API the request came to: SensorThings JSON
 * errors under `/sta`, `application/problem+json` elsewhere. Unexpected errors are logged and become a 500
 * without internals.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, NotFoundError } from '../errors/errors';

/** How a router wants its errors rendered; set on `res.locals.errorFormat`. */
export type ErrorFormat = 'sta' | 'problem';

/** Converts body-parser and other framework errors that carry a status into AppErrors. */
function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const status = (error as { status?: number; statusCode?: number })?.status ?? (error as { statusCode?: number })?.statusCode;
  const type = (error as { type?: string })?.type;
  if (status === 413 || type === 'entity.too.large') return new AppError(413, 'payload-too-large', 'The request body is too large');
  if (type === 'entity.parse.failed') return new AppError(400, 'bad-request', 'The request body is not valid JSON');
  const sqlState = (error as { code?: unknown })?.code;
  if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
    // A data exception while evaluating a valid query (a value out of range for a function, an impossible date).
    return new AppError(400, 'bad-request', 'The query could not be evaluated on this data: a value is invalid or out of range for an operation in it');
  }
  if (sqlState === '23505') return new AppError(409, 'conflict', 'The change conflicts with an existing registration (a reference or code that must be unique)');
  if (sqlState === '57014') return new AppError(503, 'query-timeout', 'The query took too long; narrow it down with a filter or a smaller page');
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError(status, 'bad-request', 'Bad request');
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (!appError) logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unexpected error');
    const status = appError?.status ?? 500;
    const message = appError?.message ?? 'Internal server error';
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if ((res.locals.errorFormat as ErrorFormat | undefined) === 'sta') {
      res.status(status).json({ code: status, type: 'error', message, ...appError?.detail });
      return;
    }
    res
      .status(status)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: `https://sensorregister.nl/problems/${appError?.code ?? 'internal-error'}`,
          title: message,
          status,
          detail: message,
          instance: req.originalUrl,
          ...appError?.detail,
        }),
      );
  };
}

/** The final handler: nothing matched. */
export const notFound: RequestHandler = (req, _res, next) => next(new NotFoundError(`no resource at ${req.path}`));

/** Sets the error format for the routes below it. */
export function errorFormat(format: ErrorFormat): RequestHandler {
  return (_req, res, next) => {
    res.locals.errorFormat = format;
    next();
  };
}
