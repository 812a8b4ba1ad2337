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
  'lambda-envvars': {
    title: 'AWS Lambda developer guide: Lambda environment variables (defined runtime environment variables)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
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
  'lambda-golang': {
    title: 'AWS Lambda developer guide: Building Lambda functions with Go (the Go 1.x managed runtime is deprecated)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-golang.html',
  },
  'sam-cli-deprecations': {
    title: 'aws/aws-sam-cli issue 6298: runtimes Lambda deprecated in January 2024 (Java 8 on Amazon Linux 1, Go 1.x, …)',
    url: 'https://github.com/aws/aws-sam-cli/issues/6298',
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
  // Runtime interface clients (non-AWS and OS-only bases).
  'ric-nodejs': {
    title: 'npm aws-lambda-ric: 4.0.2 is latest, engines node >=22; 3.x has no engines field; bin index.mjs',
    url: 'https://www.npmjs.com/package/aws-lambda-ric',
  },
  'ric-nodejs-env': {
    title: 'aws/aws-lambda-nodejs-runtime-interface-client#184 and #196: 4.x reads _HANDLER and LAMBDA_TASK_ROOT from the environment',
    url: 'https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/pull/196',
  },
  'ric-nodejs-scripts': {
    title: 'aws-lambda-ric 4.0.2 as published on npm: scripts/preinstall.sh builds the bundled curl and aws-lambda-cpp (cmake, make, tar xJ; busybox tar and musl handled), scripts/postinstall.sh runs node-gyp',
    url: 'https://www.npmjs.com/package/aws-lambda-ric/v/4.0.2?activeTab=code',
  },
  'ric-nodejs-readme': {
    title: 'aws/aws-lambda-nodejs-runtime-interface-client README: build dependencies per distribution, multi-stage split',
    url: 'https://github.com/aws/aws-lambda-nodejs-runtime-interface-client',
  },
  'ric-python': {
    title: 'PyPI awslambdaric 4.2.2 (requires Python >=3.9); README: pip install --target, python -m awslambdaric',
    url: 'https://pypi.org/project/awslambdaric/',
  },
  'ric-python-readme': {
    title: 'aws/aws-lambda-python-runtime-interface-client README and Alpine test Dockerfile: source-build dependencies, libstdc++ at run time',
    url: 'https://github.com/aws/aws-lambda-python-runtime-interface-client',
  },
  'ric-python-musl': {
    title: 'aws/aws-lambda-python-runtime-interface-client#204: no musllinux wheels, Alpine builds from source',
    url: 'https://github.com/aws/aws-lambda-python-runtime-interface-client/pull/204',
  },
  'ric-java': {
    title: 'aws/aws-lambda-java-libs: aws-lambda-java-runtime-interface-client 2.10.1 (Java >= 8, glibc >= 2.17 or musl, JNI bundled; main class AWSLambda)',
    url: 'https://github.com/aws/aws-lambda-java-libs/tree/main/aws-lambda-java-runtime-interface-client',
  },
  'junit-jupiter': {
    title: 'Maven Central: org.junit.jupiter:junit-jupiter 5.14.4 and org.junit.platform:junit-platform-launcher 1.14.4, the newest 5.x line (JUnit 6 needs Java 17), served 2026-12-02',
    url: 'https://central.sonatype.com/artifact/org.junit.jupiter/junit-jupiter/5.14.4',
  },
  'maven-surefire': {
    title: 'Maven Central: org.apache.maven.plugins:maven-surefire-plugin 3.5.4 (runs JUnit Platform tests; the 3.5 line runs on Java 8), served 2026-12-02',
    url: 'https://central.sonatype.com/artifact/org.apache.maven.plugins/maven-surefire-plugin/3.5.4',
  },
  'xunit-mtp-off': {
    title: 'xunit/xunit#3612, the maintainer: the .NET 10 SDK\'s VSTest-mode dotnet test refuses xunit.v3 4.x (Microsoft Testing Platform v2); the .mtp-off packages leave the platform out so dotnet test with VSTest works',
    url: 'https://github.com/xunit/xunit/issues/3612',
  },
  'xunit-v3-packages': {
    title: 'xUnit.net: What NuGet packages should I use? (v3): xunit.v3 targets net472 and net8.0',
    url: 'https://xunit.net/docs/nuget-packages-v3',
  },
  'xunit-runner-visualstudio': {
    title: 'xunit/visualstudio.xunit: the VSTest adapter for dotnet test; supports .NET 8+ and runs xUnit.net v3 tests',
    url: 'https://github.com/xunit/visualstudio.xunit',
  },
  'microsoft-net-test-sdk': {
    title: 'nuget.org: Microsoft.NET.Test.Sdk, the 18.x line targets net8.0 (net6.0 dropped); 18.12.0 the newest served 2026-12-01',
    url: 'https://www.nuget.org/packages/Microsoft.NET.Test.Sdk',
  },
  'nuget-test-packages': {
    title: 'nuget.org, 2026-12-01: xunit.v3.mtp-off 4.0.3, xunit.runner.visualstudio 4.0.1 and Microsoft.NET.Test.Sdk 18.12.0 the newest served, each restoring on net10.0',
    url: 'https://www.nuget.org/packages/xunit.v3.mtp-off',
  },
  'ric-ruby': {
    title: 'aws/aws-lambda-ruby-runtime-interface-client: gem aws_lambda_ric 3.1.3 (Ruby >= 3.0, pure Ruby, reads _HANDLER)',
    url: 'https://github.com/aws/aws-lambda-ruby-runtime-interface-client',
  },
  'ric-dotnet': {
    title: 'aws/aws-lambda-dotnet Amazon.Lambda.RuntimeSupport: LambdaBootstrapBuilder in an executable named bootstrap',
    url: 'https://github.com/aws/aws-lambda-dotnet/tree/master/Libraries/src/Amazon.Lambda.RuntimeSupport',
  },
  'ric-dotnet-2x': {
    title: 'nuget.org: Amazon.Lambda.RuntimeSupport 2.2.2, marked as having a newer version (the 2.x line)',
    url: 'https://www.nuget.org/packages/Amazon.Lambda.RuntimeSupport/2.2.2',
  },
  'dotnet-custom-icu': {
    title: 'aws/aws-lambda-dotnet#1606: provided.al2023 has no libicu; custom-runtime .NET functions need invariant globalization or bundled ICU',
    url: 'https://github.com/aws/aws-lambda-dotnet/pull/1606',
  },
  'aws-lambda-go': {
    title: 'github.com/aws/aws-lambda-go: lambda.Start',
    url: 'https://github.com/aws/aws-lambda-go',
  },
  'aws-lambda-go-1.55': {
    title: 'aws-lambda-go v1.55.0 release notes: minimum Go version raised to 1.26',
    url: 'https://newreleases.io/project/github/aws/aws-lambda-go/release/v1.55.0',
  },
  'rust-runtime': {
    title: 'aws/aws-lambda-rust-runtime#1074: lambda_runtime 1.0.2 released (the 1.x line)',
    url: 'https://github.com/aws/aws-lambda-rust-runtime/pull/1074',
  },
  'rie-v1-37': {
    title: 'aws/aws-sam-cli#9209: vendored Runtime Interface Emulator synced to release v1.37 (assets aws-lambda-rie-x86_64, -arm64)',
    url: 'https://github.com/aws/aws-sam-cli/pull/9209',
  },
  'java-customization': {
    title: 'AWS Lambda developer guide: Customize Java runtime startup behavior (Java 17+ stops tiered compilation at level 1; the serial GC by default)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html',
  },
  'rie-repo': {
    title: 'aws/aws-lambda-runtime-interface-emulator: releases/download/<tag>/aws-lambda-rie-<arch>; no published checksums',
    url: 'https://github.com/aws/aws-lambda-runtime-interface-emulator',
  },
  // Node.js package managers, installed with npm in the build stage.
  'npm-pnpm': {
    title: 'npm registry: pnpm 12.23.0 is latest (engines node >=18, per-platform @pnpm/exe.* optional dependencies); 11.28.13 needs node >=22.13; 10.34.9 (2026-10-25) needs node >=18.12; 10 and 12 both write lockfileVersion 9.0, served 2026-12-03',
    url: 'https://www.npmjs.com/package/pnpm',
  },
  'npm-yarn': {
    title: 'npm registry: yarn 1.22.22 is latest (Yarn 1, classic; bin yarn and yarnpkg; engines node >=4.0.0), served 2026-12-03',
    url: 'https://www.npmjs.com/package/yarn',
  },
  'npm-yarnpkg-cli-dist': {
    title: 'npm registry: @yarnpkg/cli-dist 4.18.1 (Yarn 2+ as one bundle, versions 2.4.1 and later; bin yarn; engines node >=18.12.0), served 2026-12-03',
    url: 'https://www.npmjs.com/package/@yarnpkg/cli-dist',
  },
  // Official images and what they contain.
  'docker-node': {
    title: 'nodejs/docker-node: <major>-bookworm(-slim) and -alpine3.23 variants; node installed in /usr/local',
    url: 'https://github.com/nodejs/docker-node',
  },
  'docker-python': {
    title: 'docker-library/python: X.Y-bookworm, X.Y-slim-bookworm, X.Y-alpine3.23 (X.Y-slim is trixie now); Python in /usr/local',
    url: 'https://github.com/docker-library/python',
  },
  'docker-ruby': {
    title: 'docker-library/ruby: X.Y-bookworm, X.Y-slim-bookworm, X.Y-alpine3.23; ruby at /usr/local/bin/ruby, GEM_HOME /usr/local/bundle',
    url: 'https://github.com/docker-library/ruby',
  },
  'corretto-docker': {
    title: 'corretto/corretto-docker: K-al2023-headless (8-al2023-jre) on amazonlinux:2023, K-alpine3.2x; java under /usr/lib/jvm',
    url: 'https://github.com/corretto/corretto-docker',
  },
  'temurin-docker': {
    title: 'adoptium/containers: K-jre-noble, K-jre-jammy; java is the real file /opt/java/openjdk/bin/java',
    url: 'https://github.com/adoptium/containers',
  },
  'dotnet-runtime-images': {
    title: 'dotnet/dotnet-docker: runtime X.0-bookworm-slim (8, 9), X.0-noble, X.0-alpine3.23; /usr/bin/dotnet links to /usr/share/dotnet/dotnet',
    url: 'https://github.com/dotnet/dotnet-docker',
  },
  'docker-golang': {
    title: 'docker-library/golang: 1.26-bookworm, 1.26-alpine3.23 variants',
    url: 'https://github.com/docker-library/golang',
  },
  'docker-rust': {
    title: 'rust-lang/docker-rust: 1-alpine3.23 and 1-slim-bookworm variants (rustup toolchain, musl-dev and gcc on Alpine)',
    url: 'https://github.com/rust-lang/docker-rust',
  },
  'amazonlinux-images': {
    title: 'amazonlinux:2023 (full dnf, curl present) and amazonlinux:2 (yum) as parents of the Corretto images',
    url: 'https://github.com/corretto/corretto-docker/blob/main/21/headless/al2023/Dockerfile',
  },
  'al2023-container-tools': {
    title: 'amazonlinux/amazon-linux-2023#161: unzip and other tools are not in the base container images; install them with dnf',
    url: 'https://github.com/amazonlinux/amazon-linux-2023/issues/161',
  },
  // Releases, their C libraries, and the official images whose runtimes are copied onto them.
  'debian-bookworm-libc': {
    title: 'Debian 12 bookworm: libc6 2.36; libssl3, libffi8, libsqlite3-0, libexpat1, libbz2-1.0, liblzma5, zlib1g, libgmp10, libyaml-0-2, libicu72',
    url: 'https://packages.debian.org/bookworm/libc6',
  },
  'debian-trixie-libc': {
    title: 'Debian 13 trixie: libc6 2.41; libssl3t64 (the 64-bit time_t rename of libssl3), libicu76',
    url: 'https://packages.debian.org/trixie/libssl3t64',
  },
  'ubuntu-jammy-packages': {
    title: 'Ubuntu 22.04 jammy: python3.10, nodejs 12, ruby3.0',
    url: 'https://packages.ubuntu.com/jammy/',
  },
  'ubuntu-jammy-openjdk': {
    title: 'Ubuntu 22.04 jammy(-updates): openjdk-17-jre-headless and openjdk-21-jre-headless (universe), /usr/lib/jvm/java-<N>-openjdk-<arch>',
    url: 'https://packages.ubuntu.com/jammy-updates/openjdk-21-jre-headless',
  },
  'ubuntu-jammy-libc': {
    title: 'Ubuntu 22.04 jammy: libc6 2.35; libssl3, libicu70',
    url: 'https://packages.ubuntu.com/jammy/libc6',
  },
  'ubuntu-noble-openjdk': {
    title: 'Ubuntu 24.04 noble: openjdk-17-jre-headless and openjdk-21-jre-headless, /usr/lib/jvm/java-<N>-openjdk-<arch>',
    url: 'https://packages.ubuntu.com/noble/openjdk-21-jre-headless',
  },
  'ubuntu-noble-libc': {
    title: 'Ubuntu 24.04 noble: libc6 2.39; libssl3t64, libicu74',
    url: 'https://packages.ubuntu.com/noble/libc6',
  },
  'alpine-releases': {
    title: 'Alpine Linux releases: 3.21, 3.22, 3.23 and 3.24 are supported branches',
    url: 'https://alpinelinux.org/releases/',
  },
  'corretto-al2-install': {
    title: 'Amazon Corretto 17 and 21 user guides: on Amazon Linux 2, yum install java-<N>-amazon-corretto-headless',
    url: 'https://docs.aws.amazon.com/corretto/latest/corretto-21-ug/amazon-linux-install.html',
  },
  'corretto-8-al2023-install': {
    title: 'Amazon Corretto 8 user guide: on Amazon Linux 2023, dnf install java-1.8.0-amazon-corretto',
    url: 'https://docs.aws.amazon.com/corretto/latest/corretto-8-ug/amazon-linux-install.html',
  },
  'node-building': {
    title: 'Node.js BUILDING.md, platform list: official Linux binaries are built on RHEL 8 and need glibc >= 2.28 (x64, arm64)',
    url: 'https://github.com/nodejs/node/blob/main/BUILDING.md#platform-list',
  },
  'docker-node-variants': {
    title: 'nodejs/docker-node versions.json: 22 and 24 in bookworm(-slim), trixie(-slim), alpine3.23 and alpine3.24; the Dockerfiles unpack the nodejs.org tarball into /usr/local',
    url: 'https://github.com/nodejs/docker-node/blob/main/versions.json',
  },
  'docker-python-variants': {
    title: 'docker-library/python versions.json: 3.11 to 3.14 in slim-bookworm, slim-trixie, alpine3.23 and alpine3.24; slim images link /usr/local against the release\'s libssl, libffi, libsqlite3, libexpat, libbz2, liblzma, zlib',
    url: 'https://github.com/docker-library/python/blob/master/versions.json',
  },
  'docker-ruby-variants': {
    title: 'docker-library/ruby versions.json: 3.3, 3.4 and 4.0 in slim-bookworm, slim-trixie, alpine3.22 and alpine3.23; built with --enable-shared into /usr/local against libssl, libffi, libgmp, libyaml, zlib',
    url: 'https://github.com/docker-library/ruby/blob/master/versions.json',
  },
  'temurin-variants': {
    title: 'adoptium/containers: <N>/jre/ubuntu/noble and <N>/jre/alpine/3.21 to 3.24 for 8, 11, 17, 21 and 25; the JRE is unpacked into /opt/java/openjdk',
    url: 'https://github.com/adoptium/containers',
  },
  'adoptium-platforms': {
    title: 'Adoptium supported platforms: Temurin Linux x64 and aarch64 builds run on any distribution with glibc 2.17 or newer',
    url: 'https://adoptium.net/supported-platforms/',
  },
  // Distribution packages.
  'debian-bookworm-packages': {
    title: 'Debian 12 bookworm packages (apt-cache on bookworm): nodejs 18, python3.11, ruby3.1, openjdk-17-jre-headless, no dotnet',
    url: 'https://packages.debian.org/bookworm/',
  },
  'debian-trixie-packages': {
    title:
      'Debian 13 trixie main Packages indexes (amd64, arm64) and package file lists: nodejs 20.19; python3.13 3.13.5 with /usr/bin/python3.13 (python3.13-minimal), python3-pip, python3.13-dev; ruby 3.3; openjdk-21-jre-headless with /usr/lib/jvm/java-21-openjdk-amd64/bin/java and -arm64/bin/java',
    url: 'https://deb.debian.org/debian/dists/trixie/main/',
  },
  'debian-trixie-openjdk': {
    title: 'Debian 13 trixie: openjdk-21-jre-headless 21.0.7+6-1; ruby-defaults 1:3.3',
    url: 'https://packages.debian.org/trixie/openjdk-21-jre-headless',
  },
  'ubuntu-noble-packages': {
    title: 'Ubuntu 24.04 noble: python3.12 3.12.3, nodejs 18.19.1 only',
    url: 'https://packages.ubuntu.com/noble/python3.12',
  },
  'alpine-nodejs': {
    title: 'Alpine 3.24 main: nodejs 24.x',
    url: 'https://pkgs.alpinelinux.org/package/v3.24/main/x86/nodejs',
  },
  'al2023-nodejs': {
    title: 'Amazon Linux 2023 user guide, Node.js: nodejs20/22/24 packages, namespaced executables node-22 and npm-22',
    url: 'https://docs.aws.amazon.com/linux/al2023/ug/nodejs.html',
  },
  'al2023-python': {
    title: 'Amazon Linux 2023 user guide, Python: python3.11 to python3.14 beside the system python3 (3.9)',
    url: 'https://docs.aws.amazon.com/linux/al2023/ug/python.html',
  },
  'al2023-ruby': {
    title: 'Amazon Linux 2023 user guide, Ruby: versions 3.2 and 3.4 only; ruby3.4, ruby3.4-gem, ruby3.4-bundle',
    url: 'https://docs.aws.amazon.com/linux/al2023/ug/ruby.html',
  },
  'al2023-corretto': {
    title: 'Amazon Linux 2023 repositories carry java-<N>-amazon-corretto-headless (dnf install, as used on AL2023 hosts)',
    url: 'https://github.com/Cog-Creators/Red-DiscordBot/commit/4034ddd4526a073e55f0a921c232612e4ab1648a',
  },
  'al2-corretto': {
    title: 'Amazon Linux 2: yum install -y java-11-amazon-corretto-headless, seen in AL2 set-up scripts (UNCONFIRMED by an AWS document)',
    url: 'https://github.com/corretto/corretto-11',
  },
  'ruby-bundled-gems': {
    title: 'ruby/ruby gems/bundled_gems: minitest, power_assert, rake, test-unit and others are bundled gems, installed by make install with Ruby itself',
    url: 'https://github.com/ruby/ruby/blob/master/gems/bundled_gems',
  },
  'ruby-news-3.2': {
    title: 'Ruby 3.2.0 NEWS, stdlib updates: bundled gem minitest 5.16.3',
    url: 'https://github.com/ruby/ruby/blob/master/doc/NEWS/NEWS-3.2.0.md',
  },
  'ruby-news-3.3': {
    title: 'Ruby 3.3.0 NEWS, stdlib compatibility: a gem promoted to the bundled gems (racc) must be added to the Gemfile to be used under Bundler',
    url: 'https://github.com/ruby/ruby/blob/master/doc/NEWS/NEWS-3.3.0.md',
  },
  'ruby-news-3.4': {
    title: 'Ruby 3.4.0 NEWS, stdlib updates: bundled gem minitest 5.20.0 (Ruby 3.3) to 5.25.4',
    url: 'https://github.com/ruby/ruby/blob/master/doc/NEWS/NEWS-3.4.0.md',
  },
  'ruby-news-4.0': {
    title: 'Ruby 4.0.0 NEWS, stdlib updates: bundled gem minitest 6.0.0',
    url: 'https://github.com/ruby/ruby/blob/master/doc/NEWS/NEWS-4.0.0.md',
  },
} as const satisfies Record<string, { title: string; url: string }>;

export type SourceId = keyof typeof SOURCES;
