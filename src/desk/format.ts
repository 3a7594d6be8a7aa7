const day = (date: Date) => date.toDateString();

/**
 * A short time in the reader's locale: the time of day for today, the day and month this year,
 * else the date. With `full`, today's time and other days' date and time (the messages of a thread).
 */
export function shortTime(iso: string, locale: string | undefined, full = false, now = new Date()): string {
  const date = new Date(iso);
  if (isNaN(+date)) return '';
  const today = day(date) == day(now);
  const options: Intl.DateTimeFormatOptions = today
    ? { timeStyle: 'short' }
    : full
      ? { dateStyle: 'medium', timeStyle: 'short' }
      : date.getFullYear() == now.getFullYear()
        ? { month: 'short', day: 'numeric' }
        : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
