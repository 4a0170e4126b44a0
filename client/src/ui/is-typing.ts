/** A key pressed in a field is typing, never a shortcut (the review's A/R/C/J/K, Escape closing a panel). */
export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.matches('input, textarea, select') || target.isContentEditable);
