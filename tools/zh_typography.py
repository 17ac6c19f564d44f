"""Chinese typography in the zh_CN catalogs: full-width punctuation next to Chinese text.

    python tools/zh_typography.py            # rewrite the catalogs in place
    python tools/zh_typography.py --check    # exit 1 if any catalog would change
    python tools/zh_typography.py --english  # also list English words outside code

In every ``msgstr`` of ``docs/locale/LANG/LC_MESSAGES/**/*.po``:

* half-width ``, ; : ? !`` next to a Chinese character become ``， ； ： ？ ！``;
* a pair of half-width parentheses becomes ``（ ）`` when it holds Chinese text or
  stands next to it (not ``f(x)``-style call notation);
* spaces around full-width punctuation go, and so do spaces between Chinese text
  and bold Chinese text (``数组 **与克隆张量** 共享`` reads with gaps);
* in the reST messages of the gallery, the escape ``\\ `` sits exactly where
  docutils needs it: between inline markup and ``（``, between ``）`` and inline
  markup, between inline markup and a Chinese character; and nowhere else next
  to full-width punctuation, which docutils accepts directly.

Code (````x````, ```x```), roles, link targets, URLs and HTML are never touched.
Running it twice changes nothing the second time. Catalogs are written back with
the same settings as ``tools/update_catalogs.py``, so untouched messages keep
their bytes.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LOCALE_ROOT = REPO_ROOT / "docs" / "locale"

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
# Full-width punctuation that needs no space on either side.
FULL_WIDTH_PUNCTUATION = "，。；：？！、（）"
TO_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}

# English words that may appear in Chinese prose: names of products, formats
# and units that Chinese technical writing keeps in Latin letters.
ENGLISH_ALLOWED = frozenset(
    {
        "API", "autograd", "COO", "CPU", "CUDA", "CuPy", "DLPack", "dtype",
        "dtypes", "Furo", "GB", "GiB", "GitHub", "GPU", "JAX", "Jupyter", "KiB",
        "MB", "meta", "MiB", "NumPy", "NVIDIA", "OpenMP", "pip", "PyPI",
        "Python", "PyTorch", "Sphinx", "torch", "nox", "Pages", "Playwright",
        "Chromium", "jieba", "Colab", "Google", "object", "Notebook", "notebook", "sphinx-gallery",
        "myst-nb", "macOS", "Linux", "Windows", "pradyunsg", "Apple", "Mac", "GHz",
        "MPS", "PIL", "Pillow", "pandas", "Series", "sympy",
        "asarray",  # torch.asarray in a page title, which a link shows without code markup
    }
)  # fmt: skip

# Unicode categories docutils accepts right before inline markup and right after it
# (https://docutils.sourceforge.io/docs/ref/rst/restructuredtext.html#inline-markup-recognition-rules).
_BEFORE_CATEGORIES = {"Pd", "Po", "Ps", "Pi", "Pf"}
_AFTER_CATEGORIES = {"Pd", "Po", "Pe", "Pi", "Pf"}
_BEFORE_ASCII = set("-:/'\"<([{")
_AFTER_ASCII = set("-.,:;!?\\/'\")]}>")

# Protected text becomes one private-use character per piece while the prose is edited.
_FIRST_PLACEHOLDER = 0xE000
ESCAPE = "\ue0ff"  # reST's escaped space, "\ "
_KEPT_OPEN, _KEPT_CLOSE = "\ue100", "\ue101"  # half-width parentheses decided to stay

_URL = r"https?://[^\s\u3000-\u303f\uff00-\uffef" + HAN + r"]+"
REST_TITLED_ROLE = re.compile(r"((?::[\w.+-]+)+:`)([^`<]*?[^`<\s])(\s+<[^<>`]+>`)")
REST_PROTECTED = re.compile(
    r"``.+?``(?!`)"  # inline literal
    r"|(?::[\w.+-]+)+:`[^`]*`(?::[\w.+-]+:)?"  # role, with its domain
    r"|`[^`]+`__?"  # hyperlink reference
    r"|`[^`]+`(?::[\w.+-]+:)?"  # interpreted text
    r"|\|[^|\s][^|]*\|_{0,2}"  # substitution
    r"|" + _URL
)
MYST_PROTECTED = re.compile(
    r"\{[\w:.+-]+\}(`+).+?\1(?!`)"  # role
    r"|(`+).+?\2(?!`)"  # inline code
    r"|\]\([^)\s]*\)"  # link destination
    r"|<[^<>\s]+>"  # autolink or HTML tag
    r"|" + _URL
)


# A reference that shows the title of the page or section it names: the title
# is Chinese there, so next to Chinese text it takes 《》 instead of spaces
# (《速查表》列出了…, not 速查表 列出了…). A role with a title of its own is left alone.
CROSS_REFERENCE = re.compile(r" *((?:\{(?:ref|doc)\}|:(?:ref|doc):)`[^`<]+`) *")
_CHINESE_SIDE = re.compile(f"[{HAN}{FULL_WIDTH_PUNCTUATION}]")


def _quote_cross_references(text: str) -> str:
    def quote(match: re.Match) -> str:
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        if _CHINESE_SIDE.match(before) or _CHINESE_SIDE.match(after):
            return f"《{match.group(1)}》"
        return match.group()

    return CROSS_REFERENCE.sub(quote, text)


def is_chinese(char: str) -> bool:
    """A Han character, or full-width / CJK punctuation, or Chinese quotes."""
    if not char:
        return False
    code = ord(char)
    return (
        bool(HAN_RE.match(char))
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or char in "“”‘’"
    )


def _is_placeholder(char: str) -> bool:
    return bool(char) and _FIRST_PLACEHOLDER <= ord(char) < ord(ESCAPE)


@dataclass
class Masked:
    """A message with its protected pieces replaced by placeholder characters."""

    text: str
    pieces: list[str] = field(default_factory=list)
    # Pieces that only open or only close inline markup (a role around its own title).
    opening: set[int] = field(default_factory=set)
    closing: set[int] = field(default_factory=set)

    def restore(self, text: str) -> str:
        text = text.replace(_KEPT_OPEN, "(").replace(_KEPT_CLOSE, ")")
        text = text.replace(ESCAPE, "\\ ")
        return re.sub(
            "[\ue000-\ue0fe]",
            lambda match: self.pieces[ord(match.group()) - _FIRST_PLACEHOLDER],
            text,
        )


def mask(text: str, rest: bool) -> Masked:
    masked = Masked("")

    def keep(piece: str, kind: set[int] | None = None) -> str:
        masked.pieces.append(piece)
        if len(masked.pieces) > 0xFF:
            raise ValueError("too many protected pieces in one message")
        if kind is not None:
            kind.add(len(masked.pieces) - 1)
        return chr(_FIRST_PLACEHOLDER + len(masked.pieces) - 1)

    if rest:
        text = text.replace("\\ ", ESCAPE)
        # The title of a role (:ref:`跳到页尾 <target>`) is prose; the rest is not.
        text = REST_TITLED_ROLE.sub(
            lambda match: (
                keep(match.group(1), masked.opening)
                + match.group(2)
                + keep(match.group(3), masked.closing)
            ),
            text,
        )
    pattern = REST_PROTECTED if rest else MYST_PROTECTED
    masked.text = pattern.sub(lambda match: keep(match.group()), text)
    return masked


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character that is not a space or an escape, or ''."""
    index += step
    while 0 <= index < len(text) and text[index] in (" ", ESCAPE):
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _punctuation(text: str) -> str:
    out = list(text)
    for index, char in enumerate(text):
        if char not in TO_FULL_WIDTH:
            continue
        left, right = _neighbour(text, index, -1), _neighbour(text, index, 1)
        if left.isdigit() and right.isdigit():
            continue  # 1,000 or 12:30
        # In a Chinese message, "`a`,`b`" (no space after the mark) is a
        # Chinese comma typed half-width: English would put a space there.
        glued = index + 1 < len(text) and text[index + 1] not in (" ", ESCAPE)
        if is_chinese(left) or is_chinese(right) or (glued and left and right):
            out[index] = TO_FULL_WIDTH[char]
    return "".join(out)


_INNERMOST_PAIR = re.compile(r"\(([^()]*)\)")


def _parentheses(text: str) -> str:
    def decide(match: re.Match) -> str:
        inner = match.group(1)
        before = text_now[match.start() - 1] if match.start() > 0 else ""
        left = _neighbour(text_now, match.start(), -1)
        right = _neighbour(text_now, match.end() - 1, 1)
        chinese_inside = any(is_chinese(char) for char in inner)
        call_notation = not chinese_inside and (
            (before.isascii() and before.isalnum()) or _is_placeholder(before)
        )
        if not call_notation and (
            chinese_inside or is_chinese(left) or is_chinese(right)
        ):
            return f"（{inner}）"
        return f"{_KEPT_OPEN}{inner}{_KEPT_CLOSE}"

    text_now = text
    while True:
        changed = _INNERMOST_PAIR.sub(decide, text_now, count=1)
        if changed == text_now:
            return changed
        text_now = changed


def _spaces_around_full_width(text: str) -> str:
    marks = re.escape(FULL_WIDTH_PUNCTUATION)
    text = re.sub(rf" +([{marks}])", r"\1", text)
    return re.sub(rf"([{marks}]) +", r"\1", text)


# **bold** or *emphasis*
_EMPHASIS = re.compile(r"(?<!\*)(\*\*?)(?=[^\s*])(.+?)(?<=[^\s*])\1(?!\*)")


def _spaces_around_bold(text: str, rest: bool) -> str:
    """``中文 **加粗** 中文`` loses its gaps (reST gets an escaped space instead); *强调* too."""

    def punctuation(char: str) -> bool:
        return unicodedata.category(char).startswith("P")

    out = text
    for match in reversed(list(_EMPHASIS.finditer(text))):
        start, end = match.start(), match.end()
        inner = match.group(2)
        # After the bold text.
        if (
            end + 1 < len(out)
            and out[end] == " "
            and HAN_RE.match(out[end + 1])
            and is_chinese(inner[-1])
            and (rest or not punctuation(inner[-1]))
        ):
            out = out[:end] + (ESCAPE if rest else "") + out[end + 1 :]
        # Before the bold text.
        if (
            start >= 2
            and out[start - 1] == " "
            and HAN_RE.match(out[start - 2])
            and is_chinese(inner[0])
            and (rest or not punctuation(inner[0]))
        ):
            out = out[: start - 1] + (ESCAPE if rest else "") + out[start:]
    return out


def _may_touch_markup(char: str, before: bool) -> bool:
    """Whether docutils still sees inline markup with ``char`` right before (or after) it."""
    if char in ("", ESCAPE) or char.isspace():
        return True
    marks, categories = (
        (_BEFORE_ASCII, _BEFORE_CATEGORIES)
        if before
        else (_AFTER_ASCII, _AFTER_CATEGORIES)
    )
    return char in marks or unicodedata.category(char) in categories


def _rest_escapes(text: str, masked: Masked) -> str:
    """Put ``\\ `` where docutils needs it next to inline markup, and only there."""
    starts: set[int] = set()
    ends: set[int] = set()
    for match in re.finditer("[\ue000-\ue0fe]", text):
        piece = ord(match.group()) - _FIRST_PLACEHOLDER
        if piece not in masked.closing:
            starts.add(match.start())
        if piece not in masked.opening:
            ends.add(match.end())
    for match in _EMPHASIS.finditer(text):
        starts.add(match.start())
        ends.add(match.end())
    out: list[str] = []
    for index, char in enumerate(text):
        if char == ESCAPE:
            before = text[index - 1] if index > 0 else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            needed = (index in ends and not _may_touch_markup(after, before=False)) or (
                index + 1 in starts and not _may_touch_markup(before, before=True)
            )
            if needed or (index not in ends and index + 1 not in starts):
                out.append(char)  # needed, or not next to markup: leave it alone
            continue
        if index in starts and index not in ends and out:
            if not _may_touch_markup(out[-1], before=True):
                out.append(ESCAPE)
        if index in ends and index not in starts and out and out[-1] != ESCAPE:
            if not _may_touch_markup(char, before=False):
                out.append(ESCAPE)
        out.append(char)
    return "".join(out)


def normalise(message: str, rest: bool) -> str:
    """Return ``message`` with Chinese typography; idempotent."""
    if not HAN_RE.search(message):
        return message
    message = _quote_cross_references(message)
    masked = mask(message, rest)
    text = _parentheses(masked.text)
    text = _punctuation(text)
    text = _spaces_around_full_width(text)
    text = _spaces_around_bold(text, rest)
    if rest:
        text = _rest_escapes(text, masked)
    return masked.restore(text)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_CHUNK = re.compile(r"[\w.'’=/-]+(?:\(\))?", re.ASCII)
# A name in code that lost its markup (a tooltip, a page title): a.b, a_b, f(),
# .method, a version or a unit (2.13.0, 1 GB/s), or a CamelCase class name.
_IDENTIFIER = re.compile(r"^\.|[\d_=/(]|\.(?!$)|[a-z][A-Z]")


# A short English gloss in full-width parentheses after a Chinese term is
# deliberate: 稠密（strided）, 锁页内存（又称固定内存，即 pinned 或 page-locked 内存）.
_GLOSS = re.compile(r"（[^（）]*）")
GLOSS_WORDS = 4


def english_words_in_text(text: str) -> list[str]:
    """Latin-letter prose words in plain text, minus names, identifiers and short glosses."""

    def prose_words(part: str) -> list[str]:
        words = []
        for chunk in _CHUNK.findall(part):
            if _IDENTIFIER.search(chunk):
                continue  # not prose
            words += [w for w in _WORD.findall(chunk) if w not in ENGLISH_ALLOWED]
        return words

    def gloss(match: re.Match) -> str:
        return "" if len(prose_words(match.group())) <= GLOSS_WORDS else match.group()

    return prose_words(_GLOSS.sub(gloss, text))


def english_words(message: str, rest: bool) -> list[str]:
    """English prose words in a translation, outside code, roles' targets, links and URLs."""
    return english_words_in_text(mask(message, rest).text)


def catalog_is_rest(path: Path, language_dir: Path) -> bool:
    """Gallery pages are reST; the other pages are MyST Markdown."""
    return path.relative_to(language_dir).parts[0] == "auto_examples"


def catalogs(language: str = "zh_CN", root: Path = LOCALE_ROOT) -> list[Path]:
    language_dir = root / language / "LC_MESSAGES"
    # sphinx.po holds theme strings (some with HTML): written by hand.
    return [
        path for path in sorted(language_dir.rglob("*.po")) if path.name != "sphinx.po"
    ]


def process_catalog(
    path: Path, language_dir: Path, write: bool
) -> list[tuple[str, str]]:
    """Normalise one catalog; return (old, new) for each changed translation."""
    from babel.messages.pofile import read_po, write_po

    data = path.read_bytes()
    catalog = read_po(io.BytesIO(data))
    rest = catalog_is_rest(path, language_dir)
    changes = []
    for message in catalog:
        if not message.id or not isinstance(message.string, str):
            continue
        new = normalise(message.string, rest)
        if new != message.string:
            changes.append((message.string, new))
            message.string = new
    if changes and write:
        out = io.BytesIO()
        write_po(out, catalog, width=-1)  # as tools/update_catalogs.py writes them
        path.write_bytes(out.getvalue())
    return changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a catalog would change",
    )
    parser.add_argument(
        "--english", action="store_true", help="list English words outside code"
    )
    parser.add_argument("--verbose", action="store_true", help="print every change")
    options = parser.parse_args(argv)
    language_dir = LOCALE_ROOT / options.language / "LC_MESSAGES"
    from babel.messages.pofile import read_po

    total = 0
    for path in catalogs(options.language):
        changes = process_catalog(path, language_dir, write=not options.check)
        total += len(changes)
        relative = path.relative_to(language_dir)
        if changes:
            print(
                f"{relative}: {len(changes)} message(s) {'to change' if options.check else 'changed'}"
            )
        if options.verbose:
            for old, new in changes:
                print(f"  - {old}\n  + {new}")
        if options.english:
            rest = catalog_is_rest(path, language_dir)
            with path.open("rb") as handle:
                for message in read_po(handle):
                    if message.id and isinstance(message.string, str):
                        words = english_words(message.string, rest)
                        if words:
                            print(
                                f"{relative}: English {words}: {message.string[:80]!r}"
                            )
    print(f"{total} message(s) {'would change' if options.check else 'changed'}")
    return 1 if options.check and total else 0


if __name__ == "__main__":
    sys.exit(main())
