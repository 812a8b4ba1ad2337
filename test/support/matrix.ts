import { AWS_RUNTIMES } from '../../src/catalog';
import { LANGUAGE_RUNTIMES } from '../../src/catalog/language-runtimes';

/** A bare OS image per family, so the matrix also covers languages installed from OS packages. */
const OS_IMAGES = ['debian:bookworm-slim', 'ubuntu:24.04', 'alpine:3.23', 'amazonlinux:2023', 'amazonlinux:2'];

/**
 * Every option combination the catalog offers (as raw option values; some are refused by
 * resolveOptions, which callers skip): each AWS runtime with its build variants, and each
 * language runtime on both OS-only bases and on image bases (default image and bare OS images),
 * on both architectures.
 */
export function everyCombination(): { raw: Record<string, unknown> }[] {
  const out: { raw: Record<string, unknown> }[] = [];
  for (const arch of ['x86_64', 'arm64']) {
    for (const rt of AWS_RUNTIMES) {
      const extra = rt.language === 'java' ? [{}, { buildTool: 'gradle' }] : rt.language === 'nodejs' ? [{}, { typescript: true }] : [{}];
      for (const e of extra) {
        out.push({ raw: { runtime: rt.id, arch, allowDeprecated: true, osPackages: ['jq'], buildOsPackages: ['gcc'], labels: { 'org.opencontainers.image.title': 'x' }, instructions: { build: ['ENV A=1'], final: ['ENV B=2'] }, ...e } });
      }
    }
    for (const rt of LANGUAGE_RUNTIMES) {
      for (const os of ['al2023', 'al2']) {
        out.push({ raw: { base: 'os-only', os, runtime: rt.id, arch, allowDeprecated: true, osPackages: ['jq'] } });
      }
      for (const image of [undefined, ...OS_IMAGES]) {
        for (const rie of [false, true]) {
          out.push({ raw: { base: 'image', runtime: rt.id, arch, allowDeprecated: true, rie, ...(image ? { image } : {}) } });
        }
      }
    }
  }
  return out;
}
