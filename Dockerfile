# syntax=docker/dockerfile:1
# One image per service, built from the repository root:
#   docker build --build-arg SERVICE=command-service -t commitment-tracker/command-service .
#   docker build --build-arg SERVICE=query-service   -t commitment-tracker/query-service .
# The argument `migrate` runs the service's migration step instead (README, "Migrations"):
#   docker run --rm -e TRACKER_DB_URL=... -e TRACKER_OWNER_DB_PASSWORD=... commitment-tracker/command-service migrate
# Base images are pinned to exact releases; pin them by digest too where your registry policy wants it
# (docker buildx imagetools inspect eclipse-temurin:25.0.3_9-jre-noble). The code is built for Java 17
# and runs on Java 25, which answers reads faster (BENCHMARKS.md, "Java 25 against Java 17").
ARG SERVICE=command-service

FROM eclipse-temurin:25.0.3_9-jdk-noble AS build
ARG SERVICE
WORKDIR /src
# Maven's downloads stay in a build cache between builds, so a change of code fetches nothing.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
 && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /tmp/app.jar \
 && java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:25.0.3_9-jre-noble
WORKDIR /app
# Layers from the least to the most often changed: a new build of our code ships only the last.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# The heap follows the container's memory limit; G1 keeps its pauses near 20 ms (its default goal,
# 200 ms, let one pause hold the read models a tenth of a second: BENCHMARKS.md, the lag); no
# update check or AxonIQ Console banner.
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError -Daxoniq.update-checker.disabled=true -Ddisable-axoniq-console-message=true"
USER 65534
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
