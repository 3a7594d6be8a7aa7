// Conversation ids here (ra, rb) differ from the other desk tests': test files run side by side in pages of one origin, which share the outbox (IndexedDB).
import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { HearthError } from '../../src/core/errors.js';
import { entriesOf } from '../../src/core/outbox.js';
import { sessionOf } from '../../src/core/session.js';
import { REPLY_BOX } from '../../src/desk/reply-delivery.js';
import { conversation, deskStub, ME, reject } from './stub.js';
import { $, button, desk, focused, openRow, replyStatus, rows, setOnline, textarea, threadReady, type } from './helpers.js';
import { forgetReplies } from '../helpers/storage.js';
import type { HearthDesk } from '../../src/desk/desk.js';

const messages = (el: HearthDesk) => [...el.shadowRoot!.querySelectorAll('[part~=message] .body')].map((m) => m.textContent);
/** Signed in as a specialist of this file's own: other files' desks never deliver its replies. */
const REPLIER = { id: 'u-olena-replies', name: ME.name };
const draft = (conversation: string) => localStorage.getItem(`hearth.desk-draft:${REPLIER.id}|${conversation}`);
const send = (el: HearthDesk) => button(el, 'Send reply')!.click();

describe('<hearth-desk> replies', () => {
  beforeEach(async () => {
    await forgetReplies('ra', 'rb');
  });
  afterEach(() => setOnline(true));

  it('sends a reply once: it shows in the thread once, also when the live event arrives; focus stays in the composer', async () => {
    const stub = deskStub('specialist', [conversation('ra', { body: 'I would like to talk about sleep' })], REPLIER);
    const el = await desk(stub.backend);
    await openRow(el);
    textarea(el).focus();
    type(el, 'Of course — shall we book a time?');
    expect(draft('ra')).to.equal('Of course — shall we book a time?');
    const sent = oneEvent(el, 'hearth-desk-reply-sent');
    send(el);
    const { detail } = await sent;
    expect(detail.conversationId).to.equal('ra');
    await el.updateComplete;
    expect(messages(el)).to.deep.equal(['I would like to talk about sleep', 'Of course — shall we book a time?']);
    expect(replyStatus(el)).to.equal('Your reply has been sent');
    expect(textarea(el).value).to.equal('');
    expect(draft('ra')).to.equal(null);
    expect(focused(el)).to.equal(textarea(el));
    stub.listener!.event({ type: 'conversation.message', conversationId: 'a', messageId: detail.id });
    await aTimeout(30);
    await el.updateComplete;
    expect(messages(el)).to.deep.equal(['I would like to talk about sleep', 'Of course — shall we book a time?']);
    expect(stub.replies).to.have.length(1);
    expect(stub.replies[0].key).to.equal(detail.idempotencyKey);
    await expect(el).to.be.accessible();
  });

  it('keeps the draft per conversation and restores it after a reload', async () => {
    const stub = deskStub('specialist', [conversation('ra'), conversation('rb')], REPLIER);
    const first = await desk(stub.backend);
    await openRow(first, 1);
    type(first, 'Half a thought');
    await openRow(first, 0);
    expect(textarea(first).value).to.equal('');
    first.remove();
    const second = await desk(stub.backend);
    await second.updateComplete;
    await openRow(second, 1);
    expect(rows(second)[1].dataset.id).to.equal('ra');
    expect(textarea(second).value).to.equal('Half a thought');
  });

  it('does not send an empty reply: says so, and focus stays in the composer', async () => {
    const stub = deskStub('specialist', [conversation('ra')], REPLIER);
    const el = await desk(stub.backend);
    await openRow(el);
    button(el, 'Send reply')!.focus();
    send(el);
    await waitUntil(() => $(el, '#reply-error')!.textContent == 'Write a reply first', 'the error');
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(textarea(el));
    expect(stub.replies).to.have.length(0);
  });

  it('offline: queued (read-only, saved), then sent once with the same key when the connection returns', async () => {
    const stub = deskStub('specialist', [conversation('ra')], REPLIER);
    const el = await desk(stub.backend);
    el.retryDelay = 60_000; // only the online event brings it back here
    await openRow(el);
    setOnline(false);
    type(el, 'Through the tunnel');
    const queued = oneEvent(el, 'hearth-desk-reply-queued');
    send(el);
    const { detail } = await queued;
    expect((detail.error as HearthError).kind).to.equal('offline');
    await el.updateComplete;
    expect(replyStatus(el)).to.equal('No internet connection — your reply is saved and will be sent when you are back online');
    expect(textarea(el).readOnly).to.equal(true);
    expect(stub.replies).to.have.length(0);
    expect((await entriesOf(REPLY_BOX)).map((e) => e.key)).to.deep.equal([detail.idempotencyKey]);
    await expect(el).to.be.accessible();
    send(el); // read-only while it waits: no second key
    const sent = oneEvent(el, 'hearth-desk-reply-sent');
    setOnline(true);
    expect((await sent).detail.idempotencyKey).to.equal(detail.idempotencyKey);
    expect(stub.replies.map((r) => r.key)).to.deep.equal([detail.idempotencyKey]);
    expect(await entriesOf(REPLY_BOX)).to.deep.equal([]);
  });

  it('a 500, then a timeout, then success: re-sent on a backoff with the same key, stored once', async () => {
    const stub = deskStub('specialist', [conversation('ra')], REPLIER);
    stub.replyAnswers.push(reject(new HearthError('server', 'HTTP 500', { status: 500 })), reject(new HearthError('timeout')));
    const el = await desk(stub.backend);
    await openRow(el);
    type(el, 'Third time lucky');
    const queued = oneEvent(el, 'hearth-desk-reply-queued');
    const sent = oneEvent(el, 'hearth-desk-reply-sent');
    send(el);
    await queued;
    await el.updateComplete;
    expect(replyStatus(el)).to.equal('The server could not be reached — your reply is saved and will be sent automatically');
    await sent;
    expect(stub.replies).to.have.length(3);
    expect(new Set(stub.replies.map((r) => r.key)).size).to.equal(1);
    await el.updateComplete;
    expect(messages(el).filter((m) => m == 'Third time lucky')).to.have.length(1);
  });

  it('a reload (a new element) re-sends the outbox by itself, exactly once', async () => {
    const offline = deskStub('specialist', [conversation('ra')], REPLIER);
    offline.replyAnswers.push(reject(new HearthError('offline')));
    const first = await desk(offline.backend);
    first.retryDelay = 60_000;
    await openRow(first);
    type(first, 'Written on a train');
    const queued = oneEvent(first, 'hearth-desk-reply-queued');
    send(first);
    const { detail } = await queued;
    first.remove(); // the tab closes

    const online = deskStub('specialist', [conversation('ra')], REPLIER);
    const parent = document.createElement('div');
    document.body.append(parent);
    const sent = oneEvent(parent, 'hearth-desk-reply-sent');
    await desk(online.backend, { parent });
    expect((await sent).detail.idempotencyKey).to.equal(detail.idempotencyKey);
    await aTimeout(50);
    expect(online.replies).to.deep.equal([{ id: 'ra', body: 'Written on a train', key: detail.idempotencyKey }]);
    expect(await entriesOf(REPLY_BOX)).to.deep.equal([]);
    expect(draft('ra')).to.equal(null);
  });

  it('a 422 keeps the text, shows the server\'s message by the field, and takes the reply out of the outbox', async () => {
    const stub = deskStub('specialist', [conversation('ra')], REPLIER);
    stub.replyAnswers.push(reject(new HearthError('validation', 'HTTP 422', { status: 422, fieldErrors: { body: ['Use at most 5000 characters'] } })));
    const el = await desk(stub.backend);
    await openRow(el);
    type(el, 'Too long, says the server');
    const failed = oneEvent(el, 'hearth-desk-reply-failed');
    send(el);
    await failed;
    await el.updateComplete;
    expect(textarea(el).value).to.equal('Too long, says the server');
    expect(textarea(el).readOnly).to.equal(false);
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#reply-error')!.textContent).to.equal('Use at most 5000 characters');
    expect(draft('ra')).to.equal('Too long, says the server');
    expect(await entriesOf(REPLY_BOX)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a 401 keeps the reply with its key; after signing in again it goes, once', async () => {
    const stub = deskStub('specialist', [conversation('ra')], REPLIER);
    stub.replyAnswers.push(reject(new HearthError('unauthorized', 'HTTP 401', { status: 401 })));
    const el = await desk(stub.backend);
    await openRow(el);
    type(el, 'Kept across a sign-in');
    const failed = oneEvent(el, 'hearth-desk-reply-failed');
    send(el);
    const { detail } = await failed;
    await waitUntil(() => $(el, 'a[href]'), 'asks to sign in');
    const [entry] = await entriesOf(REPLY_BOX);
    expect(entry).to.include({ key: detail.idempotencyKey, signIn: true });
    expect(draft('ra')).to.equal('Kept across a sign-in');
    const sent = oneEvent(el, 'hearth-desk-reply-sent');
    await sessionOf(stub.backend).refresh(); // signed in again (the stub's session never ended)
    expect((await sent).detail.idempotencyKey).to.equal(detail.idempotencyKey);
    expect(stub.replies.map((r) => r.key)).to.deep.equal([detail.idempotencyKey, detail.idempotencyKey]);
    await threadReady(el);
    expect(messages(el)).to.include('Kept across a sign-in');
  });

  it('another refusal (403) keeps it for Retry (same key) or Edit', async () => {
    const stub = deskStub('specialist', [conversation('ra')], REPLIER);
    stub.replyAnswers.push(reject(new HearthError('forbidden', 'HTTP 403', { status: 403 })));
    const el = await desk(stub.backend);
    await openRow(el);
    type(el, 'Try me again');
    const failed = oneEvent(el, 'hearth-desk-reply-failed');
    send(el);
    await failed;
    await el.updateComplete;
    expect(replyStatus(el)).to.equal('Your account may not do this. Your reply is kept here: try again, or edit it.');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'hearth-desk-reply-sent');
    button(el, 'Retry')!.click();
    await sent;
    expect(new Set(stub.replies.map((r) => r.key)).size).to.equal(1);
    expect(stub.replies).to.have.length(2);
  });
});
