/**
 * Socket settings of the HTTP server. Idle keep-alive connections are kept longer than the 60 s idle timeout of
 * common load balancers and reverse proxies, so the proxy — not the server — closes them; otherwise a request
 * the proxy sends on a connection the server is just closing fails (a 502 for the user, ECONNRESET for a client).
 */
import type { Server } from 'node:http';

export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Largest request head (request line and headers). Node's 16 KiB would refuse, with an empty 431, a URL whose
 * `$filter` or CQL2 filter is within the query limits (10 000 characters) once percent-encoded; 64 KiB admits
 * them, so such a query gets its answer or a 400 that says what is wrong.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

export function configureServer(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
