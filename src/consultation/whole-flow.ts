/**
 * Size check only (scripts/size.mjs): the button and the booking flow bundled together, so the
 * budget for "the whole flow" counts every byte a visitor who books has loaded.
 */
import '../define/hearth-consultation-button.js';
export { Flow } from './flow.js';
