/**
 * Socket settings of the HTTP server. Idle keep-alive connections are kept longer than the 60 s idle timeout of
 * common load balancers and reverse proxies, so the proxy — not the server — closes them; otherwise a request
 * the proxy sends on a connection the server is just closing fails (a 502 for the user, ECONNRESET for a client).
 */
import type { Server } from 'node:http';

export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function configureServer(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
