import { expect, html } from '@open-wc/testing';
import { addDays, dayKey, groupByDay, weekQuery } from '../../src/consultation/time.js';
import { $, $$, freezeClock, make, openToTimes, SLOTS, stubBackend, text, thawClock, type } from './helpers.js';

/** Day headings with their times, as the visitor sees them. */
const grid = (el: Parameters<typeof $>[0]) => $$(el, '.day').map((day) => `${text(day.querySelector('[role=rowheader]'))}: ${[...day.querySelectorAll('[part~=slot]')].map(text).join(', ')}`);

describe('<hearth-consultation-button> time zones', () => {
  beforeEach(() => freezeClock());
  afterEach(() => thawClock());

  it('shows the same slots at the right local times in a fixed time-zone', async () => {
    const s = stubBackend();
    const el = await make(s.backend, html`<hearth-consultation-button lang="en-GB" specialist="olena" time-zone="America/New_York" .backend=${s.backend}></hearth-consultation-button>`);
    await openToTimes(el);
    expect(grid(el)).to.deep.equal(['Thursday 26 March: 03:00, 03:30', 'Friday 27 March: 03:00', 'Tuesday 31 March: 02:00']);
    expect(text($(el, '#tz-hint'))).to.equal('Eastern Daylight Time');
    expect($<HTMLInputElement>(el, '#tz')!.value).to.equal('America/New_York');
  });

  it('a week across a daylight-saving change: 09:00 in Kyiv stays 09:00 on both sides, seven days long', async () => {
    const s = stubBackend();
    const el = await make(s.backend, html`<hearth-consultation-button lang="en-GB" specialist="olena" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button>`);
    await openToTimes(el);
    // Thursday and Friday are UTC+2, Tuesday after the change (Sunday 29 March) is UTC+3.
    expect(grid(el)).to.deep.equal(['Thursday 26 March: 09:00, 09:30', 'Friday 27 March: 09:00', 'Tuesday 31 March: 09:00']);
    expect(text($(el, '.week strong'))).to.equal('25 – 31 Mar');
  });

  it('changing the zone re-renders the times and regroups them by local day', async () => {
    const s = stubBackend();
    const el = await make(s.backend, html`<hearth-consultation-button lang="en-GB" specialist="olena" time-zone="Europe/Kyiv" .backend=${s.backend}></hearth-consultation-button>`);
    await openToTimes(el);
    type(el, 'tz', 'Pacific/Auckland');
    $(el, '#tz')!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    // 07:00 UTC on 26 March is 20:00 the same day in Auckland (NZDT, UTC+13); 06:00 UTC on 31 March is 19:00.
    expect(grid(el)).to.deep.equal(['Thursday 26 March: 20:00, 20:30', 'Friday 27 March: 20:00', 'Tuesday 31 March: 19:00']);
    expect(s.availabilityCalls).to.have.length(1);
    expect($(el, '.zone [role=listbox], datalist option[value="Pacific/Auckland"]')).to.exist;
  });

  it('uses the visitor zone when none is given', async () => {
    const s = stubBackend();
    const el = await make(s.backend, html`<hearth-consultation-button specialist="olena" .backend=${s.backend}></hearth-consultation-button>`);
    await openToTimes(el);
    expect($<HTMLInputElement>(el, '#tz')!.value).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('time.ts', () => {
  it('dayKey gives the local calendar date of an instant', () => {
    expect(dayKey('2026-03-26T23:30:00Z', 'Europe/Kyiv')).to.equal('2026-03-27');
    expect(dayKey('2026-03-26T23:30:00Z', 'America/New_York')).to.equal('2026-03-26');
    expect(dayKey('2026-03-26T11:00:00Z', 'Pacific/Kiritimati')).to.equal('2026-03-27');
  });

  it('addDays and weekQuery step over DST and month ends', () => {
    expect(addDays('2026-03-28', 2)).to.equal('2026-03-30');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(weekQuery('2026-03-25')).to.deep.equal({ from: '2026-03-24', to: '2026-04-02' });
  });

  it('groupByDay keeps the seven local days from the start and drops slots outside them', () => {
    const late = { start: '2026-03-24T22:30:00Z', end: '2026-03-24T23:00:00Z' }; // 00:30 on 25 March in Kyiv
    const outside = { start: '2026-04-01T07:00:00Z', end: '2026-04-01T07:30:00Z' };
    const days = groupByDay([late, ...SLOTS, outside], '2026-03-25', 'Europe/Kyiv');
    expect(days.map((d) => [d.key, d.slots.length])).to.deep.equal([
      ['2026-03-25', 1],
      ['2026-03-26', 2],
      ['2026-03-27', 1],
      ['2026-03-31', 1],
    ]);
  });
});
