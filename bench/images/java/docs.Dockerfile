# The AWS documentation's Java example, from https://docs.aws.amazon.com/lambda/latest/dg/java-image.html
# ("Using an AWS base image for Java", Maven). That page has no Dockerfile for an alternative base
# image (it gives only the client's Maven coordinates), so this is its AWS base image example.
# The page runs `mvn compile dependency:copy-dependencies -DincludeScope=runtime` on the host and
# copies target/ into the image; here the same command runs in a build stage on the set-up's Maven
# image, with the local repository in a cache mount as the host's ~/.m2 would be. The page copies
# `target/dependency/*`, which fails when a function has no runtime dependency (as this sample):
# the folder itself is copied instead, to the same place.
FROM maven:3.9-amazoncorretto-21-al2023 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q compile dependency:copy-dependencies -DincludeScope=runtime \
 && mkdir -p target/dependency

FROM public.ecr.aws/lambda/java:21
COPY --from=build /src/target/classes ${LAMBDA_TASK_ROOT}
COPY --from=build /src/target/dependency/ ${LAMBDA_TASK_ROOT}/lib/
CMD ["example.Handler::handleRequest"]
