import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { cfnYamlTags } from '../../src/deploy/cfn';
import { REASONS } from '../../src/catalog/deploy';
import { deployFiles, deployFlagHelp, deployNextSteps, type DeployInput } from '../../src/deploy/index';
import { packageRoot } from '../../src/shared/paths';
import { input } from './helpers';

const IMAGE_CONFIG = {
  entryPoint: ['/usr/local/bin/python', '-m', 'awslambdaric'],
  command: ['app.handler'],
  workingDirectory: '/function',
};

function only(over: Partial<DeployInput>, path: string): { content: string; mode?: number; owned: boolean } {
  const files = deployFiles(input(over));
  const file = files.find((f) => f.path === path);
  expect(file, `${path} in ${files.map((f) => f.path).join(', ')}`).toBeDefined();
  return file!;
}

// The templates must parse with a CloudFormation-aware tag set, as cfn-lint and SAM do.
const cfn = (text: string) => parse(text, { customTags: cfnYamlTags });
type Json = Record<string, any>;

describe('SAM template.yaml', () => {
  it('declares one image function for the chosen architecture, built by SAM from the Dockerfile', () => {
    const file = only({ kind: 'sam', arch: 'arm64' }, 'template.yaml');
    expect(file.owned).toBe(false);
    const doc = cfn(file.content) as Json;
    expect(doc.Transform).toBe('AWS::Serverless-2016-10-31');
    const resources = Object.values(doc.Resources as Json);
    expect(resources).toHaveLength(1);
    const fn = doc.Resources.Function;
    expect(fn.Type).toBe('AWS::Serverless::Function');
    expect(fn.Properties.PackageType).toBe('Image');
    expect(fn.Properties.Architectures).toEqual(['arm64']);
    expect(fn.Properties.FunctionName).toEqual({ Ref: 'FunctionName' });
    expect(doc.Parameters.FunctionName.Default).toBe('orders-api');
    expect(fn.Metadata).toEqual({ Dockerfile: 'Dockerfile', DockerContext: '.', DockerTag: 'latest' });
    expect(fn.Properties.ImageConfig).toBeUndefined();
    expect(doc.Outputs.FunctionArn.Value).toEqual({ 'Fn::GetAtt': ['Function', 'Arn'] });
    expect(doc.Outputs.InvokeCommand.Value['Fn::Sub']).toContain('${Function}');
  });

  it('uses real YAML tags for the short forms (a tag-unaware parser reports them)', () => {
    const text = only({ kind: 'sam' }, 'template.yaml').content;
    expect(text).toMatch(/^\s+Value: !GetAtt Function\.Arn$/m);
    const plain = parseDocument(text);
    expect(plain.warnings.map((w) => w.code)).toContain('TAG_RESOLVE_FAILED');
    expect(parseDocument(text, { customTags: cfnYamlTags }).warnings).toEqual([]);
  });

  it('ships a tag set that reads both short-form shapes', () => {
    const doc = cfn('A: !GetAtt [Fn, Arn]\nB: !Sub ["${X}", {X: !Ref Y}]\nC: !Join ["", [a, b]]\n') as Json;
    expect(doc).toEqual({
      A: { 'Fn::GetAtt': ['Fn', 'Arn'] },
      B: { 'Fn::Sub': ['${X}', { X: { Ref: 'Y' } }] },
      C: { 'Fn::Join': ['', ['a', 'b']] },
    });
  });

  it('adds DockerBuildTarget only when a build target is given', () => {
    const withTarget = cfn(only({ kind: 'sam', buildTarget: 'final' }, 'template.yaml').content) as Json;
    expect(withTarget.Resources.Function.Metadata.DockerBuildTarget).toBe('final');
    const without = only({ kind: 'sam' }, 'template.yaml').content;
    expect(without).not.toContain('DockerBuildTarget');
  });

  it('notes sam build --use-buildkit in a comment when the Dockerfile needs BuildKit', () => {
    const needs = parseDocument(only({ kind: 'sam', needsBuildKit: true }, 'template.yaml').content, { customTags: cfnYamlTags });
    expect(needs.commentBefore).toContain('sam build --use-buildkit');
    const plain = only({ kind: 'sam', needsBuildKit: false }, 'template.yaml').content;
    expect(plain).not.toContain('--use-buildkit');
  });

  it('carries a full ImageConfig with --image-config', () => {
    const doc = cfn(only({ kind: 'sam', imageConfig: IMAGE_CONFIG, arch: 'x86_64' }, 'template.yaml').content) as Json;
    expect(doc.Resources.Function.Properties.Architectures).toEqual(['x86_64']);
    expect(doc.Resources.Function.Properties.ImageConfig).toEqual({
      EntryPoint: IMAGE_CONFIG.entryPoint,
      Command: IMAGE_CONFIG.command,
      WorkingDirectory: IMAGE_CONFIG.workingDirectory,
    });
  });
});

it('SAM: the header gives the same build and deploy commands the next steps print', () => {
  for (const needsBuildKit of [true, false]) {
    const over = { kind: 'sam' as const, needsBuildKit, region: 'eu-west-1' };
    const header = only(over, 'template.yaml').content.split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^# ?/, ''));
    for (const step of deployNextSteps(input(over))) expect(header).toContain(step);
  }
});

describe('CloudFormation cloudformation.yaml', () => {
  it('declares an image function from the ImageUri and Role parameters', () => {
    const file = only({ kind: 'cloudformation', arch: 'x86_64' }, 'cloudformation.yaml');
    expect(file.owned).toBe(false);
    const doc = cfn(file.content) as Json;
    expect(doc.Transform).toBeUndefined();
    const fn = doc.Resources.Function;
    expect(fn.Type).toBe('AWS::Lambda::Function');
    expect(fn.Properties.PackageType).toBe('Image');
    expect(fn.Properties.Code).toEqual({ ImageUri: { Ref: 'ImageUri' } });
    expect(fn.Properties.Role).toEqual({ Ref: 'Role' });
    expect(fn.Properties.Architectures).toEqual(['x86_64']);
    expect(Object.keys(doc.Parameters).sort()).toEqual(['FunctionName', 'ImageUri', 'Role']);
    expect(doc.Outputs.FunctionArn.Value).toEqual({ 'Fn::GetAtt': ['Function', 'Arn'] });
  });

  it('never emits an ImageConfig without the option', () => {
    const text = only({ kind: 'cloudformation' }, 'cloudformation.yaml').content;
    expect(text).not.toContain('ImageConfig');
    expect(text).not.toMatch(/EntryPoint|WorkingDirectory/);
  });

  it('emits all three ImageConfig properties with the option', () => {
    const doc = cfn(only({ kind: 'cloudformation', imageConfig: IMAGE_CONFIG }, 'cloudformation.yaml').content) as Json;
    const config = doc.Resources.Function.Properties.ImageConfig;
    expect(Object.keys(config).sort()).toEqual(['Command', 'EntryPoint', 'WorkingDirectory']);
    expect(config.EntryPoint).toEqual(IMAGE_CONFIG.entryPoint);
    expect(config.Command).toEqual(IMAGE_CONFIG.command);
    expect(config.WorkingDirectory).toBe('/function');
  });

  it("keeps odd but valid ImageConfig strings intact through YAML quoting", () => {
    const tricky = { entryPoint: ['/bin/sh', '-c', 'exec "$0" # yes: no'], command: ['- a', '*b', '{c}'], workingDirectory: '/var/task' };
    const doc = cfn(only({ kind: 'cloudformation', imageConfig: tricky }, 'cloudformation.yaml').content) as Json;
    expect(doc.Resources.Function.Properties.ImageConfig.EntryPoint).toEqual(tricky.entryPoint);
    expect(doc.Resources.Function.Properties.ImageConfig.Command).toEqual(tricky.command);
  });

  it('quotes what a YAML 1.1 parser (PyYAML in SAM CLI and cfn-lint) would read as a date or boolean', () => {
    const config = { entryPoint: ['/bin/run'], command: ['on', 'yes', '0777'], workingDirectory: '/var/task' };
    const text = only({ kind: 'cloudformation', imageConfig: config }, 'cloudformation.yaml').content;
    expect(text).toMatch(/^AWSTemplateFormatVersion: ["']2010-09-09["']$/m);
    for (const word of config.command) expect(text).toMatch(new RegExp(`- ["']${word}["']`));
    const doc = parse(text, { customTags: cfnYamlTags, version: '1.1' }) as Json;
    expect(doc.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(doc.Resources.Function.Properties.ImageConfig.Command).toEqual(config.command);
  });

  it('constrains the parameters: role ARNs only, and no FIPS registry for the image', () => {
    const doc = cfn(only({ kind: 'cloudformation' }, 'cloudformation.yaml').content) as Json;
    const role = new RegExp(doc.Parameters.Role.AllowedPattern);
    expect(role.test('arn:aws:iam::123456789012:role/lambda-exec')).toBe(true);
    expect(role.test('arn:aws-cn:iam::123456789012:role/service-role/x')).toBe(true);
    expect(role.test('lambda-exec')).toBe(false);
    const image = new RegExp(doc.Parameters.ImageUri.AllowedPattern);
    const digest = `@sha256:${'ab'.repeat(32)}`;
    expect(image.test(`123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api${digest}`)).toBe(true);
    expect(image.test(`123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/team/orders-api${digest}`)).toBe(true);
    expect(image.test(`123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/orders-api${digest}`)).toBe(false);
  });

  it('accepts for ImageUri only what its description says: a private ECR image by digest', () => {
    const doc = cfn(only({ kind: 'cloudformation' }, 'cloudformation.yaml').content) as Json;
    const image = new RegExp(doc.Parameters.ImageUri.AllowedPattern);
    expect(doc.Parameters.ImageUri.Description).toMatch(/by digest.*@sha256:<64 hex digits> \(no tag/);
    const repo = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-api';
    expect(image.test(`${repo}@sha256:${'0'.repeat(64)}`)).toBe(true);
    // A tag, a short or upper-case digest, a bad repository name, another registry: refused.
    for (const bad of [`${repo}:latest`, `${repo}@sha256:${'0'.repeat(63)}`, `${repo}@sha256:${'A'.repeat(64)}`, `123456789012.dkr.ecr.eu-west-1.amazonaws.com/Orders@sha256:${'0'.repeat(64)}`, `123456789012.dkr.ecr.eu-west-1.amazonaws.com/a//b@sha256:${'0'.repeat(64)}`, `public.ecr.aws/x/y@sha256:${'0'.repeat(64)}`, `12345678901.dkr.ecr.eu-west-1.amazonaws.com/x@sha256:${'0'.repeat(64)}`]) {
      expect(image.test(bad), bad).toBe(false);
    }
  });

  it('points its header only at commands this mode writes or needs, the same the next steps print', () => {
    const over = { kind: 'cloudformation' as const, region: 'eu-west-1', functionName: 'orders_api', buildTarget: 'final' };
    const text = only(over, 'cloudformation.yaml').content;
    // No deploy.sh is written with --deploy cloudformation, so the header must not send anyone there.
    expect(text).not.toContain('deploy.sh');
    const header = text.split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^# ?/, ''));
    const steps = deployNextSteps(input(over));
    expect(steps.filter((l) => !l.startsWith('docker push'))).toEqual(header.filter((l) => steps.includes(l)));
    for (const step of steps.filter((l) => !l.startsWith('docker push'))) expect(header).toContain(step);
    expect(steps[0]).toBe('docker buildx build --platform linux/arm64 --provenance=false --sbom=false --load -t <account>.dkr.ecr.eu-west-1.amazonaws.com/orders-api:<tag> --target final .');
  });
});

describe('ECR repository policy ecr-policy.json', () => {
  const actions = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

  it('same-account: lets the Lambda service pull, with the least actions the docs list', () => {
    const policy = JSON.parse(only({ kind: 'none', ecrPolicy: 'same-account' }, 'ecr-policy.json').content);
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement).toHaveLength(1);
    const [statement] = policy.Statement;
    expect(statement.Effect).toBe('Allow');
    expect(statement.Principal).toEqual({ Service: 'lambda.amazonaws.com' });
    expect(statement.Action).toEqual(actions);
    expect(statement.Condition).toBeUndefined();
    expect(statement.Resource).toBeUndefined();
  });

  it('cross-account: account roots may pull, and Lambda only for those accounts\' functions in the Region', () => {
    const policy = JSON.parse(
      only(
        { kind: 'none', ecrPolicy: 'cross-account', allowAccounts: ['111111111111', '222222222222', '111111111111'], region: 'eu-west-1' },
        'ecr-policy.json',
      ).content,
    );
    expect(policy.Statement).toHaveLength(2);
    const [accounts, lambda] = policy.Statement;
    expect(accounts.Principal).toEqual({ AWS: ['arn:aws:iam::111111111111:root', 'arn:aws:iam::222222222222:root'] });
    expect(accounts.Action).toEqual(actions);
    expect(accounts.Condition).toBeUndefined();
    expect(lambda.Principal).toEqual({ Service: 'lambda.amazonaws.com' });
    expect(lambda.Action).toEqual(actions);
    expect(lambda.Condition).toEqual({
      StringLike: {
        'aws:sourceARN': ['arn:aws:lambda:eu-west-1:111111111111:function:*', 'arn:aws:lambda:eu-west-1:222222222222:function:*'],
      },
    });
    // No unconditioned Lambda statement that would make the condition meaningless.
    expect(policy.Statement.filter((s: Json) => s.Principal.Service && !s.Condition)).toEqual([]);
  });

  it("uses '*' for the Region when none is given, and the Region's partition when one is", () => {
    const anyRegion = JSON.parse(
      only({ kind: 'none', ecrPolicy: 'cross-account', allowAccounts: ['111111111111'] }, 'ecr-policy.json').content,
    );
    expect(anyRegion.Statement[1].Condition.StringLike['aws:sourceARN']).toEqual(['arn:aws:lambda:*:111111111111:function:*']);
    const china = JSON.parse(
      only({ kind: 'none', ecrPolicy: 'cross-account', allowAccounts: ['111111111111'], region: 'cn-north-1' }, 'ecr-policy.json').content,
    );
    expect(china.Statement[0].Principal.AWS).toEqual(['arn:aws-cn:iam::111111111111:root']);
    expect(china.Statement[1].Condition.StringLike['aws:sourceARN']).toEqual(['arn:aws-cn:lambda:cn-north-1:111111111111:function:*']);
    const gov = JSON.parse(
      only({ kind: 'none', ecrPolicy: 'cross-account', allowAccounts: ['111111111111'], region: 'us-gov-west-1' }, 'ecr-policy.json').content,
    );
    expect(gov.Statement[0].Principal.AWS).toEqual(['arn:aws-us-gov:iam::111111111111:root']);
  });

  it('is written beside any deploy kind, and not at all with none', () => {
    const paths = (over: Partial<DeployInput>) => deployFiles(input(over)).map((f) => f.path).sort();
    expect(paths({ kind: 'none' })).toEqual([]);
    expect(paths({ kind: 'script', ecrPolicy: 'same-account' })).toEqual(['deploy.sh', 'ecr-policy.json']);
    expect(paths({ kind: 'sam', ecrPolicy: 'same-account' })).toEqual(['ecr-policy.json', 'template.yaml']);
    expect(deployFiles(input({ ecrPolicy: 'same-account' })).every((f) => !f.owned)).toBe(true);
  });
});

describe('next steps and --help entries', () => {
  it('gives copy-pasteable commands per kind', () => {
    expect(deployNextSteps(input({ kind: 'script', region: 'us-east-1' })).join('\n')).toMatch(/AWS_REGION=us-east-1 .*\.\/deploy\.sh/);
    expect(deployNextSteps(input({ kind: 'sam', needsBuildKit: true }))[0]).toMatch(/^sam build --use-buildkit/);
    expect(deployNextSteps(input({ kind: 'sam', needsBuildKit: false }))[0]).toBe('sam build');
    const cfnSteps = deployNextSteps(input({ kind: 'cloudformation', region: 'cn-north-1', functionName: 'orders_api' })).join('\n');
    expect(cfnSteps).toContain('--stack-name orders-api');
    expect(cfnSteps).toContain('.dkr.ecr.cn-north-1.amazonaws.com.cn/orders-api@sha256:');
    expect(deployNextSteps(input({ kind: 'none', ecrPolicy: 'same-account' }))).toEqual([
      'aws ecr set-repository-policy --region <region> --repository-name orders-api --policy-text file://ecr-policy.json',
    ]);
    expect(deployNextSteps(input({ kind: 'none' }))).toEqual([]);
  });

  it('does not print a policy command beside deploy.sh, which runs that command itself', () => {
    const steps = deployNextSteps(input({ kind: 'script', ecrPolicy: 'same-account', region: 'us-east-1' }));
    expect(steps.some((l) => l.startsWith('aws ecr'))).toBe(false);
    expect(steps).toContain('# ./deploy.sh applies ecr-policy.json to the repository (replacing its policy)');
    const script = only({ kind: 'script', ecrPolicy: 'same-account' }, 'deploy.sh').content;
    // The script's command is the next-step command with its own variables in the value slots.
    expect(script).toContain('aws ecr set-repository-policy --region "$REGION" --registry-id "$ACCOUNT" --repository-name "$REPOSITORY" --policy-text file://"$ECR_POLICY_FILE"');
    const printed = deployNextSteps(input({ kind: 'sam', ecrPolicy: 'same-account', region: 'us-east-1' })).at(-1)!;
    expect(printed).toBe('aws ecr set-repository-policy --region us-east-1 --repository-name orders-api --policy-text file://ecr-policy.json');
  });

  it('warns, with --deploy script and a cross-account policy, that the own account must be listed', () => {
    const steps = deployNextSteps(input({ kind: 'script', ecrPolicy: 'cross-account', allowAccounts: ['210987654321'] }));
    expect(steps.at(-1)).toMatch(/refuses to run unless ecr-policy\.json lists the account it deploys to: add it with --allow-account/);
  });

  it('documents the six flags the CLI wires', () => {
    const flags = deployFlagHelp.map((h) => h.flag.split(' ')[0]);
    expect(flags).toEqual(['--deploy', '--image-config', '--ecr-policy', '--allow-account', '--function-name', '--region']);
    for (const help of deployFlagHelp) expect(help.description.length).toBeGreaterThan(10);
  });
});

describe('package root lookup', () => {
  it('finds the root from the source tree', () => {
    expect(packageRoot()).toBe(join(import.meta.dirname, '..', '..'));
  });

  it('finds the root from a bundled chunk one or two levels down', () => {
    const root = mkdtempSync(join(tmpdir(), 'cli-root-'));
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, 'templates', 'deploy'), { recursive: true });
    mkdirSync(join(root, 'dist', 'chunks'), { recursive: true });
    expect(packageRoot(pathToFileURL(join(root, 'dist', 'cli.cjs')))).toBe(root);
    expect(packageRoot(pathToFileURL(join(root, 'dist', 'chunks', 'deploy-abc.js')))).toBe(root);
  });
});

it('docs reasons are safe inside a double-quoted shell string', () => {
  for (const reason of Object.values(REASONS)) expect(reason).not.toMatch(/["$`\\]/);
});
