import { expand } from '../dockerfile';
import { defineRule, type RuleHit } from '../engine';

const DOCKER_ARCH = { x86_64: 'amd64', arm64: 'arm64' } as const;
/** The architectures Lambda runs, as a platform may spell them. */
const ARCHES = ['amd64', 'arm64', 'aarch64', 'x86_64'];

/**
 * The deployed image must target one architecture, the function's. A constant
 * `FROM --platform` gives it one (a note: it could live on the docker build command line);
 * a platform or an arch-suffixed AWS tag that disagrees with the function is an error.
 */
export const rule = defineRule({
  id: 'LAM006',
  severity: 'warning',
  description: 'The final image must target exactly one architecture, the function\'s',
  check: (ctx) => {
    const final = ctx.df.finalStage;
    if (!final) return [];
    const want = ctx.options.arch ? DOCKER_ARCH[ctx.options.arch] : undefined;
    const hits: RuleHit[] = [];
    let pinned: string | undefined;
    for (const stage of ctx.chain(final)) {
      const raw = stage.platform;
      if (!raw) continue;
      if (/\$\{?BUILDPLATFORM\}?/.test(raw)) {
        hits.push({ line: stage.line, message: 'The final image is built FROM --platform=$BUILDPLATFORM, so its architecture follows the build machine, not the function; drop the flag (or use $TARGETPLATFORM).' });
        continue;
      }
      if (/\$\{?TARGETPLATFORM\}?/.test(raw)) continue;
      const value = expand(raw, ctx.df.globalArgs);
      if (value === null) continue;
      // An architecture alone (--platform=arm64) means that architecture on Linux, as Docker reads it.
      const parts = value.toLowerCase().split('/');
      const [os = '', arch = ''] = parts.length === 1 && ARCHES.includes(parts[0]!) ? ['linux', parts[0]!] : parts;
      if (value.includes(',')) {
        hits.push({ line: stage.line, level: 'error', message: `--platform=${value} names several platforms; a Lambda image has exactly one architecture.` });
      } else if (os !== 'linux' || !ARCHES.includes(arch)) {
        hits.push({ line: stage.line, level: 'error', message: `--platform=${value} is not one Lambda runs; use linux/amd64 (x86_64) or linux/arm64.` });
      } else {
        pinned = arch === 'aarch64' ? 'arm64' : arch === 'x86_64' ? 'amd64' : arch;
        if (want && pinned !== want) {
          hits.push({ line: stage.line, level: 'error', message: `--platform=${value} builds for ${pinned}, but the function is ${ctx.options.arch}; the image would fail with "exec format error".` });
        } else {
          // One architecture, as Lambda needs: the function must match it, which only --arch can check.
          hits.push({ line: stage.line, level: 'info', message: `--platform=${value} fixes the image to ${pinned}, so the function must be ${pinned === 'arm64' ? 'arm64' : 'x86_64'}; passing --platform to docker build instead lets one file serve both architectures.` });
        }
      }
    }
    const base = ctx.base(final);
    if (base?.arch) {
      const tagArch = DOCKER_ARCH[base.arch];
      if (want && tagArch !== want) {
        hits.push({ line: final.line, level: 'error', message: `The base tag ${base.ref.tag} is ${base.arch}, but the function is ${ctx.options.arch}; the image would fail with "exec format error".` });
      } else if (pinned && tagArch !== pinned) {
        hits.push({ line: final.line, level: 'error', message: `The base tag ${base.ref.tag} is ${base.arch}, but --platform asks for ${pinned}.` });
      }
    }
    return hits;
  },
});
