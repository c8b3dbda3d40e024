/**
 * Where the project's data files live (`schemas/`, `seed/`), found from the package root so the same code
 * works from the TypeScript sources and from the compiled `dist/src/`.
 */
import fs from 'node:fs';
import path from 'node:path';

function packageRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'dist') {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = packageRoot(__dirname);

/** Absolute path of a file or folder in the package (`projectPath('schemas')`). */
export function projectPath(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}
