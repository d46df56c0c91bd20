#!/bin/sh
# commander-bench.sh - the commander benchmark of the agents (docs/benchmarks.md): on the reference workload with 3
# supervisord on loopback, start_application('LESS_LOADED', 'bulk', True) of the 50 bulk workers with startsecs 1
# and 0 (time, spread) and stop_application('bulk', True); then kill -9 of the instance running sentinel:guardian
# (a non-Master, the Master) -> guardian RUNNING elsewhere. Prints Markdown tables on stdout, progress on stderr.
# Builds first (mvn -q -DskipTests package); --no-build skips it. Other options: see --help.
# Needs Debian's supervisord on the PATH and java 17.
exec "$(dirname "$(readlink -f "$0")")/bench-command.sh" org.supvisors.bench.commander.CommanderBench "$@"
