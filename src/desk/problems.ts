import { isHearthError } from '../core/errors.js';
import { msg } from '../core/localization.js';

/** What went wrong, and what to do, for a failed desk request (call while rendering). */
export function problemText(error: unknown): string {
  switch (isHearthError(error) && error.kind) {
    case 'offline':
      return msg('You are offline. Check your connection, then try again.', { id: 'desk.problem.offline' });
    case 'unreachable':
    case 'timeout':
      return msg('Could not reach the server. Try again later.', { id: 'desk.problem.unreachable' });
    case 'unauthorized':
      return msg('Your sign-in has ended. Sign in again.', { id: 'desk.problem.unauthorized' });
    case 'forbidden':
      return msg('Your account may not do this.', { id: 'desk.problem.forbidden' });
    case 'not-found':
      return msg('This conversation is no longer there.', { id: 'desk.problem.notFound' });
    case 'rate-limited':
      return msg('Too many requests in a short time. Wait a moment, then try again.', { id: 'desk.problem.rateLimited' });
    case 'validation':
      return msg('The server did not accept this. Check what you entered.', { id: 'desk.problem.validation' });
  }
  return msg('Something went wrong. Try again in a moment.', { id: 'desk.problem.other' });
}
