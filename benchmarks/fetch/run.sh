#!/usr/bin/env bash
# Load test of fetch-service (see docs/benchmarks.md, "## Fetch"): 10,000 loopback feeds, the packaged service
# with an embedded PostgreSQL and an in-JVM Kafka broker. Takes about 10 minutes on 2 cores, after building the
# service and the harness from this checkout (so a stale jar is never measured; BENCH_SKIP_BUILD=1 skips that).
# The service runs with its container image's JVM options and environment (quarkus.jib.* in its
# application.properties) unless FETCH_JAVA_OPTS is set. Settings (environment): BENCH_SOURCES (10000),
# BENCH_HOSTS (100), BENCH_ROUNDS (3), BENCH_STEADY_SECONDS (90), BENCH_CHANGES_PER_SECOND (2), BENCH_FETCH_APP
# (another build's quarkus-app folder, for a side-by-side baseline); ALERTWIRE_FETCH_* variables are passed on
# to the service.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  ./mvnw -B -q package -DskipTests -pl services/fetch,benchmarks/fetch -am
fi

exec java -Dalertwire.root="$root" -jar benchmarks/fetch/target/alertwire-benchmark-fetch.jar
