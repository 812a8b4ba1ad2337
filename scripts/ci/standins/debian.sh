#!/bin/sh
# Makes a local debian:<suite>-slim from Debian's mirror (debootstrap + docker import), slimmed the
# way the official -slim images are. No image registry is reachable in CI, so this is the root of
# every local base and stand-in. Skipped when TAG is already present.
#
# Usage: scripts/ci/standins/debian.sh SUITE TAG   (e.g. bookworm debian:bookworm-slim)
#   env: DOCKER (default /usr/bin/docker); WORK (default .tmp/docker-setup in the repo).
set -eu

SUITE=$1
TAG=$2
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
WORK=${WORK:-"$REPO/.tmp/docker-setup"}
DOCKER=${DOCKER:-/usr/bin/docker}

fail() {
  echo "## debian base $TAG FAILED: $*" >&2
  exit 1
}
step() { echo "docker-setup: $*"; }
now() { date +%s; }

if "$DOCKER" image inspect "$TAG" >/dev/null 2>&1; then
  step "$TAG already present"
  exit 0
fi
command -v debootstrap >/dev/null 2>&1 || fail "debootstrap is not installed"
mkdir -p "$WORK"

# The mirror apt already uses (deb822 or one-line format); security is added by sources.list below.
MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null |
  grep -Eo 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -1 | tr -d ' ')
MIRROR=${MIRROR:-http://deb.debian.org/debian}
ROOT="$WORK/rootfs-$SUITE"
rm -rf "$ROOT" # a half-finished debootstrap cannot be resumed
t=$(now)
debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >"$WORK/debootstrap-$SUITE.log" 2>&1 ||
  { tail -20 "$WORK/debootstrap-$SUITE.log" >&2; fail "debootstrap $SUITE from $MIRROR failed (log: $WORK/debootstrap-$SUITE.log)"; }
step "debootstrap $SUITE from $MIRROR in $(($(now) - t)) s"

# Slim it the way the official -slim images are: no docs/man/locales, no apt lists or caches.
MIRROR_BASE=${MIRROR%/debian*}
printf '%s\n' \
  "deb $MIRROR $SUITE main" \
  "deb $MIRROR $SUITE-updates main" \
  "deb $MIRROR_BASE/debian-security $SUITE-security main" >"$ROOT/etc/apt/sources.list"
# debootstrap of a newer suite may also write the deb822 form: one source of truth.
rm -f "$ROOT/etc/apt/sources.list.d/debian.sources"
printf '%s\n' \
  'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
  'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' \
  'path-exclude /usr/share/locale/*' 'path-exclude /usr/share/groff/*' \
  'path-exclude /usr/share/lintian/*' 'path-exclude /usr/share/linda/*' \
  >"$ROOT/etc/dpkg/dpkg.cfg.d/docker-slim"
printf '%s\n' \
  'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' \
  'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' \
  'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";' >"$ROOT/etc/apt/apt.conf.d/docker-clean"
echo 'APT::Install-Recommends "false";' >"$ROOT/etc/apt/apt.conf.d/docker-no-recommends"
echo 'Acquire::Languages "none";' >"$ROOT/etc/apt/apt.conf.d/docker-no-languages"
find "$ROOT/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
find "$ROOT/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
rm -rf "$ROOT"/usr/share/man/* "$ROOT"/usr/share/info/* "$ROOT"/usr/share/locale/* \
  "$ROOT"/usr/share/groff/* "$ROOT"/usr/share/lintian/* "$ROOT"/usr/share/linda/* \
  "$ROOT"/var/cache/apt/* "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/log/*.log "$ROOT"/var/log/apt/*
mkdir -p "$ROOT/var/lib/apt/lists/partial"
: >"$ROOT/etc/machine-id"

# CI only: outbound HTTPS goes through an intercepting proxy whose CA the host trusts. Bake the
# host's extra CAs into this local base so a later `apt-get install ca-certificates` (and Node,
# via NODE_EXTRA_CA_CERTS) trust it. This never goes into generated Dockerfiles.
ENV_CA=
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  mkdir -p "$ROOT/usr/local/share/ca-certificates" "$ROOT/etc/ssl"
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  cat /usr/local/share/ca-certificates/*.crt >"$ROOT/etc/ssl/ci-extra-ca.pem"
  ENV_CA='NODE_EXTRA_CA_CERTS=/etc/ssl/ci-extra-ca.pem'
  step "baked $(ls /usr/local/share/ca-certificates/*.crt | wc -l) host CA cert(s) into $TAG"
fi

t=$(now)
set -- -c 'CMD ["bash"]' -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
[ -z "$ENV_CA" ] || set -- "$@" -c "ENV $ENV_CA"
tar -C "$ROOT" -c . | "$DOCKER" import "$@" - "$TAG" >/dev/null || fail "docker import of $TAG failed"
rm -rf "$ROOT"
step "imported $TAG in $(($(now) - t)) s ($("$DOCKER" image inspect -f '{{.Size}}' "$TAG" | awk '{printf "%.1f MB", $1/1e6}'))"
