/**
 * One error hierarchy: each error carries an HTTP status, a stable code and a message that is safe to show.
 * Rendered in one place (`http/error-handler.ts`) in the format of the API the request came to.
 */

/** Base class of every error the API reports to a client. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra, safe, machine-readable detail (e.g. the query option and position). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found', detail?: Record<string, unknown>) {
    super(404, 'not-found', message, detail);
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, detail?: Record<string, unknown>) {
    super(400, 'bad-request', message, detail);
  }
}

export class NotAcceptableError extends AppError {
  constructor(message: string) {
    super(406, 'not-acceptable', message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, detail?: Record<string, unknown>) {
    super(409, 'conflict', message, detail);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message: string) {
    super(503, 'service-unavailable', message);
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(method: string, readonly allow: string) {
    super(405, 'method-not-allowed', `${method} is not allowed here; allowed: ${allow}`);
  }
}
