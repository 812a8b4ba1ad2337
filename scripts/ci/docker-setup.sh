#!/bin/sh
# Makes a Docker engine and a local debian:bookworm-slim available for the e2e tests.
#
# Idempotent: every step is skipped when its result is already there (engine answering, base
# image present). Needs root. Writes only under /var/lib/docker (the engine), the packages apt
# installs, a stale /var/run/docker.pid, and $WORK (.tmp/docker-setup in the repo: debootstrap tree,
# dockerd log and pid).
# On any failure it says WHY on stderr and exits non-zero, so .ci/run can decide to skip the
# container tests with a clear reason instead of letting them time out.
#
# Usage: scripts/ci/docker-setup.sh        (env: DOCKER_SETUP_MIN_FREE_GB, default 5)
set -eu

REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK="$REPO/.tmp/docker-setup"
LOG="$WORK/dockerd.log"
BASE=debian:bookworm-slim
# Debian's own client: it drives the daemon's built-in BuildKit without the buildx plugin
# (a newer docker on PATH fails with "buildx component is missing" when DOCKER_BUILDKIT=1).
DOCKER=/usr/bin/docker
MIN_FREE_GB=${DOCKER_SETUP_MIN_FREE_GB:-5}

fail() {
  {
    echo
    echo "################################################################"
    echo "## docker-setup FAILED: $*"
    echo "################################################################"
  } >&2
  exit 1
}
step() { echo "docker-setup: $*"; }
now() { date +%s; }
T0=$(now)

[ "$(id -u)" = 0 ] || fail "must run as root (installs packages and starts dockerd)"
mkdir -p "$WORK"

# --- 1. disk: the engine's data dir grows to ~3 GB with a few images and the build cache -------
mkdir -p /var/lib/docker
free_kb=$(df -Pk /var/lib/docker | awk 'NR==2 {print $4}')
free_work_kb=$(df -Pk "$WORK" | awk 'NR==2 {print $4}')
[ "$free_work_kb" -lt "$free_kb" ] && free_kb=$free_work_kb
need_kb=$((MIN_FREE_GB * 1024 * 1024))
[ "$free_kb" -ge "$need_kb" ] ||
  fail "only $((free_kb / 1024)) MB free for /var/lib/docker and $WORK; need ${MIN_FREE_GB} GB"
step "disk ok: $((free_kb / 1024 / 1024)) GB free"

# --- 2. packages ------------------------------------------------------------------------------
if [ -x /usr/sbin/dockerd ] && [ -x "$DOCKER" ] && command -v debootstrap >/dev/null 2>&1; then
  step "docker.io and debootstrap already installed"
else
  t=$(now)
  apt-get update -qq >"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log" >&2; fail "apt-get update failed (is the Debian mirror reachable?)"; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >>"$WORK/apt.log" 2>&1 ||
    { tail -20 "$WORK/apt.log" >&2; fail "apt-get install docker.io debootstrap failed"; }
  step "installed docker.io and debootstrap in $(($(now) - t)) s"
fi

# --- 3. engine --------------------------------------------------------------------------------
if "$DOCKER" info >/dev/null 2>&1; then
  step "dockerd already answering"
else
  t=$(now)
  # A dockerd killed without cleanup leaves its pid file, and a new one then refuses to start.
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  # setsid + nohup: the daemon must outlive this script (CI calls it once before the tests).
  setsid nohup /usr/sbin/dockerd >"$LOG" 2>&1 </dev/null &
  echo $! >"$WORK/dockerd.pid"
  i=0
  until "$DOCKER" info >/dev/null 2>&1; do
    i=$((i + 1))
    if [ "$i" -gt 60 ]; then
      tail -25 "$LOG" >&2 || true
      fail "dockerd did not answer within 30 s (log: $LOG)"
    fi
    if ! kill -0 "$(cat "$WORK/dockerd.pid")" 2>/dev/null; then
      tail -25 "$LOG" >&2 || true
      fail "dockerd exited during start-up (log: $LOG)"
    fi
    sleep 0.5
  done
  step "dockerd up in $(($(now) - t)) s (pid $(cat "$WORK/dockerd.pid"), log $LOG)"
fi

# --- 4. local base image, made from the Debian mirror (no registry is reachable) ---------------
if "$DOCKER" image inspect "$BASE" >/dev/null 2>&1; then
  step "$BASE already present"
else
  # The mirror apt already uses (deb822 or one-line format); security is added by sources.list below.
  MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null |
    grep -Eo 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -1 | tr -d ' ')
  MIRROR=${MIRROR:-http://deb.debian.org/debian}
  ROOT="$WORK/rootfs"
  rm -rf "$ROOT" # a half-finished debootstrap cannot be resumed
  t=$(now)
  debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
    { tail -20 "$WORK/debootstrap.log" >&2; fail "debootstrap from $MIRROR failed (log: $WORK/debootstrap.log)"; }
  step "debootstrap from $MIRROR in $(($(now) - t)) s"

  # Slim it the way the official -slim images are: no docs/man/locales, no apt lists or caches.
  MIRROR_BASE=${MIRROR%/debian*}
  printf '%s\n' \
    "deb $MIRROR bookworm main" \
    "deb $MIRROR bookworm-updates main" \
    "deb $MIRROR_BASE/debian-security bookworm-security main" >"$ROOT/etc/apt/sources.list"
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
    step "baked $(ls /usr/local/share/ca-certificates/*.crt | wc -l) host CA cert(s) into the base"
  fi

  t=$(now)
  set -- -c 'CMD ["bash"]' -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  [ -z "$ENV_CA" ] || set -- "$@" -c "ENV $ENV_CA"
  tar -C "$ROOT" -c . | "$DOCKER" import "$@" - "$BASE" >/dev/null || fail "docker import of $BASE failed"
  rm -rf "$ROOT"
  step "imported $BASE in $(($(now) - t)) s ($("$DOCKER" image inspect -f '{{.Size}}' "$BASE" | awk '{printf "%.1f MB", $1/1e6}'))"
fi

step "ready in $(($(now) - T0)) s: client $DOCKER (use DOCKER_BUILDKIT=1), base $BASE"
