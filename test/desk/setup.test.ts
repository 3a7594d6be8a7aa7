import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/hearth-provider.js';
import '../../src/define/hearth-desk.js';
import type { HearthDesk } from '../../src/desk/desk.js';
import { conversation, deskStub } from './stub.js';
import { $, desk, listed, openRow, rows, text } from './helpers.js';
import { forgetReplies } from '../helpers/storage.js';

describe('<hearth-desk> setup', () => {
  beforeEach(async () => {
    await forgetReplies('a');
  });

  it('takes its backend from an enclosing <hearth-provider>', async () => {
    const { backend } = deskStub('specialist', [conversation('a')]);
    const provider = await fixture(html`<hearth-provider .backend=${backend}><hearth-desk></hearth-desk></hearth-provider>`);
    const el = provider.querySelector<HearthDesk>('hearth-desk')!;
    await listed(el);
    expect(rows(el)).to.have.length(1);
  });

  it('without any backend, says so', async () => {
    const el = await fixture<HearthDesk>(html`<hearth-desk></hearth-desk>`);
    expect(text($(el, '[part~=notice]'))).to.contain('no server');
    await expect(el).to.be.accessible();
  });

  it('speaks Ukrainian under lang="uk"', async () => {
    const el = await desk(deskStub('specialist', [conversation('a', { subject: null })]).backend, { lang: 'uk' });
    await waitUntil(() => text($(el, '#inbox-title')) == 'Вхідні', 'translated');
    expect(text(rows(el)[0].querySelector('.subject'))).to.equal('Без теми');
    expect(text(rows(el)[0].querySelector('.vh'))).to.equal('Непрочитаних: 1');
    await openRow(el);
    expect(text($(el, '[type=submit]'))).to.equal('Надіслати відповідь');
    await expect(el).to.be.accessible();
  });

  it('an opened conversation that failed to load says so, with Retry', async () => {
    const stub = deskStub('specialist', [conversation('a')]);
    const el = await desk(stub.backend);
    await listed(el);
    stub.conversations.delete('a');
    rows(el)[0].click();
    await waitUntil(() => text($(el, '.thread [part~=error]')).includes('This conversation is no longer there.'), 'the error');
    await expect(el).to.be.accessible();
  });
});
