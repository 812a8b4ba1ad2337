import type { ImagePlan } from '../plan';
import { packageManagerRunner } from '../inputs/package-manager';
import { platformOf } from '../plan/common';
import { buildxCommand } from '../deploy/commands';

/** Shell-quotes a path for copy-paste; plain words stay bare. */
function shq(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export interface NextStepsOptions {
  /** Whether the docker client has the buildx plugin; undefined when not known. */
  buildx?: boolean;
  /** --region, when given: the AWS commands use it and the registry host names it. */
  region?: string;
}

/**
 * Short, copy-pasteable steps for the chosen architecture: build a single-architecture image
 * without attestations (Lambda rejects image indexes), test it locally with `verify` (and with
 * the emulator where the image has one), push, create. A client without buildx (Debian's docker
 * 20.10, for one) still drives the daemon's BuildKit through DOCKER_BUILDKIT=1 `docker build`.
 */
export function nextSteps(plan: ImagePlan, dir: string, name: string, env: NodeJS.ProcessEnv, opts: NextStepsOptions = {}): string[] {
  const platform = platformOf(plan.arch);
  const tag = `${name}:dev`;
  const runner = packageManagerRunner(env);
  const emulatorBuiltIn = plan.kind !== 'image' || plan.options.rie;
  const region = opts.region ?? 'REGION';
  const regionFlag = opts.region ? ` --region ${shq(opts.region)}` : '';
  const registry = `ACCOUNT.dkr.ecr.${region}.amazonaws.com`;
  // The same build command the deploy artefacts use; a client without buildx still drives BuildKit.
  const build = (image: string, target?: string) =>
    opts.buildx === false
      ? `DOCKER_BUILDKIT=1 docker build --platform ${platform} -t ${shq(image)}${target ? ` --target ${target}` : ''} .`
      : buildxCommand(plan.arch, shq(image), target);
  const lines = [
    ...(dir !== '.' ? [`cd ${shq(dir)}`] : []),
    opts.buildx === false
      ? `${build(tag)}   # no buildx plugin here; or: ${runner} create-lambda-image verify --build . ${shq(tag)} --arch ${plan.arch}`
      : build(tag),
  ];
  lines.push(`${runner} create-lambda-image verify ${shq(tag)} --arch ${plan.arch}   # invokes it locally as Lambda would`);
  if (plan.kind === 'image' && plan.options.rie) {
    // The emulator is only in the local target; the default target is the image to push.
    const local = `${name}:local`;
    lines.push(
      build(local, 'local'),
      `docker run --rm --platform ${platform} -p 9000:8080 ${shq(local)}   # or keep it running, and in another terminal:`,
      `curl -s http://localhost:9000/2015-03-31/functions/function/invocations -d '{}'`,
    );
  } else if (emulatorBuiltIn) {
    lines.push(
      `docker run --rm --platform ${platform} -p 9000:8080 ${shq(tag)}   # or keep it running, and in another terminal:`,
      `curl -s http://localhost:9000/2015-03-31/functions/function/invocations -d '{}'`,
    );
  }
  lines.push(
    `aws ecr create-repository${regionFlag} --repository-name ${shq(name)} --image-scanning-configuration scanOnPush=true`,
    `aws ecr get-login-password${regionFlag} | docker login --username AWS --password-stdin ${shq(registry)}`,
    `docker tag ${shq(tag)} ${shq(`${registry}/${name}:v1`)} && docker push ${shq(`${registry}/${name}:v1`)}`,
    `aws lambda create-function${regionFlag} --function-name ${shq(name)} --package-type Image --architectures ${plan.arch} --code ${shq(`ImageUri=${registry}/${name}:v1`)} --role arn:aws:iam::ACCOUNT:role/ROLE`,
  );
  return lines;
}
