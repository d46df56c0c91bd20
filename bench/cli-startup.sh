#!/bin/sh
# cli-startup.sh - the start-up benchmark of supvisorsctl (docs/benchmarks.md): wall time of one-shot commands
# (supvisorsctl sstatus with and without its class archive, sversion, and Supervisor's supervisorctl status for
# reference) against one instance of the reference workload. Prints a Markdown table on stdout, progress on stderr.
# Builds first (mvn -q -DskipTests package); --no-build skips it. Other options: see --help.
# Needs Debian's supervisord (and supervisorctl for the reference row) on the PATH, and java 17.
exec "$(dirname "$(readlink -f "$0")")/bench-command.sh" org.supvisors.bench.cli.CliStartupBench "$@"
