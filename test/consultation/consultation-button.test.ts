import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import type { HearthConsultationButton } from '../../src/consultation/consultation-button.js';
import { $, $$, BOOKED, sendKeys, button, freezeClock, heading, make, openToTimes, pickTime, SLOTS, status, stubBackend, summaryOf, text, thawClock, toConfirm, type } from './helpers.js';

describe('<hearth-consultation-button>', () => {
  beforeEach(() => freezeClock());
  afterEach(() => thawClock());

  it('renders only the button at first: no flow, no backend call', async () => {
    const s = stubBackend();
    const el = await make(s.backend);
    expect(text($(el, '[part=button]'))).to.equal('Book a free consultation');
    expect($(el, 'dialog')).to.equal(null);
    await aTimeout(20);
    expect(s.availabilityCalls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('uses its content as the label', async () => {
    const el = await fixture<HearthConsultationButton>(html`<hearth-consultation-button>Talk to Sam</hearth-consultation-button>`);
    expect(el.textContent).to.equal('Talk to Sam');
    expect($<HTMLSlotElement>(el, 'slot')!.assignedNodes()).to.have.length(1);
  });

  it('loads the flow on hover or focus, and fetches availability only when opened', async () => {
    const s = stubBackend();
    const el = await make(s.backend);
    $(el, '[part=button]')!.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => $(el, 'dialog'), 'flow loaded on hover');
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.be.false;
    expect(s.availabilityCalls).to.have.length(0);
    await el.open();
    expect(s.availabilityCalls).to.have.length(1);
    expect(s.availabilityCalls[0]!.query).to.deep.equal({ specialist: 'olena', from: '2026-03-24', to: '2026-04-02' });
  });

  it('opens a modal dialog: focus moves in, Escape closes it, focus returns to the button', async () => {
    const s = stubBackend();
    const el = await make(s.backend);
    const opened = oneEvent(el, 'hearth-booking-open');
    $(el, '[part=button]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail).to.deep.equal({ specialist: 'olena' });
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'dialog open');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.matches(':modal')).to.be.true;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    expect(heading(el)).to.equal('What to expect');
    await expect(el).to.be.accessible();

    const closed = oneEvent(el, 'hearth-booking-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail).to.deep.equal({ booked: false });
    expect(dialog.open).to.be.false;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=button]'));
  });

  it('keeps Tab inside the open dialog', async () => {
    const el = await make(stubBackend().backend);
    await el.open();
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const active = el.shadowRoot!.activeElement;
      if (active) expect($(el, 'dialog')!.contains(active), `tab ${i}`).to.be.true;
    }
  });

  it('does not open when hearth-booking-open is cancelled', async () => {
    const el = await make(stubBackend().backend);
    el.addEventListener('hearth-booking-open', (e) => e.preventDefault(), { once: true });
    await el.open();
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.be.false;
  });

  it('step 1 says what to expect and takes intro text from a slot; the crisis line is on every step, a tel: link, and describes the dialog', async () => {
    const s = stubBackend();
    const el = await make(
      s.backend,
      html`<hearth-consultation-button specialist="olena" crisis-line="Lifeline 988" .backend=${s.backend}><p slot="intro">Our own words.</p></hearth-consultation-button>`,
    );
    await el.open();
    const crisis = () => text($(el, '#crisis'));
    expect(crisis()).to.equal('Not for emergencies. In danger now? Call Lifeline 988 or your local emergency number.');
    expect($(el, '#crisis a')!.getAttribute('href')).to.equal('tel:988');
    expect($(el, 'dialog')!.getAttribute('aria-describedby')).to.equal('crisis');
    expect($<HTMLSlotElement>(el, 'slot[name=intro]')!.assignedElements()[0]!.textContent).to.equal('Our own words.');
    await waitUntil(() => text($(el, '.head .muted')) == 'With Dr. Olena Kovalenko, Psychologist', 'specialist named');
    expect($(el, '[aria-current=step]')!.textContent).to.equal('What to expect');
    await expect(el).to.be.accessible();
    // Every later step keeps it, down to the confirmation.
    $<HTMLButtonElement>(el, '[part~=primary-action]')!.click();
    await waitUntil(() => $(el, '[part~=slot]'), 'times');
    expect(crisis()).to.contain('Lifeline 988');
    await toConfirm(el);
    expect(crisis()).to.contain('Lifeline 988');
    button(el, 'Confirm booking').click();
    await waitUntil(() => heading(el) == 'Booked', 'booked');
    expect(crisis()).to.contain('Lifeline 988');
    expect($$(el, '#crisis')).to.have.length(1);
  });

  it('without crisis-line, the notice names no number: the visitor’s local emergency number', async () => {
    const el = await make(stubBackend().backend);
    await el.open();
    expect(text($(el, '#crisis'))).to.equal('Not for emergencies. In danger now? Call your local emergency number.');
    expect($(el, '#crisis a')).to.equal(null);
  });

  it('step 2 shows a skeleton while loading, then times grouped by day', async () => {
    const s = stubBackend();
    let answer!: () => void;
    s.availability = [() => new Promise((resolve) => (answer = () => resolve({ durationMinutes: 30, slots: SLOTS })))];
    const el = await make(s.backend);
    await el.open();
    button(el, 'Choose a time').click();
    await waitUntil(() => $(el, '.skeleton'), 'skeleton');
    expect(status(el)).to.equal('Loading…');
    await expect(el).to.be.accessible();
    answer();
    await waitUntil(() => $(el, '[part~=slot]'), 'times');
    expect($$(el, '.day [role=rowheader]').map(text)).to.deep.equal(['Thursday, March 26', 'Friday, March 27', 'Tuesday, March 31']);
    expect($$(el, '.day').map((day) => $$(el, '[part~=slot]').filter((b) => day.contains(b)).map(text))).to.deep.equal([
      ['9:00 AM', '9:30 AM'],
      ['9:00 AM'],
      ['9:00 AM'],
    ]);
    expect(text($(el, '.week strong'))).to.equal('Mar 25 – 31');
    expect(button(el, 'Previous week').disabled).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('the day and time grid is one tab stop moved with the arrow keys; Enter picks a time', async () => {
    const s = stubBackend();
    const el = await make(s.backend);
    await openToTimes(el);
    const slots = $$(el, '[part~=slot]');
    expect(slots.map((b) => b.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    // The APG grid pattern: a row per day named by its row header, a cell per time, and how to move said in the description.
    const grid = $(el, '[role=grid]')!;
    expect(text(el.shadowRoot!.getElementById(grid.getAttribute('aria-describedby')!))).to.equal('Arrow keys move between days and times.');
    expect($$(el, '[role=row]').map((row) => row.firstElementChild!.getAttribute('role'))).to.deep.equal(['rowheader', 'rowheader', 'rowheader']);
    expect(slots.map((b) => `${b.getAttribute('role')} ${b.getAttribute('aria-selected')}`)).to.deep.equal(Array(4).fill('gridcell false'));
    slots[0]!.focus();
    const active = () => text(el.shadowRoot!.activeElement) + ' ' + text(el.shadowRoot!.activeElement?.closest('.day')?.querySelector('[role=rowheader]'));
    await sendKeys({ press: 'ArrowDown' });
    expect(active()).to.equal('9:30 AM Thursday, March 26');
    await sendKeys({ press: 'ArrowRight' });
    expect(active()).to.equal('9:00 AM Friday, March 27');
    await sendKeys({ press: 'ArrowRight' });
    expect(active()).to.equal('9:00 AM Tuesday, March 31');
    await sendKeys({ press: 'ArrowRight' });
    expect(active()).to.equal('9:00 AM Tuesday, March 31');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'End' });
    expect(active()).to.equal('9:30 AM Thursday, March 26');
    expect($$(el, '[part~=slot]').filter((b) => b.tabIndex == 0)).to.have.length(1);
    const selected = oneEvent(el, 'hearth-slot-selected');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail).to.deep.equal({ ...SLOTS[1], timeZone: 'Europe/Kyiv' });
    await waitUntil(() => heading(el) == 'Your details');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    // Back at the times, the chosen one is the selected cell (and more than colour shows it: bold).
    button(el, 'Back').click();
    await waitUntil(() => $(el, '[part~=slot]'), 'times again');
    expect($$(el, '[part~=slot]').map((b) => b.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'false', 'false']);
    expect(getComputedStyle($(el, '[aria-selected=true]')!).fontWeight).to.equal('700');
  });

  it('right to left (Arabic), the next day is on the left: ArrowLeft moves to it', async () => {
    const s = stubBackend();
    const page = await fixture<HTMLElement>(
      html`<div lang="ar" dir="rtl"><hearth-consultation-button specialist="olena" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button></div>`,
    );
    const el = page.querySelector<HearthConsultationButton>('hearth-consultation-button')!;
    await el.open();
    await waitUntil(() => $(el, '[part~=primary-action]'), 'the first step');
    $<HTMLButtonElement>(el, '[part~=primary-action]')!.click();
    await waitUntil(() => $(el, '[part~=slot]'), 'times');
    await waitUntil(() => getComputedStyle($(el, '.grid')!).direction == 'rtl', 'the Arabic words loaded: right to left');
    const slots = $$(el, '[part~=slot]');
    expect(slots.map((b) => b.getAttribute('aria-selected'))).to.deep.equal(['false', 'false', 'false', 'false']);
    slots[0]!.focus();
    const days = $$(el, '.day');
    const day = () => days.indexOf(el.shadowRoot!.activeElement!.closest<HTMLElement>('.day')!);
    await sendKeys({ press: 'ArrowLeft' });
    expect(day()).to.equal(1);
    await sendKeys({ press: 'ArrowRight' });
    expect(day()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('the errors of the details form speak the element’s language (Ukrainian), not English', async () => {
    const s = stubBackend();
    const page = await fixture<HTMLElement>(html`<div lang="uk"><hearth-consultation-button specialist="olena" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button></div>`);
    const el = page.querySelector<HearthConsultationButton>('hearth-consultation-button')!;
    await el.open();
    await waitUntil(() => heading(el) == 'Що на вас чекає' || text($(el, '[part~=primary-action]')) == 'Обрати час', 'Ukrainian');
    $<HTMLButtonElement>(el, '[part~=primary-action]')!.click();
    await waitUntil(() => $(el, '[part~=slot]'), 'times');
    await pickTime(el);
    $<HTMLButtonElement>(el, '[part~=primary-action]')!.click();
    await waitUntil(() => $(el, '#name-err'), 'the errors');
    expect(text($(el, '#name-err'))).to.equal('Введіть ваше ім’я.');
    // Required fields say so to assistive technology; the optional phone does not.
    expect(['name', 'email', 'phone', 'consent'].map((id) => $<HTMLInputElement>(el, `#${id}`)!.required)).to.deep.equal([true, true, false, true]);
  });

  it('an empty week says so and offers the next week; weeks move by seven days', async () => {
    const s = stubBackend();
    s.availability = [{ durationMinutes: 30, slots: [] }, { durationMinutes: 30, slots: SLOTS }];
    const el = await make(s.backend);
    await openToTimes(el);
    expect(text($(el, '.empty p'))).to.equal('No free times this week.');
    await expect(el).to.be.accessible();
    button(el, 'Show the next week').click();
    await waitUntil(() => s.availabilityCalls.length == 2);
    expect(s.availabilityCalls[1]!.query).to.deep.equal({ specialist: 'olena', from: '2026-03-31', to: '2026-04-09' });
    expect(button(el, 'Previous week').disabled).to.be.false;
    button(el, 'Previous week').click();
    await waitUntil(() => s.availabilityCalls.length == 3);
    expect(s.availabilityCalls[2]!.query.from).to.equal('2026-03-24');
  });

  it('step 3 checks the details, shows errors linked to their fields and focuses the first', async () => {
    const el = await make(stubBackend().backend);
    await openToTimes(el);
    await pickTime(el);
    await expect(el).to.be.accessible();
    type(el, 'email', 'not-an-email');
    type(el, 'phone', 'call me');
    await el.updateComplete;
    button(el, 'Continue').click();
    await waitUntil(() => $(el, '#name-err'));
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#name'));
    const errors = Object.fromEntries($$(el, '.error').map((e) => [e.id, text(e)]));
    expect(errors).to.deep.equal({
      'name-err': 'Enter your name.',
      'email-err': 'Enter an email address like name@example.com.',
      'phone-err': 'Use only digits, spaces and + ( ) -.',
      'consent-err': 'To book, agree to the use of your details for this consultation.',
    });
    expect($(el, '#email')!.getAttribute('aria-describedby')).to.equal('email-err');
    expect($(el, '#phone')!.getAttribute('aria-describedby')).to.equal('phone-hint phone-err');
    expect($(el, '#email')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    type(el, 'name', 'Iryna');
    await el.updateComplete;
    expect($(el, '#name-err')).to.equal(null);
    expect(heading(el)).to.equal('Your details');
  });

  it('prefills details from .prefill and the signed-in name, never overwriting what is typed', async () => {
    const s = stubBackend();
    s.sessionName = 'Signed In';
    const el = await make(
      s.backend,
      html`<hearth-consultation-button time-zone="Europe/Kyiv" .backend=${s.backend} .prefill=${{ email: 'pre@example.org', note: 'Hello' }}></hearth-consultation-button>`,
    );
    await openToTimes(el);
    await pickTime(el);
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Signed In');
    expect($<HTMLInputElement>(el, '#email')!.value).to.equal('pre@example.org');
    expect($<HTMLTextAreaElement>(el, '#note')!.value).to.equal('Hello');
    expect(text($(el, '#note-hint'))).to.equal('optional · 5 / 1000');
  });

  it('confirms with an Idempotency-Key made on confirm; a double click books once; booked step links .ics and the manage link', async () => {
    const s = stubBackend();
    let answer!: () => void;
    s.bookings = [() => new Promise((resolve) => (answer = () => resolve(BOOKED)))];
    const el = await make(s.backend);
    await openToTimes(el);
    await toConfirm(el);
    expect(s.bookingCalls).to.have.length(0);
    const summary = Object.entries(summaryOf(el));
    expect(summary[0]![0]).to.equal('When');
    expect(summary[0]![1]).to.match(/^Thursday, March 26, 2026(,| at) 9:00\s?–\s?9:30\sAM \(Eastern European Standard Time\)$/);
    expect(summary.slice(1)).to.deep.equal([
      ['With', 'Dr. Olena Kovalenko'],
      ['Name', 'Iryna'],
      ['Email', 'iryna@example.org'],
    ]);
    await expect(el).to.be.accessible();

    const confirmed = oneEvent(el, 'hearth-booking-confirmed');
    button(el, 'Confirm booking').click();
    await el.updateComplete;
    button(el, 'Booking…').click();
    button(el, 'Booking…').click();
    expect(s.bookingCalls).to.have.length(1);
    const { request, options } = s.bookingCalls[0]!;
    expect(request).to.deep.equal({ specialist: 'olena', service: undefined, start: SLOTS[0]!.start, name: 'Iryna', email: 'iryna@example.org', phone: undefined, note: undefined, consent: true, timeZone: 'Europe/Kyiv' });
    expect(options!.idempotencyKey).to.match(/^[0-9a-f]{32}$/);
    answer();
    expect((await confirmed).detail).to.deep.equal({ id: 'b1', start: BOOKED.start, end: BOOKED.end, timeZone: 'Europe/Kyiv', manageUrl: BOOKED.manageUrl });
    await waitUntil(() => heading(el) == 'Booked');
    expect(button(el, 'Add to calendar').getAttribute('href')).to.equal(BOOKED.icsUrl);
    expect(button(el, 'Add to calendar').hasAttribute('download')).to.be.true;
    expect(button(el, 'Manage or cancel this booking').getAttribute('href')).to.equal(BOOKED.manageUrl);
    expect(text($(el, '.booked'))).to.contain('Eastern European Standard Time');
    expect(el.shadowRoot!.textContent).to.contain('iryna@example.org');
    await expect(el).to.be.accessible();

    // Closing after a booking starts over next time; details typed stay, consent does not.
    const closed = oneEvent(el, 'hearth-booking-close');
    button(el, 'Close').click();
    expect((await closed).detail.booked).to.be.true;
    await el.open();
    expect(heading(el)).to.equal('What to expect');
  });

  it('mode="inline" renders the flow in place; availability loads when the visitor asks for times', async () => {
    const s = stubBackend();
    const el = await make(s.backend, html`<hearth-consultation-button mode="inline" specialist="olena" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button>`);
    await waitUntil(() => $(el, '[part=flow]'), 'inline flow');
    expect($(el, '[part=button]')).to.equal(null);
    expect($(el, 'dialog')).to.equal(null);
    expect($(el, '[part=flow]')!.getAttribute('role')).to.equal('region');
    // The landmark's name is the title and the specialist: two inline flows are told apart.
    await waitUntil(() => $(el, '#with'), 'the specialist');
    const name = $(el, '[part=flow]')!.getAttribute('aria-labelledby')!.split(' ').map((id) => text(el.shadowRoot!.getElementById(id)));
    expect(name[0]).to.equal('Book a free consultation');
    expect(name[1]).to.contain('Dr. Olena Kovalenko');
    await aTimeout(20);
    expect(s.availabilityCalls).to.have.length(0);
    await expect(el).to.be.accessible();
    button(el, 'Choose a time').click();
    await waitUntil(() => $(el, '[part~=slot]'));
    expect(s.availabilityCalls).to.have.length(1);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    await expect(el).to.be.accessible();
  });

  it('removal mid-flow aborts its requests; put back, it fetches again and keeps its state', async () => {
    const s = stubBackend();
    s.availability = [() => new Promise(() => undefined), { durationMinutes: 30, slots: SLOTS }];
    const el = await make(s.backend, html`<hearth-consultation-button mode="inline" specialist="olena" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button>`);
    await waitUntil(() => $(el, '[part=flow]'));
    button(el, 'Choose a time').click();
    await waitUntil(() => s.availabilityCalls.length == 1);
    const parent = el.parentNode!;
    el.remove();
    expect(s.availabilityCalls[0]!.signal!.aborted).to.be.true;
    parent.append(el);
    await waitUntil(() => $(el, '[part~=slot]'), 'fetched again');
    expect(heading(el)).to.equal('Pick a time');
  });

  it('many instances on a page keep their own state', async () => {
    const a = stubBackend();
    const b = stubBackend();
    const parent = await fixture<HTMLElement>(html`<div>
      <hearth-consultation-button id="a" specialist="olena" .backend=${a.backend}></hearth-consultation-button>
      <hearth-consultation-button id="b" mode="inline" specialist="sam" .backend=${b.backend}></hearth-consultation-button>
    </div>`);
    const [elA, elB] = [parent.querySelector<HearthConsultationButton>('#a')!, parent.querySelector<HearthConsultationButton>('#b')!];
    await openToTimes(elA);
    await waitUntil(() => $(elB, '[part=flow]'));
    expect(heading(elB)).to.equal('What to expect');
    expect(a.availabilityCalls).to.have.length(1);
    expect(b.availabilityCalls).to.have.length(0);
    elA.close();
  });

  it('follows lang: Ukrainian text and dates', async () => {
    const s = stubBackend();
    const el = await make(s.backend, html`<hearth-consultation-button lang="uk" specialist="olena" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button>`);
    await waitUntil(() => text($(el, '[part=button]')) == 'Записатися на безкоштовну консультацію', 'Ukrainian label');
    await el.open();
    button(el, 'Обрати час').click();
    await waitUntil(() => $(el, '[part~=slot]'));
    expect(heading(el)).to.equal('Оберіть час');
    expect(text($(el, '.day [role=rowheader]'))).to.equal('четвер, 26 березня');
    expect(text($(el, '[part~=slot]'))).to.equal('09:00');
    await expect(el).to.be.accessible();
  });
});
