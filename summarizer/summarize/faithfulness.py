"""Numbers in a summary must come from the article.

Abstractive models invent figures more readily than anything else: a wrong
death toll or growth rate reads fluently and is hard to spot. This module pulls
numbers, dates, percentages and quantities out of a text, normalises them to a
value and a unit, and reports those of a summary the source does not contain.

Normalisation makes different spellings of one quantity equal:

* full-width digits and signs (``５９人``, ``３．５％``) fold to ASCII;
* Chinese numerals are read as numbers (``五十九人`` = 59 人, ``两千`` = 2000,
  ``三点五`` = 3.5, ``二〇二三年`` = 2023 年);
* ``万`` / ``亿`` scale the value (``1.2万`` = 12000, ``3.5亿元`` = 350000000 元);
* ``百分之三点五`` and ``3.5%`` are both 3.5 %, ``七成`` is 70 %;
* a date splits into its parts (``2023年7月1日`` = 2023 年, 7 月, 1 日), so a
  summary that drops the year is still supported.

A quantity of the summary is supported when the source has the same value with
the same unit, or the same value with no unit (``死亡人数为59`` supports
``59人``); a bare number is supported when the value occurs anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from ..text import fold_width

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}
_CN_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS) + "点"

# Longest first, so that 亿元 wins over 亿 and 平方公里 over 公里.
_UNITS = sorted(
    """个百分点 百分点 % ‰ 成 亿元 万元 美元 欧元 港元 元
    年 月 日 号 岁 人次 人 名 位 个 家 所 次 件 项
    吨 公斤 千克 克 平方公里 平方米 公里 千米 厘米 毫米
    米 亩 公顷 辆 架 艘 天 小时 分钟 秒 周 倍 户 套
    座 台 部 只 头 条 起 例 枚 场 届 层 篇 本 间
    张 份 批 轮 摄氏度 ℃ 度 升 千瓦时 千瓦 兆瓦
    万千瓦 股 款 种 类 亿美元 万美元""".split(),
    key=len,
    reverse=True,
)
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_PATTERN = re.compile(
    rf"(?P<pct>百分之)?"
    rf"(?:(?P<ar>{_ARABIC})(?P<armag>[万亿]{{0,2}})|(?P<cn>[{_CN_CHARS}]+))"
    rf"\s*(?P<unit>{_UNIT_RE})?"
)


@dataclass(frozen=True)
class Quantity:
    """A number found in a text: as written, and normalised to value + unit."""

    text: str
    value: Decimal
    unit: str


def parse_chinese_number(s: str) -> Decimal | None:
    """Read a Chinese numeral; None when it is not a well-formed number.

    >>> [f"{parse_chinese_number(s):f}" for s in ("五十九", "两千", "三点五", "二〇二三", "十二")]
    ['59', '2000', '3.5', '2023', '12']
    >>> f"{parse_chinese_number('一亿两千万'):f}"
    '120000000'
    """
    if not s:
        return None
    mag = ""
    if "点" in s:
        # 三点五亿: the magnitude applies to the whole decimal number.
        while s[-1] in _BIG_UNITS:
            mag, s = s[-1] + mag, s[:-1]
    whole, _, frac = s.partition("点")
    if frac and not all(ch in _DIGITS for ch in frac):
        return None
    if whole and all(ch in _DIGITS for ch in whole) and len(whole) > 1:
        # Digit by digit, as in years: 二〇二三.
        value = Decimal("".join(str(_DIGITS[ch]) for ch in whole))
    else:
        total = section = digit = 0
        last_big = 10**12
        for ch in whole:
            if ch in _DIGITS:
                digit = _DIGITS[ch]
            elif ch in _SMALL_UNITS:
                section += (digit or 1) * _SMALL_UNITS[ch]
                digit = 0
            elif ch in _BIG_UNITS:
                if _BIG_UNITS[ch] > last_big:
                    # 万亿 and the like: scale everything read so far.
                    total = (total + section + digit) * _BIG_UNITS[ch]
                else:
                    total += (section + digit) * _BIG_UNITS[ch]
                last_big = _BIG_UNITS[ch]
                section = digit = 0
            else:
                return None
        value = Decimal(total + section + digit)
        if not whole:
            value = Decimal(0)
    if frac:
        value += Decimal("0." + "".join(str(_DIGITS[ch]) for ch in frac))
    return _scale(value, mag)


def _is_ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _scale(value: Decimal, mag: str) -> Decimal:
    for ch in mag:
        value *= _BIG_UNITS[ch]
    return value


def _plain_chinese_numeral(cn: str, unit: str | None, pct: bool) -> bool:
    """Is this run of numeral characters a number rather than part of a word?

    一些, 一个, 统一, 十分, 千万 (as in 千万不要), 重点 use numeral characters as
    words. A lone 一 counts only in dates and shares (一月, 一日, 一成), as
    一个, 一起, 一名 are grammar, not figures; with a unit or 百分之 a run
    counts when it has a digit or starts with 十 (五十九人, 两千个, 十人);
    without one it needs a digit together with
    十/百/千/万/亿 or 点 (五十九, 两千, 三点五).
    """
    if cn == "一":
        return unit in ("月", "日", "号", "成")
    has_digit = any(ch in _DIGITS for ch in cn)
    if unit or pct:
        return has_digit or cn.startswith("十")
    has_mult = any(ch in _SMALL_UNITS or ch in _BIG_UNITS or ch == "点" for ch in cn)
    return len(cn) >= 2 and has_digit and has_mult


def extract_quantities(text: str, *, lenient: bool = False) -> list[Quantity]:
    """Numbers, dates, percentages and quantities in ``text``, normalised.

    ``lenient`` also keeps numeral characters that may be words (三县, 两者,
    一些): used on the source side, where an extra number can only make a
    summary's figure count as supported, never flag one.

    >>> found = extract_quantities("５９人受灾，增长百分之三点五")
    >>> [(q.text, f"{q.value:f}", q.unit) for q in found]
    [('５９人', '59', '人'), ('百分之三点五', '3.5', '%')]
    >>> [(f"{q.value:f}", q.unit) for q in extract_quantities("2023年7月1日，投资1.2万元")]
    [('2023', '年'), ('7', '月'), ('1', '日'), ('12000', '元')]
    """
    folded = fold_width(text)
    # fold_width maps characters one to one, so spans index the original text too.
    out: list[Quantity] = []
    for m in _PATTERN.finditer(folded):
        unit = m.group("unit") or ""
        pct = m.group("pct") is not None
        if m.group("ar") is not None:
            before = folded[m.start("ar") - 1] if m.start("ar") > 0 else ""
            after = folded[m.end("armag")] if m.end("armag") < len(folded) else ""
            if _is_ascii_letter(before) or _is_ascii_letter(after):
                continue  # a name or code (5G, 3D, iPhone6, G20), not a quantity
            try:
                value = Decimal(m.group("ar").replace(",", ""))
            except InvalidOperation:
                continue
            value = _scale(value, m.group("armag"))
        else:
            cn = m.group("cn")
            if not (lenient or _plain_chinese_numeral(cn, unit, pct)):
                continue
            parsed = parse_chinese_number(cn)
            if parsed is None:
                continue
            value = parsed
        # Magnitude words inside the unit (亿元, 万美元) scale the value.
        for prefix in ("万", "亿"):
            if len(unit) > 1 and unit.startswith(prefix):
                value = _scale(value, prefix)
                unit = unit[1:]
        if pct:
            unit = "%"
        if unit == "成":  # 七成 = 70%
            value, unit = value * 10, "%"
        if unit == "百分点":
            unit = "个百分点"
        out.append(Quantity(text[m.start() : m.end()].strip(), value.normalize(), unit))
    return out


def _rounds_to(summary_value: Decimal, source_value: Decimal) -> bool:
    """Is ``summary_value`` the source value rounded or cut to the summary's precision?

    >>> _rounds_to(Decimal(150000), Decimal(155000)), _rounds_to(Decimal(3e8), Decimal(2.8e8))
    (True, True)
    >>> _rounds_to(Decimal(160000), Decimal(150000))
    False
    """
    exp = summary_value.normalize().as_tuple().exponent
    if not isinstance(exp, int) or exp <= source_value.normalize().as_tuple().exponent:
        return False  # the summary is not less precise than the source
    step = Decimal(1).scaleb(exp)
    return summary_value in (
        source_value.quantize(step, rounding=ROUND_HALF_UP),
        source_value.quantize(step, rounding=ROUND_DOWN),
    )


def unsupported_quantities(summary: str, source: str) -> tuple[str, ...]:
    """The quantities of ``summary`` (as written there) that ``source`` does not support.

    Figures written with 万 or 亿 may be rounded or cut versions of the
    source's (15万 for 15.5万, 3亿 for 2.8亿), as headlines do; other figures
    must match exactly (60人 for 59人 is flagged).

    >>> unsupported_quantities("五十九人受灾，损失5亿元", "暴雨致59人受灾，损失约2.8亿元。")
    ('5亿元',)
    """
    src = extract_quantities(source, lenient=True)
    with_unit = {(q.value, q.unit) for q in src}
    values = {q.value for q in src}
    unitless = {q.value for q in src if not q.unit}
    missing: list[str] = []
    for q in extract_quantities(summary):
        if q.unit:
            ok = (q.value, q.unit) in with_unit or q.value in unitless
        else:
            ok = q.value in values
        if not ok and ("万" in q.text or "亿" in q.text):
            ok = any(s.unit == q.unit and _rounds_to(q.value, s.value) for s in src)
        if not ok and q.text not in missing:
            missing.append(q.text)
    return tuple(missing)
