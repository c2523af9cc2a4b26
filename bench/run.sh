#!/usr/bin/env bash
# The benchmark of issue 8 (BENCHMARKS.md): builds what it needs, then starts an embedded
# PostgreSQL and both services in one JVM and prints RESULT / RATIO lines on stdout (progress on
# stderr).
#   bench/run.sh            the full run (1,000 commitments, 10,000-event stream, 1,000,000-event replay)
#   bench/run.sh --quick    the same workloads, smaller, warmed up until stable, in under five minutes on two cores
#   bench/run.sh --only=detail_read,replay   some of: append lag long_stream replay detail_read stream_fanout verify_all feed_catchup kafka
#   bench/run.sh --durable  any of the above on a PostgreSQL with fsync and synchronous_commit on
# BENCH_LOG_CONTROL=on: a control run, the second system of the log-cost pair keeps the log too.
# BENCH_JAVA_OPTS adds JVM options, e.g. a profile of the run:
#   BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=bench.jfr,settings=profile' bench/run.sh --quick
# BENCH_JAVA runs the benchmark on another JVM than the one on the PATH, e.g. the issue-19 trial:
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java BENCH_JAVA_OPTS=-Dspring.threads.virtual.enabled=true bench/run.sh --quick
set -euo pipefail
cd "$(dirname "$0")/.."
export AXONIQ_UPDATE_CHECKER_DISABLED=true

build() {
    ./mvnw -q "$@" -pl bench -am package -DskipTests -Dmaven.javadoc.skip=true
}
# Offline first (a machine that has built once has everything); online when something is missing.
build -o >/dev/null 2>&1 || build

# G1's pause goal as the services' images set it (Dockerfile): 20 ms instead of 200.
exec "${BENCH_JAVA:-java}" -Xms1g -Xmx2g -XX:MaxGCPauseMillis=20 -Daxoniq.update-checker.disabled=true -Ddisable-axoniq-console-message=true \
    ${BENCH_JAVA_OPTS:-} \
    -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
    org.commitmenttracker.bench.Bench "$@"
