/*
 * Escaping for each kind of file a value lands in. Values are validated before rendering too;
 * escaping keeps a file well-formed even for a value a validator would one day let through.
 */

/** Text content or an attribute value in XML (pom.xml, .csproj). */
export function xmlText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A single-quoted Groovy string literal (settings.gradle): single quotes never interpolate `$`,
 * so only the backslash and the quote need escaping; control characters become \uXXXX.
 */
export function groovyString(value: string): string {
  const body = value.replace(/[\\']/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${body}'`;
}
