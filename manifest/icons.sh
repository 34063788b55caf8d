#!/usr/bin/env bash
# Draws the Teams icons with ImageMagick: color.png (192x192, full colour) and outline.png (32x32, white on transparent).
# The PNGs are committed; run this only to change them.
set -euo pipefail
cd "$(dirname "$0")"
convert -size 192x192 xc:'#2B5797' \
  -fill white -draw 'roundrectangle 36,44 156,124 16,16' -draw 'polygon 60,120 60,152 92,120' \
  -fill '#2B5797' -draw 'rectangle 58,66 134,74' -draw 'rectangle 58,86 134,94' -draw 'rectangle 58,106 110,114' \
  -strip PNG32:color.png
convert -size 32x32 xc:none \
  -fill none -stroke white -strokewidth 2 -draw 'roundrectangle 4,6 27,21 3,3' -draw 'line 9,21 9,27' -draw 'line 9,27 15,21' \
  -stroke white -strokewidth 1 -draw 'line 9,11 22,11' -draw 'line 9,16 18,16' \
  -strip PNG32:outline.png
