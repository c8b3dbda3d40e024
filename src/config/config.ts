/**
 * Typed configuration: defaulted in one place, overridable by environment variables, validated at start
 * and logged with secrets masked (see DESIGN.md "Config").
 */
import path from 'node:path';

/** Everything the server and CLI can be configured with. */
export interface Config {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** Host/interface to bind. */
  host: string;
  /** PostgreSQL connection string; absent → embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  /** Directory of the embedded database (only used without `databaseUrl`). */
  dataDir: string;
  /** Public base URL (e.g. `https://sensors.example.nl`); absent → derived from the request. */
  publicBaseUrl: string | undefined;
  /** Seed demo organisations and records into an empty embedded database. */
  seedDemo: boolean;
  /** pino log level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Default page size of STA collections. */
  defaultTop: number;
  /** Largest page size a client may ask for. */
  maxTop: number;
  /** Most entities one SensorThings response may hold, expanded ones included. */
  maxResponseEntities: number;
  /** Statement timeout in milliseconds for PostgreSQL (production backend). */
  statementTimeoutMs: number;
  /** Connection pool size for PostgreSQL. */
  poolMax: number;
  /** Maximum request body size (express body-parser syntax). */
  maxBodySize: string;
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Thrown when a setting is invalid; the message names the variable. */
export class ConfigError extends Error {}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got '${raw}'`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got '${raw}'`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got '${parsed.protocol}'`);
  }
  return raw;
}

/** A size in body-parser syntax (`100kb`, `1mb`, `512`), as given. */
function byteSize(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(raw.trim())) {
    throw new ConfigError(`${name} must be a size such as 512kb or 1mb, got '${raw}'`);
  }
  return raw.trim();
}

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const publicBaseUrl = url(env, 'PUBLIC_BASE_URL', ['http:', 'https:'])?.replace(/\/+$/, '');
  const maxTop = integer(env, 'STA_MAX_TOP', 10000, 1, 100000);
  const config: Config = {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    publicBaseUrl,
    seedDemo: boolean(env, 'SEED_DEMO', true),
    logLevel,
    maxTop,
    // Without its own setting the default page follows a lower maximum.
    defaultTop: integer(env, 'STA_DEFAULT_TOP', Math.min(100, maxTop), 1, 100000),
    maxResponseEntities: integer(env, 'STA_MAX_RESPONSE_ENTITIES', 100000, 1, 10000000),
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_MS', 30000, 0, 3600000),
    poolMax: integer(env, 'DB_POOL_MAX', 10, 1, 1000),
    maxBodySize: byteSize(env, 'MAX_BODY_SIZE', '1mb'),
  };
  if (config.defaultTop > config.maxTop) throw new ConfigError('STA_DEFAULT_TOP must not exceed STA_MAX_TOP');
  return config;
}

/** The configuration as it may be logged: passwords in the database URL masked. */
export function maskedConfig(config: Config): Record<string, unknown> {
  let databaseUrl = config.databaseUrl;
  if (databaseUrl) {
    const parsed = new URL(databaseUrl);
    if (parsed.password) parsed.password = '***';
    databaseUrl = parsed.toString();
  }
  return { ...config, databaseUrl };
}
