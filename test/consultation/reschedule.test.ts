import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HearthError } from '../../src/core/errors.js';
import { $, $$, button, freezeClock, heading, make, makeRescheduling, MANAGED, managedBackend, openAtTimes, sendKeys, SLOTS, status, summaryOf, text, thawClock } from './helpers.js';

describe('<hearth-consultation-button reschedule>', () => {
  beforeEach(() => freezeClock());
  afterEach(() => thawClock());

  it('by keyboard: shows the booking, its specialist’s times, "Move to …", and moves it once with a key made at confirm', async () => {
    const s = managedBackend();
    s.moves.push({ ...MANAGED, start: SLOTS[1]!.start, end: SLOTS[1]!.end });
    const el = await makeRescheduling(s.backend);
    expect(el.textContent).to.equal('Choose another time'); // the label, from the content
    $(el, '[part=button]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~=slot]'), 'times');
    expect(s.bookingCalls).to.deep.equal(['tok']);
    expect(s.availabilityCalls[0]!.query).to.deep.equal({ specialist: 'olena', service: 'intro', from: '2026-03-24', to: '2026-04-02' });
    expect(text($(el, '#title'))).to.equal('Choose another time');
    expect(text($(el, '.head .muted'))).to.match(/^Your consultation: Monday, March 30, 2026(,| at) 10:00\s?–\s?10:30\sAM with Dr\. Olena Kovalenko$/);
    expect($$(el, '.steps li').map(text)).to.deep.equal(['Pick a time', 'Confirm', 'Moved']);
    expect(heading(el)).to.equal('Pick a time');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    expect(() => button(el, 'Back')).to.throw();
    await expect(el).to.be.accessible();

    // Into the grid, down to 9:30 with the arrow keys, Enter.
    $$(el, '[part~=slot]')[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(el) == 'Confirm');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    const summary = summaryOf(el);
    expect(summary.When).to.match(/Thursday, March 26, 2026(,| at) 9:30\s?–\s?10:00\sAM/);
    expect(summary.With).to.equal('Dr. Olena Kovalenko');
    expect(summary.Service).to.equal('Free initial consultation · 30 min');
    expect(Object.keys(summary)).to.deep.equal(['When', 'With', 'Service']);
    const move = $<HTMLButtonElement>(el, '[part=primary-action]')!;
    expect(text(move)).to.match(/^Move to Mar 26, 2026, 9:30\sAM$/);
    await expect(el).to.be.accessible();

    const moved = oneEvent(el, 'hearth-booking-rescheduled');
    move.focus();
    await sendKeys({ press: 'Enter' });
    expect((await moved).detail).to.deep.equal({ id: 'b1', start: SLOTS[1]!.start, end: SLOTS[1]!.end });
    expect(s.moveCalls).to.have.length(1);
    expect(s.moveCalls[0]!.token).to.equal('tok');
    expect(s.moveCalls[0]!.request).to.deep.equal({ start: SLOTS[1]!.start, timeZone: 'Europe/Kyiv' });
    expect(s.moveCalls[0]!.options!.idempotencyKey).to.match(/^[0-9a-f]{32}$/);
    expect(s.bookingCalls).to.have.length(1);
    await waitUntil(() => heading(el) == 'Moved');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    expect(text($(el, '.booked'))).to.match(/^Your consultation is now on Thursday, March 26, 2026(,| at) 9:30\s?–\s?10:00\sAM \(Eastern European Standard Time\)$/);
    expect(status(el)).to.equal(text($(el, '.booked')));
    await expect(el).to.be.accessible();

    const closed = oneEvent(el, 'hearth-booking-close');
    button(el, 'Close').click();
    expect((await closed).detail.booked).to.be.true;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=button]'));
  });

  it('409 slot taken: back to fresh times with a message; the next move has a new key', async () => {
    const s = managedBackend();
    s.availability = [{ durationMinutes: 30, slots: SLOTS }, { durationMinutes: 30, slots: [SLOTS[2]!, SLOTS[3]!] }];
    s.moves.push(new HearthError('conflict', '409', { status: 409, problem: { type: '/problems/slot-taken' } }), { ...MANAGED, start: SLOTS[2]!.start, end: SLOTS[2]!.end });
    const el = await makeRescheduling(s.backend);
    await openAtTimes(el);
    $<HTMLButtonElement>(el, '[part~=slot]')!.click();
    await waitUntil(() => heading(el) == 'Confirm');
    const failed = oneEvent(el, 'hearth-booking-failed');
    $<HTMLButtonElement>(el, '[part=primary-action]')!.click();
    expect((await failed).detail.during).to.equal('reschedule');
    await waitUntil(() => heading(el) == 'Pick a time' && s.availabilityCalls.length == 2 && $$(el, '[part~=slot]').length == 2, 'fresh times');
    expect(text($(el, 'p.problem[role=alert]'))).to.equal('Someone has just booked this time. Pick another time.');
    expect(s.bookingCalls).to.have.length(1);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~=slot]')!.click();
    await waitUntil(() => heading(el) == 'Confirm');
    $<HTMLButtonElement>(el, '[part=primary-action]')!.click();
    await waitUntil(() => heading(el) == 'Moved');
    expect(s.moveCalls[1]!.request.start).to.equal(SLOTS[2]!.start);
    expect(s.moveCalls[1]!.options!.idempotencyKey).not.to.equal(s.moveCalls[0]!.options!.idempotencyKey);
  });

  it('a timeout keeps the confirm step; Try again sends the same key', async () => {
    const s = managedBackend();
    s.moves.push(new HearthError('timeout'), MANAGED);
    const el = await makeRescheduling(s.backend);
    await openAtTimes(el);
    $<HTMLButtonElement>(el, '[part~=slot]')!.click();
    await waitUntil(() => heading(el) == 'Confirm');
    $<HTMLButtonElement>(el, '[part=primary-action]')!.click();
    await waitUntil(() => $(el, '.problem'));
    button(el, 'Try again').click();
    await waitUntil(() => heading(el) == 'Moved');
    expect(s.moveCalls[1]!.options!.idempotencyKey).to.equal(s.moveCalls[0]!.options!.idempotencyKey);
  });

  it('409 booking cancelled meanwhile: says the time can no longer be changed', async () => {
    const s = managedBackend();
    s.moves.push(new HearthError('conflict', '409', { status: 409, problem: { type: '/problems/booking-cancelled' } }));
    const el = await makeRescheduling(s.backend);
    await openAtTimes(el);
    $<HTMLButtonElement>(el, '[part~=slot]')!.click();
    await waitUntil(() => heading(el) == 'Confirm');
    $<HTMLButtonElement>(el, '[part=primary-action]')!.click();
    await waitUntil(() => $(el, 'p.problem'));
    expect(text($(el, 'p.problem[role=alert]'))).to.equal('This consultation was cancelled or has already taken place, so its time can no longer be changed.');
    expect($(el, '[part=primary-action]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    await expect(el).to.be.accessible();
  });

  it('a booking already cancelled says so at once, without times', async () => {
    const s = managedBackend({ ...MANAGED, status: 'cancelled' });
    const el = await makeRescheduling(s.backend);
    await el.open();
    await waitUntil(() => $(el, 'p.problem'));
    expect(text($(el, 'p.problem'))).to.contain('was cancelled or has already taken place');
    expect(s.availabilityCalls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('an unknown token says the link does not work', async () => {
    const s = managedBackend(new HearthError('not-found', '404', { status: 404 }));
    const el = await makeRescheduling(s.backend);
    await el.open();
    await waitUntil(() => $(el, 'p.problem'));
    expect(text($(el, 'p.problem'))).to.equal('This booking link does not work. Use the link in your confirmation email, or contact the clinic.');
    await expect(el).to.be.accessible();
  });

  it('inline, in Ukrainian: the times load at once', async () => {
    const s = managedBackend();
    const el = await make(
      s.backend,
      html`<hearth-consultation-button lang="uk" mode="inline" reschedule="tok" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button>`,
    );
    await waitUntil(() => $(el, '[part~=slot]') && heading(el) == 'Оберіть час', 'times');
    expect(text($(el, '#title'))).to.equal('Обрати інший час');
    expect(text($(el, '.head .muted'))).to.match(/^Ваша консультація: понеділок, 30 березня 2026 р\.,? 10:00\s?–\s?10:30, фахівець: Dr\. Olena Kovalenko$/);
    expect($$(el, '.steps li').map(text)).to.deep.equal(['Оберіть час', 'Підтвердження', 'Перенесено']);
    await expect(el).to.be.accessible();
  });
});
