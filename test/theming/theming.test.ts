// Theming from the page: the radius tokens (one knob, or controls and surfaces apart) and the parts a
// brand restyles with ::part(), state parts included. Page rules go in a <style> of this document,
// as a site's stylesheet would.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/hearth-message-box.js';
import type { HearthMessageBox } from '../../src/message-box/message-box.js';
import type { HearthBackend, Session } from '../../src/core/backend.js';
import { $, $$, button, freezeClock, heading, make, openToTimes, stubBackend, thawClock, text } from '../consultation/helpers.js';
import { conversation, deskStub } from '../desk/stub.js';
import { desk, listed, openRow, root } from '../desk/helpers.js';

let sheet: HTMLStyleElement | undefined;
/** Page CSS for this test (removed after it). */
function pageCss(rules: string): void {
  sheet = document.createElement('style');
  sheet.textContent = rules;
  document.head.append(sheet);
}
afterEach(() => {
  sheet?.remove();
  sheet = undefined;
});

const style = (node: Element | null | undefined) => getComputedStyle(node!);
/** The top-left corner radius in px ("999px" → 999). */
const radius = (node: Element | null | undefined) => parseFloat(style(node).borderTopLeftRadius);

describe('theming: <hearth-consultation-button>', () => {
  before(() => freezeClock());
  after(() => thawClock());

  it('a pill control radius rounds the buttons and times, and leaves the dialog a rounded rectangle', async () => {
    pageCss('hearth-consultation-button { --hearth-control-radius: 999px; }');
    const el = await make(stubBackend().backend);
    expect(radius($(el, '[part=button]'))).to.equal(999);
    await openToTimes(el);
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    // The dialog keeps the default 0.5em (8px at the test's 16px), not the pill.
    expect(radius(dialog)).to.equal(8);
    expect(radius(dialog)).to.be.below(24);
    expect(radius($(el, '[part~=flow]'))).to.equal(8);
    expect(radius($(el, '[part~=slot]'))).to.equal(999);
    expect(radius(button(el, 'Previous week'))).to.equal(999);
    expect(radius($(el, '#tz'))).to.equal(4); // a field: half the surface radius
  });

  it('--hearth-radius alone still shapes both; --hearth-surface-radius the dialog and fields', async () => {
    pageCss('.one { --hearth-radius: 3px; } .two { --hearth-radius: 3px; --hearth-surface-radius: 14px; }');
    const one = await make(stubBackend().backend, html`<hearth-consultation-button class="one" specialist="olena" time-zone="Europe/Kyiv" .backend=${stubBackend().backend}></hearth-consultation-button>`);
    await openToTimes(one);
    expect([radius($(one, 'dialog')), radius($(one, '[part~=slot]')), radius($(one, '[part=button]'))]).to.deep.equal([3, 3, 3]);
    one.close();
    const two = await make(stubBackend().backend, html`<hearth-consultation-button class="two" specialist="olena" time-zone="Europe/Kyiv" .backend=${stubBackend().backend}></hearth-consultation-button>`);
    await openToTimes(two);
    expect([radius($(two, 'dialog')), radius($(two, '#tz')), radius($(two, '[part~=slot]'))]).to.deep.equal([14, 7, 3]);
    two.close();
  });

  it('parts: the step list and the current step, day headings, the selected time, notices', async () => {
    pageCss(`
      hearth-consultation-button::part(steps) { letter-spacing: 1px; }
      hearth-consultation-button::part(step current) { text-transform: uppercase; }
      hearth-consultation-button::part(day) { font-style: italic; }
      hearth-consultation-button::part(slot selected) { outline: 3px solid rgb(200, 0, 100); }
      hearth-consultation-button::part(notice) { background-color: rgb(255, 240, 200); }
      hearth-consultation-button::part(crisis) { font-weight: 300; }
    `);
    const s = stubBackend();
    const el = await make(s.backend);
    await openToTimes(el);
    expect(style($(el, '[part~=steps]')).letterSpacing).to.equal('1px');
    const steps = $$(el, '[part~=step]');
    expect(steps.map((step) => style(step).textTransform)).to.deep.equal(steps.map((step) => (step.getAttribute('aria-current') == 'step' ? 'uppercase' : 'none')));
    expect(text(steps.find((step) => style(step).textTransform == 'uppercase'))).to.equal('Pick a time');
    const days = $$(el, '[part~=day]');
    expect(days.length).to.be.above(0);
    expect(days.every((day) => day.getAttribute('role') == 'rowheader' && style(day).fontStyle == 'italic')).to.equal(true);
    expect(style($(el, '[part~=crisis]')).fontWeight).to.equal('300');

    // Only the chosen time is `selected`, and it is the one aria-selected says.
    const outlined = () => $$(el, '[part~=slot]').filter((slot) => style(slot).outlineColor == 'rgb(200, 0, 100)');
    expect(outlined()).to.deep.equal([]);
    $$(el, '[part~=slot]')[1]!.click();
    await waitUntil(() => heading(el) == 'Your details');
    button(el, 'Back').click();
    await waitUntil(() => heading(el) == 'Pick a time' && $(el, '[part~=slot]'));
    expect(outlined()).to.have.length(1);
    expect(outlined()[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(outlined()[0]).to.equal($$(el, '[part~=slot]')[1]);

    // A notice: the times could not be loaded.
    s.availability.splice(0, s.availability.length, new Error('down'));
    button(el, 'Next week').click();
    await waitUntil(() => $(el, '[part~=notice]'), 'the notice');
    expect(style($(el, '[part~=notice]')).backgroundColor).to.equal('rgb(255, 240, 200)');
    expect($(el, '[part~=notice]')!.getAttribute('role')).to.equal('alert');
    el.close();
  });
});

describe('theming: <hearth-message-box>', () => {
  const backend = (user: { id: string; name: string } | null): HearthBackend => ({
    getReferences: async () => [],
    getSession: async (): Promise<Session> => ({ user, loginUrl: 'https://auth.example/login', signupUrl: 'https://auth.example/signup' }),
    sendMessage: async () => ({ id: 'm1', createdAt: '2026-01-01T00:00:00Z' }),
  });
  const gateOf = (box: HearthMessageBox) => box.shadowRoot!.querySelector('hearth-login-gate')!;

  it('pill buttons, fields and the sign-in notice keep the surface radius; the gate parts reach through the box', async () => {
    pageCss(`
      hearth-message-box { --hearth-control-radius: 999px; }
      hearth-message-box::part(login) { background-color: rgb(10, 20, 30); }
      hearth-message-box::part(prompt) { border-color: rgb(40, 50, 60); }
    `);
    const box = await fixture<HearthMessageBox>(html`<hearth-message-box to="team" .backend=${backend(null)}></hearth-message-box>`);
    await waitUntil(() => gateOf(box).shadowRoot?.querySelector('[part=login]'), 'signed out');
    const gate = gateOf(box).shadowRoot!;
    expect(radius(gate.querySelector('[part=login]'))).to.equal(999);
    expect(radius(gate.querySelector('[part=prompt]'))).to.equal(6);
    expect(radius(box.shadowRoot!.querySelector('textarea'))).to.equal(6);
    expect(style(gate.querySelector('[part=login]')).backgroundColor).to.equal('rgb(10, 20, 30)');
    expect(style(gate.querySelector('[part=prompt]')).borderTopColor).to.equal('rgb(40, 50, 60)');
  });

  it('signed in: Send is a pill, the field a rounded rectangle, and the account line is a part of the box', async () => {
    pageCss(`
      hearth-message-box { --hearth-control-radius: 999px; --hearth-surface-radius: 10px; }
      hearth-message-box::part(signout) { color: rgb(1, 2, 3); }
    `);
    const signedIn = backend({ id: 'u1', name: 'Demo Visitor' });
    signedIn.logout = async () => {};
    const box = await fixture<HearthMessageBox>(html`<hearth-message-box to="team" .backend=${signedIn}></hearth-message-box>`);
    await waitUntil(() => box.shadowRoot!.querySelector('[type=submit]') && gateOf(box).shadowRoot?.querySelector('[part=signout]'), 'signed in');
    expect(radius(box.shadowRoot!.querySelector('[type=submit]'))).to.equal(999);
    expect(radius(box.shadowRoot!.querySelector('textarea'))).to.equal(10);
    expect(style(gateOf(box).shadowRoot!.querySelector('[part=signout]')).color).to.equal('rgb(1, 2, 3)');
  });
});

describe('theming: <hearth-login-gate> in the box', () => {
  it('Retry, when the session could not be checked, is a part of the box too', async () => {
    pageCss('hearth-message-box::part(retry) { background-color: rgb(9, 8, 7); }');
    const failing: HearthBackend = { getReferences: async () => [], getSession: () => Promise.reject(new Error('down')) };
    const box = await fixture<HearthMessageBox>(html`<hearth-message-box to="team" .backend=${failing}></hearth-message-box>`);
    const gate = () => box.shadowRoot!.querySelector('hearth-login-gate')!.shadowRoot;
    await waitUntil(() => gate()?.querySelector('[part=retry]'), 'the error with Retry');
    expect(text(gate()!.querySelector('[part=retry]'))).to.equal('Retry');
    expect(style(gate()!.querySelector('[part=retry]')).backgroundColor).to.equal('rgb(9, 8, 7)');
  });
});

describe('theming: <hearth-desk>', () => {
  it('pill buttons leave the panes and messages as they are; the open row and the care team’s messages are parts', async () => {
    pageCss(`
      hearth-desk { --hearth-control-radius: 999px; }
      hearth-desk::part(row selected) { outline: 2px dashed rgb(0, 128, 0); }
      hearth-desk::part(message staff) { background-color: rgb(250, 250, 200); }
      hearth-desk::part(message visitor) { background-color: rgb(200, 250, 250); }
    `);
    const reply = { id: 'a-m2', author: { id: 'u-olena', name: 'Dr. Olena Kovalenko', role: 'specialist' as const }, body: 'Hello', createdAt: '2026-01-01T00:01:00Z', seenAt: null };
    const a = conversation('a');
    a.messages.push(reply);
    const stub = deskStub('specialist', [a, conversation('b')]);
    const el = await desk(stub.backend, { width: '900px' });
    await listed(el);
    await openRow(el, [...root(el).querySelectorAll<HTMLElement>('[role=option]')].findIndex((row) => row.dataset.id == 'a'));
    const shadow = root(el);
    expect(radius(shadow.querySelector('[part=desk]'))).to.equal(6);
    expect(radius(shadow.querySelector('#reply'))).to.equal(6);
    expect(radius(shadow.querySelector('[type=submit]'))).to.equal(999);
    const rows = [...shadow.querySelectorAll('[role=option]')];
    expect(rows.map((row) => style(row).outlineStyle)).to.deep.equal(rows.map((row) => (row.getAttribute('aria-selected') == 'true' ? 'dashed' : 'none')));
    const messages = [...shadow.querySelectorAll('[part~=message]')];
    expect(messages.map((m) => style(m).backgroundColor)).to.deep.equal(['rgb(200, 250, 250)', 'rgb(250, 250, 200)']);
    expect(radius(messages[0])).to.equal(6);
  });
});
