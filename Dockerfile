# One image per application, all from this file:
#   docker build --build-arg MODULE=family-service -t homelink/family-service .
# MODULE is family-service, engagement-service, community-partners-service or gateway. docker-compose.yml builds all
# four. Needs BuildKit (the default builder since Docker Engine 23) for the Maven cache below.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# Every application at once, before MODULE is known: this step is the same for the four images, so it is built once
# and cached for the others. Maven's downloads stay in a cache between builds. Tests are CI's job, not the image's.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -DskipTests \
        -pl family-service,engagement-service,community-partners-service,gateway -am package

ARG MODULE
# Spring Boot's layers, least changing first, so that a code change ships only the small last layer.
RUN if [ ! -f "$MODULE/pom.xml" ]; then \
        echo "MODULE must name an application: family-service, engagement-service, community-partners-service or gateway"; \
        exit 1; \
    fi \
 && java -Djarmode=tools -jar "$MODULE"/target/"$MODULE"-*.jar extract --layers --launcher --destination /layers


FROM eclipse-temurin:17-jre
# curl for the health checks in docker-compose.yml: the base image has it today, but does not promise to keep it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home homelink
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER homelink
# The heap as a share of the container's memory limit, leaving the rest to metaspace, threads and the code cache;
# out of memory ends the process, so that the container restarts instead of limping on.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
# The JVM is process 1 and gets docker stop's TERM itself: Spring Boot shuts down gracefully.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
