#!/bin/sh
# events-bench.sh - the event interface benchmark (docs/benchmarks.md): latency from supervisor.startProcess to the
# STARTING event at a subscriber (process on the subscriber's instance and on another one), and events/s to 100
# subscribers, on two instances on loopback. Prints Markdown tables on stdout, progress on stderr.
# Builds first (mvn -q -DskipTests package); --no-build skips it. Other options: see --help.
# Needs Debian's supervisord on the PATH and java 17.
set -e
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)
cd "$root"
if [ "$1" = "--no-build" ]; then shift; else mvn -q -DskipTests package >&2; fi
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
jar=$(ls bench/target/supvisors-bench-*.jar 2>/dev/null | grep -v tests | head -n 1)
if [ -z "$jar" ]; then echo "events-bench.sh: bench/target/supvisors-bench-*.jar missing: build first" >&2; exit 2; fi
exec "$java" -cp "$jar:bench/target/lib/*" \
  org.supvisors.bench.events.EventBench --distribution dist/target/supvisors "$@"
