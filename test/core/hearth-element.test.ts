import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { HearthElement } from '../../src/core/hearth-element.js';
import { msg } from '../../src/core/localization.js';

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
