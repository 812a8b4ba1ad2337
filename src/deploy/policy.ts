import {
  CROSS_ACCOUNT_CONDITION,
  ECR_PULL_ACTIONS,
  LAMBDA_SERVICE_PRINCIPAL,
  SOURCE_ARN_KEY,
  partitionOf,
} from '../catalog/deploy';

export type EcrPolicyKind = 'none' | 'same-account' | 'cross-account';

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Principal: { Service: string } | { AWS: string[] };
  Action: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

/**
 * The ECR repository policy that lets Lambda pull the function image (docs: images-create,
 * "Amazon ECR permissions"). Inputs are validated by the caller.
 *
 * same-account: one unconditioned statement for the Lambda service, the docs' minimum.
 * cross-account: the docs' two statements: the other accounts' roots may pull (so they can create
 * and update functions from the image), and the Lambda service may pull on behalf of those
 * accounts' functions only (it re-fetches the image when an idle function is re-optimised). The
 * unconditioned same-account statement is left out on purpose: it would let Lambda pull for any
 * caller and make the condition meaningless. Add the owning account to the list if its own
 * functions use the image too.
 */
export function ecrRepositoryPolicy(kind: Exclude<EcrPolicyKind, 'none'>, accounts: string[], region?: string): string {
  const partition = partitionOf(region);
  const actions = [...ECR_PULL_ACTIONS];
  const statements: Statement[] =
    kind === 'same-account'
      ? [{ Sid: 'LambdaECRImageRetrievalPolicy', Effect: 'Allow', Principal: { Service: LAMBDA_SERVICE_PRINCIPAL }, Action: actions }]
      : [
          {
            Sid: 'CrossAccountPermission',
            Effect: 'Allow',
            Principal: { AWS: accounts.map((id) => `arn:${partition}:iam::${id}:root`) },
            Action: actions,
          },
          {
            Sid: 'LambdaECRImageCrossAccountRetrievalPolicy',
            Effect: 'Allow',
            Principal: { Service: LAMBDA_SERVICE_PRINCIPAL },
            Action: actions,
            Condition: {
              [CROSS_ACCOUNT_CONDITION]: {
                [SOURCE_ARN_KEY]: accounts.map((id) => `arn:${partition}:lambda:${region ?? '*'}:${id}:function:*`),
              },
            },
          },
        ];
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}
