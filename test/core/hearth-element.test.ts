import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { HearthElement } from '../../src/core/hearth-element.js';
import { msg } from '../../src/core/localization.js';
import { dateLocale } from '../../src/core/date-locale.js';

/** Renders one translated string directly and one inside a `repeat` callback (run by lit-html while it renders). */
class LocaleProbe extends HearthElement {
  protected override render(): unknown {
    return litHtml`<p id="direct">${msg('Log in', { id: 'messages.gate.login' })}</p>
      <ul>${repeat([1], (n) => n, () => litHtml`<li>${msg('Log in', { id: 'messages.gate.login' })}</li>`)}</ul>`;
  }
}
customElements.define('hearth-locale-probe', LocaleProbe);

describe('HearthElement', () => {
  it("renders in the element's language, also inside directive callbacks", async () => {
    const el = await fixture<LocaleProbe>(html`<hearth-locale-probe lang="uk"></hearth-locale-probe>`);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('#direct')?.textContent === 'Увійти', 'translated');
    expect(root.querySelector('li')!.textContent).to.equal('Увійти');
  });
});

describe('HearthElement: the language of parts', () => {
  const pageLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = pageLang;
  });

  /** The top-level elements the probe rendered: what carries the shown language. */
  const rendered = (el: LocaleProbe) => [...el.shadowRoot!.children];

  it('marks English on a page in a language hearth lacks, and leaves the host and the dates to the page', async () => {
    document.documentElement.lang = 'ja';
    const el = await fixture<LocaleProbe>(html`<hearth-locale-probe></hearth-locale-probe>`);
    expect(el.shadowRoot!.querySelector('#direct')!.textContent).to.equal('Log in');
    expect(rendered(el)).to.have.length(2);
    for (const child of rendered(el)) {
      expect(child.getAttribute('lang'), child.localName).to.equal('en');
      expect(child.getAttribute('dir'), child.localName).to.equal('ltr');
    }
    expect(el.hasAttribute('lang'), 'the host keeps no lang of ours').to.equal(false);
    expect(dateLocale(el), 'dates follow the page').to.equal('ja');
  });

  it('marks the language shown when hearth has it, and follows a change of lang', async () => {
    document.documentElement.lang = 'ja';
    const el = await fixture<LocaleProbe>(html`<hearth-locale-probe></hearth-locale-probe>`);
    el.lang = 'uk-UA';
    await waitUntil(() => el.shadowRoot!.querySelector('#direct')?.textContent === 'Увійти', 'Ukrainian');
    for (const child of rendered(el)) expect([child.getAttribute('lang'), child.getAttribute('dir')]).to.deep.equal(['uk', 'ltr']);
    expect(el.getAttribute('lang'), "the author's lang stays").to.equal('uk-UA');
    expect(dateLocale(el)).to.equal('uk-UA');
    el.removeAttribute('lang');
    await waitUntil(() => el.shadowRoot!.querySelector('#direct')?.textContent === 'Log in', 'back to English');
    for (const child of rendered(el)) expect(child.getAttribute('lang')).to.equal('en');
  });

  for (const [lang, login] of [
    ['de', 'Anmelden'],
    ['fr', 'Se connecter'],
  ]) {
    it(`speaks ${lang} under lang="${lang}-…" on a page in another language, and marks it`, async () => {
      document.documentElement.lang = 'ja';
      const el = await fixture<LocaleProbe>(html`<hearth-locale-probe lang=${`${lang}-CH`}></hearth-locale-probe>`);
      await waitUntil(() => el.shadowRoot!.querySelector('#direct')?.textContent === login, lang);
      expect(el.shadowRoot!.querySelector('li')!.textContent).to.equal(login);
      for (const child of rendered(el)) expect([child.getAttribute('lang'), child.getAttribute('dir')]).to.deep.equal([lang, 'ltr']);
      expect(dateLocale(el)).to.equal(`${lang}-CH`);
    });
  }

  it('marks the top-level elements of a light-DOM element too', async () => {
    class LightProbe extends LocaleProbe {
      protected override createRenderRoot(): HTMLElement {
        return this;
      }
    }
    customElements.define('hearth-light-locale-probe', LightProbe);
    document.documentElement.lang = 'ja';
    const el = await fixture<LightProbe>(html`<hearth-light-locale-probe></hearth-light-locale-probe>`);
    expect([...el.children].map((c) => c.getAttribute('lang'))).to.deep.equal(['en', 'en']);
    expect(el.hasAttribute('lang')).to.equal(false);
  });
});

describe('<hearth-provider>', () => {
  it('shows its content as it is (display: contents, one slot) and gives it its backend', async () => {
    await import('../../src/define/hearth-provider.js');
    const backend = { getReferences: async () => [] };
    const el = await fixture<HTMLElement & { backend?: unknown }>(html`<hearth-provider .backend=${backend}><p>Inside</p></hearth-provider>`);
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(el.shadowRoot!.querySelectorAll('slot').length).to.equal(1);
    expect(el.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(el).to.be.instanceOf(customElements.get('hearth-provider')!);
  });

  it('attaches one context root per page, under a shared symbol (two copies of hearth share it)', async () => {
    await import('../../src/define/hearth-provider.js');
    const root = (window as unknown as Record<symbol, unknown>)[Symbol.for('hearth.contextRoot')];
    expect(root).to.be.an('object');
    expect((window as unknown as Record<string, unknown>).__hearthContextRoot).to.equal(undefined);
  });
});
