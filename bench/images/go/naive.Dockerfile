# One stage: the whole Go toolchain and module cache stay in the image.
FROM golang:1.26-bookworm
WORKDIR /src
COPY . ./
RUN go build -tags lambda.norpc -o /usr/local/bin/bootstrap .
ENTRYPOINT ["/usr/local/bin/bootstrap"]
