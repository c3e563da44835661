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
  # only the three services and this launcher (with what they need), without running tests
  ./mvnw -B -q package -DskipTests -pl services/fetch,services/classifier,services/notifier,deploy/local -am
fi

exec java -Dalertwire.root="$root" -jar deploy/local/target/alertwire-local.jar "$@"
