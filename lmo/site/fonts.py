"""Fonts for the scripts that phones often cannot show well, one table for the whole engine.

A language in this table gets its font, self-hosted from the pinned ``@fontsource``
package: only the woff2 files of the subsets its script needs, with the font's licence
beside them, and a stylesheet (``assets/vendor/fonts/<code>.<hash>.css``; every file there
carries a hash of its content in its name, see PublishedFont) that the theme links from that
language's pages only. Every other language uses the phone's own fonts and
loads no font file at all. ``unicode-range`` keeps even a linked font from being fetched
for Latin text (an English passage, a phone number). No page waits long for a font file:

- a font for letters a phone may lack (Bengali, Gurmukhi, Pashto's) swaps in when it arrives
  (``font-display: swap``): until then she may see empty boxes, so a page that moves once is
  the lesser harm;
- a font that only changes how letters every phone has are drawn (Urdu's Nastaliq, over the
  Naskh every phone shows) draws a page only if it is there for the page's first layout
  (``optional``: the page asks for the file at once, and Chrome holds that layout for it a
  tenth of a second at most), else the pages after it, once it is in the cache. Swapping it
  in re-wraps every line: the Urdu home page jumped 28 px at 360 px (layout shift 0.25,
  where 0.1 is the limit of "good") seconds after she began reading, or reaching for a link.

Left out on purpose: Arabic and Persian (every phone ships an Arabic-script Naskh font
that covers them), Latin-script languages, and scripts that Android and iOS have carried
for many years, which would only add bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lmo.site.engine_assets import hashed_name

# Where the fonts and their stylesheets go, under the site's assets.
FONTS_FOLDER = "vendor/fonts"


@dataclass(frozen=True)
class Font:
    package: str  # the npm package, pinned in package.json
    family: str
    script: str  # ISO 15924, to refuse a code that names another script ("ur-Latn")
    subsets: tuple[str, ...]  # the package's unicode-range subsets the script needs
    weights: tuple[int, ...]
    why: str
    # Nastaliq's letters climb and fall far beyond Latin ones: at the theme's line height
    # its lines touch.
    line_height: str | None = None
    # "swap" when the phone may lack the letters; "optional" when the font is a matter of
    # style over letters every phone has (see the module's notes).
    display: Literal["swap", "optional"] = "swap"

    @property
    def folder(self) -> str:
        return self.package.removeprefix("@fontsource/")

    def file_name(self, subset: str, weight: int) -> str:
        return f"{self.folder}-{subset}-{weight}-normal.woff2"


NASTALIQ = Font(
    "@fontsource/noto-nastaliq-urdu",
    "Noto Nastaliq Urdu",
    "Arab",
    ("arabic",),
    # One weight: each is about 160 KB, and bold Urdu text is drawn from it by the browser.
    (400,),
    "Urdu is read in Nastaliq; Android has no Nastaliq font and shows Naskh instead",
    line_height="2",
    # Every phone draws Urdu's letters in Naskh, so the first page waits for nothing and
    # never jumps; the font draws the pages after it.
    display="optional",
)
NASKH = Font(
    "@fontsource/noto-naskh-arabic",
    "Noto Naskh Arabic",
    "Arab",
    ("arabic",),
    (400, 700),
    "Pashto and Sindhi letters (ټ ډ ړ ښ ګ, ڄ ڃ ڏ ڪ ڻ) are missing from older phones' fonts",
)
BENGALI = Font(
    "@fontsource/noto-sans-bengali",
    "Noto Sans Bengali",
    "Beng",
    ("bengali",),
    (400, 700),
    "low-cost and older phones lack Bengali or join its conjuncts wrongly",
)
GURMUKHI = Font(
    "@fontsource/noto-sans-gurmukhi",
    "Noto Sans Gurmukhi",
    "Guru",
    ("gurmukhi",),
    (400, 700),
    "low-cost and older phones lack Gurmukhi (Punjabi as written in India and the UK)",
)

# Language code (or language-script) -> its font.
FONTS: dict[str, Font] = {
    "ur": NASTALIQ,
    # Punjabi in Shahmukhi (Pakistan) is written in Nastaliq too.
    "pnb": NASTALIQ,
    "pa-Arab": NASTALIQ,
    "pa": GURMUKHI,
    "bn": BENGALI,
    "ps": NASKH,
    "sd": NASKH,
}

_CODE = re.compile(r"^(?P<language>[a-zA-Z]{2,3})(?P<rest>(?:[-_][A-Za-z0-9]{2,8})*)$")


def font_for(code: str) -> Font | None:
    """The font of a language code such as "ur", "ur-PK", "pa-Arab" or "bn_BD", if any."""
    match = _CODE.fullmatch(code)
    if match is None:
        return None
    language = match["language"].lower()
    tags = re.split(r"[-_]", match["rest"])[1:]
    script = next((t.title() for t in tags if len(t) == 4 and t.isalpha()), None)
    if script is not None and f"{language}-{script}" in FONTS:
        return FONTS[f"{language}-{script}"]
    font = FONTS.get(language)
    if font is None or (script is not None and script != font.script):
        return None
    return font


def font_files(font: Font) -> list[str]:
    """The woff2 files of ``font`` that the site carries, relative to the package folder."""
    return [f"files/{font.file_name(s, w)}" for s in font.subsets for w in font.weights]


def package_files(font: Font) -> list[str]:
    """Every file of ``font``'s package that the site's copy is made from."""
    return [*font_files(font), "LICENSE", "unicode.json", "package.json"]


@dataclass(frozen=True)
class PublishedFont:
    """What a language's pages take from its font's package. Every file is published under a
    name that carries a hash of its content (ur.css -> ur.0123456789.css), so hosts and the
    offline worker keep it for a year without asking again (lmo.delivery.headers): the
    stylesheet held each Urdu page's first paint for a round trip while it was revalidated.
    A new version of the font is a new name, and the stylesheet's hash covers the names of
    the files it points at."""

    # Under the site's root: what the language's pages link.
    stylesheet: str
    # Under the site's root: the font files its pages ask for at once, before the stylesheet
    # names them: those of a font that waits for nothing (``optional``). Chrome holds a
    # page's first layout briefly for a font asked for this way, so the font draws the page
    # when it is already in the cache (her next page) or comes quickly (a fast line); else
    # the page is laid out in the phone's font and stays so.
    preloads: tuple[str, ...]
    # Path under the site's assets/ -> content, for the copy step (lmo.delivery.vendor).
    files: dict[str, bytes]


def published_font(code: str, node_modules: Path) -> PublishedFont | None:
    """The files a site in ``code`` carries from its font's package, and their names; None
    when the language uses the phone's fonts or the package lacks a file it needs (the copy
    step reports which)."""
    font = font_for(code)
    if font is None:
        return None
    package_dir = node_modules / font.package
    if any(not (package_dir / name).is_file() for name in package_files(font)):
        return None
    files: dict[str, bytes] = {}

    def publish(folder: str, file_name: str, data: bytes) -> str:
        """``file_name``'s hashed name, relative to the fonts folder."""
        name = hashed_name(f"{FONTS_FOLDER}/{folder}", file_name, data)
        files[name] = data
        return name.removeprefix(f"{FONTS_FOLDER}/")

    faces = {
        (subset, weight): publish(
            f"{font.folder}/",
            font.file_name(subset, weight),
            (package_dir / "files" / font.file_name(subset, weight)).read_bytes(),
        )
        for subset in font.subsets
        for weight in font.weights
    }
    licence = publish(f"{font.folder}/", "LICENSE.txt", (package_dir / "LICENSE").read_bytes())
    version = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    css = stylesheet(
        font, unicode_ranges(package_dir), str(version.get("version", "")), faces, licence
    )
    own = publish("", f"{code.replace('_', '-')}.css", css.encode("utf-8"))
    preloads = tuple(f"assets/{FONTS_FOLDER}/{faces[face]}" for face in faces)
    return PublishedFont(
        stylesheet=f"assets/{FONTS_FOLDER}/{own}",
        preloads=preloads if font.display == "optional" else (),
        files=files,
    )


def unicode_ranges(package_dir: Path) -> dict[str, str]:
    """Each subset's unicode-range, as the package lists it (``unicode.json``)."""
    ranges = json.loads((package_dir / "unicode.json").read_text(encoding="utf-8"))
    return {str(name): str(value) for name, value in ranges.items()}


def stylesheet(
    font: Font,
    ranges: dict[str, str],
    version: str,
    faces: dict[tuple[str, int], str],
    licence: str,
) -> str:
    """The stylesheet of a language that has ``font``: its faces, then the theme's text
    font. ``faces``: each (subset, weight)'s file, and ``licence``: the licence's, relative
    to the stylesheet (in a folder named after the package, beside it)."""
    lines = [
        f"/* {font.family}, from {font.package} {version}, under the SIL Open Font",
        f"   Licence 1.1 ({licence}). Why: {font.why}. */",
    ]
    for subset in font.subsets:
        for weight in font.weights:
            lines += [
                "@font-face {",
                f'  font-family: "{font.family}";',
                "  font-style: normal;",
                f"  font-weight: {weight};",
                f"  font-display: {font.display};",
                f'  src: url("{faces[(subset, weight)]}") format("woff2");',
                f"  unicode-range: {ranges[subset]};",
                "}",
            ]
    # The theme's text font (Material reads it when its own web font is off); the phone's
    # fonts follow for every letter outside the font's ranges.
    lines.append(f':root {{ --md-text-font: "{font.family}"; }}')
    if font.line_height:
        lines.append(f".md-typeset, .md-banner__inner {{ line-height: {font.line_height}; }}")
    return "\n".join(lines) + "\n"
