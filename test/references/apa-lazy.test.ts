/**
 * APA's lazy part (apa-more.ts): a list whose data holds an item that `needsMore` (a dataset here)
 * keeps its loading state until the chunk arrives, then formats that item completely; a failed chunk
 * load shows the style error with Retry. A list of common items never loads the chunk.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/hearth-references.js';
import type { HearthReferences } from '../../src/references/references.js';
import { importers } from '../../src/references/style-loader.js';
import { needsMore } from '../../src/references/format/apa.js';
import { FROMM } from './items.js';

const DATASET = {
  id: 'ds',
  type: 'dataset',
  title: 'Survey data',
  author: [{ literal: 'A' }],
  issued: { 'date-parts': [[2000]] },
  publisher: 'Repo',
};
const text = (el: Element, id: string) => el.querySelector(`#ref-${id} .citation`)?.textContent;

describe('<hearth-references>: APA with apa-more.ts (lazy)', () => {
  const load = importers.apaMore;
  let asked = 0;
  let fail = false;
  beforeEach(() => {
    asked = 0;
    importers.apaMore = () => (asked++, fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : load());
  });
  after(() => (importers.apaMore = load));

  it('tells which items need the chunk', () => {
    expect(needsMore(DATASET as never)).to.be.ok;
    expect(needsMore({ id: 'r', type: 'book', issued: { 'date-parts': [[1999], [2001]] } })).to.be.ok;
    expect(needsMore({ id: 'a', type: 'thesis', archive: 'ProQuest' })).to.be.ok;
    for (const item of [FROMM, { id: 'x' }, { id: 'j', type: 'article-journal' }, { id: 'w', type: 'webpage', issued: { 'date-parts': [[2020, 1]] } }]) {
      expect(needsMore(item as never), JSON.stringify(item)).to.not.be.ok;
    }
    for (const junk of [null, undefined, 7, 'x', { issued: 'garbage' }, { issued: null }]) expect(() => needsMore(junk as never)).to.not.throw();
  });

  it('keeps its loading state until the chunk settles; a failed load shows the style error with Retry, which loads it', async () => {
    // (One test: once loaded, the chunk stays loaded for the page.)
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    fail = true;
    const slow = importers.apaMore;
    importers.apaMore = () => settled.then(slow);
    const parent = document.createElement('div');
    document.body.append(parent);
    const error = oneEvent(parent, 'hearth-error');
    const el = await fixture<HearthReferences>(html`<hearth-references .items=${[FROMM, DATASET]}></hearth-references>`, { parentNode: parent });
    expect(el.querySelector('[role="status"][aria-busy="true"]'), 'loading state').to.exist;
    expect(el.querySelector('li')).to.equal(null);
    settle();
    expect((await error).detail.error.kind).to.equal('offline');
    await el.updateComplete;
    expect(el.querySelector('[role="alert"]')).to.exist;
    expect(el.querySelector('li')).to.equal(null);
    await expect(el).to.be.accessible();
    fail = false;
    const loaded = oneEvent(el, 'hearth-references-loaded');
    el.querySelector<HTMLButtonElement>('button')!.click();
    await loaded;
    expect(asked).to.equal(2);
    expect(text(el, 'ds')).to.equal('A. (2000). Survey data [Dataset]. Repo.');
    expect(text(el, 'fromm1956')).to.equal('Fromm, E. (1956). The Art of Loving. Harper & Brothers.');
    await expect(el).to.be.accessible();
  });

  it('a list of common items does not load the chunk', async () => {
    const el = await fixture<HearthReferences>(html`<hearth-references .items=${[FROMM]}></hearth-references>`);
    await waitUntil(() => text(el, 'fromm1956'), 'the entry');
    expect(asked).to.equal(0);
  });
});
