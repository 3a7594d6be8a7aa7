import { expect, fixture, fixtureSync, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import '../../src/define/hearth-references.js';
import '../../src/define/hearth-provider.js';
import type { HearthReferences } from '../../src/references/references.js';
import type { HearthBackend } from '../../src/core/backend.js';
import { HearthError } from '../../src/core/errors.js';
import { ADAMS, FROMM, JACKSON } from './items.js';
import { sendKeys as send } from '@web/test-runner-commands';

const sendKeys = send as (keys: { press: string }) => Promise<void>;


/** A backend whose answers the test controls. */
function stubBackend(answer: (listId: string, signal?: AbortSignal) => Promise<unknown>) {
  const calls: string[] = [];
  const backend: HearthBackend = {
    getReferences(listId, options) {
      calls.push(listId);
      return answer(listId, options?.signal);
    },
  };
  return { backend, calls };
}

/** Creates the element, listening for its first loaded event before it connects. */
async function loaded(template: ReturnType<typeof html>) {
  const parent = document.createElement('div');
  document.body.append(parent);
  const event = oneEvent(parent, 'hearth-references-loaded');
  const el = await fixture<HearthReferences>(template, { parentNode: parent });
  const { detail } = await event;
  return { el, count: detail.count as number };
}

const ids = (el: Element) => [...el.querySelectorAll('li')].map((li) => li.id);

describe('<hearth-references>', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('renders items as entries with id, citation and annotation, in the light DOM', async () => {
    const { el, count } = await loaded(html`<hearth-references .items=${[FROMM, JACKSON]}></hearth-references>`);
    expect(count).to.equal(2);
    expect(el.shadowRoot).to.equal(null);
    const entry = document.getElementById('ref-fromm1956')!;
    expect(el.contains(entry)).to.be.true;
    expect(entry.querySelector('.citation')!.textContent).to.equal('Fromm, E. (1956). The Art of Loving. Harper & Brothers.');
    expect(entry.querySelector('.citation i')!.textContent).to.equal('The Art of Loving');
    expect(entry.querySelector('.annotation')!.textContent).to.equal('Love as a practice.');
    expect(entry.querySelector('.annotation em')!.textContent).to.equal('practice');
    const doi = document.querySelector<HTMLAnchorElement>('#ref-jackson1982 .citation a')!;
    expect(doi.href).to.equal('https://doi.org/10.2307/2960077');
    await expect(el).to.be.accessible();
  });

  it('sorts by author by default and keeps the given order with sort="none"', async () => {
    const sorted = await loaded(html`<hearth-references .items=${[JACKSON, FROMM, ADAMS]}></hearth-references>`);
    expect(ids(sorted.el)).to.deep.equal(['ref-adams', 'ref-fromm1956', 'ref-jackson1982']);
    const given = await loaded(html`<hearth-references sort="none" .items=${[JACKSON, FROMM, ADAMS]}></hearth-references>`);
    expect(ids(given.el)).to.deep.equal(['ref-jackson1982', 'ref-fromm1956', 'ref-adams']);
  });

  describe('data sources, in order of precedence', () => {
    it('.items wins over inline JSON, src and list', async () => {
      const { backend, calls } = stubBackend(async () => [JACKSON]);
      const { el } = await loaded(html`<hearth-references .items=${[ADAMS]} .backend=${backend} list="x" src="/demo/refs.json">
        <script type="application/json">${JSON.stringify([FROMM])}</script>
      </hearth-references>`);
      expect(ids(el)).to.deep.equal(['ref-adams']);
      expect(calls).to.deep.equal([]);
    });

    it('inline JSON wins over src and list', async () => {
      const { backend, calls } = stubBackend(async () => [JACKSON]);
      const { el } = await loaded(html`<hearth-references .backend=${backend} list="x" src="/demo/refs.json">
        <script type="application/json">${JSON.stringify([FROMM])}</script>
      </hearth-references>`);
      expect(ids(el)).to.deep.equal(['ref-fromm1956']);
      expect(calls).to.deep.equal([]);
    });

    it('src wins over list', async () => {
      const { backend, calls } = stubBackend(async () => [JACKSON]);
      const { el, count } = await loaded(html`<hearth-references .backend=${backend} list="x" src="/demo/refs.json"></hearth-references>`);
      expect(count).to.equal(3);
      expect(ids(el)).to.deep.equal(['ref-fromm1956', 'ref-jackson1982', 'ref-kurzweil2005']);
      expect(calls).to.deep.equal([]);
    });

    it('list is fetched through the backend', async () => {
      const { backend, calls } = stubBackend(async () => [JACKSON]);
      const { el } = await loaded(html`<hearth-references .backend=${backend} list="essay"></hearth-references>`);
      expect(calls).to.deep.equal(['essay']);
      expect(ids(el)).to.deep.equal(['ref-jackson1982']);
    });

    it('falls back to the next source when a higher one is removed', async () => {
      const { el } = await loaded(html`<hearth-references .items=${[ADAMS]}>
        <script type="application/json">${JSON.stringify([FROMM])}</script>
      </hearth-references>`);
      const event = oneEvent(el, 'hearth-references-loaded');
      el.items = undefined;
      await event;
      expect(ids(el)).to.deep.equal(['ref-fromm1956']);
    });

    it('reads inline JSON added after the element connected', async () => {
      const el = await fixture<HearthReferences>(html`<hearth-references></hearth-references>`);
      const event = oneEvent(el, 'hearth-references-loaded');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify([FROMM, ADAMS]);
      el.append(script);
      expect((await event).detail.count).to.equal(2);
    });
  });

  describe('backend configuration', () => {
    it('uses the backend of an enclosing <hearth-provider>', async () => {
      const { backend, calls } = stubBackend(async () => [FROMM]);
      const parent = document.createElement('div');
      document.body.append(parent);
      const event = oneEvent(parent, 'hearth-references-loaded');
      await fixture(html`<hearth-provider .backend=${backend}><hearth-references list="essay"></hearth-references></hearth-provider>`, { parentNode: parent });
      await event;
      expect(calls).to.deep.equal(['essay']);
    });

    it("prefers the element's own .backend over the provider's", async () => {
      const outer = stubBackend(async () => [FROMM]);
      const own = stubBackend(async () => [ADAMS]);
      const parent = document.createElement('div');
      document.body.append(parent);
      const event = oneEvent(parent, 'hearth-references-loaded');
      await fixture(html`<hearth-provider .backend=${outer.backend}><hearth-references list="essay" .backend=${own.backend}></hearth-references></hearth-provider>`, { parentNode: parent });
      await event;
      expect(own.calls).to.deep.equal(['essay']);
      expect(outer.calls).to.deep.equal([]);
    });

    it('says that no backend is configured when list is set without one', async () => {
      const parent = document.createElement('div');
      document.body.append(parent);
      const event = oneEvent(parent, 'hearth-error');
      const logged: string[] = [];
      const error = console.error;
      console.error = (...args: unknown[]) => void logged.push(args.join(' '));
      const el = await fixture<HearthReferences>(html`<hearth-references list="essay"></hearth-references>`, { parentNode: parent });
      const { detail } = await event;
      console.error = error;
      expect((detail.error as HearthError).message).to.contain('<hearth-references> has no backend with getReferences()');
      expect(logged).to.deep.equal([(detail.error as HearthError).message]); // told to the developer, once
      await el.updateComplete;
      expect(el.querySelector('[role="alert"]')).to.exist;
    });
  });

  describe('states', () => {
    it('shows a skeleton while loading, announced as busy', async () => {
      const { backend } = stubBackend(() => new Promise(() => {}));
      const el = await fixture<HearthReferences>(html`<hearth-references .backend=${backend} list="slow"></hearth-references>`);
      const status = el.querySelector('[role="status"]')!;
      expect(status.getAttribute('aria-busy')).to.equal('true');
      expect(status.textContent).to.contain('Loading references…');
      expect(el.querySelector('.skeleton')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('says "No references" for an empty list', async () => {
      const { el, count } = await loaded(html`<hearth-references .items=${[]}></hearth-references>`);
      expect(count).to.equal(0);
      expect(el.querySelector('[role="status"]')!.textContent).to.equal('No references');
      await expect(el).to.be.accessible();
    });

    it('shows an error with Retry and a hearth-error event; Retry loads again', async () => {
      let fail = true;
      const { backend, calls } = stubBackend(async () => {
        if (fail) throw new HearthError('offline', 'network down');
        return [FROMM];
      });
      const parent = document.createElement('div');
      document.body.append(parent);
      const errorEvent = oneEvent(parent, 'hearth-error');
      const el = await fixture<HearthReferences>(html`<hearth-references .backend=${backend} list="essay"></hearth-references>`, { parentNode: parent });
      const { detail } = await errorEvent;
      expect((detail.error as HearthError).kind).to.equal('offline');
      await el.updateComplete;
      const alert = el.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('offline');
      await expect(el).to.be.accessible();
      fail = false;
      const loadedEvent = oneEvent(el, 'hearth-references-loaded');
      el.querySelector<HTMLButtonElement>('button')!.click();
      await loadedEvent;
      expect(calls).to.deep.equal(['essay', 'essay']);
      expect(ids(el)).to.deep.equal(['ref-fromm1956']);
    });

    it('Retry by keyboard: focus goes to the loading status, then to the list (or Retry again), never to <body>', async () => {
      let answer: (() => void) | undefined;
      let fail = true;
      const { backend } = stubBackend(
        () =>
          new Promise((resolve, reject) => {
            answer = () => (fail ? reject(new HearthError('offline', 'network down')) : resolve([FROMM, JACKSON]));
          }),
      );
      const el = await fixture<HearthReferences>(html`<hearth-references .backend=${backend} list="essay"></hearth-references>`);
      answer!();
      const retry = () => el.querySelector<HTMLButtonElement>('[role=alert] button');
      await waitUntil(retry, 'Retry');
      const notBody = (what: string) => expect(document.activeElement, `${what}: focus fell to <body>`).to.not.equal(document.body);
      // Retry, failing again: from Retry to the loading status, then to the new Retry.
      retry()!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      notBody('loading');
      expect(document.activeElement).to.equal(el.querySelector('[aria-busy=true]'));
      await expect(el).to.be.accessible();
      answer!();
      await waitUntil(retry, 'Retry again');
      await el.updateComplete;
      notBody('failed again');
      expect(document.activeElement).to.equal(retry());
      // Retry, loading: from the status to the list.
      fail = false;
      const loadedEvent = oneEvent(el, 'hearth-references-loaded');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      notBody('loading');
      answer!();
      await loadedEvent;
      notBody('loaded');
      expect(document.activeElement).to.equal(el.querySelector('ul'));
      expect(document.activeElement!.getAttribute('aria-label')).to.equal('References');
      await expect(el).to.be.accessible();
    });

    for (const [kind, text] of [
      ['unreachable', 'Could not reach the service. Try again later.'],
      ['timeout', 'could not be loaded. Try again.'],
      ['not-found', 'was not found'],
      ['server', 'could not be loaded'],
      ['malformed', 'could not be read'],
    ] as const) {
      it(`explains a ${kind} error`, async () => {
        const { backend } = stubBackend(async () => {
          throw new HearthError(kind);
        });
        const parent = document.createElement('div');
        document.body.append(parent);
        const event = oneEvent(parent, 'hearth-error');
        const el = await fixture<HearthReferences>(html`<hearth-references .backend=${backend} list="x"></hearth-references>`, { parentNode: parent });
        await event;
        await el.updateComplete;
        expect(el.querySelector('[role="alert"]')!.textContent).to.contain(text);
      });
    }
  });

  describe('bad data never throws out of the element', () => {
    it('reports malformed inline JSON', async () => {
      const parent = document.createElement('div');
      document.body.append(parent);
      const event = oneEvent(parent, 'hearth-error');
      const el = await fixture<HearthReferences>(html`<hearth-references><script type="application/json">[{"id": </script></hearth-references>`, { parentNode: parent });
      const { error } = (await event).detail as { error: HearthError };
      expect(error.kind).to.equal('malformed');
      expect(error.cause).to.be.instanceOf(SyntaxError);
      await el.updateComplete;
      expect(el.querySelector('[role="alert"]')!.textContent).to.contain('could not be read');
      await expect(el).to.be.accessible();
    });

    it('reports data that is not an array', async () => {
      const parent = document.createElement('div');
      document.body.append(parent);
      const event = oneEvent(parent, 'hearth-error');
      const el = await fixture<HearthReferences>(html`<hearth-references .items=${{ id: 'x' }}></hearth-references>`, { parentNode: parent });
      await event;
      await el.updateComplete;
      expect(el.querySelector('[role="alert"]')!.textContent).to.contain('could not be read');
    });

    it('renders items with missing fields, wrong types and unknown types', async () => {
      const items = [
        { id: 'bare' },
        { id: 7, type: 'hologram', title: 42, author: 'not a list', issued: { 'date-parts': [['abc']] } },
        null,
        'string',
        { title: 'no id' },
      ];
      const { el, count } = await loaded(html`<hearth-references .items=${items}></hearth-references>`);
      expect(count).to.equal(2);
      expect(ids(el).sort()).to.deep.equal(['ref-7', 'ref-bare']);
    });

    it('renders hostile strings as text and drops unsafe URLs', async () => {
      const hostile = {
        id: 'evil',
        type: 'webpage',
        title: '<img src=x onerror="window.__pwned=1">',
        author: [{ literal: '<script>window.__pwned=1</script>' }],
        URL: 'javascript:window.__pwned=1',
        annotation: 'Safe <img src=x onerror="window.__pwned=1"> text <a href="javascript:window.__pwned=1">bad link</a> <a href="https://example.org/ok" onclick="window.__pwned=1">good link</a><script>window.__pwned=1</script>',
      };
      const { el } = await loaded(html`<hearth-references .items=${[hostile]}></hearth-references>`);
      await aTimeout(50); // an onerror handler would have run by now
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(el.querySelector('img, script:not([type])')).to.equal(null);
      expect(el.querySelector('.citation')!.textContent).to.contain('<img src=x onerror=');
      const links = [...el.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/ok']);
      expect(links[0].hasAttribute('onclick')).to.be.false;
      expect(el.querySelector('.annotation')!.textContent).to.equal('Safe  text bad link good linkwindow.__pwned=1');
    });

    it('skips duplicate ids instead of rendering two elements with one id', async () => {
      const { el } = await loaded(html`<hearth-references .items=${[FROMM, { ...FROMM, title: 'Copy' }]}></hearth-references>`);
      expect(ids(el)).to.deep.equal(['ref-fromm1956']);
    });

    it('renders APA for an unknown citation-style (or sort: author order), with one console warning naming the element and the choices', async () => {
      const warnings: unknown[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args[0]);
      try {
        const { el } = await loaded(html`<hearth-references citation-style="klingon" .items=${[FROMM]}></hearth-references>`);
        expect(el.querySelector('.citation')!.textContent).to.contain('Fromm, E. (1956).');
        await loaded(html`<hearth-references citation-style="klingon" .items=${[FROMM]}></hearth-references>`);
        const sorted = await loaded(html`<hearth-references sort="alphabet" .items=${[JACKSON, FROMM]}></hearth-references>`);
        expect(ids(sorted.el)).to.deep.equal(['ref-fromm1956', 'ref-jackson1982']);
        expect(warnings).to.deep.equal([
          '<hearth-references> citation-style="klingon"? Use apa, mla, chicago, ieee, vancouver, harvard (apa for now)',
          '<hearth-references> sort="alphabet"? Use author, year, type, cited, none (author for now)',
        ]);
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('fragment links', () => {
    it('scrolls to and focuses the entry named in the URL once the list has loaded (with the reader tools, when the browser is idle)', async () => {
      history.replaceState(null, '', '#ref-jackson1982');
      const { backend } = stubBackend(async () => [FROMM, JACKSON]);
      const { el } = await loaded(html`<hearth-references .backend=${backend} list="essay"></hearth-references>`);
      await waitUntil(() => document.activeElement === el.querySelector('#ref-jackson1982'), 'entry focused', { timeout: 4000 });
      expect(el.querySelector('#ref-jackson1982')!.getBoundingClientRect().top).to.be.within(-1, innerHeight);
    });

    it('focuses the entry when the hash changes later', async () => {
      const { el } = await loaded(html`<hearth-references .items=${[FROMM, JACKSON]}></hearth-references>`);
      await waitUntil(() => el.querySelector('p.tools'), 'the reader tools');
      location.hash = '#ref-fromm1956';
      await waitUntil(() => document.activeElement === el.querySelector('#ref-fromm1956'), 'entry focused');
    });
  });

  describe('localization', () => {
    it('speaks Ukrainian under lang="uk" on the element', async () => {
      const el = await fixture<HearthReferences>(html`<hearth-references lang="uk" .items=${[]}></hearth-references>`);
      await waitUntil(() => el.textContent!.includes('Джерел немає'), 'Ukrainian empty message');
      await expect(el).to.be.accessible();
    });

    it("follows the document's lang, and changes when it changes", async () => {
      document.documentElement.lang = 'uk-UA';
      const el = await fixture<HearthReferences>(html`<hearth-references .items=${[]}></hearth-references>`);
      await waitUntil(() => el.textContent!.includes('Джерел немає'), 'Ukrainian from the document');
      document.documentElement.lang = 'en';
      await waitUntil(() => el.textContent!.includes('No references'), 'back to English');
    });

    it('keeps English next to a Ukrainian element on the same page', async () => {
      // fixtureSync: a plain <div> fixture waits for an animation frame, which background tabs never get.
      const parent = fixtureSync(html`<div>
        <hearth-references lang="uk" .items=${[]}></hearth-references>
        <hearth-references .items=${[]}></hearth-references>
      </div>`);
      const [uk, en] = parent.querySelectorAll('hearth-references');
      await waitUntil(() => uk.textContent!.includes('Джерел немає'), 'Ukrainian element');
      await (en as HearthReferences).updateComplete;
      expect(en.textContent).to.contain('No references');
    });

    it('prints the styles\' terms in the list\'s language (German: "o. J.", "In", "Hrsg.", "S."), and again when the language changes', async () => {
      const parent = document.createElement('div');
      parent.lang = 'de';
      document.body.append(parent);
      const undated = { id: 'undated', type: 'book', title: 'Ohne Jahr', author: [{ family: 'Arendt', given: 'Hannah' }], publisher: 'Piper' };
      const chapter = {
        id: 'chapter', type: 'chapter', title: 'Die Kunst', author: [{ family: 'Fromm', given: 'Erich' }], editor: [{ family: 'Funk', given: 'Rainer' }],
        'container-title': 'Gesamtausgabe', page: '12-30', issued: { 'date-parts': [[1999]] }, publisher: 'DVA',
      };
      const el = await fixture<HearthReferences>(html`<hearth-references .items=${[undated, chapter]}></hearth-references>`, { parentNode: parent });
      const entry = (id: string) => el.querySelector(`#ref-${id} .citation`)?.textContent;
      await waitUntil(() => entry('undated')?.includes('o.\u00a0J.'), 'German terms');
      expect(entry('undated')).to.equal('Arendt, H. (o.\u00a0J.). Ohne Jahr. Piper.');
      expect(entry('chapter')).to.equal('Fromm, E. (1999). Die Kunst. In R. Funk (Hrsg.), Gesamtausgabe (S. 12–30). DVA.');
      parent.lang = 'en';
      await waitUntil(() => entry('undated') == 'Arendt, H. (n.d.). Ohne Jahr. Piper.', 'English again');
      expect(entry('chapter')).to.equal('Fromm, E. (1999). Die Kunst. In R. Funk (Ed.), Gesamtausgabe (pp. 12–30). DVA.');
    });

    it('translates the error state and the Retry button', async () => {
      const parent = document.createElement('div');
      parent.lang = 'uk';
      document.body.append(parent);
      const el = await fixture<HearthReferences>(html`<hearth-references .items=${'nope'}></hearth-references>`, { parentNode: parent });
      await waitUntil(() => el.querySelector('button')?.textContent === 'Спробувати ще раз', 'Ukrainian retry');
      expect(el.querySelector('[role="alert"]')!.textContent).to.contain('Не вдалося прочитати дані джерел');
    });
  });
});
