#!/bin/sh
# Runs every test: unit tests, then integration tests against real supervisord instances.
set -e
cd "$(dirname "$0")"
. ./.ci/prerequisites.sh
need_supervisor
need_java_maven
exec mvn -B verify "$@"
