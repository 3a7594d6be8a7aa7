import { expect, waitUntil } from '@open-wc/testing';
import { HttpBackend } from '../../src/core/http-backend.js';
import { EventParser, follow } from '../../src/core/live-stream.js';
import type { HearthLiveEvent } from '../../src/core/backend.js';

/** A response whose body the test writes piece by piece (`push`), then ends (`end`) or breaks (`fail`). */
function streamed(status = 200) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status, headers: { 'Content-Type': 'text/event-stream' } }),
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    fail: () => controller.error(new TypeError('network')),
  };
}

/** An HttpBackend whose fetch hands out the given answers in turn and records each request's headers. */
function backendAnswering(answers: Array<() => Response | Promise<Response>>) {
  const requests: Request[] = [];
  const backend = new HttpBackend({
    baseUrl: 'https://api.test/hearth/',
    getToken: () => 'tok',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request);
      const answer = answers.shift();
      if (!answer) return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      return answer();
    },
  });
  return { backend, requests };
}

function listen() {
  const events: HearthLiveEvent[] = [];
  const states: string[] = [];
  return { events, states, listener: { event: (e: HearthLiveEvent) => events.push(e), state: (s: string) => states.push(s) } };
}

describe('EventParser', () => {
  it('reads events split anywhere, with CRLF, comments, ids and retry', () => {
    const got: unknown[] = [];
    const parser = new EventParser((m) => got.push(m));
    const text = 'retry: 5000\r\n\r\n: heartbeat\n\nid: 7\nevent: conversation.message\ndata: {"conversationId":"c1",\ndata: "messageId":"m1"}\n\n';
    for (const piece of text.match(/[\s\S]{1,3}/g)!) parser.push(piece);
    expect(got).to.deep.equal([
      { event: 'message', data: '', id: undefined, retry: 5000 },
      { event: 'conversation.message', data: '{"conversationId":"c1",\n"messageId":"m1"}', id: '7', retry: undefined },
    ]);
  });
});

describe('follow (the live event stream)', () => {
  it('sends the token, delivers events and resumes after a broken connection with Last-Event-ID, without repeats', async () => {
    const first = streamed();
    const second = streamed();
    const { backend, requests } = backendAnswering([() => first.response, () => second.response]);
    const { events, states, listener } = listen();
    const stop = new AbortController();
    follow(backend, listener, stop.signal);
    await waitUntil(() => states.includes('live'));
    first.push('retry: 10\n\nid: 1\nevent: conversation.message\ndata: {"conversationId":"c1","messageId":"m1"}\n\n');
    first.push('id: 2\nevent: conversation.updated\ndata: {"conversationId":"c1"}\n\n');
    await waitUntil(() => events.length === 2);
    first.fail();
    await waitUntil(() => requests.length === 2);
    expect(requests[0].headers.get('Authorization')).to.equal('Bearer tok');
    expect(requests[0].headers.get('Accept')).to.equal('text/event-stream');
    expect(requests[0].headers.has('Last-Event-ID')).to.equal(false);
    expect(requests[1].headers.get('Last-Event-ID')).to.equal('2');
    expect(requests[1].url).to.equal('https://api.test/hearth/events');
    second.push('id: 3\nevent: conversation.message\ndata: {"conversationId":"c2","messageId":"m9"}\n\n');
    await waitUntil(() => events.length === 3);
    expect(events).to.deep.equal([
      { type: 'conversation.message', conversationId: 'c1', messageId: 'm1' },
      { type: 'conversation.updated', conversationId: 'c1' },
      { type: 'conversation.message', conversationId: 'c2', messageId: 'm9' },
    ]);
    expect(states).to.deep.equal(['live', 'reconnecting', 'live']);
    stop.abort();
  });

  it('ignores unknown event types and malformed data', async () => {
    const only = streamed();
    const { backend } = backendAnswering([() => only.response]);
    const { events, listener } = listen();
    const stop = new AbortController();
    follow(backend, listener, stop.signal);
    only.push('event: other\ndata: {"conversationId":"x"}\n\nevent: conversation.message\ndata: not json\n\n');
    only.push('event: conversation.message\ndata: {"conversationId":5}\n\nevent: conversation.updated\ndata: {"conversationId":"ok"}\n\n');
    await waitUntil(() => events.length === 1);
    expect(events).to.deep.equal([{ type: 'conversation.updated', conversationId: 'ok' }]);
    stop.abort();
  });

  it('stops for good on 401 (signed out) and says so', async () => {
    const { backend, requests } = backendAnswering([
      () => new Response(JSON.stringify({ status: 401, title: 'Sign in' }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } }),
    ]);
    const { states, listener } = listen();
    follow(backend, listener, new AbortController().signal);
    await waitUntil(() => states.includes('closed'));
    await new Promise((r) => setTimeout(r, 50));
    expect(requests.length).to.equal(1);
  });

  it('reconnects after a 503 and after a connection that falls silent', async () => {
    const silent = streamed();
    const after = streamed();
    const { backend, requests } = backendAnswering([
      () => new Response('{}', { status: 503, headers: { 'Retry-After': '0' } }),
      () => silent.response,
      () => after.response,
    ]);
    const { states, listener } = listen();
    const stop = new AbortController();
    follow(backend, listener, stop.signal, 100);
    // After a 503 the wait is its Retry-After (0 here).
    await waitUntil(() => requests.length === 2, 'reconnected after 503');
    silent.push('retry: 10\n\n');
    // silent now sends nothing more: after 100 ms it counts as dead.
    await waitUntil(() => requests.length === 3, 'reconnected after silence', { timeout: 2000 });
    expect(states.filter((s) => s === 'reconnecting').length).to.equal(2);
    stop.abort();
  });

  it('ends when the signal aborts, without another request', async () => {
    const only = streamed();
    const { backend, requests } = backendAnswering([() => only.response]);
    const { states, listener } = listen();
    const stop = new AbortController();
    follow(backend, listener, stop.signal);
    await waitUntil(() => states.includes('live'));
    stop.abort();
    await new Promise((r) => setTimeout(r, 50));
    expect(requests.length).to.equal(1);
    expect(states).to.deep.equal(['live']);
  });
});

describe('watch (one stream per backend)', () => {
  it('shares one connection between listeners, tells a late one it is live, and closes it when the last one leaves', async () => {
    const only = streamed();
    let aborted = false;
    const requests: Request[] = [];
    const backend = new HttpBackend({
      baseUrl: 'https://api.test/hearth',
      fetch: async (input, init) => {
        requests.push(new Request(input, init));
        init?.signal?.addEventListener('abort', () => (aborted = true));
        return only.response;
      },
    });
    const a = listen();
    const b = listen();
    const stopA = new AbortController();
    const stopB = new AbortController();
    await backend.watchEvents(a.listener, { signal: stopA.signal });
    await waitUntil(() => a.states.includes('live'));
    await backend.watchEvents(b.listener, { signal: stopB.signal });
    expect(b.states).to.deep.equal(['live']);
    only.push('id: 1\nevent: conversation.message\ndata: {"conversationId":"c1","messageId":"m1"}\n\n');
    await waitUntil(() => a.events.length === 1 && b.events.length === 1);
    expect(requests.length).to.equal(1);
    stopA.abort();
    only.push('id: 2\nevent: conversation.updated\ndata: {"conversationId":"c1"}\n\n');
    await waitUntil(() => b.events.length === 2);
    expect(a.events.length).to.equal(1);
    expect(aborted).to.equal(false);
    stopB.abort();
    await waitUntil(() => aborted, 'the connection closes with the last listener');
  });

  it('starts a new connection for a listener that comes after the stream closed (signed out, then in again)', async () => {
    const answers = [
      () => new Response('{"status":401}', { status: 401, headers: { 'Content-Type': 'application/problem+json' } }),
      () => streamed().response,
    ];
    const { backend, requests } = backendAnswering(answers);
    const first = listen();
    await backend.watchEvents(first.listener, { signal: new AbortController().signal });
    await waitUntil(() => first.states.includes('closed'));
    const second = listen();
    const stop = new AbortController();
    await backend.watchEvents(second.listener, { signal: stop.signal });
    await waitUntil(() => second.states.includes('live'));
    expect(requests.length).to.equal(2);
    stop.abort();
  });
});
