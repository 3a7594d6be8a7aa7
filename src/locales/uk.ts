/**
 * Ukrainian translations, keyed by the ids given to `msg()`. Loaded lazily, only by pages (or
 * elements) whose `lang` is `uk`. One file per element under uk/; every id in the source must
 * appear here: `npm test` checks it.
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';
import { references } from './uk/references.js';
import { booking } from './uk/booking.js';
import { messages } from './uk/messages.js';
import { desk } from './uk/desk.js';

export const templates: TemplateMap = { ...references, ...booking, ...messages, ...desk };
