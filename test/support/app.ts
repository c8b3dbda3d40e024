/** The express app over a test database, with a silent logger. */
import pino from 'pino';
import { createApp } from '../../src/app';
import type { Database } from '../../src/db/connect';

export function testApp(db: Database, overrides: { publicBaseUrl?: string; maxTop?: number; defaultTop?: number; maxResponseEntities?: number } = {}) {
  return createApp({
    db,
    logger: pino({ level: 'silent' }),
    config: { publicBaseUrl: overrides.publicBaseUrl, defaultTop: overrides.defaultTop ?? 100, maxTop: overrides.maxTop ?? 10000, maxResponseEntities: overrides.maxResponseEntities ?? 100000, maxBodySize: '1mb' },
  });
}
