/** Version pins for rpm package managers: `name-version[-release]` or a local .rpm file. */
export function rpmPinned(p: string): boolean {
  if (p.endsWith('.rpm')) return true;
  const parts = p.split('-');
  if (parts.length <= 1) return false;
  const rest = parts.slice(1);
  return rest.every((x) => /^[A-Za-z0-9.~^_:+]+$/.test(x)) && rest.some((x) => /^\d/.test(x));
}
