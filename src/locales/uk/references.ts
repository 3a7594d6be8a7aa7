/** Ukrainian strings of <hearth-references> and the shared ones (common.*). */
export const references = {
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
