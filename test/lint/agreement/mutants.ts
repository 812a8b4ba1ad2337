/**
 * Dockerfiles made by mutating realistic ones, for the agreement test against a real hadolint.
 * Deterministic (a seeded generator): the same corpus on every machine. Each mutant applies a
 * few rewrites of the kinds that trip hand-written rules: package-manager aliases and option
 * spellings, RUN --mount, quoted ADD sources, heredocs, Windows paths and stage names.
 */

/** A small, fast, seedable generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS: string[] = [
  `FROM python:3.12-slim-bookworm AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir --target /asset -r requirements.txt awslambdaric==3.0.0
FROM python:3.12-slim-bookworm
WORKDIR /var/task
COPY --from=build /asset /var/task
COPY app.py .
ENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]
CMD ["app.handler"]
`,
  `FROM node:22-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
FROM node:22-alpine
RUN apk add --no-cache libstdc++ curl
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 /lambda-adapter /opt/extensions/lambda-adapter
ENV PORT=8080
CMD ["node", "server.js"]
`,
  `FROM public.ecr.aws/lambda/python:3.13
RUN dnf install -y gcc && dnf clean all
COPY requirements.txt \${LAMBDA_TASK_ROOT}
RUN pip install -r requirements.txt
COPY app.py \${LAMBDA_TASK_ROOT}
CMD ["app.handler"]
`,
  `FROM public.ecr.aws/lambda/nodejs:20
COPY package.json \${LAMBDA_TASK_ROOT}/
RUN npm install --omit=dev
RUN npm install -g typescript
COPY src/ \${LAMBDA_TASK_ROOT}/
CMD ["index.handler"]
`,
  `FROM golang:1.23 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /bootstrap ./cmd/lambda
FROM public.ecr.aws/lambda/provided:al2023
COPY --from=build /bootstrap \${LAMBDA_RUNTIME_DIR}/bootstrap
CMD ["bootstrap"]
`,
  `FROM amazonlinux:2 AS build
RUN yum install -y gcc make tar gzip && yum clean all
ADD https://example.com/src.tar.gz /tmp/
RUN cd /tmp && tar xzf src.tar.gz && make
FROM public.ecr.aws/lambda/provided:al2
COPY --from=build /tmp/out/bootstrap /var/runtime/bootstrap
CMD ["handler"]
`,
  `FROM ruby:3.3-bookworm
RUN apt-get update && apt-get install -y build-essential
RUN gem install bundler aws_lambda_ric
WORKDIR /function
COPY Gemfile Gemfile.lock ./
RUN bundle install
COPY app.rb .
ENTRYPOINT ["/usr/local/bundle/bin/aws_lambda_ric"]
CMD ["app.App::Handler.process"]
`,
  `FROM ubuntu:24.04
MAINTAINER someone@example.com
RUN apt-get update
RUN apt-get install -y python3 python3-pip curl wget
RUN wget https://example.com/tool && chmod +x tool
RUN sudo mkdir /data
WORKDIR app
EXPOSE 8080
CMD python3 server.py
`,
  `FROM maven:3.9-amazoncorretto-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests
FROM public.ecr.aws/lambda/java:21
COPY --from=build /src/target/classes \${LAMBDA_TASK_ROOT}
COPY --from=build /src/target/dependency/* \${LAMBDA_TASK_ROOT}/lib/
CMD ["example.Handler::handleRequest"]
`,
  `FROM alpine:3.20 AS base
RUN apk update && apk add python3 py3-pip
RUN pip3 install requests boto3
FROM base AS test
RUN pip3 install pytest
FROM base
COPY --from=base /usr/lib/python3.12 /usr/lib/python3.12
COPY app.py /app/
CMD ["python3", "/app/app.py"]
`,
  `FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y python3.11 && microdnf clean all
RUN microdnf install shadow-utils
COPY app.py /opt/app/
ENTRYPOINT ["python3.11", "/opt/app/app.py"]
`,
  `FROM node:20-bookworm-slim
RUN apt-get update && apt-get -y install --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
RUN yarn global add serverless
RUN yarn install && yarn cache clean
COPY . /app
WORKDIR /app
CMD ["node", "index.js"]
`,
];

type Mutator = (text: string, rnd: () => number) => string;

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;

/** Replaces one occurrence (chosen at random) of `re` in `text`. */
function replaceOne(text: string, re: RegExp, make: (m: RegExpExecArray) => string, rnd: () => number): string {
  const all = [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))];
  if (all.length === 0) return text;
  const m = all[Math.floor(rnd() * all.length)]! as RegExpExecArray;
  return text.slice(0, m.index) + make(m) + text.slice(m.index + m[0].length);
}

const APT_FORMS = [
  'apt-get install -y', 'apt-get -y install', 'apt-get install --yes', 'apt-get install -qq', 'apt-get -qq install -y',
  'apt-get install --assume-yes', 'apt-get install -y --no-install-recommends', 'apt-get --no-install-recommends install -y',
  'apt install -y', 'apt-get install', 'DEBIAN_FRONTEND=noninteractive apt-get install -y', 'apt-get -q -y install',
];
const APT_PKGS = ['curl', 'curl=7.88.1-10+deb12u5', 'ca-certificates', 'gcc libc6-dev', 'jq=1.6-2.1', 'git openssh-client'];
const APK_FORMS = ['apk add', 'apk add --no-cache', 'apk --no-cache add', 'apk add --update', 'apk --update add', 'apk add -U', 'apk add --virtual .build-deps'];
const APK_PKGS = ['curl', 'curl=8.9.1-r0', 'python3 py3-pip', 'build-base', 'libstdc++=13.2.1_git20240309-r0'];
const PIP_FORMS = ['pip install', 'pip3 install', 'python -m pip install', 'python3 -m pip install', 'pip install --no-cache-dir', 'pip install --user', 'pip install -U', 'pip3 install --no-cache-dir --upgrade', 'pip install --break-system-packages', 'uv pip install'];
const PIP_PKGS = ['requests', 'requests==2.32.3', 'boto3>=1.34', '-r requirements.txt', '.', 'awslambdaric', '"urllib3<2"', 'git+https://github.com/org/pkg.git', 'pkg.whl', '-e .'];
const NPM_FORMS = ['npm install', 'npm i', 'npm install -g', 'npm install --global', 'npm ci', 'npm install --save-dev', 'npm add', 'npm install --production'];
const NPM_PKGS = ['', 'express', 'express@4.21.1', '@aws-sdk/client-s3', '@aws-sdk/client-s3@3.600.0', 'typescript@latest', 'git+https://github.com/org/pkg.git', './local-pkg'];
const RPM_FORMS = ['yum install -y', 'yum -y install', 'yum install', 'dnf install -y', 'dnf -y install', 'dnf install', 'microdnf install -y', 'microdnf install', 'dnf install -y --setopt=install_weak_deps=0', 'yum install -y -q'];
const RPM_PKGS = ['gcc', 'gcc-11.4.1', 'tar gzip', 'python3-3.9.16', 'shadow-utils'];
const RPM_CLEAN = ['', ' && yum clean all', ' && dnf clean all', ' && microdnf clean all', ' && rm -rf /var/cache/yum', ' && rm -rf /var/cache/dnf'];
const GEM_FORMS = ['gem install', 'gem install --no-document', 'gem i'];
const GEM_PKGS = ['bundler', 'bundler:2.5.6', 'bundler -v 2.5.6', 'rails --version 7.1.0', 'aws_lambda_ric'];

const MUTATORS: Mutator[] = [
  // apt-get spellings and pins.
  (t, r) => replaceOne(t, /^RUN .*$/m, () => `RUN ${pick(['apt-get update && ', '', 'apt-get update -qq && '], r)}${pick(APT_FORMS, r)} ${pick(APT_PKGS, r)}${pick(['', ' && rm -rf /var/lib/apt/lists/*', ' && apt-get clean'], r)}`, r),
  (t, r) => replaceOne(t, /^RUN .*$/m, () => `RUN ${pick(APK_FORMS, r)} ${pick(APK_PKGS, r)}${pick(['', ' && rm -rf /var/cache/apk/*'], r)}`, r),
  (t, r) => replaceOne(t, /^RUN .*$/m, () => `RUN ${pick(PIP_FORMS, r)} ${pick(PIP_PKGS, r)}${pick(['', ' ' + pick(PIP_PKGS, r)], r)}`, r),
  (t, r) => replaceOne(t, /^RUN .*$/m, () => `RUN ${pick(NPM_FORMS, r)} ${pick(NPM_PKGS, r)}${pick(['', ' && npm cache clean --force'], r)}`.trimEnd(), r),
  (t, r) => replaceOne(t, /^RUN .*$/m, () => `RUN ${pick(RPM_FORMS, r)} ${pick(RPM_PKGS, r)}${pick(RPM_CLEAN, r)}`, r),
  (t, r) => replaceOne(t, /^RUN .*$/m, () => `RUN ${pick(GEM_FORMS, r)} ${pick(GEM_PKGS, r)}`, r),
  (t, r) => replaceOne(t, /^RUN .*$/m, () => `RUN yarn ${pick(['install', 'add left-pad', 'install --frozen-lockfile', 'global add pm2'], r)}${pick(['', ' && yarn cache clean'], r)}`, r),
  // Cache and tmpfs mounts on RUN.
  (t, r) => replaceOne(t, /^RUN /m, () => `RUN ${pick(['--mount=type=cache,target=/var/cache/apt', '--mount=type=cache,target=/root/.cache/pip', '--mount=type=cache,target=/root/.npm', '--mount=type=tmpfs,target=/tmp', '--mount=type=cache,id=apk,target=/var/cache/apk,sharing=locked', '--mount=type=bind,source=.,target=/src', '--network=none'], r)} `, r),
  // ADD with quoted and JSON sources, URLs and archives.
  (t, r) => replaceOne(t, /^COPY (?!--from)\S+ /m, () => `ADD ${pick(['"app.py"', "'app.tar.gz'", 'app.tar.gz', 'https://example.com/file.tgz', '"https://example.com/x.zip"', 'vendor/*.tar.xz', '--chown=1000:1000 app.py', '--checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz'], r)} `, r),
  (t, r) => replaceOne(t, /^COPY (?!--from)(\S+) (\S+)$/m, (m) => `ADD ["${m[1]}", "${m[2]}"]`, r),
  // Heredocs.
  (t, r) => replaceOne(t, /^RUN (.*)$/m, (m) => `RUN ${pick(['<<EOF', '<<-EOF', "<<'EOF'", '<<"EOT"'], r)}\n${m[1]!.split(' && ').join('\n')}\nEOF${pick(['', '\n'], r)}`.replace(/EOT"\n([\s\S]*)EOF(\n?)$/, 'EOT"\n$1EOT$2'), r),
  (t, r) => replaceOne(t, /^COPY (?!--from)\S+ (\S+)$/m, (m) => `COPY <<EOF ${m[1]!.endsWith('/') ? m[1] + 'conf.txt' : m[1]}\nkey=value\nEOF${pick(['', '\n'], r)}`, r),
  // Windows paths and WORKDIR forms.
  (t, r) => replaceOne(t, /^WORKDIR .*$/m, () => `WORKDIR ${pick(['C:\\\\app', 'c:/app', 'D:\\\\data', 'app', './app', '$HOME/app', '${APP_HOME}', '"/quoted dir"', '/var/task', '~/app'], r)}`, r),
  // Stage names: case, numbers, reuse, unknown references.
  (t, r) => replaceOne(t, / AS (\w+)$/m, (m) => ` ${pick(['AS', 'as'], r)} ${pick([m[1]!.toUpperCase(), m[1]!, `${m[1]}-stage`, 'build', 'base'], r)}`, r),
  (t, r) => replaceOne(t, /--from=(\S+)/, () => `--from=${pick(['0', '1', 'builder', 'BUILD', 'build', 'deps', 'alpine:3.20', 'base'], r)}`, r),
  // Base images: tags, digests, latest, platforms, ARG-driven.
  (t, r) => replaceOne(t, /^FROM (\S+)/m, () => `FROM ${pick(['debian', 'debian:latest', 'debian:bookworm-slim', 'debian@sha256:0a4f1a8a1a5e0c3c8d2e9a2b1b7a6a4c8b9f0e1d2c3b4a5968778695a4b3c2d1', '--platform=linux/amd64 debian:12', '--platform=$BUILDPLATFORM golang:1.23', '${BASE_IMAGE}', 'scratch', 'my.registry.example.com/team/base:1.2', 'amazonlinux:2023'], r)}`, r),
  // Pipes, cd, sudo, and consecutive RUNs.
  (t, r) => replaceOne(t, /^RUN (.*)$/m, (m) => `RUN ${pick(['curl -fsSL https://example.com/x.sh | sh', 'cd /tmp && make', 'sudo chown -R app /app', 'wget -q https://example.com/x', 'wget https://example.com/x', 'ln -sf /bin/bash /bin/sh', 'set -o pipefail && curl -s x | tar xz', 'echo ok'], r)} && ${m[1]}`, r),
  (t, r) => replaceOne(t, /^(RUN .*)$/m, (m) => `${m[1]}\nRUN ${pick(['echo done', 'true', 'rm -rf /tmp/*', 'pip install six'], r)}`, r),
  (t, r) => replaceOne(t, /^(FROM .*)$/m, (m) => `${m[1]}\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]`, r),
  // CMD/ENTRYPOINT forms and duplicates.
  (t, r) => replaceOne(t, /^(CMD|ENTRYPOINT) .*$/m, (m) => `${m[1]} ${pick(['["app.handler"]', 'app.handler', 'python app.py', '["python", "app.py"]', '[ "node" , "index.js" ]', '["/bin/sh", "-c", "exec app"]'], r)}`, r),
  (t) => (/\nCMD /.test(t) ? `${t}CMD ["extra.handler"]\n` : t),
  (t) => (/\nENTRYPOINT /.test(t) ? `${t}ENTRYPOINT ["/second"]\n` : t),
  // Line continuations and comments inside RUN.
  (t, r) => replaceOne(t, /^RUN (.*) && (.*)$/m, (m) => `RUN ${m[1]} \\\n    ${pick(['# a comment\n    ', ''], r)}&& ${m[2]}`, r),
];

/** `count` mutants of the seed Dockerfiles, each with one to three rewrites. */
export function mutants(count: number, seed = 20260101): string[] {
  const rnd = prng(seed);
  const out: string[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    let text = pick(SEEDS, rnd);
    const n = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) text = pick(MUTATORS, rnd)(text, rnd);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}

export { SEEDS };
