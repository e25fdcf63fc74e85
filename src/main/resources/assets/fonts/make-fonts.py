"""Makes the site's two font files from Source Serif 4 as the fontsource packages ship it (Latin subset).

  npm pack @fontsource-variable/source-serif-4@5.3.1 && tar xzf fontsource-variable-source-serif-4-5.3.1.tgz
  python3 make-fonts.py package/files   (needs fontTools and brotli: apt-get install python3-fonttools python3-brotli)

Roman: the weight axis cut to 400-700 (text, headlines at 600, bold); italic: weight 400 only (quotes, emphasis).
Hinting and the layout features the site does not use are dropped. Since the font is changed and 'Source' is a
Reserved Font Name under its licence (OFL.txt), the result is renamed "Broadsheet Serif".
"""
import io
import sys
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer
from fontTools import subset

FAMILY = "Broadsheet Serif"


def make(source, weights, out):
    buffer = io.BytesIO()
    instancer.instantiateVariableFont(TTFont(source), {"wght": weights}).save(buffer)
    buffer.seek(0)
    font = TTFont(buffer)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "mark", "mkmk", "ccmp", "locl"]
    options.hinting = False
    options.name_IDs = ["*"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=font.getBestCmap().keys())
    sub.subset(font)
    name = font["name"]
    for record in name.names:  # the copyright (0) and licence (13, 14) stay as they are
        if record.nameID not in (0, 13, 14):
            text = record.toUnicode().replace("Source Serif 4", FAMILY).replace("SourceSerif4", FAMILY.replace(" ", ""))
            record.string = text.replace("Source", "Broadsheet")
    name.setName("Made from Source Serif 4 (Adobe) for Broadsheet: Latin only, fewer weights, no hinting.", 10, 3, 1, 0x409)
    subset.save_font(font, out, options)


folder = sys.argv[1]
make(folder + "/source-serif-4-latin-wght-normal.woff2", (400, 700), "broadsheet-serif.woff2")
make(folder + "/source-serif-4-latin-wght-italic.woff2", 400, "broadsheet-serif-italic.woff2")
