/**
 * Where each fact in the catalog comes from. Records cite these ids so `list --json` can show the
 * source beside every fact, and a reviewer can check one page instead of trusting the code.
 */
export const SOURCES = {
  'lambda-runtimes': {
    title: 'AWS Lambda developer guide: Lambda runtimes (supported and deprecated runtimes tables)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  },
  'endoflife-lambda': {
    title: 'endoflife.date: AWS Lambda (scraped from the runtimes table), snapshot 2026-08-22',
    url: 'https://endoflife.date/aws-lambda',
  },
  'images-create': {
    title: 'AWS Lambda developer guide: Create a Lambda function using a container image',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html',
  },
  'nodejs-image': {
    title: 'AWS Lambda developer guide: Deploy Node.js Lambda functions with container images',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/nodejs-image.html',
  },
  'typescript-image': {
    title: 'AWS Lambda developer guide: Deploy transpiled TypeScript code in Lambda with container images',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/typescript-image.html',
  },
  'python-image': {
    title: 'AWS Lambda developer guide: Deploy Python Lambda functions with container images',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/python-image.html',
  },
  'java-image': {
    title: 'AWS Lambda developer guide: Deploy Java Lambda functions with container images',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/java-image.html',
  },
  'csharp-image': {
    title: 'AWS Lambda developer guide: Deploy .NET Lambda functions with container images',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/csharp-image.html',
  },
  'ruby-image': {
    title: 'AWS Lambda developer guide: Deploy Ruby Lambda functions with container images',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/ruby-image.html',
  },
  'go-image': {
    title: 'AWS Lambda developer guide: Deploy Go Lambda functions with container images',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/go-image.html',
  },
  'runtimes-custom': {
    title: 'AWS Lambda developer guide: Building a custom runtime for AWS Lambda',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html',
  },
  'rust-package': {
    title: 'AWS Lambda developer guide: Deploy Rust Lambda functions with .zip file archives',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/rust-package.html',
  },
  'base-images-repo': {
    title: 'aws/aws-lambda-base-images (Dockerfiles per runtime branch; ENTRYPOINT /lambda-entrypoint.sh)',
    url: 'https://github.com/aws/aws-lambda-base-images',
  },
  'base-images-yum-absent': {
    title: 'aws/aws-lambda-base-images#124: yum is absent from AL2023-based images (microdnf, symlinked as dnf)',
    url: 'https://github.com/aws/aws-lambda-base-images/issues/124',
  },
  'base-images-findutils': {
    title: 'aws/aws-lambda-base-images#196: find (findutils) missing from AL2023 images',
    url: 'https://github.com/aws/aws-lambda-base-images/issues/196',
  },
  'al2023-rpm-list': {
    title: 'amazonlinux/amazon-linux-2023#585: rpm -qa of the python:3.12 Lambda image (no tar rpm)',
    url: 'https://github.com/amazonlinux/amazon-linux-2023/issues/585',
  },
  'java-al2023-news': {
    title: "What's new (2026-07): Java 8, 11 and 17 Lambda runtimes on Amazon Linux 2023",
    url: 'https://aws.amazon.com/about-aws/whats-new/2026/07/aws-lambda-java-amazon-linux/',
  },
  'sam-templates': {
    title: 'aws/aws-sam-cli-app-templates@c7285973 (hello-img Dockerfiles per runtime)',
    url: 'https://github.com/aws/aws-sam-cli-app-templates',
  },
  'buildx-provenance': {
    title: 'docker/buildx#1533 and aws/aws-lambda-roadmap#82: provenance attestations make an index Lambda rejects',
    url: 'https://github.com/aws/aws-lambda-roadmap/issues/82',
  },
  'docker-maven': {
    title: 'carlossg/docker-maven (official maven image): amazoncorretto-<N>-al2023 variants, tags 3.9-<variant>',
    url: 'https://github.com/carlossg/docker-maven',
  },
  'docker-gradle': {
    title: 'gradle/docker-gradle (official gradle image): jdk<N>-corretto variants; JDK 8/11 on the Gradle 8 branch',
    url: 'https://github.com/gradle/docker-gradle',
  },
  'dotnet-docker': {
    title: 'dotnet/dotnet-docker: sdk and runtime images; .NET 10 images are Ubuntu-based (no Debian)',
    url: 'https://github.com/dotnet/dotnet-docker/issues/6860',
  },
} as const satisfies Record<string, { title: string; url: string }>;

export type SourceId = keyof typeof SOURCES;
