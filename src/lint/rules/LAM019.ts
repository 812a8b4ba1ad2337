import { defineRule, runInstructions, type RuleHit } from '../engine';
import { commandsOf, installOf } from './util';

const BUILD_TOOLS = /^(gcc|gcc-c\+\+|g\+\+|c\+\+|clang|make|cmake|automake|autoconf|libtool|build-essential|build-base|cargo|rust|rustc|golang|go|Development Tools|@development-tools|musl-dev|linux-headers|kernel-headers)$|-(dev|devel)$/;
const REMOVES = /^(remove|erase|purge|autoremove|del)$/;

/** Compilers and headers belong in a build stage: in the final image they only cost size and cold start. */
export const rule = defineRule({
  id: 'LAM019',
  severity: 'info',
  description: 'Do not install compilers or -dev/-devel packages in the final image; build in another stage',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const ins of runInstructions(ctx.finalInstructions())) {
      const cmds = commandsOf(ctx, ins);
      const removed = new Set(cmds.filter((c) => c.words.slice(1).some((w) => REMOVES.test(w))).flatMap((c) => c.words));
      const tools = cmds
        .map(installOf)
        .filter((x) => x && ['apt-get', 'apt', 'yum', 'dnf', 'microdnf', 'apk'].includes(x.manager))
        .flatMap((x) => x!.packages)
        .map((p) => p.replace(/[=<>].*$/, ''))
        .filter((p) => BUILD_TOOLS.test(p) && !removed.has(p));
      if (tools.length) {
        hits.push({ line: ins.line, message: `The final image installs build tools (${[...new Set(tools)].join(', ')}); compile in a build stage and COPY --from the result to keep the image small and cold starts short.` });
      }
    }
    return hits;
  },
});
