/**
 * Ukrainian translations, keyed by the ids given to `msg()`. Loaded lazily, only by pages (or
 * elements) whose `lang` is `uk`. Every id in the source must appear here: `npm test` checks it.
 */
import type { TemplateMap } from '@lit/localize/internal/types.js';

export const templates: TemplateMap = {
  'common.retry': 'Спробувати ще раз',
  'references.label': 'Список джерел',
  'references.empty': 'Джерел немає',
  'references.loading': 'Завантаження джерел…',
  'references.error.offline': 'Схоже, немає з’єднання з інтернетом. Перевірте з’єднання і спробуйте ще раз.',
  'references.error.timeout': 'Сервер відповідав надто довго. Спробуйте ще раз.',
  'references.error.notFound': 'Цей список джерел не знайдено.',
  'references.error.malformed': 'Не вдалося прочитати дані джерел.',
  'references.error.generic': 'Не вдалося завантажити джерела. Спробуйте ще раз.',
};
