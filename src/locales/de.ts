/**
 * German translations, keyed by the ids given to `msg()`. Loaded lazily, only by pages (or
 * elements) whose `lang` is `de`. One file per element under de/; every id in the source must
 * appear here: `npm test` checks it. Formal address ("Sie") throughout, as a practice writes to
 * its clients.
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';
import { references } from './de/references.js';
import { booking } from './de/booking.js';
import { messages } from './de/messages.js';
import { desk } from './de/desk.js';

export const templates: TemplateMap = { ...references, ...booking, ...messages, ...desk };
