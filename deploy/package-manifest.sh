#!/usr/bin/env bash
# Builds the Teams app package to upload in Teams admin center (Manage apps > Upload new app):
#   target/teams-app/scim-pilot.zip = manifest.json (placeholders filled) + color.png + outline.png
# The filled manifest is validated offline against the official schema of its manifestVersion (bundled in
# npm @microsoft/app-manifest, pinned in src/test/node/package-lock.json) before anything is zipped.
#
# Values come from the environment, else from an env file (default deploy/.env; ENV_FILE=... to choose):
#   BOT_APP_ID      Azure Bot / bot app registration client id (GUID). Falls back to MicrosoftAppId.   required
#   BOT_DOMAIN      host name the bot is reached at, no scheme (e.g. scimpilot.contoso-msp.ch)        required
#   PUBLISHER_NAME  your company, shown in Teams as the developer                                       required
#   TEAMS_APP_ID    the Teams app id (GUID); default BOT_APP_ID
#   APP_VERSION     manifest version, x.y.z; default 1.0.0 (raise it for every upload of a changed package)
#   PUBLISHER_URL   https URL; default https://BOT_DOMAIN/
#   PRIVACY_URL / TERMS_URL   https URLs; default PUBLISHER_URL
#   OUT_DIR         default target/teams-app (relative to the repository root)
#
#   BOT_APP_ID=... BOT_DOMAIN=... PUBLISHER_NAME="Contoso MSP" deploy/package-manifest.sh
set -euo pipefail
cd "$(dirname "$0")/.."

env_file="${ENV_FILE:-deploy/.env}"
if [[ -f "$env_file" ]]; then
  # KEY=VALUE lines only (no shell evaluation); the environment wins over the file.
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]]; then
      key="${BASH_REMATCH[2]}"
      value="${BASH_REMATCH[3]}"
      value="${value%$'\r'}"
      if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then value="${BASH_REMATCH[1]}"; fi
      if [[ -z "${!key+x}" ]]; then export "$key=$value"; fi
    fi
  done < "$env_file"
fi

fail() { echo "package-manifest: $*" >&2; exit 1; }
guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'

export BOT_APP_ID="${BOT_APP_ID:-${MicrosoftAppId:-}}"
[[ "$BOT_APP_ID" =~ $guid ]] || fail "BOT_APP_ID (or MicrosoftAppId) must be the bot's app id, a GUID; got '${BOT_APP_ID}'"
export TEAMS_APP_ID="${TEAMS_APP_ID:-$BOT_APP_ID}"
[[ "$TEAMS_APP_ID" =~ $guid ]] || fail "TEAMS_APP_ID must be a GUID; got '${TEAMS_APP_ID}'"
BOT_DOMAIN="${BOT_DOMAIN:-}"
BOT_DOMAIN="${BOT_DOMAIN#https://}"; BOT_DOMAIN="${BOT_DOMAIN%%/*}"
export BOT_DOMAIN
[[ "$BOT_DOMAIN" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ && "$BOT_DOMAIN" == *.* ]] \
  || fail "BOT_DOMAIN must be the bot's host name (e.g. scimpilot.contoso-msp.ch); got '${BOT_DOMAIN}'"
[[ -n "${PUBLISHER_NAME:-}" ]] || fail "PUBLISHER_NAME is required (your company, shown as the app's developer)"
export PUBLISHER_NAME
export APP_VERSION="${APP_VERSION:-1.0.0}"
[[ "$APP_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "APP_VERSION must be x.y.z; got '${APP_VERSION}'"
export PUBLISHER_URL="${PUBLISHER_URL:-https://${BOT_DOMAIN}/}"
export PRIVACY_URL="${PRIVACY_URL:-$PUBLISHER_URL}"
export TERMS_URL="${TERMS_URL:-$PUBLISHER_URL}"

command -v node >/dev/null 2>&1 || fail "Node.js 20 is needed to validate the manifest (https://nodejs.org)"
if [[ ! -d src/test/node/node_modules/@microsoft/app-manifest || ! -d src/test/node/node_modules/ajv-draft-04 ]]; then
  echo "package-manifest: installing the pinned validator packages (npm ci --prefix src/test/node)"
  npm ci --prefix src/test/node --no-audit --no-fund --loglevel=error
fi

out="${OUT_DIR:-target/teams-app}"
pkg="$out/package"
rm -rf "$pkg"
mkdir -p "$pkg"

# Fill ${NAME} placeholders with JSON-escaped values; any other ${...} is left and then fails validation.
node -e '
  const fs = require("fs");
  const names = ["BOT_APP_ID", "TEAMS_APP_ID", "BOT_DOMAIN", "APP_VERSION", "PUBLISHER_NAME", "PUBLISHER_URL", "PRIVACY_URL", "TERMS_URL"];
  let text = fs.readFileSync(process.argv[1], "utf8");
  for (const n of names) {
    text = text.split("${" + n + "}").join(JSON.stringify(process.env[n]).slice(1, -1));
  }
  JSON.parse(text);
  fs.writeFileSync(process.argv[2], text);
' manifest/manifest.json "$pkg/manifest.json"
cp manifest/color.png manifest/outline.png "$pkg/"

if ! node src/test/node/validate-manifest.js "$pkg/manifest.json" > "$out/validation.json"; then
  cat "$out/validation.json" >&2
  fail "the filled manifest is not valid; nothing was zipped"
fi

zip_file="$out/scim-pilot.zip"
rm -f "$zip_file"
if command -v zip >/dev/null 2>&1; then
  zip -q -X -j "$zip_file" "$pkg/manifest.json" "$pkg/color.png" "$pkg/outline.png"
else
  # the JDK's jar tool writes a plain zip with M (no META-INF)
  jar cfM "$zip_file" -C "$pkg" manifest.json -C "$pkg" color.png -C "$pkg" outline.png
fi
json_field() { node -e 'const v = require(require("path").resolve(process.argv[1]))[process.argv[2]]; console.log(v)' "$1" "$2"; }
echo "package-manifest: $zip_file (manifest $(json_field "$pkg/manifest.json" manifestVersion) for bot $BOT_APP_ID at $BOT_DOMAIN, version $APP_VERSION), validated against $(json_field "$out/validation.json" schema)"
