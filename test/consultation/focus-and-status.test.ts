// Issue 14: focus never falls to <body> when the focused control goes away, and the flow's live
// region says what happened (the booking made, a time zone it cannot use).
import { expect, html, waitUntil, aTimeout } from '@open-wc/testing';
import { HearthError } from '../../src/core/errors.js';
import { $, button, fillDetails, freezeClock, heading, make, openToTimes, pickTime, sendKeys, SLOTS, status, stubBackend, text, thawClock, toConfirm } from './helpers.js';

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Checks, every few milliseconds until `done`, that focus never falls to <body>; returns where it is at the end. */
async function focusKept(done: () => unknown, what: string): Promise<Element | null> {
  const start = Date.now();
  for (;;) {
    expect(deepActive(), `${what}: focus fell to <body>`).to.not.equal(document.body);
    if (done()) return deepActive();
    if (Date.now() - start > 4000) throw new Error(`${what}: timed out`);
    await aTimeout(10);
  }
}

describe('<hearth-consultation-button> focus and announcements', () => {
  beforeEach(() => freezeClock());
  afterEach(() => thawClock());

  it('Retry on the times error (by keyboard): focus goes to the step heading, never to <body>, while the times load', async () => {
    const s = stubBackend();
    let answer: (() => void) | undefined;
    s.availability = [
      new HearthError('offline', 'offline'),
      () => new Promise((resolve) => (answer = () => resolve({ durationMinutes: 30, slots: SLOTS }))),
    ];
    const el = await make(s.backend);
    await openToTimes(el);
    button(el, 'Retry').focus();
    await sendKeys({ press: 'Enter' });
    await focusKept(() => answer, 'loading again');
    expect(deepActive()).to.equal($(el, '#step'));
    expect(status(el)).to.equal('Loading…');
    answer!();
    const end = await focusKept(() => $(el, '[part~=slot]'), 'times loaded');
    expect(end).to.equal($(el, '#step'));
    expect(heading(el)).to.equal('Pick a time');
  });

  it('Retry failing again: focus goes to the heading, then stays in the flow', async () => {
    const s = stubBackend();
    s.availability = [new HearthError('timeout', 'timeout'), new HearthError('timeout', 'timeout'), { durationMinutes: 30, slots: SLOTS }];
    const el = await make(s.backend);
    await openToTimes(el);
    button(el, 'Retry').focus();
    await sendKeys({ press: 'Enter' });
    await focusKept(() => s.availabilityCalls.length == 2 && $(el, '.problem'), 'failed again');
    button(el, 'Retry').focus();
    await sendKeys({ press: 'Enter' });
    await focusKept(() => $(el, '[part~=slot]'), 'loaded');
  });

  it('announces the booking in its live region: "Booked: <when> (<zone>)", in the flow\'s language and time zone', async () => {
    const s = stubBackend();
    const el = await make(s.backend, html`<hearth-consultation-button lang="en-GB" specialist="olena" time-zone="Europe/London" .backend=${s.backend}></hearth-consultation-button>`);
    await openToTimes(el);
    await toConfirm(el);
    button(el, 'Confirm booking').click();
    await el.updateComplete;
    expect(status(el)).to.equal('Booking…');
    await waitUntil(() => heading(el) == 'Booked', 'booked');
    expect(status(el)).to.equal('Booked: Thursday, 26 March 2026, 07:00–07:30 (Greenwich Mean Time)');
    expect(text($(el, '.booked'))).to.equal('Thursday, 26 March 2026, 07:00–07:30 (Greenwich Mean Time)');
    await expect(el).to.be.accessible();
  });

  it('announces the booking in Ukrainian under lang="uk"', async () => {
    const s = stubBackend();
    const el = await make(s.backend, html`<hearth-consultation-button lang="uk" specialist="olena" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button>`);
    await waitUntil(() => text($(el, '[part=button]')) == 'Записатися на безкоштовну консультацію', 'Ukrainian label');
    await el.open();
    button(el, 'Обрати час').click();
    await waitUntil(() => $(el, '[part~=slot]'), 'times');
    await pickTime(el);
    await fillDetails(el);
    $<HTMLButtonElement>(el, 'form [part~=primary-action]')!.click();
    await waitUntil(() => $(el, '.summary'), 'confirm step');
    $<HTMLButtonElement>(el, '[part~=primary-action]')!.click();
    await waitUntil(() => $(el, '.booked'), 'booked');
    expect(status(el)).to.equal(`Заброньовано: ${text($(el, '.booked'))}`);
    expect(status(el)).to.match(/^Заброньовано: четвер, 26 березня 2026 р\..*09:00–09:30/);
  });

  it('a time zone it cannot use is announced in the live region and marked on the field', async () => {
    const el = await make(stubBackend().backend);
    await openToTimes(el);
    const tz = $<HTMLInputElement>(el, '#tz')!;
    tz.focus();
    tz.select();
    await sendKeys({ type: 'Mars/Olympus' });
    // The change fires as focus leaves the field (here: on to Previous week).
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(status(el)).to.equal('Choose a time zone from the list, such as Europe/Kyiv.');
    expect(tz.getAttribute('aria-invalid')).to.equal('true');
    expect(tz.getAttribute('aria-describedby')).to.equal('tz-hint tz-err');
    expect(text($(el, '#tz-err'))).to.equal('Choose a time zone from the list, such as Europe/Kyiv.');
    await expect(el).to.be.accessible();
    tz.focus();
    tz.select();
    await sendKeys({ type: 'Europe/Kyiv' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(status(el)).to.equal('');
    expect(tz.getAttribute('aria-invalid')).to.equal('false');
  });
});
