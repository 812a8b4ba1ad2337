/**
 * A strict reader for the small XML files the generator writes (.csproj, pom.xml): elements,
 * attributes, text, comments and an XML declaration; no DTDs, CDATA or processing instructions
 * beyond the declaration. It throws where an XML parser would report the file as not
 * well-formed, so tests can both check well-formedness and read what a file says.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded, trimmed. */
  text: string;
}

const NAME = /[A-Za-z_][\w.-]*/y;
const SPACE = /\s*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
  if (raw.includes('<')) throw new Error(`'<' in text or an attribute value near ${at}`);
  return raw.replace(/&([^;\s&]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`an '&' that starts no reference near ${at}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const code = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#(\d+)$/.exec(ref)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${ref}; near ${at}`);
    return String.fromCodePoint(ref.startsWith('#x') ? parseInt(code, 16) : parseInt(code, 10));
  });
}

export function parseXml(text: string): XmlElement {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML: ${what} at offset ${pos}`);
  };
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    pos += m[0].length;
    return m[0];
  };
  const expect = (literal: string) => {
    if (!text.startsWith(literal, pos)) fail(`expected '${literal}'`);
    pos += literal.length;
  };
  const skipMisc = () => {
    for (;;) {
      match(SPACE);
      if (!text.startsWith('<!--', pos)) return;
      comment();
    }
  };
  const comment = () => {
    const end = text.indexOf('-->', pos + 4);
    if (end === -1) fail('an unclosed comment');
    const body = text.slice(pos + 4, end);
    if (body.includes('--') || body.endsWith('-')) fail("'--' inside a comment");
    pos = end + 3;
  };
  const element = (): XmlElement => {
    expect('<');
    const name = match(NAME) ?? fail('an element name');
    const attributes: Record<string, string> = {};
    for (;;) {
      const space = match(SPACE);
      if (text.startsWith('/>', pos) || text.startsWith('>', pos)) break;
      if (!space) fail('whitespace before an attribute');
      const attr = match(NAME) ?? fail('an attribute name');
      match(SPACE);
      expect('=');
      match(SPACE);
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail('a quoted attribute value');
      const end = text.indexOf(quote!, pos + 1);
      if (end === -1) fail('an unclosed attribute value');
      if (attr in attributes) fail(`attribute ${attr} twice`);
      attributes[attr] = decode(text.slice(pos + 1, end), pos);
      pos = end + 1;
    }
    const out: XmlElement = { name, attributes, children: [], text: '' };
    if (text.startsWith('/>', pos)) {
      pos += 2;
      return out;
    }
    expect('>');
    let own = '';
    for (;;) {
      const next = text.indexOf('<', pos);
      if (next === -1) fail(`no end tag for <${name}>`);
      own += decode(text.slice(pos, next), pos);
      pos = next;
      if (text.startsWith('</', pos)) {
        pos += 2;
        if (match(NAME) !== name) fail(`an end tag other than </${name}>`);
        match(SPACE);
        expect('>');
        return { ...out, text: own.trim() };
      }
      if (text.startsWith('<!--', pos)) comment();
      else out.children.push(element());
    }
  };

  if (text.startsWith('\uFEFF')) pos = 1;
  if (text.startsWith('<?xml', pos)) {
    const end = text.indexOf('?>', pos);
    if (end === -1) fail('an unclosed XML declaration');
    pos = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (pos !== text.length) fail('content after the root element');
  return root;
}

/** Every element named `name` below `root`, at any depth, in document order. */
export function descendants(root: XmlElement, name: string): XmlElement[] {
  return root.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}
