/**
 * Server entry point: load and validate config, open the database, migrate, seed the demo on a fresh
 * embedded database, listen; on SIGTERM/SIGINT stop accepting, drain, close the database.
 */
import http, { type Server } from 'node:http';
import { createApp } from './app';
import { configureServer, MAX_HEADER_BYTES } from './http/server-settings';
import { ConfigError, loadConfig, maskedConfig } from './config/config';
import { openDatabase } from './db/connect';
import { DataDirInUseError } from './db/data-dir-lock';
import { migrateToLatest } from './db/migrate';
import { createLogger } from './logger';
import { seedDemoIfEmpty } from './register/demo-seed';

/** Thrown when the server cannot start for a reason the operator can fix; the message says which. */
class StartError extends Error {}

/** Listens on the configured port and host; a port in use or an unknown host is a StartError. */
function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app).listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reasons: Record<string, string> = {
        EADDRINUSE: `port ${port} on ${host} is already in use (set PORT to another port)`,
        EACCES: `no permission to listen on port ${port} (set PORT to a port above 1023)`,
        ENOTFOUND: `HOST '${host}' cannot be resolved`,
        EADDRNOTAVAIL: `HOST '${host}' is not an address of this machine`,
      };
      const reason = error.code ? reasons[error.code] : undefined;
      reject(reason ? new StartError(reason) : error);
    });
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  logger.info({ config: maskedConfig(config) }, 'starting');
  const db = await openDatabase(config);
  let server: Server;
  try {
    logger.info({ backend: db.backend }, 'database open');
    const applied = await migrateToLatest(db.knex);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    if (db.backend === 'embedded' && config.seedDemo) {
      const reports = await seedDemoIfEmpty(db.knex);
      for (const report of reports) logger.info({ file: report.file, things: report.written }, 'demo data seeded');
    }
    server = await listen(createApp({ config, db, logger }), config.port, config.host);
  } catch (error) {
    // Release the database (and the embedded data directory's lock) before reporting.
    await db.close().catch(() => undefined);
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ url: `http://localhost:${port}/`, port }, 'listening');
  configureServer(server);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('drain timed out; closing connections');
      server.closeAllConnections();
    }, 10000);
    force.unref();
    server.close(() => {
      db.close()
        .then(() => {
          logger.info('stopped');
          process.exit(0);
        })
        .catch((error) => {
          logger.error({ err: error }, 'closing the database failed');
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof StartError) {
    process.stderr.write(`sensorregister: ${error.message}\n`);
  } else {
    process.stderr.write(`sensorregister: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
