/**
 * Arabic (Modern Standard) translations, keyed by the ids given to `msg()`. Loaded lazily, only by
 * pages (or elements) whose `lang` is `ar`. One file per element under ar/; every id in the source
 * must appear here: `npm test` checks it.
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';
import { references } from './ar/references.js';
import { booking } from './ar/booking.js';
import { messages } from './ar/messages.js';
import { desk } from './ar/desk.js';

export const templates: TemplateMap = { ...references, ...booking, ...messages, ...desk };
