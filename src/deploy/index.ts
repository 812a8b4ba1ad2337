import { UsageError } from '../shared/errors';
import type { GeneratedFile } from '../shared/files';
import { cloudFormationTemplate, samTemplate } from './cfn';
import { ecrRepositoryPolicy, type EcrPolicyKind } from './policy';
import { dnsSuffixOf, partitionOf } from '../catalog/deploy';
import { deployScript } from './script';
import { buildxCommand, cloudFormationDeployCommand, samCommands, setRepositoryPolicyCommand, stackNameFor } from './commands';
import {
  checkAccountId,
  checkBuildTarget,
  checkFunctionName,
  checkImageConfig,
  checkOneOf,
  checkRegion,
  checkRepositoryName,
} from './validate';

/*
 * Deploy artefacts: the files that take a built image to an invocable Lambda function. Pure data
 * out (GeneratedFile[]); nothing here touches AWS. The artefacts are the user's to edit
 * (owned: false), so `check` never compares them.
 */

export type DeployKind = 'none' | 'script' | 'sam' | 'cloudformation';
export type { EcrPolicyKind };

export interface DeployInput {
  kind: DeployKind;
  arch: 'x86_64' | 'arm64';
  /** Default: the generated folder's name, sanitised by the caller. */
  functionName: string;
  /** Default: same as functionName, lowercased. */
  repositoryName: string;
  /** Only with --image-config. */
  imageConfig?: { entryPoint: string[]; command: string[]; workingDirectory: string };
  needsBuildKit: boolean;
  buildTarget?: string;
  ecrPolicy: EcrPolicyKind;
  /** For cross-account. */
  allowAccounts: string[];
  /** Optional; '*' in policy conditions when absent. */
  region?: string;
}

const KINDS: readonly DeployKind[] = ['none', 'script', 'sam', 'cloudformation'];
const POLICIES: readonly EcrPolicyKind[] = ['none', 'same-account', 'cross-account'];
const ARCHES = ['x86_64', 'arm64'] as const;

export const DEPLOY_FILES = {
  script: 'deploy.sh',
  sam: 'template.yaml',
  cloudformation: 'cloudformation.yaml',
  policy: 'ecr-policy.json',
} as const;

/** Every value that lands in a deploy artefact, checked before anything is generated. */
export function validateDeployInput(input: DeployInput): void {
  checkOneOf(input.kind, KINDS, '--deploy');
  checkOneOf(input.arch, ARCHES, 'architecture');
  checkOneOf(input.ecrPolicy, POLICIES, '--ecr-policy');
  checkFunctionName(input.functionName);
  checkRepositoryName(input.repositoryName);
  if (input.region !== undefined) checkRegion(input.region);
  if (input.buildTarget !== undefined) checkBuildTarget(input.buildTarget);
  if (input.imageConfig !== undefined) checkImageConfig(input.imageConfig);
  if (!Array.isArray(input.allowAccounts)) throw new UsageError('Invalid --allow-account: expected a list of account ids');
  for (const id of input.allowAccounts) checkAccountId(id, '--allow-account');
  if (input.ecrPolicy === 'cross-account' && input.allowAccounts.length === 0) {
    throw new UsageError('--ecr-policy cross-account needs at least one --allow-account <12-digit account id>');
  }
  if (input.ecrPolicy !== 'cross-account' && input.allowAccounts.length > 0) {
    throw new UsageError(`--allow-account applies only to --ecr-policy cross-account (got --ecr-policy ${input.ecrPolicy})`);
  }
}

export function deployFiles(input: DeployInput): GeneratedFile[] {
  validateDeployInput(input);
  const files: GeneratedFile[] = [];
  const accounts = [...new Set(input.allowAccounts)];
  if (input.ecrPolicy !== 'none') {
    files.push({ path: DEPLOY_FILES.policy, content: ecrRepositoryPolicy(input.ecrPolicy, accounts, input.region), owned: false });
  }
  const template = {
    region: input.region,
    repositoryName: input.repositoryName,
    arch: input.arch,
    functionName: input.functionName,
    imageConfig: input.imageConfig,
    needsBuildKit: input.needsBuildKit,
    buildTarget: input.buildTarget,
  };
  switch (input.kind) {
    case 'script':
      files.push({
        path: DEPLOY_FILES.script,
        content: deployScript({
          arch: input.arch,
          functionName: input.functionName,
          repositoryName: input.repositoryName,
          region: input.region,
          buildTarget: input.buildTarget,
          imageConfig: input.imageConfig,
          policyFile: input.ecrPolicy === 'none' ? undefined : DEPLOY_FILES.policy,
        }),
        mode: 0o755,
        owned: false,
      });
      break;
    case 'sam':
      files.push({ path: DEPLOY_FILES.sam, content: samTemplate(template), owned: false });
      break;
    case 'cloudformation':
      files.push({ path: DEPLOY_FILES.cloudformation, content: cloudFormationTemplate(template), owned: false });
      break;
    case 'none':
      break;
  }
  return files;
}

/**
 * Short copy-pasteable lines for the "next steps" the CLI prints after writing. Every command
 * comes from ./commands, which deploy.sh and the template headers use too, so they never differ.
 */
export function deployNextSteps(input: DeployInput): string[] {
  // Validated names are plain shell words ([A-Za-z0-9._/-]), so they need no quoting here.
  const region = input.region ?? '<region>';
  const host = `<account>.dkr.ecr.${region}.${dnsSuffixOf(partitionOf(input.region))}`;
  const steps: string[] = [];
  switch (input.kind) {
    case 'script':
      steps.push(
        `AWS_ACCOUNT_ID=<12-digit-account> AWS_REGION=${region} LAMBDA_ROLE_ARN=<role-arn> ./${DEPLOY_FILES.script}`,
        `./${DEPLOY_FILES.script} --help   # every setting, as an option or an environment variable`,
      );
      break;
    case 'sam':
      steps.push(...samCommands(input.needsBuildKit, input.region));
      break;
    case 'cloudformation':
      steps.push(
        buildxCommand(input.arch, `${host}/${input.repositoryName}:<tag>`, input.buildTarget),
        `docker push ${host}/${input.repositoryName}:<tag>   # prints the digest`,
        ...cloudFormationDeployCommand({
          region,
          templateFile: DEPLOY_FILES.cloudformation,
          stack: stackNameFor(input.functionName),
          imageUri: `${host}/${input.repositoryName}@sha256:<digest>`,
          role: '<role-arn>',
        }),
      );
      break;
    case 'none':
      break;
  }
  if (input.ecrPolicy !== 'none') {
    if (input.kind === 'script') {
      // deploy.sh runs this very command itself, on a new or an existing repository.
      steps.push(`# ./${DEPLOY_FILES.script} applies ${DEPLOY_FILES.policy} to the repository (replacing its policy)`);
      if (input.ecrPolicy === 'cross-account') {
        steps.push(`# it refuses to run unless ${DEPLOY_FILES.policy} lists the account it deploys to: add it with --allow-account`);
      }
    } else {
      steps.push(setRepositoryPolicyCommand({ region, repository: input.repositoryName, policyFile: DEPLOY_FILES.policy }));
    }
  }
  return steps;
}

export const deployFlagHelp: { flag: string; description: string }[] = [
  {
    flag: '--deploy <none|script|sam|cloudformation>',
    description:
      'Also write deploy files: deploy.sh (build, push to ECR, create or update the function by digest), a SAM template.yaml or a CloudFormation cloudformation.yaml (default: none)',
  },
  {
    flag: '--image-config',
    description: "Put the image's ENTRYPOINT, CMD and WORKDIR into the function's ImageConfig (always all three)",
  },
  {
    flag: '--ecr-policy <none|same-account|cross-account>',
    description: 'Write ecr-policy.json, the ECR repository policy that lets Lambda pull the image (default: none)',
  },
  {
    flag: '--allow-account <id>',
    description: '12-digit account whose functions may use the image, with --ecr-policy cross-account (repeatable)',
  },
  {
    flag: '--function-name <name>',
    description: 'Lambda function name used by the deploy files (default: the folder name)',
  },
  {
    flag: '--region <region>',
    description: 'Region for the deploy files; also picks the partition (aws, aws-cn, aws-us-gov) and the registry host',
  },
];
