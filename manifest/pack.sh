#!/usr/bin/env bash
# Builds the Teams app package: manifest.json with the bot's real app id, and the two icons, at the root of a zip.
# Usage: manifest/pack.sh <MicrosoftAppId> [output.zip]   (default output: manifest/briefbot-teams.zip)
# Needs node (and `npm ci` in manifest/validate) to validate the result, and zip or python3 to pack it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id="${1:-}"
out="$(realpath -m "${2:-$here/briefbot-teams.zip}")"
if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]]; then
  echo "usage: $0 <MicrosoftAppId (a GUID)> [output.zip]" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/color.png" "$here/outline.png" "$work/"
APP_ID="$app_id" node -e '
  const fs = require("fs");
  const manifest = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  manifest.id = process.env.APP_ID;
  manifest.bots.forEach((bot) => { bot.botId = process.env.APP_ID; });
  fs.writeFileSync(process.argv[2], JSON.stringify(manifest, null, 2) + "\n");
' "$here/manifest.json" "$work/manifest.json"
node "$here/validate/validate.js" "$work/manifest.json"

rm -f "$out"
if command -v zip > /dev/null; then
  (cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
else
  (cd "$work" && python3 -m zipfile -c "$out" manifest.json color.png outline.png)
fi
echo "Wrote $out"
