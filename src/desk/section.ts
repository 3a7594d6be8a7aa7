/**
 * What `<hearth-desk>` gives the sections it loads lazily (bookings.ts, hours.ts, specialists.ts),
 * and what a section gives back. Type-only: nothing here reaches a bundle.
 */
import type { html, nothing, TemplateResult } from 'lit-html';
import type { HearthBackend } from '../core/backend.js';
import type { HearthElement } from '../core/hearth-element.js';
import type { User } from '../core/contract.js';
import type { msg, str } from '../core/localization.js';
import type { newKey } from '../core/outbox.js';
import type { wellFormed } from '../core/text.js';
import type { dateLocale } from '../core/date-locale.js';
import type { problemText } from './problems.js';

/**
 * The modules the desk and its sections share, lent by the desk. Imported by the sections, they
 * would make the bundler move them out of the desk's file into a chunk of their own, and the
 * imports and exports between the two cost the inbox-only desk ~450 B gzip (measured with
 * `npm run size`); handed over as one object they cost it ~80 B. It also guarantees one lit-html
 * (`nothing` is a symbol that only its own renderer knows).
 */
export interface Kit {
  html: typeof html;
  nothing: typeof nothing;
  msg: typeof msg;
  str: typeof str;
  newKey: typeof newKey;
  wellFormed: typeof wellFormed;
  dateLocale: typeof dateLocale;
  problemText: typeof problemText;
}

/** The desk's sections: the inbox (eager), and lazy chunks for the rest. */
export type SectionName = 'inbox' | 'bookings' | 'hours' | 'specialists';

/** The signed-in staff member; `specialist` is the specialist id of a specialist account, when the session says it. */
export type DeskUser = User & { specialist?: string | null };

export interface DeskContext {
  /** The desk element: sections render into its shadow root and ask it to update. */
  host: HearthElement;
  backend(): HearthBackend | undefined;
  user(): DeskUser | null | undefined;
  /** Says something through the desk's polite live region. */
  announce(text: string): void;
  /** Every failed request goes here too (a 401 ends the desk's session). */
  failed(error: unknown): void;
  kit: Kit;
}

export interface Section {
  /** The section's pane (called inside the desk's render, so msg() speaks the desk's language). */
  render(): TemplateResult;
  /** Before another section opens: resolves false to stay (unsaved changes kept). */
  leave?(): Promise<boolean>;
}

export type SectionModule = { section(desk: DeskContext): Section };
