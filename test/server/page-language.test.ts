// The server's own HTML pages speak the visitor's language (issue 14): Accept-Language picks one of
// en, uk, de, fr, es, ar (q-values respected, uk-UA → uk, anything else → en); <html lang dir>
// follow (ar → rtl), every page answers Vary: Accept-Language, and the catalogue is complete.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { booking, call, createTestApp, newKey, ORIGIN, PARTNER, attempt, signInBearer, signInCookie, type TestApp } from './helpers.js';
import { DEMO_ADMIN, DEMO_USER } from '../../server/src/seed.js';
import { PAGE_LANGUAGES, PAGE_STRING_IDS, pickLanguage, t as tr, translatedIds, translateText, varyLanguage, type PageLang } from '../../server/src/page-language.js';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('pickLanguage', () => {
  test('the highest q among supported languages; regions count by their language; unsupported, missing, malformed → en', () => {
    const cases: Array<[string | undefined, PageLang]> = [
      [undefined, 'en'],
      ['', 'en'],
      ['uk', 'uk'],
      ['uk-UA', 'uk'],
      ['UK-ua,uk;q=0.9,en-US;q=0.8,en;q=0.7', 'uk'],
      ['de-CH', 'de'],
      ['ar-EG,ar;q=0.9', 'ar'],
      ['fr;q=0.5, es;q=0.9', 'es'],
      ['en;q=0.4, de;q=0.6, uk;q=0.5', 'de'],
      ['ja, uk;q=0.3', 'uk'],
      ['ja, zh-CN', 'en'],
      ['de;q=0, en', 'en'],
      ['de;q=0', 'en'],
      ['es, fr', 'es'],
      ['fr;q=0.8, es;q=0.8', 'fr'],
      ['*', 'en'],
      ['*;q=0.5, ar', 'ar'],
      ['garbage;;;,,', 'en'],
      ['de;q=2', 'en'],
      ['ukr', 'en'],
    ];
    for (const [header, lang] of cases) assert.equal(pickLanguage(header), lang, String(header));
  });

  test('varyLanguage merges with an existing Vary once', () => {
    assert.equal(varyLanguage(undefined), 'Accept-Language');
    assert.equal(varyLanguage('Accept'), 'Accept, Accept-Language');
    assert.equal(varyLanguage('Accept, accept-language'), 'Accept, accept-language');
  });
});

describe('the catalogue', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  test('uk, de, fr, es and ar translate every string, with the same placeholders as the English', () => {
    for (const lang of PAGE_LANGUAGES.filter((l) => l !== 'en')) {
      assert.deepEqual(translatedIds(lang).sort(), [...PAGE_STRING_IDS].sort(), lang);
      for (const id of PAGE_STRING_IDS) {
        assert.deepEqual(placeholders(tr(lang, id)), placeholders(tr('en', id)), `${lang} ${id}`);
        if (!/^(form\.unsupported\.text|page\.errorPrefix|manage\.status)$/.test(id)) assert.notEqual(tr(lang, id), '', `${lang} ${id}`);
      }
    }
  });

  test('English sentences from the routes and schemas are translated with their values; unknown ones stay English', () => {
    assert.equal(translateText('de', 'Enter a password of at least 8 characters'), 'Geben Sie ein Passwort mit mindestens 8 Zeichen ein');
    assert.equal(
      translateText('uk', 'There have been too many attempts to sign in, so signing in is paused for now. Please try again in 12 minutes.'),
      'Було забагато спроб увійти, тому вхід тимчасово призупинено. Спробуйте ще раз через 12 хвилин.',
    );
    assert.match(translateText('fr', 'Too many accounts have been created from your network recently. Please try again in 1 minute.'), /réessayer dans 1 minute\.$/);
    assert.match(translateText('ar', 'Enter your email address'), /^أدخل عنوان بريدك الإلكتروني$/);
    assert.equal(translateText('es', 'Something nobody wrote down'), 'Something nobody wrote down');
    assert.equal(translateText('en', 'Enter your password'), 'Enter your password');
  });
});

interface Expect {
  status: number;
  /** Text that shows the page in each language (as it appears in the HTML). */
  text: Record<'en' | 'uk' | 'de' | 'ar', string>;
}

describe('the pages in the visitor’s language', () => {
  let t: TestApp;
  let manage: string;
  let inviteToken: string;
  let cookie: string;
  const a = attempt();

  before(async () => {
    t = await createTestApp();
    const r = await call(t, 'POST', '/api/consultations', { json: booking(), headers: { 'Idempotency-Key': newKey() } });
    assert.equal(r.status, 201);
    manage = new URL(((await r.json()) as { manageUrl: string }).manageUrl).pathname;
    const admin = `Bearer ${await signInBearer(t, PARTNER, { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password })}`;
    const inv = await call(t, 'POST', '/api/staff', { json: { email: 'lina@clinic.example', name: 'Lina Park', role: 'admin' }, headers: { Authorization: admin, 'Idempotency-Key': newKey() } });
    assert.equal(inv.status, 201);
    await new Promise((resolve) => setImmediate(resolve));
    inviteToken = /\/invite\?token=([A-Za-z0-9_-]{43})/.exec(t.mail.at(-1)!.text)![1]!;
    cookie = await signInCookie(t);
  });

  // Each page: how to ask for it with an Accept-Language header, and what it says.
  const PAGES: Record<string, { get: (lang: Record<string, string>) => Promise<Response>; expect: Expect }> = {
    'sign-in (GET /login)': {
      get: (h) => call(t, 'GET', '/login', { headers: h }),
      expect: { status: 200, text: { en: '<h1>Sign in</h1>', uk: '<h1>Вхід</h1>', de: '<h1>Anmelden</h1>', ar: '<h1>تسجيل الدخول</h1>' } },
    },
    'sign-in errors (POST /login without fields)': {
      get: (h) => call(t, 'POST', '/login', { body: form({ email: '', password: '' }), headers: { ...FORM, ...h } }),
      expect: {
        status: 422,
        text: { en: 'Enter your email address</a>', uk: 'Введіть адресу електронної пошти</a>', de: 'Geben Sie Ihre E-Mail-Adresse ein</a>', ar: 'أدخل عنوان بريدك الإلكتروني</a>' },
      },
    },
    'sign-up (GET /signup)': {
      get: (h) => call(t, 'GET', '/signup', { headers: h }),
      expect: { status: 200, text: { en: '<h1>Create an account</h1>', uk: '<h1>Створення облікового запису</h1>', de: '<h1>Konto erstellen</h1>', ar: '<h1>إنشاء حساب</h1>' } },
    },
    'sign-up errors (the schema’s messages)': {
      get: (h) => call(t, 'POST', '/signup', { body: form({ name: 'Ada', email: 'not-an-address', password: 'short' }), headers: { ...FORM, ...h } }),
      expect: {
        status: 422,
        text: {
          en: 'Enter a password of at least 8 characters',
          uk: 'Введіть пароль щонайменше з 8 символів',
          de: 'Geben Sie ein Passwort mit mindestens 8 Zeichen ein',
          ar: 'أدخل كلمة مرور من 8 أحرف على الأقل',
        },
      },
    },
    '“Continue as …” (GET /login, signed in, for another site)': {
      get: (h) =>
        call(t, 'GET', `/login?return=${encodeURIComponent(`${PARTNER}/page`)}&challenge=${a.challenge}&state=${a.state}`, { headers: { ...h, Cookie: cookie } }),
      expect: {
        status: 200,
        text: {
          en: 'Continue to partner.example as Demo Visitor',
          uk: 'Продовжити на partner.example як Demo Visitor',
          de: 'Als Demo Visitor weiter zu partner.example',
          ar: 'المتابعة إلى partner.example باسم Demo Visitor',
        },
      },
    },
    'the popup’s “signed in” page (POST /login from a popup)': {
      get: (h) =>
        call(t, 'POST', '/login', { body: form({ email: DEMO_USER.email, password: DEMO_USER.password, origin: PARTNER, challenge: a.challenge }), headers: { ...FORM, ...h } }),
      expect: { status: 200, text: { en: '<h1>You are signed in</h1>', uk: '<h1>Ви увійшли</h1>', de: '<h1>Sie sind angemeldet</h1>', ar: '<h1>تم تسجيل دخولك</h1>' } },
    },
    'invitation (GET /invite)': {
      get: (h) => call(t, 'GET', `/invite?token=${inviteToken}`, { headers: h }),
      expect: { status: 200, text: { en: '<h1>Choose a password</h1>', uk: '<h1>Оберіть пароль</h1>', de: '<h1>Passwort wählen</h1>', ar: '<h1>اختر كلمة مرور</h1>' } },
    },
    'invitation link not valid (GET /invite)': {
      get: (h) => call(t, 'GET', `/invite?token=${'A'.repeat(43)}`, { headers: h }),
      expect: { status: 400, text: { en: 'more than 7 days old', uk: 'йому понад 7 днів', de: 'älter als 7 Tage', ar: 'أكثر من 7 أيام' } },
    },
    'manage page': {
      get: (h) => call(t, 'GET', manage, { headers: { Accept: BROWSER, ...h } }),
      expect: {
        status: 200,
        text: {
          en: '<button type="submit">Cancel this booking</button>',
          uk: '<button type="submit">Скасувати цей запис</button>',
          de: '<button type="submit">Diese Buchung stornieren</button>',
          ar: '<button type="submit">إلغاء هذا الحجز</button>',
        },
      },
    },
    'booking not found': {
      get: (h) => call(t, 'GET', `/api/consultations/manage/${'B'.repeat(43)}`, { headers: { Accept: BROWSER, ...h } }),
      expect: { status: 404, text: { en: '<h1>Booking not found</h1>', uk: '<h1>Запис не знайдено</h1>', de: '<h1>Buchung nicht gefunden</h1>', ar: '<h1>لم يُعثر على الحجز</h1>' } },
    },
    'error page: a cross-site form post (403)': {
      get: (h) => call(t, 'POST', '/login', { body: form({ email: 'a@b.example', password: 'x' }), headers: { ...FORM, Origin: 'https://evil.example', ...h } }),
      expect: { status: 403, text: { en: '<h1>Request refused</h1>', uk: '<h1>Запит відхилено</h1>', de: '<h1>Anfrage abgelehnt</h1>', ar: '<h1>رُفض الطلب</h1>' } },
    },
    'error page: sign-up link not valid (400)': {
      get: (h) => call(t, 'GET', '/signup/confirm?token=nope', { headers: h }),
      expect: { status: 400, text: { en: '<h1>Link not valid</h1>', uk: '<h1>Посилання недійсне</h1>', de: '<h1>Link ungültig</h1>', ar: '<h1>الرابط غير صالح</h1>' } },
    },
    'error page: a site not allowed (400)': {
      get: (h) => call(t, 'GET', `/login?origin=${encodeURIComponent('https://evil.example')}`, { headers: h }),
      expect: { status: 400, text: { en: '<h1>Site not allowed</h1>', uk: '<h1>Сайт не дозволено</h1>', de: '<h1>Website nicht zugelassen</h1>', ar: '<h1>الموقع غير مسموح به</h1>' } },
    },
    'the desk’s page for a visitor (403)': {
      get: (h) => call(t, 'GET', '/desk', { headers: { ...h, Cookie: cookie } }),
      expect: {
        status: 403,
        text: { en: '<h1>This page is for the care team</h1>', uk: '<h1>Ця сторінка — для команди підтримки</h1>', de: '<h1>Diese Seite ist für das Betreuungsteam</h1>', ar: '<h1>هذه الصفحة مخصّصة لفريق الرعاية</h1>' },
      },
    },
  };

  const htmlTag = (text: string) => /<html lang="([^"]+)" dir="([^"]+)">/.exec(text)?.slice(1);

  for (const [name, page] of Object.entries(PAGES)) {
    test(`${name}: uk, de and ar speak the language, with lang/dir and Vary: Accept-Language; unsupported and missing → English`, async () => {
      const asks: Array<[Record<string, string>, 'en' | 'uk' | 'de' | 'ar']> = [
        [{ 'Accept-Language': 'uk-UA,uk;q=0.9,en;q=0.8' }, 'uk'],
        [{ 'Accept-Language': 'de' }, 'de'],
        [{ 'Accept-Language': 'ar' }, 'ar'],
        [{ 'Accept-Language': 'ja' }, 'en'],
        [{}, 'en'],
        [{ 'Accept-Language': 'en;q=0.5, de;q=0.9, uk;q=0.7' }, 'de'],
        [{ 'Accept-Language': 'ar;q=0, uk;q=0.1' }, 'uk'],
      ];
      for (const [headers, lang] of asks) {
        const r = await page.get(headers);
        const label = `${name} ${JSON.stringify(headers)}`;
        assert.equal(r.status, page.expect.status, label);
        const text = await r.text();
        assert.ok(text.includes(page.expect.text[lang]), `${label}: ${page.expect.text[lang]}`);
        for (const other of ['en', 'uk', 'de', 'ar'] as const) if (other !== lang) assert.ok(!text.includes(page.expect.text[other]), `${label}: not ${other}`);
        assert.deepEqual(htmlTag(text), [lang, lang === 'ar' ? 'rtl' : 'ltr'], label);
        assert.match(r.headers.get('vary') ?? '', /\bAccept-Language\b/, label);
      }
    });
  }

  test('manage page: dates in the language, both zones kept; Vary keeps Accept; no English left in uk', async () => {
    const get = (lang: string) => call(t, 'GET', manage, { headers: { Accept: BROWSER, 'Accept-Language': lang } });
    const uk = await get('uk');
    const text = await uk.text();
    assert.match(uk.headers.get('vary')!, /\bAccept\b.*\bAccept-Language\b/);
    assert.match(text, /вівторок, 2\sчервня\s2026\sр\., 09:00–09:30<\/time> \(<bdi>Europe\/Kyiv, GMT\+03:00<\/bdi>\)/);
    assert.match(text, /вівторок, 2\sчервня\s2026\sр\., 06:00–06:30<\/time> \(<bdi>UTC<\/bdi>\)/);
    assert.match(text, /<dt>Фахівець<\/dt>\n<dd>Dr\. Olena Kovalenko<\/dd>/);
    assert.match(text, /<dt>Статус<\/dt>\n<dd>Підтверджено<\/dd>/);
    assert.match(text, /<hearth-consultation-button api="\/api" reschedule="[^"]+">Обрати інший час<\/hearth-consultation-button>/);
    for (const english of ['Your consultation', 'Specialist', 'Status', 'Confirmed', 'Add to calendar', 'Choose another time', 'Cancel this booking', 'Cancelling', 'Date and time'])
      assert.ok(!text.includes(english), english);
    assert.match(await (await get('de')).text(), /Dienstag, 2\. Juni 2026, 09:00–09:30 Uhr/);
    assert.match(await (await get('ar')).text(), /الثلاثاء، 2 يونيو 2026، 09:00–09:30/);
    // The JSON answer is unchanged by the header.
    const json = await call(t, 'GET', manage, { headers: { Accept: 'application/json', 'Accept-Language': 'uk' } });
    assert.equal(((await json.json()) as { status: string }).status, 'confirmed');
  });

  test('sign-in page in uk: no English left, the handoff still carried', async () => {
    const r = await call(t, 'GET', `/login?return=${encodeURIComponent('/desk')}`, { headers: { 'Accept-Language': 'uk' } });
    const text = await r.text();
    for (const english of ['Sign in', 'Email address', 'Password', 'No account yet', 'Create an account']) assert.ok(!text.includes(english), english);
    assert.ok(text.includes('<a href="/signup?return=%2Fdesk">Створити обліковий запис</a>'));
  });
});
