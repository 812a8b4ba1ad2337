/**
 * Deploy catalog facts: the value grammars, partitions, registry hosts and ECR pull permissions the
 * deploy artefacts depend on. Each fact names the source it was checked against (DEPLOY_SOURCES);
 * anything that could not be checked against a primary source says UNCONFIRMED.
 *
 * - images-create (2026 mirror) and configuration-images (2022 archive): the same-account minimum
 *   repository policy (Lambda service principal; ecr:BatchGetImage + ecr:GetDownloadUrlForLayer),
 *   the two cross-account statements (account roots + Lambda service conditioned on aws:sourceARN,
 *   one entry per account), "ECR FIPS endpoints are not supported (`ecr-fips`)", "you cannot
 *   change the package type of an existing function", "an ImageConfig must give all three".
 *   The 2022 page conditions the Lambda statement with StringLike; the 2026 mirror shows ArnLike
 *   plus a Resource element. Both operators match the same `function:*` wildcard; we keep
 *   StringLike (the contract this module was specified with) in CROSS_ACCOUNT_CONDITION, one
 *   constant to change. Repository policies apply to their own repository, so no Resource.
 * - API_CreateFunction: function name 1–64 of [a-zA-Z0-9-_] (the 140 limit is for full ARNs),
 *   Role pattern `arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+`,
 *   Architectures x86_64 | arm64. API_ImageConfig: WorkingDirectory at most 1000 characters.
 * - ECR API_CreateRepository: repositoryName 2–256 characters,
 *   `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`; registryId `[0-9]{12}`.
 * - ARN reference: partitions aws, aws-cn (China), aws-us-gov (GovCloud); ECR China user guide:
 *   registry `<account>.dkr.ecr.cn-north-1.amazonaws.com.cn`.
 * - AWS CLI reference: `aws lambda wait function-active-v2` (after create) and
 *   `function-updated-v2` (after updates) poll GetFunction.
 * - aws-sam-cli: Metadata keys Dockerfile, DockerContext, DockerTag, DockerBuildTarget
 *   (samcli/lib/build/app_builder.py); `sam build --use-buildkit` (PR #8772, SAM CLI 1.156+).
 *
 * UNCONFIRMED: that the Lambda service principal is `lambda.amazonaws.com` in aws-cn and
 * aws-us-gov too (no China/GovCloud page found that shows it for ECR repository policies);
 * Region grammar: no AWS page states one, it is inferred from the Lambda ARN patterns
 * (`[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}`) and the Region lists; ISO partitions are refused
 * because their registry hosts could not be confirmed.
 */

export const DEPLOY_SOURCES = {
  imagesCreate: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html',
  configurationImages2022:
    'https://github.com/awsdocs/aws-lambda-developer-guide/blob/main/doc_source/configuration-images.md',
  gettingStartedImages2022:
    'https://github.com/awsdocs/aws-lambda-developer-guide/blob/main/doc_source/gettingstarted-images.md',
  createFunctionApi: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html',
  imageConfigApi: 'https://docs.aws.amazon.com/lambda/latest/api/API_ImageConfig.html',
  ecrCreateRepositoryApi: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html',
  ecrChinaRegistry: 'https://docs.amazonaws.cn/en_us/AmazonECR/latest/userguide/Registries.html',
  arnPartitions: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html',
  govCloudArns: 'https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/using-govcloud-arns.html',
  cliWaitActiveV2: 'https://docs.aws.amazon.com/cli/latest/reference/lambda/wait/function-active-v2.html',
  cliWaitUpdatedV2: 'https://docs.aws.amazon.com/cli/latest/reference/lambda/wait/function-updated-v2.html',
  samAppBuilder: 'https://github.com/aws/aws-sam-cli/blob/develop/samcli/lib/build/app_builder.py',
  samBuildkit: 'https://github.com/aws/aws-sam-cli/pull/8772',
} as const;

/*
 * Grammars are POSIX ERE *and* JavaScript regexes (no \d, no (?:)), so deploy.sh checks the
 * values it receives at run time with exactly the strings the generator checks at generation time.
 */
export const ACCOUNT_RE = '^[0-9]{12}$';
export const REGION_RE = '^[a-z]{2}(-gov)?-[a-z]+-[0-9]{1,2}$';
/** Recognised only to refuse with a precise reason. */
export const ISO_REGION_RE = '^[a-z]{2}-iso[a-z]*-[a-z]+-[0-9]{1,2}$';
export const FUNCTION_NAME_RE = '^[A-Za-z0-9_-]{1,64}$';
export const REPOSITORY_RE = '^([a-z0-9]+([._-][a-z0-9]+)*/)*[a-z0-9]+([._-][a-z0-9]+)*$';
export const REPOSITORY_MIN = 2;
export const REPOSITORY_MAX = 256;
export const ROLE_ARN_RE = '^arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:role/[A-Za-z0-9_+=,.@/-]{1,512}$';
/** Docker tag grammar (what `docker push` accepts). */
export const IMAGE_TAG_RE = '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$';
/** Dockerfile stage names. */
export const BUILD_TARGET_RE = '^[A-Za-z][A-Za-z0-9_.-]{0,127}$';
export const DIGEST_RE = '^sha256:[0-9a-f]{64}$';
export const WORKING_DIRECTORY_MAX = 1000;

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The partition owns ARNs and the DNS suffix of every endpoint in it. */
export function partitionOf(region: string | undefined): Partition {
  if (region?.startsWith('cn-')) return 'aws-cn';
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function dnsSuffixOf(partition: Partition): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

export function registryHost(account: string, region: string): string {
  return `${account}.dkr.ecr.${region}.${dnsSuffixOf(partitionOf(region))}`;
}

export const LAMBDA_SERVICE_PRINCIPAL = 'lambda.amazonaws.com';
/** The least actions the Lambda docs list for pulling a function image. */
export const ECR_PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] as const;
export const CROSS_ACCOUNT_CONDITION = 'StringLike';
export const SOURCE_ARN_KEY = 'aws:sourceARN';

export const ARCH_PLATFORM = { x86_64: 'linux/amd64', arm64: 'linux/arm64' } as const;

/** Reasons quoted to users, worded after the docs. */
export const REASONS = {
  fips: 'Lambda does not support Amazon ECR FIPS endpoints (*.dkr.ecr-fips.*) for function images',
  packageType:
    "a function's package type (.zip or container image) cannot be changed after creation; deploy the image to a new function",
  crossAccountSelf:
    'the Lambda docs: with a cross-account repository policy, Lambda pulls only for the functions of the accounts its aws:sourceARN condition names',
  imageConfig:
    'an ImageConfig must set all three of EntryPoint, Command and WorkingDirectory, or the missing ones are overridden with null',
} as const;
