/**
 * hearth-widgets: defines every element (the side-effect entry behind `dist/hearth.js`) and
 * exports their classes and the core API for TypeScript users.
 */
import './define/hearth-provider.js';
import './define/hearth-references.js';
import './define/hearth-cite.js';
import './define/hearth-login-gate.js';
import './define/hearth-message-box.js';
import './define/hearth-consultation-button.js';

export { HearthProvider } from './provider/provider.js';
export { HearthReferences } from './references/references.js';
export type { Entry, Sort } from './references/references.js';
export { HearthCite } from './references/cite.js';
export { HearthLoginGate } from './login-gate/login-gate.js';
export { HearthMessageBox } from './message-box/message-box.js';
export { HearthConsultationButton } from './consultation/consultation-button.js';
export { HearthDesk } from './desk/desk.js';
export type { Filter as DeskFilter } from './desk/inbox.js';
export type { BookingPrefill } from './consultation/consultation-button.js';
export { clearOutbox } from './core/outbox.js';
export { HearthElement } from './core/hearth-element.js';
export { HttpBackend, httpBackend } from './core/http-backend.js';
export { HearthError, isHearthError } from './core/errors.js';
export type { HearthErrorKind, ProblemDetails } from './core/errors.js';
export type { HearthBackend, RequestOptions, WriteOptions, CslItem, CslName, CslDate, AvailabilityQuery } from './core/backend.js';
export type { Session, User, MessageRequest, MessageCreated, Specialist, Slot, Availability, BookingRequest, BookingCreated, ManagedBooking } from './core/contract.js';
export { formatApa } from './references/format/apa.js';
export { apa } from './references/format/apa-style.js';
export { mla } from './references/format/mla.js';
export { chicago } from './references/format/chicago.js';
export { harvard } from './references/format/harvard.js';
export { ieee } from './references/format/ieee.js';
export { vancouver } from './references/format/vancouver.js';
export type { CitationStyle, Cite, CitePiece } from './references/format/style.js';
export { parseBibtex } from './references/parse/bibtex.js';
export type { ParseResult, ParseIssue } from './references/parse/bibtex.js';
export { parseRis } from './references/parse/ris.js';
export { toBibtex } from './references/export/bibtex.js';
export { toRis } from './references/export/ris.js';
export { coins } from './references/export/coins.js';
export { sortItems, normalizeItems } from './references/format/common.js';
export { toPlainText } from './references/format/plain.js';
export type { Run } from './references/format/common.js';
export type * from './events.js';
