"""Makes the site's four font files from Source Serif 4 as the fontsource packages ship it (Latin subset).

  npm pack @fontsource-variable/source-serif-4@5.3.1 && tar xzf fontsource-variable-source-serif-4-5.3.1.tgz
  python3 make-fonts.py package/files   (needs fontTools and brotli: apt-get install python3-fonttools python3-brotli)

Roman: the weight axis cut to 400-700 (text, headlines at 600, bold); italic: weight 400 only (quotes, emphasis).
Each is split in two: the letters, figures and punctuation of plain English text (CORE, the file every page preloads)
and the rest of the Latin subset (accented letters and rarer signs, "-more"), which a browser fetches only for a page
that uses one of them. The unicode-range lines of site.css are printed at the end and must match.
Hinting and the layout features the site does not use are dropped. Since the font is changed and 'Source' is a
Reserved Font Name under its licence (OFL.txt), the result is renamed "Broadsheet Serif".
"""
import io
import sys
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer
from fontTools import subset

FAMILY = "Broadsheet Serif"


# ASCII, the no-break space, soft hyphen, pound, copyright, degree, middle dot, dashes, curly quotes, bullet, ellipsis,
# single guillemets (the arrows after section names), euro, trade mark, minus
CORE = set(range(0x20, 0x7F)) | {0xA0, 0xA3, 0xA9, 0xAD, 0xB0, 0xB7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
                                  0x2022, 0x2026, 0x2039, 0x203A, 0x20AC, 0x2122, 0x2212}


def ranges(codes):
    runs = []
    for c in sorted(codes):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return ", ".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in runs)


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
    everything = set(font.getBestCmap().keys())
    buffer = io.BytesIO()
    font.save(buffer)
    for codes, file in ((everything & CORE, out + ".woff2"), (everything - CORE, out + "-more.woff2")):
        buffer.seek(0)
        part = TTFont(buffer)
        sub = subset.Subsetter(options)
        sub.populate(unicodes=codes)
        sub.subset(part)
        rename(part)
        subset.save_font(part, file, options)
        print(file, "unicode-range:", ranges(codes))


def rename(font):
    name = font["name"]
    for record in name.names:  # the copyright (0) and licence (13, 14) stay as they are
        if record.nameID not in (0, 13, 14):
            text = record.toUnicode().replace("Source Serif 4", FAMILY).replace("SourceSerif4", FAMILY.replace(" ", ""))
            record.string = text.replace("Source", "Broadsheet")
    name.setName("Made from Source Serif 4 (Adobe) for Broadsheet: Latin only, fewer weights, no hinting.", 10, 3, 1, 0x409)


folder = sys.argv[1]
make(folder + "/source-serif-4-latin-wght-normal.woff2", (400, 700), "broadsheet-serif")
make(folder + "/source-serif-4-latin-wght-italic.woff2", 400, "broadsheet-serif-italic")
