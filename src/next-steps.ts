import type { ImagePlan } from './plan';
import { packageManagerRunner } from './inputs/package-manager';
import { platformOf } from './plan/common';
import { buildxCommand } from './deploy/commands';

/** Shell-quotes a path for copy-paste; plain words stay bare. */
function shq(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Short, copy-pasteable steps for the chosen architecture: build a single-architecture image
 * without attestations (Lambda rejects image indexes), run it, invoke it, push, create.
 */
export function nextSteps(plan: ImagePlan, dir: string, name: string, env: NodeJS.ProcessEnv): string[] {
  const platform = platformOf(plan.arch);
  const tag = `${name}:dev`;
  const runner = packageManagerRunner(env);
  const emulatorBuiltIn = plan.kind !== 'image' || plan.options.rie;
  const lines = [
    ...(dir !== '.' ? [`cd ${shq(dir)}`] : []),
    buildxCommand(plan.arch, tag),
  ];
  if (emulatorBuiltIn) {
    lines.push(
      `docker run --rm --platform ${platform} -p 9000:8080 ${tag}`,
      `curl -s http://localhost:9000/2015-03-31/functions/function/invocations -d '{}'   # in another terminal`,
    );
  } else {
    lines.push(`${runner} create-lambda-image verify ${tag} --arch ${plan.arch}   # runs it as Lambda would`);
  }
  lines.push(
    `aws ecr create-repository --repository-name ${name} --image-scanning-configuration scanOnPush=true`,
    `aws ecr get-login-password | docker login --username AWS --password-stdin ACCOUNT.dkr.ecr.REGION.amazonaws.com`,
    `docker tag ${tag} ACCOUNT.dkr.ecr.REGION.amazonaws.com/${name}:v1 && docker push ACCOUNT.dkr.ecr.REGION.amazonaws.com/${name}:v1`,
    `aws lambda create-function --function-name ${name} --package-type Image --architectures ${plan.arch} --code ImageUri=ACCOUNT.dkr.ecr.REGION.amazonaws.com/${name}:v1 --role arn:aws:iam::ACCOUNT:role/ROLE`,
  );
  return lines;
}
