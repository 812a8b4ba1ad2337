import {
  ACCOUNT_RE,
  DIGEST_RE,
  FUNCTION_NAME_RE,
  IMAGE_TAG_RE,
  REASONS,
  REGION_RE,
  REPOSITORY_MAX,
  REPOSITORY_MIN,
  REPOSITORY_RE,
  ROLE_ARN_RE,
} from '../catalog/deploy';
import { renderTemplate } from '../render';
import { setRepositoryPolicyCommand } from './commands';
import type { ImageConfig } from './validate';

/**
 * One single-quoted shell word. Inputs are validated before they get here; quoting anyway means
 * a grammar bug can never turn into command injection.
 */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface ScriptInput {
  arch: 'x86_64' | 'arm64';
  functionName: string;
  repositoryName: string;
  region?: string;
  buildTarget?: string;
  imageConfig?: ImageConfig;
  /** File name of the repository policy written next to the script, if any. */
  policyFile?: string;
}

export function deployScript(input: ScriptInput): string {
  // Rendered without HTML escaping: every interpolated value is pre-quoted or a fixed grammar.
  const config = input.imageConfig;
  return renderTemplate('deploy/deploy.sh', {
    region: input.region ?? '',
    repository: input.repositoryName,
    functionName: input.functionName,
    arch: input.arch,
    repositoryMin: REPOSITORY_MIN,
    repositoryMax: REPOSITORY_MAX,
    reasons: REASONS,
    q: {
      region: shQuote(input.region ?? ''),
      repository: shQuote(input.repositoryName),
      functionName: shQuote(input.functionName),
      arch: shQuote(input.arch),
      buildTarget: shQuote(input.buildTarget ?? ''),
      imageConfig: shQuote(
        config
          ? JSON.stringify({ EntryPoint: config.entryPoint, Command: config.command, WorkingDirectory: config.workingDirectory })
          : '',
      ),
      policyFile: shQuote(input.policyFile ?? ''),
      archFormat: shQuote('{{.Architecture}}'),
    },
    // The same command the next steps print for the other deploy kinds.
    policyCommand: setRepositoryPolicyCommand({ region: '"$REGION"', registryId: '"$ACCOUNT"', repository: '"$REPOSITORY"', policyFile: '"$ECR_POLICY_FILE"' }),
    re: {
      account: shQuote(ACCOUNT_RE),
      region: shQuote(REGION_RE),
      repository: shQuote(REPOSITORY_RE),
      functionName: shQuote(FUNCTION_NAME_RE),
      role: shQuote(ROLE_ARN_RE),
      tag: shQuote(IMAGE_TAG_RE),
      digest: shQuote(DIGEST_RE),
    },
  });
}
