import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys as send } from '@web/test-runner-commands';
import { HearthError } from '../../src/core/errors.js';
import { AUTH, conversation, deskStub, reject } from './stub.js';
import { $, announced, button, desk, focused, listed, openRow, rows, text, textarea, threadReady, type } from './helpers.js';
import { forgetReplies } from '../helpers/storage.js';

const sendKeys = send as (keys: { press: string }) => Promise<void>;

describe('<hearth-desk>', () => {
  beforeEach(async () => {
    await forgetReplies('a', 'b', 'c', 'new');
  });

  describe('who is signed in', () => {
    it('signed out: asks to sign in as a member of the care team, with a link that comes back here', async () => {
      const { backend } = deskStub(null);
      const el = await desk(backend);
      await waitUntil(() => $(el, 'a'), 'the sign-in link');
      expect(text($(el, '[part~=notice]'))).to.contain('Sign in as a member of the care team');
      const href = new URL($<HTMLAnchorElement>(el, 'a')!.href);
      expect(href.origin + href.pathname).to.equal(`${AUTH}/login`);
      expect(href.searchParams.get('return')).to.equal(location.href);
      await expect(el).to.be.accessible();
    });

    it('a visitor account: the desk is for the care team', async () => {
      const { backend, lists } = deskStub('visitor', [conversation('a')]);
      const el = await desk(backend);
      await waitUntil(() => text($(el, '[part~=notice]')).includes('This desk is for the care team'), 'the notice');
      expect(lists).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('the inbox', () => {
    it('shows a skeleton while the first page loads, in one request', async () => {
      const stub = deskStub('specialist', [conversation('a')]);
      let release!: () => void;
      stub.listAnswers.push(() => new Promise<void>((resolve) => (release = resolve)));
      const el = await desk(stub.backend);
      await waitUntil(() => $(el, '.inbox [aria-busy=true]'), 'the skeleton');
      expect(text($(el, '.inbox [aria-busy=true]'))).to.equal('Loading conversations…');
      await expect(el).to.be.accessible();
      release();
      await listed(el);
      expect(stub.lists).to.deep.equal([{ status: 'open', limit: 25 }]);
    });

    it('lists conversations: visitor, subject or "No subject", preview, time, unread for screen readers, status', async () => {
      const { backend } = deskStub('specialist', [
        conversation('a', { visitorName: 'Ana P.', subject: null, body: 'I would like to talk about sleep' }),
        conversation('b', { visitorName: 'Bohdan K.' }),
      ]);
      const el = await desk(backend);
      await listed(el);
      const [first, second] = rows(el);
      expect(text(first.querySelector('.who'))).to.equal('Bohdan K.'); // newest activity first
      expect(text(second.querySelector('.who'))).to.equal('Ana P.');
      expect(text(second.querySelector('.subject'))).to.equal('No subject');
      expect(text(second.querySelector('.preview'))).to.equal('I would like to talk about sleep');
      expect(text(second.querySelector('.vh'))).to.equal('1 unread');
      expect(second.querySelector('.badge')!.getAttribute('aria-hidden')).to.equal('true');
      expect(text(second.querySelector('.status'))).to.equal('Open');
      expect(second.querySelector('time')!.getAttribute('datetime')).to.match(/^2026-/);
      expect($(el, '[role=listbox]')!.getAttribute('aria-label')).to.equal('Conversations');
      expect(rows(el).map((r) => r.tabIndex)).to.deep.equal([0, -1]);
      await expect(el).to.be.accessible();
    });

    it('filters Open / Handled / Mine / All with aria-pressed, and says when a filter is empty', async () => {
      const stub = deskStub('specialist', [conversation('a')]);
      const el = await desk(stub.backend);
      await listed(el);
      expect(rows(el)).to.have.length(1);
      button(el, 'Handled')!.click();
      await waitUntil(() => text($(el, '.inbox p.state')) == 'No handled conversations', 'the empty state');
      expect(button(el, 'Handled')!.getAttribute('aria-pressed')).to.equal('true');
      expect(button(el, 'Open')!.getAttribute('aria-pressed')).to.equal('false');
      expect(el.getAttribute('filter')).to.equal('handled');
      await expect(el).to.be.accessible();
      button(el, 'Mine')!.click();
      await waitUntil(() => text($(el, '.inbox p.state')) == 'No open conversations are assigned to you', 'mine is empty');
      button(el, 'All')!.click();
      await waitUntil(() => rows(el).length == 1, 'all');
      expect(stub.lists.slice(1)).to.deep.equal([
        { status: 'handled', limit: 25 },
        { mine: true, status: 'open', limit: 25 },
        { limit: 25 },
      ]);
    });

    it('says "No open conversations" for an empty inbox', async () => {
      const el = await desk(deskStub('specialist').backend);
      await listed(el);
      expect(text($(el, '.inbox p.state'))).to.equal('No open conversations');
      await expect(el).to.be.accessible();
    });

    it('shows what went wrong with Retry, and focus stays in the desk after Retry', async () => {
      const stub = deskStub('specialist', [conversation('a')]);
      stub.listAnswers.push(reject(new HearthError('server', 'HTTP 503', { status: 503 })));
      const el = await desk(stub.backend);
      await listed(el);
      expect(text($(el, '.inbox [part~=error]'))).to.contain('The conversations could not be loaded.');
      await expect(el).to.be.accessible();
      button(el, 'Retry')!.focus();
      button(el, 'Retry')!.click();
      await waitUntil(() => rows(el).length == 1, 'the list after Retry');
      await el.updateComplete;
      expect(focused(el)).to.not.equal(null);
      expect(document.activeElement).to.equal(el);
    });

    it('loads more by cursor, and focuses the first new row when the last page came', async () => {
      const list = Array.from({ length: 30 }, (_, i) => conversation(`p${i}`));
      const stub = deskStub('specialist', list);
      const el = await desk(stub.backend);
      await listed(el);
      expect(rows(el)).to.have.length(25);
      button(el, 'Load more')!.focus();
      button(el, 'Load more')!.click();
      await waitUntil(() => rows(el).length == 30, 'the second page');
      expect(stub.lists[1]).to.deep.equal({ status: 'open', before: '25', limit: 25 });
      await waitUntil(() => focused(el) == rows(el)[25], 'the first new row has focus');
      expect(button(el, 'Load more')).to.equal(undefined);
    });
  });

  describe('keyboard', () => {
    it('moves through the listbox with Up/Down/Home/End (roving focus), opens with Enter and marks it read', async () => {
      const stub = deskStub('specialist', [conversation('a', { visitorName: 'Ana P.' }), conversation('b', { visitorName: 'Bohdan K.' }), conversation('c', { visitorName: 'Chrystyna L.' })]);
      const el = await desk(stub.backend);
      await listed(el);
      rows(el)[0].focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal(rows(el)[1]);
      await el.updateComplete;
      expect(rows(el).map((r) => r.tabIndex)).to.deep.equal([-1, 0, -1]);
      await sendKeys({ press: 'End' });
      expect(focused(el)).to.equal(rows(el)[2]);
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal(rows(el)[2]);
      await sendKeys({ press: 'Home' });
      expect(focused(el)).to.equal(rows(el)[0]);
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el)).to.equal(rows(el)[0]);
      await sendKeys({ press: 'a' }); // typeahead: Ana P.
      expect(text(focused(el)!.querySelector('.who'))).to.equal('Ana P.');
      const opened = oneEvent(el, 'hearth-desk-conversation-opened');
      await sendKeys({ press: 'Enter' });
      const { detail } = await opened;
      expect(detail.conversationId).to.equal('a');
      await threadReady(el);
      const row = rows(el).find((r) => r.dataset.id == 'a')!;
      expect(row.getAttribute('aria-selected')).to.equal('true');
      expect(row.querySelector('.badge')).to.equal(null);
      expect(focused(el)).to.equal(row); // wide: focus stays in the list
      expect(text($(el, '#thread-title'))).to.equal('Ana P.');
      await expect(el).to.be.accessible();
    });

    it('Space opens too', async () => {
      const el = await desk(deskStub('specialist', [conversation('a')]).backend);
      await listed(el);
      rows(el)[0].focus();
      await sendKeys({ press: 'Space' });
      await threadReady(el);
    });
  });

  describe('the thread', () => {
    it('shows messages oldest first with author, time, and the care team marked', async () => {
      const c = conversation('a', { visitorName: 'Ana P.' });
      c.messages.push({ id: 'a-r', author: { id: 'u-admin', name: 'Ada Admin', role: 'admin' }, body: 'We are here.', createdAt: '2026-03-02T10:00:00Z' });
      const el = await desk(deskStub('specialist', [c]).backend);
      await openRow(el);
      const messages = [...el.shadowRoot!.querySelectorAll('[part~=message]')];
      expect(messages.map((m) => text(m.querySelector('.author')))).to.deep.equal(['Ana P.', 'Ada Admin']);
      expect(messages.map((m) => m.getAttribute('part'))).to.deep.equal(['message visitor', 'message staff']);
      expect(text(messages[1].querySelector('.team'))).to.equal('Care team');
      expect(facts(el)).to.deep.equal(['Care team', 'Unassigned', 'Open']);
    });

    it('Mark handled / Reopen: PATCH status, pending state, focus kept on the button', async () => {
      const stub = deskStub('specialist', [conversation('a')]);
      const el = await desk(stub.backend);
      await openRow(el);
      const toggle = button(el, 'Mark handled')!;
      toggle.focus();
      const updated = oneEvent(el, 'hearth-desk-conversation-updated');
      toggle.click();
      await el.updateComplete;
      expect(text($(el, '.action-status'))).to.equal('Saving…');
      expect((await updated).detail).to.deep.equal({ conversationId: 'a', status: 'handled', assignee: null });
      await el.updateComplete;
      expect(text(toggle)).to.equal('Reopen');
      expect(focused(el)).to.equal(toggle);
      expect(stub.updates).to.deep.equal([{ id: 'a', status: 'handled' }]);
      expect(text(rows(el)[0].querySelector('.status'))).to.equal('Handled');
      toggle.click();
      await waitUntil(() => text(toggle) == 'Mark handled', 'reopened');
      expect(focused(el)).to.equal(toggle);
    });

    it('a refused change says so and keeps focus', async () => {
      const stub = deskStub('specialist', [conversation('a')]);
      stub.backend.updateConversation = async () => {
        throw new HearthError('forbidden', 'HTTP 403', { status: 403 });
      };
      const el = await desk(stub.backend);
      await openRow(el);
      const toggle = button(el, 'Mark handled')!;
      toggle.focus();
      toggle.click();
      await waitUntil(() => text($(el, '.action-status')).includes('The change was not saved.'), 'the error');
      expect(text($(el, '.action-status'))).to.contain('Your account may not do this.');
      expect(focused(el)).to.equal(toggle);
    });

    it('renders hostile strings as text', async () => {
      const hostile = '<img src=x onerror="window.__pwned=1">';
      const el = await desk(deskStub('specialist', [conversation('a', { visitorName: hostile, subject: hostile, body: hostile })]).backend);
      await openRow(el);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(text(rows(el)[0].querySelector('.who'))).to.equal(hostile);
      expect(text($(el, '[part~=message] .body'))).to.equal(hostile);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('roles', () => {
    it('a specialist has no Invite staff and no Assign to', async () => {
      const el = await desk(deskStub('specialist', [conversation('a')]).backend);
      await openRow(el);
      expect(button(el, 'Invite staff')).to.equal(undefined);
      expect($(el, 'select')).to.equal(null);
      expect($(el, 'dialog')).to.equal(null);
    });

    it('an admin assigns from the staff list (and back to Unassigned), focus kept on the select', async () => {
      const stub = deskStub('admin', [conversation('a')]);
      const el = await desk(stub.backend);
      await openRow(el);
      const select = await waitUntil(() => $<HTMLSelectElement>(el, '.assign select')?.options.length == 3, 'the staff list').then(() => $<HTMLSelectElement>(el, '.assign select')!);
      expect([...select.options].map((o) => o.text)).to.deep.equal(['Unassigned', 'Ada Admin', 'Dr. Olena Kovalenko']);
      select.focus();
      select.value = 'u-olena';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => facts(el)[1] == 'Dr. Olena Kovalenko', 'assigned');
      expect(focused(el)).to.equal(select);
      select.value = '';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => facts(el)[1] == 'Unassigned', 'unassigned');
      expect(stub.updates).to.deep.equal([
        { id: 'a', assignee: 'u-olena' },
        { id: 'a', assignee: null },
      ]);
      await expect(el).to.be.accessible();
    });
  });

  describe('narrow layout', () => {
    it('shows one pane at a time: the thread with "Back to inbox", which returns focus to the row', async () => {
      const el = await desk(deskStub('specialist', [conversation('a'), conversation('b', { visitorName: 'Bohdan K.' })]).backend, { width: '320px' });
      await listed(el);
      expect($(el, '.thread')!.checkVisibility()).to.equal(false);
      await expect(el).to.be.accessible();
      rows(el)[0].focus();
      await sendKeys({ press: 'Enter' });
      await threadReady(el);
      await waitUntil(() => focused(el)?.id == 'thread-title', 'focus on the thread heading');
      expect($(el, '.inbox')!.checkVisibility()).to.equal(false);
      expect(button(el, 'Back to inbox')!.checkVisibility()).to.equal(true);
      await expect(el).to.be.accessible();
      button(el, 'Back to inbox')!.click();
      await waitUntil(() => focused(el)?.dataset.id == 'b', 'focus back on the row');
      expect($(el, '.inbox')!.checkVisibility()).to.equal(true);
    });
  });

  describe('live', () => {
    it('a new conversation in the filter appears at the top and is announced politely, focus untouched', async () => {
      const stub = deskStub('specialist', [conversation('a')]);
      const el = await desk(stub.backend);
      await listed(el);
      rows(el)[0].focus();
      stub.visitorWrites(conversation('new', { visitorName: 'Ana P.' }));
      await waitUntil(() => rows(el).length == 2, 'the new row');
      expect(rows(el)[0].dataset.id).to.equal('new');
      await waitUntil(() => announced(el) == 'New message from Ana P.', 'announced');
      expect(focused(el)).to.equal(rows(el)[1]);
      await expect(el).to.be.accessible();
    });

    it('a message in the open thread shows in it and is announced with its author', async () => {
      const stub = deskStub('specialist', [conversation('a', { visitorName: 'Ana P.' })]);
      const el = await desk(stub.backend);
      await openRow(el);
      stub.visitorWrites(conversation('a', { visitorName: 'Ana P.', body: 'Are you there?' }));
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~=message]').length == 2, 'the new message');
      await waitUntil(() => announced(el) == 'New message from Ana P.', 'announced');
      expect(rows(el)[0].querySelector('.badge')).to.equal(null); // read, since it is open
    });

    it('shows "Reconnecting…" while the stream reconnects, and stops the stream when disconnected', async () => {
      const stub = deskStub('specialist');
      const el = await desk(stub.backend);
      await listed(el);
      await waitUntil(() => stub.listener, 'watching');
      stub.listener!.state!('reconnecting');
      await el.updateComplete;
      expect(text($(el, '.note'))).to.equal('Reconnecting…');
      stub.listener!.state!('live');
      await el.updateComplete;
      expect(text($(el, '.note'))).to.equal('');
      el.remove();
      expect(stub.signal!.aborted).to.equal(true);
    });
  });

  describe('invite staff (admin)', () => {
    it('opens a dialog; 422 field errors sit by their fields; success is announced and focus returns to Invite staff', async () => {
      const stub = deskStub('admin');
      stub.inviteAnswers.push(reject(new HearthError('validation', 'HTTP 422', { status: 422, fieldErrors: { email: ['This address has an account already'] } })));
      const el = await desk(stub.backend);
      await listed(el);
      const invite = button(el, 'Invite staff')!;
      invite.focus();
      invite.click();
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.open).to.equal(true);
      await waitUntil(() => dialog.querySelectorAll('#invite-specialist option').length == 2, 'the specialists');
      await expect(el).to.be.accessible();
      const field = (name: string) => dialog.querySelector<HTMLInputElement>(`[name=${name}]`)!;
      button(el, 'Send invitation')!.click();
      await el.updateComplete;
      expect(field('email').getAttribute('aria-invalid')).to.equal('true');
      expect(text(dialog.querySelector('#invite-name-error'))).to.equal('Enter their name');
      expect(stub.invites).to.have.length(0);
      field('email').value = 'taken@example.com';
      field('name').value = 'Taras';
      (field('specialist') as unknown as HTMLSelectElement).value = 'olena-kovalenko';
      button(el, 'Send invitation')!.click();
      await waitUntil(() => text(dialog.querySelector('#invite-email-error')) == 'This address has an account already', 'the 422');
      expect(field('email').getAttribute('aria-describedby')).to.equal('invite-email-error');
      expect(field('email').getAttribute('aria-invalid')).to.equal('true');
      expect(field('name').getAttribute('aria-invalid')).to.equal('false');
      await waitUntil(() => dialog.querySelector(':focus') == field('email') || root(el).activeElement == field('email'), 'focus on the email');
      await expect(el).to.be.accessible();
      field('email').value = 'taras@example.com';
      field('email').dispatchEvent(new InputEvent('input', { bubbles: true }));
      const invited = oneEvent(el, 'hearth-desk-staff-invited');
      button(el, 'Send invitation')!.click();
      expect((await invited).detail.role).to.equal('specialist');
      expect(stub.invites.map((i) => i.invite)).to.deep.equal([
        { email: 'taken@example.com', name: 'Taras', role: 'specialist', specialist: 'olena-kovalenko' },
        { email: 'taras@example.com', name: 'Taras', role: 'specialist', specialist: 'olena-kovalenko' },
      ]);
      expect(stub.invites[0].key).to.be.a('string');
      expect(stub.invites[1].key).to.not.equal(stub.invites[0].key);
      await waitUntil(() => announced(el) == 'Invitation sent to taras@example.com', 'announced');
      expect(dialog.open).to.equal(false);
      await waitUntil(() => focused(el) == invite, 'focus back on Invite staff');
    });

    it('in Ukrainian, the errors found at submit are Ukrainian too (made in the handler, after the render)', async () => {
      const stub = deskStub('admin');
      const el = await desk(stub.backend, { lang: 'uk' });
      await listed(el);
      await waitUntil(() => button(el, 'Запросити колегу'), 'Ukrainian');
      button(el, 'Запросити колегу')!.click();
      button(el, 'Надіслати запрошення')!.click();
      await el.updateComplete;
      expect(text($(el, 'dialog')!.querySelector('#invite-name-error'))).to.equal('Введіть ім’я');
    });

    it("reads the staff's list of specialists each time it opens: one added since is offered, a deactivated one is not", async () => {
      const stub = deskStub('admin');
      const detail = (id: string, name: string, active = true) => ({ id, name, title: '', timeZone: 'Europe/Berlin', bio: null, languages: [], photoUrl: null, email: null, active });
      const list = [detail('olena-kovalenko', 'Dr. Olena Kovalenko'), detail('old', 'Former Colleague', false)];
      let reads = 0;
      stub.backend.listClinicSpecialists = async () => (reads++, structuredClone(list));
      const el = await desk(stub.backend);
      await listed(el);
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      const offered = () => [...dialog.querySelectorAll('#invite-specialist option')].map(text).slice(1);
      button(el, 'Invite staff')!.click();
      await waitUntil(() => offered().length == 1, 'the specialists');
      expect(offered()).to.deep.equal(['Dr. Olena Kovalenko']);
      button(el, 'Cancel')!.click();
      list.push(detail('mira', 'Dr. Mira Hartmann'));
      button(el, 'Invite staff')!.click();
      await waitUntil(() => offered().length == 2, 'the specialist added since');
      expect(offered()).to.deep.equal(['Dr. Olena Kovalenko', 'Dr. Mira Hartmann']);
      expect(reads).to.be.greaterThan(1);
    });
  });
});

const root = (el: Element) => el.shadowRoot!;
/** The thread header's To, Assigned to and Status. */
const facts = (el: Element) => [...root(el).querySelectorAll('.head dd')].map(text);
void aTimeout;
void textarea;
void type;
