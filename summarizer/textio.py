"""Reading user files: encoding detection and the checks every entry point shares.

Pages arrive as UTF-8 (with or without BOM), GB18030/GBK or Big5. Decoding is
tried strictly in that order of likelihood, and between the legacy encodings
the one whose text looks most like Chinese wins, because GB18030 happily
"decodes" Big5 bytes into nonsense.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError

# 200 MB is far beyond any page or feed dump; a larger file is almost
# certainly the wrong file and would exhaust memory when read whole.
MAX_TEXT_BYTES = 200 * 1024 * 1024

# The most frequent characters of simplified and traditional news text. A
# correct decoding is dense in them; a wrong one produces rare characters.
_COMMON_SIMPLIFIED = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龍為這個們來國時會說學對應經過發門後"
)
_COMMON = _COMMON_SIMPLIFIED | set(
    "為這個們來國時會說學對應經過發門後與於們報關讓種動書記長開農業產區機實現將從點進還"
)


def _chinese_score(text: str) -> float:
    if not text:
        return 0.0
    common = sum(1 for ch in text if ch in _COMMON)
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return common / max(cjk, 1)


def looks_binary(data: bytes) -> bool:
    """True when bytes are clearly not text: NUL bytes or many control characters."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 100)


def decode_bytes(data: bytes, *, name: str = "<input>") -> str:
    """Decode a user's text file; raise :class:`InputError` for empty, binary or undecodable data.

    >>> decode_bytes("本报讯".encode("gb18030"))
    '本报讯'
    """
    if not data.strip():
        raise InputError(
            f"{name} is empty", hint="pass a file that contains the page or article text"
        )
    if looks_binary(data):
        raise InputError(
            f"{name} looks like a binary file, not text",
            hint="pass plain text (UTF-8, GB18030/GBK or Big5); extract text from PDFs first",
        )
    text = _decode(data, name)
    # Whitespace the byte check cannot see: a BOM alone, ideographic spaces (U+3000).
    if not text.strip():
        raise InputError(
            f"{name} is empty", hint="pass a file that contains the page or article text"
        )
    return text


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str]] = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_chinese_score(text), text))
    if not candidates:
        raise InputError(
            f"{name} is not valid UTF-8, GB18030/GBK or Big5 text",
            hint="convert it to UTF-8, e.g. `iconv -f <encoding> -t utf-8 FILE > FILE.utf8`",
        )
    return max(candidates, key=lambda c: c[0])[1]


def _check_input_file(p: Path) -> None:
    if not p.exists():
        raise InputError(
            f"{p} does not exist",
            hint=f"check the path (relative paths start from {Path.cwd()})",
        )
    if p.is_dir():
        raise InputError(
            f"{p} is a directory", hint="pass a file (`summarizer batch` takes directories)"
        )
    size = p.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InputError(
            f"{p} is {size / 2**20:.0f} MiB, over the {MAX_TEXT_BYTES // 2**20} MiB limit "
            "for one file",
            hint="split it, or feed it as JSONL to `summarizer batch`, which streams",
        )


def read_text(path: str | Path) -> str:
    """Read a text file (``-`` is stdin) with encoding detection and size/emptiness checks.

    >>> read_text("no/such/page.txt")
    Traceback (most recent call last):
    summarizer.errors.InputError: [E100] no/such/page.txt does not exist
      fix: check the path ...
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        if len(data) > MAX_TEXT_BYTES:
            raise InputError(
                f"standard input is over the {MAX_TEXT_BYTES // 2**20} MiB limit for one text",
                hint="split it, or feed it as JSONL to `summarizer batch`, which streams",
            )
        return decode_bytes(data, name="standard input")
    p = Path(path)
    _check_input_file(p)
    return decode_bytes(p.read_bytes(), name=str(p))


def open_output(path: str | Path) -> TextIO:
    """Open a UTF-8 output file, turning an unwritable path into an :class:`InputError`.

    >>> open_output("/no/such/dir/out.jsonl")
    Traceback (most recent call last):
    summarizer.errors.InputError: [E100] cannot write /no/such/dir/out.jsonl: ...
      fix: ...
    """
    p = Path(path)
    try:
        return p.open("w", encoding="utf-8")
    except IsADirectoryError:
        raise InputError(f"cannot write {p}: it is a directory",
                         hint="give a file name for the output, e.g. out.jsonl") from None
    except OSError as exc:
        hint = ("create the directory first" if not p.parent.exists()
                else "check the path and its permissions")
        raise InputError(f"cannot write {p}: {exc.strerror}", hint=hint) from None


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8, with the errors of :func:`open_output`."""
    with open_output(path) as fh:
        fh.write(text)


def iter_jsonl(
    path: str | Path, *, allow_empty: bool = False
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, record)`` from a JSONL file (``-`` is stdin), streaming.

    A malformed, non-object or non-UTF-8 line raises :class:`InputError` naming
    the file and line rather than being skipped: nothing the user gave is
    dropped silently. A file without any record is an error too, unless
    ``allow_empty``.

    >>> next(iter_jsonl("no/such/data.jsonl"))
    Traceback (most recent call last):
    summarizer.errors.InputError: [E100] no/such/data.jsonl does not exist
      fix: check the path ...
    """
    stdin = str(path) == "-"
    if not stdin:
        _check_input_file(Path(path))
    # Bytes, decoded per line, so that a bad encoding is reported with its line.
    fh = sys.stdin.buffer if stdin else Path(path).open("rb")
    found = False
    try:
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise InputError(
                    f"{path}:{lineno}: not UTF-8 text",
                    hint="JSONL input must be UTF-8; convert it, e.g. "
                    "`iconv -f gb18030 -t utf-8 IN > OUT`",
                ) from None
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{path}:{lineno}: not valid JSON ({exc.msg})",
                    hint="each line must be one JSON object; fix or remove that line",
                ) from None
            if not isinstance(rec, dict):
                raise InputError(
                    f"{path}:{lineno}: expected a JSON object, got {type(rec).__name__}",
                    hint='each line must look like {"text": "..."}',
                )
            found = True
            yield lineno, rec
    finally:
        if not stdin:
            fh.close()
    if not found and not allow_empty:
        raise InputError(
            f"{path} contains no records",
            hint='pass a JSONL file with one JSON object per line, e.g. {"text": "..."}',
        )


def require_text(rec: dict[str, Any], *, where: str, field: str = "text") -> str:
    """Return a record's non-empty text field or raise an :class:`InputError` naming the record."""
    value = rec.get(field)
    if not isinstance(value, str) or not value.strip():
        raise InputError(
            f"{where}: record has no non-empty '{field}' field",
            hint=f'every record needs a non-empty string field "{field}": "..."',
        )
    return value
