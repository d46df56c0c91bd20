#!/bin/sh
# stats-cost.sh - the cost of the statistics (docs/benchmarks.md): on the reference workload with 3 supervisord on
# loopback (61 processes each, rules.xml, then bulk started), the CPU each agent uses over a 60 s window, and its
# collector thread's share, from /proc, with statistics off, then on with a collecting period of 10 s and of 1 s
# (a fresh cluster each; --runs N repeats the scenarios in turn), and the agents' resident memory. Prints Markdown
# tables on stdout, progress on stderr.
# Builds first (mvn -q -DskipTests package); --no-build skips it. Other options: see --help.
# Needs Debian's supervisord on the PATH and java 17.
exec "$(dirname "$(readlink -f "$0")")/bench-command.sh" org.supvisors.bench.stats.StatsCostBench "$@"
