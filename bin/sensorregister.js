#!/usr/bin/env node
// The `sensorregister` command: runs the compiled CLI when built (`npm run build`), else the TypeScript source via tsx.
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '../dist/src/cli/main.js');
if (fs.existsSync(compiled)) {
  require(compiled).runCli(process.argv.slice(2)).then((code) => process.exit(code));
} else {
  require('tsx/cjs');
  require('../src/cli/main.ts').runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
