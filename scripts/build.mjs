// npm run build: dist/hearth.js (bundled, minified), dist/lib (per-element ES modules + .d.ts for npm),
// dist/custom-elements.json (from the JSDoc in src/).
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
run(bin('vite'), ['build', '--logLevel', 'warn']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('custom-elements-manifest'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', 'dist', '--quiet']);
console.log('built dist/hearth.js, dist/lib/, dist/custom-elements.json');
