import { LAMBDA as LAMBDA_FACTS } from './lambda';
import type { SourceId } from './sources';
import type { AwsRuntime, OsOnlyBase } from './types';

/*
 * AWS base images for language runtimes. Dates: the Lambda runtimes table as scraped by
 * endoflife.date (2026-08-22) and cross-checked with each language's container-image page.
 * Adding a runtime version is one line here.
 */
const LAMBDA = `${LAMBDA_FACTS.registry}/${LAMBDA_FACTS.imagePath}`;
const RUNTIMES_TABLE = ['lambda-runtimes', 'endoflife-lambda'] as const;

/** One runtime image row: the version's ids, its tag and OS, Lambda's schedule and its page. */
interface RuntimeRow {
  id: string;
  lambdaId: string;
  language: AwsRuntime['language'];
  version: string;
  tag: string;
  os: AwsRuntime['os'];
  deprecation: string;
  blockUpdate?: string;
  page: AwsRuntime['sources'][number];
  tagConfirmed?: boolean;
}

function rt(row: RuntimeRow): AwsRuntime {
  return {
    kind: 'aws-runtime',
    id: row.id,
    lambdaId: row.lambdaId,
    language: row.language,
    languageVersion: row.version,
    image: `${LAMBDA}/${row.language}`,
    tag: row.tag,
    os: row.os,
    deprecation: row.deprecation,
    ...(row.blockUpdate ? { blockUpdate: row.blockUpdate } : {}),
    tagConfirmed: row.tagConfirmed ?? true,
    sources: [...RUNTIMES_TABLE, row.page],
  };
}

export const AWS_RUNTIMES: readonly AwsRuntime[] = [
  rt({ id: 'nodejs24', lambdaId: 'nodejs24.x', language: 'nodejs', version: '24', tag: '24', os: 'al2023', deprecation: '2028-04-30', blockUpdate: '2028-07-01', page: 'nodejs-image' }),
  rt({ id: 'nodejs22', lambdaId: 'nodejs22.x', language: 'nodejs', version: '22', tag: '22', os: 'al2023', deprecation: '2027-04-30', blockUpdate: '2027-07-01', page: 'nodejs-image' }),
  rt({ id: 'nodejs20', lambdaId: 'nodejs20.x', language: 'nodejs', version: '20', tag: '20', os: 'al2023', deprecation: '2026-04-30', blockUpdate: '2027-03-03', page: 'nodejs-image' }),
  rt({ id: 'nodejs18', lambdaId: 'nodejs18.x', language: 'nodejs', version: '18', tag: '18', os: 'al2', deprecation: '2025-09-01', blockUpdate: '2027-03-03', page: 'nodejs-image' }),

  rt({ id: 'python3.14', lambdaId: 'python3.14', language: 'python', version: '3.14', tag: '3.14', os: 'al2023', deprecation: '2029-06-30', blockUpdate: '2029-08-31', page: 'python-image' }),
  rt({ id: 'python3.13', lambdaId: 'python3.13', language: 'python', version: '3.13', tag: '3.13', os: 'al2023', deprecation: '2029-06-30', blockUpdate: '2029-08-31', page: 'python-image' }),
  rt({ id: 'python3.12', lambdaId: 'python3.12', language: 'python', version: '3.12', tag: '3.12', os: 'al2023', deprecation: '2028-10-31', blockUpdate: '2029-01-10', page: 'python-image' }),
  // Extended in January 2026 from 2026-06-30.
  rt({ id: 'python3.11', lambdaId: 'python3.11', language: 'python', version: '3.11', tag: '3.11', os: 'al2', deprecation: '2027-06-30', blockUpdate: '2027-08-31', page: 'python-image' }),
  rt({ id: 'python3.10', lambdaId: 'python3.10', language: 'python', version: '3.10', tag: '3.10', os: 'al2', deprecation: '2026-10-31', blockUpdate: '2027-03-03', page: 'python-image' }),
  rt({ id: 'python3.9', lambdaId: 'python3.9', language: 'python', version: '3.9', tag: '3.9', os: 'al2', deprecation: '2025-12-15', blockUpdate: '2027-03-03', page: 'python-image' }),

  rt({ id: 'java25', lambdaId: 'java25', language: 'java', version: '25', tag: '25', os: 'al2023', deprecation: '2029-06-30', blockUpdate: '2029-08-31', page: 'java-image' }),
  rt({ id: 'java21', lambdaId: 'java21', language: 'java', version: '21', tag: '21', os: 'al2023', deprecation: '2029-06-30', blockUpdate: '2029-08-31', page: 'java-image' }),
  // AL2-based Java runtimes; extended from 2026-06-30.
  rt({ id: 'java17', lambdaId: 'java17', language: 'java', version: '17', tag: '17', os: 'al2', deprecation: '2027-06-30', blockUpdate: '2027-08-31', page: 'java-image' }),
  rt({ id: 'java11', lambdaId: 'java11', language: 'java', version: '11', tag: '11', os: 'al2', deprecation: '2027-06-30', blockUpdate: '2027-08-31', page: 'java-image' }),
  rt({ id: 'java8.al2', lambdaId: 'java8.al2', language: 'java', version: '8', tag: '8.al2', os: 'al2', deprecation: '2027-06-30', blockUpdate: '2027-08-31', page: 'java-image' }),
  // Released 2026-07-31; the tags were seen only in third-party digests, not in AWS documents.
  rt({ id: 'java17.al2023', lambdaId: 'java17.al2023', language: 'java', version: '17', tag: '17.al2023', os: 'al2023', deprecation: '2029-06-30', blockUpdate: '2029-08-31', page: 'java-al2023-news', tagConfirmed: false }),
  rt({ id: 'java11.al2023', lambdaId: 'java11.al2023', language: 'java', version: '11', tag: '11.al2023', os: 'al2023', deprecation: '2029-06-30', blockUpdate: '2029-08-31', page: 'java-al2023-news', tagConfirmed: false }),
  rt({ id: 'java8.al2023', lambdaId: 'java8.al2023', language: 'java', version: '8', tag: '8.al2023', os: 'al2023', deprecation: '2029-06-30', blockUpdate: '2029-08-31', page: 'java-al2023-news', tagConfirmed: false }),

  rt({ id: 'dotnet10', lambdaId: 'dotnet10', language: 'dotnet', version: '10', tag: '10', os: 'al2023', deprecation: '2028-11-14', blockUpdate: '2029-01-15', page: 'csharp-image' }),
  // .NET 9 is offered for container images only; no block-update date is scheduled.
  rt({ id: 'dotnet9', lambdaId: 'dotnet9', language: 'dotnet', version: '9', tag: '9', os: 'al2023', deprecation: '2026-11-10', page: 'csharp-image' }),
  rt({ id: 'dotnet8', lambdaId: 'dotnet8', language: 'dotnet', version: '8', tag: '8', os: 'al2023', deprecation: '2026-11-10', blockUpdate: '2027-03-03', page: 'csharp-image' }),

  rt({ id: 'ruby4.0', lambdaId: 'ruby4.0', language: 'ruby', version: '4.0', tag: '4.0', os: 'al2023', deprecation: '2029-03-31', blockUpdate: '2029-05-31', page: 'ruby-image' }),
  rt({ id: 'ruby3.4', lambdaId: 'ruby3.4', language: 'ruby', version: '3.4', tag: '3.4', os: 'al2023', deprecation: '2028-03-31', blockUpdate: '2028-05-31', page: 'ruby-image' }),
  rt({ id: 'ruby3.3', lambdaId: 'ruby3.3', language: 'ruby', version: '3.3', tag: '3.3', os: 'al2023', deprecation: '2027-03-31', blockUpdate: '2027-05-31', page: 'ruby-image' }),
  rt({ id: 'ruby3.2', lambdaId: 'ruby3.2', language: 'ruby', version: '3.2', tag: '3.2', os: 'al2', deprecation: '2026-03-31', blockUpdate: '2027-03-03', page: 'ruby-image' }),
];

/**
 * AWS base images of retired runtimes that share a repository with a current one, so a version
 * comparison cannot tell them apart: java:8 is Java 8 on Amazon Linux 1 (java8.al2 is current),
 * go:1 is the go1.x managed runtime (Go now runs on provided).
 */
export interface RetiredImage {
  lambdaId: string;
  language: 'java' | 'go';
  /** The tags of the retired image, dated and architecture-suffixed ones included. */
  tags: RegExp;
  replacement: string;
  sources: SourceId[];
}

export const RETIRED_IMAGES: readonly RetiredImage[] = [
  { lambdaId: 'java8', language: 'java', tags: /^8(\.\d{4}\.[\d.]+)?(-(x86_64|arm64))?$/, replacement: 'java8.al2 (java:8.al2) or a newer Java', sources: ['sam-cli-deprecations', 'lambda-runtimes'] },
  { lambdaId: 'go1.x', language: 'go', tags: /^1(\.[\d.]+)?(-(x86_64|arm64))?$/, replacement: 'provided.al2023 with the Go binary as its bootstrap', sources: ['lambda-golang', 'sam-cli-deprecations'] },
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
