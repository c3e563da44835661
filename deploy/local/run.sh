#!/usr/bin/env bash
# Runs Alertwire on this machine with only a JDK 17: Kafka, PostgreSQL, an SMTP sink and the three
# services, in the foreground until Ctrl-C. Builds what is missing first.
#   deploy/local/run.sh           watch a default list of real news sources about Korea
#   deploy/local/run.sh --demo    also serve sample feeds on loopback and subscribe a demo webhook and mailbox
# Settings (ports, folders) are environment variables: see deploy/local/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

missing=()
for service in fetch classifier notifier; do
  [[ -f "services/$service/target/quarkus-app/quarkus-run.jar" ]] || missing+=("services/$service")
done
[[ -f deploy/local/target/alertwire-local.jar ]] || missing+=("deploy/local")

if (( ${#missing[@]} > 0 )); then
  echo "Building Alertwire (missing: ${missing[*]}); the first build downloads dependencies and takes a few minutes..."
  ./mvnw -B -q install -DskipTests
fi

exec java -Dalertwire.root="$root" -jar deploy/local/target/alertwire-local.jar "$@"
