# ticketdesk as a container: the jar built from this checkout, run on a Java 17 JRE (the last stage, built by
# default). The devmail stage is the compose stack's local mail server (docker build --target devmail).
#   docker compose up --build        (see docker-compose.yml; the README explains the settings)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the build definition first, so dependency downloads stay cached while only sources change
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY core/pom.xml core/
COPY bot/pom.xml bot/
COPY mail-ingest/pom.xml mail-ingest/
COPY admin-web/pom.xml admin-web/
COPY devmail/pom.xml devmail/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
RUN ./mvnw -B -q -pl app,devmail -am dependency:go-offline -DexcludeReactor=true || true
COPY . .
# the archive is made below by the runtime image's own JVM, so the build's training start is skipped
RUN ./mvnw -B -q -pl app,devmail -am package -DskipTests -Dticketdesk.cds.skip=true \
    && cp app/target/ticketdesk.jar /ticketdesk.jar && cp devmail/target/devmail-all.jar /devmail.jar

# The local mail server of docker-compose.yml: SMTP 3025, IMAP 3143, the caught-mail page on 8025.
FROM eclipse-temurin:17-jre AS devmail
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10002 --home-dir /devmail devmail \
    && mkdir -p /devmail
COPY --from=build /devmail.jar /devmail/devmail.jar
USER devmail
EXPOSE 3025 3143 8025
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=20 \
    CMD curl -fsS http://127.0.0.1:8025/health | grep -q UP || exit 1
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xmx96m", "-jar", "/devmail/devmail.jar"]

# ticketdesk itself: the image docker compose and a plain docker build make
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app ticketdesk \
    && mkdir -p /app/data && chown -R ticketdesk /app
WORKDIR /app
COPY --from=build /ticketdesk.jar /app/ticketdesk.jar
USER ticketdesk
# Class data sharing: one training start (embedded H2, nothing configured) records the classes the
# service loads, which roughly halves start-up (see BENCHMARKS.md). It must be made by this image's own
# JVM; if it cannot be made, -Xshare:auto simply starts without it.
RUN (MICRONAUT_SERVER_PORT=18080 java -XX:ArchiveClassesAtExit=/app/ticketdesk.jsa -jar /app/ticketdesk.jar \
        > /tmp/training.log 2>&1 & echo $! > /tmp/training.pid) \
    && for i in $(seq 1 120); do curl -fsS http://127.0.0.1:18080/health >/dev/null 2>&1 && break; sleep 1; done; \
    kill "$(cat /tmp/training.pid)"; \
    for i in $(seq 1 60); do kill -0 "$(cat /tmp/training.pid)" 2>/dev/null || break; sleep 1; done; \
    rm -rf /app/data /tmp/training.pid /tmp/training.log
ENV MICRONAUT_SERVER_PORT=8080 \
    JAVA_OPTS="-XX:SharedArchiveFile=/app/ticketdesk.jsa -Xshare:auto -XX:+UseSerialGC -Xmx128m -Xmn32m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8080/health | grep -q '"UP"' || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/ticketdesk.jar"]
