# The AWS documentation builds a Rust function with Cargo Lambda for the OS-only runtime
# provided.al2023 and deploys the executable, named bootstrap, in a .zip
# (https://docs.aws.amazon.com/lambda/latest/dg/rust-package.html); it has no Rust Dockerfile.
# This puts that executable on the OS-only base the way the Go page's OS-only example
# (https://docs.aws.amazon.com/lambda/latest/dg/go-image.html) puts its own: the whole folder
# built in a toolchain stage, the executable copied onto provided:al2023 and started from the
# working directory. `cargo lambda build --release` is `cargo build --release` linked through Zig;
# the sample already names its binary bootstrap, and plain cargo builds it here (Zig is not in
# the set-up's Rust image). The registry is a cache mount, as the host's ~/.cargo would be.
FROM rust:1-alpine3.23 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry cargo build --release

FROM public.ecr.aws/lambda/provided:al2023
COPY --from=build /src/target/release/bootstrap ./bootstrap
ENTRYPOINT ["./bootstrap"]
