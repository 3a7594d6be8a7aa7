import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { HearthConsultationButton } from '../../src/consultation/consultation-button.js';
import { HearthError } from '../../src/core/errors.js';
import {
  $,
  $$,
  button,
  clinicBackend,
  consoleErrors,
  freezeClock,
  heading,
  make,
  makeWithoutSpecialist,
  OLENA,
  SAM,
  sendKeys,
  stubBackend,
  summaryOf,
  text,
  thawClock,
  toConfirm,
} from './helpers.js';

const HOUR = [
  { start: '2026-03-26T07:00:00Z', end: '2026-03-26T08:00:00Z' },
  { start: '2026-03-27T07:00:00Z', end: '2026-03-27T08:00:00Z' },
];

const choices = (el: HearthConsultationButton) => $$(el, '[part~=choice]').map(text);

describe('<hearth-consultation-button> choices', () => {
  beforeEach(() => freezeClock());
  afterEach(() => thawClock());

  it('without specialist: choose whom to talk to (title, languages, next free time), then what to book, then times of that length', async () => {
    const s = clinicBackend();
    s.availability = [{ durationMinutes: 60, slots: HOUR }];
    const el = await makeWithoutSpecialist(s.backend);
    await el.open();
    await waitUntil(() => $(el, '[part~=choice]'), 'specialists');
    expect(heading(el)).to.equal("Choose who you'd like to talk to");
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    expect(text($(el, '#crisis'))).to.contain('Not for emergencies.');
    const [olena, sam] = choices(el);
    expect(olena).to.match(/^Dr\. Olena Kovalenko Psychologist Speaks Ukrainian, English Next free time: Thursday, March 26, 2026(,| at) 9:00\sAM$/);
    expect(sam).to.equal('Sam Rivera Counsellor Speaks English No free times in the next weeks');
    expect(s.availabilityCalls).to.have.length(0);
    await expect(el).to.be.accessible();

    // Keyboard only: Tab to Sam, Enter.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(el.shadowRoot!.activeElement)).to.contain('Sam Rivera');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(el) == 'What would you like to book?' && $(el, '[part~=choice]'), 'services');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    expect(s.serviceCalls).to.deep.equal(['sam']);
    expect(choices(el)).to.deep.equal(['Free initial consultation 30 min · Free', 'Therapy session 60 min · €60']);
    expect(text($(el, '.head'))).to.contain('With Sam Rivera, Counsellor');
    expect($$(el, '.steps li').map(text)).to.deep.equal(["Choose who you'd like to talk to", 'What would you like to book?', 'Pick a time', 'Your details', 'Confirm', 'Booked']);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(text(el.shadowRoot!.activeElement)).to.contain('Therapy session');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(el) == 'Pick a time' && $(el, '[part~=slot]'), 'times');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    expect(s.availabilityCalls[0]!.query).to.deep.equal({ specialist: 'sam', service: 'long', from: '2026-03-24', to: '2026-04-02' });
    expect(text($(el, '.head'))).to.contain('Therapy session · 60 min · €60');
    await expect(el).to.be.accessible();

    // Back goes through the steps, focus on each heading; the choices made are marked.
    button(el, 'Back').click();
    await waitUntil(() => heading(el) == 'What would you like to book?');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
    expect(text($(el, '[part~=choice][aria-current=true]'))).to.contain('Therapy session');
    button(el, 'Back').click();
    await waitUntil(() => heading(el) == "Choose who you'd like to talk to");
    expect(text($(el, '[part~=choice][aria-current=true]'))).to.contain('Sam Rivera');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
  });

  it('the summary and the booking name the service; the times are as long as it is', async () => {
    const s = clinicBackend();
    s.availability = [{ durationMinutes: 60, slots: HOUR }];
    const el = await makeWithoutSpecialist(s.backend);
    await el.open();
    await waitUntil(() => $(el, '[part~=choice]'));
    button(el, /Sam Rivera/).click();
    await waitUntil(() => heading(el) == 'What would you like to book?' && $(el, '[part~=choice]'));
    button(el, /Therapy session/).click();
    await waitUntil(() => $(el, '[part~=slot]'));
    await toConfirm(el);
    const summary = summaryOf(el);
    expect(summary.When).to.match(/9:00\s?–\s?10:00\sAM/);
    expect(summary.With).to.equal('Sam Rivera');
    expect(summary.Service).to.equal('Therapy session · 60 min · €60');
    expect(el.shadowRoot!.textContent).not.to.contain('Free · 30 minutes');
    await expect(el).to.be.accessible();
    button(el, 'Confirm booking').click();
    await waitUntil(() => heading(el) == 'Booked');
    expect(s.bookingCalls[0]!.request).to.include({ specialist: 'sam', service: 'long', start: HOUR[0]!.start });
  });

  it('a clinic with one specialist and one service skips both choices', async () => {
    const s = clinicBackend([OLENA]);
    const el = await makeWithoutSpecialist(s.backend);
    await el.open();
    await waitUntil(() => s.serviceCalls.length == 1 && text($(el, '.head')).includes('Free initial consultation'));
    expect(heading(el)).to.equal('What to expect');
    expect($$(el, '.steps li').map(text)).to.deep.equal(['What to expect', 'Pick a time', 'Your details', 'Confirm', 'Booked']);
    button(el, 'Choose a time').click();
    await waitUntil(() => $(el, '[part~=slot]'));
    expect(s.availabilityCalls.at(-1)!.query).to.deep.equal({ specialist: 'olena', service: 'intro', from: '2026-03-24', to: '2026-04-02' });
  });

  it('with specialist and several services: "Continue" leads to what to book; with service set, that step is skipped', async () => {
    const s = clinicBackend();
    const el = await make(s.backend, html`<hearth-consultation-button specialist="sam" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button>`);
    await el.open();
    await waitUntil(() => $$(el, '.steps li').length == 6);
    button(el, 'Continue').click();
    await waitUntil(() => heading(el) == 'What would you like to book?' && $(el, '[part~=choice]'));
    await expect(el).to.be.accessible();

    const t = clinicBackend();
    const set = await make(t.backend, html`<hearth-consultation-button specialist="sam" service="long" time-zone="Europe/Kyiv" .backend=${t.backend}></hearth-consultation-button>`);
    await set.open();
    await waitUntil(() => text($(set, '.head')).includes('Therapy session'));
    expect($$(set, '.steps li')).to.have.length(5);
    button(set, 'Choose a time').click();
    await waitUntil(() => $(set, '[part~=slot]'));
    expect(t.availabilityCalls.at(-1)!.query.service).to.equal('long');
  });

  for (const [attrs, attribute, value] of [
    [{ specialist: 'nobody', service: '' }, 'specialist', 'nobody'],
    [{ specialist: 'sam', service: 'massage' }, 'service', 'massage'],
  ] as const) {
    it(`a wrong ${attribute} says the button is not set up correctly and names the attribute in console.error`, async () => {
      const s = clinicBackend();
      let el!: HearthConsultationButton;
      const logged = await consoleErrors(async () => {
        el = await make(
          s.backend,
          html`<hearth-consultation-button specialist=${attrs.specialist} service=${attrs.service} .backend=${s.backend}></hearth-consultation-button>`,
        );
        await el.open();
        await waitUntil(() => $(el, '.problem'), 'the message');
      });
      expect(text($(el, 'p.problem[role=alert]'))).to.equal('This booking button is not set up correctly. Please contact the clinic directly.');
      expect(el.shadowRoot!.textContent).not.to.contain('on our side');
      expect(logged).to.have.length(1);
      expect(logged[0]).to.contain(`${attribute}="${value}"`);
      expect($(el, '[part=primary-action]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
      await expect(el).to.be.accessible();
    });
  }

  it('a 422 on the specialist from availability (an adapter that cannot list specialists) is the same message', async () => {
    const s = stubBackend();
    delete (s.backend as { getSpecialists?: unknown }).getSpecialists;
    s.availability = [new HearthError('validation', '422', { status: 422, fieldErrors: { specialist: ['Unknown specialist'] } })];
    let el!: HearthConsultationButton;
    const logged = await consoleErrors(async () => {
      el = await make(s.backend, html`<hearth-consultation-button specialist="olga" .backend=${s.backend}></hearth-consultation-button>`);
      await el.open();
      button(el, 'Choose a time').click();
      await waitUntil(() => $(el, 'p.problem'), 'the message');
    });
    expect(text($(el, 'p.problem'))).to.equal('This booking button is not set up correctly. Please contact the clinic directly.');
    expect(logged.join()).to.contain('specialist="olga"');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
  });

  it('a list that fails to load says why, and Retry loads it', async () => {
    const s = clinicBackend();
    let fail = true;
    s.backend.getSpecialists = async () => {
      if (fail) throw new HearthError('offline');
      return [OLENA, SAM];
    };
    const el = await makeWithoutSpecialist(s.backend);
    await el.open();
    await waitUntil(() => $(el, '.problem'));
    expect(heading(el)).to.equal("Choose who you'd like to talk to");
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Retry').focus();
    button(el, 'Retry').click();
    await waitUntil(() => choices(el).length == 2);
    // Retry went away with the list's error: focus is on the step's heading, not on <body>.
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#step'));
  });

  it('a list the server answers with something else than a list (specialists, then services) says it could not be read, and Retry loads it', async () => {
    const s = clinicBackend();
    let broken = true;
    const people = s.backend.getSpecialists!;
    const services = s.backend.getServices!;
    s.backend.getSpecialists = async (options) => (broken ? ({ specialists: [] } as never) : people(options));
    s.backend.getServices = async (id, options) => (broken ? ({ items: [] } as never) : services(id, options));
    const el = await makeWithoutSpecialist(s.backend);
    await el.open();
    await waitUntil(() => $(el, '.problem'), 'the specialists could not be read');
    expect(text($(el, '.problem p'))).to.equal('The server sent an answer that could not be read. Try again in a moment; nothing you entered is lost.');
    broken = false;
    button(el, 'Retry').click();
    await waitUntil(() => choices(el).length == 2, 'the list');
    broken = true;
    $$<HTMLButtonElement>(el, '[part~=choice]')[1]!.click();
    await waitUntil(() => $(el, '.problem'), 'the services could not be read');
    expect(heading(el)).to.equal('What would you like to book?');
    expect(text($(el, '.problem p'))).to.contain('could not be read');
  });

  it('speaks Ukrainian: the step, languages and next free time', async () => {
    const s = clinicBackend();
    const el = await make(s.backend, html`<hearth-consultation-button lang="uk" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button>`);
    await waitUntil(() => text($(el, '[part=button]')) == 'Записатися на безкоштовну консультацію');
    const opened = oneEvent(el, 'hearth-booking-open');
    void el.open();
    await opened;
    await waitUntil(() => $(el, '[part~=choice]'));
    expect(heading(el)).to.equal('Оберіть, з ким хочете поговорити');
    expect(choices(el)[0]).to.match(/^Dr\. Olena Kovalenko Psychologist Мови: українська, англійська Найближчий вільний час: четвер, 26 березня 2026( р\.)?( о)? 09:00$/);
    expect(choices(el)[1]).to.contain('Найближчими тижнями вільного часу немає');
    button(el, /Sam Rivera/).click();
    await waitUntil(() => $$(el, '[part~=choice]').length == 2 && heading(el) == 'На що ви хочете записатися?');
    expect(choices(el)).to.deep.equal(['Free initial consultation 30 хв · Безкоштовно', 'Therapy session 60 хв · €60']);
    await expect(el).to.be.accessible();
  });
});
