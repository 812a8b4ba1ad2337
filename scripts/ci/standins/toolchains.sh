#!/bin/sh
# Local stand-ins for the toolchain and runtime images that generated Dockerfiles name on non-AWS
# bases, built from the local Debian bases and the registries CI can reach (no image registry is
# reachable). CI/test fixtures only: generated Dockerfiles keep their real FROM lines, and these
# exact local tags satisfy them. How each differs from the real image: README.md beside this file.
#
#   debian:trixie-slim                 debootstrap, like debian:bookworm-slim (debian.sh)
#   golang:1.26-bookworm               Go from the Go module proxy (golang.org/toolchain)
#   rust:1-alpine3.23                  Debian + the machine's rustup toolchain (no Alpine mirror)
#   python:3.13-bookworm, -slim-bookworm   Debian trixie's Python 3.13 (bookworm has 3.11)
#   registry.example.com/team/base:1.0 debian:bookworm-slim under an organisation's name
#
# Idempotent: each stand-in carries a label with a hash of its recipe (Dockerfile, versions, base
# image id) and is rebuilt only when that changes. Downloads are cached under .tmp/docker-setup.
# Needs the engine and debian:bookworm-slim (scripts/ci/docker-setup.sh makes both, then calls
# this). A stand-in that cannot be made is reported and skipped; the exit status is then 1, and
# the e2e tests that need it say which image is missing.
#
#   env: GO_STANDIN_VERSION (default below: the newest go1.26.x of golang.org/toolchain on the
#   Go module proxy when written, `go list -m -versions golang.org/toolchain`).
set -eu

REPO=$(cd "$(dirname "$0")/../../.." && pwd)
HERE="$REPO/scripts/ci/standins"
WORK=${WORK:-"$REPO/.tmp/docker-setup"}
DOCKER=${DOCKER:-/usr/bin/docker}
export WORK DOCKER
# Where the machine's Go and rustup install themselves, for a shell that has not sourced a profile.
PATH="$PATH:/usr/local/go/bin:${HOME:-/root}/.cargo/bin"
LABEL=create-lambda-image.ci-stand-in
GO_STANDIN_VERSION=${GO_STANDIN_VERSION:-1.26.11}
failed=

step() { echo "docker-setup: $*"; }
now() { date +%s; }
warn() {
  echo "docker-setup: stand-in $1 NOT built: $2" >&2
  failed="$failed $1"
}
mkdir -p "$WORK"

# stale NAME CTX TAG... : sets $want (NAME@hash of CTX/Dockerfile, CTX/args and the ids of the
# images it builds FROM) and $todo (the TAGs not already carrying that label). A tag held by an
# image that is not a stand-in (a real one) is kept.
stale() {
  name=$1 ctx=$2
  shift 2
  base_ids=$(sed -n 's/^FROM \([^ ]*\).*/\1/p' "$ctx/Dockerfile" | sort -u | while read -r ref; do
    "$DOCKER" image inspect -f '{{.Id}}' "$ref" 2>/dev/null || true
  done)
  want="$name@$( { cat "$ctx/Dockerfile" "$ctx/args" 2>/dev/null; echo "$base_ids"; } | sha256sum | cut -c1-16)"
  todo=
  for tag in "$@"; do
    have=$("$DOCKER" image inspect -f "{{index .Config.Labels \"$LABEL\"}}" "$tag" 2>/dev/null || true)
    if [ "$have" = "$want" ]; then
      step "$tag stand-in ($want) already present"
    elif "$DOCKER" image inspect "$tag" >/dev/null 2>&1 && { [ -z "$have" ] || [ "$have" = "<no value>" ]; }; then
      step "$tag already present and not a stand-in (a real image?): kept as it is"
    else
      todo="$todo $tag"
    fi
  done
}

# build NAME CTX TAG... : builds CTX/Dockerfile (build args in CTX/args, one KEY=VALUE a line;
# a tag's stage in CTX/targets, TAG=STAGE lines) under each TAG that is stale.
build() {
  stale "$@"
  [ -n "$todo" ] || return 0
  t=$(now)
  for tag in $todo; do
    set -- --label "$LABEL=$want"
    stage=$(sed -n "s|^$tag=||p" "$ctx/targets" 2>/dev/null || true)
    [ -z "$stage" ] || set -- "$@" --target "$stage"
    while IFS= read -r a; do [ -z "$a" ] || set -- "$@" --build-arg "$a"; done <"$ctx/args"
    if ! DOCKER_BUILDKIT=1 "$DOCKER" build "$@" -t "$tag" "$ctx" >"$WORK/$name.log" 2>&1; then
      tail -25 "$WORK/$name.log" >&2
      warn "$tag" "docker build failed (log: $WORK/$name.log)"
      return 0
    fi
  done
  step "built$todo in $(($(now) - t)) s ($("$DOCKER" image inspect -f '{{.Size}}' "${todo##* }" | awk '{printf "%.1f MB", $1/1e6}'))"
}

# Shared by the Go and Rust stand-ins (one layer): what their official images inherit from
# buildpack-deps:bookworm-scm plus the C toolchain they add (cgo, linking).
BUILD_TOOLS_RUN='RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates netbase git gcc libc6-dev make pkg-config \
 && rm -rf /var/lib/apt/lists/*'

# --- debian:trixie-slim -------------------------------------------------------------------------
t=$(now)
sh "$HERE/debian.sh" trixie debian:trixie-slim || warn debian:trixie-slim "debootstrap/import failed"

# --- registry.example.com/team/base:1.0: an organisation's own image, here Debian bookworm -------
if "$DOCKER" tag debian:bookworm-slim registry.example.com/team/base:1.0; then
  step "tagged debian:bookworm-slim as registry.example.com/team/base:1.0"
else
  warn registry.example.com/team/base:1.0 "docker tag failed"
fi

# --- golang:1.26-bookworm -----------------------------------------------------------------------
# The toolchain is the golang.org/toolchain module the go command itself switches to; `go mod
# download` checks its zip against the checksum database, so nothing unverified goes in.
go_dockerfile() {
  cat <<DOCKERFILE
# CI-only stand-in for golang:1.26-bookworm; made by scripts/ci/standins/toolchains.sh.
FROM debian:bookworm-slim
$BUILD_TOOLS_RUN
ARG GO_VERSION
LABEL org.opencontainers.image.description="CI-only stand-in for golang:1.26-bookworm: Go from the golang.org/toolchain module; not an official image"
ENV GOLANG_VERSION=\$GO_VERSION GOTOOLCHAIN=local GOPATH=/go
ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ADD go.tar /usr/local/
# Module zips carry no file modes; the go command sets these itself when it unpacks a toolchain.
RUN chmod 755 /usr/local/go/bin/* /usr/local/go/pkg/tool/*/* \\
 && mkdir -p /go/src /go/bin && chmod -R 1777 /go && go version
WORKDIR /go
DOCKERFILE
}
go_standin() {
  command -v go >/dev/null 2>&1 || { warn golang:1.26-bookworm "no go command on this machine to fetch the toolchain module"; return 0; }
  case "$(uname -m)" in x86_64 | amd64) goarch=amd64 ;; aarch64 | arm64) goarch=arm64 ;; *) warn golang:1.26-bookworm "unsupported machine $(uname -m)"; return 0 ;; esac
  ctx="$WORK/go-stand-in"
  rm -rf "$ctx" && mkdir -p "$ctx"
  printf '%s\n' "GO_VERSION=$GO_STANDIN_VERSION" >"$ctx/args"
  go_dockerfile >"$ctx/Dockerfile"
  stale golang "$ctx" golang:1.26-bookworm
  [ -n "$todo" ] || return 0
  t=$(now)
  mod="golang.org/toolchain@v0.0.1-go$GO_STANDIN_VERSION.linux-$goarch"
  modcache="$WORK/gomodcache"
  dir=$(cd "$WORK" && GOFLAGS=-modcacherw GOMODCACHE="$modcache" GO111MODULE=on GOTOOLCHAIN=local \
    go mod download -json "$mod" 2>"$WORK/go-download.log" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  if [ -z "$dir" ] || [ ! -f "$dir/bin/go" ]; then
    tail -5 "$WORK/go-download.log" >&2
    warn golang:1.26-bookworm "go mod download $mod failed (is the Go module proxy reachable?)"
    return 0
  fi
  step "Go $GO_STANDIN_VERSION toolchain module verified and cached in $(($(now) - t)) s"
  tar -C "$dir" --owner=0 --group=0 --transform 's,^\.,go,' -cf "$ctx/go.tar" .
  build golang "$ctx" golang:1.26-bookworm
  rm -f "$ctx/go.tar"
}
go_standin

# --- rust:1-alpine3.23 --------------------------------------------------------------------------
# Neither Alpine's mirror nor Rust's own download server is something CI may rely on, so this is
# Debian bookworm with the machine's rustup toolchain (rustc, cargo, the standard library; no
# docs): `cargo build` links a glibc executable, not a static musl one (README.md beside this).
rust_standin() {
  sysroot=$(rustc --print sysroot 2>/dev/null || true)
  if [ -z "$sysroot" ] || [ ! -x "$sysroot/bin/cargo" ]; then
    warn rust:1-alpine3.23 "no rustup toolchain (rustc, cargo) on this machine"
    return 0
  fi
  version=$("$sysroot/bin/rustc" --version | awk '{print $2}')
  # Named as rustup names it (channel-triple): rustc finds its sysroot from the path of its own
  # library, and a directory named just like the target triple misleads that search.
  toolchain=$(basename "$sysroot")
  ctx="$WORK/rust-stand-in"
  rm -rf "$ctx" && mkdir -p "$ctx"
  printf '%s\n' "RUST_VERSION=$version" "RUST_TOOLCHAIN=$toolchain" >"$ctx/args"
  # rustup cannot download anything here: `rustup target add` accepts the host's own musl target
  # (what the real Alpine image's host is), and cargo builds the host's glibc target in its place,
  # leaving the output where the musl target's would be. Any other target is refused.
  cat >"$ctx/rustup" <<'SHIM'
#!/bin/sh
# CI-only stand-in for rustup (no download server can be reached): one toolchain, no downloads.
host=$(rustc -vV | sed -n 's/^host: //p')
if [ "$1" = target ] && [ "$2" = add ]; then
  shift 2
  for t in "$@"; do
    case "$t" in
      "$host" | "${host%%-*}-unknown-linux-musl") ;;
      *) echo "rustup (CI stand-in): cannot add target $t: nothing can be downloaded here" >&2; exit 1 ;;
    esac
  done
  exit 0
fi
case "$1" in
  -V | --version) echo "rustup (CI stand-in), toolchain $(rustc --version)" ;;
  *) echo "rustup (CI stand-in): '$*' is not supported" >&2; exit 1 ;;
esac
SHIM
  cat >"$ctx/cargo" <<'SHIM'
#!/bin/sh
# CI-only stand-in: builds for the host's musl target become the host's glibc target (no musl
# standard library can be had here); the output is linked to where the musl target's would be.
real="$(rustc --print sysroot)/bin/cargo"
host=$(rustc -vV | sed -n 's/^host: //p')
musl="${host%%-*}-unknown-linux-musl"
mapped=
n=$#
while [ "$n" -gt 0 ]; do
  a=$1
  shift
  case "$a" in
    "$musl") a=$host mapped=1 ;;
    "--target=$musl") a="--target=$host" mapped=1 ;;
  esac
  set -- "$@" "$a"
  n=$((n - 1))
done
"$real" "$@" || exit $?
if [ -n "$mapped" ]; then
  dir=${CARGO_TARGET_DIR:-target}
  [ -e "$dir/$musl" ] || ln -s "$host" "$dir/$musl"
fi
SHIM
  chmod 755 "$ctx/rustup" "$ctx/cargo"
  cat >"$ctx/Dockerfile" <<DOCKERFILE
# CI-only stand-in for rust:1-alpine3.23; made by scripts/ci/standins/toolchains.sh.
FROM debian:bookworm-slim
$BUILD_TOOLS_RUN
ARG RUST_VERSION
ARG RUST_TOOLCHAIN
LABEL org.opencontainers.image.description="CI-only stand-in for rust:1-alpine3.23: Debian with a rustup toolchain (glibc, not musl); not an official image"
ENV RUSTUP_HOME=/usr/local/rustup CARGO_HOME=/usr/local/cargo RUST_VERSION=\$RUST_VERSION
# PATH names the toolchain's bin (the real image has rustup's proxies in /usr/local/cargo/bin).
ENV PATH=/usr/local/cargo/bin:/usr/local/rustup/toolchains/\$RUST_TOOLCHAIN/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ADD rust.tar /usr/local/rustup/toolchains/
# Shims: $(cat "$ctx/rustup" "$ctx/cargo" | sha256sum | cut -c1-16)
COPY rustup cargo /usr/local/cargo/bin/
RUN chmod -R a+w /usr/local/cargo \\
 && rustc --version && cargo --version && rustup target add \$(rustc -vV | sed -n 's/^host: //p' | cut -d- -f1)-unknown-linux-musl
DOCKERFILE
  # The tarball (about 600 MB) is packed only when the image is out of date.
  stale rust "$ctx" rust:1-alpine3.23
  [ -n "$todo" ] || return 0
  tar -C "$(dirname "$sysroot")" --owner=0 --group=0 \
    -cf "$ctx/rust.tar" "$(basename "$sysroot")/bin/cargo" "$(basename "$sysroot")/bin/rustc" \
    "$(basename "$sysroot")/bin/rustdoc" "$(basename "$sysroot")/lib" "$(basename "$sysroot")/libexec" \
    "$(basename "$sysroot")/etc" 2>"$WORK/rust-tar.log" || { warn rust:1-alpine3.23 "cannot pack $sysroot"; return 0; }
  build rust "$ctx" rust:1-alpine3.23
  rm -f "$ctx/rust.tar"
}
rust_standin

# --- python:3.13-bookworm and python:3.13-slim-bookworm -----------------------------------------
python_standin() {
  "$DOCKER" image inspect debian:trixie-slim >/dev/null 2>&1 || { warn python:3.13-bookworm "needs debian:trixie-slim"; return 0; }
  ctx="$WORK/python-stand-in"
  rm -rf "$ctx" && mkdir -p "$ctx"
  : >"$ctx/args"
  printf '%s\n' python:3.13-slim-bookworm=slim python:3.13-bookworm=full >"$ctx/targets"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
# CI-only stand-ins for python:3.13-slim-bookworm (slim) and python:3.13-bookworm (full); made by
# scripts/ci/standins/toolchains.sh.
FROM debian:trixie-slim AS slim
LABEL org.opencontainers.image.description="CI-only stand-in for python:3.13(-slim)-bookworm: Debian trixie's Python 3.13; not an official image"
ENV LANG=C.UTF-8
# Official images keep Python (and pip, without an externally-managed marker) under /usr/local/bin.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates netbase python3.13 python3-pip \
 && rm -rf /var/lib/apt/lists/* \
 && rm -f /usr/lib/python3*/EXTERNALLY-MANAGED \
 && ln -s /usr/bin/python3.13 /usr/local/bin/python3.13 \
 && ln -s python3.13 /usr/local/bin/python3 \
 && ln -s python3 /usr/local/bin/python \
 && ln -s /usr/bin/pip3 /usr/local/bin/pip3 \
 && ln -s pip3 /usr/local/bin/pip \
 && python3.13 --version && python3.13 -m pip --version
CMD ["python3"]

# The full image adds what buildpack-deps:bookworm has for building C extensions.
FROM slim AS full
RUN apt-get update \
 && apt-get install -y --no-install-recommends git gcc g++ make libc6-dev python3.13-dev libffi-dev libssl-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
DOCKERFILE
  build python "$ctx" python:3.13-slim-bookworm python:3.13-bookworm
}
python_standin

if [ -n "$failed" ]; then
  echo "docker-setup: toolchain stand-ins missing:$failed" >&2
  exit 1
fi
