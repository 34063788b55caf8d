#!/usr/bin/env bash
# Makes the committed test documents from the sources in this folder with real producers (see ../PROVENANCE.md).
# Needs Debian's pandoc, libreoffice-writer-nogui, libreoffice-calc-nogui, hyphen-en-us, qpdf, zip and
# python3. The tests read the committed outputs and need none of these.
set -euo pipefail
cd "$(dirname "$0")"
out=..
profile=$(mktemp -d)
lo() { soffice -env:UserInstallation=file://"$profile" --headless "$@" >/dev/null 2>&1; }

pandoc --from markdown --to docx -o "$out/handbook.docx" handbook.md
pandoc --from markdown --to pptx -o "$out/deck.pptx" deck.md
lo --convert-to pdf --outdir "$out" "$out/handbook.docx"
lo --convert-to pdf --outdir "$out" procedures.fodt
lo --convert-to xlsx --outdir "$out" budget.csv
cp handbook.md budget.csv "$out/"
cp /usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf "$out/shared-mime-info-spec.pdf"
python3 message.py > "$out/message.eml"
(cd "$out" && rm -f bundle.zip && zip -q -X bundle.zip handbook.md budget.csv)

# Bad files: a page with no text layer, a password-protected PDF, truncated PDF, Word and Excel files.
lo --convert-to pdf --outdir "$profile" ../../../../manifest/color.png && mv "$profile/color.pdf" "$out/bad/scanned.pdf"
qpdf --encrypt secret secret 256 -- "$out/handbook.pdf" "$out/bad/locked.pdf"
head -c 6000 "$out/handbook.pdf" > "$out/bad/truncated.pdf"
head -c 4000 "$out/handbook.docx" > "$out/bad/truncated.docx"
head -c 3000 "$out/budget.xlsx" > "$out/bad/truncated.xlsx"
rm -rf "$profile"
