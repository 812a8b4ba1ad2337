import { describe, expect, it } from 'vitest';
import { configFindings, configProblems, entrypointFindings, tarEntryKind, type ImageInfo } from '../../src/verify/inspect';

/** One 512-byte ustar header (checksum left blank: the parser does not need it). */
function header(name: string, type: string, opts: { mode?: number; size?: number; link?: string } = {}): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write(`${(opts.mode ?? 0o644).toString(8).padStart(7, '0')}\0`, 100);
  h.write(`${(opts.size ?? 0).toString(8).padStart(11, '0')}\0`, 124);
  h.write(type, 156);
  if (opts.link) h.write(opts.link, 157);
  h.write('ustar\x0000', 257);
  return h;
}
const data = (text: string): Buffer => {
  const b = Buffer.alloc(Math.ceil(Buffer.byteLength(text) / 512) * 512);
  b.write(text);
  return b;
};
const end = Buffer.alloc(1024);

describe('tarEntryKind (the first entry of `cp CONTAINER:/path -`)', () => {
  it('reads a regular file and its mode', () => {
    expect(tarEntryKind(Buffer.concat([header('bootstrap', '0', { mode: 0o755, size: 3 }), data('#!x'), end]))).toEqual({ kind: 'file', mode: 0o755 });
  });

  it('reads an old-style regular file (NUL type flag)', () => {
    expect(tarEntryKind(Buffer.concat([header('f', '\0', { mode: 0o700 }), end]))).toEqual({ kind: 'file', mode: 0o700 });
  });

  it("reads a symlink (type '2') and its target", () => {
    expect(tarEntryKind(Buffer.concat([header('sh', '2', { link: 'dash' }), end]))).toEqual({ kind: 'symlink', target: 'dash' });
  });

  it('takes a long symlink target from a preceding pax header', () => {
    const target = `/opt/${'very-long-directory/'.repeat(8)}bin`;
    const record = `${Buffer.byteLength(` linkpath=${target}\n`) + 3} linkpath=${target}\n`;
    const pax = Buffer.concat([header('PaxHeader/x', 'x', { size: Buffer.byteLength(record) }), data(record)]);
    expect(tarEntryKind(Buffer.concat([pax, header('x', '2', { link: target.slice(0, 99) }), end]))).toEqual({ kind: 'symlink', target });
  });

  it("takes a long target from a GNU 'K' record", () => {
    const target = 'a'.repeat(150);
    const gnu = Buffer.concat([header('././@LongLink', 'K', { size: target.length + 1 }), data(`${target}\0`)]);
    expect(tarEntryKind(Buffer.concat([gnu, header('x', '2'), end]))).toEqual({ kind: 'symlink', target });
  });

  it('reads a directory, other types, and an empty stream', () => {
    expect(tarEntryKind(Buffer.concat([header('etc/', '5'), end]))).toEqual({ kind: 'directory', mode: 0o644 });
    expect(tarEntryKind(Buffer.concat([header('fifo', '6'), end]))).toEqual({ kind: 'other', typeflag: '6' });
    expect(tarEntryKind(end)).toEqual({ kind: 'missing' });
    expect(tarEntryKind(Buffer.alloc(0))).toEqual({ kind: 'missing' });
  });
});

describe('configProblems', () => {
  const good: ImageInfo = { Id: 'sha256:1', Os: 'linux', Architecture: 'amd64', Config: { Entrypoint: ['/lambda-entrypoint.sh'] } };

  it('passes a linux image of the asked architecture with an absolute ENTRYPOINT', () => {
    expect(configProblems(good, 'x86_64')).toEqual([]);
    expect(configProblems({ ...good, Architecture: 'arm64' }, 'arm64')).toEqual([]);
    expect(configProblems({ ...good, Architecture: 'aarch64' }, 'arm64')).toEqual([]);
  });

  it('reports each problem on its own line; a relative ENTRYPOINT is a finding, not a refusal', () => {
    const info: ImageInfo = { Id: 'x', Os: 'windows', Architecture: 'amd64', Config: { Entrypoint: ['bootstrap'] } };
    expect(configProblems(info, 'arm64')).toEqual([
      'image OS is windows; Lambda runs only linux images',
      'image architecture is amd64 (x86_64) but --arch is arm64',
    ]);
    expect(configFindings(info).map((f) => f.message)).toEqual([expect.stringMatching(/^"bootstrap": the Lambda docs ask for an absolute ENTRYPOINT path/)]);
  });

  it('runs a CMD-only image (a finding) but refuses one with nothing to run', () => {
    const cmdOnly: ImageInfo = { Id: 'x', Os: 'linux', Architecture: 's390x', Config: { Entrypoint: null, Cmd: ['/x'] } };
    expect(configProblems(cmdOnly, 'x86_64')).toEqual(['image architecture is s390x; Lambda supports x86_64 (amd64) and arm64']);
    expect(configFindings(cmdOnly)).toEqual([{ message: expect.stringMatching(/CMD but no ENTRYPOINT/), source: 'https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-images.html' }]);
    expect(configProblems({ ...cmdOnly, Architecture: 'amd64', Config: {} }, 'x86_64')).toEqual(['image has neither ENTRYPOINT nor CMD: there is nothing for Lambda to run']);
  });

  it('reports an image holding several platforms, ignoring attestation entries', () => {
    const multi: ImageInfo = {
      ...good,
      Manifests: [
        { Descriptor: { platform: { os: 'linux', architecture: 'amd64' } } },
        { Descriptor: { platform: { os: 'linux', architecture: 'arm64' } } },
        { Descriptor: { platform: { os: 'unknown', architecture: 'unknown' } } },
      ],
    };
    expect(configProblems(multi, 'x86_64')).toEqual(['image holds 2 platforms (linux/amd64, linux/arm64); Lambda needs a single-architecture image']);
    expect(configProblems({ ...good, Manifests: [multi.Manifests![0]!, multi.Manifests![2]!] }, 'x86_64')).toEqual([]);
  });
});

describe('entrypointFindings', () => {
  const msgs = (path: string, kind: Parameters<typeof entrypointFindings>[1]) => entrypointFindings(path, kind).map((f) => f.message);
  it('accepts an executable file', () => {
    expect(entrypointFindings('/bootstrap', { kind: 'file', mode: 0o755 })).toEqual([]);
  });

  it('explains every other case in one line, citing the docs', () => {
    expect(msgs('/bootstrap', { kind: 'file', mode: 0o750 })).toEqual(['/bootstrap is not executable by other users (mode 750); Lambda runs it as an unprivileged user']);
    expect(msgs('/bin/sh', { kind: 'symlink', target: 'dash' })).toEqual([expect.stringMatching(/^\/bin\/sh is a symlink \(to dash\): the Lambda docs advise .* so it is run here$/)]);
    expect(msgs('/x', { kind: 'missing' })).toEqual(['/x does not exist in the image']);
    expect(msgs('/x', { kind: 'directory' })).toEqual(['/x is a directory']);
    expect(msgs('/x', { kind: 'other', typeflag: '6' })).toEqual(['/x is not a regular file (tar type "6")']);
    expect(entrypointFindings('/x', { kind: 'missing' })[0]!.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });
});
