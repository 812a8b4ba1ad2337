import { Document, Scalar, isSeq, type CollectionTag, type ScalarTag } from 'yaml';
import { buildxCommand, cloudFormationDeployCommand, samCommands, stackNameFor } from './commands';
import { dnsSuffixOf, FUNCTION_NAME_RE, partitionOf, ROLE_ARN_RE } from '../catalog/deploy';

/*
 * ImageUri: exactly what its description says, a private ECR image by digest. The repository
 * part is ECR's repository grammar and the digest is sha256, so a tag, a FIPS host
 * (dkr.ecr-fips) or a public registry are refused by CloudFormation before Lambda sees them.
 */
const REPO_BODY = '([a-z0-9]+([._-][a-z0-9]+)*/)*[a-z0-9]+([._-][a-z0-9]+)*';
export const IMAGE_URI_PATTERN = `^[0-9]{12}\\.dkr\\.ecr\\.[a-z]{2}(-gov)?-[a-z]+-[0-9]{1,2}\\.amazonaws\\.com(\\.cn)?/${REPO_BODY}@sha256:[0-9a-f]{64}$`;
export const IMAGE_URI_DESCRIPTION =
  'The pushed image by digest, <account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>@sha256:<64 hex digits> (no tag: Lambda pins a digest). Lambda needs the repository in the function\'s Region; FIPS ECR endpoints are not supported.';
import type { ImageConfig } from './validate';

/*
 * SAM and CloudFormation templates built as YAML documents with the `yaml` library, so quoting is
 * never hand-made and the CloudFormation short forms (!Ref, !GetAtt, !Sub) are real YAML tags.
 */

function tagged(tag: '!Ref' | '!GetAtt' | '!Sub', value: string): Scalar {
  const node = new Scalar(value);
  node.tag = tag;
  return node;
}

/**
 * Parse-side tag set for CloudFormation short forms: `parse(text, { customTags: cfnYamlTags })`
 * turns them into their long JSON forms (`{ Ref: ... }`, `{ 'Fn::GetAtt': [...] }`, ...).
 */
const scalarTag = (tag: string, resolve: (value: string) => unknown): ScalarTag => ({ tag, resolve });
const seqTag = (tag: string, key: string): CollectionTag => ({
  tag,
  collection: 'seq',
  resolve: (value) => ({ [key]: isSeq(value) ? value.toJSON() : value }),
});
export const cfnYamlTags: (ScalarTag | CollectionTag)[] = [
  scalarTag('!Ref', (v) => ({ Ref: v })),
  scalarTag('!GetAtt', (v) => ({ 'Fn::GetAtt': v.split('.') })),
  scalarTag('!Sub', (v) => ({ 'Fn::Sub': v })),
  scalarTag('!ImportValue', (v) => ({ 'Fn::ImportValue': v })),
  scalarTag('!GetAZs', (v) => ({ 'Fn::GetAZs': v })),
  scalarTag('!Base64', (v) => ({ 'Fn::Base64': v })),
  scalarTag('!Condition', (v) => ({ Condition: v })),
  ...(
    [
      ['!Sub', 'Fn::Sub'],
      ['!Join', 'Fn::Join'],
      ['!Select', 'Fn::Select'],
      ['!Split', 'Fn::Split'],
      ['!If', 'Fn::If'],
      ['!Equals', 'Fn::Equals'],
      ['!And', 'Fn::And'],
      ['!Or', 'Fn::Or'],
      ['!Not', 'Fn::Not'],
      ['!FindInMap', 'Fn::FindInMap'],
      ['!Cidr', 'Fn::Cidr'],
      ['!GetAtt', 'Fn::GetAtt'],
    ] as const
  ).map(([tag, key]) => seqTag(tag, key)),
];

export interface TemplateInput {
  region?: string;
  repositoryName: string;
  arch: 'x86_64' | 'arm64';
  functionName: string;
  imageConfig?: ImageConfig;
  needsBuildKit: boolean;
  buildTarget?: string;
}

/** Both templates get the same ImageConfig: all three properties or none (REASONS.imageConfig). */
function imageConfigNode(config: ImageConfig): Record<string, unknown> {
  return { EntryPoint: config.entryPoint, Command: config.command, WorkingDirectory: config.workingDirectory };
}

const functionNameParameter = (name: string) => ({
  Type: 'String',
  Default: name,
  AllowedPattern: FUNCTION_NAME_RE,
  Description: 'Name of the Lambda function',
});

const outputs = () => ({
  FunctionArn: { Description: 'ARN of the Lambda function', Value: tagged('!GetAtt', 'Function.Arn') },
  InvokeCommand: {
    Description: 'Invoke the function once from the AWS CLI',
    Value: tagged('!Sub', 'aws lambda invoke --region ${AWS::Region} --function-name ${Function} response.json'),
  },
});

/**
 * Written as YAML 1.1 so that strings a 1.1 parser would read as dates, booleans or octals
 * ('2010-09-09', 'on', 'yes', '0777') come out quoted: SAM CLI and cfn-lint read templates with
 * PyYAML (1.1), and YAML 1.2 parsers read the quoted forms the same way.
 */
function yamlDocument(value: unknown): Document {
  return new Document(value, { version: '1.1' });
}

function render(doc: Document, header: string[]): string {
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

export function samTemplate(input: TemplateInput): string {
  const metadata: Record<string, string> = { Dockerfile: 'Dockerfile', DockerContext: '.', DockerTag: 'latest' };
  if (input.buildTarget) metadata.DockerBuildTarget = input.buildTarget;
  const properties: Record<string, unknown> = {
    FunctionName: tagged('!Ref', 'FunctionName'),
    PackageType: 'Image',
    Architectures: [input.arch],
  };
  if (input.imageConfig) properties.ImageConfig = imageConfigNode(input.imageConfig);
  const doc = yamlDocument({
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: `${input.functionName}: AWS Lambda function from a container image`,
    Parameters: { FunctionName: functionNameParameter(input.functionName) },
    Resources: { Function: { Type: 'AWS::Serverless::Function', Properties: properties, Metadata: metadata } },
    Outputs: outputs(),
  });
  const header = [
    'AWS SAM template generated by create-lambda-image; edit freely.',
    ...(input.needsBuildKit ? ['The Dockerfile needs BuildKit, so plain `sam build` cannot build it.'] : []),
    'Build, then deploy (--resolve-image-repos creates the ECR repository; --guided offers an execution role):',
    ...samCommands(input.needsBuildKit, input.region),
  ];
  return render(doc, header);
}

export function cloudFormationTemplate(input: TemplateInput): string {
  const properties: Record<string, unknown> = {
    FunctionName: tagged('!Ref', 'FunctionName'),
    PackageType: 'Image',
    Code: { ImageUri: tagged('!Ref', 'ImageUri') },
    Role: tagged('!Ref', 'Role'),
    Architectures: [input.arch],
  };
  if (input.imageConfig) properties.ImageConfig = imageConfigNode(input.imageConfig);
  const doc = yamlDocument({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${input.functionName}: AWS Lambda function from a container image`,
    Parameters: {
      ImageUri: {
        Type: 'String',
        Description: IMAGE_URI_DESCRIPTION,
        AllowedPattern: IMAGE_URI_PATTERN,
      },
      Role: { Type: 'String', Description: "ARN of the function's execution role", AllowedPattern: ROLE_ARN_RE },
      FunctionName: functionNameParameter(input.functionName),
    },
    Resources: { Function: { Type: 'AWS::Lambda::Function', Properties: properties } },
    Outputs: outputs(),
  });
  // The same commands the CLI prints as next steps (./commands), with the same placeholders.
  const region = input.region ?? '<region>';
  const repo = `<account>.dkr.ecr.${region}.${dnsSuffixOf(partitionOf(input.region))}/${input.repositoryName}`;
  const header = [
    'AWS CloudFormation template generated by create-lambda-image; edit freely.',
    'Build and push the image first, then deploy this template with the digest docker push printed:',
    buildxCommand(input.arch, `${repo}:<tag>`, input.buildTarget),
    `docker push ${repo}:<tag>`,
    ...cloudFormationDeployCommand({ region, templateFile: 'cloudformation.yaml', stack: stackNameFor(input.functionName), imageUri: `${repo}@sha256:<digest>`, role: '<role-arn>' }),
  ];
  return render(doc, header);
}
