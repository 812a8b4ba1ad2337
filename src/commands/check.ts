import { UsageError } from '../errors';
import type { Io } from '../io';

export async function runCheck(_args: string[], _io: Io): Promise<number> {
  throw new UsageError('check is not available yet');
}
