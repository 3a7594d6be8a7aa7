// Every msg() id in src/ must have a translation in every shipped locale, and no locale may keep
// ids the source no longer uses.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));
const sources = files('src').filter((f) => f.endsWith('.ts') && !f.startsWith(join('src', 'locales')));
const used = new Set();
let problems = 0;
for (const file of sources) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\{\s*id:\s*'([^']+)'/g)) used.add(m[1]);
  // The citation styles' terms (references/format/common.ts `term`): the id is `term.` and the English form.
  // `term(plural('Ed.', names))` uses both 'Ed.' and 'Eds.' (common.ts `plural`).
  for (const call of text.matchAll(/\bterm\((?:[^()]|\([^()]*\))*\)/g)) {
    for (const m of call[0].matchAll(/'([^']+)'/g)) {
      used.add('term.' + m[1]);
      if (call[0].includes('plural(')) used.add('term.' + m[1].replace(/\.?$/, 's$&'));
    }
  }
  // Every msg() call needs an explicit id (hearth's msg() looks translations up by id only).
  for (const m of text.matchAll(/\bmsg\(\s*(?:str)?['"`](?:[^()]|\([^()]*\))*\)/g)) {
    if (!/\{\s*id:\s*'/.test(m[0])) {
      problems++;
      console.error(`${file}: msg() without an id: ${m[0].slice(0, 60)}`);
    }
  }
}
// index.ts is not a locale: it maps each locale to its lazy chunk.
for (const locale of readdirSync('src/locales').filter((f) => f.endsWith('.ts') && f != 'index.ts')) {
  // A locale is its file plus the per-element files in the folder of the same name.
  const folder = join('src/locales', locale.replace(/\.ts$/, ''));
  const text = [join('src/locales', locale), ...(readdirSync('src/locales').includes(locale.replace(/\.ts$/, '')) ? files(folder) : [])]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const have = new Set([...text.matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]));
  const report = (problem) => {
    problems++;
    console.error(`${locale}: ${problem}`);
  };
  for (const id of used) if (!have.has(id)) report(`missing ${id}`);
  for (const id of have) if (!used.has(id)) report(`unused ${id}`);
}
console.log(`${used.size} message ids checked; ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
