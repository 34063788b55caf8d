#!/usr/bin/env bash
# Converts a folder of Markdown pages to Word (pandoc) and the Word files to PDF (LibreOffice headless), keeping each
# file's relative path with the new extension, for answering the same questions from three formats (docs/quality.md).
# Needs Debian's pandoc and libreoffice-writer-nogui.
#   scripts/convert-docs-corpus.sh SOURCE_DIR DOCX_DIR PDF_DIR
set -euo pipefail
filter=$(realpath "$(dirname "$0")/offline-images.lua")
src=$(realpath "$1"); docx=$(realpath -m "$2"); pdf=$(realpath -m "$3")
rm -rf "$docx" "$pdf"
mkdir -p "$docx" "$pdf"
cd "$src"
find . -name '*.md' -print0 | sort -z | while IFS= read -r -d '' page; do
  rel=${page#./}
  mkdir -p "$docx/$(dirname "$rel")"
  # Two steps: pandoc fetches images before filters run, so images on the web first become their description
  # (offline-images.lua), and only then is the page written as Word; nothing is fetched over the network.
  (cd "$(dirname "$rel")" && pandoc --from markdown --to json --lua-filter "$filter" "$(basename "$rel")" \
    | pandoc --from json --to docx -o "$docx/${rel%.md}.docx")
done
# One LibreOffice run per folder: --outdir is flat, so each folder's files go to theirs.
profile=$(mktemp -d)
(cd "$docx" && find . -type d -print0) | sort -z | while IFS= read -r -d '' dir; do
  shopt -s nullglob
  files=("$docx/$dir"/*.docx)
  [ ${#files[@]} -eq 0 ] && continue
  mkdir -p "$pdf/$dir"
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$pdf/$dir" "${files[@]}" >/dev/null
done
rm -rf "$profile"
echo "$(find "$docx" -name '*.docx' | wc -l) docx, $(find "$pdf" -name '*.pdf' | wc -l) pdf"
