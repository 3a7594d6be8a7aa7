import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import '../../src/define/hearth-login-gate.js';
import { HearthLoginGate } from '../../src/login-gate/login-gate.js';
import type { HearthBackend, Session } from '../../src/core/backend.js';
import { HearthError } from '../../src/core/errors.js';
import { httpBackend } from '../../src/core/http-backend.js';
import { setToken, setTokenSource, tokenFor } from '../../src/core/tokens.js';
import { markLogin, takeReturnToken } from '../../src/core/session.js';

const AUTH = 'https://auth.example';
const USER = { id: 'u1', name: 'Demo Visitor' };

/** A backend whose session the test controls. */
export function sessionBackend(initial: { id: string; name: string } | null = null, answer?: () => Promise<Session>) {
  const state = { user: initial, calls: 0 };
  const backend: HearthBackend = {
    getReferences: async () => [],
    getSession: async () => {
      state.calls++;
      return answer ? answer() : { user: state.user, loginUrl: `${AUTH}/login`, signupUrl: `${AUTH}/signup` };
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
  afterEach(() => {
    window.open = open;
    HearthLoginGate.navigate = navigate;
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
      return { popup: frame.contentWindow!, urls, frame };
    }
    const post = (data: unknown, origin: string, source: Window) => window.dispatchEvent(new MessageEvent('message', { data, origin, source }));

    it('opens loginUrl?origin=… in a popup and takes the token only from that popup and the backend origin', async () => {
      const { backend, state } = sessionBackend();
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
      await promptShown(el);
      const { popup, urls, frame } = await popupStub();
      button(el, 'login').click();
      expect(urls).to.deep.equal([`${AUTH}/login?origin=${encodeURIComponent(location.origin)}`]);
      await waitUntil(() => text(el).includes('Finish signing in in the window that opened.'), 'the waiting notice');
      await expect(el).to.be.accessible();
      state.user = USER; // the server would accept the token from now on

      // Ignored: another origin, another window, another message type, a token that is not a string.
      post({ type: 'hearth:session', token: 'evil' }, 'https://evil.example', popup);
      post({ type: 'hearth:session', token: 'evil' }, AUTH, window);
      post({ type: 'other', token: 'evil' }, AUTH, popup);
      post({ type: 'hearth:session', token: 42 }, AUTH, popup);
      await aTimeout(50);
      expect(tokenFor(`${AUTH}/api`)).to.equal(null);
      expect(button(el, 'login')).to.exist;

      post({ type: 'hearth:session', token: 'tok-1' }, AUTH, popup);
      await contentShown(el);
      expect(tokenFor(`${AUTH}/api/messages`)).to.equal('tok-1');
      expect(sessionStorage.getItem(`hearth.token:${AUTH}`)).to.equal('tok-1');
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
      expect(urls[0]).to.equal(`${AUTH}/signup?origin=${encodeURIComponent(location.origin)}`);
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

    it('goes to the sign-in page and back when the popup is blocked', async () => {
      const { backend } = sessionBackend();
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}></hearth-login-gate>`);
      await promptShown(el);
      window.open = () => null;
      const went: string[] = [];
      HearthLoginGate.navigate = (url) => went.push(url);
      button(el, 'login').click();
      // Another origin than the page: the return address is the whole page URL.
      expect(went).to.deep.equal([`${AUTH}/login?return=${encodeURIComponent(location.href)}`]);
      // This tab remembers that it started a sign-in with that backend.
      expect(JSON.parse(sessionStorage.getItem('hearth.login')!)[0]).to.equal(AUTH);
      sessionStorage.removeItem('hearth.login');
    });

    it('returns to the same path on a same-site backend', async () => {
      const { backend } = sessionBackend(null, async () => ({ user: null, loginUrl: `${location.origin}/login`, signupUrl: `${location.origin}/signup` }));
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}></hearth-login-gate>`);
      await promptShown(el);
      window.open = () => null;
      const went: string[] = [];
      HearthLoginGate.navigate = (url) => went.push(url);
      button(el, 'login').click();
      const url = new URL(went[0]);
      expect(url.pathname).to.equal('/login');
      expect(url.searchParams.get('return')).to.equal(location.pathname + location.search + location.hash);
      expect(url.searchParams.has('origin')).to.be.false;
    });
  });

  describe('coming back from a full-page sign-in with #hearth-token=…', () => {
    const page = location.href;
    afterEach(() => {
      history.replaceState(null, '', page);
      sessionStorage.removeItem('hearth.login');
    });
    /** A backend that knows the visitor once the token `tok-r` is sent to its origin. */
    const tokenBackend = () =>
      sessionBackend(null, async () => ({ user: tokenFor(`${AUTH}/api`) === 'tok-r' ? USER : null, loginUrl: `${AUTH}/login`, signupUrl: `${AUTH}/signup` }));

    it('takes the token when this tab started the sign-in, and removes the fragment (the page keeps its own)', async () => {
      history.replaceState(null, '', '?q=1#section');
      markLogin(AUTH);
      history.replaceState(null, '', '?q=1#hearth-token=tok-r'); // the server's redirect drops the page's fragment
      takeReturnToken();
      expect(tokenFor(`${AUTH}/api/messages`)).to.equal('tok-r');
      expect(location.search).to.equal('?q=1');
      expect(location.hash).to.equal('#section');
      expect(sessionStorage.getItem('hearth.login')).to.equal(null);
      const { backend } = tokenBackend();
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
      await contentShown(el);
      expect(el.user).to.deep.equal(USER);
    });

    it('ignores a token this tab did not ask for (a planted session), and still removes the fragment', async () => {
      history.replaceState(null, '', '?q=2#hearth-token=tok-r');
      takeReturnToken();
      expect(tokenFor(`${AUTH}/api`)).to.equal(null);
      expect(location.hash).to.equal('');
      expect(location.search).to.equal('?q=2');
      const { backend } = tokenBackend();
      const el = await fixture<HearthLoginGate>(html`<hearth-login-gate .backend=${backend}><p>Secret</p></hearth-login-gate>`);
      await promptShown(el);
    });

    it('ignores a marker older than an hour', async () => {
      sessionStorage.setItem('hearth.login', JSON.stringify([AUTH, '', Date.now() - 2 * 3_600_000]));
      history.replaceState(null, '', '#hearth-token=tok-r');
      takeReturnToken();
      expect(tokenFor(`${AUTH}/api`)).to.equal(null);
      expect(location.hash).to.equal('');
    });
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
