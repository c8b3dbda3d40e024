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
])('invalid %j is refused with a message naming the variable', (env, message) => {
  expect(() => loadConfig(env)).toThrow(new ConfigError(message));
});

test('the database password is masked when the configuration is logged', () => {
  const masked = maskedConfig(loadConfig({ DATABASE_URL: 'postgres://register:s3cret@db:5432/reg' }));
  expect(masked.databaseUrl).toBe('postgres://register:***@db:5432/reg');
  expect(JSON.stringify(masked)).not.toContain('s3cret');
});
