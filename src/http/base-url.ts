/**
 * The public base URL of a request: the configured `PUBLIC_BASE_URL`, else the `X-Forwarded-Proto/Host/Prefix`
 * a reverse proxy sends, else the request's own scheme and Host. Every link the APIs emit starts with it.
 */
import type { Request } from 'express';

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}

const HOST = /^[A-Za-z0-9.\-:[\]]+$/;
const PREFIX = /^(\/[A-Za-z0-9._~\-]+)*$/;

/** `https://sensors.example.nl/prefix` — no trailing slash. */
export function baseUrl(req: Request, configured: string | undefined): string {
  if (configured) return configured;
  const proto = firstValue(req.headers['x-forwarded-proto']);
  // An unusable forwarded host falls back to the request's own Host (then to localhost), never half a URL.
  const host = [firstValue(req.headers['x-forwarded-host']), req.headers.host].find((candidate) => candidate !== undefined && HOST.test(candidate)) ?? 'localhost';
  const prefix = (firstValue(req.headers['x-forwarded-prefix']) ?? '').replace(/\/+$/, '');
  const scheme = proto === 'https' || proto === 'http' ? proto : req.protocol;
  return `${scheme}://${host}${PREFIX.test(prefix) ? prefix : ''}`;
}
