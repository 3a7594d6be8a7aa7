/**
 * The booking flow's choices: whom to talk to (without a `specialist` attribute) and what to book
 * (without a `service` attribute, when the specialist offers several). Each is a list of buttons:
 * one Tab stop each, Enter or Space chooses and moves focus to the next step's heading.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { msg, str } from '../core/localization.js';
import type { Flow } from './flow.js';
import type { Loaded } from './loading.js';
import { about, backButton, dtf, minutes, price, problem, skeleton } from './parts.js';

/** A list to choose from once loaded: a skeleton before, the error with Retry when it failed. */
function list<T extends { id: string }>(f: Flow, loaded: Loaded<T[]>, retry: () => void, current: string | undefined, choose: (item: T) => void, label: (item: T) => unknown) {
  if (loaded.error !== undefined) return problem(f, loaded.error, retry);
  if (!loaded.data) return skeleton(2);
  return html`<ul class="choices">
    ${loaded.data.map(
      (item) =>
        html`<li>
          <button part=${item.id == current ? 'choice selected' : 'choice'} type="button" aria-current=${item.id == current ? 'true' : nothing} @click=${() => choose(item)}>${label(item)}</button>
        </li>`,
    )}
  </ul>`;
}

/** Language tags as names in the element's language ("Ukrainian, English"); tags it cannot name stay tags. */
function languages(f: Flow, tags: string[]): string {
  const names = new Intl.DisplayNames(f.lang, { type: 'language' });
  try {
    return tags.map((tag) => names.of(tag)).join(', ');
  } catch {
    return tags.join(', '); // a malformed tag
  }
}

export function who(f: Flow): TemplateResult {
  const time = dtf(f, { dateStyle: 'full', timeStyle: 'short' });
  return html`${about()}
  ${list(f, f.people!, f.loadPeople, f.specialist?.id, (s) => f.choose(s), (s) => {
    const spoken = s.languages?.length ? languages(f, s.languages) : '';
    const next = s.nextFree;
    return html`<strong>${s.name}</strong> <span>${s.title}</span>
      ${spoken ? html`<span>${msg(str`Speaks ${spoken}`, { id: 'booking.languages' })}</span>` : nothing}
      ${next === undefined
        ? nothing
        : html`<span
            >${next
              ? msg(str`Next free time: ${time.format(Date.parse(next))}`, { id: 'booking.nextFree' })
              : msg('No free times in the next weeks', { id: 'booking.noneFree' })}</span
          >`}`;
  })}`;
}

export function services(f: Flow): TemplateResult {
  return html`${list(f, f.services!, f.loadServices, f.service?.id, (v) => f.chooseService(v), (v) => html`<strong>${v.name}</strong>
      <span>${[minutes(f, v.durationMinutes), price(v.price)].filter(Boolean).join(' · ')}</span>`)}
    <div class="actions">${backButton(f)}</div>`;
}
