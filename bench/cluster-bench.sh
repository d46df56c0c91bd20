#!/bin/sh
# cluster-bench.sh - the cluster benchmark of the agents (docs/benchmarks.md): on the reference workload with 3
# supervisord on loopback, launch -> DISTRIBUTION and OPERATION on all three, then kill -9 of a non-Master's and of
# the Master's supervisord -> seen FAILED, one Master in OPERATION again, failed queries of a 50 ms poller; a fresh
# cluster per run. Prints Markdown tables on stdout, progress and what the survivors saw on stderr.
# Builds first (mvn -q -DskipTests package); --no-build skips it. Other options: see --help.
# Needs Debian's supervisord on the PATH and java 17.
exec "$(dirname "$(readlink -f "$0")")/bench-command.sh" org.supvisors.bench.cluster.ClusterBench "$@"
