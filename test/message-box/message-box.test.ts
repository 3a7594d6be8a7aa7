import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys as send } from '@web/test-runner-commands';
import '../../src/define/hearth-message-box.js';
import type { HearthMessageBox } from '../../src/message-box/message-box.js';
import type { HearthBackend, MessageCreated, MessageRequest, Session } from '../../src/core/backend.js';
import { HearthError } from '../../src/core/errors.js';
import { entriesOf } from '../../src/core/outbox.js';
import { REPLY_BOX } from '../../src/desk/reply-delivery.js';
import { forgetStored } from '../helpers/storage.js';
import { sessionOf } from '../../src/core/session.js';
import { HttpBackend } from '../../src/core/http-backend.js';
import { gate, ready, root, sendButton, textarea, type } from './harness.js';

const sendKeys = send as (keys: { press: string } | { down: string } | { up: string }) => Promise<void>;

const USER = { id: 'u1', name: 'Demo Visitor' };
const AUTH = 'https://auth.example';

interface Call {
  message: MessageRequest;
  key?: string;
}

/** A backend stub: the session and every answer of sendMessage are the test's. */
function stub(user: typeof USER | null = USER, answers: Array<() => Promise<MessageCreated>> = []) {
  const calls: Call[] = [];
  const state = { user };
  let n = 0;
  const backend: HearthBackend = {
    getReferences: async () => [],
    getSession: async (): Promise<Session> => ({ user: state.user, loginUrl: `${AUTH}/login`, signupUrl: `${AUTH}/signup` }),
    sendMessage: async (message, options) => {
      calls.push({ message, key: options?.idempotencyKey });
      const answer = answers[n++];
      return answer ? answer() : { id: `m${n}`, createdAt: '2026-01-01T00:00:00Z' };
    },
  };
  const signIn = async (value: typeof USER | null = USER) => {
    state.user = value;
    await sessionOf(backend).refresh();
  };
  return { backend, calls, state, signIn };
}

const fail = (error: HearthError) => () => Promise.reject(error);

/**
 * Makes the outbox's IndexedDB read (getAll) answer only when the returned function is called, as a
 * slow disk would: the element's reading of the outbox stays pending until then.
 */
function holdOutbox(): () => void {
  const proto = IDBObjectStore.prototype;
  const getAll = proto.getAll;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  proto.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
    const request = getAll.apply(this, args);
    Object.defineProperty(request, 'onsuccess', {
      set(handler: () => void) {
        void released.then(() => (request.readyState == 'done' ? handler() : request.addEventListener('success', handler)));
      },
    });
    return request;
  };
  return () => {
    proto.getAll = getAll;
    release();
  };
}

let keys = 0;

/** A message box; events are listened for before it connects (a stub answers at once). */
async function box(backend: HearthBackend, attrs: { key?: string; subject?: boolean; to?: string; lang?: string } = {}) {
  const key = attrs.key ?? `test-${++keys}`;
  const el = await fixture<HearthMessageBox>(
    html`<hearth-message-box .backend=${backend} draft-key=${key} to=${attrs.to ?? 'dr-kovalenko'} ?subject=${attrs.subject} lang=${attrs.lang ?? 'en'} .minTime=${0} .retryDelay=${20}></hearth-message-box>`,
  );
  return { el, key };
}

const status = (el: HearthMessageBox) => root(el).querySelector('[role=status]')!.textContent!.trim();
const buttonNamed = (el: HearthMessageBox, name: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === name);

const storedDraft = (key: string) => JSON.parse(localStorage.getItem(`hearth.draft:${key}`) ?? 'null');

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
const describe_ = (e: Element | null) => `${e?.tagName.toLowerCase()}${e?.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : ''} "${e?.textContent?.trim().slice(0, 40)}"`;
/** Checks, on every frame until `done`, that focus never falls to <body>; returns where it is at the end. */
async function focusKept(done: () => unknown, what: string): Promise<Element | null> {
  const start = Date.now();
  while (!done()) {
    expect(deepActive(), `${what}: focus fell to ${describe_(deepActive())}`).to.not.equal(document.body);
    if (Date.now() - start > 4000) throw new Error(`${what}: timed out`);
    await aTimeout(10);
  }
  expect(deepActive(), `${what}: focus fell to ${describe_(deepActive())}`).to.not.equal(document.body);
  return deepActive();
}

describe('<hearth-message-box>', () => {
  beforeEach(async () => {
    // Not the desk's replies, nor the boxes of the delivery tests (files run side by side on one origin).
    await forgetStored((box) => box !== REPLY_BOX && !box.startsWith('delivery-'), 'hearth.draft:');
  });

  describe('signed out', () => {
    it('lets the visitor write before signing in, and saves the draft as it is typed', async () => {
      const { backend } = stub(null);
      const { el, key } = await box(backend, { subject: true });
      await waitUntil(() => gate(el).shadowRoot!.querySelector('[part~=login]'), 'the gate asks to log in');
      expect(gate(el).shadowRoot!.textContent).to.contain('You need to be logged in to send messages');
      expect(sendButton(el)!.assignedSlot).to.equal(null); // Send is not shown
      type(el, 'Hello', 'input');
      type(el, 'I would like to talk.');
      expect(storedDraft(key)).to.include({ subject: 'Hello', body: 'I would like to talk.' });
      await el.updateComplete;
      expect(root(el).querySelector('#count')!.textContent).to.equal('21 of 5,000 characters');
      await expect(el).to.be.accessible();
    });

    it('says it is not for emergencies, with the page\'s crisis line as a tel: link, and the message field refers to it', async () => {
      const { backend } = stub(null);
      const { el } = await box(backend);
      const notice = () => root(el).querySelector<HTMLElement>('[part~=crisis]')!;
      expect(notice().textContent!.trim()).to.equal('Not for emergencies. In danger now? Call your local emergency number.');
      expect(notice().querySelector('a')).to.equal(null);
      expect(textarea(el).getAttribute('aria-describedby')!.split(' ')).to.include(notice().id);
      el.crisisLine = 'Samaritans 116 123';
      await el.updateComplete;
      expect(notice().textContent!.replace(/\s+/g, ' ').trim()).to.equal('Not for emergencies. In danger now? Call Samaritans 116 123 or your local emergency number.');
      expect(notice().querySelector('a')!.getAttribute('href')).to.equal('tel:116123');
      el.crisisLine = 'your GP';
      await el.updateComplete;
      expect(notice().querySelector('a')).to.equal(null); // no number: no link
      await expect(el).to.be.accessible();
    });

    it('typing in the middle of the text keeps the caret where it is (each render keeps what is typed)', async () => {
      const { backend } = stub(null);
      const { el } = await box(backend);
      await waitUntil(() => !textarea(el).readOnly, 'the draft is read');
      textarea(el).focus();
      for (const key of ['h', 'e', 'l', 'l', 'o', 'ArrowLeft', 'ArrowLeft', 'X', 'Y']) {
        await sendKeys({ press: key });
        await el.updateComplete;
      }
      expect(textarea(el).value).to.equal('helXYlo');
      expect(textarea(el).selectionStart).to.equal(5);
    });

    it('Ctrl+Enter before signing in says to log in, and moves focus to Log in', async () => {
      const { backend, calls } = stub(null);
      const { el } = await box(backend);
      const login = () => gate(el).shadowRoot!.querySelector<HTMLElement>('[part~=login]');
      await waitUntil(() => login() && status(el) == '', 'the gate asks to log in');
      type(el, 'Not yet signed in');
      textarea(el).focus();
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => gate(el).shadowRoot!.activeElement === login(), 'focus on Log in');
      expect(status(el)).to.equal('Log in to send your message. It is kept here.');
      expect(calls).to.have.length(0);
      await expect(el).to.be.accessible();
      // Writing on: the hint goes.
      type(el, 'Not yet signed in, still writing');
      await el.updateComplete;
      expect(status(el)).to.equal('');
    });

    it('keeps the draft through sign-in, then offers "Send now" with focus on it', async () => {
      const { backend, signIn, calls } = stub(null);
      const { el } = await box(backend);
      await waitUntil(() => gate(el).shadowRoot!.querySelector('[part~=login]'), 'the gate asks to log in');
      type(el, 'Written before signing in');
      await signIn();
      await ready(el);
      expect(textarea(el).value).to.equal('Written before signing in');
      expect(sendButton(el)!.textContent).to.equal('Send now');
      await waitUntil(() => root(el).activeElement === sendButton(el), 'Send now has focus');
      await expect(el).to.be.accessible();
      const sent = oneEvent(el, 'hearth-message-sent');
      sendButton(el)!.click();
      await sent;
      expect(calls.map((c) => c.message.body)).to.deep.equal(['Written before signing in']);
    });
  });

  describe('the draft', () => {
    it('survives a re-created element (a reload), with "Send now"', async () => {
      const { backend } = stub();
      const first = await box(backend, { key: 'reload', subject: true });
      await ready(first.el);
      type(first.el, 'Subject line', 'input');
      type(first.el, 'Half a thought');
      first.el.remove();
      const { el } = await box(backend, { key: 'reload', subject: true });
      await ready(el);
      expect(textarea(el).value).to.equal('Half a thought');
      expect(root(el).querySelector('input')!.value).to.equal('Subject line');
      expect(sendButton(el)!.textContent).to.equal('Send now');
    });

    it('is kept apart per draft-key; the default key comes from the page path and `to`', async () => {
      const { backend } = stub();
      const el = await fixture<HearthMessageBox>(html`<hearth-message-box .backend=${backend} to="team"></hearth-message-box>`);
      await ready(el);
      type(el, 'For the team');
      expect(localStorage.getItem(`hearth.draft:${location.pathname}|team`)).to.contain('For the team');
    });
  });

  describe('sending', () => {
    it('sends with an Idempotency-Key, announces the confirmation, clears the draft, and offers Write another', async () => {
      const { backend, calls } = stub();
      const { el, key } = await box(backend, { subject: true });
      await ready(el);
      type(el, '  A subject ', 'input');
      type(el, ' My message ');
      const sent = oneEvent(el, 'hearth-message-sent');
      sendButton(el)!.click();
      await el.updateComplete;
      expect(status(el)).to.equal('Sending your message…');
      expect(textarea(el).readOnly).to.be.true;
      await expect(el).to.be.accessible();
      const event = await sent;
      expect(calls).to.have.length(1);
      expect(calls[0].message).to.deep.equal({ body: 'My message', subject: 'A subject', to: 'dr-kovalenko', pageUrl: location.origin + location.pathname });
      expect(calls[0].key).to.match(/^[0-9a-f-]{32,36}$/);
      expect(event.detail).to.deep.equal({ id: 'm1', createdAt: '2026-01-01T00:00:00Z', idempotencyKey: calls[0].key });
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
      await el.updateComplete;
      expect(status(el)).to.equal('Your message has been sent');
      expect(storedDraft(key)).to.equal(null);
      expect(await entriesOf(key)).to.deep.equal([]);
      await waitUntil(() => root(el).activeElement === buttonNamed(el, 'Write another'), 'focus on Write another');
      await expect(el).to.be.accessible();
      buttonNamed(el, 'Write another')!.click();
      await waitUntil(() => root(el).activeElement === textarea(el), 'focus on the message field');
      expect(textarea(el).value).to.equal('');
      expect(status(el)).to.equal('');
    });

    it('sends with Ctrl+Enter (and Cmd+Enter)', async () => {
      const { backend, calls } = stub();
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Keyboard');
      const sent = oneEvent(el, 'hearth-message-sent');
      textarea(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
      await sent;
      buttonNamed(el, 'Write another')!.click();
      await el.updateComplete;
      type(el, 'Mac');
      const again = oneEvent(el, 'hearth-message-sent');
      textarea(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true, composed: true }));
      await again;
      expect(calls.map((c) => c.message.body)).to.deep.equal(['Keyboard', 'Mac']);
    });

    it('does not send an empty or over-long message, and says why at the field', async () => {
      const { backend, calls } = stub();
      const { el } = await box(backend);
      el.maxLength = 10;
      await ready(el);
      sendButton(el)!.click();
      await waitUntil(() => root(el).activeElement === textarea(el), 'focus on the invalid field');
      expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
      expect(root(el).querySelector('#body-error')!.textContent).to.equal('Write a message');
      expect(status(el)).to.equal('Your message could not be sent: check the fields marked below.');
      await expect(el).to.be.accessible();
      type(el, 'Far too long for ten');
      await el.updateComplete;
      expect(root(el).querySelector('#count')!.textContent).to.equal('10 characters too many');
      sendButton(el)!.click();
      await el.updateComplete;
      expect(root(el).querySelector('#body-error')!.textContent).to.equal('Use at most 10 characters');
      expect(calls).to.have.length(0);
      expect(textarea(el).value).to.equal('Far too long for ten');
    });

    it('gives a bot that fills the honeypot a fake success and sends nothing', async () => {
      const { backend, calls } = stub();
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Buy now');
      root(el).querySelector<HTMLInputElement>('[name=website]')!.value = 'http://spam.example';
      sendButton(el)!.click();
      await el.updateComplete;
      expect(status(el)).to.equal('Your message has been sent');
      await aTimeout(50);
      expect(calls).to.have.length(0);
    });

    it('waits for the minimum time on the form before sending', async () => {
      const { backend, calls } = stub();
      const started = Date.now(); // before the box exists: the minimum time counts from when it was shown
      const { el } = await box(backend);
      el.minTime = 400;
      await ready(el);
      type(el, 'Quick');
      const sent = oneEvent(el, 'hearth-message-sent');
      sendButton(el)!.click();
      await el.updateComplete;
      expect(calls).to.have.length(0);
      expect(status(el)).to.equal('Sending your message…');
      await sent;
      // The wait itself is on the delivery's clock (delivery.test.ts): here, only that it was waited.
      expect(Date.now() - started).to.be.at.least(395); // (timers may fire a millisecond early)
    });
  });

  describe('the outbox', () => {
    it('queues the message when offline and sends it with the same key when the connection returns', async () => {
      const { backend, calls } = stub(USER, [fail(new HearthError('offline'))]);
      const { el, key } = await box(backend);
      el.retryDelay = 60_000; // only the online event brings it back here
      await ready(el);
      type(el, 'Through the tunnel');
      const queued = oneEvent(el, 'hearth-message-queued');
      sendButton(el)!.click();
      const { detail } = await queued;
      expect((detail.error as HearthError).kind).to.equal('offline');
      await el.updateComplete;
      expect(status(el)).to.equal('No internet connection — your message is saved and will be sent when you are back online');
      expect(textarea(el).value).to.equal('Through the tunnel');
      const stored = await entriesOf(key);
      expect(stored.map((e) => e.key)).to.deep.equal([detail.idempotencyKey]);
      expect(storedDraft(key).body).to.equal('Through the tunnel');
      await expect(el).to.be.accessible();
      const sent = oneEvent(el, 'hearth-message-sent');
      window.dispatchEvent(new Event('online'));
      await sent;
      expect(calls.map((c) => c.key)).to.deep.equal([detail.idempotencyKey, detail.idempotencyKey]);
      expect(await entriesOf(key)).to.deep.equal([]);
      expect(storedDraft(key)).to.equal(null);
    });

    it('re-sends after a timeout and 5xx answers on a backoff timer, with the same key, once stored', async () => {
      const { backend, calls } = stub(USER, [fail(new HearthError('server', 'HTTP 503', { status: 503 })), fail(new HearthError('timeout'))]);
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Third time lucky');
      const queued = oneEvent(el, 'hearth-message-queued');
      const sent = oneEvent(el, 'hearth-message-sent');
      sendButton(el)!.click();
      await queued;
      await el.updateComplete;
      expect(status(el)).to.equal('The server could not be reached — your message is saved and will be sent automatically');
      await sent;
      expect(calls).to.have.length(3);
      expect(new Set(calls.map((c) => c.key)).size).to.equal(1);
    });

    it('delivers a queued message by itself in a re-created element (after a reload), exactly once', async () => {
      const offline = stub(USER, [fail(new HearthError('offline'))]);
      const first = await box(offline.backend, { key: 'outbox-reload' });
      first.el.retryDelay = 60_000;
      await ready(first.el);
      type(first.el, 'Written on a train');
      const queued = oneEvent(first.el, 'hearth-message-queued');
      sendButton(first.el)!.click();
      const { detail } = await queued;
      first.el.remove(); // the tab closes

      const online = stub();
      const parent = document.createElement('div');
      document.body.append(parent);
      const sent = oneEvent(parent, 'hearth-message-sent');
      await fixture(html`<hearth-message-box .backend=${online.backend} draft-key="outbox-reload" .minTime=${0}></hearth-message-box>`, { parentNode: parent });
      const event = await sent;
      expect(event.detail.idempotencyKey).to.equal(detail.idempotencyKey);
      expect(online.calls).to.have.length(1);
      expect(online.calls[0].message.body).to.equal('Written on a train');
      await aTimeout(50);
      expect(online.calls).to.have.length(1);
      expect(await entriesOf('outbox-reload')).to.deep.equal([]);
    });

    it('after a reload, the form stays read-only ("Loading…") until the outbox is read: a click then sends nothing under a new key', async () => {
      const offline = stub(USER, [fail(new HearthError('offline'))]);
      const first = await box(offline.backend, { key: 'loading' });
      first.el.retryDelay = 60_000;
      await ready(first.el);
      type(first.el, 'Queued before the reload');
      const queued = oneEvent(first.el, 'hearth-message-queued');
      sendButton(first.el)!.click();
      const { detail } = await queued;
      first.el.remove();

      const release = holdOutbox();
      const online = stub();
      let released = false;
      try {
        const { el } = await box(online.backend, { key: 'loading' });
        await waitUntil(() => gate(el)?.signedIn && sendButton(el), 'signed in, Send shown');
        expect(textarea(el).value).to.equal('Queued before the reload');
        expect(textarea(el).readOnly).to.be.true;
        expect(sendButton(el)!.getAttribute('aria-disabled')).to.equal('true');
        expect(sendButton(el)!.disabled).to.be.false; // focusable: focus is not thrown out
        expect(status(el)).to.equal('Loading…');
        await expect(el).to.be.accessible();
        sendButton(el)!.focus();
        sendButton(el)!.click();
        textarea(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
        await aTimeout(50);
        expect(online.calls).to.have.length(0);
        expect(root(el).activeElement === sendButton(el), 'focus stays on Send').to.be.true;
        const sent = oneEvent(el, 'hearth-message-sent');
        release();
        released = true;
        expect((await sent).detail.idempotencyKey).to.equal(detail.idempotencyKey);
        expect(online.calls.map((c) => c.key)).to.deep.equal([detail.idempotencyKey]);
        await el.updateComplete;
        expect(document.activeElement === el, 'focus never fell to <body>').to.be.true;
        await waitUntil(() => root(el).activeElement?.classList.contains('another'), 'focus on Write another');
      } finally {
        if (!released) release();
      }
    });

    it('shows an offline banner that appears and disappears with the connection', async () => {
      const { backend } = stub();
      const { el } = await box(backend);
      await ready(el);
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        window.dispatchEvent(new Event('offline'));
        await el.updateComplete;
        expect(root(el).querySelector('[part=offline]')!.textContent).to.contain('You are offline');
        await expect(el).to.be.accessible();
        // Sending while offline goes straight to the outbox, without a request.
        type(el, 'Offline words');
        const queued = oneEvent(el, 'hearth-message-queued');
        sendButton(el)!.click();
        await queued;
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
      const sent = oneEvent(el, 'hearth-message-sent');
      window.dispatchEvent(new Event('online'));
      await sent;
      await el.updateComplete;
      expect(root(el).querySelector('[part=offline]')).to.equal(null);
    });
  });

  describe('focus never falls to <body>', () => {
    /** Focuses Send and presses Enter, as a keyboard user does. */
    const pressSend = async (el: HearthMessageBox) => {
      sendButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
    };

    it('a slow send: focus goes to the status while it sends, then to Write another', async () => {
      let answer: ((value: MessageCreated) => void) | undefined;
      const { backend } = stub(USER, [() => new Promise((resolve) => (answer = resolve))]);
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Slowly');
      await pressSend(el);
      await focusKept(() => answer && status(el) == 'Sending your message…', 'while sending');
      await aTimeout(50);
      expect(await focusKept(() => true, 'still sending')).to.equal(root(el).querySelector('[part=status]'));
      answer!({ id: 'm1', createdAt: '2026-01-01T00:00:00Z' });
      const end = await focusKept(() => root(el).activeElement === buttonNamed(el, 'Write another'), 'after sending');
      expect(end).to.equal(buttonNamed(el, 'Write another'));
    });

    it('queued offline: focus stays in the box, on the status that says so', async () => {
      const { backend } = stub(USER, [fail(new HearthError('offline'))]);
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Offline');
      const queued = oneEvent(el, 'hearth-message-queued');
      await pressSend(el);
      await queued;
      await el.updateComplete;
      const end = await focusKept(() => true, 'queued');
      expect(end).to.equal(root(el).querySelector('[role=status]'));
      el.remove();
    });

    it('refused (403): focus goes to Retry', async () => {
      const forbidden = fail(new HearthError('forbidden', 'HTTP 403', { status: 403 }));
      const { backend } = stub(USER, [forbidden, forbidden]);
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Refused');
      await pressSend(el);
      const end = await focusKept(() => buttonNamed(el, 'Retry') && root(el).activeElement == buttonNamed(el, 'Retry'), 'refused');
      expect(end).to.equal(buttonNamed(el, 'Retry'));
      // Retry, refused again: back on Retry.
      const failed = oneEvent(el, 'hearth-message-failed');
      await sendKeys({ press: 'Enter' });
      await failed;
      await focusKept(() => buttonNamed(el, 'Retry') && root(el).activeElement == buttonNamed(el, 'Retry'), 'retried and refused again');
    });

    it('401: focus goes to Log in', async () => {
      const { backend } = stub(USER, [fail(new HearthError('unauthorized', 'HTTP 401', { status: 401 }))]);
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Session ended');
      await pressSend(el);
      const login = () => gate(el).shadowRoot!.querySelector('[part~=login]');
      const end = await focusKept(() => login() && deepActive() == login(), '401');
      expect(end).to.equal(login());
    });
  });

  describe('errors', () => {
    it('401: keeps the entry and its key, says to log in again, and sends by itself with the same key after sign-in', async () => {
      const { backend, calls, signIn } = stub(USER, [fail(new HearthError('unauthorized', 'HTTP 401', { status: 401 }))]);
      const { el, key } = await box(backend);
      await ready(el);
      type(el, 'Before my session ended');
      const failed = oneEvent(el, 'hearth-message-failed');
      sendButton(el)!.focus();
      sendButton(el)!.click();
      const { detail } = await failed;
      expect((detail.error as HearthError).kind).to.equal('unauthorized');
      await waitUntil(() => gate(el).shadowRoot!.querySelector('[part~=login]'), 'the gate asks to log in again');
      await el.updateComplete;
      expect(status(el)).to.equal('Your sign-in has ended. Log in again and your message will be sent: it is kept here.');
      expect(textarea(el).value).to.equal('Before my session ended');
      expect(textarea(el).readOnly).to.be.true;
      expect(storedDraft(key).body).to.equal('Before my session ended');
      expect((await entriesOf(key)).map((e) => [e.key, e.signIn])).to.deep.equal([[detail.idempotencyKey, true]]);
      await waitUntil(() => gate(el).shadowRoot!.activeElement === gate(el).shadowRoot!.querySelector('[part~=login]'), 'focus on Log in');
      await expect(el).to.be.accessible();
      const sent = oneEvent(el, 'hearth-message-sent');
      await signIn();
      expect((await sent).detail.idempotencyKey).to.equal(detail.idempotencyKey);
      expect(calls.map((c) => c.key)).to.deep.equal([detail.idempotencyKey, detail.idempotencyKey]);
      expect(await entriesOf(key)).to.deep.equal([]);
      expect(storedDraft(key)).to.equal(null);
    });

    it('stored, answer lost (502), session ended (401): after sign-in the same key goes again, and the server keeps one message', async () => {
      // A server that stores by Idempotency-Key and replays its first answer, as the contract says.
      const rows = new Map<string, MessageCreated>();
      let lost = 0;
      let signedIn = true;
      const { backend, signIn } = stub(USER);
      const calls: Call[] = [];
      backend.sendMessage = async (message, options) => {
        calls.push({ message, key: options?.idempotencyKey });
        if (!signedIn) throw new HearthError('unauthorized', 'HTTP 401', { status: 401 });
        const key = options!.idempotencyKey!;
        if (!rows.has(key)) rows.set(key, { id: `m${rows.size + 1}`, createdAt: '2026-01-01T00:00:00Z' });
        if (!lost++) {
          signedIn = false; // the 2-hour token expires while the answer is lost
          throw new HearthError('server', 'HTTP 502', { status: 502 });
        }
        return rows.get(key)!;
      };
      const { el, key } = await box(backend);
      await ready(el);
      type(el, 'Stored once, whatever happens');
      const sent = oneEvent(el, 'hearth-message-sent');
      sendButton(el)!.click();
      await waitUntil(() => status(el).startsWith('Your sign-in has ended'), 'asks to log in again');
      expect(await entriesOf(key)).to.have.length(1);
      // No "Send now" that could send it under a new key.
      expect(sendButton(el)).to.equal(null);
      signedIn = true;
      await signIn();
      await sent;
      expect(rows.size).to.equal(1);
      expect(new Set(calls.map((c) => c.key)).size).to.equal(1);
      expect(calls).to.have.length(3);
    });

    it('401, then a reload: the waiting message is kept and goes with its key once signed in', async () => {
      const first = stub(USER, [fail(new HearthError('unauthorized', 'HTTP 401', { status: 401 }))]);
      const { el, key } = await box(first.backend, { key: 'signin-reload' });
      await ready(el);
      type(el, 'Across a reload');
      const failed = oneEvent(el, 'hearth-message-failed');
      sendButton(el)!.click();
      const { detail } = await failed;
      el.remove();

      const later = stub(null);
      const again = await box(later.backend, { key });
      await waitUntil(() => status(again.el).startsWith('Your sign-in has ended'), 'still waiting for sign-in');
      expect(textarea(again.el).value).to.equal('Across a reload');
      expect(later.calls).to.have.length(0);
      const sent = oneEvent(again.el, 'hearth-message-sent');
      await later.signIn();
      expect((await sent).detail.idempotencyKey).to.equal(detail.idempotencyKey);
      expect(later.calls.map((c) => c.key)).to.deep.equal([detail.idempotencyKey]);
    });

    it('401, then someone else signs in: the message is not sent in their name; it waits, failed, for Retry or Edit', async () => {
      const { backend, calls, signIn } = stub(USER, [fail(new HearthError('unauthorized', 'HTTP 401', { status: 401 }))]);
      const { el, key } = await box(backend);
      await ready(el);
      type(el, 'Only mine');
      const failed = oneEvent(el, 'hearth-message-failed');
      sendButton(el)!.click();
      await failed;
      await waitUntil(() => status(el).startsWith('Your sign-in has ended'));
      await signIn({ id: 'u2', name: 'Someone Else' });
      await waitUntil(() => buttonNamed(el, 'Edit'), 'Retry and Edit');
      expect(calls).to.have.length(1);
      expect((await entriesOf(key))[0].hold).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('422: shows the field errors from the server', async () => {
      const error = new HearthError('validation', 'HTTP 422', { status: 422, fieldErrors: { body: ['Remove the null characters'], subject: ['Use a single line'] } });
      const { backend } = stub(USER, [fail(error)]);
      const { el } = await box(backend, { subject: true });
      await ready(el);
      type(el, 'Body');
      const failed = oneEvent(el, 'hearth-message-failed');
      sendButton(el)!.click();
      expect((await failed).detail.error).to.equal(error);
      await waitUntil(() => root(el).activeElement === root(el).querySelector('input'), 'focus on the first invalid field');
      expect(root(el).querySelector('#subject-error')!.textContent).to.equal('Use a single line');
      expect(root(el).querySelector('#body-error')!.textContent).to.equal('Remove the null characters');
      expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
      expect(textarea(el).readOnly).to.be.false;
      await expect(el).to.be.accessible();
      type(el, 'Fixed');
      await el.updateComplete;
      expect(root(el).querySelector('#body-error')!.textContent).to.equal('');
    });

    it('429 with a Retry-After past setTimeout\'s range: waits (at most an hour), does not resend at once', async () => {
      for (const retryAfter of [2_147_484, Infinity]) {
        const { backend, calls } = stub(USER, [fail(new HearthError('rate-limited', 'HTTP 429', { status: 429, retryAfter }))]);
        const { el } = await box(backend);
        await ready(el);
        type(el, 'Patience');
        const queued = oneEvent(el, 'hearth-message-queued');
        sendButton(el)!.click();
        await queued;
        await el.updateComplete;
        // The hour on the timer is checked on a fake clock (delivery.test.ts); here: nothing went at once.
        expect(calls, String(retryAfter)).to.have.length(1);
        expect(status(el)).to.equal('You have sent several messages in a short time. Your message is saved and will be sent in 3600 seconds.');
        el.remove();
      }
    });

    it('422 on a field named `constructor` (through the HTTP client): an explained refusal, the text kept, not retried', async () => {
      const requests: string[] = [];
      const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
        requests.push(`${init.method} ${new URL(String(input)).pathname}`);
        return String(input).endsWith('/session')
          ? new Response(JSON.stringify({ user: USER, loginUrl: `${AUTH}/login`, signupUrl: `${AUTH}/signup` }), { headers: { 'Content-Type': 'application/json' } })
          : new Response('{"status":422,"errors":{"constructor":["Not accepted"]}}', { status: 422, headers: { 'Content-Type': 'application/problem+json' } });
      };
      const backend = new HttpBackend({ baseUrl: `${AUTH}/api`, fetch });
      const { el, key } = await box(backend);
      await ready(el);
      type(el, 'Hostile server');
      const failed = oneEvent(el, 'hearth-message-failed');
      sendButton(el)!.focus();
      sendButton(el)!.click();
      const error = (await failed).detail.error as HearthError;
      expect(error.kind).to.equal('validation');
      await waitUntil(() => root(el).activeElement === textarea(el), 'focus on the message');
      expect(status(el)).to.equal('The server did not accept your message. It is kept here: change it, then send it again.');
      expect(textarea(el).value).to.equal('Hostile server');
      expect(textarea(el).readOnly).to.be.false;
      await aTimeout(200);
      expect(requests.filter((r) => r.startsWith('POST'))).to.have.length(1);
      expect(await entriesOf(key)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('sends well-formed strings: a lone surrogate becomes U+FFFD', async () => {
      const { backend, calls } = stub();
      const { el } = await box(backend, { subject: true });
      await ready(el);
      type(el, 'Half an emoji \uD83D', 'input');
      type(el, '\uDE00 and the other half');
      const sent = oneEvent(el, 'hearth-message-sent');
      sendButton(el)!.click();
      await sent;
      expect(calls[0].message.subject).to.equal('Half an emoji \uFFFD');
      expect(calls[0].message.body).to.equal('\uFFFD and the other half');
    });

    it('429: waits for Retry-After, says so, then sends with the same key', async () => {
      const { backend, calls } = stub(USER, [fail(new HearthError('rate-limited', 'HTTP 429', { status: 429, retryAfter: 1 }))]);
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Slow down');
      const queued = oneEvent(el, 'hearth-message-queued');
      const sent = oneEvent(el, 'hearth-message-sent');
      const started = Date.now();
      sendButton(el)!.click();
      await queued;
      await el.updateComplete;
      expect(status(el)).to.equal('You have sent several messages in a short time. Your message is saved and will be sent in 1 seconds.');
      await sent;
      expect(Date.now() - started).to.be.greaterThan(900);
      expect(calls[0].key).to.equal(calls[1].key);
    });

    it('other refusals: failed, with Retry (same key) and Edit; the entry waits in the outbox, held', async () => {
      const forbidden = new HearthError('forbidden', 'HTTP 403', { status: 403 });
      const { backend, calls } = stub(USER, [fail(forbidden), fail(forbidden)]);
      const { el, key } = await box(backend);
      await ready(el);
      type(el, 'Refused');
      const failed = oneEvent(el, 'hearth-message-failed');
      sendButton(el)!.click();
      await failed;
      await waitUntil(() => buttonNamed(el, 'Retry'), 'Retry');
      expect(status(el)).to.equal('Your message could not be sent. It is kept here: try again, or edit it.');
      expect((await entriesOf(key))[0].hold).to.be.true;
      await expect(el).to.be.accessible();

      // A reload shows the held message as failed, without sending it.
      el.remove();
      const again = await box(backend, { key });
      await waitUntil(() => buttonNamed(again.el, 'Retry'), 'Retry after the reload');
      expect(textarea(again.el).value).to.equal('Refused');
      expect(calls).to.have.length(1);

      const failedAgain = oneEvent(again.el, 'hearth-message-failed');
      buttonNamed(again.el, 'Retry')!.click();
      await failedAgain;
      expect(calls.map((c) => c.key)).to.deep.equal([calls[0].key, calls[0].key]);
      await waitUntil(() => buttonNamed(again.el, 'Edit'), 'Edit');
      buttonNamed(again.el, 'Edit')!.click();
      await waitUntil(() => root(again.el).activeElement === textarea(again.el), 'back to the form');
      expect(textarea(again.el).readOnly).to.be.false;
      expect(await entriesOf(key)).to.deep.equal([]);
      const sent = oneEvent(again.el, 'hearth-message-sent');
      sendButton(again.el)!.click();
      await sent;
      expect(calls[2].key).to.not.equal(calls[0].key); // a new press of Send, a new message
    });

    it('401 from a backend that cannot say who is signed in (no getSession): failed, with Retry under the same key', async () => {
      const calls: Call[] = [];
      let n = 0;
      const backend: HearthBackend = {
        getReferences: async () => [],
        sendMessage: async (message, options) => {
          calls.push({ message, key: options?.idempotencyKey });
          if (!n++) throw new HearthError('unauthorized', 'HTTP 401', { status: 401 });
          return { id: 'm1', createdAt: '2026-01-01T00:00:00Z' };
        },
      };
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Own sign-in');
      sendButton(el)!.click();
      await waitUntil(() => buttonNamed(el, 'Retry'), 'Retry');
      await expect(el).to.be.accessible();
      const sent = oneEvent(el, 'hearth-message-sent');
      buttonNamed(el, 'Retry')!.click();
      await sent;
      expect(calls.map((c) => c.key)).to.deep.equal([calls[0].key, calls[0].key]);
    });

    it('a backend without sendMessage fails clearly', async () => {
      const backend: HearthBackend = { getReferences: async () => [] };
      const { el } = await box(backend);
      await ready(el);
      type(el, 'Nowhere to go');
      const failed = oneEvent(el, 'hearth-message-failed');
      sendButton(el)!.click();
      expect(((await failed).detail.error as HearthError).kind).to.equal('bad-request');
    });
  });

  it('works with an `api` backend (the shared HTTP client behind a Proxy), here one that does not answer', async () => {
    const el = await fixture<HearthMessageBox>(html`<hearth-message-box api="/no-such-api" draft-key="api"></hearth-message-box>`);
    await waitUntil(() => gate(el)?.shadowRoot!.textContent!.includes('We could not check whether you are signed in.'), 'the gate says so', { timeout: 4000 });
    type(el, 'Still kept');
    expect(storedDraft('api').body).to.equal('Still kept');
  });

  it('speaks Ukrainian under lang="uk"', async () => {
    const { backend } = stub(null);
    const { el } = await box(backend, { lang: 'uk', subject: true });
    await waitUntil(() => root(el).querySelector('label[for=body]')?.textContent === 'Повідомлення', 'Ukrainian labels');
    await waitUntil(() => gate(el)?.shadowRoot!.querySelector('[part~=login]')?.textContent === 'Увійти', 'a Ukrainian gate');
    expect(gate(el).shadowRoot!.textContent).to.contain('Щоб надсилати повідомлення, потрібно увійти');
    await expect(el).to.be.accessible();
  });

  it('changes language in place: the gate follows the box, and focus stays on Log in', async () => {
    const { backend } = stub(null);
    const { el } = await box(backend);
    const login = () => gate(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~=login]');
    await waitUntil(() => login()?.textContent === 'Log in', 'the gate asks to log in');
    const before = gate(el);
    login()!.focus();
    el.setAttribute('lang', 'uk');
    await waitUntil(() => root(el).querySelector('label[for=body]')?.textContent === 'Повідомлення', 'a Ukrainian box');
    await waitUntil(() => login()?.textContent === 'Увійти', 'a Ukrainian gate');
    expect(gate(el) === before, 'the same gate').to.be.true;
    expect(gate(el).shadowRoot!.activeElement === login(), 'focus stays on Log in').to.be.true;
    el.setAttribute('lang', 'en');
    await waitUntil(() => login()?.textContent === 'Log in', 'English again');
  });
});
