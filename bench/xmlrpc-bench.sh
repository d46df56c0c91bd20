#!/bin/sh
# xmlrpc-bench.sh - the XML-RPC benchmark of the agent (docs/benchmarks.md): latency and calls/s of
# get_supvisors_state and get_all_process_info on the reference workload (61 and 300 processes), one sequential
# client on one keep-alive connection, and the agent's RSS. Prints Markdown tables on stdout, progress on stderr.
# Builds first (mvn -q -DskipTests package); --no-build skips it. Other options: see --help.
# Needs Debian's supervisord on the PATH, java 17, and python3 for the ordinary-client column.
exec "$(dirname "$(readlink -f "$0")")/bench-command.sh" org.supvisors.bench.xmlrpc.XmlRpcBench "$@"
