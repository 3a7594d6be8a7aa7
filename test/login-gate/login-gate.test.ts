import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import '../../src/define/hearth-login-gate.js';
import { HearthLoginGate } from '../../src/login-gate/login-gate.js';
import type { HearthBackend, Session } from '../../src/core/backend.js';
import { HearthError } from '../../src/core/errors.js';
import { httpBackend } from '../../src/core/http-backend.js';
import { setToken, setTokenSource, tokenFor } from '../../src/core/tokens.js';
import { markAttempt, newAttempt, takeReturnCode } from '../../src/core/sign-in.js';

const AUTH = 'https://auth.example';
const USER = { id: 'u1', name: 'Demo Visitor' };
const TOKEN_URL = `${AUTH}/api/session/token`;

/** base64url SHA-256, as the server computes a challenge from a verifier. */
async function sha256(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Replaces fetch for the token exchange: answers `token` (or `status`), recording each request. */
function tokenEndpoint(answer: { token?: string; status?: number } = { token: 'tok-1' }) {
  const calls: { url: string; init: RequestInit; body: { code: string; verifier: string } }[] = [];
  const original = window.fetch;
  window.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url: String(url), init, body: JSON.parse(String(init.body)) });
    const status = answer.status ?? 200;
    return new Response(status == 200 ? JSON.stringify({ token: answer.token, expiresAt: '2026-01-01T00:00:00Z' }) : '{}', { status });
  }) as typeof window.fetch;
  return { calls, restore: () => (window.fetch = original) };
}

/** A backend whose session the test controls. */
export function sessionBackend(initial: { id: string; name: string } | null = null, answer?: () => Promise<Session>) {
  const state = { user: initial, calls: 0 };
  const backend: HearthBackend = {
    getReferences: async () => [],
    getSession: async () => {
      state.calls++;
      return answer ? answer() : { user: state.user, loginUrl: `${AUTH}/login`, signupUrl: `${AUTH}/signup`, tokenUrl: TOKEN_URL };
    },
    logout: async () => void (state.user = null),
  };
  return { backend, state };
}

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const button = (el: HTMLElement, part: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~=${part}]`)!;
const promptShown = (el: HTMLElement) => waitUntil(() => button(el, 'login'), 'the signed-out prompt');
const contentShown = (el: HTMLElement) => waitUntil(() => el.shadowRoot!.querySelector('slot:not([name])'), 'the content');

describe('<hearth-login-gate>', () => {
  const open = window.open;
  const navigate = HearthLoginGate.navigate;
  const point = HearthLoginGate.point;
  afterEach(() => {
    window.open = open;
    HearthLoginGate.navigate = navigate;
    HearthLoginGate.point = point;
    setToken(AUTH, null);
    document.documentElement.lang = 'en';
  });

  it('shows a skeleton, not the prompt, while the session is read', async () => {
    let answer!: (s: Session) => void;
    const { backend } = sessionBackend(null, () => new Promise((resolve) => (answer = resolve)));
    const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
    const busy = el.shadowRoot!.querySelector('[aria-busy=true]')!;
    expect(busy.getAttribute('role')).to.equal('status');
    expect(el.shadowRoot!.querySelector('[part=skeleton]')).to.exist;
    expect(button(el, 'login')).to.equal(null);
    expect(el.signedIn).to.be.false;
    await expect(el).to.be.accessible();
    answer({ user: null, loginUrl: `${AUTH}/login`, signupUrl: `${AUTH}/signup` });
    await promptShown(el);
  });

  it('shows its content to a signed-in visitor', async () => {
    const { backend } = sessionBackend(USER);
    const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
    await contentShown(el);
    expect(el.signedIn).to.be.true;
    expect(el.user).to.deep.equal(USER);
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Secret');
    await expect(el).to.be.accessible();
  });

  it('asks a signed-out visitor to log in to {action}, with Log in and Sign up', async () => {
    const { backend } = sessionBackend();
    const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend} action="ask a question"><p>Secret</p></hearth-login-gate>`);
    await promptShown(el);
    expect(text(el)).to.contain('You need to be logged in to ask a question');
    expect(button(el, 'login').textContent).to.equal('Log in');
    expect(button(el, 'signup').textContent).to.equal('Sign up');
    expect(el.shadowRoot!.querySelector('slot:not([name])')).to.equal(null);
    expect(el.user).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('has a default wording, a slot to replace it, and speaks Ukrainian', async () => {
    const { backend } = sessionBackend();
    const plain = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}></hearth-login-gate>`);
    await promptShown(plain);
    expect(text(plain)).to.contain('You need to be logged in to continue');

    const slotted = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><span slot="prompt">Members only.</span></hearth-login-gate>`);
    await promptShown(slotted);
    const slot = slotted.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=prompt]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Members only.');

    const uk = await fixture<HearthLoginGate>(html`<hearth-login-gate lang="uk" action="поставити запитання" .backend=${backend}></hearth-login-gate>`);
    await waitUntil(() => button(uk, 'login')?.textContent === 'Увійти', 'Ukrainian strings');
    expect(text(uk)).to.contain('Щоб поставити запитання, потрібно увійти');
    await expect(uk).to.be.accessible();
  });

  it('says when the session could not be read, and Retry reads it again', async () => {
    let fail = true;
    const { backend, state } = sessionBackend(USER, async () => {
      if (fail) throw new HearthError('offline');
      return { user: USER, loginUrl: `${AUTH}/login`, signupUrl: `${AUTH}/signup` };
    });
    const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=prompt] button'), 'the error');
    expect(text(el)).to.contain('We could not check whether you are signed in.');
    await expect(el).to.be.accessible();
    fail = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=prompt] button')!.click();
    await contentShown(el);
    expect(state.calls).to.be.greaterThan(0);
  });

  it('shows the content when the backend has no getSession (the site handles sign-in)', async () => {
    const backend: HearthBackend = { getReferences: async () => [] };
    const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
    await contentShown(el);
  });

  it('fires a cancelable hearth-login-requested; a host that cancels it runs its own login, then refreshSession()', async () => {
    const { backend, state } = sessionBackend();
    const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
    await promptShown(el);
    let opened = 0;
    window.open = () => (opened++, null);
    el.addEventListener('hearth-login-requested', (e) => e.preventDefault(), { once: true });
    const event = oneEvent(el, 'hearth-login-requested');
    button(el, 'login').click();
    const { detail, bubbles, composed, cancelable } = await event;
    expect(detail).to.deep.equal({ mode: 'login', url: `${AUTH}/login` });
    expect([bubbles, composed, cancelable]).to.deep.equal([true, true, true]);
    expect(opened).to.equal(0);
    state.user = USER; // the host's own login
    await el.refreshSession();
    await contentShown(el);
  });

  describe('sign-in through a popup', () => {
    /** A real window (an iframe's) stands for the popup, so MessageEvents can name it as their source. */
    async function popupStub() {
      const frame = document.createElement('iframe');
      document.body.append(frame);
      const urls: string[] = [];
      window.open = ((url: string) => (urls.push(url), frame.contentWindow)) as typeof window.open;
      HearthLoginGate.point = (_, url) => void urls.push(url);
      return { popup: frame.contentWindow!, urls, frame };
    }
    const post = (data: unknown, origin: string, source: Window) => window.dispatchEvent(new MessageEvent('message', { data, origin, source }));

    it('opens the popup at once, points it at loginUrl with origin and a challenge, and exchanges only that popup’s code', async () => {
      const { backend, state } = sessionBackend();
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
      await promptShown(el);
      const { popup, urls, frame } = await popupStub();
      const endpoint = tokenEndpoint();
      button(el, 'login').click();
      expect(urls[0]).to.equal(''); // opened blank within the click
      await waitUntil(() => urls.length == 2, 'the popup pointed at the sign-in page');
      const target = new URL(urls[1]);
      expect(target.origin + target.pathname).to.equal(`${AUTH}/login`);
      expect(target.searchParams.get('origin')).to.equal(location.origin);
      const challenge = target.searchParams.get('challenge')!;
      expect(challenge).to.match(/^[\w-]{43}$/);
      await waitUntil(() => text(el).includes('Finish signing in in the window that opened.'), 'the waiting notice');
      await expect(el).to.be.accessible();
      state.user = USER; // the server would accept the token from now on

      // Ignored: another origin, another window, another message type, a code that is not a string, a raw token.
      post({ type: 'hearth:session', code: 'evil' }, 'https://evil.example', popup);
      post({ type: 'hearth:session', code: 'evil' }, AUTH, window);
      post({ type: 'other', code: 'evil' }, AUTH, popup);
      post({ type: 'hearth:session', code: 42 }, AUTH, popup);
      post({ type: 'hearth:session', token: 'planted' }, AUTH, popup);
      await aTimeout(50);
      expect(endpoint.calls).to.have.length(0);
      expect(tokenFor(`${AUTH}/api`)).to.equal(null);
      expect(button(el, 'login')).to.exist;

      post({ type: 'hearth:session', code: 'the-code' }, AUTH, popup);
      await contentShown(el);
      endpoint.restore();
      // The code goes back with the verifier that never left the page, whose SHA-256 is the challenge.
      expect(endpoint.calls).to.have.length(1);
      const [{ url, init, body }] = endpoint.calls;
      expect([url, init.method, init.credentials]).to.deep.equal([TOKEN_URL, 'POST', 'omit']);
      expect(body.code).to.equal('the-code');
      expect(await sha256(body.verifier)).to.equal(challenge);
      expect(tokenFor(`${AUTH}/api/messages`)).to.equal('tok-1');
      expect(sessionStorage.getItem(`hearth.token:${AUTH}`)).to.equal('tok-1');
      // Log in is gone: focus lands on "Signed in as …", not on <body>.
      await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('part') == 'account', 'focus on the account line');
      frame.remove();
    });

    it('says so when the code is refused, and keeps Log in', async () => {
      const { backend } = sessionBackend();
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
      await promptShown(el);
      const { popup, urls, frame } = await popupStub();
      const endpoint = tokenEndpoint({ status: 400 });
      button(el, 'login').click();
      await waitUntil(() => urls.length == 2, 'pointed');
      post({ type: 'hearth:session', code: 'stale' }, AUTH, popup);
      await waitUntil(() => text(el).includes('Signing in did not finish. Please log in again.'), 'the failure notice');
      endpoint.restore();
      expect(tokenFor(`${AUTH}/api`)).to.equal(null);
      expect(button(el, 'login')).to.exist;
      await expect(el).to.be.accessible();
      frame.remove();
    });

    it('opens the sign-up page the same way', async () => {
      const { backend } = sessionBackend();
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}></hearth-login-gate>`);
      await promptShown(el);
      const { urls, frame } = await popupStub();
      const event = oneEvent(el, 'hearth-login-requested');
      button(el, 'signup').click();
      expect((await event).detail.mode).to.equal('signup');
      await waitUntil(() => urls.length == 2, 'pointed');
      expect(urls[1]).to.match(new RegExp(`^${AUTH}/signup\\?challenge=[\\w-]{43}&origin=${encodeURIComponent(location.origin)}$`));
      frame.remove();
    });

    it('stops waiting when the popup is closed without signing in', async () => {
      const { backend } = sessionBackend();
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}></hearth-login-gate>`);
      await promptShown(el);
      const { frame } = await popupStub();
      button(el, 'login').click();
      await waitUntil(() => text(el).includes('Finish signing in'), 'waiting');
      frame.remove(); // its window is now closed
      await waitUntil(() => !text(el).includes('Finish signing in'), 'no longer waiting', { timeout: 3000 });
    });

    /** Log in with the popup blocked: where the gate sends the page instead. */
    async function loginWithPopupBlocked(backend: HearthBackend): Promise<URL> {
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}></hearth-login-gate>`);
      await promptShown(el);
      window.open = () => null;
      const went: string[] = [];
      HearthLoginGate.navigate = (url) => went.push(url);
      button(el, 'login').click();
      await waitUntil(() => went.length === 1, 'navigated');
      return new URL(went[0]);
    }

    it('goes to the sign-in page and back when the popup is blocked, with a challenge and this tab’s state', async () => {
      const url = await loginWithPopupBlocked(sessionBackend().backend);
      // Another origin than the page: the return address is the whole page URL.
      expect(url.searchParams.get('return')).to.equal(location.href);
      expect(url.searchParams.get('challenge')).to.match(/^[\w-]{43}$/);
      expect(url.searchParams.has('origin')).to.be.false;
      // This tab remembers the attempt: where to exchange, the state to expect, the verifier.
      const pending = JSON.parse(sessionStorage.getItem('hearth.login')!);
      expect(pending.tokenUrl).to.equal(TOKEN_URL);
      expect(pending.state).to.equal(url.searchParams.get('state'));
      expect(await sha256(pending.verifier)).to.equal(url.searchParams.get('challenge'));
      sessionStorage.removeItem('hearth.login');
    });

    it('returns to the same path on a same-site backend', async () => {
      const { backend } = sessionBackend(null, async () => ({ user: null, loginUrl: `${location.origin}/login`, signupUrl: `${location.origin}/signup` }));
      const url = await loginWithPopupBlocked(backend);
      expect(url.pathname).to.equal('/login');
      expect(url.searchParams.get('return')).to.equal(location.pathname + location.search + location.hash);
      expect(url.searchParams.has('origin')).to.be.false;
    });
  });

  describe('coming back from a full-page sign-in with #hearth-code=…', () => {
    const page = location.href;
    afterEach(() => {
      history.replaceState(null, '', page);
      sessionStorage.removeItem('hearth.login');
    });

    it('exchanges the code when this tab started that attempt, and removes the fragment (the page keeps its own)', async () => {
      history.replaceState(null, '', '?q=1#section');
      const attempt = await newAttempt();
      markAttempt(TOKEN_URL, attempt);
      history.replaceState(null, '', `?q=1#hearth-code=c0de&state=${attempt.state}`); // the server's redirect drops the page's fragment
      const endpoint = tokenEndpoint({ token: 'tok-r' });
      expect(await takeReturnCode()).to.be.true;
      endpoint.restore();
      expect(endpoint.calls.map((c) => c.body)).to.deep.equal([{ code: 'c0de', verifier: attempt.verifier }]);
      expect(tokenFor(`${AUTH}/api/messages`)).to.equal('tok-r');
      expect(location.search).to.equal('?q=1');
      expect(location.hash).to.equal('#section');
      expect(sessionStorage.getItem('hearth.login')).to.equal(null);
    });

    it('ignores a code this tab did not ask for (a planted sign-in) or with another state, and still removes the fragment', async () => {
      const endpoint = tokenEndpoint();
      history.replaceState(null, '', '?q=2#hearth-code=planted&state=whatever');
      expect(await takeReturnCode()).to.be.false;
      expect(location.hash).to.equal('');
      expect(location.search).to.equal('?q=2');
      markAttempt(TOKEN_URL, await newAttempt());
      history.replaceState(null, '', '#hearth-code=planted&state=not-this-tabs');
      expect(await takeReturnCode()).to.be.false;
      endpoint.restore();
      expect(endpoint.calls).to.have.length(0);
      expect(tokenFor(`${AUTH}/api`)).to.equal(null);
    });

    it('ignores an attempt older than an hour', async () => {
      const attempt = await newAttempt();
      sessionStorage.setItem('hearth.login', JSON.stringify({ tokenUrl: TOKEN_URL, verifier: attempt.verifier, state: attempt.state, hash: '', at: Date.now() - 2 * 3_600_000 }));
      history.replaceState(null, '', `#hearth-code=c0de&state=${attempt.state}`);
      const endpoint = tokenEndpoint();
      expect(await takeReturnCode()).to.be.false;
      endpoint.restore();
      expect(endpoint.calls).to.have.length(0);
      expect(location.hash).to.equal('');
    });
  });

  describe('sign-in URLs from the backend', () => {
    it('refuses a javascript: loginUrl: the error state with Retry, and nothing opens', async () => {
      const errors: unknown[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => void errors.push(args[0]);
      const { backend } = sessionBackend(null, async () => ({ user: null, loginUrl: 'javascript:alert(document.domain)', signupUrl: `${AUTH}/signup` }));
      let opened = 0;
      window.open = () => (opened++, null);
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}></hearth-login-gate>`);
      await waitUntil(() => text(el).includes('We could not check whether you are signed in.'), 'the error state');
      console.error = consoleError;
      expect(button(el, 'login')).to.equal(null);
      expect(opened).to.equal(0);
      expect(String(errors[0])).to.include('must be http(s) URLs');
      await expect(el).to.be.accessible();
    });

    it('refuses, for an api backend, sign-in URLs on another origin than the API', async () => {
      const endpoint = window.fetch;
      window.fetch = (async () =>
        new Response(JSON.stringify({ user: null, loginUrl: 'https://evil.example/login', signupUrl: 'https://evil.example/signup' }), {
          headers: { 'Content-Type': 'application/json' },
        })) as typeof window.fetch;
      const consoleError = console.error;
      console.error = () => {};
      try {
        const el = await fixture<HearthLoginGate>(html`<hearth-login-gate api="https://api.example/hearth"></hearth-login-gate>`);
        await waitUntil(() => text(el).includes('We could not check whether you are signed in.'), 'the error state');
      } finally {
        window.fetch = endpoint;
        console.error = consoleError;
      }
    });

    it('accepts, for a site’s own adapter, http(s) sign-in URLs on its own origin', async () => {
      const { backend } = sessionBackend(null, async () => ({ user: null, loginUrl: 'https://login.site.example/in', signupUrl: 'https://login.site.example/up' }));
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}></hearth-login-gate>`);
      await promptShown(el);
    });
  });

  it('shows "Signed in as …" with Sign out; Sign out ends the sign-in, says so, and focuses Log in', async () => {
    const { backend, state } = sessionBackend(USER);
    let loggedOut = 0;
    const logout = backend.logout!;
    backend.logout = async () => (loggedOut++, logout());
    const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
    await contentShown(el);
    expect(text(el)).to.include('Signed in as Demo Visitor');
    await expect(el).to.be.accessible();
    button(el, 'signout').focus();
    button(el, 'signout').click();
    await promptShown(el);
    expect(loggedOut).to.equal(1);
    expect(state.user).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement === button(el, 'login'), 'focus on Log in');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.include('You are signed out.');
    await expect(el).to.be.accessible();
  });

  it('shares one session per backend: every gate learns of a sign-in and a sign-out at once', async () => {
    const { backend, state } = sessionBackend();
    // (Two fixtures, not one <div>: a plain element's fixture waits for an animation frame, which a background tab never gets.)
    const a = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>A</p></hearth-login-gate>`);
    const b = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>B</p></hearth-login-gate>`);
    await promptShown(a);
    await promptShown(b);
    expect(state.calls).to.equal(1);
    state.user = USER;
    await a.refreshSession();
    await contentShown(a);
    await contentShown(b);
    await b.logout();
    await promptShown(a);
    await promptShown(b);
  });

  it('sends a host-provided token (.getToken) to the API origin, and reads the session again', async () => {
    const { backend, state } = sessionBackend();
    const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend} api="https://api.example/hearth"><p>Secret</p></hearth-login-gate>`);
    await promptShown(el);
    const calls = state.calls;
    state.user = USER;
    el.getToken = () => 'host-token';
    await contentShown(el);
    expect(state.calls).to.be.greaterThan(calls);
    expect(tokenFor('https://api.example/hearth/messages')).to.equal('host-token');
    expect(tokenFor(`${AUTH}/api`)).to.equal(null);
    el.getToken = undefined;
    await el.updateComplete;
    expect(tokenFor('https://api.example/hearth/messages')).to.equal(null);
  });
});

describe('bearer tokens in the HTTP client', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
    setToken('https://a.example', null);
    setTokenSource('https://b.example', undefined);
  });

  it('sends the token of the API origin only, as Authorization: Bearer', async () => {
    const seen: Array<[string, string | null]> = [];
    window.fetch = (async (url: string, init: RequestInit) => {
      seen.push([url, new Headers(init.headers).get('Authorization')]);
      return new Response('{"user":null,"loginUrl":"x","signupUrl":"y"}', { headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    setToken('https://a.example', 'tok-a');
    setTokenSource('https://b.example', async () => 'tok-b');
    await httpBackend('https://a.example/api').getSession();
    await httpBackend('https://b.example/api').getSession();
    await httpBackend('https://c.example/api').getSession();
    expect(seen).to.deep.equal([
      ['https://a.example/api/session', 'Bearer tok-a'],
      ['https://b.example/api/session', 'Bearer tok-b'],
      ['https://c.example/api/session', null],
    ]);
  });
});
