#!/bin/sh
# Lays SCIM Pilot out for a fast start, as the container image runs it:
#   - the jar extracted (Spring Boot's own layout: the application jar plus lib/), which starts faster than the
#     nested jars of the executable jar;
#   - a class data sharing (CDS) archive of the classes a start-up loads, from a training start that stops as soon
#     as the application context is ready (-Dspring.context.exit=onRefresh; it makes no Graph, NinjaOne or Teams call).
# The archive fits only the JVM build that wrote it and the files it was written for: run this where the image's
# JVM is, with the files at their final path. A JVM that cannot use the archive starts without it, only slower.
#
#   deploy/cds-archive.sh target/scim-pilot-0.1.0-SNAPSHOT.jar /app
#   java -XX:SharedArchiveFile=/app/scim-pilot.jsa -jar /app/scim-pilot.jar
set -eu
if [ $# -ne 2 ]; then
  echo "usage: $0 <scim-pilot jar> <target folder>" >&2
  exit 2
fi
jar=$1
out=$2
java=${JAVA:-java}
unset JAVA_TOOL_OPTIONS # the image's heap flags are for running, not for these steps
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >"$work/extract.log" 2>&1 \
  || { cat "$work/extract.log" >&2; exit 1; }
mkdir -p "$out"
rm -rf "$out/lib" "$out/scim-pilot.jar" "$out/scim-pilot.jsa"
mv "$work/app/lib" "$out/lib"
mv "$work/app/"*.jar "$out/scim-pilot.jar"

# Training start on a throw-away embedded database.
"$java" -XX:DumpLoadedClassList="$work/classes.lst" -Dspring.context.exit=onRefresh -jar "$out/scim-pilot.jar" \
  --scimpilot.data-dir="$work/data" --spring.main.banner-mode=off >"$work/training.log" 2>&1 \
  || { tail -40 "$work/training.log" >&2; exit 1; }
# Without the lambda-proxy entries: archiving those crashes some JDK 17 builds (Debian's 17.0.15, in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary); the classes themselves are what saves the time.
grep -v '^@lambda' "$work/classes.lst" >"$work/classes-without-lambdas.lst"
"$java" -Xshare:dump -XX:SharedClassListFile="$work/classes-without-lambdas.lst" \
  -XX:SharedArchiveFile="$out/scim-pilot.jsa" -jar "$out/scim-pilot.jar" >"$work/dump.log" 2>&1 \
  || { tail -40 "$work/dump.log" >&2; exit 1; }
echo "cds-archive: $out/scim-pilot.jar + $(ls "$out/lib" | wc -l) jars in $out/lib, CDS archive $out/scim-pilot.jsa ($(du -m "$out/scim-pilot.jsa" | cut -f1) MB)"
