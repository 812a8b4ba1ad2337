# One stage: the Rust toolchain, the crate registry and the whole target/ folder stay in the image.
FROM rust:1-alpine3.23
WORKDIR /var/task
COPY . ./
RUN cargo build --release
ENTRYPOINT ["/var/task/target/release/bootstrap"]
