/** Ukrainian strings of <hearth-login-gate> and <hearth-message-box>. */
import type { StrResult } from '@lit/localize/internal/str-tag.js';

/** @lit/localize's `str` shape (`${0}` is the source's first value); a local copy keeps this lazy chunk apart from the eager bundles. */
const str = (strings: TemplateStringsArray, ...values: number[]): StrResult => ({ strTag: true, strings, values });

export const messages = {
  'messages.gate.loading': 'Перевіряємо, чи ви увійшли…',
  'messages.gate.error': 'Не вдалося перевірити, чи ви увійшли.',
  'messages.gate.prompt': str`Щоб ${0}, потрібно увійти`,
  'messages.gate.promptDefault': 'Щоб продовжити, потрібно увійти',
  'messages.gate.login': 'Увійти',
  'messages.gate.signup': 'Зареєструватися',
  'messages.gate.waiting': 'Завершіть вхід у вікні, що відкрилося.',
  'messages.gate.failed': 'Вхід не завершився. Будь ласка, увійдіть ще раз.',
  'messages.gate.signedOut': 'Ви вийшли.',
  'messages.gate.signedInAs': str`Ви увійшли як ${0}`,
  'messages.gate.signOut': 'Вийти',
  'messages.action': 'надсилати повідомлення',
  'messages.subject': 'Тема (необов’язково)',
  'messages.body': 'Повідомлення',
  'messages.count': str`${0} з ${1} символів`,
  'messages.count.over': str`На ${0} символів більше, ніж можна`,
  'messages.send': 'Надіслати',
  'messages.sendNow': 'Надіслати зараз',
  'messages.edit': 'Редагувати',
  'messages.another': 'Написати ще одне',
  'messages.offline': 'Немає з’єднання з інтернетом. Можете писати далі: текст зберігається на цьому пристрої.',
  'messages.error.empty': 'Напишіть повідомлення',
  'messages.error.tooLong': str`Використайте не більше ${0} символів`,
  'messages.status.sending': 'Надсилаємо ваше повідомлення…',
  'messages.status.sent': 'Ваше повідомлення надіслано',
  'messages.status.offline': 'Немає з’єднання з інтернетом — ваше повідомлення збережено, його буде надіслано, щойно з’єднання відновиться',
  'messages.status.retrying': 'Не вдалося зв’язатися із сервером — ваше повідомлення збережено, його буде надіслано автоматично',
  'messages.status.rateLimited': str`Ви надіслали кілька повідомлень за короткий час. Ваше повідомлення збережено, його буде надіслано за ${0} с.`,
  'messages.status.failed': 'Не вдалося надіслати повідомлення. Воно збережене тут: спробуйте ще раз або відредагуйте його.',
  'messages.status.loading': 'Завантаження…',
  'messages.status.signIn': 'Ваш сеанс завершився. Увійдіть знову, і повідомлення буде надіслано: воно збережене тут.',
  'messages.status.invalid': 'Повідомлення не надіслано: перевірте позначені поля.',
  'messages.status.refused': 'Сервер не прийняв ваше повідомлення. Воно збережене тут: змініть його й надішліть ще раз.',
};
