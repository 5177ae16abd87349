#!/bin/sh
# Starts SCIM Pilot; adds the Application Insights agent only when a connection string is configured.
set -e
if [ -n "${APPLICATIONINSIGHTS_CONNECTION_STRING:-}" ] && [ -f /app/applicationinsights-agent.jar ]; then
  set -- -javaagent:/app/applicationinsights-agent.jar "$@"
fi
# The class data sharing archive written at image build (deploy/cds-archive.sh); a JVM that cannot use it ignores it.
if [ -f /app/scim-pilot.jsa ]; then
  set -- "$@" -XX:SharedArchiveFile=/app/scim-pilot.jsa
fi
exec java "$@" -jar /app/scim-pilot.jar
