import { describe, expect, it } from 'vitest';
import { parseImageRef, recogniseBase } from '../../src/catalog/bases';
import { lambdaImageLanguage, recogniseImage } from '../../src/catalog/images';

describe('recogniseBase', () => {
  it('finds AWS runtime images in the catalog', () => {
    const b = recogniseBase('public.ecr.aws/lambda/python:3.13');
    expect(b).toMatchObject({ kind: 'aws-runtime', language: 'python', family: 'al2023', minimal: true });
    expect(b.record?.tag).toBe('3.13');
    expect(recogniseBase('public.ecr.aws/lambda/python:3.11')).toMatchObject({ family: 'al2' });
    expect(recogniseBase('public.ecr.aws/lambda/java:8.al2').record?.tag).toBe('8.al2');
    expect(recogniseBase('public.ecr.aws/lambda/java:17.al2023').record?.os).toBe('al2023');
  });

  it('finds them behind mirrors and pull-through caches, with digests', () => {
    expect(recogniseBase('123456789012.dkr.ecr.eu-west-1.amazonaws.com/ecr-public/lambda/python:3.13').record?.id).toBe('python3.13');
    expect(recogniseBase('mirror.example.com/lambda/nodejs:22@sha256:abc').record?.id).toBe('nodejs22');
    expect(recogniseBase('localhost:5000/lambda/provided:al2023')).toMatchObject({ kind: 'os-only', family: 'al2023' });
    expect(recogniseBase('amazon/aws-lambda-python:3.12').record?.id).toBe('python3.12');
  });

  it('reads -x86_64 / -arm64 and dated tag suffixes', () => {
    expect(recogniseBase('public.ecr.aws/lambda/python:3.12-arm64')).toMatchObject({ arch: 'arm64', record: { id: 'python3.12' } });
    expect(recogniseBase('public.ecr.aws/lambda/provided:al2023-x86_64')).toMatchObject({ arch: 'x86_64', kind: 'os-only' });
    expect(recogniseBase('public.ecr.aws/lambda/python:3.12.2024.11.22.14-x86_64').record?.id).toBe('python3.12');
    expect(recogniseBase('public.ecr.aws/lambda/java:11.al2023-arm64').record?.id).toBe('java11.al2023');
  });

  it('keeps unknown AWS tags recognisable without a record', () => {
    expect(recogniseBase('public.ecr.aws/lambda/python:3.8')).toEqual(expect.objectContaining({ kind: 'aws-runtime', language: 'python' }));
    expect(recogniseBase('public.ecr.aws/lambda/python:3.8').record).toBeUndefined();
    expect(recogniseBase('public.ecr.aws/lambda/provided')).toMatchObject({ kind: 'os-only', family: 'al2023' });
  });

  it('recognises families of well-known images', () => {
    expect(recogniseBase('alpine:3.20').family).toBe('alpine');
    expect(recogniseBase('python:3.12-alpine3.20').family).toBe('alpine');
    expect(recogniseBase('python:3.12-slim').family).toBe('debian');
    expect(recogniseBase('node:22').family).toBe('debian');
    expect(recogniseBase('ubuntu:24.04').family).toBe('ubuntu');
    expect(recogniseBase('eclipse-temurin:21').family).toBe('ubuntu');
    expect(recogniseBase('amazonlinux:2023-minimal')).toMatchObject({ family: 'al2023', minimal: true });
    expect(recogniseBase('amazonlinux:2')).toMatchObject({ family: 'al2' });
    expect(recogniseBase('fedora:41').rpm).toBe(true);
    expect(recogniseBase('registry.access.redhat.com/ubi9/ubi-minimal:9.4').rpm).toBe(true);
    expect(recogniseBase('mcr.microsoft.com/windows/servercore:ltsc2022').windows).toBe(true);
    expect(recogniseBase('scratch').scratch).toBe(true);
    expect(recogniseBase('ghcr.io/acme/thing:1')).toEqual({ kind: 'other', ref: { registry: 'ghcr.io', path: 'acme/thing', tag: '1', digest: null } });
  });

  it('parses references', () => {
    expect(parseImageRef('localhost:5000/a/b:1@sha256:x')).toEqual({ registry: 'localhost:5000', path: 'a/b', tag: '1', digest: 'sha256:x' });
    expect(parseImageRef('debian')).toEqual({ registry: null, path: 'debian', tag: null, digest: null });
    expect(parseImageRef('host:5000/img')).toEqual({ registry: 'host:5000', path: 'img', tag: null, digest: null });
  });
});

describe('Amazon Linux variants of other images', () => {
  it.each([
    ['maven:3.9-amazoncorretto-21-al2023', 'al2023'],
    ['amazoncorretto:21-al2023-headless', 'al2023'],
    ['amazoncorretto:8-al2023-jre', 'al2023'],
    ['gradle:9-jdk21-corretto', 'al2023'],
    ['amazoncorretto:17', 'al2'],
    ['amazoncorretto:25', 'al2023'],
    ['amazoncorretto:21-alpine3.23', 'alpine'],
  ])('%s is %s', (ref, family) => {
    expect(recogniseBase(ref).family).toBe(family);
  });
});

describe('one recogniser for the linter and the generator', () => {
  // Every repository images.ts knows, in the variants its tags name: the linter must agree.
  const known = [
    'node:22', 'node:22-alpine3.23', 'node:24-bookworm-slim', 'python:3.13-slim-bookworm', 'python:3.12-alpine3.23',
    'ruby:3.4-slim-bookworm', 'amazoncorretto:17', 'amazoncorretto:25', 'amazoncorretto:21-al2023-headless',
    'amazoncorretto:21-alpine3.23', 'amazon/corretto:21', 'eclipse-temurin:21-jre-noble', 'eclipse-temurin:21-jre-alpine',
    'mcr.microsoft.com/dotnet/runtime:8.0', 'mcr.microsoft.com/dotnet/runtime:10.0', 'mcr.microsoft.com/dotnet/aspnet:9.0-alpine',
    'debian:trixie-slim', 'ubuntu:24.04', 'alpine:3.23', 'amazonlinux:2023', 'amazonlinux:2', 'docker.io/library/node:22',
  ];
  it.each(known)('%s has the family images.ts gives it', (ref) => {
    const facts = recogniseImage(ref);
    expect(facts.family).toBeDefined();
    expect(recogniseBase(ref)).toMatchObject({ kind: 'other', family: facts.family });
  });

  it('takes a copy under another registry or namespace for the repository its name ends in', () => {
    expect(recogniseBase('registry.example.com/mirror/amazonlinux:2').family).toBe('al2');
    expect(recogniseBase('registry.example.com/mirror/amazoncorretto:17').family).toBe('al2');
    expect(recogniseBase('registry.example.com/mirror/amazoncorretto:25').family).toBe('al2023');
    expect(recogniseBase('registry.example.com/base/node:22-alpine').family).toBe('alpine');
  });

  it('agrees on which repositories are Lambda base images', () => {
    for (const ref of ['public.ecr.aws/lambda/python:3.13', 'mirror.example.com/ecr-public/lambda/provided:al2023', 'amazon/aws-lambda-nodejs:22']) {
      expect(recogniseImage(ref).lambda).toBe(true);
      expect(recogniseBase(ref).kind).not.toBe('other');
    }
    expect(lambdaImageLanguage('public.ecr.aws/lambda/java')).toBe('java');
    expect(lambdaImageLanguage('amazon/aws-lambda-python')).toBe('python');
    expect(lambdaImageLanguage('acme/lambda-tools')).toBeUndefined();
  });
});
