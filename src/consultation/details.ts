/**
 * The visitor's details: what the form holds and the check made before confirming (the server
 * checks again; its 422 lands on the same fields, see submission.ts).
 */
import { msg } from '../core/localization.js';

export interface Details {
  name: string;
  email: string;
  phone: string;
  note: string;
  consent: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +()-]*$/;

/** The message of each field that cannot be sent as it is (none: on to confirm), in the current language. */
export function detailErrors(d: Details): Record<string, string> {
  const e: Record<string, string> = Object.create(null);
  if (!d.name.trim()) e.name = msg('Enter your name.', { id: 'booking.error.name' });
  if (!d.email.trim()) e.email = msg('Enter your email address.', { id: 'booking.error.email' });
  else if (!EMAIL.test(d.email.trim())) e.email = msg('Enter an email address like name@example.com.', { id: 'booking.error.emailFormat' });
  if (!PHONE.test(d.phone)) e.phone = msg('Use only digits, spaces and + ( ) -.', { id: 'booking.error.phone' });
  if (!d.consent) e.consent = msg('To book, agree to the use of your details for this consultation.', { id: 'booking.error.consent' });
  return e;
}
