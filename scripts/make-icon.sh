#!/usr/bin/env bash
# Redraws images/icon.png (128x128): a shield split into the AWS (orange) and customer (white)
# halves of the Shared Responsibility Model. Needs ImageMagick from apt (`apt-get install imagemagick`).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p images
/usr/bin/convert -size 128x128 xc:none \
  -fill '#232F3E' -draw 'roundrectangle 4,4 123,123 20,20' \
  -fill '#FF9900' -draw 'polygon 64,18 104,32 104,66 64,110' \
  -fill '#FFFFFF' -draw 'polygon 64,18 24,32 24,66 64,110' \
  -fill '#FF9900' -draw 'path "M 24,66 Q 30,96 64,110 L 64,66 Z"' \
  -fill '#FFFFFF' -draw 'path "M 104,66 Q 98,96 64,110 L 64,66 Z"' \
  -colors 16 -strip PNG8:images/icon.png
