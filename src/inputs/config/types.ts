/** The config's shapes, apart from the modules that read them so those import one another one way. */

import type { Options } from '../../options';
import type { Document, LineCounter } from 'yaml';

/** Lint settings from the config's `lint:` section. */
export interface LintConfig {
  failureThreshold?: 'error' | 'warning' | 'info' | 'style' | 'none';
  ignored?: string[];
  override?: Partial<Record<'error' | 'warning' | 'info' | 'style', string[]>>;
  trustedRegistries?: string[];
}

/** Team policy after every layer narrowed it. */
export interface Policy {
  allowedBases?: string[];
  /** Normalised runtime ids (nodejs22, not nodejs22.x). */
  allowedRuntimes?: string[];
  /** The mirror a config file set; nothing later may change it. */
  registryMirror?: string;
  /** The file that set each policy key, for error messages. */
  sources: Record<string, string>;
}

export interface LoadedConfig {
  /** The config file read (project file or --config), or null. */
  path: string | null;
  /** Every file read, as messages name them, lowest precedence first (extended files, then the project file). */
  files: string[];
  /** Option values from the file and the files it extends, merged in precedence order. */
  values: Record<string, unknown>;
  /** "lambda-image.yaml:4: runtime" for a key the config set, else undefined. */
  origin: (key: string) => string | undefined;
  policy: Policy;
  lint?: LintConfig;
  /** Throws UsageError when resolved options break the policy (naming the policy's file). */
  checkPolicy: (options: Options, flagValues: Record<string, unknown>) => void;
  /** Writes option values to the config file (--save). */
  save: (values: Record<string, unknown>) => void;
}

export interface ParsedFile {
  doc: Document;
  lines: LineCounter;
  data: Record<string, unknown>;
}
