#!/usr/bin/env bash
# Makes the app icons beside this script from ../favicon.svg (a white "B" of Broadsheet Serif Bold, drawn as a path,
# on the ink colour): favicon.ico (16, 32 and 48 px), apple-touch-icon.png (180 px) and icon-192.png, icon-512.png.
# The square icons have no rounded corners (phones round them) and keep the letter inside the middle 80%, so they can
# be masked. Needs chromium and python3 with PIL (Debian: chromium, python3-pil). Run it again after changing the SVG.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
svg="$here/../favicon.svg"
# the square: no rounded corners, the letter scaled to 80% about the middle
sed -e 's/ rx="8"//' -e 's|<path |<path transform="translate(6.4 6.4) scale(.8)" |' "$svg" > "$work/square.svg"
shot() { chromium --headless=new --no-sandbox --hide-scrollbars --default-background-color=00000000 \
  --window-size="$2,$2" --screenshot="$3" "$1" >/dev/null 2>&1; }
for size in 16 32 48; do shot "$svg" "$size" "$work/favicon-$size.png"; done
shot "$work/square.svg" 180 "$here/apple-touch-icon.png"
shot "$work/square.svg" 192 "$here/icon-192.png"
shot "$work/square.svg" 512 "$here/icon-512.png"
python3 - "$work" "$here/favicon.ico" <<'PY'
import io, struct, sys
from PIL import Image
folder, out = sys.argv[1], sys.argv[2]
images = []
for size in (16, 32, 48):
    buffer = io.BytesIO()
    Image.open(f"{folder}/favicon-{size}.png").convert("RGBA").save(buffer, "PNG", optimize=True)
    images.append((size, buffer.getvalue()))
# ICO: a 6-byte header, a 16-byte entry per image, then the images (PNG inside, as Windows Vista and every browser read)
offset = 6 + 16 * len(images)
header = struct.pack("<HHH", 0, 1, len(images))
entries = b""
for size, data in images:
    entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
with open(out, "wb") as f:
    f.write(header + entries + b"".join(data for _, data in images))
PY
for png in apple-touch-icon icon-192 icon-512; do
  python3 -c "import sys; from PIL import Image; Image.open(sys.argv[1]).convert('RGB').save(sys.argv[1], optimize=True)" "$here/$png.png"
done
