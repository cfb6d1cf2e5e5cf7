"""Numbers, dates, percentages and quantities: extraction, normalisation, support."""

from __future__ import annotations

from decimal import Decimal

import pytest

from summarizer.summarize.faithfulness import (
    extract_quantities,
    parse_chinese_number,
    unsupported_quantities,
)


def _norm(text: str) -> list[tuple[Decimal, str]]:
    return [(q.value, q.unit) for q in extract_quantities(text)]


@pytest.mark.parametrize(
    "spellings, value, unit",
    [
        (["59人", "５９人", "五十九人", "59 人"], "59", "人"),
        (["3.5%", "３．５％", "百分之三点五"], "3.5", "%"),
        (["70%", "七成", "7成", "百分之七十"], "70", "%"),
        (["1.2万元", "12000元", "一万二千元", "12,000元"], "12000", "元"),
        (["两千个", "2000个", "二千个"], "2000", "个"),
        (["3.5亿元", "35000万元", "三点五亿元"], "350000000", "元"),
        (["678万人", "6780000人"], "6780000", "人"),
        (["二〇二三年", "2023年"], "2023", "年"),
    ],
)
def test_spellings_of_one_quantity_normalise_alike(spellings, value, unit):
    for text in spellings:
        assert _norm(text) == [(Decimal(value), unit)], text


def test_dates_split_into_parts():
    assert _norm("2023年7月1日") == [(2023, "年"), (7, "月"), (1, "日")]
    assert _norm("二〇二三年七月一日") == [(2023, "年"), (7, "月"), (1, "日")]


def test_words_made_of_numeral_characters_are_not_numbers():
    for text in ("一些人认为", "十分重要", "千万不要", "统一部署", "一个重要会议", "重点", "一起"):
        assert extract_quantities(text) == [], text


def test_numbers_inside_names_and_codes_are_not_quantities():
    for text in ("5G网络", "3D电影", "iPhone6发布", "G20峰会", "ＭＰ３"):
        assert extract_quantities(text) == [], text
    assert _norm("5G用户达到3亿户") == [(Decimal(300000000), "户")]


def test_quantity_text_is_the_original_spelling():
    [q] = extract_quantities("受灾５９人")
    assert q.text == "５９人"


@pytest.mark.parametrize(
    "s, value",
    [("十", "10"), ("十二", "12"), ("一百零五", "105"), ("三千零二十", "3020"),
     ("一亿两千万", "120000000"), ("零点五", "0.5"), ("二〇〇八", "2008")],
)
def test_parse_chinese_number(s, value):
    assert parse_chinese_number(s) == Decimal(value)


def test_parse_chinese_number_rejects_non_numbers():
    assert parse_chinese_number("三点") == Decimal(3)
    assert parse_chinese_number("点五") == Decimal("0.5")
    assert parse_chinese_number("三x") is None
    assert parse_chinese_number("") is None


def test_unsupported_reports_invented_figures_only():
    source = "新华社北京7月1日电 暴雨导致59人受灾，直接经济损失约2.8亿元，同比增长3.5%。"
    assert unsupported_quantities("五十九人受灾，损失2.8亿元", source) == ()
    assert unsupported_quantities("７月１日，暴雨致５９人受灾", source) == ()
    assert unsupported_quantities("增长百分之三点五", source) == ()
    assert unsupported_quantities("60人受灾，损失5亿元", source) == ("60人", "5亿元")
    assert unsupported_quantities("7月2日暴雨", source) == ("2日",)
    assert unsupported_quantities("增长3.5个百分点", source) == ("3.5个百分点",)


def test_rounded_large_figures_are_supported():
    source = "地震已造成15.5万人受灾，直接经济损失2.8亿元，59人受伤。"
    assert unsupported_quantities("15万人受灾", source) == ()
    assert unsupported_quantities("16万人受灾，损失约3亿元", source) == ()
    assert unsupported_quantities("17万人受灾", source) == ("17万人",)
    assert unsupported_quantities("60人受伤", source) == ("60人",)
    assert unsupported_quantities("15.6万人受灾", source) == ("15.6万人",)


def test_numerals_used_as_words_in_the_source_still_support():
    # 三县 has no measure word; the summary's 三个县 restates it.
    assert unsupported_quantities("涉及三个县", "工作涉及三县54个村") == ()
    assert extract_quantities("三县") == []


def test_unit_less_numbers_in_source_support_any_unit():
    assert unsupported_quantities("死亡59人", "死亡人数为59，另有多人受伤") == ()
    # A bare number in the summary is supported by the value anywhere in the source.
    assert unsupported_quantities("人数达到59", "共有59人") == ()
    assert unsupported_quantities("人数达到60", "共有59人") == ("60",)
