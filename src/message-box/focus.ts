/**
 * Where focus goes in the message box: to the next step of its phase, also when that step is the
 * Log in button inside its login gate, and never to <body> when a render removes the focused control.
 */
import type { HearthElement } from '../core/hearth-element.js';
import type { Phase } from './delivery.js';

/** Where focus belongs in a phase: the message, Write another, Retry, Log in; else the status that says what happens. */
const FOCUS: Partial<Record<Phase, string>> = { compose: 'textarea', sent: '.another', failed: '.retry', signin: '[part~=login]' };

/** Focuses `selector` in the box, else in its login gate (Log in), once both have rendered. */
export async function focusIn(box: HearthElement, selector: string): Promise<void> {
  await box.updateComplete;
  const gate = box.renderRoot.querySelector<HearthElement>('hearth-login-gate');
  await gate?.updateComplete;
  (box.renderRoot.querySelector<HTMLElement>(selector) ?? gate?.renderRoot.querySelector<HTMLElement>(selector))?.focus();
}

/**
 * After a render of the box: when it removed the control that had focus (`focused`: Send once
 * pressed, or once the outbox is read; Retry), focus goes where the next step of `phase` is (FOCUS),
 * never to <body>: the status while sending or queued, then on from there (Retry, Log in, Write
 * another) as the phase changes.
 */
export function keepFocus(box: HearthElement, focused: Element | null, phase: Phase): void {
  if (!focused || (focused.isConnected && focused.getAttribute('part') !== 'status')) return;
  const target = FOCUS[phase] ?? '[part=status]';
  const here = box.renderRoot.querySelector<HTMLElement>(target);
  if (here) here.focus();
  else void focusIn(box, target); // Log in: once the gate has rendered it
}
