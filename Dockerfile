# The one Stellar image; STELLAR_ROLES decides whether a container serves the web edge, runs workers, or both.
# Build the jar first: ./mvnw -DskipTests package
FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/stellar stellar && mkdir -p /var/lib/stellar && chown stellar /var/lib/stellar
USER stellar
WORKDIR /var/lib/stellar
COPY ui/target/stellar.jar /opt/stellar/stellar.jar
ENV STELLAR_DATA_DIR=/var/lib/stellar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/stellar/stellar.jar"]
