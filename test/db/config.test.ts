/** Typed configuration: defaults, overrides, validation messages naming the variable, secrets masked. */
import path from 'node:path';
import { ConfigError, loadConfig, maskedConfig } from '../../src/config/config';

test('defaults: embedded database in ./data on port 8080', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    port: 8080,
    databaseUrl: undefined,
    dataDir: path.resolve('./data'),
    seedDemo: true,
    defaultTop: 100,
    maxTop: 10000,
  });
});

test('overrides from the environment', () => {
  const config = loadConfig({ PORT: '9000', DATABASE_URL: 'postgres://u:p@h:5432/d', PUBLIC_BASE_URL: 'https://x.nl/', STA_MAX_TOP: '500', SEED_DEMO: 'false' });
  expect(config).toMatchObject({ port: 9000, databaseUrl: 'postgres://u:p@h:5432/d', publicBaseUrl: 'https://x.nl', maxTop: 500, seedDemo: false });
});

test.each([
  [{ PORT: 'eighty' }, "PORT must be a whole number, got 'eighty'"],
  [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
  [{ DATABASE_URL: 'mysql://x/y' }, "DATABASE_URL must use postgres: or postgresql:, got 'mysql:'"],
  [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL is not a valid URL'],
  [{ SEED_DEMO: 'maybe' }, "SEED_DEMO must be true or false, got 'maybe'"],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
  [{ STA_DEFAULT_TOP: '200', STA_MAX_TOP: '100' }, 'STA_DEFAULT_TOP must not exceed STA_MAX_TOP'],
  [{ MAX_BODY_SIZE: 'huge' }, "MAX_BODY_SIZE must be a size such as 512kb or 1mb, got 'huge'"],
])('invalid %j is refused with a message naming the variable', (env, message) => {
  expect(() => loadConfig(env)).toThrow(new ConfigError(message));
});

test('a lower STA_MAX_TOP lowers the default page with it; MAX_BODY_SIZE takes body-parser sizes', () => {
  expect(loadConfig({ STA_MAX_TOP: '50' })).toMatchObject({ maxTop: 50, defaultTop: 50 });
  expect(loadConfig({ STA_MAX_TOP: '50', STA_DEFAULT_TOP: '20' })).toMatchObject({ maxTop: 50, defaultTop: 20 });
  expect(loadConfig({ MAX_BODY_SIZE: '512kb' }).maxBodySize).toBe('512kb');
  expect(loadConfig({}).maxBodySize).toBe('1mb');
});

test('the database password is masked when the configuration is logged', () => {
  const masked = maskedConfig(loadConfig({ DATABASE_URL: 'postgres://register:s3cret@db:5432/reg' }));
  expect(masked.databaseUrl).toBe('postgres://register:***@db:5432/reg');
  expect(JSON.stringify(masked)).not.toContain('s3cret');
});
