"""Cut an OCR'd Chinese newspaper page into articles and photo captions.

The page arrives as plain text: body lines broken at the column width,
blank lines at random, headlines either next to their article or grouped in a
block at the top or bottom of the page, OCR spaces and garbage characters.
The segmenter works in four passes:

1. **Clean lines**: fold widths, drop garbage characters, remove the spaces
   OCR puts between CJK characters, measure each line's display width.
2. **Rebuild paragraphs**: a line continues into the next one when it has no
   final punctuation and fills the local column width; what is left are
   paragraphs and *short lines* (headlines, sub-heads, bylines, credits).
3. **Cut the body stream into articles**: a Viterbi pass over the paragraphs
   whose states are the candidate headlines. Each headline "emits" the
   paragraphs that share its characters (IDF-weighted character bigrams), so
   a headline from a block far away still claims the body it describes;
   openers (本报讯, 新华社…电), end bylines and a nearby headline make a
   switch cheaper. Each headline may own one article only; headline groups
   and articles left over are paired by content as an assignment problem.
4. **Assemble items**: headline lines are grouped (kicker, headline,
   subheadline) with the article they were assigned to; short lines inside an
   article become its ``sections``; bylines go to ``byline``; captions
   (▲ or 图为) become items of their own.

>>> page = segment_text("乡村学校添新貌\\n本报讯 今年全县新建乡村学校五所，\\n改造校舍三万平方米。")
>>> [(it.kind, it.headline) for it in page.items]
[('article', '乡村学校添新貌')]
"""

from __future__ import annotations

import itertools
import logging
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .text import cut, fold_width, is_cjk
from .types import Item, Page

log = logging.getLogger(__name__)

# Sentence-final marks (with closers) that end a paragraph; a line ending in
# one of them never continues into the next line as the same sentence.
_TERMINAL = "。！？!?…；;：:"
_CLOSERS = "”’」』）)》】\"'"
# Newspaper columns hold at most about 28 characters: a wider line spans columns.
_WIDEST_COLUMN = 60
# Marks print lets hang past the column edge: a line ending in one may be a character wider.
_HANGING = "，。、；：！？”’）》"
# Mojibake and OCR junk seen in scanned text; real punctuation is kept.
_GARBAGE = set("\ufffd¤¦¬¨¯´¸¹³²¼½¾×þÞðÐ§¿¡¢£¥©®ª")
_SPACE = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u200b]+")

_BYLINE_WORD = (
    r"(?:本报记者|本报特约记者|本报通讯员|特约记者|新华社记者|人民日报记者|记者|通讯员|实习生)"
)
_NAME = r"[\u4e00-\u9fff·]{1,4}"
# Text inside a note's brackets, which may hold one bracketed name of its own
# (县语言文字工作委员会).
_NOTE_TEXT = r"(?:[^（()）]|[（(][^（()）]{1,20}[）)])"
# How an author or source note in brackets begins: （作者为…）, （案例来源：…）.
_NOTE_WORDS = (r"(?:作者|本文作者|本报记者|(?:新华社|人民网|中新社)?记者|通讯员|本报评论员|摘编自"
               r"|来源|综合|执笔|案例来源|参与记者|采访组成员|本版文字)")
# A pointer to another page (（相关报道见第二版）): a note that closes an article but belongs to
# its text, not to its byline.
_PAGES = r"见第[一二三四五六七八九十\d、至—-]{1,9}版[）)]$"  # 见第二版）, 见第九至十一版）
_CROSS_REF = rf"^[（(][^（）()]{{0,40}}{_PAGES}"
# (One to the full text of a speech, （讲话全文见第二版）, may stand inside the report on it.)
_FULL_TEXT = re.compile(rf"[（(][^（）()]{{0,20}}全文{_PAGES}")
# A line naming who speaks in the paragraphs under it (某某代表、某大学校长某某：).
_SPEAKER = re.compile(r"[^。！？；：:“”]{4,60}[：:]")
# A note that the full text of a letter or speech is printed elsewhere (（回信全文另发）)
# ends the paragraph reporting it; the report goes on below.
_ELSEWHERE = re.compile(r"[（(][^（）()]{0,12}全文另发[）)]")
# A line ending in a whole e-mail address (电子邮箱：…@example.com) ends there.
_ADDRESS_END = re.compile(r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
# A public-service advertisement's credit, who made it and who paid for it
# (某报社公益广告制作中心  某某公司), closes the advertisement's text.
_PSA_CREDIT = re.compile(r"^[\u4e00-\u9fff]{2,20}公益广告制作中心\s*[\u4e00-\u9fff（）()\s]{0,30}$")
# (What such a credit holds so far while narrow lines wrap it: 某报社公益广告制 / 作中心…)
_PSA_WRAPPED = re.compile(r"[\u4e00-\u9fff]{2,20}公益广告[\u4e00-\u9fff（）()\s]{0,40}")
# Author notes printed under an article: （作者为…）, （本报记者 …采访整理）, （谷业凯）.
_NOTE_LINE = re.compile(
    rf"^[（(](?:{_NOTE_WORDS}{_NOTE_TEXT}{{0,80}}"
    r"|[\u4e00-\u9fff、·]{2,12}|[\u4e00-\u9fff、·\s]{2,40}(?:参与采写|采写|参与制作|整理)"
    r"|(?:新华社|本报|中新社)[^）)]{0,40}电[^（()）]{0,40})[）)]$"
    r"|^(?:版式设计|本版责编|责任编辑|数据来源|资料来源|数据整理|制图|本版制图|美编|本版邮箱"
    r"|电子信箱|电子邮箱|投稿邮箱|栏目投稿邮箱|本期统筹|本版统筹|本版策划|本期策划|邮箱|传真"
    r"|电话|联系电话)[:：]"
    r"|^[^，。！？]{0,20}(?:记者|本报)[^，。！？]{0,30}(?:整理|采写)$"
    r"|^[\u4e00-\u9fff]{2,4}\s?文$"
    rf"|{_CROSS_REF}"
)
# The page's staff box: a line naming the page's editors (本版责编：…, 五版责编：…) heads the
# staff lines printed at the end of the page (本版邮箱：…, 版式设计：…).
_EDITORS = r"(?:本|[一二三四五六七八九十]{1,3}|\d{1,2})版责编"
_STAFF_HEAD = re.compile(rf"^{_EDITORS}")
_STAFF_LINE = re.compile(
    r"^(?:本版|本期)(?:邮箱|统筹|策划)|^(?:版式设计|电子信箱|电子邮箱|数据来源|数据整理|资料来源)"
    r"|^(?:邮箱|统筹|策划|制图|美编|责任编辑)[:：]")
# Staff lines that list sources (数据来源：某部、某局).
_SOURCES = re.compile(r"^(?:数据来源|资料来源|数据整理)")
# A sentence opening with its date or time (8月29日，近日，): text, never a heading.
_TIME_OPENING = re.compile(r"(?:\d{1,2}月\d{1,2}日|近日|日前|近年来|今年以来)[，,]")
# Words alone, perhaps closed by a quoted term, or a short phrase, a comma and a second one
# (打造“某某”, 多措并举，助力某事): a heading line. (A quotation mark further in may open a
# wrapped sentence's term: 本版推出“某某”系列报 / 道。)
_HEADING_WORDS = re.compile(
    r"[\u4e00-\u9fff]+(?:“[\u4e00-\u9fff]+”)?|[\u4e00-\u9fff]{2,8}，[\u4e00-\u9fff]{2,14}")
# A speaker or place ending in a colon (外交部发言人：, 浙江：) over a headline: its kicker. (Not
# what introduces a quotation, 某某强调： or 对话人：, nor a speech's salutation, 各位同事：,
# which open a paragraph; in the body, where an opener or a headline follows, layout reads
# such lines on its own terms.)
_SPEAKER_KICKER = re.compile(r"(?!对话人|各位|尊敬的|亲爱的|同志们|朋友们|女士们|先生们)"
                             r"[^，。！？；：:“”]{1,11}[^，。！？；：:“”调出说道示为到写问答][：:]")
# A speaker's title and name on a line of their own (某省某厅厅长  某某), under the title of
# the piece they signed; no report of a meeting (某某会见某国部长某某), nor an interview's
# subheadline (——访某部部长某某).
# (副部长 has one character before its title.)
_SPEAKER_LINE = re.compile(
    r"^(?!.*(?:会见|会谈|通电话|致电|出席|看望|调研|主持|慰问|访))[^，。！？；：“”—]{1,40}"
    r"(?:部长|书记|社长|院长|主任|会长|主席|教授|局长|厅长|市长|县长|校长|理事长|秘书长|总经理"
    r"|董事长|研究员|委员|常委)[\u4e00-\u9fff·]{2,4}$")
_SOURCE_LIST = re.compile(r"(?:[\u4e00-\u9fff]{1,15}、)*[\u4e00-\u9fff]{1,15}、?")
# Staff lines that list people, and the names such a line carries on with when it wraps.
_STAFF_PEOPLE = re.compile(
    rf"^(?:{_EDITORS}|(?:本版|本期)(?:统筹|策划)|版式设计|美编|制图|责任编辑)")
_NAMES = re.compile(r"[\u4e00-\u9fff·]{1,3}(?:\s+[\u4e00-\u9fff·]{1,3})*")
_PAGE_MAILBOX = re.compile(r"^(?:本版|本期)邮箱|^电子(?:信箱|邮箱)[:：]")
# Labels of boxes inside an article (核心阅读 …): sub-heads, never headlines.
_LABELS = frozenset(
    "核心阅读 开栏的话 编者按 记者手记 人物名片 背景链接 链接 相关链接 延伸阅读 新闻速递 "
    "专家点评 短评 镜头 数说 新闻链接 观察 小贴士 内容提要 这正是 点评 引子 绝活看点 人物小传 "
    "推荐读物 对话人 感言 回信 贺信 目录 前言".split()
)
# Boxes printed after an article's last paragraph, and after its byline, yet part of it.
_CLOSING_BOXES = frozenset("记者手记 推荐读物 延伸阅读 链接 新闻链接".split())
# Boxes only ever printed at the top of an article, right under its heading.
# (A letter's heading, 回信 or 贺信, stands over its salutation.)
_OPENING_BOXES = frozenset(
    "核心阅读 开栏的话 内容提要 绝活看点 人物小传 人物名片 引子 回信 贺信 目录 前言".split())
_SECTION_NUMBER = re.compile(
    r"[一二三四五六七八九十]{1,3}[、．.]?|\d{1,2}[、．.]?|[（(][一二三四五六七八九十\d]{1,2}[）)]")
# A numbered section heading of a long document (一、总体情况, 二、学校建设) or a numbered
# entry of a list (1.某某陈列馆; not a figure, 1.5万人).
_HEAD_NUMBER = r"[一二三四五六七八九十]{1,3}、"
_NUMBERED_HEAD = re.compile(rf"(?:{_HEAD_NUMBER}|\d{{1,2}}[.．、](?!\d))[^，。！？；：:]{{1,20}}")
_LIST_ITEM = re.compile(rf"{_HEAD_NUMBER}|[（(][一二三四五六七八九十\d]{{1,4}}[）)]")
_BYLINE_LINE = re.compile(
    rf"^[（(]?{_BYLINE_WORD}[:：]?\s*{_NAME}(?:[\s、，,]+(?:{_BYLINE_WORD}\s*)?{_NAME})*[）)]?$"
)
_BYLINE_TAIL = re.compile(
    rf"(?<=[。！？”）])\s*([（(]?{_BYLINE_WORD}[:：]?\s*{_NAME}"
    rf"(?:[\s、，,]+(?:{_BYLINE_WORD}\s*)?{_NAME})*[）)]?)$"
)
_CREDIT = re.compile(
    r"^[\u4e00-\u9fff·\s]{0,30}(?:摄|摄影|摄影报道|供图|制图|绘)(?:[（(][^）)]{1,12}[）)])?$"
)
# A credit that names a staff reporter (新华社记者  某某摄) is complete on its line.
_STAFF_CREDIT = re.compile(r"(?:新华社|本报|人民日报|中新社)?(?:特约)?(?:记者|通讯员)")
# How a report opens: 本报讯, a dateline. (An agency in a list, 新华社、中央广播电视总台, opens
# none: that 电 belongs to a word.)
_OPENER = re.compile(
    r"^(?:本报[讯电]|新华社[^\s，。、]{0,20}电|本报[^\s，。]{1,12}[0-9一二三四五六七八九十]+月"
    r"[0-9一二三四五六七八九十]+日电|据新华社(?:[^\s，。、]{0,20}电)?|中新社[^\s，。、]{0,20}电)"
)
# A brief in a roundup opens with a bare 本报电, without place or date.
_BRIEF = re.compile(r"本报电")
_BULLET = re.compile(r"[■●◆]")
# (试图为, 力图为, 蓝图为…: verbs and nouns ending in 图 that happen to precede 为.)
_CAPTION = re.compile(r"^▲|(?<![试力蓝企意])图为")
# A reader's letter is signed with the writer's place and name set apart by a space
# (某省某县  周先生, 某网站留言板网友  吴女士).
_LETTER_SIGNATURE = re.compile(
    r"^\S{2,24}(?:省|市|县|区|旗|盟|州|网友)\s+[\u4e00-\u9fff·](?:\s*[\u4e00-\u9fff·]){1,3}$")
# The last line of a report on an official event: who else attended (张明等参加会见。,
# 约100人参加活动。, 某大使也到机场迎接。).
_ATTENDED = re.compile(
    r"[\u4e00-\u9fff\d、·，等]{2,40}(?:(?:参加|出席)(?:会见|会谈|上述活动|活动|调研|会议)?"
    r"|到机场(?:迎接|送行)|陪同(?:调研|考察)?)。")
# A letter or a decree printed in full closes with its date (2023年5月8日, …于某地), often
# over the agency's bracketed dateline (（新华社某地5月9日电）); the report on a letter, under
# the same dateline, follows in the same article.
_DATE_LINE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月"
                        r"[\d一二三四五六七八九十]{1,3}日(?:于[\u4e00-\u9fff]{2,8})?")
_DATELINE_KEY = re.compile(r"(?:新华社|本报|中新社)(\S{0,12}?[\d一二三四五六七八九十]+月"
                           r"[\d一二三四五六七八九十]+日)电")
# The signature closing an editor's note (——编者): part of the note, not a subheadline.
_SIGNATURE = re.compile(r"[—-]{1,2}\s*编\s*者")
# Who said the quotation above (——某大学校长接受记者采访时说), or which reader wrote the piece
# above (——《某刊》读者某某): the end of a text, no subheadline.
_ATTRIBUTION = re.compile(r"——(?:[^，。！？；：]{2,40}(?:说|表示|指出|强调|谈道)"
                          r"|(?:《[^《》]{1,20}》)?(?:读者|网友)[\u4e00-\u9fff·]{2,5})")
# A column name closing a headline: 涵养忠诚之魂（人民论坛）, 铸魂育人（最美新时代革命军人）;
# only a two-part name (某论坛·甲、乙) holds a 、, which in a body bracket lists things, and
# a short name defined in brackets (（简称“县职中”）) is body text, and so is a province
# in a company's name (某科技（海南）有限公司); letters and figures (（10+1）) name no column.
_PROVINCES = ("北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东"
              "|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏"
              "|宁夏|新疆|香港|澳门")
_FIGURES = r"[A-Za-z0-9+./-]+"
# (Nor is an alias, （化名）, or a school's or company's other name or form:
# 中央党校（国家行政学院）, 某某船务（股份）有限公司.)
_ALIAS = r"(?:[^（()）]{0,20}(?:学院|大学|研究院|研究所|学校|公司|集团|股份|控股)|化名)[）)]"
_HEAD_TAG = re.compile(rf"[^（(][（(](?!{_FIGURES}[）)]|(?:以下)?简称|下称|(?:{_PROVINCES})[）)]"
                       rf"|{_ALIAS})"
                       r"(?:[^（()）。，！？；：:、]{2,24}|[^（()）。，！？；：:]{1,12}·[^（()）。，！？；：:]{1,20})[）)]$")
# A note that only ever closes an article, even under a short line: （作者为…）, （…整理）.
_CLOSING_NOTE = re.compile(
    r"[（(](?:作者|本文作者|摘编自|执笔|案例来源|采访组成员|本版文字|[^（）()]{2,40}(?:整理|采写)[）)]$)")
# A few words in brackets, possibly set apart by spaces: （无影灯）, （迎大运  展风采）.
_BRACKETED_WORDS = re.compile(r"[（(][\u4e00-\u9fff·][\u4e00-\u9fff·\s]{0,12}[\u4e00-\u9fff·][）)]")
# Longest bracketed note, in characters: one naming many reporters (综合本报记者…参与采写).
_LONGEST_NOTE = 150
# A bracketed author note closing a paragraph: （本报记者谷业凯、吴月辉） ends the article.
_NOTE_OPEN = re.compile(
    rf"[（(](?:{_NOTE_WORDS}|据新华社|新华社|本报){_NOTE_TEXT}{{0,{_LONGEST_NOTE}}}[）)]$")


@dataclass
class _Line:
    text: str
    width: int
    indent: bool
    spaced: str  # folded and cleaned but with its spaces kept: bylines separate names by them
    centred: bool = False  # led by more spaces than an indent: a heading set in the middle
    gapped: bool = False  # two phrases set apart by a wide gap: the parts of a headline
    # Led by a single ideographic space, half a paragraph's indent: a heading set in.
    half_indent: bool = False


@dataclass
class _Unit:
    """A rebuilt paragraph or a short line, in page order."""

    text: str
    kind: str  # "para", "short", "byline", "credit", "caption"
    lines: int = 1
    opener: bool = False
    tail_byline: str | None = None
    # Range of column widths the paragraph's full lines allow; None for one-line units.
    column: tuple[int, int] | None = None
    column_votes: int = 0  # how many unindented full lines agree on it
    last_width: int = 0
    indented: bool = False  # its first line is set in, as a paragraph's first line is
    report: bool = False  # a photo item with text of its own: an article, not a caption
    gapped: bool = False  # a line of two phrases set apart by a wide gap
    centred: bool = False  # a one-line unit set in further than a paragraph's indent


@dataclass
class _Segment:
    units: list[int]
    state: int  # index into candidate headlines, -1 for none
    roundup: bool = False  # briefs gathered under one heading, each with its own title


def _display_width(text: str) -> int:
    # Ambiguous-width marks (—, “”, …, ·) are set full width in Chinese text.
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _is_wide(ch: str) -> bool:
    # (Chinese type sets the middle dot of names and series titles, 某某·某某, in a full cell.)
    return is_cjk(ch) or ch == "·" or (
        ord(ch) > 0x2000 and unicodedata.east_asian_width(ch) in "WF")


def _in_full_cells(text: str) -> bool:
    """Whether every character of ``text`` takes a full cell: quotation marks do in Chinese
    type, though Unicode leaves their width ambiguous."""
    return all(_is_wide(ch) or ch in "“”‘’" for ch in text)


def clean_line(raw: str) -> str:
    """Normalise one OCR line: width folding, garbage removal, no spaces between CJK characters.

    >>> clean_line("的 焦 虑 情\\ufffd绪 ， 2 0 2 3年")
    '的焦虑情绪，2023年'
    """
    text = fold_width(raw)
    text = "".join(
        ch for ch in text
        if ch not in _GARBAGE and unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cn", "Cs")
    )
    parts = _SPACE.split(text.strip())
    out = parts[0] if parts else ""
    for part in parts[1:]:
        if not part:
            continue
        left, right = out[-1:], part[0]
        # A space survives only between two Latin words or numbers that are not digit runs
        # split by OCR ("2 0 2 3" is one number, "COVID 19" keeps its space).
        keep = left.isascii() and right.isascii() and left.isalnum() and right.isalnum() and not (
            left.isdigit() and right.isdigit()
        )
        out += (" " if keep else "") + part
    return out


def _squash(raw: str) -> str:
    """A credit line, width-folded, with every run of spaces made one space."""
    return re.sub(r"\s+", " ", fold_width(raw).replace("\u3000", " ")).strip()


def _unspace(raw: str) -> str:
    """A credit line with single spaces between names, and no OCR spacing between letters."""
    text = _squash(raw)
    tokens = text.split(" ")
    # Many one-character tokens: OCR spacing between every character, not spaces between names.
    return "".join(tokens) if sum(len(t) == 1 for t in tokens) >= 3 else text


def _clean_byline(raw: str) -> str:
    text = _squash(raw)
    if text[:1] in "（(" and text[-1:] in "）)":
        text = text[1:-1].strip()
    joined = _unspace(text)
    if joined != text:
        text = re.sub(rf"^{_BYLINE_WORD}", lambda m: m.group(0) + " ", joined)
    return text


def _prepare(text: str) -> list[_Line | None]:
    lines: list[_Line | None] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        raw = raw.replace("\ufeff", "")
        cleaned = clean_line(raw)
        if not cleaned:
            lines.append(None)
            continue
        # (Spaces before a reporter's note are the gap after a dateline the column edge broke
        # at, 本报某地某日电  / （记者某某）: no paragraph opens with such a note.)
        indent = bool(re.match(r"^(?:[ \u00a0]{2,}|\u3000)", raw)) and not (
            raw[:1] != "\u3000" and re.match(rf"[（(]{_NOTE_WORDS}", cleaned))
        # Width as printed (before folding, without OCR spaces); an indent takes column
        # space too, so the first line of a paragraph still measures as a full line.
        printed = "".join(
            ch for ch in raw.strip() if ch not in (" ", "\t") and ch not in _GARBAGE
        )
        parts = _SPACE.split(raw.strip())
        if len(parts) >= 3 and sum(len(part) == 1 for part in parts) >= 0.6 * len(parts):
            # OCR spacing between every character: only wider gaps part names (网友  小军).
            parts = re.split(r"[ \t\u00a0]{2,}|\u3000+", raw.strip())
        spaced = " ".join(clean_line(part) for part in parts)
        # A single space left at the start of a wrapped line still took its place in the column.
        lead = 1 if raw[:1] in (" ", "\u00a0") and not indent else 0
        # (Only where OCR did not space every character apart: there a gap may be a
        # space the text itself held, after a dateline say.)
        gapped = len(parts) == 2 and all(len(part) >= 3 and " " not in part for part in parts) and (
            bool(re.search(r"[\u4e00-\u9fff](?: {2,}|\u3000+)[\u4e00-\u9fff]", raw.strip())))
        lines.append(
            _Line(cleaned, _display_width(printed) + (4 if indent else lead), indent,
                  spaced.strip(), bool(re.match(r"^\u3000{3,}", raw)), gapped,
                  bool(re.match(r"^\u3000(?!\u3000)", raw)))
        )
    return lines


def _set_width(line: _Line) -> int:
    """The width a line takes inside its column: a closing mark may hang past the edge."""
    return line.width - (2 if line.text[-1:] in _HANGING else 0)


def _column_widths(lines: list[_Line]) -> list[int | None]:
    """For each line, the most common width among nearby lines: the column it sits in.

    Headlines are wider or narrower than the column but rarely repeat a width,
    while every body line but a paragraph's last fills the column.
    """
    out: list[int | None] = []
    for i in range(len(lines)):
        lo, hi = max(0, i - 5), min(len(lines), i + 6)
        widths = [lines[j].width for j in range(lo, hi) if j != i]
        best, best_n = None, 1
        for w in sorted(set(widths), reverse=True):
            n = sum(1 for x in widths if w - 1 <= x <= w + 1)
            if n > best_n and w >= 12:
                best, best_n = w, n
        out.append(best)
    return out


def _ends_terminal(text: str) -> bool:
    t = text.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _TERMINAL


def _is_short_kind(text: str, spaced: str = "") -> str | None:
    """``credit``, ``byline`` or None; ``spaced`` is the line with its spaces, when one line."""
    if text in _LABELS:
        return None  # 记者手记 reads like a reporter's byline but labels a box
    if _CREDIT.match(text):
        return "credit"
    # (Names of two and three characters run together only the spaces tell apart.)
    if (_BYLINE_LINE.match(text) or (" " in spaced and _BYLINE_LINE.match(spaced))
            or _NOTE_LINE.match(text)
            or _STAFF_HEAD.match(text) or _LETTER_SIGNATURE.match(spaced)):
        return "byline"
    return None


def _rebuild(lines: list[_Line | None]) -> list[_Unit]:
    """Re-join column-broken lines into paragraphs; keep short lines as units of their own."""
    present = [ln for ln in lines if ln is not None]
    cols = _column_widths(present)
    indented_page = sum(ln.indent for ln in present) >= max(2, len(present) // 20)
    # Where most lines after a sentence end (paragraphs' first lines) are set flush left, a
    # line set in is not a paragraph's first line.
    starts = [b for a, b in zip(present, present[1:], strict=False) if _ends_terminal(a.text)]
    flush_left = len(starts) >= 5 and sum(ln.indent for ln in starts) * 5 <= len(starts)
    units: list[_Unit] = []
    buf: list[_Line] = []

    def flush() -> None:
        if not buf:
            return
        # Unpunctuated lines after a sentence end cannot be where a paragraph stops: they are
        # a heading (one line, or a headline and its subheadline) that happened to fill the
        # column under the paragraph's last line (also one closed by its column's name,
        # 乡村振兴离不开产业升级（一线行走）).
        tail: list[_Line] = []
        # (A quotation may open such a heading when its column's name closes it:
        # “乡村有了新气象” / （一线行走）; a comma may part one line so closed: 实干拼搏，
        # 书写不平凡（快评）.)
        for k in (1, 2):
            last = "".join(ln.text for ln in buf[-k:])
            if len(buf) > k and _ends_terminal(buf[-k - 1].text) and (all(
                    not re.search(r"[，。！？；：、“”‘’（）…]", ln.text)
                    or (_HEAD_TAG.search(ln.text) and not re.search(r"[，。！？；：、…]", ln.text))
                    for ln in buf[-k:]) or (
                    _HEAD_TAG.search(last) and last.count("“") == last.count("”")
                    and not re.search(r"[。！？；：…]" if k == 1 else r"[，。！？；：、…]", last))):
                tail = buf[-k:]
                del buf[-k:]
                break
        # (So are a kicker ending in ——, commas and all, and an unpunctuated headline under
        # it: 立足需求，产教融合—— / 某地加速培养数字人才.)
        if (not tail and len(buf) == 2
                and re.fullmatch(r"[^。！？；：:“”—]{2,20}——", buf[0].text)
                and re.fullmatch(r"[^，。！？；：:、“”（）()—]{4,24}", buf[1].text)):
            tail = buf[1:]
            del buf[1:]
        text = "".join(
            (" " if a.text[-1:].isascii() and a.text[-1:].isalnum() and b.text[:1].isascii()
             and b.text[:1].isalpha() and not _email_broken(a.text, b.text) else "") + b.text
            if k else b.text
            for k, (a, b) in enumerate(zip([buf[0]] + buf[:-1], buf, strict=True))
        )
        if (_STAFF_PEOPLE.match(text) and (_is_short_kind(text) or len(text) <= 30)) or (
                len(buf) == 2 and _signature_broken(buf[0], buf[1])):
            # (the names stay apart)
            names = buf[0].spaced
            # (A bracket the edge broke is no gap between names, nor is a signature's name
            # the edge broke, 某县  王 / 林.)
            for ln in buf[1:]:
                names += ("" if names.count("（") > names.count("）") or (
                    len(buf) == 2 and _LETTER_SIGNATURE.match(names)) else " ") + ln.spaced
            unit = _Unit(names, "byline", len(buf))
        else:
            unit = _classify(text, len(buf), buf[-1].spaced)
        unit.last_width = buf[-1].width
        unit.indented = buf[0].indent
        unit.gapped = len(buf) == 1 and buf[0].gapped
        unit.centred = len(buf) == 1 and buf[0].centred
        # Marks pushed onto a line of their own (…………) say nothing about the column.
        worded = [ln for ln in buf if not _all_punct(ln.text)]
        # (An advertisement's credit sets its sponsor apart by a space: its lines' widths
        # say nothing of the column.)
        if len(worded) > 1 and not _PSA_CREDIT.match(text):
            unit.column, unit.column_votes = _column_range(worded[:-1])
        if zone_line and unit.kind == "para" and not _labelled(unit.text):
            unit.kind = "short"  # however long, a line of a headline block is a heading
        units.append(unit)
        buf.clear()
        for ln in tail:
            buf.append(ln)
            flush()

    top, bottom = _block_zones(present)
    # (Above the first paragraph of a page that prints headlines inline stands only the first
    # article's heading.)
    blocks = top > 4 or bottom < len(present)
    heads_above = 0  # lines split off above by the same-width rule below
    zone_line = False
    for idx, ln in enumerate(present):
        in_block = idx < top or idx >= bottom or idx - 1 < top or idx - 1 >= bottom
        so_far = "".join(b.text for b in buf)
        # 本报北京8月21日电（记者韩晓明） opens a paragraph; the same note after text closes it.
        note_closed = bool(buf) and so_far.endswith(("）", ")")) and bool(
            _NOTE_OPEN.search(so_far)) and not _OPENER.match(so_far)
        # A dateline and its note (本报北京8月30日电（记者…）) never end a paragraph.
        head = _OPENER.match(so_far)
        rest = so_far[head.end():] if head else ""
        dateline = bool(head) and (not rest or (
            rest[0] in "（(" and len(rest) <= 30 and not re.search(r"[。！？]", rest)))
        # A bracketed note wrapped over several lines closes where its bracket does.
        # (A note that opens its line, （本报某地电 / 记者… / …）, may take three or four lines
        # where the column is narrow: it closes on one of the next lines.)
        open_note = (so_far.count("（") > so_far.count("）") and len(so_far) <= _LONGEST_NOTE and (
            (ln.text.endswith("）") and not re.search(r"[。！？]", so_far + ln.text))
            or (so_far.startswith("（") and _bracket_closes_below(present, idx))))
        # (Does the line above fill the column, as a line of a paragraph does?)
        fills = bool(buf) and cols[idx - 1] is not None and abs(buf[0].width - cols[idx - 1]) <= 2
        # Is the line set in another column than the paragraph that ended above it? (A closing
        # mark hanging past the edge makes a line of the same column look wider.)
        above = _column_above(units)
        moved = bool(buf) and above is not None and not (
            above[0] - 1 <= buf[0].width <= above[1] + 3)
        # A line of its own ending in a column name (…（人民论坛）) is a headline, however wide;
        # inside a paragraph such a bracket is only a term the column edge happened to follow,
        # unless the line is set in on a page whose paragraphs are not, or in a narrower
        # column than the paragraph above.
        # (A question or exclamation may end the headline before its column name:
        # 什么树适合种在校园里？（把自然讲给你听）.)
        tag = _HEAD_TAG.search(so_far)
        # (The question mark closing such a headline may be pushed onto the column name's
        # line: 组织者担责吗 / ？（以案说法）.)
        # (So may a headline of two lines under a kicker ending in —— or set in another
        # column than the paragraph above; a paragraph's first line set in, a bracket or a
        # list's 、 before the tag make it text: 某学院（某研究院）科研部、… / ….)
        tagged = (bool(tag) and (len(buf) == 1 or (
                      len(buf) == 2 and buf[1].text[0] in "？！"
                      and tag.start() == len(buf[0].text)) or (
                      len(buf) == 2 and (buf[0].text.endswith("——") or moved)
                      and not buf[0].indent and not re.search(r"[（(、]", so_far[:tag.start()])))
                  and not head
                  and not re.search(r"[。！？；]", so_far[:tag.start()] if tag else so_far)
                  and not open_note
                  # (a place in brackets inside a name, 某某科技（丽水）/ 有限公司: a full line
                  # whose bracketed word the lines around it use too names no column)
                  and not (fills and tag and tag.group(0)[2:-1] in so_far[:tag.start()] + "".join(
                      x.text for x in present[max(0, idx - 4):idx - 1] + present[idx:idx + 3]))
                  and not (fills and not moved and (
                      (re.search(r"[，：:]", so_far) and not (buf[0].indent and not indented_page))
                      # (a paragraph's first line, set in as the others, 县职业中专（县技工学校）)
                      or (buf[0].indent and indented_page))))
        # So is a line that is one quotation without a sentence end in it (“…充满信心”) and
        # does not fill the column: a paragraph opening with a quotation as wide as the
        # column is a coincidence.
        quoted = (len(buf) == 1 and bool(re.fullmatch(r"“[^“”，。！？；]{4,40}”", so_far))
                  and ln.text[0] not in _HANGING + "的"
                  and not (units and units[-1].kind == "short") and not fills)
        # So is an unpunctuated line, or one whole quotation, over one that opens a sentence
        # with its date or time (8月29日，近日，): the first line of that paragraph is the one
        # below.
        timed = (len(buf) == 1 and not buf[0].indent
                 and bool(_TIME_OPENING.match(ln.text))
                 and (not re.search(r"[，。、；：！？,.;:!?（）()“”]", so_far)
                      or bool(re.fullmatch(r"“[^“”，。、；：！？]{2,40}”", so_far)))
                 and not _OPENER.match(so_far) and (not units or _ends_terminal(units[-1].text)))
        below_heading = len(buf) == 1 and bool(units) and units[-1].kind == "short"
        # The line under a kicker (天津市——) that stops short of the column is the headline,
        # however it is punctuated (by a character, where it has no comma and its characters
        # are all full-width).
        # So is one whole quotation without a sentence end (“遇到烦心事，找党员户说一说”).
        # (A character or two alone on the next line finish a word the edge broke: the
        # line reached the column after all, 提供更好的药学服 / 务.)
        under_kicker = (below_heading and units[-1].text.endswith("——")
                        and not _ends_terminal(so_far)
                        and not (len(ln.text) <= 2 and not _all_punct(ln.text)
                                 and cols[idx - 1] is not None
                                 and buf[0].width >= cols[idx - 1] - 2) and (
                            bool(re.fullmatch(r"“[^“”。！？；]{4,40}”", so_far))
                            or (cols[idx - 1] is not None and buf[0].width <= cols[idx - 1] - (
                                2 if all(_is_wide(ch) and ch not in "，、；：" for ch in so_far)
                                else 4))
                            # (or sticks out past it, where no closing mark hangs and the
                            # line under it is narrower: one as wide shows a wider column
                            # the estimate has not caught up with)
                            or (cols[idx - 1] is not None and buf[0].width >= cols[idx - 1] + 2
                                and not _all_punct(so_far[-1])
                                and ln.width < buf[0].width - 2)))
        # A ——subheadline under its headline stands on its own line; a point of a list set in
        # as paragraphs are and filling the column (——某某开放 / 合作先导区。) goes on.
        under_head = below_heading and _is_dash_head(so_far, commas=True) and not (
            fills and indented_page and buf[0].indent)
        # The caption under a photo title (图片报道) is set in a column of its own, too short
        # for the neighbours to show: its first line carries on into a line as wide.
        photo_lead = (below_heading and units[-1].text in _PHOTO_TITLES
                      and not _ends_terminal(so_far) and not ln.indent
                      and abs(ln.width - buf[0].width) <= 3
                      and not (_CAPTION.match(ln.text) or _OPENER.match(ln.text)
                               or _is_short_kind(ln.text, ln.spaced)))
        # A staff line wrapped at the column edge carries on with more names, an e-mail
        # address with the rest of it, and any line with the closing mark that opens the
        # next one (typesetting never starts a line with one), even in a headline block.
        carried = bool(buf) and (_names_carry(so_far, ln.spaced)
                                 or _email_broken(buf[-1].text, ln.text)
                                 or ln.text[0] in _HANGING
                                 or (len(buf) == 1 and not in_block
                                     and _signature_broken(buf[0], ln))
                                 or _staff_wrapped(so_far, buf[-1].text, ln.text)
                                 # (a note closing the page, （某某参 / 与制作）)
                                 or (so_far.startswith("（") and ln.text.endswith("）")
                                     and bool(_NOTE_LINE.match(so_far + ln.text)))
                                 or (len(buf) == 1 and _quote_wrapped(so_far, ln.text))
                                 # (an advertisement's credit, until its sponsor's name
                                 # is complete)
                                 or (bool(_PSA_WRAPPED.fullmatch(so_far + ln.text))
                                     and not so_far.endswith(("公司", "集团")))
                                 or _quote_closed(so_far, ln.text)
                                 # (a question closing a headline, its column's name set on
                                 # a line of its own under it: 什么树适合种在校园里？ /
                                 # （把自然讲给你听）; a name in brackets is shorter)
                                 or (len(buf) == 1 and bool(
                                     re.fullmatch(r"[^，。、；：！？]{4,30}[？！]", so_far))
                                     and bool(re.fullmatch(r"[（(][\u4e00-\u9fff]{5,12}[）)]",
                                                           ln.text))
                                     and _column_name(so_far + ln.text))
                                 # (a number the column edge broke, 电话：010—6100284 /
                                 # 6: figures alone are never a line of their own)
                                 or (buf[-1].text[-1:].isdigit()
                                     and bool(re.fullmatch(r"\d{1,4}", ln.text))
                                     and cols[idx - 1] is not None
                                     and buf[-1].width >= cols[idx - 1] - 2)
                                 # (a note that the full text is printed elsewhere)
                                 or bool(_ELSEWHERE.fullmatch(ln.text)))
        # On a page that prints each headline over its article, an unpunctuated line that fills
        # a column other than that of the paragraph ended above it, and whose words recur
        # below, is a headline exactly as wide as its article's column; so is a second such
        # line under it. (Under a byline the cues are too weak: an article printed without
        # its headline opens as often with such a line.)
        same_width = (
            not blocks and len(buf) == 1 and not buf[0].indent and cols[idx - 1] is not None
            and abs(buf[0].width - cols[idx - 1]) <= 1
            # (a place or subject may lead it, set off by a colon: 某地：某事)
            and not re.search(r"[，。、；：！？,.;:!?（）()]",
                              re.sub(r"^[\u4e00-\u9fff]{2,6}：", "", so_far))
            and not _OPENER.match(so_far)
            and so_far.count("“") == so_far.count("”")  # (a quotation the edge broke)
            and (heads_above == 1 or moved)
            and _recurs(so_far, _column_run(present, cols, idx))
            and not _word_across(so_far, ln.text)
            # (a sentence ending a few characters into the next line began on this one)
            and not re.match(r"[^，。！？；：]{1,4}[。！？；]", ln.text))
        heads_above = heads_above + 1 if same_width else 0
        # On a page that sets in its paragraphs, an unpunctuated line under a sentence end and
        # over a set-in line would end a paragraph without a final mark: a heading that
        # happens to fill the column (既要某某，也要某某 / 　　the article's first line). One
        # leaving a quotation open is text: a gap in the quoted words may look like the indent.
        lone = (indented_page and bool(buf) and _ends_terminal(buf[-1].text) and not ln.indent
                and idx + 1 < len(present) and present[idx + 1].indent
                and not re.search(r"[。！？；：:…”’）)]$", ln.text)
                and ln.text.count("“") <= ln.text.count("”"))
        if buf and not carried and (
                in_block or same_width or note_closed or tagged or quoted or timed or under_kicker
                or under_head or lone or not (
                    dateline or open_note or photo_lead
                    or _continues(buf[-1], ln, cols[idx - 1], indented_page, cols[idx],
                                  flush_left, above))):
            flush()
        zone_line = idx < top or idx >= bottom
        buf.append(ln)
    flush()
    return units


def _column_above(units: list[_Unit]) -> tuple[int, int] | None:
    """Column of the paragraph that ended right above (a one-line last paragraph shows none:
    the one before it does)."""
    for k in (1, 2):
        if len(units) < k or units[-k].kind != "para" or not _ends_terminal(units[-k].text):
            return None
        if units[-k].column is not None:
            return units[-k].column
        if units[-k].lines > 1:
            return None
    return None


def _column_run(lines: list[_Line], cols: list[int | None], start: int) -> str:
    """Text of the lines from ``start`` on that stay in the column set there."""
    out = []
    for ln, col in zip(lines[start:start + 200], cols[start:start + 200], strict=False):
        if col is None or cols[start] is None or abs(col - cols[start]) > 1:
            break
        out.append(ln.text)
    return "".join(out)


def _recurs(line: str, text: str, share: float = 0.6) -> bool:
    """Whether most pairs of Chinese characters in ``line`` recur in ``text``, as a headline's
    words recur in its article: with the default share, 72 % of headlines against 20 % of
    articles' first lines (10–25 characters) in the July–August data."""
    pairs = {g for g in _grams(line) if len(g) == 2 and is_cjk(g[0]) and is_cjk(g[1])}
    return len(pairs) >= 4 and len(pairs & _grams(text)) >= share * len(pairs)


def _word_across(upper: str, lower: str) -> bool:
    """Whether a word runs on from ``upper`` into ``lower`` (…不久前举 / 行了…): the edge of a
    column broke it, as it does not at the end of a headline."""
    head = upper[-6:]
    end = 0
    for word in cut(head + lower[:6]):
        start, end = end, end + len(word)
        if start < len(head) < end:
            return True
    return False


def _block_zones(lines: list[_Line]) -> tuple[int, int]:
    """Line ranges ``[0, top)`` and ``[bottom, n)`` that hold headline blocks.

    Body paragraphs end with sentence punctuation; headlines never do. Lines
    after the last punctuated line (bylines and credits aside) are a bottom
    block; lines before the first paragraph are a top block, the first
    paragraph reaching back over the full-width lines above its last line.
    """
    n = len(lines)
    # A whole quotation under a kicker (县实验小学合唱团—— / “我们的歌声飞出了大山！”) is a
    # headline.
    # So is a speaker's kicker over an unpunctuated headline (外交部发言人： / 中方敦促…): it ends
    # no paragraph. Nor does a ——subheadline asking the question its piece answers, under
    # an unpunctuated headline.
    ends = [i for i, ln in enumerate(lines) if _ends_terminal(ln.text) and not (
        i and lines[i - 1].text.endswith("——") and ln.text.startswith("“")
        and ln.text.endswith("”") and not ln.indent) and not (
        i and ln.text.startswith("——") and ln.text.endswith(("？", "?"))
        and not _ends_terminal(lines[i - 1].text)) and not (
        _SPEAKER_KICKER.fullmatch(ln.text) and i + 1 < n and not _ends_terminal(lines[i + 1].text)
        and not re.search(r"[，。；]", lines[i + 1].text))]
    # (So is an exclamation opening the page over more unpunctuated lines: 某某测试成功！ / the
    # next headline, or a kicker trailing off in …… where no line above leads into it. Under
    # the page's last paragraph such lines are a bottom block.)
    while len(ends) > 1 and (lines[ends[0]].text.endswith(("！", "!")) or (
            lines[ends[0]].text.endswith("……") and not (
                ends[0] and lines[ends[0] - 1].text.endswith(("，", "、", "；"))))) and all(
            ends[0] + d < n and not re.search(r"[，。！？；：、,.!?;:]", lines[ends[0] + d].text)
            for d in (1, 2)):
        ends.pop(0)
    if not ends:
        return 0, n
    last = ends[-1]
    # (A closing mark pushed onto a line of its own, ”, still ends the last paragraph.)
    while last + 1 < n and _all_punct(lines[last + 1].text):
        last += 1
    grown = True
    body_width = sorted(ln.width for ln in lines[max(0, last - 6):last])[-3:][:1]
    # The speaker of a quotation (——某国某机构专家某某), under the last paragraph, signs it,
    # however many lines the column wraps the name over; a headline block never opens with a
    # dash.
    if last + 1 < n and lines[last + 1].text.startswith("——") and not lines[
            last + 1].text.endswith("——"):
        last += 1
        while (last + 1 < n and body_width and lines[last].width >= body_width[0] - 2
               and not _ends_terminal(lines[last].text)
               and not lines[last + 1].text.startswith(("——", "（", "("))):
            last += 1
    while grown:  # bylines and notes (possibly wrapped over lines) still belong to the body
        grown = False
        for k in range(1, 9):
            joined = "".join(ln.text for ln in lines[last + 1:last + k + 1])
            # (A note in brackets may wrap over more lines where the column is narrow.)
            if last + k < n and (k <= 3 or _NOTE_LINE.fullmatch(joined)) and (
                    _is_short_kind(joined, lines[last + 1].spaced if k == 1 else "")
                    or _SIGNATURE.fullmatch(joined) or _PSA_CREDIT.match(joined)):
                note = last + 1
                last += k
                # An address broken at the column edge, the bracket it opens, the names of
                # a staff line and the company paying for an advertisement carry on.
                while last + 1 < n and (_email_broken(lines[last].text, lines[last + 1].text) or (
                        joined.count("（") > joined.count("）") and len(joined) <= 80) or (
                        _names_carry(joined, lines[last + 1].spaced)) or (
                        _PSA_CREDIT.match(joined + lines[last + 1].text))):
                    last += 1
                    joined = "".join(ln.text for ln in lines[note:last + 1])
                # A note as wide as the column above it wraps onto the next line, unless it
                # ends in a whole e-mail address or closes the bracket it opened with.
                while (last + 1 < n and body_width and lines[last].width >= body_width[0] - 2
                       and not _ends_terminal(lines[last].text)
                       and not _ADDRESS_END.search(lines[last].text)
                       and not _is_short_kind(lines[last + 1].text, lines[last + 1].spaced)
                       and not _closes("".join(ln.text for ln in lines[note:last + 1]))):
                    last += 1
                grown = True
                break
    # An opener begins body text even when its paragraph's end is further down, and so does
    # a bullet point (■), which no headline opens with and which sums up without a final mark.
    # (The column edge may break the dateline itself: 本报某地7月 / 24日电.)
    m = min([ends[0]] + [i for i, ln in enumerate(lines[: ends[0]]) if _OPENER.match(ln.text) or (
        i + 1 < n and _OPENER.match(ln.text + lines[i + 1].text)
        and not _OPENER.match(lines[i + 1].text)) or _BULLET.match(ln.text)])
    start = m
    width = lines[m - 1].width if m > 0 else 0
    # (A line far wider than any column, or ending in a column name, is a headline; the first
    # paragraph reaches back no further than such a line among the page's first three, where
    # a headline stands, nor than a kicker ending in —— there and the line under it; lower
    # down the bracket may be an aside of the text and the dash may open a quotation.)
    if m > 0 and not lines[m].indent and width <= _WIDEST_COLUMN and not _HEAD_TAG.search(
            lines[m - 1].text):
        j = m - 1
        # (Measured without a mark hanging past the column edge; where that mark fitted
        # inside after all, the column under the paragraph shows the width.)
        base = _set_width(lines[m - 1])
        below = [ln.width for ln in lines[m + 1:m + 6] if not _ends_terminal(ln.text)]
        column = sorted(below)[len(below) // 2] if len(below) >= 3 else None
        if width >= _set_width(lines[m]) - 2:
            while j >= 0 and not _ends_terminal(lines[j].text) and not lines[j].centred and (
                j > 2 or not (_HEAD_TAG.search(lines[j].text) or lines[j].text.endswith("——")
                              or (j > 0 and lines[j - 1].text.endswith("——")))) and (
                abs(_set_width(lines[j]) - base) <= 2 or lines[j].text.endswith(("，", "、"))
                or (column is not None and abs(lines[j].width - column) <= 1
                    and abs(width - column) <= 2)
                # (a closing mark that fits inside the column hangs past nothing: …“最佳短篇”)
                or base - 2 <= lines[j].width <= base
                # the short last line of an unpunctuated lead paragraph under a full one
                or (j > 0 and abs(_set_width(lines[j - 1]) - base) <= 2
                    and "，" in lines[j - 1].text and lines[j].width < width)
            ):
                start = j
                # (A line set in under one that left a quotation open starts with a gap in
                # the quoted words, “携手某某 /   共赢未来”, no paragraph.)
                if lines[j].indent and not (
                        j > 0 and lines[j - 1].text.count("“") > lines[j - 1].text.count("”")):
                    break
                j -= 1
        # One line over a one-line first paragraph (点火，起飞！) is no full line of it when the
        # article's column below is clearly wider, or narrower than that line where the
        # paragraph fits it: it is the last line of the block.
        if start == m - 1 and column is not None and (
                column > width + 4
                or (column < _set_width(lines[m - 1]) - 3 and lines[m].width <= column + 2
                    and sum(abs(w - column) <= 1 for w in below) >= 3)):
            start = m
        # The block's last line may be as wide as the column: one without a mark whose words
        # nearly all recur in the text below restates the article, a headline, unless a
        # word runs on into the next line.
        if (start < m and not lines[start].indent
                and not re.search(r"[，。、；：！？,.;:!?“”]", lines[start].text)
                and _recurs(lines[start].text,
                            "".join(ln.text for ln in lines[start + 1:start + 60]), 0.9)
                and not _word_across(lines[start].text, lines[start + 1].text)):
            start += 1
    # Lead paragraphs (提要) above the first sentence end carry no final mark either; on an
    # indented page they show as indented runs of full-width lines with commas.
    while start > 0 and lines[start].indent:
        k = start - 1
        while k > start - 30 and k > 0 and not lines[k].indent:  # (a point may run long)
            k -= 1
        para = lines[k:start]
        width = max(width, para[0].width)
        if not (lines[k].indent and len(para) >= 2
                and not any(_ends_terminal(ln.text) for ln in para)
                and all(abs(ln.width - width) <= 2 for ln in para[:-1])
                and para[-1].width <= width + 2
                and re.search(r"[，、]", "".join(ln.text for ln in para))):
            break
        start = k
    # On any page such leads show as runs of three lines or more as wide as one another, with
    # commas in them, over a shorter last line (a commentary's pull quotes, one after another).
    while start > 1:
        k = start - 2
        while k > 0 and abs(lines[k - 1].width - lines[start - 2].width) <= 2 and not (
                _ends_terminal(lines[k - 1].text) or lines[k - 1].indent):
            k -= 1
        para = lines[k:start]
        if not (len(para) >= 4 and para[-1].width < para[0].width - 2
                and sum(bool(re.search(r"[，、]", ln.text)) for ln in para) >= 2):
            break
        start = k
    # Lines ending in a comma are no headline: a salutation (尊敬的主席先生，/ 各位来宾，) over
    # the first paragraph opens it.
    if start == m:
        while start > 0 and lines[start - 1].text.endswith("，"):
            start -= 1
    # A dateline (新华社北京8月24日电) broken off at the column edge opens the first paragraph.
    if start > 0 and _OPENER.match(lines[start - 1].text) and not _ends_terminal(
            lines[start - 1].text):
        start -= 1
    # So does a box printed only at the top of an article (核心阅读): the lead under it has
    # no final mark either.
    start = next((k for k in range(start) if _label_core(lines[k].text) in _OPENING_BOXES),
                 start)
    return start, last + 1


def _names_carry(staff: str, spaced: str) -> bool:
    """Whether a line of names (``spaced``: with its spaces) carries on a staff line wrapped at
    the column edge. Only the editors' line is followed by a single name on its own; under
    other staff lines that may as well be a short heading (上半年)."""
    tokens = spaced.split(" ")
    if not _NAMES.fullmatch(spaced) or (len(tokens) >= 3 and all(len(t) == 1 for t in tokens)):
        return False  # (one character after another: OCR spacing in a line of text)
    return bool(_STAFF_HEAD.match(staff) or (_STAFF_PEOPLE.match(staff) and len(tokens) > 1))


def _bracket_closes_below(lines: list[_Line], idx: int) -> bool:
    """Whether one of ``lines[idx:idx + 3]`` closes an open bracket, with no sentence end
    and no new bracket before it."""
    for k in range(idx, min(idx + 3, len(lines))):
        if lines[k].text.endswith("）"):
            return not re.search(r"[。！？（]", "".join(ln.text for ln in lines[idx:k + 1]))
    return False


def _staff_wrapped(staff: str, upper: str, lower: str) -> bool:
    """Whether ``lower`` carries on a staff line (``staff`` so far, ``upper`` its last line)
    that the column edge broke inside a bracket (（来稿请 / 注明栏目名）) or inside a list of
    sources (数据来源：某部、某 / 部、某局)."""
    if not _STAFF_LINE.match(staff) or _ends_terminal(upper):
        return False
    if staff.count("（") > staff.count("）"):
        return lower.endswith("）") and "（" not in lower
    # (A designer's name may come with the company in brackets: 某某（某某公司）, the edge
    # perhaps breaking the name itself: 某 / 某（某某公司）.)
    if _STAFF_PEOPLE.match(staff) and re.fullmatch(r"[\u4e00-\u9fff]{1,3}（[^（）]{2,}）?", lower):
        return True
    # (A source's name may be broken itself: 国家能源局、国 / 家林草局.)
    return bool(_SOURCES.match(staff)) and bool(_SOURCE_LIST.fullmatch(lower)) and (
        upper.endswith("、") or "、" in lower or _word_across(upper, lower))


def _quote_wrapped(upper: str, lower: str) -> bool:
    """Whether ``lower`` closes a quotation that the one line ``upper`` opened and the
    sentence runs on after it, however ``lower`` is set: a couplet broken at the gap
    between its halves, the second half set in. (A quoted heading ends with its quote, or
    with its column's name: “…家园”（某某专栏）.)"""
    if upper.count("“") <= upper.count("”") or "”" not in lower:
        return False
    inside, after = lower.split("”", 1)
    return ("“" not in inside and bool(after) and after[0] not in "（("
            and not re.search(r"[。！？]", upper + inside))


def _quote_goes_on(upper: str, lower: str) -> bool:
    """Whether ``lower`` closes the quotation ``upper`` left open before opening one of its
    own: a gap inside the quoted words (“携手某某 /   共赢未来”) may look like an indent."""
    marks = re.findall(r"[“”]", lower)
    return upper.count("“") > upper.count("”") and bool(marks) and marks[0] == "”"


def _quote_closed(upper: str, lower: str) -> bool:
    """Whether ``lower`` closes the quotation a paragraph left open and ends the paragraph
    with it (…校长说，“明年… / 到那时，…都能用上。”). A quotation over several paragraphs
    opens each of them again, so a line that closes one without opening it goes on the
    paragraph above."""
    if upper.count("“") <= upper.count("”") or lower.startswith("“"):
        return False
    inside = lower.split("”", 1)[0]
    return lower.endswith(("。”", "！”", "？”")) and "“" not in inside and inside != lower


def _signature_broken(upper: _Line, lower: _Line) -> bool:
    """Whether a reader's signature was broken before the name (某市 / 王林), the name, two or
    three characters, on a line of its own under an unpunctuated source, or inside the name
    (某市  王 / 林)."""
    return (not re.search(r"[，。、；！？]", upper.text)
            and bool(re.fullmatch(r"[\u4e00-\u9fff]{1,3}", lower.text))
            and bool(_LETTER_SIGNATURE.match(f"{upper.spaced} {lower.spaced}")
                     or _LETTER_SIGNATURE.match(upper.spaced + lower.spaced)))


def _email_broken(upper: str, lower: str) -> bool:
    """Whether an e-mail address was broken at the column edge between two lines."""
    return bool((re.search(r"[A-Za-z0-9._-]@[A-Za-z0-9.-]*$", upper)
                 and re.match(r"[A-Za-z0-9.]", lower))
                or (re.search(r"[A-Za-z0-9._-]$", upper)
                    and re.match(r"[A-Za-z0-9._-]*@", lower)))


def _continues(prev: _Line, cur: _Line, col: int | None, indented_page: bool,
               col_below: int | None = None, flush_left: bool = False,
               col_above: tuple[int, int] | None = None) -> bool:
    """Whether ``prev`` was broken by the column edge and ``cur`` carries on its paragraph.

    ``col`` is the column around ``prev``, ``col_below`` the one around ``cur``: they differ
    where ``prev`` opens an article set in a narrower column than the one above it.
    ``flush_left`` says the page opens its paragraphs without an indent; ``col_above`` is
    the column of the paragraph that ended above ``prev``."""
    if _all_punct(cur.text) or cur.text[0] in "”’」』）》】，。、；：！？":
        return True  # typesetting never starts a line with closing punctuation
    # (An editor's note opens its own paragraph, 编者按：…, and a dateline may break
    # before its 电: 本报某地8月24日 / 电.)
    # (A line filling the column in mid-sentence carries on into what only looks like a
    # numbered heading: 每天都要出诊，周 / 六、周日还要值班.)
    # (试图为 broken after its 试 is no caption either.)
    if (_OPENER.match(cur.text)
            or (_CAPTION.match(cur.text) and (
                cur.text.startswith("▲") or _CAPTION.match(prev.text[-1:] + cur.text, 1)))
            or (_is_label(cur.text) and not (
                col is not None and prev.width >= col - 2 and not _ends_terminal(prev.text)
                and re.search(r"[，、]", prev.text)))
            or cur.text.startswith(("编者按", "【编者按】"))
            or _OPENER.fullmatch(cur.text + "电")):
        return False
    if (_column_name(cur.text) and not re.search(r"[。！？]", cur.text)
            and not _ends_terminal(prev.text) and (
                prev.text.endswith(("、", "，")) or (
                    prev.text.startswith("“") and prev.text.count("“") > prev.text.count("”")
                    and "”" in cur.text))):
        # A headline broken after a 、 or ， or inside the words it quotes, closed by its
        # column's name (“让孩子们学得开心、 / 长得健康”（人民论坛）, 用心办实事、 / 取信于民
        # （某某论坛）).
        return True
    if prev.centred or cur.centred:
        return False  # a line set in the middle of the column is a heading of its own
    if _signs_off(prev.text):
        return False  # a signature is whole on its line
    # (A title never spans two paragraphs: where the line leaves one open, 《甲》在《乙 /
    # 丙》, the next line carries it on.)
    title_open = prev.text.rfind("《") > prev.text.rfind("》") and "》" in cur.text
    # A line set in on a page whose paragraphs are not, or by half an indent on any page,
    # over a line that is not set in: a heading.
    if ((flush_left and prev.indent) or prev.half_indent) and not cur.indent and not (
            _OPENER.match(prev.text) or re.search(r"[，。！？；：、,.!?;:]", prev.text)
            or title_open):
        return False
    if _CREDIT.match(prev.text + cur.text) and (
            not _CREDIT.match(prev.text)
            or "摄影报道".endswith(re.sub(r"[（(][^）)]*[）)]$", "", cur.text))):
        # a photo credit broken at the column edge (…摄影报 / 道, …摄 / 影报道（人民视觉）)
        return True
    # (A photo credit naming an agency's reporter is no dateline, though the next line may
    # hold a 电: 新华社记者 某某摄 / 某供电公司….)
    if (_OPENER.match(prev.text + cur.text) and not _OPENER.match(prev.text)
            and not _CREDIT.match(prev.text)):
        return True  # a dateline broken at the column edge (本报某地9月1日 / 电)
    if _email_broken(prev.text, cur.text):
        return True
    if _is_short_kind(cur.text, cur.spaced):
        return False
    if (_is_dash_head(cur.text) and not title_open
            and not re.search(r"[。！？；]", prev.text) and not (
            col is not None and re.search(r"[，、]", prev.text)
            and abs(prev.width - col) <= 1 and abs(cur.width - col) <= 1)):
        # A ——subheadline under a headline line, whatever that line's width; but a dash that
        # opens a full line under a full line with a comma in it carries on a sentence, and
        # one inside a book's title (《文集——副题》) carries on the title.
        return False
    if prev.text.count("（") > prev.text.count("）") and cur.text.endswith("）"):
        return True  # a bracketed note wrapped over two lines
    if title_open:
        return True
    prev_kind = _is_short_kind(prev.text, prev.spaced)
    if prev_kind and _ADDRESS_END.search(prev.text):
        return False  # a staff line ending in an e-mail address the next line does not carry on
    if prev_kind and (
            col is None or prev.width < col - 4 or prev.text.endswith(("）", ")"))):
        return False  # a byline ends its line unless it fills the column and wraps
    # A photo credit that names a reporter, or names set apart by spaces, is whole however
    # wide: only the agency in brackets (（人民视觉）) may follow it. So is a reader's
    # signature.
    if prev_kind == "credit" and not cur.text.startswith(("（", "(")) and (
            _STAFF_CREDIT.match(prev.text) or 2 <= len(prev.spaced.split()) <= 5):
        return False
    if _LETTER_SIGNATURE.match(prev.spaced) or (
            prev_kind == "byline" and " " in prev.spaced and _BYLINE_LINE.match(prev.spaced)
            and not _NAMES.fullmatch(cur.spaced)):
        return False  # (names set apart end their line; only more names carry on)
    if (prev_kind == "byline" and _STAFF_PEOPLE.match(prev.text)
            and not _NAMES.fullmatch(cur.spaced) and not cur.text.startswith(("（", "(", "、"))):
        return False  # (so does a staff line of names: 版式设计：某某 / a headline under it)
    if prev.text.endswith("——") and not _ends_terminal(cur.text) and (
            cur.width <= prev.width - 4 or (col is not None and prev.width > col + 1)):
        return False  # a kicker and the shorter headline under it, or one wider than the column
    if (prev.text.endswith("——") and not re.search(r"[。！？；：“”]", prev.text)
            and re.fullmatch(r"“[^“”]{2,40}”", cur.text)):
        return False  # a kicker over a whole quotation: a heading's two parts (观点—— / “…。”)
    if (col is not None and prev.width >= min(col, col_below or col) - 2
            and not (indented_page and cur.indent)
            and prev.text.count("“") > prev.text.count("”") and not cur.text.startswith("“")):
        # A quotation left open at the column edge goes on, whatever mark it reached (one
        # spanning paragraphs opens each again), gaps in it or not; the edge may be the
        # narrower column below, where an article's first line meets a wider one above.
        return True
    if (prev.gapped and not prev_kind and not _STAFF_CREDIT.search(prev.text)
            and not _OPENER.match(prev.text)
            and not re.search(r"[，。！？；：、,.!?;:]", prev.text)):
        return False  # parallel headline parts (乡村学校添了新貌  师生们的笑容更灿烂)
    if indented_page and cur.indent and not _quote_goes_on(prev.text, cur.text):
        return False
    if (prev.text.endswith(("：", ":")) and cur.text.startswith("“") and col is not None
            and prev.width >= col - 2):
        return True  # a colon at the column edge, the quotation it introduces on the next line
    if _ends_terminal(prev.text) and (col is None or not indented_page):
        return False
    if not _ends_terminal(prev.text):
        # Openers and sentence ends inside the line mark body text, never a headline.
        if _OPENER.match(prev.text) or re.search(r"[。？！]", prev.text[:-1]):
            return True
        # The last line of a paragraph under a line at least as wide: a column of its own
        # (a caption, a short item) whose width the neighbours do not show.
        # (A question under a sub-head leads into its section: 试点将实现什么目标？ A line of
        # words alone (_HEADING_WORDS), two characters or more short of the columns above
        # and below it and not set in, is a heading over a one-line paragraph: 把某事办好 /
        # 书声琅琅，笑语盈盈。 or 多措并举，助力某事 / 某某。 (a comma further in is a wrapped
        # sentence's). So is one filling a narrower column below, unless a word runs on
        # into the next line (…千家万户的生 / 活与国家的大局，…。). A few characters are the
        # end of a sentence the edge broke: 办公室副 / 主任。)
        # (Such a heading is settled here: further down, its comma would read as a sentence
        # the column edge broke.)
        if (_ends_terminal(cur.text) and prev.width >= 16 and cur.width <= prev.width + 4
                and not cur.text.endswith(("？", "?"))):
            if (col is not None and not prev.indent
                    and (col_above is not None or col_below is not None)
                    and prev.width < min(col, col_above[0] if col_above else col_below) - 3
                    and (col_below is None or prev.width < col_below - 3
                         or not _word_across(prev.text, cur.text))
                    and _HEADING_WORDS.fullmatch(prev.text)
                    and len(cur.text) > 4):
                return False
            # (A subject and a colon before the rest, 某某银行：某某, printed wider than the
            # column is a headline across it.)
            # (A line of full-width characters a character narrower than the line under it
            # did not reach the edge: a sub-head over a full quotation.)
            colon_head = col is not None and prev.width > col + 3 and bool(
                re.fullmatch(r"[^，。、；！？：]+：[^，。、；！？：]+", prev.text))
            if not colon_head and not (
                    _in_full_cells(prev.text) and _set_width(cur) >= prev.width + 2):
                return True
    if col is None:  # too few lines to know the column: compare with the next line
        return prev.width >= cur.width - 2 or "，" in prev.text[:-1]
    hangs = prev.text[-1] in _HANGING
    if prev.width > col + (3 if hangs else 1) and abs(cur.width - prev.width) > 2 and not (
            col_below is not None and abs(col_below - prev.width) <= 1
            and re.search(r"[，；、]", prev.text[:-1])):
        # Wider than the column: a headline printed across it, unless the next line is as
        # wide (the first lines of an article set in a wider column than its neighbour), or
        # the column below is as wide and a comma marks a sentence broken at its edge.
        return False
    if (col_below is not None and col_below >= 20 and not prev.indent
            and col_below + (3 if hangs else 1) < prev.width <= col - 2
            and cur.width <= col_below + 1):
        # Narrower than the column above, by a character or more, and wider than the one
        # below: a line of neither, so a heading set between two articles (守住底线、办好
        # 食堂，护好健康), commas or not.
        return False
    if (prev.width > col + 1 and prev.width > cur.width + 1 and not hangs and not prev.indent
            and all(_is_wide(ch) for ch in prev.text)):
        # A line of full-width characters only is as wide as it prints: one a character wider
        # than the column and the line under it was not broken by that column's edge.
        return False
    if _ends_terminal(prev.text):
        # A paragraph ending exactly at the column edge: only an indent tells.
        # (Wider than the column without a mark hanging past the edge: a heading line.)
        # (A paragraph's set-in first line belongs to the column below as much as to the
        # one estimated around it, which the paragraphs above may have set.)
        widths = {col, col_below or col} if prev.indent else {col}
        return indented_page and any(
            prev.width >= c - 1 and (c - 4 <= cur.width <= c + 1 or _ends_terminal(cur.text))
            for c in widths)
    # A line of full-width characters alone fills the column to the character; one that stops a
    # character short of the column, and of the next line but for a narrow character there
    # (5千), was not broken by the edge: a heading nearly as wide as the column, commas or not
    # (补齐设备短板，守护村民健康安全), or a ——subheadline. An indented first line with a comma
    # in it says nothing so: OCR renders the indent unreliably.
    # (A closing mark hanging past the edge makes the next line look one character wider.)
    cur_width = _set_width(cur)
    fragment = bool(re.search(r"[，；、]", re.sub(rf"^{_HEAD_NUMBER}", "", prev.text)[:-1]))
    full_width = _in_full_cells(prev.text.removeprefix("——"))
    # (Where the lines around are too few to show the column, the paragraph above shows it.)
    edge = max(col, col_above[0]) if col_above else col
    if (full_width and not (prev.indent and indented_page and fragment)
            and prev.width <= min(edge, cur_width + 1) - 2):
        return False
    # With figures or letters in it, an unpunctuated line may stop a place short, no more,
    # where the next full-width character did not fit (…于10 / 月底): a headline over the
    # first paragraph if it stops further short.
    if (not full_width and not prev.indent and _is_wide(cur.text[0])
            and not re.search(r"[，。、；：！？“”‘’（）()]", prev.text)
            and prev.width <= min(col, cur_width + 1) - 3):
        return False
    # Punctuation inside an unfinished line marks a sentence fragment, not a headline.
    # (The 、 of a numbered heading, 二、发展情况, is not such punctuation.)
    if fragment:
        # ... unless the line stops well short of the column both around it and below it:
        # a sub-head with a comma (课程开齐，质量提升).
        # So does a line as wide as the paragraph above it, set in a column too narrow for
        # its neighbours to show (a caption beside a wider article), where the next line is
        # punctuated text too (a headline's second part is not).
        return (prev.indent and indented_page) or prev.width >= col - 6 or col_below is None or (
            prev.width >= col_below - 6) or (
            col_above is not None and col_above[0] - 1 <= prev.width <= col_above[1] + 1
            and not cur.gapped and bool(re.search(r"[，。；、！？]", cur.text)))
    return prev.width >= col - 4 or (
        col_below is not None and col_below >= 20 and prev.width >= col_below - 1
        and abs(prev.width - cur_width) <= 2)  # (narrower runs are verse, not a column)


def _column_name(text: str) -> bool:
    """Whether a line ends in a column's name in brackets (（人民论坛）); a speaker's
    affiliation (（代表某党派中央）) or a pointer to a photo (（见图）) is not one."""
    tag = _HEAD_TAG.search(text)
    return bool(tag) and not re.match(r"..(?:见图|代表)", tag.group(0))


def _labelled(text: str) -> bool:
    """A line led by a bracketed label (【人物】某校校长李红): body text, as headlines never
    open with one."""
    return bool(re.match(r"【[^】]{1,8}】.", text))


def _signs_off(text: str) -> bool:
    """A dashed line closing the text above: ——编者, ——某某说, ——《某刊》读者某某."""
    return bool(_SIGNATURE.fullmatch(text) or _ATTRIBUTION.fullmatch(text))


def _is_dash_head(text: str, commas: bool = False) -> bool:
    """A ——subheadline: a line led by a dash, with no sentence in it.

    ``commas`` admits a comma between its phrases (——守正创新，推动发展), which is safe only
    where the line is known to sit under a heading."""
    return (text.startswith("——") and len(text) > 3 and not _signs_off(text)
            and not re.search(r"[。！？；：]" if commas else r"[，。！？；：]", text))


def _classify(text: str, nlines: int, last_spaced: str) -> _Unit:
    kind = _is_short_kind(text, last_spaced if nlines == 1 else "")
    if kind:
        return _Unit(last_spaced if nlines == 1 else text, kind, nlines)
    if _CAPTION.search(text) and (text.startswith("▲") or text.startswith("图为") or nlines <= 12):
        return _Unit(text, "caption", nlines)
    tail = _BYLINE_TAIL.search(text)
    tail_byline = None
    # (（记者手记） closing a heading names the box it heads, not a reporter.)
    if (tail and len(text) - len(tail.group(1)) >= 6
            and tail.group(1).strip("（）()") not in _LABELS):
        spaced_tail = _BYLINE_TAIL.search(last_spaced)
        tail_byline = _clean_byline((spaced_tail or tail).group(1))
        text = text[: tail.start(1)].rstrip()
    signature = _signs_off(text)
    # (A line ending in a comma is a line of verse or a list, never a heading.)
    short = (nlines == 1 and not _ends_terminal(text) and _display_width(text) <= 96
             and not signature and not text.endswith(("，", "、", ",")))
    tag = _HEAD_TAG.search(text)
    # Two lines without any sentence punctuation: a heading wrapped at the column edge (a
    # question may end it before its column name: …担责吗？（以案说法）).
    # (A sentence trailing off in …… is text, however short, inside a closing quote too.)
    wrapped_head = nlines == 2 and not _OPENER.match(text) and not signature and not text.rstrip(
        _CLOSERS).endswith(("：", ":", "…")) and (
        (len(text) <= (30 if text.startswith("“") else 40)
         and not re.search(r"[。！？；，]", text))
        # (one quotation with a comma in it but no sentence end: “某某，要某某”)
        or bool(re.fullmatch(r"“[^“”。！？；]{4,28}”", text))
        or (len(text) <= 44 and tag is not None
            and not re.search(r"[。！？；]", text[:tag.start()])))
    # Three lines without any punctuation, closed by a column name: a heading too.
    # (A comma may stand in it where the column name itself was broken: 上半年，某某增长 /
    # 某某推进（年 / 中经济观察）.)
    wrapped_head = wrapped_head or (
        nlines == 3 and len(text) <= 50 and _column_name(text)
        and not re.search(r"[，。！？；：:]", text)) or (
        nlines == 3 and len(text) <= 48 and tag is not None and tag.start() >= len(text) - 16
        and not re.search(r"[。！？；：:]", text) and text.count("，") == 1)
    # (A sentence may end in a dash that opens a quotation or list below it: 8月4日，某地传来
    # 消息——.)
    # (A public-service advertisement's credit is the advertisement's text, and a bullet
    # point short enough for one line is one of the points: only a box label follows a
    # bullet as a heading, ■记者手记.)
    if (short or wrapped_head or (nlines <= 2 and text.endswith("——")
                                  and not _TIME_OPENING.match(text))) and not (
            _labelled(text) or _PSA_CREDIT.match(text)
            or (_BULLET.match(text) and not _is_label(text))):
        return _Unit(text, "short", nlines)
    # "（新华社北京7月31日电）" closing an article is a dateline, not an opener.
    head = _OPENER.match(text)
    opener = bool(head) and len(text) - head.end() >= 6
    return _Unit(text, "para", nlines, opener=opener, tail_byline=tail_byline)


# --- content similarity -------------------------------------------------------------------------

def _words(text: str) -> str:
    """The text's characters and digits, without punctuation or spaces."""
    return "".join(ch for ch in text if is_cjk(ch) or ch.isalnum())


def _grams(text: str) -> set[str]:
    chars = _words(text)
    pairs = {a + b for a, b in zip(chars, chars[1:], strict=False)}
    return pairs | {ch for ch in chars if is_cjk(ch)}


class _Similarity:
    """IDF-weighted share of a headline's character grams that a paragraph contains."""

    def __init__(self, docs: list[str]) -> None:
        self.df: Counter[str] = Counter()
        for d in docs:
            self.df.update(_grams(d))
        self.n = max(len(docs), 1)

    def weight(self, g: str) -> float:
        # Single characters count for little: they match by accident far more than bigrams.
        w = math.log(1 + self.n / (self.df.get(g, 0) + 0.5))
        return max(w, 0.0) * (1.0 if len(g) == 2 else 0.25)

    def weights(self, head: str) -> dict[str, float]:
        return {g: self.weight(g) for g in _grams(head)}

    def score(self, head: str | dict[str, float], body_grams: set[str]) -> float:
        # (Sums over sets use fsum: its result does not depend on the order the set is
        # walked in, which changes with the hash seed, so near-ties break the same way in
        # every run.)
        hw = self.weights(head) if isinstance(head, str) else head
        total = math.fsum(hw.values())
        if total <= 0:
            return 0.0
        return math.fsum(w for g, w in hw.items() if g in body_grams) / total

    def share(self, grams: set[str], found: set[str]) -> float:
        """Weighted share of ``grams`` that ``found`` holds too (0.0 for no weight)."""
        total = math.fsum(self.weight(g) for g in grams)
        return math.fsum(self.weight(g) for g in grams & found) / total if total else 0.0


# --- the Viterbi pass ---------------------------------------------------------------------------

_SWITCH = 0.7  # cost of starting a new article (set on whole July-August benchmark runs)
_NULL_EMIT = 0.08  # what a paragraph "scores" in an article without a headline
_OPEN_BONUS = 0.5  # 本报讯 / 新华社…电 at the start of a paragraph
_BYLINE_BONUS = 0.45  # the previous paragraph ended with a byline
_INLINE_BONUS = 2.0  # a line judged a headline printed right above this paragraph
_COHERENCE = 2.0  # how much shared vocabulary across a gap argues against a switch there
_LEFTOVER_MIN = 0.12  # share of a block headline's weighted grams its article must contain
# A headline restates its article's opening: the weighted grams a block headline shares with
# the first characters of an article count this much more, which tells two articles apart
# that both use all of a headline's words (a report and the comment on it).
_LEAD_CHARS = 80
_LEAD_WEIGHT = 0.15
_LEFTOVER_RUN = 3  # unassigned block lines in a row that are text, not a missing headline
_FOREIGN = 0.1  # most a headline may share with its neighbour's paragraphs to keep them apart
_NAMED = 0.3  # least a headline shares with a paragraph content left headless that it may head
_RUN_SHARE = 0.3  # least a run of text outside the articles shares with the one it joins
_ANNOUNCES = re.compile(r"名单|名录|如下|以下")  # words that announce a list printed apart
# How much more of its words a one-line paragraph closing an article above a content cut
# must share with the paragraphs below the cut than with those above it to go below.
_EDGE_MARGIN = 0.1
_RESUMED = 0.15  # least the text under a full-text pointer shares with the text above it
_FIRM_HEAD = 0.25  # least a paragraph shares with its headline for the headline to be firm
_SECOND_REPORT = 0.1  # least a repeated dateline's report shares with the headline above
_SAME_OPENING = 12  # characters after a repeated dateline that make two reports one article
_COLUMN_NAME = 4  # longest name of a column of titled pieces (新闻速递, 来论), in characters
# Titles of a page's notices to its readers (a call for contributions, a note on where to
# buy the page's collected columns): each is an item of its own.
_NOTICES = frozenset(("欢迎赐稿", "欢迎来稿", "征稿启事", "致读者", "告读者"))
# Titles of picture items that name no topic; they go to an article built around a picture.
_PHOTO_TITLES = frozenset(("图片报道", "图片新闻", "新闻图片"))
# Last characters of a place name (某某县): a kicker naming a place stands on its own line.
_PLACE_ENDS = tuple("省市县区旗盟州乡镇村")
_GENERIC_GAIN = 0.5  # what such a title, or a roundup's name, is worth to its kind of item


@dataclass
class _Candidate:
    lines: list[str]
    at: int | None  # stream position it is printed above (inline), None for a block line
    marked: bool = False  # set as only headlines are (a column name, a wide gap)


def _candidate_words(cands: list[_Candidate], k: int) -> str:
    """The words content matches candidate ``k`` by. A block line of three characters or
    fewer (上半年) is a piece of a headline the block's width broke: its one word alone
    would match any paragraph that uses it, so the line under it is read with it. A line
    ending what the line above left open, a bracket or a number (…（2024—202 / 7年）》), is
    read with that line: alone, its piece of the headline may match a paragraph of another
    article better than its own."""
    text = " ".join(cands[k].lines)
    if (cands[k].at is None and len(text) <= 3 and k + 1 < len(cands)
            and cands[k + 1].at is None and not _is_label(text) and text not in _PHOTO_TITLES):
        return text + " ".join(cands[k + 1].lines)
    if cands[k].at is None and k > 0 and cands[k - 1].at is None:
        upper = cands[k - 1].lines[0]
        if _left_unfinished(upper, text):
            return upper + text
    return text


def _viterbi(
    emit: list[list[float]],
    bonus: list[float],
    cands: list[_Candidate],
    forbid: set[tuple[int, int]],
) -> list[tuple[int, bool]]:
    """Best (state, starts_new_article) per stream position; state -1 is "no headline"."""
    n, k = len(emit), len(cands)
    states = list(range(-1, k))
    neg = -1e9
    score = {s: neg for s in states}
    back: list[dict[int, tuple[int, bool]]] = []

    def allowed(s: int, i: int) -> bool:
        if s >= 0 and (s, i) in forbid:
            return False
        return s < 0 or cands[s].at is None or cands[s].at == i

    def e(s: int, i: int) -> float:
        return _NULL_EMIT if s < 0 else emit[i][s]

    for s in states:
        if allowed(s, 0):
            score[s] = e(s, 0) + (bonus[0] if s >= 0 and cands[s].at == 0 else 0.0)
    back.append({s: (s, True) for s in states})
    for i in range(1, n):
        new: dict[int, float] = {}
        bp: dict[int, tuple[int, bool]] = {}
        best_prev = max(states, key=lambda s: score[s])
        for s in states:
            stay = score[s]
            opts = [(stay, (s, False))]
            if allowed(s, i):
                cost = _SWITCH - bonus[i]
                if s >= 0 and cands[s].at == i:
                    cost -= _INLINE_BONUS
                opts.append((score[best_prev] - cost, (best_prev, True)))
                if best_prev != s:
                    opts.append((score[s] - cost, (s, True)))
            elif cands[s].at is not None and cands[s].at != i:
                opts = [(stay if score[s] > neg / 2 else neg, (s, False))]
            val, ptr = max(opts, key=lambda o: o[0])
            new[s] = val + (e(s, i) if val > neg / 2 else 0.0)
            bp[s] = ptr
        score = new
        back.append(bp)
    s = max(states, key=lambda x: score[x])
    path: list[tuple[int, bool]] = []
    for i in range(n - 1, -1, -1):
        prev, starts = back[i][s]
        path.append((s, starts or i == 0))
        s = prev
    path.reverse()
    return path


# --- assembling items ---------------------------------------------------------------------------


# How a subheadline without a dash ends and a headline hardly ever does: who chaired or
# attended (某某主持, 某某出席并讲话), or the date and place a document was adopted or issued,
# in brackets (（2023年10月18日，北京）).
_SUB_END = re.compile(r"(?:主持|出席|主持会议|出席会议|共同考察|并讲话)$"
                      r"|[（(][^（）()]*(?:通过|北京|\d日)[）)]$")


def _split_roles(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """(kicker, headline, subheadline) from a group of heading lines in print order."""
    lines = [ln for ln in lines if ln]
    if not lines:
        return None, None, None
    sub = None
    if len(lines) > 1 and (lines[-1].startswith(("—", "-")) or _SUB_END.search(lines[-1]) or (
            _closes(lines[-2]) and not _closes(lines[-1]))):
        sub = lines.pop()  # (a column's name closes the headline: a line under it is the sub)
    kicker = None
    if len(lines) > 1 and lines[0].endswith(("——", "强调", "指出")):
        kicker = lines.pop(0)  # (or a speaker's, over what was said: 某某在某地调研时强调)
    elif len(lines) == 3:
        # (Unless the first line breaks off inside the second's words, a number or a word
        # the width broke: then the two are the headline, and the third is the sub. A
        # speaker or place ending in a colon stays the kicker.)
        if sub is None and not lines[0].endswith(("：", ":")) and (
                _bound(lines[0], lines[1]) or _word_across(lines[0], lines[1])):
            sub = lines.pop()
        else:
            kicker = lines.pop(0)
    headline = "".join(lines) if lines else None
    return kicker, headline, sub


@dataclass
class _Layout:
    """A page rebuilt into units: paragraphs in body order and where short lines sit."""

    units: list[_Unit]
    stream: list[int]  # unit index of each body paragraph
    inline_runs: dict[int, list[int]]  # stream position -> short units printed right above it
    block: list[int]  # short units above the first / below the last paragraph
    grams: list[set[str]]
    sim: _Similarity
    staff: list[int]  # the staff box (editors' line first), kept as an item of its own


def _layout(text: str) -> _Layout:
    units = _rebuild(_prepare(text))
    n_units = len(units)
    # A line ending in —— with a paragraph right under it, no headline between, is no kicker:
    # it is a lead sentence introducing what follows (这是某某的实践——). (Over a quotation
    # it is a sub-head: 坚持某某——  / “…。”)
    for i in range(n_units - 1):
        if (units[i].kind == "short" and units[i].text.endswith("——")
                and units[i + 1].kind == "para" and not units[i + 1].text.startswith("“")):
            units[i].kind = "para"
    # A short paragraph with a photo credit under it is a caption even without 图为; so are
    # the paragraphs above it up to the photo's title, while they stay short together.
    absorbed: set[int] = set()
    for i in range(n_units - 1):
        if (units[i].kind in ("para", "caption") and _credited(units, i)
                and len(units[i].text) <= 200):
            j, total = i, len(units[i].text)
            while j > 1 and units[j - 1].kind == "para" and total + len(units[j - 1].text) <= 300:
                j -= 1
                total += len(units[j].text)
            # Without 图为 or ▲, only a titled item is a photo: a credit under the last
            # paragraph of a longer article is that article's photo credit. So is a 图为
            # line right under such a paragraph: the article's photo.
            titled = j > 0 and units[j - 1].kind == "short"
            if units[i].kind == "para" and not titled:
                continue
            if (not titled and units[i].text.startswith("图为") and i > 0
                    and units[i - 1].kind == "para"):
                units[i].kind = "para"
                continue
            units[i].kind = "caption"
            if j < i and units[j - 1].kind == "short":
                # Two paragraphs of text, each set in, above the photo's own line make a
                # photo report, an article of its own; a caption is at most a description
                # and a 图为 line.
                units[j].report = i - j >= 2 and all(units[k].indented for k in range(j, i))
                units[j].kind = "caption"
                units[j].text = "\n".join(u.text for u in units[j:i + 1])
                absorbed.update(range(j + 1, i + 1))
    units = [u for k, u in enumerate(units) if k not in absorbed]
    n_units = len(units)
    # Unpunctuated lines right above a dateline (本报德阳8月30日电) head that article, however
    # wide they were printed; so does such a line over another heading line there (a headline
    # broken after the 、 of a quotation: 启动“工会送清凉、 / 防暑保安康”活动).
    for i in range(n_units - 1):
        u = units[i]
        k = i + 1
        while k < n_units - 1 and k - i <= 2 and units[k].kind == "short":
            k += 1
        if (u.kind == "para" and u.lines <= 3 and units[k].opener
                and (len(u.text) <= 60 or (u.lines == 1 and len(u.text) <= 150))
                and not re.search(r"[。！？；]", u.text) and not _signs_off(u.text)
                and not _BULLET.match(u.text)):
            u.kind = "short"
    # A question or exclamation alone on a line between a byline or photo credit and a
    # paragraph is the next article's headline (发生事故谁担责？), not its first paragraph,
    # where the page prints other headlines so too (not in a block: there it is a lead).
    signed = [i for i in range(1, n_units - 1) if units[i - 1].kind in ("byline", "credit")]
    if any(units[i].kind == "short" for i in signed):
        for i in signed:
            u = units[i]
            if (u.kind == "para" and u.lines == 1 and len(u.text) <= 30
                    and units[i + 1].kind == "para"
                    and re.fullmatch(r"[^。！？!?；]+[？！?!]", u.text)):
                u.kind = "short"
    # So is a speaker or place ending in a colon (外交部发言人：) over such a headline: a
    # kicker, not a paragraph introducing what follows. A place alone (浙江：) is one over any
    # headline of two lines or more, when the text above ends there (under a headline, 对话人：
    # introduces the names of a dialogue's speakers).
    for i in range(n_units - 2, 0, -1):
        if (units[i].kind == "short" and units[i - 1].kind == "para" and units[i - 1].lines == 1
                and re.fullmatch(r"[^，。！？；：:“”]{2,12}[：:]", units[i - 1].text)
                and (any(units[k].opener for k in range(i + 1, min(i + 3, n_units))
                         if units[k].kind == "para")
                     or (len(units[i - 1].text) <= 6 and units[i + 1].kind == "short"
                         and units[i - 1].text[-2] not in "说道"
                         and units[i - 2].kind == "para"))):
            units[i - 1].kind = "short"
    # A bracketed word under a heading line is the headline's column name （无影灯,
    # 迎大运  展风采）, not an author note closing the article above; in a headline block the
    # next headline follows.
    for i in range(1, n_units - 1):
        if (units[i].kind == "byline" and units[i - 1].kind == "short"
                and (units[i + 1].kind in ("para", "short") or _is_label(units[i + 1].text))
                and _BRACKETED_WORDS.fullmatch(units[i].text)
                and not re.match(rf"[（(]{_NOTE_WORDS}", units[i].text)):
            units[i].kind = "short"
    # A kicker ending in —— stands over its headline, never over a credit: a headline that
    # ends like one (精雕细绘) is still a heading line.
    for i in range(1, n_units):
        if (units[i].kind == "credit" and units[i - 1].kind == "short"
                and units[i - 1].text.endswith("——")):
            units[i].kind = "short"
    # The number of a decree (中华人民共和国国务院令 / 第763号) over the text promulgating it
    # opens that text, not part of the decree's title.
    numbered = {i for i in range(n_units - 2)
                if units[i].kind == units[i + 1].kind == "short" and units[i + 2].kind == "para"
                and re.fullmatch(r"[\u4e00-\u9fff]{2,20}令", units[i].text)
                and re.fullmatch(r"第\d+号", units[i + 1].text)}
    for i in numbered:
        units[i + 2].text = f"{units[i].text}\n{units[i + 1].text}\n{units[i + 2].text}"
    units = [u for k, u in enumerate(units) if k not in numbered and k - 1 not in numbered]
    n_units = len(units)
    # A photo item's second paragraph, closed by the photo credit, is still the caption.
    merged: list[_Unit] = []
    for i, u in enumerate(units):
        if (merged and merged[-1].kind == "caption" and u.kind in ("para", "caption")
                and not u.text.startswith("▲") and len(u.text) <= 200
                and _credited(units, i)):
            merged[-1].text += "\n" + u.text
            continue
        merged.append(u)
    units = _letter_closings(_pull_quotes(merged))
    n_units = len(units)
    staff = _staff_box(units)
    for i in staff:
        units[i].kind = "staff"
    body = [i for i, u in enumerate(units) if u.kind in ("para", "caption")]
    first_para, last_para = (body[0], body[-1]) if body else (n_units, -1)
    # The speaker signing the page's last paragraph (——某国某机构某某), however many lines
    # the name wraps over, is text like the paragraph (a headline block never opens with a
    # dash, see _block_zones).
    if 0 <= last_para < n_units - 1 and units[last_para + 1].kind == "short" and (
            units[last_para + 1].text.startswith("——")
            and not units[last_para + 1].text.endswith("——")):
        last_para += 1
        units[last_para].kind = "para"
    while first_para > 0 and units[first_para - 1].kind == "short" and _is_label(
            units[first_para - 1].text):
        first_para -= 1
    block = [
        i for i in range(n_units) if units[i].kind == "short" and not first_para <= i <= last_para
    ]
    stream = [i for i in range(first_para, last_para + 1) if units[i].kind == "para"]
    pos = {u: p for p, u in enumerate(stream)}
    inline_runs: dict[int, list[int]] = {}
    run: list[int] = []
    for i in range(first_para, last_para + 1):
        if units[i].kind == "short":
            run.append(i)
        elif units[i].kind in ("byline", "credit") and _byline_owner(units, i) != "next":
            run = []  # a byline closing the article above is not part of the next heading
        elif units[i].kind in ("para", "caption"):
            if run and units[i].kind == "para":
                inline_runs[pos[i]] = list(run)
            run = []
    texts = [units[i].text for i in stream]
    grams = [_grams(t) for t in texts]
    return _Layout(units, stream, inline_runs, block, grams, _Similarity(texts), staff)


def _letter_closings(units: list[_Unit]) -> list[_Unit]:
    """Join the signature and date closing a letter or a decree to its last paragraph.

    Set apart on short lines they would otherwise read as the heading of what follows,
    which is why only a date followed by the agency's bracketed dateline or by a heading
    counts. (A date over a paragraph is a document's date under its title.)
    """
    out: list[_Unit] = []
    for u in units:
        if (((u.kind == "byline" and _bracketed_dateline(u.text)) or u.kind == "short")
                and out and out[-1].kind == "short" and _DATE_LINE.fullmatch(out[-1].text)):
            k = len(out) - 1  # the signature: name and titles over the date
            while (k > 0 and len(out) - k <= 4 and out[k - 1].kind == "short"
                   and len(out[k - 1].text) <= 16):
                k -= 1
            if k > 0 and out[k - 1].kind == "para":
                out[k - 1].text = "\n".join([out[k - 1].text, *(o.text for o in out[k:])])
                del out[k:]
        out.append(u)
    return out


def _bracketed_dateline(text: str) -> str | None:
    """Place and date of a whole-line bracketed dateline: （新华社某地5月9日电） -> 某地5月9日."""
    m = re.fullmatch(r"[（(](.+)[）)]", text)
    key = m and _DATELINE_KEY.fullmatch(m.group(1))
    return key.group(1) if key else None


def _reports_on_letter(units: list[_Unit], stream: list[int], p: int) -> bool:
    """Whether paragraph ``p`` opens the report on the letter closed right above it: dated,
    then the agency's bracketed dateline for the same place and day as ``p``'s own."""
    between = _between(units, stream, p)
    if len(between) != 1:
        return False
    key = _bracketed_dateline(between[0].text)
    opening = _DATELINE_KEY.match(units[stream[p]].text)
    return (key is not None and opening is not None and opening.group(1) == key
            and bool(_DATE_LINE.fullmatch(units[stream[p - 1]].text.rsplit("\n", 1)[-1])))


def _pull_quotes(units: list[_Unit]) -> list[_Unit]:
    """Join each pull quote to the paragraph under it.

    Commentaries open with a sentence of their own printed again as a lead (often without
    its full stop, in a wider or indented setting), so it looks like a heading or an item of
    its own. What gives it away is that the sentence recurs word for word in a later
    paragraph; a headline rarely repeats a whole clause of its article. (A subheadline over a
    dateline may repeat one: news reports carry no pull quote.)
    """
    words = [_words(u.text) if u.kind == "para" else "" for u in units]
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        joined = None
        for k in range(i + 1, min(i + 5, len(units))):
            run = units[i:k]
            if units[k].kind != "para" or any(u.kind not in ("short", "para") for u in run) or (
                    sum(u.kind == "para" for u in run) > 1):
                continue
            text = "".join(u.text for u in run)
            quote = _words(text)
            if (20 <= len(quote) <= 150 and re.search(r"[，、；]", text)
                    and not _BULLET.match(text) and not units[k].opener
                    and any(quote in w for w in words[k + 1:k + 40])):
                joined = k
                break
        if joined is None:
            out.append(units[i])
            i += 1
            continue
        para = units[joined]
        quote_text = "".join(u.text for u in units[i:joined])
        # Where the quote's lines narrow down the column its paragraph allows, they say
        # where the article's column is; a quote set narrower than its article says nothing.
        column, votes = para.column, para.column_votes
        quoted = next((u for u in units[i:joined] if u.column), None)
        if quoted and (column is None or _same_column(quoted.column, column)):
            column = quoted.column if column is None else (
                max(column[0], quoted.column[0]), min(column[1], quoted.column[1]))
            votes += quoted.column_votes
        out.append(replace(
            para, text=f"{quote_text}\n{para.text}",
            lines=para.lines + sum(u.lines for u in units[i:joined]),
            column=column, column_votes=votes))
        i = joined + 1
    return out


def _credited(units: list[_Unit], i: int) -> bool:
    """Whether a photo credit closes paragraph ``i``, possibly after the writer's byline
    (本报记者 某某文 / 某某摄)."""
    nxt = units[i + 1:i + 3]
    return bool(nxt) and (nxt[0].kind == "credit" or (
        len(nxt) == 2 and nxt[0].kind == "byline" and nxt[1].kind == "credit"))


def _staff_box(units: list[_Unit]) -> list[int]:
    """The page's editors' line and the staff lines after its last paragraph, head first.

    Without an editors' line such lines close the last article, as its notes, unless the
    page's own mailbox (本版邮箱：…) opens them: no article gives the page's address."""
    last = max((i for i, u in enumerate(units) if u.kind in ("para", "caption")), default=-1)
    head = next((i for i, u in enumerate(units) if u.kind == "byline"
                 and _STAFF_HEAD.match(u.text)), None)
    mailbox = head is None
    if head is None and not (last >= 0 and re.search(r"[征投赐来]稿", units[last].text)):
        # (A call for contributions gives the mailbox as its own last word.)
        head = next((i for i in range(last + 1, len(units))
                     if units[i].kind in ("byline", "credit", "short")
                     and _PAGE_MAILBOX.match(re.sub(r"\s", "", units[i].text))), None)
    if head is None:
        return []
    box = [head]
    # the next page's editors, where the box serves two (五版责编… / 六版责编…)
    if head + 1 < len(units) and units[head + 1].kind == "byline" and _STAFF_HEAD.match(
            units[head + 1].text):
        box.append(head + 1)
    for i in range(last + 1, len(units)):
        text = re.sub(r"\s", "", units[i].text)
        if i not in box[:2] and units[i].kind in ("byline", "credit", "short") and (
                _STAFF_LINE.match(text)
                # a remark in brackets under a staff line (（投稿请写明栏目）), or the rest
                # of its names (under the editors' line only where its last name was cut,
                # 陈  凌  邹 / 翔  何  娟)
                or (box[-1] == i - 1 and (i - 1 != head or mailbox or _name_cut(units[head]))
                    and (re.fullmatch(r"[（(][^（）()]+[）)]", text)
                         or _NAMES.fullmatch(units[i].text)))
                # or who wrote up or made the page (本报记者某某采访整理, 某某参与制作)
                or (box[-1] == i - 1 and i - 1 != head
                    and re.search(r"(?:整理|采写|参与制作)[）)]?$", text))):
            box.append(i)
    return box


def _name_cut(unit: _Unit) -> bool:
    """Whether the editors' line ends in a single character set apart: OCR spacing or a
    name the line's end cut (本版责编：陈  凌  邹)."""
    return bool(re.search(r"[：:\s][\u4e00-\u9fff]$", unit.text))


def _heading_part(units: list[_Unit], run: list[int]) -> list[int]:
    """The lines of a short-line run that make the heading: a box label (核心阅读) printed
    last, right above the first paragraph, belongs to the body."""
    end = len(run)
    while end > 0 and _is_label(units[run[end - 1]].text):
        end -= 1
    return run[:end]


def _label_core(text: str) -> str:
    return text.strip("■●◆【】[]·：: ")


def _is_label(text: str) -> bool:
    """A box label (核心阅读), a bare section number (二, （三）) or a numbered section heading
    (一、总体情况): body structure, never a headline."""
    core = _label_core(text)
    return core in _LABELS or bool(_SECTION_NUMBER.fullmatch(core)
                                   or _NUMBERED_HEAD.fullmatch(core))


def run_features(lay: _Layout, p: int) -> list[float]:
    """Features of the short lines printed above paragraph ``p``: headline or sub-head?

    A headline's words come back in the paragraphs below it but not in those
    above; a sub-head continues the topic of the text around it. Openers,
    bylines just above and multi-line groups also point to a headline.
    """
    run = lay.inline_runs[p]
    lines = [lay.units[j].text for j in run]
    text = "".join(lines)
    after = set().union(*lay.grams[p:p + 4])
    before = set().union(*lay.grams[max(0, p - 3):p])
    cov_after = lay.sim.score(text, after)
    cov_before = lay.sim.score(text, before)
    big_after = {g for g in set().union(*lay.grams[p:p + 2]) if len(g) == 2}
    big_before = {g for g in before if len(g) == 2}
    coherence = lay.sim.share(big_after, big_before)
    prev_kind = lay.units[run[0] - 1].kind if run[0] > 0 else "none"
    # Does the nearest earlier heading (run or page-top line) keep being talked about below?
    earlier = [q for q in lay.inline_runs if q < p]
    if earlier:
        prev_head = "".join(lay.units[j].text for j in lay.inline_runs[max(earlier)])
    else:
        prev_head = "".join(lay.units[j].text for j in lay.block if j < lay.stream[0])
    prev_after = lay.sim.score(prev_head, after) if prev_head else 0.0
    prev_before = lay.sim.score(prev_head, before) if prev_head else 0.0
    # A headline may run across several columns; a sub-head stays inside its own.
    column = lay.units[lay.stream[p]].column
    wider = column is not None and any(lay.units[j].last_width > column[1] + 3 for j in run)
    return [
        1.0,
        cov_after,
        cov_before,
        float(lay.units[lay.stream[p]].opener),
        float(prev_kind in ("byline", "credit")),
        float(len(run) >= 2),
        min(len(text), 40) / 40,
        coherence,
        float(any(ln.startswith("—") or ln.endswith("——") for ln in lines)),
        float(text.endswith(("）", ")"))),
        float(len(lay.block) >= 2),
        float(p == 0),
        prev_after,
        prev_before,
        float(lay.units[lay.stream[p] - 1].kind == "byline"),
        float(wider),
        float(all(lay.units[j].centred for j in run)),
    ]


# Logistic-regression weights for run_features, fitted on rendered July-August pages
# by benchmarks/tune_segmentation.py (October-November pages are kept for checking). The
# last two, for a line wider than the column and for lines set in further than an indent,
# were added later with the others held, as a full refit moved every weight and lost
# items elsewhere: the first set by whole July-August benchmark runs at 1.0, 1.5 and 2.2,
# the second at 2.0 from the labelled runs of 900 July-August pages (each step up to 3.0
# found more headlines there and took no more sub-heads; no set-in line was a sub-head).
_RUN_WEIGHTS = (
    -2.706, 1.304, -2.282, 4.578, 2.195, 0.894, 2.249, -2.692, -0.177, 3.188, -0.903, -1.030,
    -2.072, 0.961, -1.334, 2.2, 2.0,
)


def _run_opens_article(lay: _Layout, p: int) -> bool:
    """Short lines that structure alone marks as a headline: printed right under an end
    byline or author note, where the article above is over."""
    run = lay.inline_runs[p]
    above = run[0] - 1
    # (So does a notice's title, 欢迎赐稿 or 致读者: never a sub-head.)
    return p > 0 and above >= 0 and (_byline_owner(lay.units, above) == "previous" or any(
        lay.units[j].text in _NOTICES for j in run))


def _marks_firmly(unit: _Unit, column: tuple[int, int] | None) -> bool:
    """Whether a line marked as a headline is sure to be one: a bracketed term ending a
    line that fills the column may be text its edge broke there (国内旅游收入（旅游总花费）),
    and a box printed inside an article (（记者手记）) heads no article."""
    if not _column_name(unit.text):
        return True
    fills = column is not None and column[0] - 1 <= unit.last_width <= column[1] + 1
    name = re.search(r"[（(]([^（(]*)[）)]$", unit.text)
    return not fills and not (name and name.group(1) in _CLOSING_BOXES)


def _heading_probability(features: list[float]) -> float:
    z = sum(w * f for w, f in zip(_RUN_WEIGHTS, features, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def segment_text(text: str, source: str = "<text>") -> Page:
    """Segment one OCR'd page into articles and captions, in reading order.

    >>> page = segment_text("▲学生在实训室上课。\\n本报记者 王五摄")
    >>> page.items[0].kind
    'caption'
    """
    lay = _layout(text)
    units, stream, inline_runs, block = lay.units, lay.stream, lay.inline_runs, lay.block
    n_units = len(units)
    # How sure each run of short lines is to head a new article (1.0: structure says so).
    sure = {p: 1.0 if _run_opens_article(lay, p) else _heading_probability(run_features(lay, p))
            for p, run in inline_runs.items() if not all(_is_label(units[j].text) for j in run)}
    # A heading line ending in a column name (人民论坛, 今日谈) heads an article, and a
    # photo item's title (图片报道) heads that item; sub-heads are neither. Nor do
    # sub-heads set two phrases apart by a wide gap, as two-part headlines are. Most such
    # lines cut even under a headline block, but not numbered items of a list
    # ((三十六)某某倡议（某机构发起）).
    marked = set()
    for p in sure:
        run = inline_runs[p]
        marks = [j for j in run if _column_name(units[j].text)
                 or units[j].text in _PHOTO_TITLES or units[j].gapped]
        if marks:
            sure[p] = max(sure[p], 0.8)
        if any(_marks_firmly(units[j], units[stream[p]].column) for j in marks) and not any(
                _LIST_ITEM.match(units[j].text) for j in run):
            marked.add(p)
    # (Set on whole July-August benchmark runs: 0.5 let more sub-heads open articles.)
    heads_at = [p for p, prob in sure.items() if prob >= 0.6]
    # On a page that prints its headlines above their articles, the few lines above the first
    # paragraph are that article's heading, not a block of headlines for the whole page.
    # (Titles of briefs in a roundup are printed above them on any page.) So are a headline
    # and its ——subtitle alone above it, when any later run is more likely a headline than not.
    top = [i for i in block if stream and i < stream[0]]
    later = [prob for p, prob in sure.items() if p > 0 and not _BRIEF.match(units[stream[p]].text)]
    one_head = top == block and len(top) == 2 and units[top[1]].text.startswith("——")
    if 0 < len(top) <= 4 and (sum(prob >= 0.8 for prob in later) >= 2
                              or (one_head and any(prob >= 0.5 for prob in later))):
        inline_runs[0] = top + inline_runs.get(0, [])  # a box label (核心阅读) stays last
        heads_at = [0] + [p for p in heads_at if p != 0]
        block = [i for i in block if i not in top]
    cands: list[_Candidate] = [_Candidate([units[i].text], None) for i in block]
    block_cands = len(cands)
    for p in heads_at:
        cands.append(_Candidate([units[j].text for j in _heading_part(units, inline_runs[p])], p,
                                p in marked))
    items: list[Item] = []
    if not stream:
        return Page(source=source, items=_without_paragraphs(units))
    segments, undone = _cut(units, stream, cands)

    # Headlines count as documents too, so that a page of one article still weighs its words.
    block_lines = [c.lines[0] for c in cands[:block_cands]]
    sim = _Similarity([units[i].text for i in stream] + block_lines)
    # The lines of one heading group are set alike: where the indent changes between two
    # block lines, a new group starts.
    setting = [(units[i].centred, units[i].indented) for i in block]
    parts = frozenset(k for k in range(1, len(setting)) if setting[k] != setting[k - 1])
    # The last of lines set in alike under a set-in line (where the block sets its lines
    # flush, every group is set alike and says nothing; a line set in alike under it starts
    # the next heading).
    alike = {k for k in range(1, len(setting)) if any(setting[k]) and k not in parts}
    set_in = frozenset(k for k in alike if k + 1 not in alike)
    owner = _assign_block(block_lines, segments, stream, units, block_cands, sim, parts, set_in)
    segments, owner = _reclaim_cuts(undone, segments, owner, block_lines, stream, units, sim,
                                    parts, set_in)
    segments, owner = _join_pieces(segments, owner, units, stream, cands, block_cands)
    named_columns = _name_signed_column(owner, block_lines, segments, units, stream, inline_runs)
    # Lines no article wants: one or two are the headline of an article the page does not
    # carry (logged); a longer run is text set without punctuation (a list of names, a
    # box of quotations) unless a column name broken over its last lines closes it (a
    # heading), and a run ending in a comma or colon is text too (a speech's salutation,
    # 尊敬的各位来宾，): both join the article they share most words with.
    kept_runs: list[list[int]] = []
    for run in _unowned_runs(owner, block_lines):
        if _is_text_run(run, block_lines):
            kept_runs.append(run)
            continue
        for c in run:
            log.warning("headline %r matched no article on the page; left unassigned",
                        cands[c].lines[0])
    heads: dict[int, list[str]] = {}
    for c in sorted(owner):
        heads.setdefault(owner[c], []).append(cands[c].lines[0])

    # Reading order: segments by their first paragraph; captions where they stand.
    seg_at = {stream[seg.units[0]]: si for si, seg in enumerate(segments)}
    consumed_runs: set[int | None] = {
        cands[seg.state].at for seg in segments if seg.state >= block_cands
    }
    order: list[tuple[str, int]] = []
    for i in range(n_units):
        if i in seg_at:
            order.append(("seg", seg_at[i]))
        elif units[i].kind == "caption":
            order.append(("cap", i))
    for kind, ref in order:
        if kind == "cap":
            items.append(_caption_item(units, ref, str(len(items) + 1)))
        else:
            seg = segments[ref]
            lines = list(heads.get(ref, []))
            above: list[str] = []
            if seg.state >= block_cands:
                above = cands[seg.state].lines
            first = seg.units[0]
            if not above and (not lines or seg.roundup) and first in inline_runs and not all(
                    _is_label(units[j].text) for j in inline_runs[first]):
                # Nothing is printed between a sub-head and the paragraph it heads, so short
                # lines right above an article's first paragraph head the article itself.
                above = [units[j].text for j in _heading_part(units, inline_runs[first])]
                consumed_runs.add(first)
            # Above a roundup's first brief stand the roundup's name, a word or two (新闻速递),
            # unless the headline block holds it, and the brief's title, which may wrap. So
            # do a column's name (来论) and a reader's piece's own title over its signature.
            titles = []
            named = len(above) > 1 and len(above[0]) <= _COLUMN_NAME
            p0 = stream[seg.units[0]]
            signed = p0 > 0 and units[p0 - 1].kind == "byline" and bool(
                _LETTER_SIGNATURE.match(units[p0 - 1].text))
            if above and (seg.roundup or (named and signed) or ref in named_columns):
                titles = ["".join(above[1:] if named else above)]
                lines = above[:1] if named else lines
            elif above:
                lines = above
            items.append(_article_item(units, stream, seg, lines, inline_runs, consumed_runs,
                                       str(len(items) + 1), titles))
    if kept_runs:
        items = _attach_runs(items, kept_runs, [cands[c].lines[0] for c in range(block_cands)],
                             block[:block_cands], stream[0], parts, units, sim)
    if lay.staff:
        # The editors' lines open the box, one per page where it serves two (五版责编：… /
        # 六版责编：…); the mailbox opens a box without one.
        heads = list(itertools.takewhile(lambda i: bool(_STAFF_HEAD.match(units[i].text)),
                                         lay.staff))
        # (Names carried over from the last editors' line belong to it.)
        while (heads and len(heads) < len(lay.staff) and lay.staff[len(heads)] == heads[-1] + 1
               and _name_cut(units[heads[-1]]) and _NAMES.fullmatch(
                   units[lay.staff[len(heads)]].text)):
            heads.append(lay.staff[len(heads)])
        items.append(Item(id=str(len(items) + 1), kind="article",
                          headline=" ".join(units[i].text for i in heads) or None,
                          body="\n".join(_unspace(units[i].text)
                                          for i in lay.staff[len(heads):])))
    _report_left_out(units, items, {cands[c].lines[0] for c in range(block_cands)
                                    if c not in owner})
    return Page(source=source, items=tuple(items))


def _held_words(items: list[Item]) -> str:
    """The characters and digits of every part of every item, run together."""
    return "".join(_words("".join(filter(None, (it.kicker, it.headline, it.subheadline,
                                                it.byline, *it.sections, it.body))))
                   for it in items)


def _report_left_out(units: list[_Unit], items: list[Item], given_up: set[str]) -> None:
    """Log every line of the page no item holds, so that none is dropped unnoticed (block
    headlines no article took were logged where they were given up: ``given_up``). Such
    lines are left out rather than added to a neighbour: on the benchmark pages they are
    mostly an advertisement's source line, and the item above is seldom theirs."""
    held = _held_words(items)
    for u in units:
        words = _words(u.text)
        if words and u.text not in given_up and words not in held:
            log.warning("line %r fits no item on the page; left out", u.text)


def _attach_runs(items: list[Item], runs: list[list[int]], lines: list[str], at: list[int],
                 first_para: int, parts: frozenset[int], units: list[_Unit],
                 sim: _Similarity) -> list[Item]:
    """Give each run of unassigned block lines (``at``: their units) to the article whose
    text shares most with it, before its body when printed above the page's first paragraph
    (unit ``first_para``), after it otherwise. A run sharing too little with every article
    (``_RUN_SHARE``: an advertisement, a list printed apart) is an item of its own."""
    arts = [k for k, it in enumerate(items) if it.kind == "article"]
    if not arts:
        return items
    out = list(items)
    above = [i < first_para for i in at]
    for run in runs:
        text = "\n".join(lines[c] for c in run)
        shares = {a: sim.score(text, _grams(out[a].body)) for a in arts}
        k = max(arts, key=shares.__getitem__)
        # (A list a paragraph or headline announces, 以下教师获评… / names, is the article's.)
        announced = _ANNOUNCES.search((out[k].headline or "") + out[k].body.rsplit("\n", 1)[-1])
        if shares[k] < _RUN_SHARE and not announced:
            log.warning("%d lines of text outside the articles (%r ...) share too little with "
                        "any of them; kept as an item of their own", len(run), lines[run[0]])
            out.append(_run_item(run, lines, at, above, parts, units, str(len(out) + 1),
                                 _held_words(out)))
            continue
        log.warning("%d lines of text outside the articles (%r ...) joined article %s",
                    len(run), lines[run[0]], out[k].id)
        body = f"{text}\n{out[k].body}" if above[run[0]] else f"{out[k].body}\n{text}"
        out[k] = replace(out[k], body=body)
    return out


def _run_item(run: list[int], lines: list[str], at: list[int], above: list[bool],
              parts: frozenset[int], units: list[_Unit], ident: str, held: str) -> Item:
    """A run of block lines that is an item of its own. Up to three lines that open it and
    stand apart from the rest (in the headline block above the page's text, or set
    differently) are its headline; lines no item holds between two of its own in one block
    are its too (a source line, 数据来源：…, as its byline)."""
    split = next((x for x in range(1, len(run))
                  if above[run[x]] != above[run[0]] or run[x] in parts), 0)
    head = run[:split] if split <= 3 else []
    rest = run[len(head):]
    body: list[str] = []
    byline = None
    for k, c in enumerate(rest):
        body.append(lines[c])
        if k + 1 == len(rest) or above[c] != above[rest[k + 1]]:
            continue
        for i in range(at[c] + 1, at[rest[k + 1]]):
            if (words := _words(units[i].text)) and words not in held:
                if byline is None and _SOURCES.match(units[i].text):
                    byline = units[i].text
                else:
                    body.append(units[i].text)
    return Item(id=ident, kind="article", headline="".join(lines[c] for c in head) or None,
                byline=byline, body="\n".join(body))


def _without_paragraphs(units: list[_Unit]) -> tuple[Item, ...]:
    """A page with no body paragraph (an advertisement, a list of names) cannot be split by
    its headlines; its captions stand alone and every other line is kept as one article."""
    caps = [i for i, u in enumerate(units) if u.kind == "caption"]
    items = [_caption_item(units, i, str(k + 1)) for k, i in enumerate(caps)]
    used = set(caps)
    for i in caps:  # the title above a caption and the credits under it went into its item
        if i > 0 and units[i - 1].kind == "short":
            used.add(i - 1)
        j = i + 1
        while j < len(units) and units[j].kind in ("credit", "byline"):
            used.add(j)
            j += 1
    rest = [u.text for k, u in enumerate(units) if k not in used]
    if rest:
        log.warning("no body paragraph found on the page; its %d lines are kept as one article",
                    len(rest))
        items.append(Item(id=str(len(items) + 1), kind="article", body="\n".join(rest)))
    return tuple(items)


# Particles and prepositions no headline ends with (none of some ten thousand headlines,
# kickers and subheadlines of July, August, October and November does).
_NEVER_LAST = frozenset("的得及在把被从是让将之于而或并着")


def _bound(upper: str, lower: str) -> bool:
    """Whether two block lines must belong to one heading group: a kicker ending in ——, a
    ——subheadline, or a quote or bracket left open at the end of the upper line."""
    if upper.endswith(("——", "—", "：", ":")) or lower.startswith(("—", "-")):
        return True
    if upper.endswith(("强调", "指出")):
        return True  # a kicker naming a speaker (某某在某地调研时强调) over what was said
    if _left_unfinished(upper, lower):
        return True
    if lower.startswith(("（", "(")) and lower.endswith(("）", ")")):
        return True  # a column name set on a line of its own under its headline
    if upper[-1:] in _NEVER_LAST:
        return True  # a headline broken after a particle (…中华文明的 / 突出特性)
    if re.search(r"[，、][\u4e00-\u9fff]{1,2}$", upper):
        return True  # a clause of a word or two after a comma (办好某某，建设 / 某某)
    a, b = (_HEAD_TAG.sub(lambda m: m.group(0)[0], x) for x in (upper, lower))  # names cut
    # A character, or up to three before the column name, are the end of a headline broken
    # at the block's width (…开展美 / 育（艺坛走笔）, …摆在优 / 先位置（评论员观察）): no
    # headline is that short.
    if not _closes(upper) and (len(b) == 1 or (len(b) <= 3 and b != lower)):
        return True
    # So is one character and a list's 、 (…访华 / 团、某某集团…): a name broken at its end.
    if not _closes(upper) and re.match(r"[\u4e00-\u9fff]、", lower) and (
            lower[0] not in "一二三四五六七八九十"):
        return True
    # Short parts of equal length, each its own line, are one headline set in parallel
    # (促进交流 / 书写友谊); a list of briefs repeats its ending (某某同志逝世), and a place
    # (某某县) or a label (图片报道) stands alone.
    if (len(a) == len(b) <= 6 and a[-2:] != b[-2:] and not _closes(upper)
            and not re.search(r"[，。！？；：、“”《》（）()·—]", a + b)
            and not any(x in _PHOTO_TITLES or _is_label(x) or x.endswith(_PLACE_ENDS)
                        for x in (a, b))):
        return True
    return False


def _left_unfinished(upper: str, lower: str) -> bool:
    """Whether ``lower`` finishes what ``upper`` left open: a quote or bracket, or a number
    the block's width broke (…超5 / 600亿元)."""
    return (any(upper.count(o) > upper.count(c) for o, c in ("“”", "（）", "《》", "()"))
            or (upper[-1:].isdigit() and lower[:1].isdigit()))


def _subheadline_after_name(line: str, set_in: bool) -> bool:
    """Whether a block line under a headline closed by its column's name is its subheadline:
    one giving figures, or one set in as that headline is, the last so set (``set_in``),
    longer than a photo title (红豆杉) and not a headline closed by a column name itself."""
    return _figures_line(line) or (set_in and len(line) > 6 and not _closes(line))


def _figures_line(line: str) -> bool:
    """A subheadline giving figures (同比增长9%, 新设企业25.6万户) under a headline closed
    by its column's name: no name of its own, no dash."""
    return bool(re.search(r"\d", line)) and not _HEAD_TAG.search(line) and not line.startswith(
        ("—", "-"))


def _closes(line: str) -> bool:
    """A headline ending in its column's name, （人民论坛）, ends its heading group; one
    ending in figures (中国—东盟（10+1）) goes on."""
    return line.endswith(("）", ")")) and line.count("（") + line.count("(") == line.count(
        "）") + line.count(")") and not re.search(rf"[（(]{_FIGURES}[）)]$", line)


def _assign_block(
    lines: list[str], segments: list[_Segment], stream: list[int], units: list[_Unit],
    first_inline: int, sim: _Similarity, parts: frozenset[int], set_in: frozenset[int],
) -> dict[int, int]:
    """Cut a headline block into heading groups and give each group to the article it
    describes: block line index -> segment index.

    Each group is a run of adjacent lines, each article takes at most one group, and a
    group is taken only where the content it shares with the article's text outweighs a
    floor (``_LEFTOVER_MIN`` of the group's weight); lines no article wants stay
    unassigned. Lines bound by print (a kicker ending in ——, a ——subheadline, an unclosed
    quote) are never parted, a line ending in a column name or a ——subheadline closes
    its group (but for a subheadline after the name: figures, or the last of lines set in
    as the one above, ``set_in``), and a kicker ending in —— opens one, as does a line set in
    differently from the one above it (``parts``: their block line indices). Solved by dynamic
    programming over the lines with the set of used articles as state, pruned to the best
    states.
    """
    if not lines:
        return {}
    chunks: list[list[int]] = [[0]]
    for k in range(1, len(lines)):
        if _bound(lines[k - 1], lines[k]):
            chunks[-1].append(k)
        else:
            chunks.append([k])
    # (A roundup's inline heading may be its first brief's title alone.)
    free = [si for si, seg in enumerate(segments) if seg.state < first_inline or seg.roundup]
    texts = ["".join(units[stream[p]].text for p in segments[si].units) for si in free]
    body = [_grams(t) for t in texts]
    lead = [_grams(t[:_LEAD_CHARS]) for t in texts]
    pictured = [_pictured(units, stream, segments[si]) for si in free]
    roundup = [segments[si].roundup for si in free]

    # Gain of giving chunks i..j-1 to free article k, for every group the search may form.
    gains: dict[tuple[int, int], list[float]] = {}
    for i in range(len(chunks)):
        for j in range(i + 1, min(i + 4, len(chunks)) + 1):
            # (A column name broken over two lines closes the chunk that holds both. A
            # subheadline of figures may still follow it, 某某（新数据新看点） / 同比增长9%,
            # and ends the group, as may the last of lines set in as the line above, longer
            # than a photo title and closed by no column name of its own.)
            if j - i > 2 and _closes("".join(lines[x] for x in chunks[j - 3])):
                break
            if j - i > 1 and ((_closes("".join(lines[x] for x in chunks[j - 2])) and not (
                    len(chunks[j - 1]) == 1 and _subheadline_after_name(
                        lines[chunks[j - 1][0]], chunks[j - 1][0] in set_in)))
                              or _is_dash_head(lines[chunks[j - 2][-1]])):
                break  # (a ——subheadline is the last line of its group)
            if j - i > 1 and lines[chunks[j - 1][0]].endswith("—"):
                break  # (and a kicker ending in —— the first)
            if j - i > 1 and chunks[j - 1][0] in parts:
                break  # (and a line set in differently from the one above, too)
            group = "".join(lines[chunks[i][0]:chunks[j - 1][-1] + 1])
            if group in _PHOTO_TITLES:  # (it shares no words with its item)
                gains[i, j] = [_GENERIC_GAIN if pic else -1.0 for pic in pictured]
                continue
            w = sim.weights(group)
            floor = _LEFTOVER_MIN * math.fsum(w.values())
            gains[i, j] = [math.fsum(v for g, v in w.items() if g in b)
                           + _LEAD_WEIGHT * math.fsum(v for g, v in w.items() if g in ld) - floor
                           for b, ld in zip(body, lead, strict=True)]
            if len(group) <= _COLUMN_NAME:  # (nor does a roundup's name with its briefs)
                gains[i, j] = [max(g, _GENERIC_GAIN) if r else g
                               for g, r in zip(gains[i, j], roundup, strict=True)]

    # states: mask of used articles -> (score, back-pointer chain of (first, last, article))
    states: dict[int, tuple[float, tuple]] = {0: (0.0, ())}
    layers: list[dict[int, tuple[float, tuple]]] = [states] + [{} for _ in chunks]
    for i in range(len(chunks)):
        cur = layers[i]
        if len(cur) > 256:
            cur = dict(sorted(cur.items(), key=lambda kv: -kv[1][0])[:256])
        for mask, (score, chain) in cur.items():
            options = [(i + 1, mask, score, chain)]  # chunk i stays unassigned
            for j in range(i + 1, len(chunks) + 1):
                if (i, j) not in gains:
                    break
                for k, g in enumerate(gains[i, j]):
                    if not mask >> k & 1:
                        if g > 0:
                            options.append((j, mask | 1 << k, score + g, (chain, (i, j, k))))
            for j, m, sc, ch in options:
                if m not in layers[j] or layers[j][m][0] < sc:
                    layers[j][m] = (sc, ch)
    _, chain = max(layers[-1].values(), key=lambda v: v[0])
    owner: dict[int, int] = {}
    while chain:
        chain, (i, j, k) = chain
        for c in chunks[i:j]:
            for x in c:
                owner[x] = free[k]
    return owner


def _is_text_run(run: list[int], lines: list[str]) -> bool:
    """Whether a run of block lines no article took is text, not a missing headline: long
    enough to be text set without punctuation, or ending where a sentence goes on (，、：).
    A few lines closed by a column name broken over the last of them (某某（办实事 /
    解民忧）), or opened by a kicker (某某街道——) and closed by a column name, are a
    heading. (A list's last line may close on a bracket of its own: （共100个）.)"""
    if (len(run) <= _LEFTOVER_RUN + 2 and _closes("".join(lines[c] for c in run))
            and (not _closes(lines[run[-1]]) or lines[run[0]].endswith("——"))):
        return False
    return len(run) >= _LEFTOVER_RUN or lines[run[-1]].endswith(("，", "、", "：", ":", "；"))


def _unowned_runs(owner: dict[int, int], lines: list[str]) -> list[list[int]]:
    """Runs of adjacent block lines that no article took; a line closed by a column name
    ends its run (it ends a heading, never a line of text set without punctuation)."""
    runs: list[list[int]] = []
    for c in range(len(lines)):
        if c in owner:
            continue
        if runs and runs[-1][-1] == c - 1 and not _closes(lines[c - 1]):
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _reclaim_cuts(
    undone: dict[int, int], segments: list[_Segment], owner: dict[int, int], lines: list[str],
    stream: list[int], units: list[_Unit], sim: _Similarity, parts: frozenset[int],
    set_in: frozenset[int],
) -> tuple[list[_Segment], dict[int, int]]:
    """Cut again where content parted two articles and only their shared column joined
    them (``undone``: stream position -> the headline content gave the lower part), when
    that lets a headline no article took find its article. Returns segments and owners.
    """
    # (A cut may help only once another below it has been made: go over them until none does.)
    pending = dict(undone)
    changed = True
    while changed:
        changed = False
        for p, state in sorted(pending.items()):
            missing = {c for run in _unowned_runs(owner, lines) if not _is_text_run(run, lines)
                       for c in run}
            if not missing:
                return segments, owner
            recut = _recut(p, state, segments, owner, missing, lines, stream, units, sim, parts,
                           set_in)
            if recut:
                segments, owner = recut
                del pending[p]
                changed = True
    return segments, owner


def _recut(
    p: int, state: int, segments: list[_Segment], owner: dict[int, int], missing: set[int],
    lines: list[str], stream: list[int], units: list[_Unit], sim: _Similarity,
    parts: frozenset[int], set_in: frozenset[int],
) -> tuple[list[_Segment], dict[int, int]] | None:
    """The segments and block owners with the article holding stream position ``p`` cut
    there (the lower part headed by ``state``), or None when the block does not agree."""
    si = next(k for k, seg in enumerate(segments) if p in seg.units)
    seg = segments[si]
    at = seg.units.index(p)
    # (Bullet points sum up the report they stand over, all of it.)
    if at == 0 or any(_BULLET.match(units[stream[q]].text) for q in seg.units[:at]):
        return None
    trial = segments[:si] + [_Segment(seg.units[:at], seg.state, seg.roundup),
                             _Segment(seg.units[at:], state)] + segments[si + 1:]
    trial_owner = _assign_block(lines, trial, stream, units, len(lines), sim, parts, set_in)
    found = trial_owner.keys() - owner.keys()
    headed = set(trial_owner.values()) | {
        k for k, t in enumerate(trial) if t.state >= len(lines)}
    # The block must agree with content on the headline of the part cut off, and the
    # headline the whole article had goes to one of its parts, whole. A line found for
    # the upper part right above the lower part's headline is more likely the headline
    # over that one, a subtitle, unless it is set in differently (a column name may close
    # the line between; a group closed by its own column name, over however many lines,
    # is a whole headline).
    whole = {trial_owner.get(c) for c, o in owner.items() if o == si}
    upper = "".join(lines[c] for c in sorted(found) if trial_owner[c] == si)
    over = (state - 1 in found and trial_owner[state - 1] == si and not _closes(upper)
            and state not in parts)
    if (found and found <= missing and {si, si + 1} <= headed and len(whole) <= 1
            and not over and (state >= len(lines) or trial_owner.get(state) == si + 1)):
        return trial, trial_owner
    return None


def _join_pieces(segments: list[_Segment], owner: dict[int, int], units: list[_Unit],
                 stream: list[int], cands: list[_Candidate], block_cands: int,
                 ) -> tuple[list[_Segment], dict[int, int]]:
    """Join the signed pieces of one feature into the article the headline block heads.

    Where the block gives headlines to several articles, short lines printed in the body
    under a reporter's or author's end byline, which the block gives none, title the next
    piece of the article above (a feature of several such pieces). Readers' letters signed
    with a place and a name stay apart, and so does an item under a photo title, a column's
    name or a labelled line (提案人：…); nothing joins a photo item. Returns the segments and
    the block owners anew.
    """
    headed = set(owner.values())
    if len(headed) < 2:
        return segments, owner
    # (A photo item's credit is no end byline of a feature.)
    photo = {si for c, si in owner.items() if cands[c].lines[0] in _PHOTO_TITLES}
    kept: list[_Segment] = []
    kept_headed: list[bool] = []
    new_index: dict[int, int] = {}
    for si, seg in enumerate(segments):
        lines = cands[seg.state].lines if seg.state >= block_cands else []
        signed = _end_byline(units, stream, seg.units[0])
        if (kept and kept_headed[-1] and si not in headed and lines
                and signed is not None and bool(re.search(r"记者|作者|通讯员|采访整理", signed))
                and not any(ln in _PHOTO_TITLES or _column_name(ln) or re.search(r"[：:]", ln)
                            for ln in lines)):
            kept[-1].units.extend(seg.units)
        else:
            kept.append(seg)
            kept_headed.append(si in headed and si not in photo)
        new_index[si] = len(kept) - 1
    return kept, {c: new_index[si] for c, si in owner.items()}


def _name_signed_column(owner: dict[int, int], lines: list[str], segments: list[_Segment],
                        units: list[_Unit], stream: list[int],
                        inline_runs: dict[int, list[int]]) -> set[int]:
    """Give a column's name left over in the headline block (来论), a word or two no article's
    text matches, to the first piece of readers' letters that the block gives no headline: a
    title of one line over a signature (某市  某人) above its first paragraph. Updates
    ``owner``; returns the segments named so, whose titles are sections, as under a column's
    name printed above them."""
    headed = set(owner.values())
    named: set[int] = set()
    for run in _unowned_runs(owner, lines):
        name = lines[run[0]]
        if len(run) != 1 or len(name) > _COLUMN_NAME or name in _PHOTO_TITLES:
            continue
        for si, seg in enumerate(segments):
            p0 = stream[seg.units[0]]
            if (si not in headed and p0 > 1 and units[p0 - 1].kind == "byline"
                    and _LETTER_SIGNATURE.match(units[p0 - 1].text)
                    and len(inline_runs.get(seg.units[0], [])) == 1):
                owner[run[0]] = si
                headed.add(si)
                named.add(si)
                break
    return named


def _pictured(units: list[_Unit], stream: list[int], seg: _Segment) -> bool:
    """Whether an article is built around a picture: a photo credit closes it, or a verse
    under 这正是 sums up its cartoon."""
    first, last = stream[seg.units[0]], stream[seg.units[-1]]
    end = next((i for i in range(last + 1, len(units)) if units[i].kind in ("para", "caption")),
               len(units))
    return (any(units[i].text.startswith("这正是") for i in range(first, last + 1))
            or any(units[i].kind == "credit" for i in range(last + 1, end)))


def _cut(units: list[_Unit], stream: list[int], cands: list[_Candidate],
         ) -> tuple[list[_Segment], dict[int, int]]:
    """Cut the stream into articles. Also returns the cuts content found between two
    headlines but the column undid (stream position -> the headline below it), for the
    headline block to claim back."""
    texts = [units[i].text for i in stream]
    sim = _Similarity(texts + [" ".join(c.lines) for c in cands])
    grams = [_grams(t) for t in texts]
    n = len(stream)
    cand_w = [sim.weights(_candidate_words(cands, k)) for k in range(len(cands))]
    emit = [[sim.score(w, grams[p]) for w in cand_w] for p in range(n)]
    bonus = [0.0] * n
    # Topic continuity across each gap: a switch where the text keeps talking about the
    # same things (a sub-head inside an article) is expensive.
    bigrams = [{g for g in gs if len(g) == 2} for gs in grams]
    for p in range(1, n):
        before = set().union(*bigrams[max(0, p - 3):p])
        after = set().union(*bigrams[p:p + 2])
        bonus[p] -= _COHERENCE * sim.share(after, before)
    # Bullet points without a final mark (■ …) summarise the report under them: a dateline
    # right below them opens that report, not a new article, also where the last point was
    # broken into two paragraphs (a sentence ending at the column edge of a page without
    # indents) and the bullet is a paragraph or two further up. So does one right below a
    # letter's closing dateline (for the same place and day), which ends no article either.
    # Where headlines stand over their articles, a dateline repeated word for word with no
    # heading or byline above it is the second report of one article (某领导分别会见…) when
    # it shares something with the headline above.
    # Under a headline block, where reports of one day from one agency follow each other, so
    # is one that also repeats the first words of the report before (某领导某日在某地会见).
    inline_page = sum(c.at is None for c in cands) < 2
    letter = [p > 0 and units[stream[p]].opener and _reports_on_letter(units, stream, p)
              for p in range(n)]

    def follows_head(p: int) -> bool:
        # (A report of the same agency and day printed with no headline of its own shares
        # nothing with the headline above; a second meeting shares its names and verbs.)
        k = max((k for k, c in enumerate(cands) if c.at is not None and c.at < p),
                key=lambda k: cands[k].at, default=None)
        return k is None or emit[p][k] >= _SECOND_REPORT

    dateline = ""
    opened = ""
    led = []
    for p in range(n):
        opening = _DATELINE_KEY.match(texts[p]) if units[stream[p]].opener else None
        led.append(p > 0 and (
            (any(_BULLET.match(texts[q]) for q in range(max(0, p - 3), p))
             and not _ends_terminal(texts[p - 1]))
            or letter[p]
            or (opening is not None and opening.group(0) == dateline
                and ((inline_page and follows_head(p))
                     or len(os.path.commonprefix([texts[p], opened]))
                     >= opening.end() + _SAME_OPENING)
                and not _between(units, stream, p) and not units[stream[p - 1]].tail_byline)))
        if opening:
            dateline, opened = opening.group(0), texts[p]
    # A headline of two lines over two reports, each line naming one of them (某地将有强降雨 /
    # 某县强降雨致灾), heads both: the second report's dateline opens no article. (The second
    # line must share a quarter of its weight more with the second report than with the
    # first: shared words like 降雨 give a line something of both.)
    head_at = {c.at: c for c in cands if c.at is not None}
    for p in range(1, n):
        q = max((a for a in head_at if a < p), default=None)
        if (q is None or led[p] or not units[stream[p]].opener or _between(units, stream, p)
                or units[stream[p - 1]].tail_byline
                or any(units[stream[r]].opener for r in range(q + 1, p))):
            continue
        parts = head_at[q].lines
        if len(parts) != 2 or any("——" in x or _column_name(x) for x in parts):
            continue
        end = min([a for a in head_at if a > p] + [n, p + 6])
        above, below = (set().union(*grams[a:b]) for a, b in ((q, p), (p, end)))
        if (sim.score(parts[1], below) >= 0.25 + sim.score(parts[1], above)
                and sim.score(parts[0], above) > sim.score(parts[0], below)):
            led[p] = True
    for p in range(n):
        u = units[stream[p]]
        if u.opener and not led[p]:
            bonus[p] += _OPEN_BONUS
        if p > 0 and not letter[p]:
            prev_unit = units[stream[p - 1]]
            between = _between(units, stream, p)
            if prev_unit.tail_byline or any(b.kind == "byline" for b in between[:1]):
                bonus[p] += _BYLINE_BONUS
    forbid: set[tuple[int, int]] = set()
    for _ in range(4):
        path = _viterbi(emit, bonus, cands, forbid)
        segments: list[_Segment] = []
        for p, (s, starts) in enumerate(path):
            if starts or not segments:
                segments.append(_Segment([p], s))
            else:
                segments[-1].units.append(p)
        by_state: dict[int, list[int]] = {}
        for si, seg in enumerate(segments):
            if seg.state >= 0:
                by_state.setdefault(seg.state, []).append(si)
        dup = False
        for s, sis in by_state.items():
            if len(sis) > 1:
                best = max(sis, key=lambda si: max(emit[p][s] for p in segments[si].units[:3]))
                for si in sis:
                    if si != best:
                        forbid.add((s, segments[si].units[0]))
                        dup = True
        if not dup:
            break
    else:
        for seg in segments:
            if seg.state >= 0 and sum(1 for o in segments if o.state == seg.state) > 1:
                first = next(o for o in segments if o.state == seg.state)
                if first is not seg:
                    seg.state = -1
    inline_at = {c.at for c in cands if c.at is not None}
    # Statements collected in one article (某某代表、某职务某某： / its text / （本报记者某某
    # 采访整理）) each close with the reporter's write-up credit; the next speaker's name
    # under one goes on with the article.
    # A pointer to a speech's full text (（讲话全文见第二版）) closes the paragraph reporting
    # the speech; the report goes on below when the paragraphs there talk of the same things.
    resumed = [p > 0 and bool(_FULL_TEXT.match(_unspace(_end_byline(units, stream, p) or "")))
               and sim.share(set().union(*bigrams[p:p + 2]),
                             set().union(*bigrams[max(0, p - 3):p])) >= _RESUMED
               for p in range(n)]
    collected = [p > 0 and bool(_SPEAKER.fullmatch(texts[p]))
                 and "采访整理" in (_end_byline(units, stream, p) or "") for p in range(n)]
    structural = [
        p > 0 and (
            (units[stream[p]].opener and not led[p])
            or (_after_byline(units, stream, p) and not letter[p] and not collected[p]
                and not resumed[p])
            or (any(_label_core(u.text) in _OPENING_BOXES for u in _between(units, stream, p))
                # (an editor's note, signed ——编者, may stand above the box)
                and not _SIGNATURE.fullmatch(units[stream[p - 1]].text)))
        for p in range(n)
    ]
    # A column change is cut at the first opener, end byline, inline headline or content cut
    # among the column-less one-line paragraphs before it.
    content = {seg.units[0] for seg in segments}
    firm = [structural[p] or p in inline_at for p in range(n)]
    col_breaks = _column_breaks(units, stream, [firm[p] or p in content for p in range(n)], firm)
    # Where the page groups its headlines in a block, short lines inside the body are mostly
    # sub-heads: one cuts only where the column changes too (or the content pass agrees).
    if sum(c.at is None for c in cands) < 2:
        col_breaks |= inline_at
    col_breaks |= {c.at for c in cands if c.marked}
    hard = [structural[p] or p in col_breaks for p in range(n)]
    undone: dict[int, int] = {}
    # (Edges move before same-column cuts are undone: a paragraph moved down from under a
    # photo item leaves that item between the two articles, which keeps them apart.)
    segments = _shift_short_edges(_force_splits(segments, hard, emit, [c.at for c in cands]),
                                  units, stream, structural, inline_at, bigrams, sim)
    segments = _merge_same_column(segments, units, stream, hard, emit, undone)
    # An editor's note signed ——编者 right above a dateline introduces that article, a
    # paragraph ending in a colon (这正是：) introduces what follows it, and a line naming who
    # else attended (李红参加会见。) closes the report above it.
    merged: list[_Segment] = []
    for seg in segments:
        if merged and _ATTENDED.fullmatch(units[stream[seg.units[0]]].text):
            merged[-1].units.append(seg.units.pop(0))
            if not seg.units:
                continue
        first = units[stream[seg.units[0]]]
        before = units[stream[seg.units[0] - 1]].text if seg.units[0] > 0 else ""
        heading = [u for u in _between(units, stream, seg.units[0]) if u.kind == "short"]
        boxed = bool(heading) and _label_core(heading[0].text) in _CLOSING_BOXES
        # Briefs under one roundup heading (新闻速递) each open with a bare 本报电: one
        # article, the briefs' titles its sections.
        roundup = bool(merged) and bool(_BRIEF.match(first.text)) and any(
            _BRIEF.match(units[stream[q]].text) for q in merged[-1].units)
        # (Contact lines under a paragraph ending in a colon close its article.) The verse a
        # colon introduces (这正是：) runs on in short lines, couplet after couplet.
        p0 = seg.units[0]
        verse = len(first.text) <= 32 and any(
            units[stream[q]].text.startswith("这正是")
            and all(len(units[stream[r]].text) <= 16 for r in range(q + 1, p0))
            for q in range(max(0, p0 - 4), p0))
        introduced = (before.endswith(("：", ":")) or verse) and not _after_byline(
            units, stream, p0)
        # Where headlines name both articles firmly, the one-line paragraph ending in a
        # colon opens the article below instead (新春伊始，一组组数字令人振奋：).
        if (introduced and not verse and merged and len(merged[-1].units) > 1
                and merged[-1].units[-1] == p0 - 1 and units[stream[p0 - 1]].lines == 1
                and _firmly_headed(merged[-1], emit) and _firmly_headed(seg, emit)
                and merged[-1].state != seg.state):
            seg.units.insert(0, merged[-1].units.pop())
            introduced = False
        # (The ——编者 signature itself closes the note above it, never opens an article.)
        if merged and (introduced or roundup or boxed or _SIGNATURE.fullmatch(first.text)
                       or (first.opener and _SIGNATURE.fullmatch(before))):
            merged[-1].units.extend(seg.units)
            merged[-1].roundup = merged[-1].roundup or roundup
        else:
            merged.append(seg)
    return merged, undone


def _firmly_headed(seg: _Segment, emit: list[list[float]]) -> bool:
    """Whether a headline heads the article and a paragraph of it restates the headline."""
    return seg.state >= 0 and max(emit[p][seg.state] for p in seg.units) >= _FIRM_HEAD


def _shift_short_edges(segments: list[_Segment], units: list[_Unit], stream: list[int],
                       structural: list[bool], inline_at: set[int], bigrams: list[set[str]],
                       sim: _Similarity) -> list[_Segment]:
    """Move a one-line paragraph ending an article above a cut content made to the article
    below when the paragraphs there share its words: content alone says little about so
    short a paragraph, and the sentence a report opens with is often one. So does a
    paragraph of any length printed right under a photo item, with no margin asked: a
    photo breaks the column where one story ends and the next begins, and content that
    names nobody in the headline below cuts one paragraph late. (The other way round, a closing
    sentence taken for an opening one, moved editors' notes and datelines away from their
    articles.)"""
    for a, b in zip(segments, segments[1:], strict=False):
        p = b.units[0]
        q = p - 1
        # (A line with a colon in it is a field of a list entry, 项目：…, not a sentence; one
        # ending in an exclamation mark is a wish or a call closing a piece, 预祝…成功！.)
        text = units[stream[q]].text
        pictured = any(u.kind == "caption" for u in _between(units, stream, q))
        if (structural[p] or p in inline_at or a.units[-1] != q or len(a.units) < 2
                or (units[stream[q]].lines != 1 and not pictured) or re.search(r"[：:]", text)
                or text.endswith(("！", "!"))):
            continue
        above = set().union(*(bigrams[r] for r in a.units[-3:-1]))
        below = set().union(*(bigrams[r] for r in b.units[:2]))
        # (One word in common may be chance.)
        if len(bigrams[q] & below) >= 2 and (sim.share(bigrams[q], below) > sim.share(
                bigrams[q], above) + (0 if pictured else _EDGE_MARGIN)):
            b.units.insert(0, a.units.pop())
    return segments


def _merge_same_column(segments: list[_Segment], units: list[_Unit], stream: list[int],
                       hard: list[bool], emit: list[list[float]],
                       undone: dict[int, int]) -> list[_Segment]:
    """Undo cuts that nothing but content argued for when the column runs on unchanged:
    an article keeps its column width, so the same width on both sides of a cut means
    a sub-head or a change of topic inside one article. Two neighbours that happen to share
    a width stay apart when each took a headline the other side hardly mentions
    (``emit`` below ``_FOREIGN``), or when a photo item is printed between them. A cut
    undone above a headline content found, or one the lower part's first paragraph talks
    about, under a different one or none, is noted in ``undone`` (its stream position ->
    the lower headline): the block may still claim it."""
    def known(ps: Iterable[int]) -> tuple[int, int] | None:
        # The widths the nearest paragraphs agree on: one paragraph's range alone may
        # reach a neighbour column a character or two away.
        span = None
        cols = (c for c in (units[stream[q]].column for q in ps) if c)
        for col in itertools.islice(cols, 3):
            both = col if span is None else (max(span[0], col[0]), min(span[1], col[1]))
            if both[0] > both[1]:
                break
            span = both
        return span

    out: list[_Segment] = []
    for seg in segments:
        p = seg.units[0]
        if out and not hard[p]:
            prev = out[-1]
            a, b = known(reversed(prev.units)), known(seg.units)
            # One-line paragraphs show no column; cut off from the article above by content
            # alone, they open the article below.
            if a is None and b is not None:
                a = b
            # (A sub-head set like one inside the article above, 通道建设—— / 平台打造——,
            # goes on with it whatever it talks about, for good.)
            # (A photo item between them puts a break in the column, where stories part.)
            same = a is not None and b is not None and _same_column(a, b) and not any(
                u.kind == "caption" for u in _between(units, stream, p))
            section = same and any(
                _parallel_kickers(_between(units, stream, q), _between(units, stream, p))
                for q in prev.units[1:])
            if same and (section or not (
                    prev.state >= 0 and seg.state >= 0 and prev.state != seg.state
                    and max(emit[q][seg.state] for q in prev.units) < _FOREIGN
                    and max(emit[q][prev.state] for q in seg.units[:3]) < _FOREIGN)):
                # (A lower part content gave no headline may still open the article of
                # one its first paragraph clearly talks about.)
                lower = seg.state
                if lower < 0 and emit[p]:
                    lower = max(range(len(emit[p])), key=emit[p].__getitem__)
                    lower = lower if emit[p][lower] >= _NAMED else -1
                if prev.state != lower >= 0 and not section:
                    undone[p] = lower
                prev.units.extend(seg.units)
                if prev.state < 0:
                    prev.state = seg.state
                continue
        out.append(seg)
    return out


def _parallel_kickers(upper: list[_Unit], lower: list[_Unit]) -> bool:
    """Whether two headings open alike with a short kicker of one length (通道建设—— over one
    section, 平台打造—— over another): the sub-heads of one article."""
    heads = [[u.text for u in run if u.kind == "short"] for run in (upper, lower)]
    return all(len(h) >= 2 and h[0].endswith("——") and len(h[0]) <= 8 for h in heads) and len(
        heads[0][0]) == len(heads[1][0])


def _all_punct(text: str) -> bool:
    return all(unicodedata.category(ch).startswith("P") for ch in text)


def _column_range(full_lines: list[_Line]) -> tuple[tuple[int, int] | None, int]:
    """Column widths consistent with every full line of a paragraph.

    A full line stops one short of the edge when a narrow (Latin) character leaves a gap
    too small for a CJK one, and a closing mark may hang one place past the edge; so a
    line of width w allows a column of w..w+1, or w-2..w+1 when it ends in punctuation.
    """
    spans = []
    for ln in full_lines:
        punct = bool(ln.text) and unicodedata.category(ln.text[-1]).startswith("P")
        # Ambiguous-width marks (·) are measured full width but some text sets them narrow.
        narrow = sum(unicodedata.east_asian_width(ch) == "A" for ch in ln.text)
        spans.append((ln.width - (2 if punct else 0) - narrow, ln.width + 1, ln.indent))
    # The widths most lines agree on; a stray line (a dateline with a real space in it, a
    # heading joined by mistake) is outvoted, and with no majority the column is unknown.
    best = max((s[0] for s in spans), key=lambda w: (sum(a <= w <= b for a, b, _ in spans), w))
    agree = [(a, b, ind) for a, b, ind in spans if a <= best <= b]
    if len(agree) * 2 <= len(spans) and len(spans) > 1:
        return None, 0
    # Indented first lines measure the indent too, which OCR renders unreliably (two
    # ideographic spaces, four ASCII ones, none): they do not vote.
    votes = sum(not ind for _, _, ind in agree)
    return (max(a for a, _, _ in agree), min(b for _, b, _ in agree)), votes


def _same_column(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _column_breaks(units: list[_Unit], stream: list[int], marks: list[bool],
                   firm: list[bool]) -> set[int]:
    """Stream positions where the column width changes: each article is set in its own
    column, so two paragraphs of different widths belong to different articles.

    One-line paragraphs between them show no column; they stay with the earlier article
    unless they are wider than its column, stand under heading lines (a headline the
    content pass judged a sub-head: sub-heads head paragraphs in their own column), or
    something else (``marks``: an opener, an end byline, a headline, a content cut) already
    opens the next article at one of them.
    ``firm`` marks the first three alone.
    """
    breaks: set[int] = set()
    prev_col: tuple[int, int] | None = None
    prev_p = -1
    for p, ui in enumerate(stream):
        col = units[ui].column
        if col is None or units[ui].column_votes < 1:
            continue
        if prev_col is not None and not _same_column(col, prev_col):
            cut = p
            for q in range(prev_p + 1, p):
                # (An indented first line does not vote for a column, but one clearly wider or
                # narrower than the earlier column, with more lines under it, is not set in it.)
                # (Nor is a one-line paragraph exactly as wide as the new column and clearly
                # narrower than the old one: a full line of the new column, unless an opener
                # or a headline under it, or heading lines printed under it however unsure,
                # are where the new article begins.)
                seen = units[stream[q]].column
                width = units[stream[q]].last_width
                if marks[q] or width > prev_col[1] + 2 or any(
                        u.kind == "short" for u in _between(units, stream, q)) or (
                        seen is not None and (seen[0] > prev_col[1] + 2
                                              or seen[1] < prev_col[0] - 4)) or (
                        units[stream[q]].lines == 1 and col[0] - 1 <= width <= col[1] + 2
                        and width < prev_col[0] - 4 and not any(firm[q + 1:p + 1])
                        and not any(u.kind == "short" for r in range(q + 1, p + 1)
                                    for u in _between(units, stream, r))):
                    cut = q
                    break
            breaks.add(cut)
        prev_col, prev_p = col, p
    return breaks


def _between(units: list[_Unit], stream: list[int], p: int) -> list[_Unit]:
    """The units printed between paragraph ``p`` and the one before it (headings, bylines)."""
    return units[stream[p - 1] + 1: stream[p]] if p > 0 else []


def _after_byline(units: list[_Unit], stream: list[int], p: int) -> bool:
    return _end_byline(units, stream, p) is not None


def _end_byline(units: list[_Unit], stream: list[int], p: int) -> str | None:
    """The byline closing the article above paragraph ``p``, if one does."""
    if p == 0:
        return None
    if units[stream[p - 1]].tail_byline:
        return units[stream[p - 1]].tail_byline
    # A byline under a sub-head or a headline heads what follows; only one printed right
    # under a paragraph closes an article.
    between = _between(units, stream, p)
    if between and between[0].kind == "byline" and not _heading_like(units[stream[p - 1]]):
        return between[0].text
    return None


def _heading_like(unit: _Unit) -> bool:
    """A short unit without sentence punctuation: a sub-head wrapped over two lines."""
    return unit.lines <= 2 and not _ends_terminal(unit.text) and len(unit.text) <= 30


def _force_splits(segments: list[_Segment], hard: list[bool], emit: list[list[float]],
                  printed_at: list[int | None]) -> list[_Segment]:
    """Split at openers and after end bylines, which always start an article; the headline
    stays with the part it is printed above (``printed_at``: where each candidate heading
    stands, None for a block line), else with the part whose first paragraph matches it
    best."""
    out: list[_Segment] = []
    for seg in segments:
        parts: list[list[int]] = [[seg.units[0]]]
        for p in seg.units[1:]:
            if hard[p]:
                parts.append([p])
            else:
                parts[-1].append(p)
        if len(parts) == 1 or seg.state < 0:
            out.extend(_Segment(part, seg.state if k == 0 else -1) for k, part in enumerate(parts))
            continue
        best = max(range(len(parts)), key=lambda k: (parts[k][0] == printed_at[seg.state],
                                                     emit[parts[k][0]][seg.state]))
        out.extend(_Segment(part, seg.state if k == best else -1) for k, part in enumerate(parts))
    return out


def _byline_owner(units: list[_Unit], j: int) -> str | None:
    """Who a byline or credit belongs to: "previous" (it ends an article), "next" (it heads
    one, printed under the headline) or "caption" (a photo credit); None for other units."""
    if units[j].kind not in ("byline", "credit"):
        return None
    k = j - 1
    while k >= 0 and units[k].kind in ("byline", "credit"):
        k -= 1
    if k >= 0 and units[k].kind == "caption":
        return "caption"
    if (k < 0 or units[k].kind == "short") and not _CLOSING_NOTE.match(units[j].text):
        return "next"
    return "previous"


def _first_piece(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split a symposium's heading lines (its headline, then its first piece's title and
    speaker, 某某 / 某省某厅厅长  某某) into the headline's lines and the two lines that open
    the body as sections, as the later pieces' titles and speakers do. Lines the column edge
    broke (a word or a quotation running across) are joined first."""
    k = next((k for k in range(2, len(lines)) if _SPEAKER_LINE.search(lines[k])), None)
    if k is None:
        return lines, []
    start = k
    while start > 2 and (_word_across(lines[start - 1], lines[start])
                         or lines[start - 1][-1:] in _NEVER_LAST):
        start -= 1
    title = start - 1
    while title > 1 and (lines[title - 1].count("“") > lines[title - 1].count("”")
                         or _word_across(lines[title - 1], lines[title])):
        title -= 1
    return lines[:title], ["".join(lines[title:start]), "".join(lines[start:k + 1]),
                           *lines[k + 1:]]


def _article_item(
    units: list[_Unit], stream: list[int], seg: _Segment, head_lines: list[str],
    inline_runs: dict[int, list[int]], consumed: set[int | None], ident: str,
    titles: list[str] | None = None,
) -> Item:
    head_lines, opening = _first_piece(head_lines)
    kicker, headline, sub = _split_roles(head_lines)
    bylines: list[str] = []
    sections: list[str] = opening + list(titles or [])
    paras: list[str] = []
    first_u, last_u = stream[seg.units[0]], stream[seg.units[-1]]
    nxt = next((i for i in range(last_u + 1, len(units)) if units[i].kind in ("para", "caption")),
               len(units))
    prv = next((i for i in range(first_u - 1, -1, -1) if units[i].kind in ("para", "caption")), -1)
    bylines.extend(_clean_byline(units[j].text) for j in range(prv + 1, first_u)
                   if _byline_owner(units, j) == "next")

    def note(j: int) -> None:
        # (A pointer to another page is text of the article, not a byline: it names no one.)
        if re.match(_CROSS_REF, _unspace(units[j].text)):
            paras.append(_unspace(units[j].text))
        else:
            bylines.append(_clean_byline(units[j].text))

    for p in seg.units:
        ui = stream[p]
        if p in inline_runs and p not in consumed:
            sections.extend(units[j].text for j in inline_runs[p] if units[j].kind == "short")
        elif p in inline_runs and p != seg.units[0]:
            sections.extend(units[j].text for j in inline_runs[p])
        elif p in inline_runs:  # a box label (核心阅读) under the headline opens the body
            heading = set(_heading_part(units, inline_runs[p]))
            sections.extend(units[j].text for j in inline_runs[p] if j not in heading)
        if p != seg.units[0]:
            for j in range(stream[p - 1] + 1, ui):
                if _byline_owner(units, j) in ("next", "previous"):
                    note(j)
        paras.append(units[ui].text)
        if units[ui].tail_byline:
            bylines.append(units[ui].tail_byline)
    for j in range(last_u + 1, nxt):
        if _byline_owner(units, j) == "previous":
            note(j)
    return Item(
        id=ident, kind="article", body="\n".join(paras), headline=headline, kicker=kicker,
        subheadline=sub, byline=" ".join(dict.fromkeys(bylines)) or None, sections=tuple(sections),
    )


def _caption_item(units: list[_Unit], ui: int, ident: str) -> Item:
    body = units[ui].text
    credits = []
    for j in range(ui + 1, len(units)):
        if units[j].kind in ("credit", "byline"):
            credits.append(_clean_byline(units[j].text))
        else:
            break
    # A photo title may be broken over two or three short lines.
    top = ui
    while top > 0 and ui - top < 3 and units[top - 1].kind == "short" and not _is_label(
            units[top - 1].text):
        top -= 1
    head = "".join(u.text for u in units[top:ui]) or None
    return Item(id=ident, kind="article" if units[ui].report else "caption", body=body,
                headline=head, byline=" ".join(credits) or None)
