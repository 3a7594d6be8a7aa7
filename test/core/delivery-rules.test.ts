/**
 * One set of rules, two outboxes: the message box's DeliveryController and the desk's ReplyDelivery
 * must treat every failure kind alike (a visitor's message and a therapist's reply are both "never
 * lost, never stored twice"). They are separate controllers because they ship in separate bundles;
 * this table keeps them from drifting apart (the `unreachable` kind was once added to one only).
 * `Record<HearthErrorKind, …>`: a new kind does not compile until its rule is written here.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { HearthElement } from '../../src/core/hearth-element.js';
import type { HearthBackend, MessageCreated, Session } from '../../src/core/backend.js';
import { HearthError, type HearthErrorKind } from '../../src/core/errors.js';
import { entriesOf, type OutboxEntry } from '../../src/core/outbox.js';
import { sessionOf } from '../../src/core/session.js';
import { DeliveryController } from '../../src/message-box/delivery.js';
import { REPLY_BOX, ReplyDelivery, type ReplyEntry } from '../../src/desk/reply-delivery.js';
import { forgetReplies, forgetStored } from '../helpers/storage.js';
import { FakeClock } from '../helpers/clock.js';

/** What happens to the waiting message after one failure of a kind. */
type Rule =
  /** Stays in the outbox and goes again by itself, with the same key. */
  | 'retried'
  /** Stays in the outbox with its key until the same person has signed in again. */
  | 'waits for sign-in'
  /** Leaves the outbox (nothing was stored); the text goes back to be changed. */
  | 'given back'
  /** Stays in the outbox, held for Retry (same key) or Edit. */
  | 'held';

const RULES: Record<HearthErrorKind, Rule> = {
  offline: 'retried',
  unreachable: 'retried',
  timeout: 'retried',
  server: 'retried',
  'rate-limited': 'retried',
  unauthorized: 'waits for sign-in',
  validation: 'given back',
  forbidden: 'held',
  'not-found': 'held',
  conflict: 'held',
  'bad-request': 'held',
  malformed: 'held',
};

const USER = { id: 'rules-user', name: 'Rules' };
const session = async (): Promise<Session> => ({ user: USER, loginUrl: 'https://auth.example/login', signupUrl: 'https://auth.example/signup' });
const created: MessageCreated = { id: 'm1', createdAt: '2026-01-01T00:00:00Z' };

/** A backend whose first send fails with `error`, then succeeds; it records every key it was sent. */
function failingOnce(error: HearthError) {
  const keys: string[] = [];
  const answer = (key?: string) => {
    keys.push(key!);
    return keys.length === 1 ? Promise.reject(error) : Promise.resolve(created);
  };
  const backend: HearthBackend = {
    getReferences: async () => [],
    getSession: session,
    sendMessage: (_message, options) => answer(options?.idempotencyKey),
    replyToConversation: (_id, _reply, options) => answer(options?.idempotencyKey),
  };
  return { backend, keys };
}

class RulesHost extends HearthElement {
  retryDelay = 1000;
}
customElements.define('delivery-rules-host', RulesHost);

/** What an outbox did after the first failure: its rule, read from the outbox and the attempts. */
interface Outcome {
  rule: Rule | 'unknown';
  /** Every attempt, the retry included, went with one key. */
  oneKey: boolean;
}

function ruleOf(entry: OutboxEntry | undefined, retriedAlone: boolean): Outcome['rule'] {
  if (!entry) return 'given back';
  if (entry.signIn) return 'waits for sign-in';
  if (entry.hold) return 'held';
  return retriedAlone ? 'retried' : 'unknown';
}

const hosts: HTMLElement[] = [];
/** The desk conversations this file wrote replies to (forgotten after each test). */
const conversations: string[] = [];
let boxes = 0;

/** The message box's outbox, after one failure of `error`'s kind. */
async function messageBoxOutcome(error: HearthError): Promise<Outcome> {
  const { backend, keys } = failingOnce(error);
  const host = document.createElement('delivery-rules-host') as RulesHost;
  host.backend = backend;
  const clock = new FakeClock();
  const controller = new DeliveryController(host, { restored: () => undefined, sent: () => undefined, refused: () => undefined }, clock);
  document.body.append(host);
  hosts.push(host);
  const box = `delivery-rules-${++boxes}`;
  await controller.load(box);
  await controller.send({ body: 'A message', to: 'someone' }, USER.id, 0); // until the first attempt is answered
  const [entry] = await entriesOf(box);
  clock.tick(3_600_000); // every backoff (and Retry-After) is over
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { rule: ruleOf(entry, keys.length === 2), oneKey: new Set(keys).size === 1 };
}

/** The desk's outbox, after one failure of `error`'s kind. */
async function deskOutcome(error: HearthError): Promise<Outcome> {
  const { backend, keys } = failingOnce(error);
  const host = document.createElement('delivery-rules-host') as RulesHost;
  const conversation = `rules-${++boxes}`;
  conversations.push(conversation);
  const delivery = new ReplyDelivery(host, { backend: () => backend, session: () => sessionOf(backend), sent: () => undefined });
  delivery.retryDelay = 10; // the desk's timers are the page's: the shortest backoff
  document.body.append(host);
  hosts.push(host);
  delivery.start(USER.id);
  await waitUntil(() => delivery.ready, 'the outbox is read');
  delivery.input(conversation, 'A reply');
  await delivery.send(conversation);
  const entry = ((await entriesOf(REPLY_BOX)) as ReplyEntry[]).find((e) => e.conversation === conversation);
  await new Promise((resolve) => setTimeout(resolve, 100)); // the first backoff is over
  return { rule: ruleOf(entry, keys.length === 2), oneKey: new Set(keys).size === 1 };
}

describe('delivery rules: the message box and the desk agree on every failure kind', () => {
  afterEach(async () => {
    hosts.splice(0).forEach((host) => host.remove());
    await forgetStored((box) => box.startsWith('delivery-rules-'), 'hearth.draft:');
    await forgetReplies(...conversations.splice(0));
  });

  for (const [kind, rule] of Object.entries(RULES) as [HearthErrorKind, Rule][]) {
    it(`${kind}: ${rule}, with one key`, async () => {
      const error = () => new HearthError(kind, kind, { status: 400, fieldErrors: { body: ['Not like this'] }, retryAfter: 0 });
      expect(await messageBoxOutcome(error()), 'the message box').to.deep.equal({ rule, oneKey: true });
      expect(await deskOutcome(error()), 'the desk').to.deep.equal({ rule, oneKey: true });
    });
  }
});
