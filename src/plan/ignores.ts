/**
 * What every .dockerignore leaves out: files the image never needs, and credentials that must
 * never reach a build context (a later `COPY . ./` would put them in a layer). Private registries
 * get their credentials through BuildKit secrets instead (docs/dockerfiles.md).
 */
export const SECRET_IGNORES = ['.npmrc', '.pypirc', '.netrc', '.aws/', '.ssh/', '**/*.pem', '**/*.key', '.git-credentials'];

export const COMMON_IGNORES = [
  '.git', '.gitignore', '.dockerignore', 'Dockerfile', '*.md', '.env', '.env.*',
  ...SECRET_IGNORES,
  'lambda-image.yaml', 'deploy.sh', 'template.yaml', 'cloudformation.yaml', 'ecr-policy.json', 'events',
];
