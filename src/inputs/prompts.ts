import type { Arch } from '../catalog/types';
import type { Io } from '../io';
import type { Policy } from './config';

export interface PromptContext {
  io: Io;
  today: Date;
  /** Pre-selected architecture in prompts only; non-interactive runs default to x86_64. */
  hostArch: Arch;
  policy: Policy;
}

export type ConflictChoice = { action: 'overwrite' } | { action: 'cancel' } | { action: 'other'; dir: string };

export async function promptForMissing(_values: Record<string, unknown>, _ctx: PromptContext): Promise<Record<string, unknown>> {
  throw new Error('prompts are not implemented yet');
}

export async function resolveConflict(_dir: string, _conflicts: string[], _io: Io): Promise<ConflictChoice> {
  throw new Error('prompts are not implemented yet');
}
