import { expect, fixtureSync, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/define/hearth-references.js';
import type { HearthReferences } from '../../src/references/references.js';
import type { HearthCite } from '../../src/references/cite.js';
import { ADAMS, FROMM, JACKSON as JACKSON_DOI } from './items.js';
import { useFakeTimers } from '../helpers/clock.js';

/** waitUntil with room for the test runner's background pages, whose timers are throttled to ~1/s. */
const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 4000 });


/** Without a DOI: the preview's only link is then "Go to the reference". */
const JACKSON = { ...JACKSON_DOI, DOI: undefined };

/**
 * An essay: paragraphs with citations, then the list; resolves when the list and its citations have
 * rendered. (fixtureSync: `fixture` waits for an animation frame on plain elements, which never comes
 * in a page the test runner keeps in the background.)
 */
async function essay(body: ReturnType<typeof html>, items: unknown[] = [FROMM, JACKSON, ADAMS], attrs: { style?: string; onlyCited?: boolean } = {}) {
  const root = fixtureSync<HTMLElement>(html`<article>
    ${body}
    <hearth-references citation-style=${attrs.style ?? 'apa'} ?only-cited=${attrs.onlyCited} .items=${items}></hearth-references>
  </article>`);
  const list = root.querySelector<HearthReferences>('hearth-references')!;
  await until(() => list.ready, 'list ready');
  await settle(root);
  return { root, list, cites: [...root.querySelectorAll<HearthCite>('hearth-cite')] };
}

async function settle(root: Element) {
  await customElements.whenDefined('hearth-cite'); // a lazy chunk, loaded once the page has a citation
  for (let i = 0; i < 3; i++) {
    await Promise.all([...root.querySelectorAll<HearthCite | HearthReferences>('hearth-cite, hearth-references')].map((e) => e.updateComplete));
    await aTimeout(0);
  }
}

const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();
/** The citation as the reader sees it: without its previews (and lit's comment markers). */
const visibleText = (cite: Element) => {
  const copy = cite.cloneNode(true) as Element;
  copy.querySelectorAll('[popover]').forEach((p) => p.remove());
  return copy.textContent!.replace(/\s+/g, ' ').trim();
};
const isOpen = (button: Element) => (button.nextElementSibling as HTMLElement).matches(':popover-open');

describe('<hearth-cite>', () => {
  afterEach(async () => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    await setViewport({ width: 800, height: 600 });
  });

  it('renders the in-text citation of the list’s style, with the locator, and keeps its fallback until the list is ready', async () => {
    const root = fixtureSync<HTMLElement>(html`<article>
      <p>Love is an art <hearth-cite key="fromm1956" locator="p. 12">(Fromm 1956)</hearth-cite>.</p>
    </article>`);
    const cite = root.querySelector('hearth-cite')!;
    expect(text(cite)).to.equal('(Fromm 1956)');
    const list = document.createElement('hearth-references') as HearthReferences;
    list.items = [FROMM, JACKSON];
    root.append(list);
    await until(() => list.ready);
    await settle(root);
    expect(visibleText(cite)).to.equal('(Fromm, 1956, p. 12)');
    const button = cite.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Fromm, 1956, p. 12');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.id).to.equal('cite-fromm1956-1');
    await expect(root).to.be.accessible();
  });

  it('cites several keys with a locator each, one button per entry', async () => {
    const { cites } = await essay(html`<p><hearth-cite key="jackson1982 fromm1956" locator="p. 3; p. 12"></hearth-cite></p>`);
    expect(visibleText(cites[0])).to.equal('(Fromm, 1956, p. 12; Jackson, 1982, p. 3)');
    expect([...cites[0].querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Fromm, 1956, p. 12', 'Jackson, 1982, p. 3']);
  });

  it('takes its key from cite-key or keys (React and Vue keep `key` for themselves), else key; without any it warns', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const { cites } = await essay(
        html`<p>
          <hearth-cite cite-key="fromm1956"></hearth-cite> <hearth-cite keys="jackson1982 fromm1956"></hearth-cite>
          <hearth-cite cite-key="jackson1982" key="fromm1956"></hearth-cite> <hearth-cite></hearth-cite>
        </p>`,
      );
      expect(cites.map(visibleText)).to.deep.equal(['(Fromm, 1956)', '(Fromm, 1956; Jackson, 1982)', '(Jackson, 1982)', '']);
      expect(warnings.filter((w) => String(w).includes('no key'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('keeps brackets with the citation they belong to: "(" never ends a line alone at 320 px', async () => {
    await setViewport({ width: 320, height: 600 });
    const { cites } = await essay(
      html`<p style="width: 300px; margin: 0">Erich Fromm wrote about love as a practice that one can learn over a lifetime <hearth-cite key="jackson1982 fromm1956" locator="p. 3; p. 12"></hearth-cite> and so on.</p>`,
    );
    const [first, second] = [...cites[0]!.querySelectorAll('button')];
    // The opening bracket sits in an unbreakable span with the first button, the closing one with the last.
    expect(first!.parentElement!.matches('.hearth-nowrap')).to.be.true;
    expect(visibleText(first!.parentElement!)).to.equal('(Fromm, 1956, p. 12;');
    expect(visibleText(second!.parentElement!)).to.equal('Jackson, 1982, p. 3)');
    // And on screen: the "(" is on the first button's line.
    const range = document.createRange();
    const open = [...first!.parentElement!.childNodes].find((n) => n.textContent!.includes('('))!;
    range.selectNodeContents(open);
    expect(Math.round(range.getBoundingClientRect().top)).to.be.closeTo(Math.round(first!.getBoundingClientRect().top), 6);
  });

  it('prints the style\'s terms in the citation\'s language: "(Fromm, 1956, S. 12)" in German', async () => {
    const root = fixtureSync<HTMLElement>(html`<article lang="de">
      <p><hearth-cite cite-key="fromm1956" locator="p. 12"></hearth-cite> <hearth-cite cite-key="fromm1956" locator="pp. 3-5"></hearth-cite></p>
      <hearth-references .items=${[FROMM]}></hearth-references>
    </article>`);
    await until(() => root.querySelector('hearth-cite button')?.textContent!.includes('S.'), 'German terms');
    await settle(root);
    expect([...root.querySelectorAll('hearth-cite')].map(visibleText)).to.deep.equal(['(Fromm, 1956, S. 12)', '(Fromm, 1956, S. 3–5)']);
  });

  it('renders an unknown key visibly as [?key] and warns once', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const { cites } = await essay(html`<p><hearth-cite key="nokey"></hearth-cite> <hearth-cite key="fromm1956 nokey"></hearth-cite></p>`);
      expect(visibleText(cites[0])).to.equal('[?nokey]');
      expect(visibleText(cites[1])).to.equal('(Fromm, 1956)[?nokey]');
      expect(warnings.filter((w) => String(w).includes('nokey'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('gives each entry back-links to every place it is cited (↩ a b)', async () => {
    const { list } = await essay(html`<p>
      <hearth-cite key="fromm1956"></hearth-cite> <hearth-cite key="jackson1982"></hearth-cite> <hearth-cite key="fromm1956"></hearth-cite>
    </p>`);
    const fromm = list.querySelector('#ref-fromm1956 .back')!;
    expect(text(fromm)).to.equal('↩ a b');
    expect([...fromm.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#cite-fromm1956-1', '#cite-fromm1956-2']);
    // Named by what they show (WCAG 2.5.3), and targets of 24 px at least (2.5.8).
    expect([...fromm.querySelectorAll('a')].map((a) => a.getAttribute('aria-label'))).to.deep.equal(['Back to citation a', 'Back to citation b']);
    for (const a of fromm.querySelectorAll('a')) {
      const box = a.getBoundingClientRect();
      expect(Math.min(box.width, box.height)).to.be.at.least(24);
    }
    const jackson = list.querySelector('#ref-jackson1982 .back a')!;
    expect(jackson.getAttribute('href')).to.equal('#cite-jackson1982-1');
    expect(jackson.getAttribute('aria-label')).to.equal('Back to the citation');
    expect(list.querySelector('#ref-adams .back')).to.equal(null);
    for (const a of fromm.querySelectorAll('a')) expect(document.getElementById(a.getAttribute('href')!.slice(1))).to.be.instanceOf(HTMLButtonElement);
    await expect(list).to.be.accessible();
  });

  it('numeric styles number entries by first citation, then the rest, and list them in that order', async () => {
    const { list, cites } = await essay(
      html`<p><hearth-cite key="jackson1982"></hearth-cite> <hearth-cite key="fromm1956"></hearth-cite> <hearth-cite key="jackson1982"></hearth-cite></p>`,
      [FROMM, JACKSON, ADAMS],
      { style: 'ieee' },
    );
    await until(() => list.querySelector('.label'), 'ieee loaded');
    await settle(list.parentElement!);
    expect(cites.map(visibleText)).to.deep.equal(['[1]', '[2]', '[1]']);
    expect([...list.querySelectorAll('li')].map((li) => li.id)).to.deep.equal(['ref-jackson1982', 'ref-fromm1956', 'ref-adams']);
    expect([...list.querySelectorAll('.label')].map((l) => l.textContent)).to.deep.equal(['[1]', '[2]', '[3]']);
  });

  it('follows the list’s style when it changes', async () => {
    const { list, cites } = await essay(html`<p><hearth-cite key="fromm1956" locator="p. 12"></hearth-cite></p>`);
    list.citationStyle = 'chicago';
    await until(() => visibleText(cites[0]) == '(Fromm 1956, 12)', 'chicago citation');
    expect(text(list.querySelector('#ref-fromm1956 .citation')!)).to.match(/^Fromm, Erich\. 1956\./);
    list.citationStyle = 'vancouver';
    await until(() => visibleText(cites[0]) == '(1)', 'vancouver citation');
  });

  it('only-cited hides the entries nobody cites; citations added later appear', async () => {
    const { root, list } = await essay(html`<p><hearth-cite key="jackson1982"></hearth-cite></p>`, undefined, { onlyCited: true });
    expect([...list.querySelectorAll('li')].map((li) => li.id)).to.deep.equal(['ref-jackson1982']);
    const cite = document.createElement('hearth-cite');
    cite.setAttribute('key', 'adams');
    root.querySelector('p')!.append(cite);
    await until(() => list.querySelectorAll('li').length == 2, 'new citation linked');
    expect([...list.querySelectorAll('li')].map((li) => li.id)).to.deep.equal(['ref-adams', 'ref-jackson1982']);
  });

  it('for="id" picks a list other than the nearest', async () => {
    const root = fixtureSync<HTMLElement>(html`<div>
      <section><p><hearth-cite key="x1" for="other"></hearth-cite></p><hearth-references id="near" .items=${[FROMM]}></hearth-references></section>
      <hearth-references id="other" .items=${[{ id: 'x1', title: 'Other', author: [{ family: 'Zed' }], issued: { 'date-parts': [[2020]] } }]}></hearth-references>
    </div>`);
    await until(() => root.querySelector<HearthReferences>('#other')!.ready);
    await settle(root);
    expect(visibleText(root.querySelector('hearth-cite')!)).to.equal('(Zed, 2020)');
    expect(root.querySelector('#near #ref-x1')).to.equal(null);
    expect(root.querySelector('#other .back a')!.getAttribute('href')).to.equal('#cite-x1-1');
  });

  describe('preview', () => {
    it('opens on keyboard focus, Enter pins it, Escape closes it and focus stays on the citation', async () => {
      const { cites, root } = await essay(html`<p><button id="before">before</button> <hearth-cite key="fromm1956"></hearth-cite></p>`);
      const button = cites[0].querySelector('button')!;
      root.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(button);
      await until(() => isOpen(button), 'preview opens on focus');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      const preview = button.nextElementSibling as HTMLElement;
      expect(text(preview)).to.contain('Fromm, E. (1956). The Art of Loving. Harper & Brothers.');
      expect(text(preview)).to.contain('Love as a practice.');
      await expect(root).to.be.accessible();
      await sendKeys({ press: 'Enter' }); // pins, does not close
      await aTimeout(50);
      expect(isOpen(button)).to.be.true;
      await sendKeys({ press: 'Escape' });
      await until(() => !isOpen(button), 'Escape closes');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(document.activeElement).to.equal(button);
    });

    it('Tab moves into the preview; its link goes to the entry, and the back-link returns to the citation', async () => {
      const { cites, list, root } = await essay(html`<p><button id="before">before</button> <hearth-cite key="jackson1982"></hearth-cite></p>`);
      const button = cites[0].querySelector('button')!;
      root.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      await until(() => isOpen(button));
      await sendKeys({ press: 'Tab' });
      const link = document.activeElement as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('#ref-jackson1982');
      expect(text(link)).to.equal('Go to the reference');
      await sendKeys({ press: 'Enter' });
      await until(() => document.activeElement?.id == 'ref-jackson1982', 'entry focused');
      await until(() => !isOpen(button), 'preview closes when focus leaves');
      await sendKeys({ press: 'Tab' });
      expect((document.activeElement as HTMLElement).closest('.back')).to.not.equal(null);
      await sendKeys({ press: 'Enter' });
      // The citation's button, by its id: the list re-renders its citations as it updates, so the
      // element found at the start may have been rendered anew. (Failed once under load in a full
      // run with coverage; the message says where focus was.)
      const at = () => document.activeElement as HTMLElement | null;
      await waitUntil(() => at()?.id === button.id && cites[0].contains(at()), `back at the citation (focus: ${at()?.outerHTML.slice(0, 80)}, hash ${location.hash})`, { timeout: 4000 }).catch(() => {
        throw new Error(`not back at the citation: focus on ${at()?.outerHTML.slice(0, 80)}, hash ${location.hash}, button ${button.id} connected ${button.isConnected}`);
      });
      expect(list.contains(document.activeElement)).to.be.false;
    });

    // Pointer events as a mouse sends them (the test runner keeps some pages in the background, where
    // real mouse input waits for a frame that never comes).
    const pointer = (el: Element, type: string) => el.dispatchEvent(new PointerEvent(type, { pointerType: 'mouse' }));

    // The hover delays (250 ms to open, 300 ms to close) run on a fake clock: no test waits for them.
    let clock: ReturnType<typeof useFakeTimers> | undefined;
    afterEach(() => (clock = void clock?.restore()));

    it('opens on mouse hover after 250 ms, stays while the pointer is on the preview, closes 300 ms after it leaves', async () => {
      const { cites } = await essay(html`<p>Text <hearth-cite key="fromm1956"></hearth-cite> more text</p>`);
      const button = cites[0].querySelector('button')!;
      clock = useFakeTimers();
      pointer(button, 'pointerenter');
      clock.tick(249);
      expect(isOpen(button), 'not before the delay').to.be.false;
      clock.tick(1);
      expect(isOpen(button), 'hover opens').to.be.true;
      const preview = button.nextElementSibling!;
      pointer(button, 'pointerleave');
      pointer(preview, 'pointerenter');
      clock.tick(1000);
      expect(isOpen(button), 'stays open over the preview').to.be.true;
      pointer(preview, 'pointerleave');
      clock.tick(299);
      expect(isOpen(button), 'not before the delay').to.be.true;
      clock.tick(1);
      expect(isOpen(button), 'leaving closes').to.be.false;
    });

    it('a hover that leaves before the delay opens nothing', async () => {
      const { cites } = await essay(html`<p><hearth-cite key="fromm1956"></hearth-cite></p>`);
      const button = cites[0].querySelector('button')!;
      clock = useFakeTimers();
      pointer(button, 'pointerenter');
      clock.tick(50);
      pointer(button, 'pointerleave');
      clock.tick(1000);
      expect(isOpen(button)).to.be.false;
      expect(clock.pending, 'no timer left').to.deep.equal([]);
    });

    it('a tap opens it (pinned) and a tap outside closes it; touch never opens by hover', async () => {
      const { cites, root } = await essay(html`<p><hearth-cite key="fromm1956"></hearth-cite></p>`);
      const button = cites[0].querySelector('button')!;
      clock = useFakeTimers();
      button.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'touch' }));
      clock.tick(1000);
      expect(isOpen(button)).to.be.false;
      clock.restore();
      button.click();
      await until(() => isOpen(button), 'tap opens');
      await until(() => button.getAttribute('aria-expanded') == 'true', 'aria-expanded');
      clock = useFakeTimers();
      button.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'touch' }));
      clock.tick(1000);
      expect(isOpen(button), 'stays open').to.be.true;
      clock.restore();
      const r = root.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.right - 2), Math.round(r.bottom + 40)] });
      await until(() => !isOpen(button), 'tap outside closes');
    });

    it('stays on screen on a 320 px phone', async () => {
      await setViewport({ width: 320, height: 640 });
      const { cites } = await essay(html`<p style="text-align:right">A long sentence that ends with a citation <hearth-cite key="jackson1982"></hearth-cite></p>`);
      const button = cites[0].querySelector('button')!;
      button.click();
      await until(() => isOpen(button));
      await aTimeout(50);
      const r = (button.nextElementSibling as HTMLElement).getBoundingClientRect();
      expect(r.left).to.be.at.least(0);
      expect(r.right).to.be.at.most(320);
      expect(r.top).to.be.at.least(0);
      expect(r.bottom).to.be.at.most(640);
    });
  });

  it('speaks the page’s language (Ukrainian): preview link and back-link', async () => {
    const { root, list, cites } = await essay(html`<p lang="uk"><hearth-cite key="fromm1956"></hearth-cite></p>`);
    root.setAttribute('lang', 'uk');
    await until(() => list.querySelector('#ref-fromm1956 .back a')?.getAttribute('aria-label') == 'Назад до цитування', 'uk back-link');
    await until(() => cites[0].querySelector('[popover] a:last-child')?.textContent == 'Перейти до джерела', 'uk preview link');
    await expect(root).to.be.accessible();
  });

  it('escapes hostile strings in keys and locators', async () => {
    const { cites } = await essay(html`<p><hearth-cite key=${'<img src=x onerror=alert(1)>'} locator=${'<b>p. 1</b>'}></hearth-cite></p>`);
    expect(cites[0].querySelector('img, b')).to.equal(null);
    expect(visibleText(cites[0])).to.equal('[?<img][?src=x][?onerror=alert(1)>]');
  });
});

describe('<hearth-references> with citations: events', () => {
  it('fires hearth-references-loaded once even as citations re-render', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    let count = 0;
    root.addEventListener('hearth-references-loaded', () => count++);
    const event = oneEvent(root, 'hearth-references-loaded');
    fixtureSync(html`<div><hearth-cite key="fromm1956"></hearth-cite><hearth-references .items=${[FROMM]}></hearth-references></div>`, { parentNode: root });
    await event;
    await aTimeout(50);
    expect(count).to.equal(1);
  });
});
