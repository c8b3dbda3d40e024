/**
 * The migrated template database of a test run, made once: on PostgreSQL a template database that each
 * test file clones (CREATE DATABASE … TEMPLATE), on PGlite a dumped data directory each test file loads.
 * The PGlite dump is cached under `.test-cache/`, keyed by the migrations and seed files it depends on.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.join(__dirname, '../..');
export const CACHE_DIR = path.join(ROOT, '.test-cache');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

/** A hash of everything the migrated schema depends on. */
export function schemaHash(): string {
  const hash = crypto.createHash('sha256');
  const inputs = [
    ...filesUnder(path.join(ROOT, 'migrations')),
    ...filesUnder(path.join(ROOT, 'seed/vocabularies')),
    path.join(ROOT, 'src/register/vocabularies/seed.ts'),
    path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'),
  ];
  for (const file of inputs) hash.update(file.slice(ROOT.length)).update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export function pgliteTemplateFile(): string {
  return path.join(CACHE_DIR, `pglite-template-${schemaHash()}.tar.gz`);
}
