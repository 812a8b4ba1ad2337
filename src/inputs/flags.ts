import { parseCommandArgs, type FlagValue, type ParsedArgs } from '../shared/args';
import { OPTION_SPECS, type OptionModel } from '../options';

export type { FlagValue };
export type ParsedFlags = ParsedArgs;

/** The create command's flags, read with the one parser from the option model. */
export function parseFlags(argv: readonly string[], model: OptionModel = OPTION_SPECS): ParsedFlags {
  return parseCommandArgs(argv, model, { version: true });
}
