import { ARCH_PLATFORM } from '../catalog/deploy';

/*
 * The shell commands the deploy artefacts run or tell the user to run, built in one place so the
 * printed next steps, the template headers and deploy.sh say exactly the same thing. Each
 * function takes its values as shell words already in final form: deploy.sh passes quoted
 * variables ("$REGION"), the next steps pass literal values or <placeholders>.
 */

export interface PolicyCommandWords {
  region: string;
  repository: string;
  policyFile: string;
  /** The registry's account; deploy.sh always names it, the next steps leave it to the caller's credentials. */
  registryId?: string;
}

/** `aws ecr set-repository-policy`: replaces the repository's policy with the file. */
export function setRepositoryPolicyCommand(w: PolicyCommandWords): string {
  const registry = w.registryId ? ` --registry-id ${w.registryId}` : '';
  return `aws ecr set-repository-policy --region ${w.region}${registry} --repository-name ${w.repository} --policy-text file://${w.policyFile}`;
}

/** The single-architecture build Lambda needs (--provenance=false: no attestation manifest). */
export function buildxCommand(arch: 'x86_64' | 'arm64', image: string, target?: string): string {
  return `docker buildx build --platform ${ARCH_PLATFORM[arch]} --provenance=false --sbom=false --load -t ${image}${target ? ` --target ${target}` : ''} .`;
}

export interface CloudFormationDeployWords {
  region: string;
  templateFile: string;
  stack: string;
  imageUri: string;
  role: string;
}

/** `aws cloudformation deploy` for the generated template, as two display lines. */
export function cloudFormationDeployCommand(w: CloudFormationDeployWords): string[] {
  return [
    `aws cloudformation deploy --region ${w.region} --template-file ${w.templateFile} --stack-name ${w.stack} \\`,
    `  --parameter-overrides ImageUri=${w.imageUri} Role=${w.role}`,
  ];
}

/** A CloudFormation stack name from a function name: letters, digits and hyphens, starting with a letter. */
export function stackNameFor(functionName: string): string {
  const dashed = functionName.replace(/_/g, '-');
  return /^[A-Za-z]/.test(dashed) ? dashed : `fn-${dashed}`;
}

/** `sam build` and `sam deploy` for the generated template.yaml. */
export function samCommands(needsBuildKit: boolean, region?: string): string[] {
  return [
    needsBuildKit ? 'sam build --use-buildkit   # SAM CLI 1.156 or later' : 'sam build',
    `sam deploy --guided --resolve-image-repos${region ? ` --region ${region}` : ''}`,
  ];
}
