#!/usr/bin/env bash
# One-shot setup of the compose stack's Kafka, run as the super user admin by the kafka-setup service: a SCRAM-SHA-512
# user for every principal of acls.conf (password from <PRINCIPAL>_KAFKA_PASSWORD), the catalog's topics with their
# dead-letter topics, and the ACLs of acls.conf. Safe to run again: it upserts users, creates only missing topics and
# re-adds ACLs (adding an existing ACL changes nothing). It never removes anything; see README for revoking.
set -euo pipefail
set -f # acls.conf names the wildcard resource '*'

KAFKA_HOME="${KAFKA_HOME:-/opt/kafka}"
ACLS_FILE="${ACLS_FILE:-$(dirname "$0")/acls.conf}"
: "${BOOTSTRAP_SERVERS:?BOOTSTRAP_SERVERS must be set}"
: "${ADMIN_KAFKA_PASSWORD:?ADMIN_KAFKA_PASSWORD must be set}"

# The topic catalog (schemas/.../Topics.java; ComposeFileTest keeps the two equal). Each also gets <topic>-dlt.
TOPICS=(draft-order-requests draft-order-events cart-commands cart-events payment-commands payment-events order-commands order-events)
PARTITIONS=6
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"

CONFIG="$(mktemp)"
trap 'rm -f "$CONFIG"' EXIT
cat > "$CONFIG" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ADMIN_KAFKA_PASSWORD}";
PROPERTIES

as_admin() {
  local tool="$1"
  shift
  "$KAFKA_HOME/bin/$tool" --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$CONFIG" "$@" < /dev/null
}

grants() {
  grep -Ev '^[[:space:]]*(#|$)' "$ACLS_FILE"
}

echo "===> SCRAM-SHA-512 users"
for principal in $(grants | awk '{ print $1 }' | sort -u); do
  variable="$(tr 'a-z-' 'A-Z_' <<< "$principal")_KAFKA_PASSWORD"
  password="${!variable:-}"
  if [[ -z "$password" ]]; then
    echo "$variable is not set (password of principal $principal)" >&2
    exit 1
  fi
  as_admin kafka-configs.sh --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=${password}]"
done

echo "===> Topics"
existing="$(as_admin kafka-topics.sh --list)"
for topic in "${TOPICS[@]}"; do
  for name in "$topic" "$topic-dlt"; do
    if ! grep -qx -- "$name" <<< "$existing"; then
      as_admin kafka-topics.sh --create --if-not-exists --topic "$name" \
        --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR"
    fi
  done
done

echo "===> ACLs"
while read -r principal operations type pattern names; do
  args=(--add --allow-principal "User:$principal" --resource-pattern-type "$pattern")
  for operation in ${operations//,/ }; do
    args+=(--operation "$operation")
  done
  for name in $names; do
    case "$type" in
      topic) args+=(--topic "$name") ;;
      group) args+=(--group "$name") ;;
      cluster) args+=(--cluster) ;;
      *) echo "unknown resource type $type in $ACLS_FILE" >&2; exit 1 ;;
    esac
  done
  as_admin kafka-acls.sh "${args[@]}" > /dev/null
  echo "User:$principal $operations $type ($pattern) $names"
done < <(grants)
echo "===> Kafka is set up"
