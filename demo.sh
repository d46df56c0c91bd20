#!/bin/sh
# Builds the distribution and starts the demo: a local Supvisors on an embedded configuration.
set -e
cd "$(dirname "$0")"
. ./.ci/prerequisites.sh
need_supervisor
need_java_maven
echo "Building the distribution (mvn -q -DskipTests package)..."
mvn -q -B -DskipTests package
exec dist/target/supvisors/bin/supvisors-demo "$@"
