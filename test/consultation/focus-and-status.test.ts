// Issue 14: focus never falls to <body> when the focused control goes away, and the flow's live
// region says what happened (the booking made, a time zone it cannot use).
import { expect, aTimeout } from '@open-wc/testing';
import type { HearthConsultationButton } from '../../src/consultation/consultation-button.js';
import { HearthError } from '../../src/core/errors.js';
import { $, button, freezeClock, heading, make, openToTimes, sendKeys, SLOTS, stubBackend, text, thawClock } from './helpers.js';

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

/** The flow's polite live region. */
const status = (el: HearthConsultationButton) => text($(el, '.flow > [role=status]'));

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
});
