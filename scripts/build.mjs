// npm run build: dist/hearth.js (bundled, minified), dist/lib (per-element ES modules + .d.ts for npm),
// dist/custom-elements.json (from the JSDoc in src/), dist/types/{react,vue,svelte}.d.ts (generated from it).
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeFrameworkTypes } from './gen-framework-types.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
run(bin('vite'), ['build', '--logLevel', 'warn']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('custom-elements-manifest'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/core/contract.gen.ts', '--outdir', 'dist', '--quiet']);

// The analyzer reads `static properties` but not `state: true`, and reports every dispatchEvent
// (context requests included). Keep what a user of the elements sees: public attributes and
// members, and the documented hearth-* events.
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
const internal = new Set(
  files('src')
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(\w+): \{ state: true \}/g)].map((m) => m[1])),
);
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
for (const module of manifest.modules) {
  for (const declaration of module.declarations ?? []) {
    if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName));
    if (declaration.members) declaration.members = declaration.members.filter((m) => !internal.has(m.name));
    if (declaration.events) declaration.events = declaration.events.filter((e) => /^hearth-/.test(e.name ?? ''));
  }
}
writeFileSync('dist/custom-elements.json', JSON.stringify(manifest, null, 2));
// React 19 JSX and Vue GlobalComponents types, from the manifest (hearth-widgets/react, hearth-widgets/vue).
writeFrameworkTypes('dist/custom-elements.json', 'dist/types');
console.log('built dist/hearth.js, dist/lib/, dist/custom-elements.json, dist/types/');
