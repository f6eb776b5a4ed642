#!/usr/bin/env node
// The command line's entry point. `npm ci` builds dist/ (the "prepare" script).
'use strict';
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('考核助手尚未编译：请先在项目目录运行 npm ci（或 npm run build:cli）。\n');
    process.exit(2);
  }
  throw e;
}
cli.main();
