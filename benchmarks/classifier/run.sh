#!/usr/bin/env bash
# Re-runs the classifier benchmarks (see README.md): about 20 minutes on an idle 2-core machine,
# much of it registering 100,000 topics (in 4 JMH forks, CpuCost and MemoryFootprint).
# Results land in benchmarks/classifier/target/: jmh-*.txt and .json, cpu-cost.txt, footprint.txt.
# One fork per JMH benchmark and short iterations (the annotations ask for more) to fit the time;
# CpuCost, in a JVM of its own, is the figure that does not depend on how idle the machine is.
# Registration time at 100,000 topics comes from MemoryFootprint (RegistrationBenchmark, which
# repeats it in three forks, is left out to save time).
# With arguments, only JMH runs, with those arguments, e.g.
#   benchmarks/classifier/run.sh MatchingBenchmark -p topics=10000 -p articles=feed
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q package -pl benchmarks/classifier -am -DskipTests
jar=benchmarks/classifier/target/benchmarks.jar
out=benchmarks/classifier/target
if [ $# -gt 0 ]; then
  java -jar "$jar" -rf json -rff "$out/jmh-result.json" "$@" | tee "$out/jmh.txt"
  exit
fi
{ date -u; uptime; } | tee "$out/machine.txt"
jmh() {
  local name=$1
  shift
  java -jar "$jar" "$name" -f 1 -rf json -rff "$out/jmh-$name.json" "$@" | tee "$out/jmh-$name.txt"
}
# articles/s at 100, 10,000 and 100,000 topics, 1 and 2 threads, feed items and long articles
# (12 forks of 25 s each, plus registering the topics in each: ~10 min)
jmh MatchingBenchmark -wi 3 -w 5 -i 2 -r 5
# the floor: analysis only, no query (~2 min)
jmh AnalysisOnlyBenchmark -wi 3 -w 5 -i 2 -r 5
# every query run on every article, at 100 and 10,000 topics (~2 min)
jmh BruteForceBenchmark -wi 2 -w 5 -i 2 -r 5
# CPU milliseconds per article on one thread, analysis only then 100, 10,000, 100,000 topics (~4 min)
java -Xmx2g -cp "$jar" io.alertwire.classifier.matching.CpuCost 8 | tee "$out/cpu-cost.txt"
# registration time, heap and resident memory at 100,000 topics, in a JVM of its own (~2 min)
java -Xmx2g -cp "$jar" io.alertwire.classifier.matching.MemoryFootprint 100000 | tee "$out/footprint.txt"
{ date -u; uptime; } | tee -a "$out/machine.txt"
