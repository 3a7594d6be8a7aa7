/**
 * French translations, keyed by the ids given to `msg()`. Loaded lazily, only by pages (or
 * elements) whose `lang` is `fr`. One file per element under fr/; every id in the source must
 * appear here: `npm test` checks it. Formal address ("vous") throughout, as a practice writes to
 * its clients; French spacing (no-break spaces before : ; ? ! and inside « »).
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';
import { references } from './fr/references.js';
import { booking } from './fr/booking.js';
import { messages } from './fr/messages.js';
import { desk } from './fr/desk.js';

export const templates: TemplateMap = { ...references, ...booking, ...messages, ...desk };
