import { LAMBDA as LAMBDA_FACTS } from './lambda';
import type { AwsRuntime, OsOnlyBase } from './types';

/*
 * AWS base images for language runtimes. Dates: the Lambda runtimes table as scraped by
 * endoflife.date (2026-08-22) and cross-checked with each language's container-image page.
 * Adding a runtime version is one line here.
 */
const LAMBDA = `${LAMBDA_FACTS.registry}/${LAMBDA_FACTS.imagePath}`;
const RUNTIMES_TABLE = ['lambda-runtimes', 'endoflife-lambda'] as const;

function rt(
  id: string,
  lambdaId: string,
  language: AwsRuntime['language'],
  languageVersion: string,
  tag: string,
  os: AwsRuntime['os'],
  deprecation: string,
  blockUpdate: string | undefined,
  page: AwsRuntime['sources'][number],
  extra: Partial<AwsRuntime> = {},
): AwsRuntime {
  return {
    kind: 'aws-runtime',
    id,
    lambdaId,
    language,
    languageVersion,
    image: `${LAMBDA}/${language}`,
    tag,
    os,
    deprecation,
    ...(blockUpdate ? { blockUpdate } : {}),
    tagConfirmed: true,
    sources: [...RUNTIMES_TABLE, page],
    ...extra,
  };
}

export const AWS_RUNTIMES: readonly AwsRuntime[] = [
  rt('nodejs24', 'nodejs24.x', 'nodejs', '24', '24', 'al2023', '2028-04-30', '2028-07-01', 'nodejs-image'),
  rt('nodejs22', 'nodejs22.x', 'nodejs', '22', '22', 'al2023', '2027-04-30', '2027-07-01', 'nodejs-image'),
  rt('nodejs20', 'nodejs20.x', 'nodejs', '20', '20', 'al2023', '2026-04-30', '2027-03-03', 'nodejs-image'),
  rt('nodejs18', 'nodejs18.x', 'nodejs', '18', '18', 'al2', '2025-09-01', '2027-03-03', 'nodejs-image'),

  rt('python3.14', 'python3.14', 'python', '3.14', '3.14', 'al2023', '2029-06-30', '2029-08-31', 'python-image'),
  rt('python3.13', 'python3.13', 'python', '3.13', '3.13', 'al2023', '2029-06-30', '2029-08-31', 'python-image'),
  rt('python3.12', 'python3.12', 'python', '3.12', '3.12', 'al2023', '2028-10-31', '2029-01-10', 'python-image'),
  // Extended in January 2026 from 2026-06-30.
  rt('python3.11', 'python3.11', 'python', '3.11', '3.11', 'al2', '2027-06-30', '2027-08-31', 'python-image'),
  rt('python3.10', 'python3.10', 'python', '3.10', '3.10', 'al2', '2026-10-31', '2027-03-03', 'python-image'),
  rt('python3.9', 'python3.9', 'python', '3.9', '3.9', 'al2', '2025-12-15', '2027-03-03', 'python-image'),

  rt('java25', 'java25', 'java', '25', '25', 'al2023', '2029-06-30', '2029-08-31', 'java-image'),
  rt('java21', 'java21', 'java', '21', '21', 'al2023', '2029-06-30', '2029-08-31', 'java-image'),
  // AL2-based Java runtimes; extended from 2026-06-30.
  rt('java17', 'java17', 'java', '17', '17', 'al2', '2027-06-30', '2027-08-31', 'java-image'),
  rt('java11', 'java11', 'java', '11', '11', 'al2', '2027-06-30', '2027-08-31', 'java-image'),
  rt('java8.al2', 'java8.al2', 'java', '8', '8.al2', 'al2', '2027-06-30', '2027-08-31', 'java-image'),
  // Released 2026-07-31; the tags were seen only in third-party digests, not in AWS documents.
  rt('java17.al2023', 'java17.al2023', 'java', '17', '17.al2023', 'al2023', '2029-06-30', '2029-08-31', 'java-al2023-news', { tagConfirmed: false }),
  rt('java11.al2023', 'java11.al2023', 'java', '11', '11.al2023', 'al2023', '2029-06-30', '2029-08-31', 'java-al2023-news', { tagConfirmed: false }),
  rt('java8.al2023', 'java8.al2023', 'java', '8', '8.al2023', 'al2023', '2029-06-30', '2029-08-31', 'java-al2023-news', { tagConfirmed: false }),

  rt('dotnet10', 'dotnet10', 'dotnet', '10', '10', 'al2023', '2028-11-14', '2029-01-15', 'csharp-image'),
  // .NET 9 is offered for container images only; no block-update date is scheduled.
  rt('dotnet9', 'dotnet9', 'dotnet', '9', '9', 'al2023', '2026-11-10', undefined, 'csharp-image'),
  rt('dotnet8', 'dotnet8', 'dotnet', '8', '8', 'al2023', '2026-11-10', '2027-03-03', 'csharp-image'),

  rt('ruby4.0', 'ruby4.0', 'ruby', '4.0', '4.0', 'al2023', '2029-03-31', '2029-05-31', 'ruby-image'),
  rt('ruby3.4', 'ruby3.4', 'ruby', '3.4', '3.4', 'al2023', '2028-03-31', '2028-05-31', 'ruby-image'),
  rt('ruby3.3', 'ruby3.3', 'ruby', '3.3', '3.3', 'al2023', '2027-03-31', '2027-05-31', 'ruby-image'),
  rt('ruby3.2', 'ruby3.2', 'ruby', '3.2', '3.2', 'al2', '2026-03-31', '2027-03-03', 'ruby-image'),
];

export const OS_ONLY_BASES: readonly OsOnlyBase[] = [
  {
    kind: 'os-only',
    id: 'al2023',
    lambdaId: 'provided.al2023',
    image: `${LAMBDA}/provided`,
    tag: 'al2023',
    os: 'al2023',
    deprecation: '2029-06-30',
    blockCreate: '2029-07-31',
    blockUpdate: '2029-08-31',
    sources: ['go-image', 'images-create', 'endoflife-lambda'],
  },
  {
    kind: 'os-only',
    id: 'al2',
    lambdaId: 'provided.al2',
    image: `${LAMBDA}/provided`,
    tag: 'al2',
    os: 'al2',
    // Moved from 2026-06-30 to 2026-07-31 in the current documents.
    deprecation: '2026-07-31',
    blockCreate: '2027-02-01',
    blockUpdate: '2027-03-03',
    sources: ['go-image', 'images-create', 'endoflife-lambda'],
  },
];
