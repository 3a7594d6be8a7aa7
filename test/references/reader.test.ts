/** <hearth-references>: BibTeX/RIS input, partial failures, reader tools, controls, machine-readable data. */
import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import '../../src/define/hearth-references.js';
import type { HearthReferences } from '../../src/references/references.js';
import { parseBibtex } from '../../src/references/parse/bibtex.js';
import { parseRis } from '../../src/references/parse/ris.js';

/** waitUntil with room for the test runner's background pages, whose timers are throttled to ~1/s. */
const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 4000 });

const BIB = String.raw`
@book{fromm1956,
  author = {Fromm, Erich},
  title = {The Art of Loving},
  year = 1956,
  publisher = {Harper \& Brothers},
  address = {New York},
  annotation = {Love as a practice.}
}
@article{jackson1982,
  author = {Frank Jackson},
  title = {Epiphenomenal {Qualia}},
  journal = {The Philosophical Quarterly},
  year = {1982}, volume = 32, number = 127, pages = {127--136},
  doi = {10.2307/2960077}
}
@book{who2022, author = {{World Health Organization}}, title = {World Mental Health Report}, year = 2022, publisher = {WHO}}
@misc{godel1931, author = {G{\"o}del, Kurt and others}, title = {{\"U}ber formal unentscheidbare S{\"a}tze}, year = 1931}
`;
const RIS = `TY  - BOOK
ID  - fromm1956
AU  - Fromm, Erich
TI  - The Art of Loving
PY  - 1956
PB  - Harper & Brothers
CY  - New York
N1  - Love as a practice.
ER  - 

TY  - JOUR
ID  - jackson1982
AU  - Jackson, Frank
TI  - Epiphenomenal Qualia
JO  - The Philosophical Quarterly
PY  - 1982
VL  - 32
IS  - 127
SP  - 127
EP  - 136
ER  - 
`;

async function loaded(template: ReturnType<typeof html>) {
  const parent = document.createElement('div');
  document.body.append(parent);
  const event = oneEvent(parent, 'hearth-references-loaded');
  const el = await fixture<HearthReferences>(template, { parentNode: parent });
  await event;
  await el.updateComplete;
  // The reader tools (a lazy chunk) render when the browser is idle after the list has shown.
  if (el.tools != 'none' && el.querySelector('li')) await until(() => el.querySelector('p.tools'), 'reader tools');
  return el;
}
const ids = (el: Element) => [...el.querySelectorAll('li')].map((li) => li.id);
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
const citation = (el: Element, id: string) => text(el.querySelector(`#${id} .citation`)!);

describe('<hearth-references> inputs', () => {
  it('reads inline BibTeX: accents, escapes, corporate authors, "and others"', async () => {
    const el = await loaded(html`<hearth-references><script type="application/x-bibtex">${BIB}</script></hearth-references>`);
    expect(ids(el)).to.have.members(['ref-fromm1956', 'ref-jackson1982', 'ref-who2022', 'ref-godel1931']);
    expect(citation(el, 'ref-fromm1956')).to.equal('Fromm, E. (1956). The Art of Loving. Harper & Brothers.');
    expect(citation(el, 'ref-jackson1982')).to.equal(
      'Jackson, F. (1982). Epiphenomenal Qualia. The Philosophical Quarterly, 32(127), 127–136. https://doi.org/10.2307/2960077',
    );
    expect(citation(el, 'ref-who2022')).to.equal('World Health Organization. (2022). World Mental Health Report. WHO.');
    expect(text(el)).to.contain('Gödel, K. (1931). Über formal unentscheidbare Sätze.');
    expect(text(el.querySelector('#ref-fromm1956 .annotation')!)).to.equal('Love as a practice.');
    await expect(el).to.be.accessible();
  });

  it('reads inline RIS (format from the script type)', async () => {
    const el = await loaded(html`<hearth-references><script type="application/x-research-info-systems">${RIS}</script></hearth-references>`);
    expect(ids(el)).to.deep.equal(['ref-fromm1956', 'ref-jackson1982']);
    expect(citation(el, 'ref-jackson1982')).to.equal('Jackson, F. (1982). Epiphenomenal Qualia. The Philosophical Quarterly, 32(127), 127–136.');
    expect(text(el.querySelector('#ref-fromm1956 .annotation')!)).to.equal('Love as a practice.');
  });

  it('reads a .bib file from src, and format="ris" for a file without the extension', async () => {
    const bib = URL.createObjectURL(new Blob([BIB], { type: 'text/plain' }));
    const el = await loaded(html`<hearth-references src=${bib} format="bibtex"></hearth-references>`);
    expect(ids(el)).to.include('ref-jackson1982');
    const ris = URL.createObjectURL(new Blob([RIS], { type: 'application/octet-stream' }));
    const el2 = await loaded(html`<hearth-references src=${ris} format="ris"></hearth-references>`);
    expect(ids(el2)).to.deep.equal(['ref-fromm1956', 'ref-jackson1982']);
  });

  it('shows the entries that parse and reports the rest once, politely, with hearth-error', async () => {
    const bad = BIB + '\n@book{broken, title = {Unclosed\n\n@article{, title={no key}}\n';
    const parent = document.createElement('div');
    document.body.append(parent);
    const errors: CustomEvent[] = [];
    parent.addEventListener('hearth-error', (e) => errors.push(e as CustomEvent));
    const event = oneEvent(parent, 'hearth-references-loaded');
    const el = await fixture<HearthReferences>(html`<hearth-references><script type="application/x-bibtex">${bad}</script></hearth-references>`, { parentNode: parent });
    await event;
    await aTimeout(20);
    expect(ids(el)).to.include.members(['ref-fromm1956', 'ref-jackson1982', 'ref-who2022']);
    const notice = el.querySelector('.notice')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(text(notice)).to.match(/^Some entries could not be read and are not shown \(\d\)\.$/);
    expect(errors).to.have.length(1);
    expect(errors[0].detail.error.kind).to.equal('malformed');
    expect(errors[0].detail.issues.length).to.be.at.least(1);
    expect(errors[0].detail.issues[0].line).to.be.a('number');
    await expect(el).to.be.accessible();
    // Re-rendering (a style change) does not report again.
    el.sort = 'year';
    await el.updateComplete;
    await aTimeout(20);
    expect(errors).to.have.length(1);
  });

  it('shows an error (never a blank list) when nothing parses', async () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    const event = oneEvent(parent, 'hearth-error');
    const el = await fixture<HearthReferences>(html`<hearth-references><script type="application/x-bibtex">@book{x, title = {never closed</script></hearth-references>`, { parentNode: parent });
    const { detail } = await event;
    expect(detail.error.kind).to.equal('malformed');
    await el.updateComplete;
    expect(el.querySelector('[role="alert"]')!.textContent).to.contain('The references data could not be read.');
  });
});

describe('<hearth-references> reader tools', () => {
  let written: ClipboardItem[][] = [];
  let texts: string[] = [];
  const clipboard = navigator.clipboard;
  beforeEach(() => {
    written = [];
    texts = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { write: async (items: ClipboardItem[]) => void written.push(items), writeText: async (t: string) => void texts.push(t) },
    });
  });
  afterEach(() => Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard }));

  it('"Copy citation" puts the entry on the clipboard as text and HTML with italics, and says so', async () => {
    const el = await loaded(html`<hearth-references><script type="application/x-bibtex">${BIB}</script></hearth-references>`);
    const button = [...el.querySelectorAll<HTMLButtonElement>('#ref-fromm1956 .tools button')].find((b) => text(b) == 'Copy citation')!;
    expect(button.getAttribute('aria-describedby')).to.equal('ref-fromm1956-text');
    button.click();
    await until(() => written.length, 'clipboard written');
    const item = written[0][0];
    expect(await (await item.getType('text/plain')).text()).to.equal('Fromm, E. (1956). The Art of Loving. Harper & Brothers.');
    expect(await (await item.getType('text/html')).text()).to.equal('Fromm, E. (1956). <i>The Art of Loving</i>. Harper &amp; Brothers.');
    await until(() => text(el).includes('Citation copied'), 'announced');
  });

  it('says when the page may not copy', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { write: () => Promise.reject(new Error('no')), writeText: () => Promise.reject(new Error('no')) } });
    const el = await loaded(html`<hearth-references .items=${[{ id: 'a', title: 'A' }]}></hearth-references>`);
    el.querySelector<HTMLButtonElement>('#ref-a .tools button')!.click();
    await until(() => text(el).includes('Copying is not allowed here'), 'failure announced');
  });

  it('"Cite" opens a dialog with BibTeX and RIS (with the annotation) that parse back; Escape closes it and focus returns', async () => {
    const el = await loaded(html`<hearth-references><script type="application/x-bibtex">${BIB}</script></hearth-references>`);
    const button = [...el.querySelectorAll<HTMLButtonElement>('#ref-fromm1956 .tools button')].find((b) => text(b) == 'Cite')!;
    button.focus();
    button.click();
    await until(() => document.querySelector('dialog.hearth-dialog[open]'), 'dialog open');
    const dialog = document.querySelector<HTMLDialogElement>('dialog.hearth-dialog[open]');
    const [bib, ris] = [...dialog!.querySelectorAll('pre')].map((p) => p.textContent!);
    const fromBib = parseBibtex(bib).items[0];
    expect(fromBib).to.include({ id: 'fromm1956', title: 'The Art of Loving', publisher: 'Harper & Brothers', annotation: 'Love as a practice.' });
    const fromRis = parseRis(ris).items[0];
    expect(fromRis).to.include({ title: 'The Art of Loving', annotation: 'Love as a practice.' });
    expect(ris).to.match(/^N1 {2}- Love as a practice\.$/m);
    expect(bib).to.match(/annotation\s*=\s*\{Love as a practice\.\}/);
    await expect(dialog!).to.be.accessible();
    const copy = [...dialog!.querySelectorAll('button')].find((b) => text(b) == 'Copy BibTeX')!;
    copy.click();
    await until(() => texts.length || written.length, 'copied');
    dialog!.close();
    expect(dialog!.open).to.be.false;
    // The browser fires "close" in a task that a background page (the test runner's) may not run
    // soon; the e2e tests press Escape in a visible page. Here: what hearth does on "close".
    dialog!.dispatchEvent(new Event('close'));
    await until(() => !dialog!.isConnected, 'dialog removed');
    expect(document.activeElement).to.equal(button);
  });

  it('"Cite": first focus lands on the BibTeX text, a region named by its heading (no aria-label on a bare <pre>)', async () => {
    const el = await loaded(html`<hearth-references .items=${[{ id: 'a', type: 'book', title: 'A', publisher: 'P' }]}></hearth-references>`);
    await until(() => el.querySelector('#ref-a .tools'), 'tools');
    const button = [...el.querySelectorAll<HTMLButtonElement>('#ref-a .tools button')].find((b) => text(b) == 'Cite')!;
    button.focus();
    button.click();
    await until(() => document.querySelector('dialog.hearth-dialog[open]'), 'dialog open');
    const dialog = document.querySelector<HTMLDialogElement>('dialog.hearth-dialog[open]')!;
    const first = document.activeElement!;
    expect(dialog.contains(first), 'focus is in the dialog').to.be.true;
    expect(first.localName).to.equal('pre');
    expect(first.getAttribute('role')).to.equal('region');
    expect(first.hasAttribute('aria-label'), 'no aria-label').to.be.false;
    expect(text(dialog.querySelector(`#${first.getAttribute('aria-labelledby')}`)!)).to.equal('BibTeX');
    for (const pre of dialog.querySelectorAll('pre')) {
      expect(pre.getAttribute('role')).to.equal('region');
      expect(pre.hasAttribute('aria-label')).to.be.false;
    }
    expect(text(dialog.querySelector(`#${dialog.querySelectorAll('pre')[1].getAttribute('aria-labelledby')}`)!)).to.equal('RIS');
    await expect(dialog).to.be.accessible();
    dialog.close();
    dialog.dispatchEvent(new Event('close'));
    await until(() => !dialog.isConnected, 'dialog removed');
  });

  it('downloads the whole list as BibTeX, RIS and CSL-JSON that parse back', async () => {
    const el = await loaded(html`<hearth-references><script type="application/x-bibtex">${BIB}</script></hearth-references>`);
    const files: { name: string; blob: Blob }[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (b: Blob) => {
      const url = create(b);
      blobs.set(url, b);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: blobs.get(this.href)! });
    };
    try {
      const group = el.querySelector('.tools[role="group"]')!;
      expect(group.getAttribute('aria-label')).to.equal('Download all references');
      for (const b of group.querySelectorAll('button')) b.click();
      await until(() => files.length == 3, 'three files');
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(files.map((f) => f.name)).to.deep.equal(['references.bib', 'references.ris', 'references.json']);
    const [bib, ris, json] = await Promise.all(files.map((f) => f.blob.text()));
    expect(parseBibtex(bib).items.map((i) => i.id)).to.have.members(ids(el).map((id) => id.slice(4)));
    expect(parseBibtex(bib).errors).to.deep.equal([]);
    expect(parseRis(ris).items).to.have.length(4);
    expect(JSON.parse(json).map((i: { id: string }) => i.id)).to.have.members(ids(el).map((id) => id.slice(4)));
  });

  it('exports annotations as plain text (markup read, tags dropped)', async () => {
    const el = await loaded(html`<hearth-references .items=${[{ id: 'a', type: 'book', title: 'A', annotation: 'Read <em>this</em> &amp; <a href="https://x.org/">that</a>.' }]}></hearth-references>`);
    await until(() => el.querySelector('#ref-a .tools'), 'tools');
    [...el.querySelectorAll<HTMLButtonElement>('#ref-a .tools button')].find((b) => text(b) == 'Cite')!.click();
    await until(() => document.querySelector('dialog.hearth-dialog[open]'), 'dialog open');
    const dialog = document.querySelector<HTMLDialogElement>('dialog.hearth-dialog[open]')!;
    const [bib, ris] = [...dialog.querySelectorAll('pre')].map((p) => p.textContent!);
    expect(parseBibtex(bib).items[0].annotation).to.equal('Read this & that.');
    expect(parseRis(ris).items[0].annotation).to.equal('Read this & that.');
    dialog.close();
    dialog.dispatchEvent(new Event('close'));
  });

  it('one lone surrogate in a title breaks nothing: every entry keeps Copy, Cite and COinS, the list downloads, all well-formed', async () => {
    const items = [
      { id: 'a', type: 'book', title: 'Half an emoji \uD83D here', publisher: 'P' },
      { id: 'b', type: 'book', title: 'Whole', publisher: 'P' },
    ];
    const el = await loaded(html`<hearth-references sort="none" .items=${items}></hearth-references>`);
    for (const id of ['ref-a', 'ref-b']) {
      expect([...el.querySelectorAll(`#${id} .tools button`)].map(text), id).to.deep.equal(['Copy citation', 'Cite']);
      expect(el.querySelector(`#${id} .Z3988`)!.getAttribute('title')).to.match(/^ctx_ver=/);
    }
    expect(decodeURIComponent(el.querySelector('#ref-a .Z3988')!.getAttribute('title')!)).to.contain('Half an emoji \uFFFD here');

    el.querySelector<HTMLButtonElement>('#ref-a .tools button')!.click();
    await until(() => written.length, 'copied');
    expect(await (await written[0][0].getType('text/plain')).text()).to.contain('Half an emoji \uFFFD here');

    [...el.querySelectorAll<HTMLButtonElement>('#ref-a .tools button')].find((b) => text(b) == 'Cite')!.click();
    await until(() => document.querySelector('dialog.hearth-dialog[open]'), 'dialog open');
    const dialog = document.querySelector<HTMLDialogElement>('dialog.hearth-dialog[open]')!;
    [...dialog.querySelectorAll('button')].find((b) => text(b) == 'Copy BibTeX')!.click();
    await until(() => texts.length, 'BibTeX copied');
    expect(texts[0]).to.contain('Half an emoji \uFFFD here');
    expect(texts[0]).not.to.match(/[\uD800-\uDFFF]/); // well-formed: no surrogate left alone (nor any here)
    dialog.close();
    dialog.dispatchEvent(new Event('close'));

    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob) => (blobs.push(b), create(b));
    HTMLAnchorElement.prototype.click = () => undefined;
    try {
      for (const b of el.querySelectorAll<HTMLButtonElement>('.tools[role="group"] button')) b.click();
    } finally {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(blobs).to.have.length(3);
    const [bib, ris, json] = await Promise.all(blobs.map((b) => b.text()));
    for (const file of [bib, ris]) expect(file).to.contain('Half an emoji \uFFFD here');
    expect(JSON.parse(json)[0].title).to.equal('Half an emoji \uFFFD here'); // not a lone "\ud83d" escape
  });

  it('tools="none" hides the reader tools, not the COinS', async () => {
    const el = await loaded(html`<hearth-references tools="none" .items=${[{ id: 'a', title: 'A' }]}></hearth-references>`);
    expect(el.querySelector('.tools')).to.equal(null);
    await until(() => el.querySelector('#ref-a span.Z3988'), 'COinS once the tools chunk has loaded');
    expect(el.querySelector('.tools, button, [role=status]')?.outerHTML).to.equal(undefined);
  });
});

describe('<hearth-references> controls and machine-readable data', () => {
  const items = [
    { id: 'b', type: 'book', title: 'Book', author: [{ family: 'Zed', given: 'A' }], issued: { 'date-parts': [[1999]] } },
    { id: 'a', type: 'article-journal', title: 'Art', author: [{ family: 'Abe', given: 'B' }], issued: { 'date-parts': [[2010]] }, 'container-title': 'J', DOI: '10.1/x' },
    { id: 'w', type: 'webpage', title: 'Web', author: [{ family: 'Moe', given: 'C' }], issued: { 'date-parts': [[1980]] }, URL: 'https://example.org/' },
  ];

  it('lets readers sort by author, year and type (grouped) with a labelled select', async () => {
    const el = await loaded(html`<hearth-references controls .items=${items}></hearth-references>`);
    const select = el.querySelector('select')!;
    expect(text(select.closest('label')!)).to.match(/^Sort by/);
    expect([...select.options].map((o) => o.value)).to.deep.equal(['author', 'year', 'cited', 'type']);
    expect(ids(el)).to.deep.equal(['ref-a', 'ref-w', 'ref-b']);
    select.value = 'year';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['ref-w', 'ref-b', 'ref-a']);
    select.value = 'type';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([...el.querySelectorAll('.group')].map(text)).to.deep.equal(['Books', 'Articles', 'Web pages and posts']);
    const lists = [...el.querySelectorAll('ul')];
    expect(lists).to.have.length(3);
    expect(lists[0].getAttribute('aria-labelledby')).to.equal(el.querySelector('.group')!.id);
    await expect(el).to.be.accessible();
  });

  it('controls="sort style": readers switch the citation style too; controls="style" alone, even for one entry', async () => {
    const el = await loaded(html`<hearth-references controls="sort style" .items=${items}></hearth-references>`);
    const [sort, style] = [...el.querySelectorAll('select')];
    expect(text(sort!.closest('label')!)).to.match(/^Sort by/);
    expect(text(style!.closest('label')!)).to.match(/^Citation style/);
    expect([...style!.options].map((o) => o.value)).to.deep.equal(['apa', 'mla', 'chicago', 'harvard', 'ieee', 'vancouver']);
    expect(style!.value).to.equal('apa');
    expect(text(el.querySelector('#ref-b .citation')!)).to.equal('Zed, A. (1999). Book.');
    style!.value = 'mla';
    style!.dispatchEvent(new Event('change'));
    await until(() => text(el.querySelector('#ref-b .citation')!) == 'Zed, A. Book. 1999.', 'the list in MLA');
    expect(el.citationStyle).to.equal('mla');
    await expect(el).to.be.accessible();

    const one = await loaded(html`<hearth-references controls="style" .items=${items.slice(0, 1)}></hearth-references>`);
    expect([...one.querySelectorAll('select')].map((s) => text(s.closest('label')!).split(' ')[0])).to.deep.equal(['Citation']);
  });

  it('json-ld="off" leaves the page\'s structured data alone: no JSON-LD block, and one already there goes', async () => {
    const ld = () => [...document.head.querySelectorAll('script[type="application/ld+json"]')].filter((s) => s.textContent!.includes('A book of its own'));
    const el = await loaded(html`<hearth-references json-ld="off" .items=${[{ ...items[0], title: 'A book of its own' }]}></hearth-references>`);
    await until(() => el.querySelector('span.Z3988'), 'the tools (COinS)');
    expect(ld()).to.have.length(0);
    el.removeAttribute('json-ld');
    await until(() => ld().length == 1, 'JSON-LD once allowed');
    el.setAttribute('json-ld', 'off');
    await until(() => ld().length == 0, 'gone again');
    el.remove();
  });

  it('a list taken off the page before its tools arrive writes no JSON-LD into the head', async () => {
    const ld = () => [...document.head.querySelectorAll('script[type="application/ld+json"]')].filter((s) => s.textContent!.includes('A list that left'));
    const el = await loaded(html`<hearth-references .items=${[{ ...items[0], title: 'A list that left' }]}></hearth-references>`);
    el.remove(); // before the idle callback that loads the tools
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the tools come within a second
    expect(el.querySelector('span.Z3988'), 'the tools did arrive').to.exist;
    expect(ld()).to.have.length(0);
  });

  it('puts a COinS span in each entry and one JSON-LD block in the head', async () => {
    const el = await loaded(html`<hearth-references .items=${items}></hearth-references>`);
    await until(() => el.querySelectorAll('span.Z3988').length == 3, 'COinS');
    const coins = el.querySelector('#ref-a span.Z3988')!.getAttribute('title')!;
    expect(coins).to.contain('ctx_ver=Z39.88-2004');
    expect(decodeURIComponent(coins)).to.contain('Art');
    const scripts = [...document.head.querySelectorAll('script[type="application/ld+json"]')];
    const ld = scripts.map((s) => JSON.parse(s.textContent!)).find((d) => d.citation?.some((c: { name: string }) => c.name == 'Art'))!;
    expect(ld['@context']).to.equal('https://schema.org');
    expect(ld.citation.map((c: { '@type': string }) => c['@type'])).to.have.members(['Book', 'ScholarlyArticle', 'WebPage']);
    const art = ld.citation.find((c: { name: string }) => c.name == 'Art');
    expect(art).to.deep.include({ datePublished: '2010', identifier: 'https://doi.org/10.1/x' });
    expect(art.author).to.deep.equal([{ '@type': 'Person', name: 'B Abe' }]);
    el.remove();
    expect(scripts.filter((s) => s.isConnected).length).to.be.lessThan(scripts.length);
  });
});
