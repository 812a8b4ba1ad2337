import { ruleTable } from '../helpers';

ruleTable('LAM026', {
  catches: [
    'FROM golang:1.23 AS build\nRUN go build -o /out/bootstrap .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /out/bootstrap /var/runtime/bootstrap',
    'FROM rust:1.82 AS build\nRUN cargo build --release\nFROM public.ecr.aws/lambda/provided:al2\nCOPY --from=build /src/target/release/bootstrap /var/runtime/bootstrap',
  ],
  passes: [
    'FROM golang:1.23 AS build\nENV CGO_ENABLED=0\nRUN go build -o /out/bootstrap .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /out/bootstrap /var/runtime/bootstrap',
    'FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /out/bootstrap .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /out/bootstrap /var/runtime/bootstrap',
    'FROM rust:1.82 AS build\nRUN cargo build --release --target x86_64-unknown-linux-musl\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /x /var/runtime/bootstrap',
    'FROM public.ecr.aws/lambda/provided:al2023 AS build\nRUN dnf install -y golang && go build -o /b .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /b /var/runtime/bootstrap',
    'FROM golang:1.23 AS build\nRUN go build -o /b .\nFROM debian:12-slim\nCOPY --from=build /b /b',
  ],
});
