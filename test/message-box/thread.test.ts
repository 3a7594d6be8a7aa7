import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import '../../src/define/hearth-message-box.js';
import type { HearthMessageBox } from '../../src/message-box/message-box.js';
import type { ConversationMessage, ConversationQuery, HearthBackend, HearthLiveEvent, LiveStreamListener, Session } from '../../src/core/backend.js';
import { HearthError } from '../../src/core/errors.js';
import { sessionOf } from '../../src/core/session.js';
import { ready, root, sendButton, type } from './harness.js';

// The test for the lazy chunk reads resource entries: room for every module this page loads.
performance.setResourceTimingBufferSize(100_000);

type Author = ConversationMessage['author'];
const USER = { id: 'u1', name: 'Demo Visitor', role: 'visitor' } as const;
const YOU: Author = USER;
const OLENA: Author = { id: 's1', name: 'Dr. Olena Kovalenko', role: 'specialist' };
const AUTH = 'https://auth.example';
const RECIPIENT = 'dr-kovalenko';

interface Stream {
  listener: LiveStreamListener;
  signal?: AbortSignal;
}

/**
 * A backend stub with one conversation (c1) between the visitor and Dr. Kovalenko, kept in memory:
 * sendMessage adds to it and, like the server, tells the live stream; `reply` is the care team
 * answering. `failures` makes that many listConversations calls fail.
 */
function conversation(user: typeof USER | null = USER) {
  const state = { user, messages: [] as ConversationMessage[], unread: 0, failures: 0, assignee: null as null | { id: string; name: string } };
  const queries: ConversationQuery[] = [];
  const calls = { get: 0, read: 0 };
  const streams: Stream[] = [];
  let n = 0;
  const fields = () => ({
    id: 'c1',
    subject: null,
    recipient: RECIPIENT,
    status: 'open' as const,
    assignee: state.assignee,
    lastActivityAt: state.messages.at(-1)?.createdAt ?? '2026-01-05T09:00:00.000Z',
    createdAt: '2026-01-05T09:00:00.000Z',
  });
  const add = (author: Author, body: string, more: Partial<ConversationMessage> = {}): ConversationMessage => {
    n++;
    const message = { id: `m${n}`, author, body, createdAt: new Date(Date.UTC(2026, 0, 5, 9, n)).toISOString(), ...more };
    state.messages.push(message);
    if (author.role != 'visitor') state.unread++;
    return message;
  };
  const emit = (event: HearthLiveEvent) => streams.filter((s) => !s.signal?.aborted).forEach((s) => s.listener.event(event));
  const backend: HearthBackend = {
    getReferences: async () => [],
    getSession: async (): Promise<Session> => ({ user: state.user, loginUrl: `${AUTH}/login`, signupUrl: `${AUTH}/signup` }),
    sendMessage: async (message) => {
      const m = add(YOU, message.body);
      // The live event arrives a little after the answer, as from a server.
      setTimeout(() => emit({ type: 'conversation.message', conversationId: 'c1', messageId: m.id }), 30);
      return { id: m.id, createdAt: m.createdAt, conversationId: 'c1' };
    },
    listConversations: async (query) => {
      queries.push(query);
      if (state.failures > 0) {
        state.failures--;
        throw new HearthError('server');
      }
      return { items: state.messages.length ? [{ ...fields(), preview: state.messages.at(-1)!.body.slice(0, 120), unread: state.unread }] : [], next: null };
    },
    getConversation: async () => {
      calls.get++;
      state.unread = 0; // fetching marks it read
      return { ...fields(), messages: state.messages.map((m) => ({ ...m })) };
    },
    markConversationRead: async () => void calls.read++,
    watchEvents: async (listener, { signal }) => void streams.push({ listener, signal }),
  };
  /** The care team answers; the live stream tells the visitor's page. */
  const reply = (body: string, author = OLENA) => {
    const m = add(author, body);
    emit({ type: 'conversation.message', conversationId: 'c1', messageId: m.id });
    return m;
  };
  const signIn = async (value: typeof USER | null = USER) => {
    state.user = value;
    await sessionOf(backend).refresh();
  };
  return { backend, state, queries, calls, streams, add, emit, reply, signIn };
}

let keys = 0;

async function box(backend: HearthBackend, lang = 'en') {
  return fixture<HearthMessageBox>(
    html`<hearth-message-box .backend=${backend} draft-key=${`thread-${++keys}`} to=${RECIPIENT} lang=${lang} .minTime=${0} .retryDelay=${20}></hearth-message-box>`,
  );
}

const list = (el: HearthMessageBox) => root(el).querySelector<HTMLOListElement>('[part~=thread]');
const items = (el: HearthMessageBox) => [...root(el).querySelectorAll<HTMLLIElement>('[part~=message]')];
const texts = (el: HearthMessageBox) => items(el).map((li) => li.querySelector('.text')!.textContent);
const statusLine = (el: HearthMessageBox) => root(el).querySelector('[part~=thread-status]')?.textContent!.replace(/\s+/g, ' ').trim();
const announced = (el: HearthMessageBox) => root(el).querySelector('[aria-live=polite].vh')?.textContent!.trim();
const shown = (el: HearthMessageBox, count: number) => waitUntil(() => items(el).length == count, `${count} message(s) shown`);
const threadRequested = () => performance.getEntriesByType('resource').some((e) => /\/src\/message-box\/thread(\.styles)?\.ts/.test(e.name));
const when = (iso: string, lang = 'en') => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * Whether the page is hidden, as the thread reads it: visible unless a test says otherwise (pages of
 * test files running side by side may really be hidden, and the thread keeps "New" marks then).
 */
let pageHidden = false;

describe('<hearth-message-box> conversation', () => {
  before(() => Object.defineProperty(document, 'hidden', { configurable: true, get: () => pageHidden }));
  after(() => delete (document as { hidden?: boolean }).hidden);

  // No clearing of localStorage or the outbox here: test files run in parallel pages of one origin,
  // and message-box.test.ts relies on its drafts while it runs. Every box here has its own draft key.

  // First in this file: nothing before it has signed in, so the chunk cannot have been loaded yet.
  it('signed out: the thread chunk is not requested; signing in loads it and shows the thread', async () => {
    const { backend, signIn, queries, add } = conversation(null);
    add(YOU, 'Hello');
    const el = await box(backend);
    await waitUntil(() => root(el).querySelector('hearth-login-gate')?.shadowRoot?.querySelector('[part~=login]'), 'the gate asks to log in');
    await aTimeout(100);
    expect(threadRequested(), 'thread.ts requested while signed out').to.be.false;
    expect(queries).to.have.length(0);
    expect(list(el)).to.equal(null);
    await signIn();
    await shown(el, 1);
    expect(threadRequested(), 'thread.ts requested once signed in').to.be.true;
    expect(queries).to.deep.equal([{ recipient: RECIPIENT, limit: 1 }]);
  });

  it('shows names ("You"), times in the element’s language, "Seen" and "New", newest at the bottom, scrolled to it', async () => {
    const { backend, add } = conversation();
    for (let i = 1; i <= 12; i++) add(YOU, `Earlier message ${i}`, { seenAt: '2026-01-05T10:00:00.000Z' });
    const mine = add(YOU, 'I would like to talk about sleep', { seenAt: '2026-01-05T10:00:00.000Z' });
    const unseenMine = add(YOU, 'Are you there?');
    const reply = add(OLENA, 'Of course — shall we book a time?');
    const el = await box(backend);
    await shown(el, 15);
    const [own, other] = [items(el).at(-3)!, items(el).at(-1)!];
    expect(own.getAttribute('part')).to.equal('message own');
    expect(other.getAttribute('part')).to.equal('message reply');
    expect(own.querySelector('b')!.textContent).to.equal('You');
    expect(other.querySelector('b')!.textContent).to.equal('Dr. Olena Kovalenko');
    expect(own.querySelector('time')!.getAttribute('datetime')).to.equal(mine.createdAt);
    expect(own.querySelector('time')!.textContent).to.equal(when(mine.createdAt));
    expect(texts(el).slice(-3)).to.deep.equal([mine.body, unseenMine.body, reply.body]);
    // "Seen" once, under the latest message staff have read; not under the one they have not.
    expect(own.querySelector('[part~=seen]')!.textContent).to.equal('Seen');
    expect(root(el).querySelectorAll('[part~=seen]')).to.have.length(1);
    expect(items(el).at(-2)!.querySelector('[part~=seen]')).to.equal(null);
    expect(other.querySelector('[part~=seen]')).to.equal(null);
    // The reply had not been read: marked New for this view.
    expect(other.querySelector('[part~=new]')!.textContent).to.equal('New');
    expect(own.querySelector('[part~=new]')).to.equal(null);
    expect(list(el)!.getAttribute('aria-label')).to.equal('Conversation with Dr. Olena Kovalenko');
    // Bounded and scrolled to the newest.
    const ol = list(el)!;
    await waitUntil(() => ol.scrollHeight > ol.clientHeight, 'the list scrolls');
    expect(ol.scrollHeight - ol.scrollTop - ol.clientHeight).to.be.lessThan(2);
    expect(ol.tabIndex).to.equal(0);
    // Nothing announced for what was there before.
    expect(announced(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('speaks Ukrainian with lang="uk", times formatted for uk', async () => {
    const { backend, add } = conversation();
    const mine = add(YOU, 'Привіт');
    add(OLENA, 'Вітаю');
    const el = await box(backend, 'uk');
    await shown(el, 2);
    await waitUntil(() => items(el)[0].querySelector('b')!.textContent == 'Ви', 'in Ukrainian');
    expect(items(el)[0].querySelector('time')!.textContent).to.equal(when(mine.createdAt, 'uk'));
    expect(list(el)!.getAttribute('aria-label')).to.equal('Розмова з Dr. Olena Kovalenko');
  });

  it('before any reply: named "Your messages" (or after the assignee)', async () => {
    const { backend, add, state, emit } = conversation();
    add(YOU, 'First words');
    const el = await box(backend);
    await shown(el, 1);
    expect(list(el)!.getAttribute('aria-label')).to.equal('Your messages');
    state.assignee = { id: 's1', name: 'Dr. Olena Kovalenko' };
    emit({ type: 'conversation.updated', conversationId: 'c1' });
    await waitUntil(() => list(el)!.getAttribute('aria-label') == 'Conversation with Dr. Olena Kovalenko', 'named after the assignee');
  });

  it('empty: no conversation yet shows no list, and the composer as always', async () => {
    const { backend, queries } = conversation();
    const el = await box(backend);
    await ready(el);
    await waitUntil(() => queries.length == 1 && statusLine(el) === undefined, 'loaded');
    expect(list(el)).to.equal(null);
    expect(root(el).querySelector('[aria-live=polite].vh')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('a loading failure says so with Retry, never blocking the composer; Retry loads it and focuses it', async () => {
    const { backend, add, state } = conversation();
    add(OLENA, 'Welcome');
    state.failures = 1;
    const el = await box(backend);
    await waitUntil(() => statusLine(el)?.startsWith('Your earlier messages could not be loaded.'), 'the failure is said');
    await ready(el);
    expect(root(el).querySelector('textarea')!.readOnly).to.be.false;
    await expect(el).to.be.accessible();
    const retry = root(el).querySelector<HTMLButtonElement>('[part~=thread-status] button')!;
    expect(retry.textContent!.trim()).to.equal('Retry');
    retry.focus();
    retry.click();
    await shown(el, 1);
    expect(statusLine(el)).to.equal(undefined);
    await waitUntil(() => root(el).activeElement === list(el), 'focus on the loaded thread');
  });

  it('a failure after it was shown keeps the messages, with Retry', async () => {
    const { backend, add, state, reply } = conversation();
    add(YOU, 'Hello');
    const el = await box(backend);
    await shown(el, 1);
    state.failures = 1;
    reply('A reply');
    await waitUntil(() => statusLine(el)?.startsWith('Your earlier messages could not be loaded.'), 'the failure is said');
    expect(texts(el)).to.deep.equal(['Hello']);
    root(el).querySelector<HTMLButtonElement>('[part~=thread-status] button')!.click();
    await shown(el, 2);
  });

  for (const [what, answer] of [
    ['a page without items', { list: () => ({ items: 'nope' }) }],
    ['a null page', { list: () => null }],
    ['an item without an id', { list: () => ({ items: [{ recipient: RECIPIENT, id: 7 }], next: null }) }],
    ['messages that are not a list', { get: () => ({ id: 'c1', messages: {} }) }],
    ['a message without an author', { get: () => ({ id: 'c1', messages: [{ id: 'm1', body: 'x', createdAt: '2026-01-05T09:00:00Z' }] }) }],
    ['a message with an unreadable time', { get: () => ({ id: 'c1', messages: [{ id: 'm1', body: 'x', author: OLENA, createdAt: 'soon' }] }) }],
  ] as const) {
    it(`malformed data (${what}) is an error with Retry, not a crash`, async () => {
      const { backend, add } = conversation();
      add(YOU, 'Hello');
      const bad: HearthBackend = { ...backend };
      if ('list' in answer) bad.listConversations = async () => answer.list() as never;
      if ('get' in answer) bad.getConversation = async () => answer.get() as never;
      const el = await box(bad);
      await waitUntil(() => statusLine(el)?.startsWith('Your earlier messages could not be loaded.'), 'the failure is said');
      expect(list(el)).to.equal(null);
      await ready(el);
    });
  }

  it('ignores another recipient’s conversation (a server that does not filter by recipient)', async () => {
    const { backend, add } = conversation();
    add(YOU, 'To the team');
    const other: HearthBackend = {
      ...backend,
      listConversations: async (q, o) => {
        const page = await backend.listConversations!(q, o);
        return { ...page, items: page.items.map((i) => ({ ...i, recipient: 'team' })) };
      },
    };
    const el = await box(other);
    await ready(el);
    await aTimeout(50);
    expect(list(el)).to.equal(null);
    expect(statusLine(el)).to.equal(undefined);
  });

  it('live: a reply appears by itself, marked New, announced politely, with hearth-reply-received', async () => {
    const { backend, add, reply, streams } = conversation();
    add(YOU, 'I would like to talk about sleep');
    const el = await box(backend);
    await shown(el, 1);
    await waitUntil(() => streams.length == 1, 'one live stream');
    const received = oneEvent(el, 'hearth-reply-received');
    const m = reply('Of course — shall we book a time?');
    const event = await received;
    expect(event.detail).to.deep.equal({ conversationId: 'c1', messageId: m.id, createdAt: m.createdAt });
    expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
    await shown(el, 2);
    expect(announced(el)).to.equal('New reply from Dr. Olena Kovalenko');
    expect(items(el)[1].querySelector('[part~=new]')).to.exist;
    expect(list(el)!.getAttribute('aria-label')).to.equal('Conversation with Dr. Olena Kovalenko');
    await expect(el).to.be.accessible();
    // A second reply is announced anew (a new node in the live region), and the seen mark goes.
    const region = root(el).querySelector('[aria-live=polite].vh')!;
    const before = region.querySelector('p');
    reply('Tuesday at ten?');
    await shown(el, 3);
    expect(region.querySelector('p')).not.to.equal(before);
    expect(announced(el)).to.equal('New reply from Dr. Olena Kovalenko');
    expect(items(el).map((li) => !!li.querySelector('[part~=new]'))).to.deep.equal([false, false, true]);
  });

  it('live: the visitor’s own message from elsewhere appears without an announcement; events of other conversations are ignored', async () => {
    const { backend, add, emit, streams, calls } = conversation();
    add(YOU, 'Hello');
    const el = await box(backend);
    await shown(el, 1);
    await waitUntil(() => streams.length == 1, 'one live stream');
    const m = add(YOU, 'From my phone');
    emit({ type: 'conversation.message', conversationId: 'c1', messageId: m.id });
    await shown(el, 2);
    expect(announced(el)).to.equal('');
    const fetched = calls.get;
    emit({ type: 'conversation.message', conversationId: 'c9', messageId: 'x' });
    emit({ type: 'conversation.updated', conversationId: 'c9' });
    await aTimeout(50);
    expect(calls.get).to.equal(fetched);
  });

  it('live: conversation.updated shows "Seen" when staff have read the visitor’s message', async () => {
    const { backend, add, emit, streams } = conversation();
    const m = add(YOU, 'Hello');
    const el = await box(backend);
    await shown(el, 1);
    await waitUntil(() => streams.length == 1, 'one live stream');
    expect(items(el)[0].querySelector('[part~=seen]')).to.equal(null);
    m.seenAt = '2026-01-05T11:00:00.000Z';
    emit({ type: 'conversation.updated', conversationId: 'c1' });
    await waitUntil(() => items(el)[0].querySelector('[part~=seen]'), 'Seen');
  });

  it('the first message creates the thread, and the sent message shows exactly once', async () => {
    const { backend, streams, calls } = conversation();
    const el = await box(backend);
    await ready(el);
    await waitUntil(() => streams.length == 1, 'one live stream');
    expect(list(el)).to.equal(null);
    type(el, 'I would like to talk about sleep');
    const sent = oneEvent(el, 'hearth-message-sent');
    sendButton(el)!.click();
    await sent;
    await shown(el, 1);
    await aTimeout(100); // the live event for it came too: it is shown already, nothing more is fetched
    expect(calls.get).to.equal(1);
    expect(texts(el)).to.deep.equal(['I would like to talk about sleep']);
    expect(items(el)[0].querySelector('b')!.textContent).to.equal('You');
    expect(announced(el)).to.equal('');
    // Everything the box promised: sent, the draft cleared, Write another.
    expect(root(el).querySelector('[role=status]')!.textContent!.trim()).to.equal('Your message has been sent');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px: long words wrap, nothing scrolls sideways', async () => {
    const { backend, add } = conversation();
    add(YOU, 'https://example.org/' + 'a-very-long-path-without-spaces/'.repeat(8));
    add(OLENA, 'Thanks — '.repeat(20));
    const el = await box(backend);
    el.style.inlineSize = '320px';
    await shown(el, 2);
    const ol = list(el)!;
    expect(ol.scrollWidth).to.be.at.most(ol.clientWidth);
    expect(el.scrollWidth).to.be.at.most(320);
  });

  it('renders hostile strings as text', async () => {
    const { backend, add } = conversation();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    add(YOU, hostile);
    add({ id: 's2', name: '<b onmouseover=alert(1)>Mallory</b>', role: 'admin' }, `Reply ${hostile}`);
    const el = await box(backend);
    await shown(el, 2);
    expect(texts(el)).to.deep.equal([hostile, `Reply ${hostile}`]);
    expect(items(el)[1].querySelector('b')!.textContent).to.equal('<b onmouseover=alert(1)>Mallory</b>');
    expect(list(el)!.querySelectorAll('img, script, b b')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a backend without listConversations shows no thread and opens no stream (adapters work as before)', async () => {
    const { backend, streams } = conversation();
    const { listConversations, ...adapter } = backend;
    void listConversations;
    const el = await box(adapter as HearthBackend);
    await ready(el);
    await aTimeout(50);
    expect(list(el)).to.equal(null);
    expect(root(el).querySelector('[part~=thread-status], [aria-live=polite].vh')).to.equal(null);
    expect(streams).to.have.length(0);
  });

  it('aborts the live stream on disconnect, and starts one again on reconnect', async () => {
    const { backend, add, streams, reply } = conversation();
    add(YOU, 'Hello');
    const el = await box(backend);
    await shown(el, 1);
    await waitUntil(() => streams.length == 1, 'one live stream');
    expect(streams[0].signal!.aborted).to.be.false;
    const parent = el.parentElement!;
    el.remove();
    expect(streams[0].signal!.aborted).to.be.true;
    reply('While you were away');
    parent.append(el);
    await waitUntil(() => streams.length == 2, 'a new stream');
    expect(streams[1].signal!.aborted).to.be.false;
    await shown(el, 2);
    // Unread since the visitor last looked: marked New, but not announced (it was not live).
    expect(items(el)[1].querySelector('[part~=new]')).to.exist;
    expect(announced(el)).to.equal('');
  });

  it('signing out aborts the stream and removes the thread', async () => {
    const { backend, add, streams, signIn } = conversation();
    add(YOU, 'Private');
    const el = await box(backend);
    await shown(el, 1);
    await waitUntil(() => streams.length == 1, 'one live stream');
    await signIn(null);
    await waitUntil(() => !list(el), 'the thread is gone');
    expect(streams[0].signal!.aborted).to.be.true;
    expect(root(el).textContent).not.to.contain('Private');
  });

  it('a 401 while loading signs the visitor out everywhere', async () => {
    const { backend, add } = conversation();
    add(YOU, 'Hello');
    const expired: HearthBackend = { ...backend, listConversations: async () => Promise.reject(new HearthError('unauthorized')) };
    const el = await box(expired);
    await waitUntil(() => root(el).querySelector('hearth-login-gate')?.shadowRoot?.querySelector('[part~=login]'), 'the gate asks to log in');
    expect(list(el)).to.equal(null);
  });

  it('New marks added while the page is hidden stay until it has been seen, then it is marked read', async () => {
    const { backend, add, reply, streams, calls } = conversation();
    add(YOU, 'Hello');
    const el = await box(backend);
    await shown(el, 1);
    await waitUntil(() => streams.length == 1, 'one live stream');
    pageHidden = true;
    try {
      reply('First');
      await shown(el, 2);
      reply('Second');
      await shown(el, 3);
      expect(items(el).map((li) => !!li.querySelector('[part~=new]'))).to.deep.equal([false, true, true]);
      expect(calls.read).to.equal(0);
    } finally {
      pageHidden = false;
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => calls.read == 1, 'marked read');
    // Seen now: kept for this view, gone with the next answer.
    expect(items(el).map((li) => !!li.querySelector('[part~=new]'))).to.deep.equal([false, true, true]);
    reply('Third');
    await shown(el, 4);
    expect(items(el).map((li) => !!li.querySelector('[part~=new]'))).to.deep.equal([false, false, false, true]);
  });
});
