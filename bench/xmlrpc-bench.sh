#!/bin/sh
# xmlrpc-bench.sh - the XML-RPC benchmark of the agent (docs/benchmarks.md): latency and calls/s of
# get_supvisors_state and get_all_process_info on the reference workload (61 and 300 processes), one sequential
# client on one keep-alive connection, and the agent's RSS. Prints Markdown tables on stdout, progress on stderr.
# Builds first (mvn -q -DskipTests package); --no-build skips it. Other options: see --help.
# Needs Debian's supervisord on the PATH, java 17, and python3 for the ordinary-client column.
set -e
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)
cd "$root"
if [ "$1" = "--no-build" ]; then shift; else mvn -q -DskipTests package >&2; fi
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
jar=$(ls bench/target/supvisors-bench-*.jar 2>/dev/null | head -n 1)
if [ -z "$jar" ]; then echo "xmlrpc-bench.sh: bench/target/supvisors-bench-*.jar missing: build first" >&2; exit 2; fi
exec "$java" -cp "$jar:bench/target/lib/*" org.supvisors.bench.xmlrpc.XmlRpcBench \
  --distribution dist/target/supvisors --workload "${SUPVISORS_WORKLOAD:-$root/../shared/workload}" "$@"
