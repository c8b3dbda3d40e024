/**
 * The `sensorregister` command line: `organisation add|list`, `import`, `publish`, `migrate`. Honours DATABASE_URL and
 * DATA_DIR like the server; the embedded data directory can be used by one process at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config';
import { openDatabase, type Database } from '../db/connect';
import { DataDirInUseError } from '../db/data-dir-lock';
import { migrateToLatest } from '../db/migrate';
import { AppError } from '../errors/errors';
import { formatIssue } from '../register/import/types';
import { importFile } from '../register/import/import-file';
import { createOrganisation, organisationBySlug } from '../register/organisations';
import { publishDrafts } from '../register/store/publish-drafts';
import type { OrganisationInput } from '../register/profile-types';
import { loadVocabularies } from '../register/vocabularies/lookup';

const USAGE = `Usage:
  sensorregister organisation add --slug <slug> --name <name> --kind <gemeente|provincie|waterschap|rijk|overig>
                                  [--code <GM0518|PV27|WS0155|OIN>] [--website <url>] [--public-email <role mailbox>]
                                  [--private-contact <text>]
  sensorregister organisation list
  sensorregister import --organisation <slug> [--dry-run] [--publish] <file.geojson|file.csv|file.gml>
  sensorregister publish --organisation <slug> (--all | <reference> …)
  sensorregister migrate

Environment: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded database, default ./data).`;

/** A command's outcome: what to print and the exit code. */
interface Outcome {
  code: number;
}

type Out = (line: string) => void;

async function organisationAdd(db: Database, args: string[], out: Out): Promise<Outcome> {
  const { values } = parseArgs({
    args,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      code: { type: 'string' },
      website: { type: 'string' },
      'public-email': { type: 'string' },
      'private-contact': { type: 'string' },
    },
    strict: true,
  });
  const input = {
    slug: values.slug,
    name: values.name,
    kind: values.kind,
    code: values.code,
    website: values.website,
    publicEmail: values['public-email'],
    privateContact: values['private-contact'],
  };
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const organisation = await createOrganisation(db.knex, defined as unknown as OrganisationInput, await loadVocabularies(db.knex), 'cli');
  out(`organisation ${organisation.slug} created (id ${organisation.id})`);
  return { code: 0 };
}

async function organisationList(db: Database, out: Out): Promise<Outcome> {
  const rows = await db.knex('organisations as o')
    .leftJoin('things as t', 't.organisation_id', 'o.id')
    .groupBy('o.id')
    .orderBy('o.slug')
    .select('o.slug', 'o.name', 'o.kind', db.knex.raw('count(t.id)::int as things'));
  for (const row of rows) out(`${row.slug}\t${row.kind}\t${row.things} ${row.things === 1 ? 'thing' : 'things'}\t${row.name}`);
  return { code: 0 };
}

async function runImport(db: Database, args: string[], out: Out, err: Out): Promise<Outcome> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      organisation: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (!values.organisation || positionals.length !== 1) {
    err(`sensorregister import: ${!values.organisation ? 'name the organisation with --organisation <slug>' : 'give exactly one file to import'}\n\n${USAGE}`);
    return { code: 2 };
  }
  const file = positionals[0] as string;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    err(`sensorregister import: ${file} is not a file`);
    return { code: 1 };
  }
  const started = Date.now();
  let lastProgress = 0;
  const report = await importFile(db.knex, {
    organisationSlug: values.organisation,
    fileName: path.basename(file),
    content: fs.readFileSync(file),
    dryRun: values['dry-run'] ?? false,
    publish: values.publish ?? false,
    actor: `cli:${process.env.USER ?? 'unknown'}`,
    onProgress: (written, total) => {
      if (Date.now() - lastProgress < 1000 && written < total) return;
      lastProgress = Date.now();
      err(`  ${written}/${total} records written`);
    },
  });
  if (report.unread.length > 0) {
    err(`${report.file}: ${report.unread.length} column(s) not read (no register field; see the README's import columns): ${report.unread.join(', ')}`);
  }
  if (report.issues.length > 0) {
    err(`${report.file}: refused — ${report.issues.length} problem(s); nothing was written:`);
    for (const issue of report.issues) err(`  ${formatIssue(issue, report.unit)}`);
    return { code: 1 };
  }
  const seconds = (Date.now() - started) / 1000;
  if (report.dryRun) out(`${report.file}: ${report.records} records valid (dry run; nothing written)`);
  else out(`${report.file}: ${report.written} ${report.written === 1 ? 'thing' : 'things'} imported for ${report.organisation} in ${seconds.toFixed(1)} s`);
  return { code: 0 };
}

async function runPublish(db: Database, args: string[], out: Out, err: Out): Promise<Outcome> {
  const { values, positionals } = parseArgs({
    args,
    options: { organisation: { type: 'string' }, all: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const references = positionals.length > 0;
  if (!values.organisation || values.all === references) {
    const problem = !values.organisation
      ? 'name the organisation with --organisation <slug>'
      : `give --all or the references of the drafts to publish${references ? ', not both' : ''}`;
    err(`sensorregister publish: ${problem}\n\n${USAGE}`);
    return { code: 2 };
  }
  const organisation = await organisationBySlug(db.knex, values.organisation);
  const selection = values.all ? { all: true as const } : { references: positionals };
  const published = await publishDrafts(db.knex, organisation.id, selection, `cli:${process.env.USER ?? 'unknown'}`);
  out(`${published} ${published === 1 ? 'draft' : 'drafts'} of ${organisation.slug} published`);
  return { code: 0 };
}

/** Runs one command line; exported for tests. */
export async function runCli(argv: string[], out: Out = console.log, err: Out = console.error): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  let db: Database | undefined;
  try {
    const config = loadConfig();
    db = await openDatabase(config);
    await migrateToLatest(db.knex);
    if (command === 'organisation' && sub === 'add') return (await organisationAdd(db, rest, out)).code;
    if (command === 'organisation' && sub === 'list') return (await organisationList(db, out)).code;
    if (command === 'import') return (await runImport(db, [sub ?? '', ...rest].filter(Boolean), out, err)).code;
    if (command === 'publish') return (await runPublish(db, [sub ?? '', ...rest].filter(Boolean), out, err)).code;
    if (command === 'migrate') {
      out('database schema is up to date');
      return 0;
    }
    err(USAGE);
    return 2;
  } catch (error) {
    if (error instanceof AppError || error instanceof ConfigError || error instanceof DataDirInUseError) {
      err(`sensorregister: ${error.message}`);
      return 1;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`sensorregister: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      err(`sensorregister: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  } finally {
    await db?.close();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`sensorregister: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
