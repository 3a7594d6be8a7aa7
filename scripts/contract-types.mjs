// The client's contract types come from the same OpenAPI document as the server:
// `node scripts/contract-types.mjs` writes src/core/contract.gen.ts from server/openapi.yaml;
// `--check` (run by npm test) fails when the committed file is stale.
import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const target = 'src/core/contract.gen.ts';
const ast = await openapiTS(pathToFileURL(resolve('server/openapi.yaml')));
const text =
  '// Generated from server/openapi.yaml by scripts/contract-types.mjs. Do not edit: change the\n' +
  '// OpenAPI document and run `node scripts/contract-types.mjs`.\n/* eslint-disable */\n' +
  astToString(ast);

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(`${target} is stale: run node scripts/contract-types.mjs and commit the result`);
    process.exit(1);
  }
  console.log(`${target} matches server/openapi.yaml`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
