import { ruleTable } from '../helpers';

ruleTable('LAM026', {
  catches: [
    { text: 'FROM golang:1.23-bookworm AS build\nRUN go build -o /out/bootstrap .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /out/bootstrap /var/runtime/bootstrap', line: 4, lines: [4] },
    { text: 'FROM rust:1.82-bookworm AS build\nRUN cargo build --release\nFROM public.ecr.aws/lambda/provided:al2\nCOPY --from=build /src/target/release/bootstrap /var/runtime/bootstrap', line: 4, lines: [4] },
    // Debian to Debian: bookworm's 2.36 against bullseye's 2.31.
    { text: 'FROM golang:1.23-bookworm AS build\nRUN go build -o /b .\nFROM debian:11-slim\nCOPY --from=build /b /b', line: 4, lines: [4] },
    { text: 'FROM ubuntu:24.04 AS build\nRUN go build -o /b .\nFROM amazonlinux:2023\nCOPY --from=build /b /b', line: 4, lines: [4] },
  ],
  passes: [
    'FROM golang:1.23-bookworm AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/bootstrap .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /out/bootstrap /var/runtime/bootstrap',
    'FROM golang:1.23-bookworm AS build\nRUN CGO_ENABLED=0 go build -o /out/bootstrap .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /out/bootstrap /var/runtime/bootstrap',
    'FROM rust:1.82-bookworm AS build\nRUN cargo build --release --target x86_64-unknown-linux-musl\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /x /var/runtime/bootstrap',
    'FROM public.ecr.aws/lambda/provided:al2023 AS build\nRUN dnf install -y golang && go build -o /b .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /b /var/runtime/bootstrap',
    'FROM golang:1.23-bookworm AS build\nRUN go build -o /b .\nFROM debian:12-slim\nCOPY --from=build /b /b',
    // golang:1.23 follows the current Debian release: its glibc is not known from the name.
    'FROM golang:1.23 AS build\nRUN go build -o /out/bootstrap .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /out/bootstrap /var/runtime/bootstrap',
    // bullseye's 2.31 is older than AL2023's 2.34: no conflict.
    'FROM golang:1.23-bullseye AS build\nRUN go build -o /b .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /b /var/runtime/bootstrap',
    // The final base's glibc is unknown (an organisation image).
    'FROM golang:1.23-bookworm AS build\nRUN go build -o /b .\nFROM registry.example.com/team/runtime:3\nCOPY --from=build /b /b',
  ],
});
