# One image recipe for the four services: docker build --build-arg SERVICE=draft-service .
#
# Plain Dockerfile instructions only (no BuildKit-only syntax such as RUN --mount), so the classic builder (Debian's
# docker-compose v1, DOCKER_BUILDKIT=0) builds it just as BuildKit (docker compose v2) does. The build stage compiles
# all four services before SERVICE is first used: its layers are the same for the four images, so the builder makes
# them once and takes them from its cache for the other three.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -DskipTests -Dspotless.check.skip=true -pl draft-service,cart-service,order-service,payment-service -am \
    package
ARG SERVICE=draft-service
RUN cp ${SERVICE}/target/${SERVICE}-*-exec.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 app
USER app
COPY --from=build /app.jar /app/app.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
