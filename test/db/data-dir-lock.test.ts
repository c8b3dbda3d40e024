/** The embedded data directory belongs to one process; stale locks are taken over. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUseError, lockDataDir } from '../../src/db/data-dir-lock';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a directory held by a live process is refused with a message naming it and the pid', async () => {
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    fs.writeFileSync(path.join(dir, 'sensorregister.lock'), String(holder.pid));
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toBe(
      `The data directory ${dir} is in use by process ${holder.pid} (a running sensorregister server?). ` +
        'The embedded database can be opened by one process at a time: stop that process first, ' +
        'or point DATABASE_URL at a PostgreSQL server to share the data.',
    );
  } finally {
    holder.kill();
  }
});

test('a lock left by a process that has exited is taken over and released', () => {
  fs.writeFileSync(path.join(dir, 'sensorregister.lock'), '999999999');
  const release = lockDataDir(dir);
  expect(fs.readFileSync(path.join(dir, 'sensorregister.lock'), 'utf8')).toBe(String(process.pid));
  release();
  expect(fs.existsSync(path.join(dir, 'sensorregister.lock'))).toBe(false);
});
