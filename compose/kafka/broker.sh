#!/usr/bin/env bash
# Entrypoint of the compose stack's Kafka broker (apache/kafka image). Kafka keeps SCRAM credentials in its KRaft
# metadata, so the first user must exist before the broker starts: on the very first start this formats the log
# directory with the bootstrap super user `admin` (kafka-storage.sh format --add-scram), from the same
# KAFKA_* -> server.properties mapping the image applies. Then it hands over to the image's own start script, whose
# format step finds the directory formatted and goes on. Every other principal, the topics and the ACLs are made by
# the one-shot kafka-setup service (setup.sh) as `admin`.
set -euo pipefail

KAFKA_HOME="${KAFKA_HOME:-/opt/kafka}"
: "${CLUSTER_ID:?CLUSTER_ID must be set}"
: "${KAFKA_LOG_DIRS:?KAFKA_LOG_DIRS must be set}"
: "${ADMIN_KAFKA_PASSWORD:?ADMIN_KAFKA_PASSWORD must be set}"
WORK_DIR="${BROKER_WORK_DIR:-/tmp}"

# The admin's client settings, for the health check and for `docker compose exec kafka` sessions.
umask 077
cat > "$WORK_DIR/admin-client.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ADMIN_KAFKA_PASSWORD}";
PROPERTIES

# KAFKA_FOO_BAR -> foo.bar, ___ -> '-', __ -> '_' (kafka.docker.KafkaDockerWrapper, same exclusions). Bash only:
# the image is Alpine with BusyBox tools.
server_properties() {
  local name key
  for name in $(compgen -e); do
    case "$name" in
      KAFKA_VERSION | KAFKA_HEAP_OPTS | KAFKA_LOG4J_OPTS | KAFKA_OPTS | KAFKA_JMX_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | \
        KAFKA_GC_LOG_OPTS | KAFKA_LOG4J_ROOT_LOGLEVEL | KAFKA_LOG4J_LOGGERS | KAFKA_TOOLS_LOG4J_LOGLEVEL | \
        KAFKA_JMX_HOSTNAME) continue ;;
      KAFKA_*) ;;
      *) continue ;;
    esac
    key="${name#KAFKA_}"
    key="${key,,}"
    key="${key//_/.}"
    key="${key//.../-}"
    key="${key//../_}"
    printf '%s=%s\n' "$key" "${!name}"
  done
}

if [[ ! -f "$KAFKA_LOG_DIRS/meta.properties" ]]; then
  echo "===> First start: formatting $KAFKA_LOG_DIRS with the SCRAM-SHA-512 user admin"
  server_properties > "$WORK_DIR/format.properties"
  "$KAFKA_HOME/bin/kafka-storage.sh" format \
    --cluster-id "$CLUSTER_ID" \
    --config "$WORK_DIR/format.properties" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=${ADMIN_KAFKA_PASSWORD}]"
  rm -f "$WORK_DIR/format.properties"
fi
umask 022

exec "${BROKER_RUN:-/etc/kafka/docker/run}" "$@"
