import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { HearthConsultationButton } from '../../src/consultation/consultation-button.js';
import { HearthError } from '../../src/core/errors.js';
import { errorFromResponse } from '../../src/core/problem.js';
import type { Availability } from '../../src/core/contract.js';
import { $, BOOKED, button, consoleErrors, freezeClock, heading, make, openToTimes, pickTime, SLOTS, stubBackend, text, thawClock, toConfirm, type } from './helpers.js';

const FRESH = [SLOTS[2]!, SLOTS[3]!];

describe('<hearth-consultation-button> when things go wrong', () => {
  beforeEach(() => freezeClock());
  afterEach(() => thawClock());

  for (const [kind, message] of [
    ['offline', 'You seem to be offline. Check your connection, then try again. Nothing you entered is lost.'],
    ['unreachable', 'Could not reach the service. Try again later; nothing you entered is lost.'],
    ['timeout', 'Could not reach the service. Try again later; nothing you entered is lost.'],
    ['server', 'Something went wrong on our side. Try again in a moment; nothing you entered is lost.'],
  ] as const) {
    it(`loading times: ${kind} says what happened and Retry loads them`, async () => {
      const s = stubBackend();
      s.availability = [new HearthError(kind, kind, { status: kind == 'server' ? 503 : undefined }), { durationMinutes: 30, slots: SLOTS }];
      const el = await make(s.backend);
      const failed = oneEvent(el, 'hearth-booking-failed');
      await openToTimes(el);
      const { detail } = await failed;
      expect(detail.during).to.equal('availability');
      expect((detail.error as HearthError).kind).to.equal(kind);
      expect(text($(el, '.problem[role=alert] p'))).to.equal(message);
      await expect(el).to.be.accessible();
      button(el, 'Retry').click();
      await waitUntil(() => $(el, '[part~=slot]'), 'times after retry');
    });
  }

  for (const [kind, status, message] of [
    ['offline', undefined, 'You seem to be offline. Check your connection, then try again. Nothing you entered is lost.'],
    ['unreachable', undefined, 'Could not reach the service. Try again later; nothing you entered is lost.'],
    ['timeout', undefined, 'Could not reach the service. Try again later; nothing you entered is lost.'],
    ['server', 500, 'Something went wrong on our side. Try again in a moment; nothing you entered is lost.'],
    ['server', 503, 'Something went wrong on our side. Try again in a moment; nothing you entered is lost.'],
  ] as const) {
    it(`booking: ${kind} ${status ?? ''} keeps everything, and Try again sends the same Idempotency-Key`, async () => {
      const s = stubBackend();
      s.bookings = [new HearthError(kind, kind, { status }), BOOKED];
      const el = await make(s.backend);
      await openToTimes(el);
      await toConfirm(el);
      const failed = oneEvent(el, 'hearth-booking-failed');
      button(el, 'Confirm booking').click();
      expect((await failed).detail.during).to.equal('booking');
      await waitUntil(() => $(el, '.problem'));
      expect(text($(el, '.problem'))).to.equal(message);
      expect(heading(el)).to.equal('Confirm');
      expect(text($(el, '.summary'))).to.contain('iryna@example.org');
      await expect(el).to.be.accessible();
      button(el, 'Try again').click();
      await waitUntil(() => heading(el) == 'Booked');
      expect(s.bookingCalls).to.have.length(2);
      expect(s.bookingCalls[1]!.options!.idempotencyKey).to.equal(s.bookingCalls[0]!.options!.idempotencyKey);
    });
  }

  it('booking: 429 says when to try again', async () => {
    const s = stubBackend();
    s.bookings = [new HearthError('rate-limited', '429', { status: 429, retryAfter: 1500 })];
    const el = await make(s.backend);
    await openToTimes(el);
    await toConfirm(el);
    button(el, 'Confirm booking').click();
    await waitUntil(() => $(el, '.problem'));
    expect(text($(el, '.problem'))).to.equal('Too many bookings in a short time. Try again in 25 min.');
    await expect(el).to.be.accessible();
  });

  it('booking: 409 says the time was taken, keeps the details and shows fresh times', async () => {
    const s = stubBackend();
    s.availability = [{ durationMinutes: 30, slots: SLOTS }, { durationMinutes: 30, slots: FRESH }];
    s.bookings = [new HearthError('conflict', '409', { status: 409 }), BOOKED];
    const el = await make(s.backend);
    await openToTimes(el);
    await toConfirm(el);
    const firstKey = () => s.bookingCalls[0]!.options!.idempotencyKey;
    button(el, 'Confirm booking').click();
    await waitUntil(() => heading(el) == 'Pick a time', 'back to times');
    expect(text($(el, 'p.problem[role=alert]'))).to.equal('Someone has just booked this time. Your details are kept: pick another time.');
    await waitUntil(() => s.availabilityCalls.length == 2 && $(el, '[part~=slot]'), 'fresh times');
    expect([...el.shadowRoot!.querySelectorAll('[part~=slot]')].map(text)).to.deep.equal(['9:00 AM', '9:00 AM']);
    expect($(el, '[part~=slot][aria-selected=true]')).to.equal(null);
    await expect(el).to.be.accessible();
    await pickTime(el);
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Iryna');
    expect($<HTMLInputElement>(el, '#consent')!.checked).to.be.true;
    button(el, 'Continue').click();
    await waitUntil(() => heading(el) == 'Confirm');
    button(el, 'Confirm booking').click();
    await waitUntil(() => heading(el) == 'Booked');
    expect(s.bookingCalls[1]!.request.start).to.equal(SLOTS[2]!.start);
    expect(s.bookingCalls[1]!.options!.idempotencyKey).not.to.equal(firstKey());
  });

  it("booking: 422 puts the server's messages on the fields and focuses the first", async () => {
    const s = stubBackend();
    s.bookings = [new HearthError('validation', '422', { status: 422, fieldErrors: { email: ['Enter an email address like name@example.com'], phone: ['Use at most 40 characters'] } })];
    const el = await make(s.backend);
    await openToTimes(el);
    await toConfirm(el);
    button(el, 'Confirm booking').click();
    await waitUntil(() => heading(el) == 'Your details', 'back to details');
    await waitUntil(() => el.shadowRoot!.activeElement == $(el, '#email'), 'email focused');
    expect(text($(el, '#email-err'))).to.equal('Enter an email address like name@example.com');
    expect(text($(el, '#phone-err'))).to.equal('Use at most 40 characters');
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Iryna');
    await expect(el).to.be.accessible();
  });

  it('booking: 422 on the time goes back to fresh times', async () => {
    const s = stubBackend();
    s.bookings = [new HearthError('validation', '422', { status: 422, fieldErrors: { start: ['This time cannot be booked'] } })];
    const el = await make(s.backend);
    await openToTimes(el);
    await toConfirm(el);
    button(el, 'Confirm booking').click();
    await waitUntil(() => heading(el) == 'Pick a time');
    expect(text($(el, 'p.problem'))).to.equal('This time can no longer be booked. Your details are kept: pick another time.');
    expect(s.availabilityCalls).to.have.length(2);
  });

  const MALFORMED = 'The server sent an answer that could not be read. Try again in a moment; nothing you entered is lost.';

  for (const [name, answer] of [
    ['a start that is not a date', { durationMinutes: 30, slots: [SLOTS[0], { start: 'tomorrow at nine', end: SLOTS[1]!.end }] }],
    ['a slot without an end', { durationMinutes: 30, slots: [{ start: SLOTS[0]!.start }] }],
    ['an end before the start', { durationMinutes: 30, slots: [{ start: SLOTS[0]!.end, end: SLOTS[0]!.start }] }],
    ['a null slot', { durationMinutes: 30, slots: [null] }],
    ['slots that are not a list', { durationMinutes: 30, slots: 'none' }],
    ['no answer at all', null],
  ] as const) {
    it(`loading times: ${name} is a "could not be read" error with Retry, not a placeholder forever`, async () => {
      const s = stubBackend();
      s.availability = [answer as unknown as Availability, { durationMinutes: 30, slots: SLOTS }];
      const el = await make(s.backend);
      const failed = oneEvent(el, 'hearth-booking-failed');
      await openToTimes(el);
      const { detail } = await failed;
      expect((detail.error as HearthError).kind).to.equal('malformed');
      expect(text($(el, '.problem[role=alert] p'))).to.equal(MALFORMED);
      expect($(el, '.skeleton')).to.equal(null);
      await expect(el).to.be.accessible();
      button(el, 'Retry').focus();
      button(el, 'Retry').click();
      await waitUntil(() => $(el, '[part~=slot]'), 'times after retry');
    });
  }

  it('booking: an answer with unreadable times is a "could not be read" error on the confirm step, with Try again (same key)', async () => {
    const s = stubBackend();
    s.bookings = [{ ...BOOKED, start: 'soon', end: 'later' }, BOOKED];
    const el = await make(s.backend);
    await openToTimes(el);
    await toConfirm(el);
    button(el, 'Confirm booking').click();
    await waitUntil(() => $(el, '.problem'), 'the error');
    expect(text($(el, '.problem'))).to.equal(MALFORMED);
    expect(heading(el)).to.equal('Confirm');
    await expect(el).to.be.accessible();
    button(el, 'Try again').click();
    await waitUntil(() => heading(el) == 'Booked');
    expect(s.bookingCalls[1]!.options!.idempotencyKey).to.equal(s.bookingCalls[0]!.options!.idempotencyKey);
  });

  it('booking: a 422 on a field named `constructor` is explained, not taken for "offline"; Try again works', async () => {
    const s = stubBackend();
    // As the HTTP client reads it from the wire.
    const error = errorFromResponse(new Response('', { status: 422 }), '{"status":422,"errors":{"constructor":["Not accepted"],"__proto__":["Odd"]}}');
    expect(error.kind).to.equal('validation');
    s.bookings = [error, BOOKED];
    const el = await make(s.backend);
    await openToTimes(el);
    await toConfirm(el);
    const confirm = button(el, 'Confirm booking');
    confirm.focus();
    confirm.click();
    await waitUntil(() => $(el, '.problem'), 'the error');
    expect(heading(el)).to.equal('Confirm');
    expect(text($(el, '.problem'))).to.equal(
      'The server did not accept this booking. Go back to check your details, or try again; nothing you entered is lost.',
    );
    expect(el.shadowRoot!.activeElement === confirm, 'focus stays on the button').to.be.true;
    await expect(el).to.be.accessible();
    button(el, 'Try again').click();
    await waitUntil(() => heading(el) == 'Booked');
  });

  it('booking: sends well-formed strings (a lone surrogate becomes U+FFFD)', async () => {
    const s = stubBackend();
    const el = await make(s.backend);
    await openToTimes(el);
    await pickTime(el);
    type(el, 'name', 'Iryna \uD83D');
    type(el, 'email', 'iryna@example.org');
    type(el, 'note', '\uDE00 half a smile');
    type(el, 'consent', 'yes');
    await el.updateComplete;
    button(el, 'Continue').click();
    await waitUntil(() => heading(el) == 'Confirm');
    button(el, 'Confirm booking').click();
    await waitUntil(() => heading(el) == 'Booked');
    expect(s.bookingCalls[0]!.request.name).to.equal('Iryna \uFFFD');
    expect(s.bookingCalls[0]!.request.note).to.equal('\uFFFD half a smile');
  });

  it('without a backend: "not set up correctly" for the visitor, one console.error naming the element and the fix', async () => {
    let el!: HearthConsultationButton;
    const logged = await consoleErrors(async () => {
      el = await make(undefined as never);
      const failed = oneEvent(el, 'hearth-booking-failed');
      await el.open(); // the times are fetched at once: the flow stops there
      expect(((await failed).detail.error as HearthError).kind).to.equal('bad-request');
      await waitUntil(() => $(el, '.problem[role=alert]'), 'the setup message');
    });
    expect(() => button(el, 'Choose a time'), 'no step to go on to').to.throw('No button');
    expect(text($(el, '.problem[role=alert]'))).to.equal('This booking button is not set up correctly. Please contact the clinic directly.');
    expect(logged).to.have.length(1);
    expect(logged[0]).to.contain('<hearth-consultation-button> has no backend with getAvailability()').and.contain('api attribute').and.contain('<hearth-provider');
    await expect(el).to.be.accessible();
  });

  it('an invalid time zone is refused with a message, keeping the one shown', async () => {
    const el = await make(stubBackend().backend);
    await openToTimes(el);
    type(el, 'tz', 'Mars/Olympus');
    $(el, '#tz')!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '#tz-err'))).to.equal('Choose a time zone from the list, such as Europe/Kyiv.');
    expect($(el, '#tz')!.getAttribute('aria-describedby')).to.equal('tz-hint tz-err');
    expect(text($(el, '[part~=slot]'))).to.equal('9:00 AM');
    await expect(el).to.be.accessible();
  });
});
