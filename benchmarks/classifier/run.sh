#!/usr/bin/env bash
# Builds and runs the classifier benchmarks (see README.md); results land in benchmarks/classifier/target/.
# Extra arguments go to JMH, e.g.  benchmarks/classifier/run.sh 'MatchingBenchmark' -p topics=10000
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q package -pl benchmarks/classifier -am -DskipTests
jar=benchmarks/classifier/target/benchmarks.jar
out=benchmarks/classifier/target
java -jar "$jar" -rf json -rff "$out/jmh-result.json" "$@" | tee "$out/jmh.txt"
if [ $# -eq 0 ]; then
  # heap and resident memory at 100,000 topics, in a JVM of its own
  java -Xmx2g -cp "$jar" io.alertwire.classifier.matching.MemoryFootprint 100000 | tee "$out/footprint.txt"
fi
