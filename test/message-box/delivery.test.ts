/**
 * The message box's delivery on its own: a DeliveryController on a bare element, a stub backend, and
 * a fake clock (its timers are injected), so retries and backoff are checked by the delay they ask
 * for, without waiting for them.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { HearthElement } from '../../src/core/hearth-element.js';
import type { HearthBackend, MessageCreated, Session } from '../../src/core/backend.js';
import { HearthError } from '../../src/core/errors.js';
import { entriesOf, type OutboxEntry } from '../../src/core/outbox.js';
import { sessionOf } from '../../src/core/session.js';
import { DeliveryController } from '../../src/message-box/delivery.js';
import type { MessageQueuedDetail } from '../../src/events.js';
import { forgetStored } from '../helpers/storage.js';
import { FakeClock } from '../helpers/clock.js';

class DeliveryTestHost extends HearthElement {
  retryDelay = 1000;
}
customElements.define('delivery-test-host', DeliveryTestHost);

const USER = { id: 'u1', name: 'Demo Visitor' };

/** A backend whose sendMessage gives the `answers` in turn (then success), and records each call's key. */
function stub(answers: Array<() => Promise<MessageCreated>> = [], user: typeof USER | null = USER) {
  const keys: string[] = [];
  const state = { user };
  const backend: HearthBackend = {
    getReferences: async () => [],
    getSession: async (): Promise<Session> => ({ user: state.user, loginUrl: 'https://auth.example/login', signupUrl: 'https://auth.example/signup' }),
    sendMessage: (_message, options) => {
      keys.push(options!.idempotencyKey!);
      return answers[keys.length - 1]?.() ?? Promise.resolve({ id: `m${keys.length}`, createdAt: '2026-01-01T00:00:00Z' });
    },
  };
  return { backend, keys, state };
}
const fail = (error: HearthError) => () => Promise.reject(error);
const server = () => fail(new HearthError('server', 'HTTP 503', { status: 503 }));

let boxes = 0;
const hosts: HTMLElement[] = [];

/** A connected host with its controller, reading the outbox of `box`; `hooks` records what it was told. */
async function delivery(backend: HearthBackend, { box = `delivery-test-${++boxes}`, clock = new FakeClock(), retryDelay = 1000 } = {}) {
  const host = document.createElement('delivery-test-host') as DeliveryTestHost;
  host.backend = backend;
  host.retryDelay = retryDelay;
  const told = { restored: [] as OutboxEntry[], sent: 0, refused: [] as HearthError[] };
  const controller = new DeliveryController(
    host,
    {
      restored: (entry) => told.restored.push(entry),
      sent: () => told.sent++,
      refused: (error) => told.refused.push(error),
    },
    clock,
  );
  document.body.append(host);
  hosts.push(host);
  await controller.load(box);
  return { host, controller, clock, told, box };
}

const message = { body: 'Never lose a word', to: 'dr-kovalenko' };

/** While it runs, the browser says it is offline. */
async function offline<T>(run: () => Promise<T>): Promise<T> {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  try {
    return await run();
  } finally {
    delete (navigator as { onLine?: boolean }).onLine;
  }
}

describe('DeliveryController', () => {
  afterEach(async () => {
    hosts.splice(0).forEach((host) => host.remove());
    await forgetStored((box) => box.startsWith('delivery-test-'), 'hearth.draft:');
  });

  it('sends once with an Idempotency-Key, removes the message from the outbox, and says so', async () => {
    const { backend, keys } = stub();
    const { host, controller, told, box } = await delivery(backend);
    expect(controller.phase).to.equal('compose');
    const sent = oneEvent(host, 'hearth-message-sent');
    await controller.send(message, USER.id, 0);
    const { detail } = await sent;
    expect(keys).to.deep.equal([detail.idempotencyKey]);
    expect(controller.phase).to.equal('sent');
    expect(told.sent).to.equal(1);
    expect(await entriesOf(box)).to.deep.equal([]);
  });

  it('waits the least time on the form (on its clock) before the first attempt', async () => {
    const { backend, keys } = stub();
    const { controller, clock } = await delivery(backend);
    const sending = controller.send(message, USER.id, 3000);
    await waitUntil(() => clock.pending.length, 'the wait is on the clock');
    expect(clock.pending).to.deep.equal([3000]);
    expect(controller.phase).to.equal('sending');
    clock.tick(2999);
    expect(keys).to.have.length(0);
    clock.tick(1);
    await sending;
    expect(keys).to.have.length(1);
  });

  it('backs off after failures: doubling from retryDelay, at most a minute, every attempt with the same key', async () => {
    const { backend, keys } = stub([server(), server(), server(), fail(new HearthError('timeout')), server()]);
    const { host, controller, clock, box } = await delivery(backend, { retryDelay: 20_000 });
    const queued: MessageQueuedDetail[] = [];
    host.addEventListener('hearth-message-queued', (e) => queued.push((e as CustomEvent<MessageQueuedDetail>).detail));
    const sent = oneEvent(host, 'hearth-message-sent');
    await controller.send(message, USER.id, 0);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      await waitUntil(() => clock.pending.length == 1 && keys.length == attempt, `attempt ${attempt} failed, the next is scheduled`);
      expect(controller.phase).to.equal('queued');
      delays.push(clock.pending[0]);
      clock.tick(clock.pending[0] - 1);
      expect(keys, 'not before its time').to.have.length(attempt);
      clock.tick(1);
    }
    await sent;
    expect(delays).to.deep.equal([20_000, 40_000, 60_000, 60_000, 60_000]);
    expect(keys).to.have.length(6);
    expect(new Set(keys).size).to.equal(1);
    expect(queued.map((d) => d.idempotencyKey), 'announced once').to.deep.equal([keys[0]]);
    expect(clock.pending).to.deep.equal([]);
    expect(await entriesOf(box)).to.deep.equal([]);
  });

  it('waits for a Retry-After instead, at most an hour', async () => {
    for (const [retryAfter, delay] of [
      [5, 5000],
      [Infinity, 3_600_000],
    ]) {
      const { backend, keys } = stub([fail(new HearthError('rate-limited', 'HTTP 429', { status: 429, retryAfter }))]);
      const { controller, clock } = await delivery(backend);
      await controller.send(message, USER.id, 0);
      await waitUntil(() => clock.pending.length, 'scheduled');
      expect(clock.pending, String(retryAfter)).to.deep.equal([delay]);
      clock.tick(delay);
      await waitUntil(() => controller.phase == 'sent', 'sent after the wait');
      expect(keys[0]).to.equal(keys[1]);
    }
  });

  it('offline: waits in the outbox without a request or a timer, and goes at once when the connection returns', async () => {
    const { backend, keys } = stub();
    const { host, controller, clock, box } = await delivery(backend);
    const queued = oneEvent(host, 'hearth-message-queued');
    await offline(async () => {
      window.dispatchEvent(new Event('offline'));
      await controller.send(message, USER.id, 0);
      expect(((await queued).detail.error as HearthError).kind).to.equal('offline');
    });
    expect(controller.phase).to.equal('queued');
    expect(keys).to.have.length(0);
    expect(clock.pending, 'offline, no backoff timer').to.deep.equal([]);
    expect((await entriesOf(box)).map((e) => e.message.body)).to.deep.equal([message.body]);
    const sent = oneEvent(host, 'hearth-message-sent');
    window.dispatchEvent(new Event('online'));
    await sent;
    expect(keys).to.have.length(1);
  });

  it('never sends twice: an online event or a timer while a request is under way waits for its answer', async () => {
    let answer!: (created: MessageCreated) => void;
    const { backend, keys } = stub([server(), () => new Promise((resolve) => (answer = resolve))]);
    const { host, controller, clock } = await delivery(backend);
    await controller.send(message, USER.id, 0);
    await waitUntil(() => clock.pending.length, 'the first attempt failed');
    clock.tick(1000);
    expect(keys).to.have.length(2); // under way
    window.dispatchEvent(new Event('online'));
    void controller.deliver();
    clock.tick(60_000);
    expect(keys).to.have.length(2);
    const sent = oneEvent(host, 'hearth-message-sent');
    answer({ id: 'm1', createdAt: '2026-01-01T00:00:00Z' });
    await sent;
    window.dispatchEvent(new Event('online'));
    clock.tick(3_600_000);
    void controller.deliver();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('gives up on a refusal (403): held in the outbox, no timer, until Retry (same key) or Edit', async () => {
    const forbidden = fail(new HearthError('forbidden', 'HTTP 403', { status: 403 }));
    const { backend, keys } = stub([forbidden, forbidden]);
    const { host, controller, clock, box } = await delivery(backend);
    const failed = oneEvent(host, 'hearth-message-failed');
    await controller.send(message, USER.id, 0);
    expect(((await failed).detail.error as HearthError).kind).to.equal('forbidden');
    await waitUntil(() => controller.phase == 'failed', 'failed');
    expect(clock.pending).to.deep.equal([]);
    expect((await entriesOf(box))[0].hold).to.be.true;
    window.dispatchEvent(new Event('online'));
    clock.tick(3_600_000);
    expect(keys).to.have.length(1);

    const failedAgain = oneEvent(host, 'hearth-message-failed');
    controller.retry();
    await failedAgain;
    expect(keys).to.deep.equal([keys[0], keys[0]]);
    await waitUntil(() => controller.phase == 'failed', 'failed again');
    controller.drop();
    expect(controller.phase).to.equal('compose');
    await waitUntil(async () => (await entriesOf(box)).length == 0, 'out of the outbox');
  });

  it('422: the message leaves the outbox and goes back to the form (refused), not retried', async () => {
    const invalid = new HearthError('validation', 'HTTP 422', { status: 422, fieldErrors: { body: ['Too odd'] } });
    const { backend, keys } = stub([fail(invalid)]);
    const { host, controller, clock, told, box } = await delivery(backend);
    const failed = oneEvent(host, 'hearth-message-failed');
    await controller.send(message, USER.id, 0);
    await failed;
    expect(told.refused).to.deep.equal([invalid]);
    expect(clock.pending).to.deep.equal([]);
    expect(await entriesOf(box)).to.deep.equal([]);
    expect(keys).to.have.length(1);
  });

  it('401: waits for sign-in with its key, then goes for the same visitor only', async () => {
    const { backend, keys, state } = stub([fail(new HearthError('unauthorized', 'HTTP 401', { status: 401 }))]);
    await sessionOf(backend).refresh();
    const { host, controller, clock, box } = await delivery(backend);
    const failed = oneEvent(host, 'hearth-message-failed');
    await controller.send(message, USER.id, 0);
    await failed;
    await waitUntil(() => controller.phase == 'signin', 'waits for sign-in');
    expect(sessionOf(backend).signedIn, 'signed out for every element').to.be.false;
    expect((await entriesOf(box)).map((e) => [e.key, e.signIn, e.user])).to.deep.equal([[keys[0], true, USER.id]]);
    window.dispatchEvent(new Event('online'));
    clock.tick(3_600_000);
    await controller.deliver();
    expect(keys, 'not before sign-in').to.have.length(1);

    state.user = USER;
    await sessionOf(backend).refresh();
    await controller.deliver();
    expect(keys).to.deep.equal([keys[0], keys[0]]);
    expect(controller.phase).to.equal('sent');
  });

  it('401, then someone else signs in: held, not sent in their name', async () => {
    const { backend, keys, state } = stub([fail(new HearthError('unauthorized', 'HTTP 401', { status: 401 }))]);
    await sessionOf(backend).refresh();
    const { controller, box } = await delivery(backend);
    await controller.send(message, USER.id, 0);
    await waitUntil(() => controller.phase == 'signin', 'waits for sign-in');
    state.user = { id: 'u2', name: 'Someone Else' };
    await sessionOf(backend).refresh();
    await controller.deliver();
    expect(controller.phase).to.equal('failed');
    expect(keys).to.have.length(1);
    expect((await entriesOf(box))[0].hold).to.be.true;
  });

  it('persists across a reload: a new controller restores the waiting message and sends it once, with its key, unannounced', async () => {
    const first = await delivery(stub([fail(new HearthError('timeout'))]).backend, { retryDelay: 60_000 });
    await first.controller.send(message, USER.id, 0);
    await waitUntil(() => first.clock.pending.length, 'queued');
    first.host.remove(); // the tab closes
    expect(first.clock.pending, 'a disconnected host has no timer').to.deep.equal([]);
    const [waiting] = await entriesOf(first.box);

    const { backend, keys } = stub();
    const host = document.createElement('delivery-test-host') as DeliveryTestHost;
    let announced = 0;
    host.addEventListener('hearth-message-queued', () => announced++);
    const sent = oneEvent(host, 'hearth-message-sent');
    host.backend = backend;
    const told: OutboxEntry[] = [];
    const controller = new DeliveryController(host, { restored: (entry) => told.push(entry), sent() {}, refused() {} }, new FakeClock());
    document.body.append(host);
    hosts.push(host);
    await controller.load(first.box);
    expect(told.map((e) => e.message.body)).to.deep.equal([message.body]);
    expect((await sent).detail.idempotencyKey).to.equal(waiting.key);
    expect(keys).to.deep.equal([waiting.key]);
    expect(announced).to.equal(0);
    expect(await entriesOf(first.box)).to.deep.equal([]);
  });

  it('a held message stays held after a reload: failed, not sent', async () => {
    const forbidden = fail(new HearthError('forbidden', 'HTTP 403', { status: 403 }));
    const first = await delivery(stub([forbidden]).backend);
    await first.controller.send(message, USER.id, 0);
    await waitUntil(() => first.controller.phase == 'failed', 'failed');
    first.host.remove();
    const { backend, keys } = stub();
    const again = await delivery(backend, { box: first.box });
    expect(again.controller.phase).to.equal('failed');
    expect(again.told.restored).to.have.length(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(keys).to.have.length(0);
  });
});
