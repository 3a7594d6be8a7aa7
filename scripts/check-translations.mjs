// Every msg() id in src/ must have a translation in every shipped locale, and no locale may keep
// ids the source no longer uses.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
const sources = files('src').filter((f) => f.endsWith('.ts') && !f.startsWith(join('src', 'locales')));
const used = new Set();
for (const file of sources) {
  for (const m of readFileSync(file, 'utf8').matchAll(/\{\s*id:\s*'([^']+)'/g)) used.add(m[1]);
}
let problems = 0;
for (const locale of readdirSync('src/locales').filter((f) => f.endsWith('.ts'))) {
  const text = readFileSync(join('src/locales', locale), 'utf8');
  const have = new Set([...text.matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]));
  for (const id of used) if (!have.has(id)) (problems++, console.error(`${locale}: missing ${id}`));
  for (const id of have) if (!used.has(id)) (problems++, console.error(`${locale}: unused ${id}`));
}
console.log(`${used.size} message ids checked; ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
