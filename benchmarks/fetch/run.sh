#!/usr/bin/env bash
# Load test of fetch-service (see docs/benchmarks.md, "## Fetch"): 10,000 loopback feeds, the packaged
# service with an embedded PostgreSQL and an in-JVM Kafka broker. Takes about 6 minutes; builds what is
# missing first. Settings (environment): BENCH_SOURCES (10000), BENCH_HOSTS (100), BENCH_ROUNDS (3),
# BENCH_STEADY_SECONDS (90), BENCH_CHANGES_PER_SECOND (2), FETCH_JAVA_OPTS (JVM options of the service);
# ALERTWIRE_FETCH_* variables are passed on to the service.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if [[ ! -f services/fetch/target/quarkus-app/quarkus-run.jar || ! -f benchmarks/fetch/target/alertwire-benchmark-fetch.jar ]]; then
  ./mvnw -B -q package -DskipTests -pl services/fetch,benchmarks/fetch -am
fi

exec java -Dalertwire.root="$root" -jar benchmarks/fetch/target/alertwire-benchmark-fetch.jar
