import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';

export interface ParsedStage {
  name: string | null;
  from: string;
  platform: string | null;
  instructions: { keyword: string; args: string; text: string; json: string[] | null; line: number }[];
}

/** JSON arguments read from their ranges (getJSONValue drops whitespace inside strings). */
function jsonArgs(ins: Instruction, text: string): string[] | null {
  const anyIns = ins as unknown as { getOpeningBracket?: () => unknown; getClosingBracket?: () => unknown; getJSONStrings?: () => { getJSONRange: () => { start: { line: number; character: number }; end: { line: number; character: number } } }[] };
  if (!anyIns.getOpeningBracket?.() || !anyIns.getClosingBracket?.() || !anyIns.getJSONStrings) return null;
  const lines = text.split('\n');
  return anyIns.getJSONStrings().map((s) => {
    const r = s.getJSONRange();
    return JSON.parse(`"${lines[r.start.line]!.slice(r.start.character, r.end.character)}"`) as string;
  });
}

/** Parses a Dockerfile into stages the way tests want to assert on them. */
export function parseStages(text: string): ParsedStage[] {
  const df = DockerfileParser.parse(text);
  return df.getFROMs().map((from, i, froms) => {
    const start = from.getRange().start.line;
    const end = i + 1 < froms.length ? froms[i + 1]!.getRange().start.line : Number.MAX_SAFE_INTEGER;
    return {
      name: from.getBuildStage(),
      from: from.getImage() ?? '',
      platform: from.getPlatformFlag()?.getValue() ?? null,
      instructions: df
        .getInstructions()
        .filter((ins) => ins.getRange().start.line > start && ins.getRange().start.line < end)
        .map((ins) => ({
          keyword: ins.getKeyword(),
          args: ins.getArgumentsContent() ?? '',
          text: ins.getTextContent(),
          json: jsonArgs(ins, text),
          line: ins.getRange().start.line + 1,
        })),
    };
  });
}

export function finalStage(text: string): ParsedStage {
  const stages = parseStages(text);
  return stages[stages.length - 1]!;
}

/**
 * The stage whose content is deployed: the last stage, or, when the last stage only builds FROM
 * an earlier one (the image without the local emulator target), that stage with the last
 * stage's instructions after its own.
 */
export function deployedStage(text: string): ParsedStage {
  const stages = parseStages(text);
  let stage = stages[stages.length - 1]!;
  let instructions = stage.instructions;
  for (;;) {
    const parent = stages.find((s) => s.name !== null && s.name === stage.from && s !== stage);
    if (!parent) return { ...stage, instructions };
    instructions = [...parent.instructions, ...instructions];
    stage = parent;
  }
}

export const PACKAGE_MANAGERS = /^(apt-get|apt|apk|dnf|microdnf|yum)$/;
/** Compilers, build systems and -dev/-devel packages: build-stage only. */
export const BUILD_TOOLS = /^(gcc|gcc-c\+\+|g\+\+|clang|make|cmake|automake|autoconf|libtool|build-essential|build-base|musl-dev)$|-(dev|devel)$/;

/** Every package install in a stage: the manager and the packages it names. */
export function installs(stage: ParsedStage): { manager: string; packages: string[] }[] {
  const out: { manager: string; packages: string[] }[] = [];
  for (const ins of stage.instructions.filter((i) => i.keyword === 'RUN')) {
    for (const command of ins.args.split(/&&|;|\|\|/)) {
      const words = command.replace(/\\\n/g, ' ').trim().split(/\s+/);
      if (!PACKAGE_MANAGERS.test(words[0] ?? '') || !['install', 'add'].includes(words[1] ?? '')) continue;
      out.push({ manager: words[0]!, packages: words.slice(2).filter((w) => !w.startsWith('-')) });
    }
  }
  return out;
}

/** Fails when `sh -n` rejects the script. */
export function shellSyntaxOk(content: string): void {
  const file = join(mkdtempSync(join(tmpdir(), 'sh-n-')), 'script.sh');
  writeFileSync(file, content);
  execFileSync('sh', ['-n', file]);
}
