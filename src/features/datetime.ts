/**
 * The `datetime` parameter — OGC API – Features Part 1 `/req/core/fc-time-definition` and
 * `fc-time-response`: an RFC 3339 instant, or an interval `start/end` with `..` or an empty string for an
 * open end. Applied to the `updated` property. An instant matches at its own resolution: a date matches the
 * whole day, `…T10:00:00Z` the whole second; an interval end is inclusive at its resolution.
 */
import { BadRequestError } from '../errors/errors';

/** One bound: an ISO instant (UTC or with offset) and the length of time its text denotes. */
export interface TimeBound {
  readonly instant: string;
  /** A PostgreSQL interval literal: `1 day`, `1 second`, `0.001 second`. */
  readonly resolution: string;
}

/** `updated >= start.instant` and `updated < end.instant + end.resolution`; absent bounds are open. */
export interface TimeFilter {
  readonly start?: TimeBound;
  readonly end?: TimeBound;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function validCalendar(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

function parseBound(text: string, original: string): TimeBound {
  const date = DATE.exec(text);
  if (date && validCalendar(date[1] as string, date[2] as string, date[3] as string)) {
    return { instant: `${text}T00:00:00Z`, resolution: '1 day' };
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime && validCalendar(dateTime[1] as string, dateTime[2] as string, dateTime[3] as string)) {
    const [hour, minute, second] = [dateTime[4], dateTime[5], dateTime[6]].map(Number) as [number, number, number];
    if (hour <= 23 && minute <= 59 && second <= 60) {
      const fraction = dateTime[7];
      const digits = fraction ? Math.min(fraction.length - 1, 6) : 0;
      return { instant: text.toUpperCase(), resolution: digits === 0 ? '1 second' : `${(10 ** -digits).toFixed(digits)} second` };
    }
  }
  throw new BadRequestError(
    `datetime '${original}' is not an RFC 3339 date-time (2024-05-01T12:00:00Z), a date (2024-05-01) or an interval of those (start/end, '..' for an open end)`,
  );
}

const epoch = (bound: TimeBound): number => Date.parse(bound.instant);

/** Parses `datetime`; 400 when malformed or when the interval ends before it starts. */
export function parseDatetime(value: string): TimeFilter {
  const parts = value.split('/');
  if (parts.length === 1) {
    const bound = parseBound(value, value);
    return { start: bound, end: bound };
  }
  if (parts.length !== 2) throw new BadRequestError(`datetime '${value}' has more than one '/'`);
  const [startText, endText] = parts as [string, string];
  const open = (text: string): boolean => text === '' || text === '..';
  if (open(startText) && open(endText) && !(startText === '..' && endText === '..')) {
    throw new BadRequestError(`datetime '${value}' needs at least one bound (or '../..')`);
  }
  const start = open(startText) ? undefined : parseBound(startText, value);
  const end = open(endText) ? undefined : parseBound(endText, value);
  if (start && end && epoch(start) > epoch(end)) {
    throw new BadRequestError(`datetime '${value}': the interval ends before it starts`);
  }
  return { ...(start && { start }), ...(end && { end }) };
}
