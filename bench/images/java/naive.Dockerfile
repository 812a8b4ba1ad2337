# One stage on the Maven image: the JDK, Maven, its local repository, target/ and the sources all
# stay in the image. The runtime interface client (2.10.1, as catalogued) and the four jars its
# pom lists come from Maven Central one by one, as the function's pom does not name them.
FROM maven:3.9-amazoncorretto-21-al2023
WORKDIR /var/task
COPY . ./
RUN mvn -B -q package -DskipTests \
 && mvn -B -q dependency:copy-dependencies -DincludeScope=runtime \
 && for a in com.amazonaws:aws-lambda-java-runtime-interface-client:2.10.1 com.amazonaws:aws-lambda-java-core:1.4.0 \
      com.amazonaws:aws-lambda-java-serialization:1.2.0 software.amazon.awssdk:utils-lite:2.34.0 software.amazon.awssdk:annotations:2.34.0; do \
      mvn -B -q dependency:copy -Dartifact="$a" -DoutputDirectory=target/dependency || exit 1; \
    done
ENTRYPOINT ["/usr/bin/java", "-cp", "/var/task/target/classes:/var/task/target/dependency/*", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"]
CMD ["example.Handler::handleRequest"]
