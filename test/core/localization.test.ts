import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/hearth-references.js';
import '../../src/define/hearth-login-gate.js';
import type { HearthReferences } from '../../src/references/references.js';
import { loadLocale, localeOf } from '../../src/core/localization.js';

/** The translation modules this page has fetched so far (the dev server serves each as its own file). */
const fetchedLocales = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/src/locales/'));

describe('localization', () => {
  // First, before any test here asks for a translation.
  it('loads no translation (not even the index) for an element in English', async () => {
    const el = await fixture<HearthReferences>(html`<hearth-references lang="en" .items=${[]}></hearth-references>`);
    await waitUntil(() => el.textContent!.includes('No references'), 'English');
    await loadLocale('en');
    expect(fetchedLocales()).to.deep.equal([]);
  });

  it('keeps one dynamic import in the bundles, of the locale index, however many languages there are', async () => {
    // The module as the bundles get it (the dev server transpiles it as esbuild does for them).
    const served = await (await fetch(new URL('../../src/core/localization.ts', import.meta.url))).text();
    const code = served.replace(/\/\/# sourceMappingURL=.*/, '');
    const imports = [...code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(imports).to.have.length(1);
    expect(imports[0]).to.match(/^\.\.\/locales\/index\.(js|ts)$/);
    expect((code.match(/\bimport\s*\(/g) ?? []).length, 'no other dynamic import').to.equal(1);
    expect(/locales\/(?!index\.)\w+\.(js|ts)/.test(code), 'no locale module named in the bundles').to.equal(false);
  });

  it('loads a language through the index, then only its own chunk', async () => {
    await loadLocale('uk');
    const fetched = fetchedLocales().map((name) => new URL(name).pathname.replace(/^.*\/src\/locales\//, ''));
    expect(fetched).to.include.members(['index.ts', 'uk.ts']);
    expect(fetched.filter((path) => !path.startsWith('uk'))).to.deep.equal(['index.ts']);
  });

  it('knows the languages it ships, and nothing else, from the nearest lang', () => {
    const probe = (lang: string) => {
      const el = document.createElement('div');
      el.lang = lang;
      return localeOf(el);
    };
    expect(['uk', 'uk-UA', 'EN-gb', 'ja', 'pt-BR', 'constructor', 'toString'].map(probe)).to.deep.equal(['uk', 'uk', 'en', 'en', 'en', 'en', 'en']);
  });
});
