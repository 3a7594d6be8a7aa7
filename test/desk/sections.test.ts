import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys as send } from '@web/test-runner-commands';
import { HearthError } from '../../src/core/errors.js';
import { booking, clinicStub } from './clinic-stub.js';
import { reject } from './stub.js';
import { $, announced, button, desk, focused, listed, root, text } from './helpers.js';
import type { HearthDesk } from '../../src/desk/desk.js';

const sendKeys = send as (keys: { press: string }) => Promise<void>;
const navButtons = (el: HearthDesk) => [...root(el).querySelectorAll<HTMLButtonElement>('nav button')];
const chunkLoaded = (name: string) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.endsWith(`/src/desk/${name}.ts`));
const go = async (el: HearthDesk, name: string) => {
  navButtons(el).find((b) => text(b) == name)!.click();
  await waitUntil(() => !$(el, '.desk [aria-busy=true]') && $(el, '.pane'), `${name} shows`);
};
const input = (node: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => {
  node.value = value;
  node.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  node.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
};

describe('<hearth-desk> sections', () => {
  describe('navigation', () => {
    it('a specialist: Inbox, Bookings, Hours with aria-current; the section is reflected; chunks load only when opened', async () => {
      const stub = clinicStub('specialist', [booking('b1')]);
      const el = await desk(stub.backend);
      await listed(el);
      expect(navButtons(el).map(text)).to.deep.equal(['Inbox', 'Bookings', 'Hours']);
      expect(navButtons(el)[0].getAttribute('aria-current')).to.equal('page');
      expect($(el, 'nav')!.getAttribute('aria-label')).to.equal('Desk');
      expect(chunkLoaded('bookings') || chunkLoaded('hours') || chunkLoaded('specialists')).to.equal(false);
      expect(stub.of('listBookings')).to.have.length(0);
      navButtons(el)[1].focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '.bookings [part=booking]'), 'the bookings');
      expect(el.getAttribute('section')).to.equal('bookings');
      expect(navButtons(el)[1].getAttribute('aria-current')).to.equal('page');
      expect(navButtons(el)[0].hasAttribute('aria-current')).to.equal(false);
      const background = (b: Element) => getComputedStyle(b).backgroundColor;
      expect(background(navButtons(el)[1]), 'the current section is filled').to.not.equal(background(navButtons(el)[0]));
      expect(focused(el)).to.equal(navButtons(el)[1]);
      expect(chunkLoaded('bookings')).to.equal(true);
      expect(chunkLoaded('hours')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('an admin also has Specialists; a specialist asking for it by attribute gets the inbox', async () => {
      const admin = await desk(clinicStub('admin').backend);
      await listed(admin);
      expect(navButtons(admin).map(text)).to.deep.equal(['Inbox', 'Bookings', 'Hours', 'Specialists']);
      const el = await desk(clinicStub('specialist').backend);
      el.section = 'specialists';
      await listed(el);
      expect(navButtons(el)[0].getAttribute('aria-current')).to.equal('page');
    });
  });

  describe('bookings', () => {
    it('lists upcoming bookings: times, the visitor’s zone, mailto and tel links, service, status, note; axe-clean in every state', async () => {
      const stub = clinicStub('specialist', [booking('b1', { name: 'Ana <b>P</b>' })]);
      let release!: () => void;
      stub.answer('listBookings', () => new Promise<void>((r) => (release = r)));
      const el = await desk(stub.backend);
      el.section = 'bookings';
      await waitUntil(() => $(el, '.bookings [aria-busy=true]'), 'loading');
      expect(text($(el, '.bookings [aria-busy=true]'))).to.equal('Loading bookings…');
      await expect(el).to.be.accessible();
      release();
      await waitUntil(() => $(el, '[part=booking]'), 'the booking');
      const card = $(el, '[part=booking]')!;
      expect(text(card.querySelector('h3'))).to.contain('Ana <b>P</b>');
      expect(card.querySelector('b')).to.equal(null);
      expect(text(card)).to.contain('The visitor’s time:');
      expect(text(card)).to.contain('Pacific/Auckland');
      expect(card.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.getAttribute('href')).to.equal('mailto:b1@example.org');
      expect(card.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:+380441234567');
      expect(text(card)).to.contain('Free initial consultation, 30 min');
      expect(text(card)).to.contain('Booked');
      expect(text(card)).to.contain('Note of b1');
      expect(stub.of('listBookings')[0].args).to.deep.equal([{ when: 'upcoming', limit: 25 }]);
      expect(button(el, 'Export CSV')).to.equal(undefined); // admins only
      expect($(el, '.bookings select')).to.equal(null);
      await expect(el).to.be.accessible();
      button(el, 'Past')!.click();
      await waitUntil(() => text($(el, '.bookings p.state')) == 'No past bookings', 'empty');
      expect(stub.of('listBookings')[1].args).to.deep.equal([{ when: 'past', limit: 25 }]);
      await expect(el).to.be.accessible();
    });

    it('a failed load says so, with Retry', async () => {
      const stub = clinicStub('specialist', [booking('b1')]);
      stub.answer('listBookings', reject(new HearthError('server', 'HTTP 500', { status: 500 })));
      const el = await desk(stub.backend);
      el.section = 'bookings';
      await waitUntil(() => $(el, '.bookings [part=error].state'), 'the error');
      expect(text($(el, '.bookings [part=error].state'))).to.contain('The bookings could not be loaded.');
      await expect(el).to.be.accessible();
      button(el, 'Retry')!.click();
      await waitUntil(() => $(el, '[part=booking]'), 'the booking');
    });

    it('cancel: a dialog with a required reason, one key per submitted form, announced, focus on the booking', async () => {
      const stub = clinicStub('specialist', [booking('b1')]);
      stub.answer('cancelBookingAsStaff', reject(new HearthError('timeout', 'timeout')));
      const el = await desk(stub.backend);
      el.section = 'bookings';
      await waitUntil(() => $(el, '[part=booking]'), 'the booking');
      button(el, 'Cancel…')!.click();
      const dialog = $<HTMLDialogElement>(el, '#cancel-dialog')!;
      await waitUntil(() => dialog.open, 'the dialog');
      expect(text(dialog)).to.contain('The visitor will be told by email; the reason stays with the clinic.');
      await expect(el).to.be.accessible();
      button(el, 'Cancel booking')!.click();
      await waitUntil(() => focused(el)?.id == 'cancel-reason', 'focus on the reason');
      const reason = $<HTMLTextAreaElement>(el, '#cancel-reason')!;
      expect(reason.getAttribute('aria-invalid')).to.equal('true');
      expect(reason.getAttribute('aria-describedby')).to.equal('cancel-reason-error');
      expect(text($(el, '#cancel-reason-error'))).to.contain('Write why it is cancelled');
      expect(stub.of('cancelBookingAsStaff')).to.have.length(0);
      input(reason, 'The specialist is ill');
      button(el, 'Cancel booking')!.click();
      await waitUntil(() => text(dialog.querySelector('[role=status]')).includes('Could not reach the server'), 'the timeout');
      expect(dialog.open).to.equal(true);
      const updated = oneEvent(el, 'hearth-desk-booking-updated');
      button(el, 'Cancel booking')!.click();
      expect((await updated).detail).to.deep.equal({ bookingId: 'b1', status: 'cancelled' });
      const sent = stub.of('cancelBookingAsStaff');
      expect(sent.map((c) => c.args)).to.deep.equal([
        ['b1', { reason: 'The specialist is ill' }],
        ['b1', { reason: 'The specialist is ill' }],
      ]);
      expect(sent[0].key).to.be.a('string').and.equal(sent[1].key);
      await waitUntil(() => announced(el) == 'Booking cancelled. The visitor will be told by email.', 'announced');
      expect(dialog.open).to.equal(false);
      expect(text($(el, '[part=booking]'))).to.contain('Cancelled by the clinic');
      expect(text($(el, '[part=booking]'))).to.contain('The specialist is ill');
      await waitUntil(() => focused(el)?.id == 'b-b1', 'focus on the booking');
      await expect(el).to.be.accessible();
    });

    it('past bookings: Attended / Did not come as toggle buttons', async () => {
      const stub = clinicStub('specialist', [booking('old', { start: '2025-01-01T10:00:00Z', end: '2025-01-01T10:30:00Z' })]);
      const el = await desk(stub.backend);
      el.section = 'bookings';
      await waitUntil(() => $(el, '.bookings p.state, [part=booking]'), 'listed');
      button(el, 'Past')!.click();
      await waitUntil(() => $(el, '[part=booking]'), 'the booking');
      expect(button(el, 'Cancel…')).to.equal(undefined);
      button(el, 'Attended')!.click();
      await waitUntil(() => button(el, 'Attended')!.getAttribute('aria-pressed') == 'true', 'marked');
      expect(stub.of('updateBooking')[0].args).to.deep.equal(['old', { status: 'attended' }]);
      expect(stub.of('updateBooking')[0].key).to.be.a('string');
      await waitUntil(() => announced(el).includes('attended'), 'announced');
      await expect(el).to.be.accessible();
    });

    it('an admin picks a specialist or all, and exports CSV through a Blob download', async () => {
      const stub = clinicStub('admin', [booking('b1')]);
      const el = await desk(stub.backend);
      el.section = 'bookings';
      await waitUntil(() => $(el, '[part=booking]') && $(el, '.bookings select option[value=taras]'), 'the bookings');
      expect(text($(el, '[part=booking]'))).to.contain('Specialist');
      input($<HTMLSelectElement>(el, '.bookings select')!, 'taras');
      await waitUntil(() => text($(el, '.bookings p.state')) == 'No upcoming bookings', 'taras has none');
      expect(stub.of('listBookings').at(-1)!.args).to.deep.equal([{ when: 'upcoming', limit: 25, specialist: 'taras' }]);
      const clicked: HTMLAnchorElement[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this);
      };
      try {
        button(el, 'Export CSV')!.click();
        await waitUntil(() => clicked.length, 'the download');
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(stub.of('exportBookings')).to.have.length(1);
      expect(clicked[0].href).to.match(/^blob:/);
      expect(clicked[0].download).to.match(/^bookings-\d{4}-\d\d-\d\d\.csv$/);
      const bytes = new Uint8Array(await (await fetch(clicked[0].href)).arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark, for spreadsheets
      expect(new TextDecoder().decode(bytes)).to.equal('id,name\r\nb1,Ana\r\n'); // the decoder drops the mark
      await waitUntil(() => announced(el) == 'The bookings were exported as a CSV file.', 'announced');
    });
  });

  describe('hours', () => {
    const ready = (el: HearthDesk) => waitUntil(() => $(el, '.hours form'), 'the hours form');

    it('round trip: loads, adds a window by keyboard-reachable buttons, edits rules, and PUT receives the whole form with a key', async () => {
      const stub = clinicStub('specialist');
      const el = await desk(stub.backend);
      el.section = 'hours';
      await ready(el);
      expect(stub.of('getHours')[0].args).to.deep.equal(['olena-kovalenko']);
      expect(text($(el, '#weekday-1'))).to.equal('Monday');
      expect(text($(el, '.hours'))).to.contain('Times are in Europe/Kyiv');
      await expect(el).to.be.accessible();
      const add = $(el, '[data-add="weekly-1"]')!;
      add.click();
      await waitUntil(() => focused(el)?.dataset.path == 'weekly.1.start', 'focus in the new window');
      input(focused(el) as HTMLInputElement, '14:00');
      input($<HTMLInputElement>(el, '[data-path="weekly.1.end"]')!, '18:30');
      expect(text($(el, '.hours .actions [role=status]'))).to.equal('Unsaved changes');
      $(el, '[data-add="overrides"]')!.click();
      await waitUntil(() => focused(el)?.dataset.path == 'overrides.0.date', 'the date');
      input(focused(el) as HTMLInputElement, '2030-12-24');
      $(el, '[data-add="timeOff"]')!.click();
      await waitUntil(() => focused(el)?.dataset.path == 'timeOff.0.from', 'time off');
      input(focused(el) as HTMLInputElement, '2030-08-01T00:00');
      input($<HTMLInputElement>(el, '[data-path="timeOff.0.to"]')!, '2030-08-15T00:00');
      input($<HTMLInputElement>(el, '#hours-maxPerDay')!, '4');
      input($<HTMLInputElement>(el, '#hours-bufferMinutes')!, '15');
      await expect(el).to.be.accessible();
      const saved = oneEvent(el, 'hearth-desk-hours-saved');
      button(el, 'Save hours')!.click();
      expect((await saved).detail).to.deep.equal({ specialist: 'olena-kovalenko' });
      const [put] = stub.of('putHours');
      expect(put.args).to.deep.equal([
        'olena-kovalenko',
        {
          weekly: [
            { weekday: 1, start: '09:00', end: '13:00' },
            { weekday: 1, start: '14:00', end: '18:30' },
          ],
          overrides: [{ date: '2030-12-24', windows: [] }],
          timeOff: [{ from: '2030-08-01T00:00', to: '2030-08-15T00:00', note: null }],
          minNoticeMinutes: 120,
          bufferMinutes: 15,
          maxPerDay: 4,
        },
      ]);
      expect(put.key).to.be.a('string');
      await waitUntil(() => announced(el) == 'Hours saved', 'announced');
      expect(text($(el, '.hours .actions [role=status]'))).to.equal('Saved');
    });

    it('checks before sending, and shows a 422 next to its field (aria-invalid, aria-describedby); a new key after it', async () => {
      const stub = clinicStub('specialist');
      stub.answer('putHours', reject(new HearthError('validation', 'HTTP 422', { status: 422, fieldErrors: { 'weekly.0.start': ['Overlaps another window'], weekly: ['Too many windows'] } })));
      const el = await desk(stub.backend);
      el.section = 'hours';
      await ready(el);
      input($<HTMLInputElement>(el, '[data-path="weekly.0.end"]')!, '08:00');
      button(el, 'Save hours')!.click();
      await waitUntil(() => focused(el)?.dataset.path == 'weekly.0.end', 'focus on the wrong field');
      expect(text($(el, '#weekly-0-error'))).to.equal('It must end after it starts');
      expect(stub.of('putHours')).to.have.length(0);
      input($<HTMLInputElement>(el, '[data-path="weekly.0.end"]')!, '12:00');
      button(el, 'Save hours')!.click();
      await waitUntil(() => focused(el)?.dataset.path == 'weekly.0.start', 'focus on the 422 field');
      const start = $<HTMLInputElement>(el, '[data-path="weekly.0.start"]')!;
      expect(start.getAttribute('aria-invalid')).to.equal('true');
      expect(start.getAttribute('aria-describedby')).to.contain('weekly-0-error');
      expect(text($(el, '#weekly-0-error'))).to.equal('Overlaps another window');
      expect(text($(el, '#hours-error'))).to.equal('Too many windows');
      await expect(el).to.be.accessible();
      button(el, 'Save hours')!.click();
      await waitUntil(() => stub.of('putHours').length == 2, 'sent again');
      const [first, second] = stub.of('putHours');
      expect(second.key).to.not.equal(first.key);
    });

    it('leaving with unsaved changes asks: Stay keeps them, Leave without saving drops them', async () => {
      const stub = clinicStub('specialist');
      const el = await desk(stub.backend);
      el.section = 'hours';
      await ready(el);
      input($<HTMLInputElement>(el, '#hours-bufferMinutes')!, '30');
      navButtons(el)[0].click();
      const dialog = $<HTMLDialogElement>(el, '#leave-dialog')!;
      await waitUntil(() => dialog.open, 'asked');
      await expect(el).to.be.accessible();
      button(el, 'Stay')!.click();
      await waitUntil(() => !dialog.open, 'closed');
      expect(el.section).to.equal('hours');
      expect($<HTMLInputElement>(el, '#hours-bufferMinutes')!.value).to.equal('30');
      navButtons(el)[1].click();
      await waitUntil(() => dialog.open, 'asked again');
      button(el, 'Leave without saving')!.click();
      await waitUntil(() => el.section == 'bookings', 'left');
      expect(stub.of('putHours')).to.have.length(0);
    });

    it('an admin picks whom', async () => {
      const stub = clinicStub('admin');
      const el = await desk(stub.backend);
      el.section = 'hours';
      await ready(el);
      const select = $<HTMLSelectElement>(el, '.hours select')!;
      expect(select.value).to.equal('olena-kovalenko');
      input(select, 'taras');
      await waitUntil(() => stub.of('getHours').at(-1)!.args[0] == 'taras' && $(el, '.hours form'), 'taras');
      expect(text($(el, '#weekday-1'))).to.equal('Monday');
      expect(text($(el, '.hours .day'))).to.contain('Closed');
    });
  });

  describe('specialists (admin)', () => {
    it('lists active and inactive; adds one (422 by field, then stored), announced', async () => {
      const stub = clinicStub('admin');
      stub.specialists[1].active = false;
      stub.answer('createSpecialist', reject(new HearthError('validation', 'HTTP 422', { status: 422, fieldErrors: { timeZone: ['Unknown time zone'] } })));
      const el = await desk(stub.backend);
      el.section = 'specialists';
      await waitUntil(() => root(el).querySelectorAll('[part=specialist]').length == 2, 'the list');
      const cards = [...root(el).querySelectorAll('[part=specialist]')];
      expect(text(cards[0].querySelector('h3'))).to.contain('Active');
      expect(text(cards[1].querySelector('h3'))).to.contain('Inactive');
      await expect(el).to.be.accessible();
      button(el, 'Add a specialist')!.click();
      const dialog = $<HTMLDialogElement>(el, '#specialist-dialog')!;
      await waitUntil(() => dialog.open, 'the form');
      expect(dialog.querySelectorAll('#sp-timeZone option').length).to.be.greaterThan(100);
      await expect(el).to.be.accessible();
      button(el, 'Add')!.click();
      await waitUntil(() => focused(el)?.id == 'sp-name', 'focus on the name');
      input($<HTMLInputElement>(el, '#sp-name')!, 'Iryna Bondar');
      input($<HTMLInputElement>(el, '#sp-title')!, 'Psychologist');
      input($<HTMLInputElement>(el, '#sp-languages')!, 'uk, pl');
      button(el, 'Add')!.click();
      await waitUntil(() => text($(el, '#sp-timeZone-error')) == 'Unknown time zone', 'the 422');
      expect($(el, '#sp-timeZone')!.getAttribute('aria-invalid')).to.equal('true');
      button(el, 'Add')!.click();
      await waitUntil(() => announced(el) == 'Iryna Bondar added', 'added');
      const [, created] = stub.of('createSpecialist');
      expect(created.args[0]).to.include({ name: 'Iryna Bondar', title: 'Psychologist' });
      expect((created.args[0] as { languages: string[] }).languages).to.deep.equal(['uk', 'pl']);
      expect(created.key).to.be.a('string');
      await waitUntil(() => focused(el)?.id == 's-new', 'focus on the new one');
    });

    it('deactivates with a confirmation; services open and deactivate', async () => {
      const stub = clinicStub('admin');
      const el = await desk(stub.backend);
      el.section = 'specialists';
      await waitUntil(() => root(el).querySelectorAll('[part=specialist]').length == 2, 'the list');
      const toggle = $(el, '[data-toggle="olena-kovalenko"]')!;
      toggle.click();
      const dialog = $<HTMLDialogElement>(el, '#confirm-dialog')!;
      await waitUntil(() => dialog.open, 'asked');
      expect(text(dialog.querySelector('h2'))).to.equal('Deactivate Dr. Olena Kovalenko?');
      await expect(el).to.be.accessible();
      button(el, 'Deactivate')!.click();
      await waitUntil(() => announced(el) == 'Dr. Olena Kovalenko is deactivated', 'deactivated');
      expect(stub.of('updateSpecialist')[0].args).to.deep.equal(['olena-kovalenko', { active: false }]);
      expect(text($(el, '[data-toggle="olena-kovalenko"]'))).to.equal('Reactivate…');
      const services = [...root(el).querySelectorAll<HTMLButtonElement>('button[aria-expanded]')][0];
      services.click();
      await waitUntil(() => $(el, '[part=service]'), 'the services');
      expect(services.getAttribute('aria-expanded')).to.equal('true');
      expect(text($(el, '[part=service]'))).to.contain('30 min');
      await expect(el).to.be.accessible();
      ($(el, '[part=service]')!.querySelectorAll('button')[1] as HTMLButtonElement).click();
      await waitUntil(() => stub.of('updateService').length, 'the service');
      expect(stub.of('updateService')[0].args).to.deep.equal(['free', { name: 'Free initial consultation', durationMinutes: 30, price: 'free', active: false }]);
    });

    it('works in Ukrainian', async () => {
      const el = await desk(clinicStub('admin').backend, { lang: 'uk' });
      await waitUntil(() => navButtons(el).length == 4 && text(navButtons(el)[3]) == 'Фахівці', 'Ukrainian');
      el.section = 'specialists';
      await waitUntil(() => $(el, '[part=specialist]'), 'the list');
      expect(text($(el, '#specialists-title'))).to.equal('Фахівці');
    });
  });

  describe('narrow', () => {
  it('works at 320 px', async () => {
    const stub = clinicStub('admin', [booking('b1')]);
    const el = await desk(stub.backend, { width: '320px' });
    el.section = 'bookings';
    await waitUntil(() => $(el, '[part=booking]'), 'the booking');
    expect(el.scrollWidth).to.be.at.most(320);
    await go(el, 'Hours');
    await waitUntil(() => $(el, '.hours form'), 'the hours');
    expect(el.scrollWidth).to.be.at.most(320);
  });
  });
});
