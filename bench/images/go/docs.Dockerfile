# The AWS documentation's Go example on an OS-only base image (go-image.html), with the Go
# toolchain image the set-up provides.
FROM golang:1.26-bookworm AS build
WORKDIR /helloworld
COPY go.mod go.sum ./
COPY main.go .
RUN go build -tags lambda.norpc -o main main.go

FROM public.ecr.aws/lambda/provided:al2023
COPY --from=build /helloworld/main ./main
ENTRYPOINT ["./main"]
