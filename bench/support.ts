/** Shared benchmark helpers: a scratch database per backend, timing, medians. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../src/app';
import { openEmbedded, openPostgres, type Database } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { configureServer } from '../src/http/server-settings';

/** Seconds taken by `work`. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e9];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median milliseconds of `runs` sequential runs of `work` (after two warm-up runs). */
export async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(work))[1] * 1000);
  return median(samples);
}

/**
 * Median milliseconds of each of `works`, run in turn `runs` times (after two warm-up rounds): taking turns
 * spreads the machine's drifting load over all of them, so their ratios are fairer than from runs in blocks.
 */
export async function interleavedMediansMs(runs: number, works: ReadonlyArray<() => Promise<unknown>>): Promise<number[]> {
  for (let round = 0; round < 2; round++) for (const work of works) await work();
  const samples = works.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [index, work] of works.entries()) samples[index]!.push((await timed(work))[1] * 1000);
  }
  return samples.map(median);
}

/**
 * Runs `body` on a migrated scratch database of each backend: embedded (a temp data directory) and, when
 * DATABASE_URL is set, PostgreSQL (a database created and dropped by the run).
 */
export async function onEachBackend(body: (label: string, db: Database) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sensorregister-bench-'));
  const embedded = await openEmbedded({ dataDir: dir });
  try {
    await migrateToLatest(embedded.knex);
    await body('embedded', embedded);
  } finally {
    await embedded.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('postgres   skipped: set DATABASE_URL to a PostgreSQL/PostGIS database to measure it too');
    return;
  }
  const scratch = `sensorregister_bench_${process.pid}`;
  const admin = openPostgres({ url, poolMax: 1, statementTimeoutMs: 0 });
  await admin.knex.raw(`CREATE DATABASE ${scratch}`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${scratch}`;
  const postgres = openPostgres({ url: scratchUrl.toString(), poolMax: 4, statementTimeoutMs: 0 });
  try {
    await migrateToLatest(postgres.knex);
    await body('postgres', postgres);
  } finally {
    await postgres.close();
    await admin.knex.raw(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.close();
  }
}

/** The app on `db` listening on a free local port, configured as `npm start` configures it. */
export async function serve(db: Database): Promise<{ server: Server; origin: string }> {
  const app = createApp({ db, logger: pino({ level: 'silent' }), config: { publicBaseUrl: undefined, defaultTop: 100, maxTop: 10000, maxResponseEntities: 100000, maxBodySize: '1mb' } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  configureServer(server);
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * A bare node:http server answering `/<name>` with the text `handlers[name]()` returns, as JSON: the
 * hand-written SQL served over the same kind of HTTP connection as the API, so a ratio against it measures
 * what the API adds (routing, parsing, compiling, serializing) and not the cost of HTTP itself.
 */
export async function serveText(handlers: Record<string, () => Promise<string>>): Promise<{ server: Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const handler = handlers[(req.url ?? '').slice(1)];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler().then(
      (body) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(body),
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
