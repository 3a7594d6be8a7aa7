/**
 * Spanish translations, keyed by the ids given to `msg()`. Loaded lazily, only by pages (or
 * elements) whose `lang` is `es`. One file per element under es/; every id in the source must
 * appear here: `npm test` checks it.
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';
import { references } from './es/references.js';
import { booking } from './es/booking.js';
import { messages } from './es/messages.js';
import { desk } from './es/desk.js';

export const templates: TemplateMap = { ...references, ...booking, ...messages, ...desk };
