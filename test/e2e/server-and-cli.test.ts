/**
 * The product as a newcomer uses it, on the embedded database: `npm start` seeds the demo on first start and
 * serves it; a restart keeps the data without seeding twice; the CLI refuses a data directory held by the
 * running server, and adds organisations and imports once the server is stopped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
let dataDir: string;

function env(): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  delete result.DATABASE_URL;
  return result;
}

interface Running {
  child: ChildProcess;
  port: number;
  logs: Record<string, unknown>[];
}

function startServer(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') resolve({ child, port: entry.port as number, logs });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

function stopServer(running: Running): Promise<number | null> {
  return new Promise((resolve) => {
    running.child.removeAllListeners('exit');
    running.child.on('exit', (code) => resolve(code));
    running.child.kill('SIGTERM');
  });
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/sensorregister.js'), ...args], { cwd: ROOT, env: env(), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function json(port: number, url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}${url}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-e2e-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('first start seeds the demo, restart keeps it without seeding twice, the CLI works beside it', async () => {
  const first = await startServer();
  try {
    const health = await json(first.port, '/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', database: { backend: 'embedded', status: 'ok', ms: expect.any(Number) } } });
    const things = await json(first.port, '/sta/v1.1/Things?$count=true&$top=1');
    expect(things.body['@iot.count']).toBe(81);
    expect(first.logs.filter((entry) => entry.msg === 'demo data seeded').map((entry) => [entry.file, entry.things])).toEqual([
      ['bgt_sensor_denhaag_G0518.gml', 104],
      ['amsterdam_sensorenregister_sample_redacted.geojson', 7],
    ]);

    // A long but valid filter (5 012 characters, 30 kB percent-encoded) is answered, not refused as too large a request.
    const long = await json(first.port, `/sta/v1.1/Things?$filter=${encodeURIComponent(`name eq '${'é'.repeat(5000)}'`)}`);
    expect(long).toEqual({ status: 200, body: { value: [] } });

    const refused = cli('organisation', 'list');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`is in use by process ${first.child.pid}`);
  } finally {
    expect(await stopServer(first)).toBe(0);
  }
  expect(first.logs.map((entry) => entry.msg)).toContain('stopped');

  const added = cli('organisation', 'add', '--slug', 'rijkswaterstaat', '--name', 'Rijkswaterstaat', '--kind', 'rijk', '--public-email', 'info@rws.nl');
  expect(added.stderr).toBe('');
  expect(added.stdout).toMatch(/^organisation rijkswaterstaat created \(id \d+\)\n$/);
  const csv = path.join(dataDir, 'rws.csv');
  fs.writeFileSync(csv, 'name,description,x,y,sensor_type,Hoogte [m],kleur\nWaterhoogte Lobith,Peilschaal,203000,429000,Druksensor,2,blauw\n');
  const imported = cli('import', '--organisation', 'rijkswaterstaat', '--publish', csv);
  expect(imported.status).toBe(0);
  expect(imported.stdout).toMatch(/^rws\.csv: 1 thing imported for rijkswaterstaat in [\d.]+ s\n$/);
  expect(imported.stderr.split('\n')).toEqual([
    '  1/1 records written',
    "rws.csv: 2 column(s) not read (no register field; see the README's import columns): Hoogte [m], kleur",
    '',
  ]);
  const missing = cli('import', '--organisation', 'rijkswaterstaat', path.join(dataDir, 'nope.csv'));
  expect([missing.status, missing.stderr]).toEqual([1, `sensorregister import: ${path.join(dataDir, 'nope.csv')} is not a file\n`]);
  const noOrganisation = cli('import', csv);
  expect(noOrganisation.status).toBe(2);
  expect(noOrganisation.stderr).toMatch(/^sensorregister import: name the organisation with --organisation <slug>\n/);
  const drafted = cli('import', '--organisation', 'rijkswaterstaat', path.join(ROOT, 'seed/demo/bgt_sensor_denhaag_G0518.gml'));
  expect(drafted.stdout).toMatch(/^bgt_sensor_denhaag_G0518\.gml: 104 things imported for rijkswaterstaat in [\d.]+ s\n$/);
  const published = cli('publish', '--organisation', 'rijkswaterstaat', 'G0518.6a5e7b3a-4f5c-4d0e-b0e0-000000000000');
  expect([published.status, published.stderr]).toEqual([1, 'sensorregister: no draft with reference "G0518.6a5e7b3a-4f5c-4d0e-b0e0-000000000000"; nothing was published\n']);
  const all = cli('publish', '--organisation', 'rijkswaterstaat', '--all');
  expect([all.status, all.stdout]).toEqual([0, '74 drafts of rijkswaterstaat published\n']);
  const listed = cli('organisation', 'list');
  expect(listed.stdout.split('\n').filter(Boolean)).toEqual([
    "amsterdam\tgemeente\t7 things\tGemeente Amsterdam",
    "den-haag\tgemeente\t104 things\tGemeente 's-Gravenhage",
    'rijkswaterstaat\trijk\t105 things\tRijkswaterstaat',
  ]);

  const second = await startServer();
  try {
    const things = await json(second.port, '/sta/v1.1/Things?$count=true&$top=1');
    expect(things.body['@iot.count']).toBe(82 + 74);
    expect(second.logs.some((entry) => entry.msg === 'demo data seeded')).toBe(false);
  } finally {
    expect(await stopServer(second)).toBe(0);
  }
}, 180000);

test('a port in use stops the start with a one-line reason and leaves the data directory free', async () => {
  const net = await import('node:net');
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as import('node:net').AddressInfo).port;
  try {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...env(), PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect([result.status, result.stderr]).toEqual([1, `sensorregister: port ${port} on 127.0.0.1 is already in use (set PORT to another port)\n`]);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
  expect(fs.existsSync(path.join(dataDir, 'sensorregister.lock'))).toBe(false);
  expect(cli('organisation', 'list').status).toBe(0);
}, 60000);
