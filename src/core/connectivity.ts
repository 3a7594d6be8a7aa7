/**
 * Whether the browser believes it is online, and a subscription to changes. `navigator.onLine`
 * can say "online" without a working connection, so callers treat `true` as "worth trying", never
 * as a promise; `false` is reliable.
 */
export const isOnline = (): boolean => navigator.onLine;

/** Calls `listener(online)` on every `online` / `offline` event; returns the unsubscribe. */
export function onConnectivityChange(listener: (online: boolean) => void): () => void {
  const on = () => listener(true);
  const off = () => listener(false);
  addEventListener('online', on);
  addEventListener('offline', off);
  return () => {
    removeEventListener('online', on);
    removeEventListener('offline', off);
  };
}
