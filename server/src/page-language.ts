// The language of the server's own HTML pages (issue 14): sign-in, sign-up, "Continue as …", the
// invitation page, the booking's manage page and the error pages. Picked per request from
// Accept-Language (q-values respected, `uk-UA` → uk, anything else → en); every string has a
// stable id, English is the source, and a string a language lacks falls back to English.
// Sentences made elsewhere in English (validation messages of the shared zod schemas, the sign-in
// limits, the handoff's refusals) are translated by their English text (`translateText`), so the
// JSON API keeps its English problems and the pages speak the visitor's language.

export const PAGE_LANGUAGES = ['en', 'uk', 'de', 'fr', 'es', 'ar'] as const;
export type PageLang = (typeof PAGE_LANGUAGES)[number];

/** Right to left for Arabic. */
export const dirOf = (lang: PageLang): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

/**
 * The best supported language of an Accept-Language header: the highest q wins (ties: the order
 * given), a tag counts by its primary subtag (`uk-UA` → uk), `q=0` excludes, `*` means English.
 * Missing, malformed or unsupported → en.
 */
export function pickLanguage(header: string | undefined | null): PageLang {
  if (!header) return 'en';
  let best: PageLang = 'en';
  let bestQ = 0;
  for (const part of header.slice(0, 1000).split(',')) {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag!.trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      if (!/^\s*q\s*=/i.test(p)) continue;
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
      q = m ? Number(m[1]) : 0; // a malformed q-value ("q=2", "q=high") excludes the tag
    }
    if (!(q > 0) || q > 1) continue;
    const primary = tag === '*' ? 'en' : tag.split('-')[0];
    const lang = PAGE_LANGUAGES.find((l) => l === primary);
    if (lang && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}

/** The page language of a request (its Accept-Language header). */
export const pageLanguage = (c: { req: { header(name: string): string | undefined } }): PageLang => pickLanguage(c.req.header('accept-language'));

/** Merges `Accept-Language` into a Vary value ("Accept" → "Accept, Accept-Language"). */
export function varyLanguage(vary: string | undefined): string {
  const names = (vary ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return names.some((n) => n.toLowerCase() === 'accept-language') ? names.join(', ') : [...names, 'Accept-Language'].join(', ');
}

// The English source. {name} marks a value filled in by the page.
const EN = {
  'page.errorSummary': 'There is a problem',
  'page.errorPrefix': 'Error: ',
  'field.email': 'Email address',
  'field.password': 'Password',
  'field.name': 'Your name',
  'login.title': 'Sign in',
  'login.submit': 'Sign in',
  'login.noAccount': 'No account yet?',
  'login.createAccount': 'Create an account',
  'signup.title': 'Create an account',
  'signup.passwordHint': 'At least {n} characters.',
  'signup.submit': 'Create account',
  'signup.haveAccount': 'Already have an account?',
  'signup.signIn': 'Sign in',
  'continue.title': 'Continue',
  'continue.heading': 'Continue to {host}',
  'continue.signedInAs': 'You are signed in as {name}.',
  'continue.submit': 'Continue to {host} as {name}',
  'continue.notYou': 'Not you? Sign out',
  'done.title': 'Signed in',
  'done.heading': 'You are signed in',
  'done.text': 'Signed in as {name}. You can close this window and return to {host}.',
  'checkEmail.title': 'Check your email',
  'checkEmail.heading': 'Check your email to finish',
  'checkEmail.sent': 'We have sent a link to the address you gave. Open it to finish creating your account; it works for 24 hours.',
  'checkEmail.noEmail': 'No email after a few minutes? Look in your spam folder, or {link}.',
  'checkEmail.tryAgain': 'try again',
  'confirm.title': 'Finish creating your account',
  'confirm.submit': 'Create my account',
  'link.signIn': 'Go to sign in',
  'manage.title': 'Your consultation',
  'manage.whenLocal': 'Date and time, the specialist’s time zone ({zone})',
  'manage.whenUtc': 'Date and time in UTC',
  'manage.specialist': 'Specialist',
  'manage.status': 'Status',
  'manage.status.confirmed': 'Confirmed',
  'manage.status.cancelled': 'Cancelled',
  'manage.status.attended': 'Attended',
  'manage.status.noShow': 'Missed (no-show)',
  'manage.ics': 'Add to calendar (.ics)',
  'manage.move.heading': 'Choose another time',
  'manage.move.text': 'Pick a new time with the same specialist. Your current time stays booked until the new one is confirmed.',
  'manage.move.button': 'Choose another time',
  'manage.move.noscript': 'Choosing another time needs JavaScript. You can cancel this booking below and book a new time instead.',
  'manage.cancel.heading': 'Cancel this booking',
  'manage.cancel.text': 'Cancelling frees the time for someone else. It cannot be undone; you can book another time afterwards.',
  'manage.cancel.submit': 'Cancel this booking',
  'manage.cancelled': 'This booking is cancelled. The time is free again.',
  'notFound.title': 'Booking not found',
  'notFound.text': 'No booking has this link. It may have been mistyped: copy the whole link from your booking confirmation.',
  'desk.title': 'Care team',
  'desk.signedInAs': 'Signed in as {name}',
  'desk.signOut': 'Sign out',
  'visitor.title': 'This page is for the care team',
  'visitor.text': 'You are signed in as {name}, which is not a care team account. To use the care team’s desk, sign out and sign in with your care team account.',
  'invite.title': 'Choose a password',
  'invite.text': 'You have been invited to the care team. Choose a password for your account; you will be signed in and taken to the care team’s desk.',
  'invite.passwordHint': 'At least {n} characters; a few unrelated words are easy to remember.',
  'invite.submit': 'Set password and sign in',
  // Sentences the routes, forms.ts, handoff.ts and the zod schemas write in English (translateText).
  'form.refused.title': 'Request refused',
  'form.refused.text': 'This form can only be sent from this site’s own pages.',
  'form.unsupported.title': 'Unsupported form',
  'form.unsupported.text': 'Send the form as application/x-www-form-urlencoded.',
  'form.unreadable': 'The request body could not be read.',
  'form.notUtf8': 'The request body is not valid UTF-8.',
  'form.tooLarge': 'The request body is larger than {n} bytes.',
  'login.error.email': 'Enter your email address',
  'login.error.password': 'Enter your password',
  'login.error.wrong': 'The email address or password is not right',
  'login.error.paused': 'There have been too many attempts to sign in, so signing in is paused for now. Please try again in {wait}.',
  'signup.error.paused': 'Too many accounts have been created from your network recently. Please try again in {wait}.',
  'signup.error.emailLong': 'Enter an email address of at most {n} characters',
  'signup.error.emailForm': 'Enter an email address like name@example.com',
  'signup.error.name': 'Enter your name',
  'signup.error.nameLong': 'Enter a name of at most {n} characters',
  'password.error.short': 'Enter a password of at least {n} characters',
  'password.error.long': 'Enter a password of at most {n} characters',
  'password.error.common': 'This password is one of the most common ones, which are guessed first. Choose another: a few unrelated words are easy to remember.',
  'name.error.control': 'Use a single line without control characters',
  'name.error.line': 'Use a single line without line or paragraph separators',
  'name.error.bidi': 'Remove the invisible text-direction characters (U+202A–U+202E, U+2066–U+2069)',
  'name.error.surrogate': 'Remove the broken characters (lone surrogates)',
  'link.invalid.title': 'Link not valid',
  'link.invalid.signup': 'This link has been used already or is more than 24 hours old. Create your account again to get a new one.',
  'link.invalid.invite': 'This invitation link has been used already, or it is more than {n} days old. If you have chosen your password, sign in; otherwise ask an administrator of the care team to invite you again.',
  'signup.exists.title': 'You have an account already',
  'signup.exists.text': 'This email address has an account already. Sign in with it.',
  'signup.ready.title': 'Your account is ready',
  'signup.ready.text': 'You are signed in. Go back to the page where you started and press Log in to continue there.',
  'link.startPage': 'Go to the start page',
  'link.homePage': 'Go to the home page',
  'link.booking': 'Back to the booking',
  'handoff.notAllowed.title': 'Site not allowed',
  'handoff.notAllowed.text':
    'The site that opened this window is not on this server’s list of allowed sites, so it cannot be signed in from here. You can still sign in to this server.',
  'handoff.incomplete.title': 'Sign-in link incomplete',
  'handoff.incomplete.text': 'This sign-in link is incomplete or out of date. Go back to the site and press Log in again.',
} as const;

export type PageStringId = keyof typeof EN;
type Table = Partial<Record<PageStringId, string>>;

// Wording shared with the widgets (src/locales): "Log in" / "Sign up" / "Sign out" of the login
// gate, "Choose another time", "Add to calendar", the booking statuses and "Specialist" of the desk.
const UK: Table = {
  'page.errorSummary': 'Виникла проблема',
  'page.errorPrefix': 'Помилка: ',
  'field.email': 'Адреса електронної пошти',
  'field.password': 'Пароль',
  'field.name': 'Ваше ім’я',
  'login.title': 'Вхід',
  'login.submit': 'Увійти',
  'login.noAccount': 'Ще не маєте облікового запису?',
  'login.createAccount': 'Створити обліковий запис',
  'signup.title': 'Створення облікового запису',
  'signup.passwordHint': 'Щонайменше {n} символів.',
  'signup.submit': 'Створити обліковий запис',
  'signup.haveAccount': 'Уже маєте обліковий запис?',
  'signup.signIn': 'Увійти',
  'continue.title': 'Продовжити',
  'continue.heading': 'Продовжити на {host}',
  'continue.signedInAs': 'Ви увійшли як {name}.',
  'continue.submit': 'Продовжити на {host} як {name}',
  'continue.notYou': 'Це не ви? Вийти',
  'done.title': 'Вхід виконано',
  'done.heading': 'Ви увійшли',
  'done.text': 'Ви увійшли як {name}. Можете закрити це вікно й повернутися на {host}.',
  'checkEmail.title': 'Перевірте пошту',
  'checkEmail.heading': 'Перевірте пошту, щоб завершити',
  'checkEmail.sent': 'Ми надіслали посилання на вказану адресу. Відкрийте його, щоб завершити створення облікового запису; воно дійсне 24 години.',
  'checkEmail.noEmail': 'Лист не прийшов за кілька хвилин? Перевірте папку «Спам» або {link}.',
  'checkEmail.tryAgain': 'спробуйте ще раз',
  'confirm.title': 'Завершення створення облікового запису',
  'confirm.submit': 'Створити мій обліковий запис',
  'link.signIn': 'Перейти до входу',
  'manage.title': 'Ваша консультація',
  'manage.whenLocal': 'Дата й час у часовому поясі фахівця ({zone})',
  'manage.whenUtc': 'Дата й час за UTC',
  'manage.specialist': 'Фахівець',
  'manage.status': 'Статус',
  'manage.status.confirmed': 'Підтверджено',
  'manage.status.cancelled': 'Скасовано',
  'manage.status.attended': 'Відбулася',
  'manage.status.noShow': 'Пропущено (неявка)',
  'manage.ics': 'Додати в календар (.ics)',
  'manage.move.heading': 'Обрати інший час',
  'manage.move.text': 'Оберіть новий час у того самого фахівця. Поточний час залишається за вами, доки новий не буде підтверджено.',
  'manage.move.button': 'Обрати інший час',
  'manage.move.noscript': 'Щоб обрати інший час, потрібен JavaScript. Натомість ви можете скасувати цей запис нижче й записатися на новий час.',
  'manage.cancel.heading': 'Скасувати цей запис',
  'manage.cancel.text': 'Скасування звільняє час для когось іншого. Його не можна відмінити; згодом ви можете записатися на інший час.',
  'manage.cancel.submit': 'Скасувати цей запис',
  'manage.cancelled': 'Цей запис скасовано. Час знову вільний.',
  'notFound.title': 'Запис не знайдено',
  'notFound.text': 'За цим посиланням немає запису. Можливо, у ньому помилка: скопіюйте посилання повністю з підтвердження запису.',
  'desk.title': 'Команда підтримки',
  'desk.signedInAs': 'Ви увійшли як {name}',
  'desk.signOut': 'Вийти',
  'visitor.title': 'Ця сторінка — для команди підтримки',
  'visitor.text': 'Ви увійшли як {name}, а це не обліковий запис команди підтримки. Щоб працювати в панелі команди, вийдіть і увійдіть з обліковим записом команди.',
  'invite.title': 'Оберіть пароль',
  'invite.text': 'Вас запросили до команди підтримки. Оберіть пароль для свого облікового запису; після цього ви увійдете й перейдете до панелі команди.',
  'invite.passwordHint': 'Щонайменше {n} символів; кілька не пов’язаних між собою слів легко запам’ятати.',
  'invite.submit': 'Зберегти пароль і увійти',
  'form.refused.title': 'Запит відхилено',
  'form.refused.text': 'Цю форму можна надсилати лише зі сторінок цього сайту.',
  'form.unsupported.title': 'Непідтримувана форма',
  'form.unsupported.text': 'Надішліть форму як application/x-www-form-urlencoded.',
  'form.unreadable': 'Не вдалося прочитати надіслані дані.',
  'form.notUtf8': 'Надіслані дані не є коректним UTF-8.',
  'form.tooLarge': 'Надіслані дані більші за {n} байтів.',
  'login.error.email': 'Введіть адресу електронної пошти',
  'login.error.password': 'Введіть пароль',
  'login.error.wrong': 'Неправильна адреса електронної пошти або пароль',
  'login.error.paused': 'Було забагато спроб увійти, тому вхід тимчасово призупинено. Спробуйте ще раз через {wait}.',
  'signup.error.paused': 'З вашої мережі нещодавно створили забагато облікових записів. Спробуйте ще раз через {wait}.',
  'signup.error.emailLong': 'Введіть адресу електронної пошти довжиною не більше {n} символів',
  'signup.error.emailForm': 'Введіть адресу електронної пошти, наприклад name@example.com',
  'signup.error.name': 'Введіть ваше ім’я',
  'signup.error.nameLong': 'Введіть ім’я довжиною не більше {n} символів',
  'password.error.short': 'Введіть пароль щонайменше з {n} символів',
  'password.error.long': 'Введіть пароль не довший за {n} символів',
  'password.error.common': 'Це один із найпоширеніших паролів, їх вгадують першими. Оберіть інший: кілька не пов’язаних між собою слів легко запам’ятати.',
  'name.error.control': 'Використовуйте один рядок без керівних символів',
  'name.error.line': 'Використовуйте один рядок без розділювачів рядків чи абзаців',
  'name.error.bidi': 'Видаліть невидимі символи напрямку тексту (U+202A–U+202E, U+2066–U+2069)',
  'name.error.surrogate': 'Видаліть пошкоджені символи (непарні сурогати)',
  'link.invalid.title': 'Посилання недійсне',
  'link.invalid.signup': 'Це посилання вже використано або йому понад 24 години. Створіть обліковий запис ще раз, щоб отримати нове.',
  'link.invalid.invite': 'Це посилання-запрошення вже використано або йому понад {n} днів. Якщо ви вже обрали пароль, увійдіть; інакше попросіть адміністратора команди підтримки запросити вас знову.',
  'signup.exists.title': 'У вас уже є обліковий запис',
  'signup.exists.text': 'Для цієї адреси електронної пошти вже є обліковий запис. Увійдіть із нею.',
  'signup.ready.title': 'Ваш обліковий запис готовий',
  'signup.ready.text': 'Ви увійшли. Поверніться на сторінку, з якої почали, і натисніть «Увійти», щоб продовжити там.',
  'link.startPage': 'Перейти на початкову сторінку',
  'link.homePage': 'Перейти на головну сторінку',
  'link.booking': 'Повернутися до запису',
  'handoff.notAllowed.title': 'Сайт не дозволено',
  'handoff.notAllowed.text': 'Сайту, який відкрив це вікно, немає в списку дозволених сайтів цього сервера, тому звідси не можна увійти на нього. Ви все одно можете увійти на цей сервер.',
  'handoff.incomplete.title': 'Посилання для входу неповне',
  'handoff.incomplete.text': 'Це посилання для входу неповне або застаріле. Поверніться на сайт і знову натисніть «Увійти».',
};

const DE: Table = {
  'page.errorSummary': 'Es gibt ein Problem',
  'page.errorPrefix': 'Fehler: ',
  'field.email': 'E-Mail-Adresse',
  'field.password': 'Passwort',
  'field.name': 'Ihr Name',
  'login.title': 'Anmelden',
  'login.submit': 'Anmelden',
  'login.noAccount': 'Noch kein Konto?',
  'login.createAccount': 'Konto erstellen',
  'signup.title': 'Konto erstellen',
  'signup.passwordHint': 'Mindestens {n} Zeichen.',
  'signup.submit': 'Konto erstellen',
  'signup.haveAccount': 'Sie haben bereits ein Konto?',
  'signup.signIn': 'Anmelden',
  'continue.title': 'Weiter',
  'continue.heading': 'Weiter zu {host}',
  'continue.signedInAs': 'Sie sind als {name} angemeldet.',
  'continue.submit': 'Als {name} weiter zu {host}',
  'continue.notYou': 'Nicht Sie? Abmelden',
  'done.title': 'Angemeldet',
  'done.heading': 'Sie sind angemeldet',
  'done.text': 'Angemeldet als {name}. Sie können dieses Fenster schließen und zu {host} zurückkehren.',
  'checkEmail.title': 'Bitte prüfen Sie Ihre E-Mails',
  'checkEmail.heading': 'Bitte prüfen Sie Ihre E-Mails, um abzuschließen',
  'checkEmail.sent': 'Wir haben einen Link an die angegebene Adresse gesendet. Öffnen Sie ihn, um Ihr Konto fertig zu erstellen; er ist 24 Stunden gültig.',
  'checkEmail.noEmail': 'Nach einigen Minuten keine E-Mail erhalten? Sehen Sie in Ihrem Spam-Ordner nach oder {link}.',
  'checkEmail.tryAgain': 'versuchen Sie es erneut',
  'confirm.title': 'Konto fertig erstellen',
  'confirm.submit': 'Mein Konto erstellen',
  'link.signIn': 'Zur Anmeldung',
  'manage.title': 'Ihre Beratung',
  'manage.whenLocal': 'Datum und Uhrzeit in der Zeitzone der Fachperson ({zone})',
  'manage.whenUtc': 'Datum und Uhrzeit in UTC',
  'manage.specialist': 'Fachperson',
  'manage.status': 'Status',
  'manage.status.confirmed': 'Bestätigt',
  'manage.status.cancelled': 'Storniert',
  'manage.status.attended': 'Erschienen',
  'manage.status.noShow': 'Verpasst (nicht erschienen)',
  'manage.ics': 'Zum Kalender hinzufügen (.ics)',
  'manage.move.heading': 'Anderen Termin wählen',
  'manage.move.text': 'Wählen Sie einen neuen Termin bei derselben Fachperson. Ihr jetziger Termin bleibt gebucht, bis der neue bestätigt ist.',
  'manage.move.button': 'Anderen Termin wählen',
  'manage.move.noscript': 'Um einen anderen Termin zu wählen, wird JavaScript benötigt. Sie können stattdessen diese Buchung unten stornieren und einen neuen Termin buchen.',
  'manage.cancel.heading': 'Diese Buchung stornieren',
  'manage.cancel.text': 'Durch die Stornierung wird der Termin für andere frei. Sie kann nicht rückgängig gemacht werden; Sie können danach einen anderen Termin buchen.',
  'manage.cancel.submit': 'Diese Buchung stornieren',
  'manage.cancelled': 'Diese Buchung ist storniert. Der Termin ist wieder frei.',
  'notFound.title': 'Buchung nicht gefunden',
  'notFound.text': 'Zu diesem Link gibt es keine Buchung. Vielleicht enthält er einen Tippfehler: Kopieren Sie den vollständigen Link aus Ihrer Buchungsbestätigung.',
  'desk.title': 'Betreuungsteam',
  'desk.signedInAs': 'Angemeldet als {name}',
  'desk.signOut': 'Abmelden',
  'visitor.title': 'Diese Seite ist für das Betreuungsteam',
  'visitor.text': 'Sie sind als {name} angemeldet; das ist kein Konto des Betreuungsteams. Um den Arbeitsbereich des Teams zu nutzen, melden Sie sich ab und mit Ihrem Teamkonto wieder an.',
  'invite.title': 'Passwort wählen',
  'invite.text': 'Sie wurden in das Betreuungsteam eingeladen. Wählen Sie ein Passwort für Ihr Konto; danach werden Sie angemeldet und zum Arbeitsbereich des Teams weitergeleitet.',
  'invite.passwordHint': 'Mindestens {n} Zeichen; einige zusammenhanglose Wörter sind leicht zu merken.',
  'invite.submit': 'Passwort festlegen und anmelden',
  'form.refused.title': 'Anfrage abgelehnt',
  'form.refused.text': 'Dieses Formular kann nur von den Seiten dieser Website gesendet werden.',
  'form.unsupported.title': 'Formular nicht unterstützt',
  'form.unsupported.text': 'Senden Sie das Formular als application/x-www-form-urlencoded.',
  'form.unreadable': 'Die gesendeten Daten konnten nicht gelesen werden.',
  'form.notUtf8': 'Die gesendeten Daten sind kein gültiges UTF-8.',
  'form.tooLarge': 'Die gesendeten Daten sind größer als {n} Bytes.',
  'login.error.email': 'Geben Sie Ihre E-Mail-Adresse ein',
  'login.error.password': 'Geben Sie Ihr Passwort ein',
  'login.error.wrong': 'E-Mail-Adresse oder Passwort ist nicht richtig',
  'login.error.paused': 'Es gab zu viele Anmeldeversuche, daher ist die Anmeldung vorübergehend pausiert. Bitte versuchen Sie es in {wait} erneut.',
  'signup.error.paused': 'Aus Ihrem Netzwerk wurden in letzter Zeit zu viele Konten erstellt. Bitte versuchen Sie es in {wait} erneut.',
  'signup.error.emailLong': 'Geben Sie eine E-Mail-Adresse mit höchstens {n} Zeichen ein',
  'signup.error.emailForm': 'Geben Sie eine E-Mail-Adresse wie name@example.com ein',
  'signup.error.name': 'Geben Sie Ihren Namen ein',
  'signup.error.nameLong': 'Geben Sie einen Namen mit höchstens {n} Zeichen ein',
  'password.error.short': 'Geben Sie ein Passwort mit mindestens {n} Zeichen ein',
  'password.error.long': 'Geben Sie ein Passwort mit höchstens {n} Zeichen ein',
  'password.error.common': 'Dieses Passwort gehört zu den häufigsten, die zuerst erraten werden. Wählen Sie ein anderes: Einige zusammenhanglose Wörter sind leicht zu merken.',
  'name.error.control': 'Verwenden Sie eine einzelne Zeile ohne Steuerzeichen',
  'name.error.line': 'Verwenden Sie eine einzelne Zeile ohne Zeilen- oder Absatztrenner',
  'name.error.bidi': 'Entfernen Sie die unsichtbaren Textrichtungszeichen (U+202A–U+202E, U+2066–U+2069)',
  'name.error.surrogate': 'Entfernen Sie die beschädigten Zeichen (einzelne Surrogate)',
  'link.invalid.title': 'Link ungültig',
  'link.invalid.signup': 'Dieser Link wurde bereits verwendet oder ist älter als 24 Stunden. Erstellen Sie Ihr Konto erneut, um einen neuen zu erhalten.',
  'link.invalid.invite': 'Dieser Einladungslink wurde bereits verwendet oder ist älter als {n} Tage. Wenn Sie Ihr Passwort schon gewählt haben, melden Sie sich an; andernfalls bitten Sie eine Administratorin oder einen Administrator des Betreuungsteams, Sie erneut einzuladen.',
  'signup.exists.title': 'Sie haben bereits ein Konto',
  'signup.exists.text': 'Für diese E-Mail-Adresse gibt es bereits ein Konto. Melden Sie sich damit an.',
  'signup.ready.title': 'Ihr Konto ist bereit',
  'signup.ready.text': 'Sie sind angemeldet. Kehren Sie zu der Seite zurück, auf der Sie begonnen haben, und klicken Sie dort auf „Anmelden“, um fortzufahren.',
  'link.startPage': 'Zur Startseite',
  'link.homePage': 'Zur Startseite',
  'link.booking': 'Zurück zur Buchung',
  'handoff.notAllowed.title': 'Website nicht zugelassen',
  'handoff.notAllowed.text': 'Die Website, die dieses Fenster geöffnet hat, steht nicht auf der Liste der zugelassenen Websites dieses Servers, daher kann sie von hier aus nicht angemeldet werden. Sie können sich trotzdem bei diesem Server anmelden.',
  'handoff.incomplete.title': 'Anmeldelink unvollständig',
  'handoff.incomplete.text': 'Dieser Anmeldelink ist unvollständig oder veraltet. Kehren Sie zur Website zurück und klicken Sie erneut auf „Anmelden“.',
};

const FR: Table = {
  'page.errorSummary': 'Un problème est survenu',
  'page.errorPrefix': 'Erreur : ',
  'field.email': 'Adresse e-mail',
  'field.password': 'Mot de passe',
  'field.name': 'Votre nom',
  'login.title': 'Connexion',
  'login.submit': 'Se connecter',
  'login.noAccount': 'Pas encore de compte ?',
  'login.createAccount': 'Créer un compte',
  'signup.title': 'Créer un compte',
  'signup.passwordHint': 'Au moins {n} caractères.',
  'signup.submit': 'Créer le compte',
  'signup.haveAccount': 'Vous avez déjà un compte ?',
  'signup.signIn': 'Se connecter',
  'continue.title': 'Continuer',
  'continue.heading': 'Continuer vers {host}',
  'continue.signedInAs': 'Vous êtes connecté(e) en tant que {name}.',
  'continue.submit': 'Continuer vers {host} en tant que {name}',
  'continue.notYou': 'Ce n’est pas vous ? Se déconnecter',
  'done.title': 'Connecté(e)',
  'done.heading': 'Vous êtes connecté(e)',
  'done.text': 'Connecté(e) en tant que {name}. Vous pouvez fermer cette fenêtre et revenir sur {host}.',
  'checkEmail.title': 'Consultez vos e-mails',
  'checkEmail.heading': 'Consultez vos e-mails pour terminer',
  'checkEmail.sent': 'Nous avons envoyé un lien à l’adresse indiquée. Ouvrez-le pour terminer la création de votre compte ; il est valable 24 heures.',
  'checkEmail.noEmail': 'Aucun e-mail après quelques minutes ? Vérifiez votre dossier de courrier indésirable, ou {link}.',
  'checkEmail.tryAgain': 'réessayez',
  'confirm.title': 'Terminer la création de votre compte',
  'confirm.submit': 'Créer mon compte',
  'link.signIn': 'Aller à la connexion',
  'manage.title': 'Votre consultation',
  'manage.whenLocal': 'Date et heure dans le fuseau horaire du ou de la spécialiste ({zone})',
  'manage.whenUtc': 'Date et heure en UTC',
  'manage.specialist': 'Spécialiste',
  'manage.status': 'Statut',
  'manage.status.confirmed': 'Confirmé',
  'manage.status.cancelled': 'Annulé',
  'manage.status.attended': 'Honoré',
  'manage.status.noShow': 'Manqué (absence)',
  'manage.ics': 'Ajouter à l’agenda (.ics)',
  'manage.move.heading': 'Choisir un autre créneau',
  'manage.move.text': 'Choisissez un nouveau créneau avec le ou la même spécialiste. Votre créneau actuel reste réservé jusqu’à la confirmation du nouveau.',
  'manage.move.button': 'Choisir un autre créneau',
  'manage.move.noscript': 'Pour choisir un autre créneau, JavaScript est nécessaire. Vous pouvez à la place annuler ce rendez-vous ci-dessous et réserver un nouveau créneau.',
  'manage.cancel.heading': 'Annuler ce rendez-vous',
  'manage.cancel.text': 'L’annulation libère le créneau pour quelqu’un d’autre. Elle est définitive ; vous pourrez ensuite réserver un autre créneau.',
  'manage.cancel.submit': 'Annuler ce rendez-vous',
  'manage.cancelled': 'Ce rendez-vous est annulé. Le créneau est de nouveau libre.',
  'notFound.title': 'Rendez-vous introuvable',
  'notFound.text': 'Aucun rendez-vous ne correspond à ce lien. Il contient peut-être une faute de frappe : copiez le lien complet depuis votre confirmation de rendez-vous.',
  'desk.title': 'Équipe de soins',
  'desk.signedInAs': 'Connecté(e) en tant que {name}',
  'desk.signOut': 'Se déconnecter',
  'visitor.title': 'Cette page est réservée à l’équipe de soins',
  'visitor.text': 'Vous êtes connecté(e) en tant que {name}, qui n’est pas un compte de l’équipe de soins. Pour utiliser l’espace de l’équipe, déconnectez-vous puis connectez-vous avec votre compte d’équipe.',
  'invite.title': 'Choisir un mot de passe',
  'invite.text': 'Vous avez été invité(e) à rejoindre l’équipe de soins. Choisissez un mot de passe pour votre compte ; vous serez ensuite connecté(e) et dirigé(e) vers l’espace de l’équipe.',
  'invite.passwordHint': 'Au moins {n} caractères ; quelques mots sans rapport entre eux sont faciles à retenir.',
  'invite.submit': 'Définir le mot de passe et se connecter',
  'form.refused.title': 'Demande refusée',
  'form.refused.text': 'Ce formulaire ne peut être envoyé que depuis les pages de ce site.',
  'form.unsupported.title': 'Formulaire non pris en charge',
  'form.unsupported.text': 'Envoyez le formulaire au format application/x-www-form-urlencoded.',
  'form.unreadable': 'Les données envoyées n’ont pas pu être lues.',
  'form.notUtf8': 'Les données envoyées ne sont pas en UTF-8 valide.',
  'form.tooLarge': 'Les données envoyées dépassent {n} octets.',
  'login.error.email': 'Saisissez votre adresse e-mail',
  'login.error.password': 'Saisissez votre mot de passe',
  'login.error.wrong': 'L’adresse e-mail ou le mot de passe est incorrect',
  'login.error.paused': 'Il y a eu trop de tentatives de connexion ; la connexion est donc suspendue pour le moment. Veuillez réessayer dans {wait}.',
  'signup.error.paused': 'Trop de comptes ont été créés récemment depuis votre réseau. Veuillez réessayer dans {wait}.',
  'signup.error.emailLong': 'Saisissez une adresse e-mail de {n} caractères au plus',
  'signup.error.emailForm': 'Saisissez une adresse e-mail comme name@example.com',
  'signup.error.name': 'Saisissez votre nom',
  'signup.error.nameLong': 'Saisissez un nom de {n} caractères au plus',
  'password.error.short': 'Saisissez un mot de passe d’au moins {n} caractères',
  'password.error.long': 'Saisissez un mot de passe de {n} caractères au plus',
  'password.error.common': 'Ce mot de passe fait partie des plus courants, qui sont devinés en premier. Choisissez-en un autre : quelques mots sans rapport entre eux sont faciles à retenir.',
  'name.error.control': 'Utilisez une seule ligne, sans caractères de contrôle',
  'name.error.line': 'Utilisez une seule ligne, sans séparateurs de ligne ou de paragraphe',
  'name.error.bidi': 'Supprimez les caractères invisibles de direction du texte (U+202A–U+202E, U+2066–U+2069)',
  'name.error.surrogate': 'Supprimez les caractères endommagés (demi-codets isolés)',
  'link.invalid.title': 'Lien non valide',
  'link.invalid.signup': 'Ce lien a déjà été utilisé ou date de plus de 24 heures. Créez à nouveau votre compte pour en recevoir un nouveau.',
  'link.invalid.invite': 'Ce lien d’invitation a déjà été utilisé, ou il date de plus de {n} jours. Si vous avez déjà choisi votre mot de passe, connectez-vous ; sinon, demandez à un administrateur ou une administratrice de l’équipe de vous inviter à nouveau.',
  'signup.exists.title': 'Vous avez déjà un compte',
  'signup.exists.text': 'Cette adresse e-mail a déjà un compte. Connectez-vous avec celle-ci.',
  'signup.ready.title': 'Votre compte est prêt',
  'signup.ready.text': 'Vous êtes connecté(e). Revenez à la page où vous avez commencé et cliquez sur « Se connecter » pour continuer.',
  'link.startPage': 'Aller à la page d’accueil',
  'link.homePage': 'Aller à la page d’accueil',
  'link.booking': 'Retour au rendez-vous',
  'handoff.notAllowed.title': 'Site non autorisé',
  'handoff.notAllowed.text': 'Le site qui a ouvert cette fenêtre ne figure pas dans la liste des sites autorisés de ce serveur ; la connexion ne peut donc pas lui être transmise d’ici. Vous pouvez tout de même vous connecter à ce serveur.',
  'handoff.incomplete.title': 'Lien de connexion incomplet',
  'handoff.incomplete.text': 'Ce lien de connexion est incomplet ou périmé. Revenez sur le site et cliquez de nouveau sur « Se connecter ».',
};

const ES: Table = {
  'page.errorSummary': 'Hay un problema',
  'page.errorPrefix': 'Error: ',
  'field.email': 'Correo electrónico',
  'field.password': 'Contraseña',
  'field.name': 'Su nombre',
  'login.title': 'Iniciar sesión',
  'login.submit': 'Iniciar sesión',
  'login.noAccount': '¿Todavía no tiene cuenta?',
  'login.createAccount': 'Crear una cuenta',
  'signup.title': 'Crear una cuenta',
  'signup.passwordHint': 'Al menos {n} caracteres.',
  'signup.submit': 'Crear cuenta',
  'signup.haveAccount': '¿Ya tiene una cuenta?',
  'signup.signIn': 'Iniciar sesión',
  'continue.title': 'Continuar',
  'continue.heading': 'Continuar a {host}',
  'continue.signedInAs': 'Ha iniciado sesión como {name}.',
  'continue.submit': 'Continuar a {host} como {name}',
  'continue.notYou': '¿No es usted? Cerrar sesión',
  'done.title': 'Sesión iniciada',
  'done.heading': 'Ha iniciado sesión',
  'done.text': 'Sesión iniciada como {name}. Puede cerrar esta ventana y volver a {host}.',
  'checkEmail.title': 'Revise su correo',
  'checkEmail.heading': 'Revise su correo para terminar',
  'checkEmail.sent': 'Hemos enviado un enlace a la dirección que indicó. Ábralo para terminar de crear su cuenta; es válido durante 24 horas.',
  'checkEmail.noEmail': '¿No ha recibido ningún correo tras unos minutos? Revise la carpeta de spam o {link}.',
  'checkEmail.tryAgain': 'inténtelo de nuevo',
  'confirm.title': 'Terminar de crear su cuenta',
  'confirm.submit': 'Crear mi cuenta',
  'link.signIn': 'Ir a iniciar sesión',
  'manage.title': 'Su consulta',
  'manage.whenLocal': 'Fecha y hora en la zona horaria del especialista ({zone})',
  'manage.whenUtc': 'Fecha y hora en UTC',
  'manage.specialist': 'Especialista',
  'manage.status': 'Estado',
  'manage.status.confirmed': 'Confirmada',
  'manage.status.cancelled': 'Cancelada',
  'manage.status.attended': 'Asistió',
  'manage.status.noShow': 'No asistió',
  'manage.ics': 'Añadir al calendario (.ics)',
  'manage.move.heading': 'Elegir otra hora',
  'manage.move.text': 'Elija una nueva hora con el mismo especialista. Su hora actual sigue reservada hasta que se confirme la nueva.',
  'manage.move.button': 'Elegir otra hora',
  'manage.move.noscript': 'Para elegir otra hora se necesita JavaScript. En su lugar, puede cancelar esta cita abajo y reservar una nueva hora.',
  'manage.cancel.heading': 'Cancelar esta cita',
  'manage.cancel.text': 'Al cancelar, la hora queda libre para otra persona. No se puede deshacer; después puede reservar otra hora.',
  'manage.cancel.submit': 'Cancelar esta cita',
  'manage.cancelled': 'Esta cita está cancelada. La hora vuelve a estar libre.',
  'notFound.title': 'Cita no encontrada',
  'notFound.text': 'Ninguna cita corresponde a este enlace. Puede que tenga un error: copie el enlace completo de la confirmación de su cita.',
  'desk.title': 'Equipo de atención',
  'desk.signedInAs': 'Sesión iniciada como {name}',
  'desk.signOut': 'Cerrar sesión',
  'visitor.title': 'Esta página es para el equipo de atención',
  'visitor.text': 'Ha iniciado sesión como {name}, que no es una cuenta del equipo de atención. Para usar el panel del equipo, cierre sesión e inicie sesión con su cuenta del equipo.',
  'invite.title': 'Elija una contraseña',
  'invite.text': 'Le han invitado al equipo de atención. Elija una contraseña para su cuenta; después iniciará sesión y pasará al panel del equipo.',
  'invite.passwordHint': 'Al menos {n} caracteres; unas cuantas palabras sin relación entre sí son fáciles de recordar.',
  'invite.submit': 'Guardar contraseña e iniciar sesión',
  'form.refused.title': 'Solicitud rechazada',
  'form.refused.text': 'Este formulario solo se puede enviar desde las páginas de este sitio.',
  'form.unsupported.title': 'Formulario no admitido',
  'form.unsupported.text': 'Envíe el formulario como application/x-www-form-urlencoded.',
  'form.unreadable': 'No se pudieron leer los datos enviados.',
  'form.notUtf8': 'Los datos enviados no son UTF-8 válido.',
  'form.tooLarge': 'Los datos enviados superan los {n} bytes.',
  'login.error.email': 'Introduzca su correo electrónico',
  'login.error.password': 'Introduzca su contraseña',
  'login.error.wrong': 'El correo electrónico o la contraseña no son correctos',
  'login.error.paused': 'Ha habido demasiados intentos de inicio de sesión, así que el inicio de sesión está en pausa por ahora. Vuelva a intentarlo dentro de {wait}.',
  'signup.error.paused': 'Se han creado demasiadas cuentas desde su red recientemente. Vuelva a intentarlo dentro de {wait}.',
  'signup.error.emailLong': 'Introduzca un correo electrónico de {n} caracteres como máximo',
  'signup.error.emailForm': 'Introduzca un correo electrónico como name@example.com',
  'signup.error.name': 'Introduzca su nombre',
  'signup.error.nameLong': 'Introduzca un nombre de {n} caracteres como máximo',
  'password.error.short': 'Introduzca una contraseña de al menos {n} caracteres',
  'password.error.long': 'Introduzca una contraseña de {n} caracteres como máximo',
  'password.error.common': 'Esta contraseña es una de las más comunes, que son las primeras que se prueban. Elija otra: unas cuantas palabras sin relación entre sí son fáciles de recordar.',
  'name.error.control': 'Use una sola línea sin caracteres de control',
  'name.error.line': 'Use una sola línea sin separadores de línea ni de párrafo',
  'name.error.bidi': 'Elimine los caracteres invisibles de dirección del texto (U+202A–U+202E, U+2066–U+2069)',
  'name.error.surrogate': 'Elimine los caracteres dañados (sustitutos sueltos)',
  'link.invalid.title': 'Enlace no válido',
  'link.invalid.signup': 'Este enlace ya se ha usado o tiene más de 24 horas. Vuelva a crear su cuenta para recibir uno nuevo.',
  'link.invalid.invite': 'Este enlace de invitación ya se ha usado o tiene más de {n} días. Si ya ha elegido su contraseña, inicie sesión; si no, pida a un administrador del equipo de atención que le invite de nuevo.',
  'signup.exists.title': 'Ya tiene una cuenta',
  'signup.exists.text': 'Esta dirección de correo electrónico ya tiene una cuenta. Inicie sesión con ella.',
  'signup.ready.title': 'Su cuenta está lista',
  'signup.ready.text': 'Ha iniciado sesión. Vuelva a la página donde empezó y pulse «Iniciar sesión» para continuar allí.',
  'link.startPage': 'Ir a la página de inicio',
  'link.homePage': 'Ir a la página de inicio',
  'link.booking': 'Volver a la cita',
  'handoff.notAllowed.title': 'Sitio no permitido',
  'handoff.notAllowed.text': 'El sitio que abrió esta ventana no está en la lista de sitios permitidos de este servidor, así que no se puede iniciar sesión en él desde aquí. Aun así, puede iniciar sesión en este servidor.',
  'handoff.incomplete.title': 'Enlace de inicio de sesión incompleto',
  'handoff.incomplete.text': 'Este enlace de inicio de sesión está incompleto o caducado. Vuelva al sitio y pulse de nuevo «Iniciar sesión».',
};

const AR: Table = {
  'page.errorSummary': 'توجد مشكلة',
  'page.errorPrefix': 'خطأ: ',
  'field.email': 'عنوان البريد الإلكتروني',
  'field.password': 'كلمة المرور',
  'field.name': 'اسمك',
  'login.title': 'تسجيل الدخول',
  'login.submit': 'تسجيل الدخول',
  'login.noAccount': 'ليس لديك حساب بعد؟',
  'login.createAccount': 'إنشاء حساب',
  'signup.title': 'إنشاء حساب',
  'signup.passwordHint': '{n} أحرف على الأقل.',
  'signup.submit': 'إنشاء الحساب',
  'signup.haveAccount': 'لديك حساب بالفعل؟',
  'signup.signIn': 'تسجيل الدخول',
  'continue.title': 'متابعة',
  'continue.heading': 'المتابعة إلى {host}',
  'continue.signedInAs': 'أنت مسجَّل الدخول باسم {name}.',
  'continue.submit': 'المتابعة إلى {host} باسم {name}',
  'continue.notYou': 'لست أنت؟ تسجيل الخروج',
  'done.title': 'تم تسجيل الدخول',
  'done.heading': 'تم تسجيل دخولك',
  'done.text': 'تم تسجيل الدخول باسم {name}. يمكنك إغلاق هذه النافذة والعودة إلى {host}.',
  'checkEmail.title': 'تحقّق من بريدك الإلكتروني',
  'checkEmail.heading': 'تحقّق من بريدك الإلكتروني لإكمال التسجيل',
  'checkEmail.sent': 'أرسلنا رابطًا إلى العنوان الذي أدخلته. افتحه لإكمال إنشاء حسابك؛ يبقى صالحًا مدة 24 ساعة.',
  'checkEmail.noEmail': 'لم تصلك رسالة بعد بضع دقائق؟ ابحث في مجلد الرسائل غير المرغوب فيها، أو {link}.',
  'checkEmail.tryAgain': 'حاول مرة أخرى',
  'confirm.title': 'إكمال إنشاء حسابك',
  'confirm.submit': 'إنشاء حسابي',
  'link.signIn': 'الانتقال إلى تسجيل الدخول',
  'manage.title': 'استشارتك',
  'manage.whenLocal': 'التاريخ والوقت بحسب المنطقة الزمنية للأخصائي ({zone})',
  'manage.whenUtc': 'التاريخ والوقت بالتوقيت العالمي المنسق (UTC)',
  'manage.specialist': 'الأخصائي',
  'manage.status': 'الحالة',
  'manage.status.confirmed': 'مؤكَّد',
  'manage.status.cancelled': 'ملغى',
  'manage.status.attended': 'تم الحضور',
  'manage.status.noShow': 'فائت (عدم الحضور)',
  'manage.ics': 'إضافة إلى التقويم (.ics)',
  'manage.move.heading': 'اختيار موعد آخر',
  'manage.move.text': 'اختر موعدًا جديدًا مع الأخصائي نفسه. يبقى موعدك الحالي محجوزًا إلى أن يُؤكَّد الموعد الجديد.',
  'manage.move.button': 'اختيار موعد آخر',
  'manage.move.noscript': 'يتطلب اختيار موعد آخر تفعيل JavaScript. يمكنك بدلًا من ذلك إلغاء هذا الحجز أدناه وحجز موعد جديد.',
  'manage.cancel.heading': 'إلغاء هذا الحجز',
  'manage.cancel.text': 'يتيح الإلغاء هذا الموعد لشخص آخر. لا يمكن التراجع عنه؛ ويمكنك حجز موعد آخر بعد ذلك.',
  'manage.cancel.submit': 'إلغاء هذا الحجز',
  'manage.cancelled': 'أُلغي هذا الحجز. أصبح الموعد متاحًا من جديد.',
  'notFound.title': 'لم يُعثر على الحجز',
  'notFound.text': 'لا يوجد حجز بهذا الرابط. ربما كُتب بشكل خاطئ: انسخ الرابط كاملًا من تأكيد حجزك.',
  'desk.title': 'فريق الرعاية',
  'desk.signedInAs': 'مسجَّل الدخول باسم {name}',
  'desk.signOut': 'تسجيل الخروج',
  'visitor.title': 'هذه الصفحة مخصّصة لفريق الرعاية',
  'visitor.text': 'أنت مسجَّل الدخول باسم {name}، وهو ليس حسابًا في فريق الرعاية. لاستخدام لوحة فريق الرعاية، سجّل الخروج ثم سجّل الدخول بحساب فريق الرعاية الخاص بك.',
  'invite.title': 'اختر كلمة مرور',
  'invite.text': 'تمت دعوتك إلى فريق الرعاية. اختر كلمة مرور لحسابك؛ بعدها سيُسجَّل دخولك وتنتقل إلى لوحة فريق الرعاية.',
  'invite.passwordHint': '{n} أحرف على الأقل؛ من السهل تذكّر بضع كلمات لا رابط بينها.',
  'invite.submit': 'تعيين كلمة المرور وتسجيل الدخول',
  'form.refused.title': 'رُفض الطلب',
  'form.refused.text': 'لا يمكن إرسال هذا النموذج إلا من صفحات هذا الموقع.',
  'form.unsupported.title': 'نموذج غير مدعوم',
  'form.unsupported.text': 'أرسل النموذج بصيغة application/x-www-form-urlencoded.',
  'form.unreadable': 'تعذّرت قراءة البيانات المرسلة.',
  'form.notUtf8': 'البيانات المرسلة ليست بترميز UTF-8 صالح.',
  'form.tooLarge': 'البيانات المرسلة أكبر من {n} بايت.',
  'login.error.email': 'أدخل عنوان بريدك الإلكتروني',
  'login.error.password': 'أدخل كلمة المرور',
  'login.error.wrong': 'عنوان البريد الإلكتروني أو كلمة المرور غير صحيحة',
  'login.error.paused': 'جرت محاولات كثيرة جدًا لتسجيل الدخول، لذا أُوقف تسجيل الدخول مؤقتًا. يُرجى المحاولة مرة أخرى بعد {wait}.',
  'signup.error.paused': 'أُنشئت حسابات كثيرة جدًا من شبكتك مؤخرًا. يُرجى المحاولة مرة أخرى بعد {wait}.',
  'signup.error.emailLong': 'أدخل عنوان بريد إلكتروني لا يتجاوز {n} حرفًا',
  'signup.error.emailForm': 'أدخل عنوان بريد إلكتروني مثل name@example.com',
  'signup.error.name': 'أدخل اسمك',
  'signup.error.nameLong': 'أدخل اسمًا لا يتجاوز {n} حرفًا',
  'password.error.short': 'أدخل كلمة مرور من {n} أحرف على الأقل',
  'password.error.long': 'أدخل كلمة مرور لا تتجاوز {n} حرفًا',
  'password.error.common': 'كلمة المرور هذه من أكثر كلمات المرور شيوعًا، وهي أول ما يُخمَّن. اختر غيرها: من السهل تذكّر بضع كلمات لا رابط بينها.',
  'name.error.control': 'استخدم سطرًا واحدًا دون أحرف تحكّم',
  'name.error.line': 'استخدم سطرًا واحدًا دون فواصل أسطر أو فقرات',
  'name.error.bidi': 'احذف أحرف اتجاه النص غير المرئية (U+202A–U+202E، U+2066–U+2069)',
  'name.error.surrogate': 'احذف الأحرف التالفة (بدائل منفردة)',
  'link.invalid.title': 'الرابط غير صالح',
  'link.invalid.signup': 'استُخدم هذا الرابط من قبل أو مضى عليه أكثر من 24 ساعة. أنشئ حسابك مرة أخرى للحصول على رابط جديد.',
  'link.invalid.invite': 'استُخدم رابط الدعوة هذا من قبل، أو مضى عليه أكثر من {n} أيام. إذا كنت قد اخترت كلمة المرور فسجّل الدخول؛ وإلا فاطلب من أحد مسؤولي فريق الرعاية أن يدعوك مرة أخرى.',
  'signup.exists.title': 'لديك حساب بالفعل',
  'signup.exists.text': 'لعنوان البريد الإلكتروني هذا حساب بالفعل. سجّل الدخول به.',
  'signup.ready.title': 'حسابك جاهز',
  'signup.ready.text': 'تم تسجيل دخولك. عُد إلى الصفحة التي بدأت منها واضغط «تسجيل الدخول» للمتابعة هناك.',
  'link.startPage': 'الانتقال إلى صفحة البداية',
  'link.homePage': 'الانتقال إلى الصفحة الرئيسية',
  'link.booking': 'العودة إلى الحجز',
  'handoff.notAllowed.title': 'الموقع غير مسموح به',
  'handoff.notAllowed.text': 'الموقع الذي فتح هذه النافذة ليس ضمن قائمة المواقع المسموح بها لدى هذا الخادم، لذا لا يمكن تسجيل الدخول إليه من هنا. لا يزال بإمكانك تسجيل الدخول إلى هذا الخادم.',
  'handoff.incomplete.title': 'رابط تسجيل الدخول غير مكتمل',
  'handoff.incomplete.text': 'رابط تسجيل الدخول هذا غير مكتمل أو منتهي الصلاحية. عُد إلى الموقع واضغط «تسجيل الدخول» مرة أخرى.',
};

const TABLES: Record<PageLang, Table> = { en: EN, uk: UK, de: DE, fr: FR, es: ES, ar: AR };

/** The Intl locale of a page language. */
export const localeOf = (lang: PageLang): string => (lang === 'en' ? 'en-GB' : lang);

/** A template's pieces in order: text, and the {name} placeholders with their name. */
const pieces = (template: string) => template.split(/(\{\w+\})/).map((part) => ({ part, key: /^\{(\w+)\}$/.exec(part)?.[1] }));

/** `template` with its {name} values filled in (a placeholder without a value stays as it is), the text through `escape`. */
const fill = (template: string, vars: Record<string, string | number>, escape: (s: string) => string) =>
  pieces(template)
    .map(({ part, key }) => (key !== undefined && key in vars ? String(vars[key]) : escape(part)))
    .join('');

/** The string `id` in `lang` (English when missing), with {name} values filled in. Plain text. */
export function t(lang: PageLang, id: PageStringId, vars: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][id] ?? EN[id], vars, (text) => text);
}

/**
 * `t` as HTML: the sentence escaped by `escape`, the values inserted as given (already HTML, e.g.
 * `<strong>Ana</strong>`), so markup can sit inside a translated sentence wherever the language puts it.
 */
export function tHtml(lang: PageLang, id: PageStringId, escape: (s: string) => string, vars: Record<string, string>): string {
  return fill(TABLES[lang][id] ?? EN[id], vars, escape);
}

/** "12 minutes" / "5 seconds" in `lang` (Intl's plural rules: "5 хвилин", "3 ثوانٍ"). */
function formatWait(lang: PageLang, wait: string): string {
  const m = /^(\d+) (second|minute)s?$/.exec(wait);
  if (!m) return wait;
  return new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit: m[2]!, unitDisplay: 'long' }).format(Number(m[1]));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English sentences with values, as patterns: "Enter a password of at least (.+?) characters". */
const PATTERNS = (Object.keys(EN) as PageStringId[]).map((id) => {
  const keys: string[] = [];
  const source = pieces(EN[id])
    .map(({ part, key }) => {
      if (key === undefined) return escapeRe(part);
      keys.push(key);
      return key === 'n' ? '(\\d+)' : '(.+?)';
    })
    .join('');
  return { id, keys, re: new RegExp(`^${source}$`) };
});

/**
 * An English sentence written elsewhere (a route's error, a zod message, the handoff's refusals),
 * in `lang`: found by its English text among the strings above, values kept ({wait} translated).
 * A sentence not found stays English.
 */
export function translateText(lang: PageLang, text: string): string {
  if (lang === 'en') return text;
  for (const { id, keys, re } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const vars: Record<string, string> = {};
    keys.forEach((key, i) => (vars[key] = key === 'wait' ? formatWait(lang, m[i + 1]!) : m[i + 1]!));
    return t(lang, id, vars);
  }
  return text;
}

/** For tests: every id of the English source. */
export const PAGE_STRING_IDS = Object.keys(EN) as PageStringId[];
/** For tests: the ids `lang` translates. */
export const translatedIds = (lang: PageLang): PageStringId[] => Object.keys(TABLES[lang]) as PageStringId[];
