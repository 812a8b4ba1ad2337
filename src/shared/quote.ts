/** Values quoted for messages: one line, whatever the value holds. */

/** The longest value a message shows in full; longer ones keep their start and end. */
const SHOWN_MAX = 80;

/**
 * Shows a value inside a one-line message without letting it break the line or drive the
 * terminal: JSON quoting escapes C0 controls, and C1 controls and Unicode line separators are
 * escaped too. A long value is shortened in the middle.
 */
export function quote(value: string): string {
  const shown = value.length > SHOWN_MAX ? `${value.slice(0, SHOWN_MAX - 20)}…${value.slice(-12)}` : value;
  return escapeLine(JSON.stringify(shown));
}

/** Escapes what JSON.stringify leaves raw but a terminal acts on (C1 controls, U+2028, U+2029). */
export function escapeLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
