#!/bin/sh
# Starts SCIM Pilot; adds the Application Insights agent only when a connection string is configured.
set -e
if [ -n "${APPLICATIONINSIGHTS_CONNECTION_STRING:-}" ] && [ -f /app/applicationinsights-agent.jar ]; then
  set -- -javaagent:/app/applicationinsights-agent.jar "$@"
fi
exec java "$@" -jar /app/scim-pilot.jar
