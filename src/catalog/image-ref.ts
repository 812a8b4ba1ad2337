/** An image reference split into its parts, shared by the catalog and the linter. */
export interface ImageRef {
  /** Registry host, or null for Docker Hub short names. */
  registry: string | null;
  /** Repository path without registry (`lambda/python`, `library/node` is written `node`). */
  path: string;
  tag: string | null;
  digest: string | null;
}

export function parseImageRef(reference: string): ImageRef {
  let rest = reference.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1) || null;
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1) || null;
    rest = rest.slice(0, colon);
  }
  return { registry, path: rest, tag, digest };
}
