#!/bin/sh
# bench-command.sh - runs one benchmark command of bench/target (used by xmlrpc-bench.sh, cluster-bench.sh and
# commander-bench.sh).
# usage: bench-command.sh MAIN_CLASS [--no-build] [options of the command]
# Builds first (mvn -q -DskipTests package at the root); --no-build skips it. The command gets the distribution
# (dist/target/supvisors) and the reference workload ($SUPVISORS_WORKLOAD, default ../shared/workload).
set -e
main=$1; shift
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)
cd "$root"
if [ "$1" = "--no-build" ]; then shift; else mvn -q -DskipTests package >&2; fi
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
jar=$(ls bench/target/supvisors-bench-*.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ]; then echo "bench: bench/target/supvisors-bench-*.jar missing: build first" >&2; exit 2; fi
exec "$java" -cp "$jar:bench/target/lib/*" "$main" \
  --distribution dist/target/supvisors --workload "${SUPVISORS_WORKLOAD:-$root/../shared/workload}" "$@"
