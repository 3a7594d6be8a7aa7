/**
 * Keyboard of a single-select listbox (WAI-ARIA APG): Up and Down move one row, Home and End to the
 * ends, and typing jumps to the next row whose name starts with what was typed (letters typed
 * within a second add up). Enter and Space (opening) are the listbox owner's.
 *
 * @internal
 */
export class ListboxKeys {
  #typed = '';
  #at = 0;

  /** The row `event` moves focus to from row `current`, or -1 when the key is none of these. */
  target(event: KeyboardEvent, current: number, names: string[]): number {
    const { key } = event;
    const last = names.length - 1;
    if (key == 'ArrowDown') return Math.min(current + 1, last);
    if (key == 'ArrowUp') return Math.max(current - 1, 0);
    if (key == 'Home') return 0;
    if (key == 'End') return last;
    if (key.length != 1 || key == ' ' || event.ctrlKey || event.metaKey || event.altKey) return -1;
    this.#typed = (event.timeStamp - this.#at < 1000 ? this.#typed : '') + key.toLowerCase();
    this.#at = event.timeStamp;
    // A first letter looks from the next row on (pressing it again cycles); more letters refine from here.
    const from = current + (this.#typed.length > 1 ? 0 : 1);
    for (let i = 0; i < names.length; i++) {
      const index = (from + i) % names.length;
      if (names[index].toLowerCase().startsWith(this.#typed)) return index;
    }
    return -1;
  }
}
