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
