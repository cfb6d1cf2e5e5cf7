"""The page segmenter on small hand-written pages, one phenomenon per test, and its CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.segment import (
    _bound,
    _Candidate,
    _candidate_words,
    _heading_probability,
    _layout,
    clean_line,
    run_features,
    segment_text,
)
from summarizer.types import Item

ROOT = Path(__file__).resolve().parents[1]


def articles(text: str):
    return [it for it in segment_text(text).items if it.kind == "article"]


def test_clean_line_removes_ocr_spaces_garbage_and_folds_width():
    assert clean_line("的 焦 虑 情\ufffd绪 ， ２０２３年") == "的焦虑情绪，2023年"
    assert clean_line("使用 VR 设备") == "使用VR设备"
    assert clean_line("the AI model") == "the AI model"


def test_column_breaks_and_blank_lines_are_rejoined():
    page = (
        "乡村学校添新貌\n"
        "　　本报讯 今年以来，全县新建乡村\n"
        "学校五所，改造校舍三万平方米，\n"
        "\n"
        "为两千多名学生提供了更好的学习\n"
        "环境。\n"
        "　　县教育局表示，明年还将继续加\n"
        "大投入，让每个孩子都能上好学。\n"
    )
    [item] = articles(page)
    assert item.headline == "乡村学校添新貌"
    assert item.body.split("\n") == [
        "本报讯今年以来，全县新建乡村学校五所，改造校舍三万平方米，为两千多名学生提供了更好的学习环境。",
        "县教育局表示，明年还将继续加大投入，让每个孩子都能上好学。",
    ]


def test_ocr_spaces_between_cjk_are_removed_from_body():
    page = (
        "课后服务受欢迎\n"
        "　　学 校 开 设 了 书 法 、 编 程\n"
        "等 课 程 ， 家 长 的 焦 虑 情 绪\n"
        "明显缓解。\n"
    )
    [item] = articles(page)
    assert item.body == "学校开设了书法、编程等课程，家长的焦虑情绪明显缓解。"


def test_headline_block_is_assigned_by_content_not_position():
    # The block lists the headlines in the opposite order of the bodies.
    page = (
        "中外合作办学培养技能人才\n"
        "乡村教师队伍持续壮大\n"
        "\n"
        "　　本报讯 今年全县新招聘乡村教\n"
        "师两百名，乡村教师队伍结构不断\n"
        "优化，教师队伍持续壮大。\n"
        "　　新华社天津9月1日电 一所职业\n"
        "学院与德国高校开展合作办学，联\n"
        "合培养数控技术技能人才。\n"
    )
    items = articles(page)
    assert [it.headline for it in items] == ["乡村教师队伍持续壮大", "中外合作办学培养技能人才"]


def test_kicker_and_subheadline_travel_with_their_headline():
    page = (
        "数字化赋能职业教育——\n"
        "实训车间里练就真本领\n"
        "——虚拟仿真实训基地建设见闻\n"
        "　　本报讯 在一所职业学院的实训车\n"
        "间，学生戴上眼镜就能在虚拟产线上\n"
        "练习拆装机床，实训基地建设成效明\n"
        "显，职业教育数字化步伐加快。\n"
    )
    [item] = articles(page)
    assert item.kicker == "数字化赋能职业教育——"
    assert item.headline == "实训车间里练就真本领"
    assert item.subheadline == "——虚拟仿真实训基地建设见闻"


def test_byline_on_its_own_line_and_on_the_last_sentence_line():
    page = (
        "　　本报讯 全县今年开展教育帮扶\n"
        "活动四十余场。（通讯员 张三 李四）\n"
        "　　新华社北京9月3日电 多所高校\n"
        "启动新生入学教育。\n"
        "记者 王五\n"
    )
    items = articles(page)
    assert len(items) == 2
    assert items[0].byline == "通讯员 张三 李四"
    assert items[0].body == "本报讯全县今年开展教育帮扶活动四十余场。"
    assert items[1].byline == "记者 王五"
    assert "王五" not in items[1].body


def test_openers_start_new_articles():
    page = (
        "　　本报讯 县一中举行开学典礼，全\n"
        "体师生参加。\n"
        "　　本报讯 县职教中心新增两个专\n"
        "业，招生人数同比增长两成。\n"
    )
    items = articles(page)
    assert len(items) == 2
    assert all(it.headline is None for it in items)


def test_article_without_headline_keeps_headline_none():
    page = "　　今年秋季学期，全市中小学全面\n推行课后服务，覆盖学生十万余名。\n"
    [item] = articles(page)
    assert item.headline is None and item.kicker is None and item.subheadline is None


def test_sub_heads_stay_in_the_article_as_sections():
    page = (
        "教育帮扶让乡村学校焕发新生机\n"
        "　　本报讯 近年来，青山县把教育帮\n"
        "扶作为乡村振兴的重要抓手，乡村学\n"
        "校办学条件明显改善。\n"
        "加大人才支援力度\n"
        "　　青山县每年选派城区骨干教师到\n"
        "乡村学校支教，乡村学校教师队伍\n"
        "不断壮大，教育帮扶成效明显。\n"
    )
    [item] = articles(page)
    assert item.sections == ("加大人才支援力度",)
    assert "加大人才支援力度" not in item.body
    assert len(item.body.split("\n")) == 2


def test_captions_are_items_of_their_own():
    page = (
        "　　本报讯 县职教中心新建实训楼\n"
        "投入使用，可同时容纳千名学生实训。\n"
        "▲学生在新建实训楼里练习焊接。\n"
        "本报记者 赵六摄\n"
        "图为学生在实训基地练习工业机器人编程。\n"
    )
    items = segment_text(page).items
    assert [it.kind for it in items] == ["article", "caption", "caption"]
    assert items[1].body == "▲学生在新建实训楼里练习焊接。"
    assert items[1].byline == "本报记者 赵六摄"
    assert "焊接" not in items[0].body
    assert [it.id for it in items] == ["1", "2", "3"]


def test_headline_matching_no_body_stays_unassigned():
    page = (
        "全省高校毕业生就业工作推进会召开\n"
        "乡村教师队伍持续壮大\n"
        "　　本报讯 今年全县新招聘乡村教\n"
        "师两百名，乡村教师队伍持续壮大。\n"
    )
    [item] = articles(page)
    assert item.headline == "乡村教师队伍持续壮大"
    assert "毕业生" not in (item.kicker or "") + item.body


def test_change_of_column_width_separates_articles_without_other_cues():
    # Two headless articles, no opener or byline between them: only the column (12 vs 16
    # characters) tells where one ends.
    page = (
        "今年夏天，县里新修了三条乡村公\n"
        "路，沿线村民出行方便了许多，农\n"
        "产品也能更快运出大山。\n"
        "社区图书馆延长开放时间后，每天晚上\n"
        "都有不少居民前来借书读书，阅览室里\n"
        "常常座无虚席。\n"
    )
    items = articles(page)
    assert [it.body[:4] for it in items] == ["今年夏天", "社区图书"]
    assert items[0].body.endswith("更快运出大山。")


def test_bundled_example_page_has_every_kind_of_item():
    page = segment_text((ROOT / "examples" / "page.txt").read_text(encoding="utf-8"))
    kinds = [it.kind for it in page.items]
    assert kinds.count("caption") == 2
    assert kinds.count("article") >= 3
    first = page.items[0]
    assert first.headline == "建好“家门口”的好学校"
    assert first.byline == "通讯员 张三 李四"
    assert first.sections == ("加大人才支援力度", "让课堂连起城乡")
    # A block headline goes to the article it describes, not to a neighbour by position;
    # the orphan headline (its article is not on the page) stays unassigned.
    [coop] = [it for it in page.items if it.headline == "中外合作办学迈出新步伐"]
    assert coop.subheadline == "——两校携手共育技能人才"
    assert "滨江职业技术学院" in coop.body and "开学思政课" not in coop.body
    assert all("毕业生就业" not in (it.headline or "") for it in page.items)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args], capture_output=True, text=True,
        env=env, cwd=ROOT, timeout=120,
    )


SMALL_PAGE = "书法课程受欢迎\n　　本报讯 学校开设了书法等课\n程，家长十分满意。\n"


def test_cli_segment_json(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(SMALL_PAGE, encoding="utf-8")
    res = run_cli("segment", str(page))
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["source"] == str(page)
    [item] = doc["items"]
    assert list(item) == [
        "id", "kind", "kicker", "headline", "subheadline", "byline", "sections", "body",
    ]
    assert item["headline"] == "书法课程受欢迎"


def test_cli_segment_markdown_and_gb18030(tmp_path):
    page = tmp_path / "p.txt"
    page.write_bytes(SMALL_PAGE.encode("gb18030"))
    res = run_cli("segment", str(page), "--format", "md")
    assert res.returncode == 0, res.stderr
    assert "## 1. 书法课程受欢迎" in res.stdout
    assert "家长十分满意" in res.stdout


def test_cli_segment_empty_and_binary_files_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    res = run_cli("segment", str(empty))
    assert res.returncode == 2
    assert "is empty" in res.stderr
    binary = tmp_path / "scan.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = run_cli("segment", str(binary))
    assert res.returncode == 2
    assert "binary" in res.stderr


def test_block_groups_keep_kicker_and_column_name_lines_with_their_article():
    # Two heading groups in one block, in the opposite order of the bodies; a line ending in
    # its column name closes a group, a kicker ending in —— opens one.
    page = (
        "校园足球联赛开赛（体育视点）\n"
        "职业院校牵手企业——\n"
        "共建智能制造实训基地\n"
        "　　本报讯 近日，市职业技术学院与三家装备制造\n"
        "企业签约，共建智能制造实训基地，企业派出工程师\n"
        "驻校授课。\n"
        "　　新华社杭州9月2日电 全市中小学校园\n"
        "足球联赛2日开赛，一百二十支球队参加\n"
        "比赛，赛期三个月。\n"
    )
    items = articles(page)
    assert [(it.kicker, it.headline) for it in items] == [
        ("职业院校牵手企业——", "共建智能制造实训基地"),
        (None, "校园足球联赛开赛（体育视点）"),
    ]


def test_dateline_broken_before_its_note_opens_one_paragraph():
    page = (
        "县城新建两所幼儿园\n"
        "本报南昌9月3日电\n"
        "（记者李四）\n"
        "今年县里新建两所公办幼儿\n"
        "园，新增学位六百个。\n"
    )
    [item] = articles(page)
    assert item.headline == "县城新建两所幼儿园"
    assert item.sections == ()
    assert item.body == "本报南昌9月3日电（记者李四）今年县里新建两所公办幼儿园，新增学位六百个。"


def test_notes_under_the_last_paragraph_stay_with_the_article():
    page = (
        "书香校园建设见成效\n"
        "　　全市学校图书馆今年新增藏书二十万\n"
        "册，学生借阅量同比增长三成。\n"
        "数据来源：市教育局基础教育处\n"
        "版式设计：王五\n"
    )
    [item] = articles(page)
    assert item.body == "全市学校图书馆今年新增藏书二十万册，学生借阅量同比增长三成。"
    assert item.byline == "数据来源：市教育局基础教育处 版式设计：王五"


def test_photo_item_with_two_paragraphs_is_one_caption():
    page = (
        "　　本报讯 县职教中心新建实训楼\n"
        "投入使用，可同时容纳千名学生实训。\n"
        "图为学生在实训楼里练习焊接。\n"
        "该中心今年开设焊接、数控等专业。\n"
        "本报记者 赵六摄\n"
    )
    items = segment_text(page).items
    assert [it.kind for it in items] == ["article", "caption"]
    assert items[1].body == "图为学生在实训楼里练习焊接。\n该中心今年开设焊接、数控等专业。"
    assert items[1].byline == "本报记者 赵六摄"


def test_photo_report_with_two_paragraphs_of_its_own_above_the_photo_is_an_article():
    # Two set-in paragraphs of text over the 图为 line: a report told in pictures, not a
    # caption, although it is as short as one.
    page = (
        "　　本报讯 县职教中心新建实训楼\n"
        "投入使用，可同时容纳千名学生实训。\n"
        "图片报道\n"
        "　　临河县的梨园今年迎来丰收，\n"
        "果农们忙着采摘、装箱和发货。\n"
        "　　县里建起冷链仓库，鲜梨三天\n"
        "就能送到省城的超市。\n"
        "　　图为果农在梨园采摘。\n"
        "　　本报记者 赵六摄\n"
    )
    items = segment_text(page).items
    assert [it.kind for it in items] == ["article", "article"]
    report = items[1]
    assert report.headline == "图片报道"
    assert report.body.split("\n") == [
        "临河县的梨园今年迎来丰收，果农们忙着采摘、装箱和发货。",
        "县里建起冷链仓库，鲜梨三天就能送到省城的超市。",
        "图为果农在梨园采摘。",
    ]
    assert report.byline == "本报记者 赵六摄"


def test_agency_photo_credit_is_no_dateline_broken_before_a_line_holding_dian():
    # 新华社…电 opens a dateline, and the next line holds a 电 (供电): still the credit
    # ends there, and the headline under it starts the next article.
    page = (
        "　　本报讯 县职教中心新建实训楼投入使用，\n"
        "可同时容纳千名学生实训，企业也派来了师傅。\n"
        "图片报道\n"
        "　　雨后的山谷云雾缭绕，层层梯田映着\n"
        "晨光，构成一幅美丽画卷。\n"
        "新华社记者  王小明摄\n"
        "县供电公司：培养青年技能人才\n"
        "　　近年来，县供电公司为青年员工制定\n"
        "成长计划，每名新员工配一名师傅，三年\n"
        "来已有二十人成长为技术骨干。\n"
    )
    items = segment_text(page).items
    assert [it.kind for it in items] == ["article", "caption", "article"]
    assert items[1].byline == "新华社记者 王小明摄"
    assert items[2].headline == "县供电公司：培养青年技能人才"
    assert items[2].body.startswith("近年来，县供电公司")


def test_staff_lines_broken_inside_a_bracket_or_a_list_of_sources_stay_whole():
    # At the foot of the page, where every line stands on its own, a staff line still
    # carries on into the rest of its bracket, of its list of sources, or of a name with
    # its company in brackets.
    page = (
        "　　本报讯 全县今年新建乡村学校\n"
        "少年宫十所，孩子们放学后可以在\n"
        "少年宫里学习书法、舞蹈和编程。\n"
        "本版责编：张三 李四\n"
        "版式设计：王五\n"
        "赵六（县融媒体中心技\n"
        "术部）\n"
        "数据来源：县教育局、县自然\n"
        "资源局、县水利局、县林业局、\n"
        "县能源办\n"
        "资料来源：县统计\n"
        "局、县教育局\n"
        "本版邮箱：xiangcun@example.com（来稿请\n"
        "注明栏目名）\n"
    )
    items = segment_text(page).items
    box = items[-1]
    assert box.headline == "本版责编：张三 李四"
    assert box.body.split("\n") == [
        "版式设计：王五 赵六（县融媒体中心技术部）",
        "数据来源：县教育局、县自然资源局、县水利局、县林业局、县能源办",
        "资料来源：县统计局、县教育局",
        "本版邮箱：xiangcun@example.com（来稿请注明栏目名）",
    ]


def test_headline_with_a_comma_and_its_column_name_broken_over_three_lines():
    page = (
        "　　本报讯 全县今年新建乡村学校少\n"
        "年宫十所，孩子们放学后可以在少年\n"
        "宫里学习书法、舞蹈和编程，家长们\n"
        "都很满意。\n"
        "　　（本报记者张三、李四参与采写）\n"
        "上半年，职业院校招生同比增长8.5%\n"
        "校企合作项目扎实推进（年\n"
        "\n"
        "中教育观察）\n"
        "　　县职教中心的实训楼里，学生们正\n"
        "在练习数控加工，企业派来的师傅在\n"
        "一旁指导。今年上半年，全县职业院\n"
        "校招生人数同比增长8.5%。\n"
    )
    items = segment_text(page).items
    assert [it.headline for it in items] == [
        None, "上半年，职业院校招生同比增长8.5%校企合作项目扎实推进（年中教育观察）"]
    assert items[1].body.startswith("县职教中心的实训楼里")


def test_question_mark_pushed_onto_the_column_name_line_stays_in_the_headline():
    page = (
        "　　本报讯 全县今年新建乡村学校少年宫十所，\n"
        "孩子们放学后可以在少年宫里学习书法和舞蹈。\n"
        "　　（本报记者张三采访整理）\n"
        "　学生课间摔伤，学校要担责吗\n"
        "　？（以案说法）\n"
        "　　【案情】一天课间，学生小李在操场\n"
        "上奔跑时摔倒，家长认为学校管理不到\n"
        "位，要求学校赔偿。\n"
    )
    items = segment_text(page).items
    assert items[-1].headline == "学生课间摔伤，学校要担责吗？（以案说法）"
    assert items[-1].body.startswith("【案情】一天课间")


def test_sub_head_under_a_kicker_broken_one_character_before_its_end_stays_whole():
    # Lines ending in a hanging mark make the column look a character wider than it is, so
    # the sub-head seems to stop short; the lone character under it says it did not.
    page = (
        "　　本报讯 全县今年新建乡村学校少\n"
        "年宫十所，孩子们放学后可以在少年宫\n"
        "里学习、锻炼和游戏，家长们都很满意。\n"
        "　　合力——\n"
        "　　为乡村孩子提供更好的课后托管服\n"
        "务\n"
        "　　随着课后服务在全县铺开，各校开设了\n"
        "兴趣课程，聘请退休教师和大学生志愿者\n"
        "担任辅导员，丰富孩子们的课后生活，不\n"
        "少家长说孩子更爱上学了。\n"
    )
    [item] = segment_text(page).items
    assert "为乡村孩子提供更好的课后托管服务" in item.sections
    assert "务" not in item.sections


def test_couplet_broken_at_the_gap_between_its_halves_stays_in_its_paragraph():
    # The second half of the quoted couplet starts its line with the gap that parted the
    # halves, which looks like an indent; the open quotation says the sentence goes on.
    page = (
        "　　本报讯 全县今年新建乡村\n"
        "学校少年宫十所，孩子们放学\n"
        "后可以在少年宫里学习书法、\n"
        "舞蹈和编程。\n"
        "　　“小课堂连着大民生\n"
        "  好服务暖透百姓的心”，\n"
        "县政务服务中心大厅里挂着的\n"
        "这副对联格外醒目，前来办事\n"
        "的群众都说服务越来越好了。\n"
    )
    [item] = segment_text(page).items
    assert item.body.split("\n")[1].startswith("“小课堂连着大民生好服务暖透百姓的心”，县政务")
    assert item.sections == ()


def test_book_title_left_open_after_a_closed_one_carries_on_into_the_next_line():
    # The line closes one title and opens the next (》在《): the one left open ends below,
    # although the line is set in on a page whose paragraphs open flush left.
    page = (
        "本报讯 由县文化馆主办的第三届乡村\n"
        "音乐节昨天在县体育馆开幕。\n"
        "本届音乐节为期五天，共有三十支乐\n"
        "队参加演出。\n"
        "组委会在城区设了三个分会场。\n"
        "县里还开通了往返各会场的公交专线。\n"
        "志愿者们在各个会场引导观众入场。\n"
        "开幕演出《相约山城放歌\n"
        "  新的时代》在《长\n"
        "江之歌》的优美旋律中拉开帷幕，演\n"
        "出融合了交响乐与地方戏曲，吸引了\n"
        "三千多名观众到场。\n"
    )
    [item] = segment_text(page).items
    assert item.sections == ()
    assert "开幕演出《相约山城放歌新的时代》在《长江之歌》的优美旋律中拉开帷幕" in item.body


def test_quoted_headline_broken_before_its_column_name_stays_a_headline():
    # The quotation closed on the second line is followed by the column's name, not by
    # the rest of a sentence: a headline, not a paragraph opening with a quotation.
    page = (
        "　　本报讯 全县今年新建乡村学校少年宫十\n"
        "所，孩子们放学后可以在少年宫里学习。\n"
        "临河县梨园村志愿服务队连夜出动——\n"
        "“护住全村人的麦\n"
        "田”（志愿服务在一线行动）\n"
        "8月12日天刚亮，在临河县梨园\n"
        "村村口，党员突击队正在集合，\n"
        "准备转移低洼地带的群众。\n"
    )
    items = segment_text(page).items
    assert items[-1].kicker == "临河县梨园村志愿服务队连夜出动——"
    assert items[-1].headline == "“护住全村人的麦田”（志愿服务在一线行动）"
    assert items[-1].body.startswith("8月12日天刚亮")


def test_closing_quote_alone_on_the_last_line_of_the_page_ends_the_last_paragraph():
    page = (
        "　　本报讯 老董在社区干了三十年民警，\n"
        "调解过的邻里纠纷数不清。\n"
        "　　居民们这样评价：“三十年如一日，\n"
        "真难得。”“平常的小事，不平常的坚持！\n"
        "”\n"
    )
    [item] = segment_text(page).items
    assert item.body.endswith("“平常的小事，不平常的坚持！”")
    assert item.headline is None


def test_designer_line_does_not_run_into_the_text_under_it():
    # Only a list of sources carries on into a line of the list (某部、某局); the text under
    # a designer's line is the next piece, even where it holds a 、.
    page = (
        "　　本报讯 全县今年新建乡村学校\n"
        "少年宫十所，孩子们放学后可以在\n"
        "少年宫里学习书法、舞蹈和编程。\n"
        "版式设计：王五\n"
        "把民歌、戏曲和流行相融合，在\n"
        "守正的前提下大胆地尝试新的创\n"
        "作手法，这就是我理解的乡村音\n"
        "乐的与时俱进。\n"
        "与乡村音乐相伴二十余年，我越\n"
        "来越明白，歌声是传递乡土深情\n"
        "的最好方式。\n"
    )
    items = segment_text(page).items
    assert items[0].byline == "版式设计：王五"
    assert items[-1].body.startswith("把民歌、戏曲和流行相融合")


def test_kicker_under_a_list_of_sources_is_not_part_of_the_list():
    # A line with a 、 under 数据来源 carries on the list only when it is one (某部、某局): a
    # kicker with its comma and dash, or a headline with a quotation, starts the block.
    for heading, kicker, headline in (
        ("深翻土地、引水洗盐，临河县改良盐碱地三万亩——\n盐碱地上稻花香\n",
         "深翻土地、引水洗盐，临河县改良盐碱地三万亩——", "盐碱地上稻花香"),
        ("　　　　临河米业 抓住“数智化”机遇 推进绿色化、智\n　　　　能化转型\n",
         None, "临河米业抓住“数智化”机遇推进绿色化、智能化转型"),
    ):
        page = (
            "　　本报讯 临河县今年改良盐碱地三万亩，种上了耐盐碱\n"
            "水稻。临河米业抓住数智化机遇，推进绿色化、智能化\n"
            "转型，盐碱地上的稻米卖出了好价钱。\n"
            "数据来源：县农业农村局\n" + heading
        )
        items = segment_text(page).items
        assert items[0].byline == "数据来源：县农业农村局"
        assert (items[0].kicker, items[0].headline) == (kicker, headline)


def test_closing_dateline_note_wrapped_over_four_lines_stays_one_byline():
    page = (
        "　　临河县今年新建乡村学校少年宫十所，孩子们放学后\n"
        "可以在少年宫里学习书法、舞蹈和编程，家长们都很满意。\n"
        "　　（本报临河、平川、东湖8月21日电  \n"
        "记者张三、李四、王五、赵六、孙七、周八、吴\n"
        "\n"
        "九、郑十）\n"
        "乡村教师培训计划启动\n"
        "　　本报讯 全县今年将培训乡村教师五百名，培训内容包\n"
        "括课堂教学、信息技术和心理健康教育。\n"
    )
    items = segment_text(page).items
    assert items[0].byline == (
        "本报临河、平川、东湖8月21日电记者张三、李四、王五、赵六、孙七、周八、吴九、郑十")
    assert items[1].headline == "乡村教师培训计划启动"


def test_speaker_under_the_last_quotation_of_the_page_is_no_headline_block():
    # The speaker's line wraps over three lines at the foot of the page and the note under it
    # closes the article: neither is a headline block, so the layout keeps them as text.
    page = (
        "　　临河县的职业教育办得有声\n"
        "有色，为周边国家培养了大批技\n"
        "术人才，值得学习和借鉴。\n"
        "——北方国家发展研究院区域问\n"
        "题研究专家阿卜杜拉卡里莫维\n"
        "奇\n"
        "（综合本报记者报道）\n"
    )
    lay = _layout(page)
    assert lay.block == []
    assert [lay.units[i].text for i in lay.stream] == [
        "临河县的职业教育办得有声有色，为周边国家培养了大批技术人才，值得学习和借鉴。",
        "——北方国家发展研究院区域问题研究专家阿卜杜拉卡里莫维奇",
    ]


def test_headline_as_wide_as_the_column_and_closed_by_its_column_name_opens_the_page():
    # The first paragraph is set flush left in lines as wide as the headline above it; the
    # column name closing the headline's second line says where the heading ends.
    page = (
        "临河县请回本乡大学毕业生、退伍老兵回村任职\n"
        "让“回乡人”成为振兴的“领头羊”（乡村新观察）\n"
        "村口新修的水泥路一直通到果园，宽敞又平整。路\n"
        "边三年前种下的果树已有半人多高，凑近一看，果\n"
        "子已有拇指大小。\n"
        "回村任职的大学毕业生小王说，“回乡人”就要当好\n"
        "振兴的“领头羊”，带着乡亲们把果林管好。\n"
    )
    [item] = segment_text(page).items
    assert item.headline == (
        "临河县请回本乡大学毕业生、退伍老兵回村任职让“回乡人”成为振兴的“领头羊”（乡村新观察）")
    assert item.body.startswith("村口新修的水泥路")


def test_who_wrote_up_or_made_the_page_closes_the_staff_box():
    # Under the staff lines at the foot of the page: the reporter who wrote the page up, and
    # a note on who helped make it, broken over two lines below a wrapped name.
    page = (
        "　　守好这一方山水，就是守好全县的未来。全县坚持绿\n"
        "色发展，把治山治水摆在全县工作的第一位，用干净的山\n"
        "水带动乡村旅游，让更多的村民吃上生态饭、走上致富\n"
        "的新路子。\n"
        "　　（本报记者张江泽）\n"
        "本版责编：李春蕾  张伟昊 王剑\n"
        "平  赵杨臻\n"
        "　　本版统筹：孙雅林\n"
        "  周露薇\n"
        "　　版式设计：吴华伟\n"
        "　　（实习生郑思妍参\n"
        "与制作）\n"
    )
    items = segment_text(page).items
    box = items[-1]
    assert box.headline.startswith("本版责编：李春蕾")
    assert box.body.split("\n")[-1] == "（实习生郑思妍参与制作）"
    assert items[0].byline == "本报记者张江泽"


def test_reporter_who_wrote_the_page_up_closes_the_staff_box():
    page = (
        "　　本报讯 全县今年新建乡村学校\n"
        "少年宫十所，孩子们放学后可以在\n"
        "少年宫里学习书法、舞蹈和编程。\n"
        "　　（本报记者 张 三）\n"
        "本版责编：李四\n"
        "　　版式设计：王五\n"
        "　　数据来源：县教育局\n"
        "　　本报记者张三采访整理\n"
    )
    items = segment_text(page).items
    assert items[-1].headline == "本版责编：李四"
    assert items[-1].body.split("\n") == [
        "版式设计：王五", "数据来源：县教育局", "本报记者张三采访整理"]


def test_dateline_broken_over_the_page_s_first_two_lines_opens_the_text():
    # The headlines stand in a block at the foot of the page; the dateline at its top,
    # broken before its day, is no headline.
    page = (
        "　　本报临河７月\n"
        "２４日电  （记者张三）\n"
        "在临河举行的全省中学\n"
        "生田径锦标赛24日继续\n"
        "进行，县一中选手夺得\n"
        "男子100米短跑金牌。\n"
        "全省中学生田径锦标赛开赛\n"
        "县一中选手夺得短跑金牌\n"
    )
    [item] = segment_text(page).items
    assert item.body.startswith("本报临河7月24日电")
    assert item.headline is not None and "短跑金牌" in item.headline


def test_sentence_opening_with_its_date_and_ending_in_a_dash_is_text():
    page = (
        "　　本报讯 全县今年新建乡村学校少年宫十所，孩子们\n"
        "放学后可以在少年宫里学习书法、舞蹈和编程。\n"
        "　　8月4日，遭遇洪涝灾害的临河县梨园村传\n"
        "来消息——\n"
        "　　全村二十八户受灾群众已全部安置，村里的学校\n"
        "将按时开学，孩子们的课本也已送到家中。\n"
    )
    [item] = segment_text(page).items
    assert item.sections == ()
    assert "8月4日，遭遇洪涝灾害的临河县梨园村传来消息——" in item.body.split("\n")


def test_heading_a_character_short_of_the_column_is_not_joined_to_the_paragraph():
    # The second article is set 14 characters wide; its headline holds 13 and has no mark
    # to end it, so only its width tells that the column edge did not break it.
    lines = [
        "本报讯全省高校毕业生就业工作推进",
        "会昨天召开，会议部署了下半年招聘",
        "活动。",
        "全县学校食堂今年完成了改造",
        "全县一百二十所中小学的食堂今",
        "年全部完成改造，孩子们在学校",
        "吃上了热乎饭。",
    ]
    items = articles("\n".join(lines) + "\n")
    assert [it.headline for it in items] == [None, "全县学校食堂今年完成了改造"]
    assert items[1].body.startswith("全县一百二十所")


def test_photo_item_without_photo_marker_is_one_caption_under_its_title():
    page = (
        "　　本报讯 县职教中心新建实训楼投入\n"
        "使用，可同时容纳千名学生实训。\n"
        "图片报道\n"
        "9月1日，县第一中学新校区正式启用。\n"
        "新校区可容纳三千名学生。\n"
        "本报记者 赵六摄\n"
    )
    items = segment_text(page).items
    assert [it.kind for it in items] == ["article", "caption"]
    assert items[1].headline == "图片报道"
    assert items[1].body == "9月1日，县第一中学新校区正式启用。\n新校区可容纳三千名学生。"


def test_box_label_under_an_inline_headline_opens_the_body():
    page = (
        "　　本报讯全县今年招聘乡村教师两百多名\n"
        "教师队伍结构持续优化，新教师全部到岗上\n"
        "课，学生们都很高兴，家长也十分满意。\n"
        "职业教育数字化转型提速\n"
        "核心阅读\n"
        "　　全市二十所职业院校建成虚拟\n"
        "仿真实训基地，学生可以在线上完\n"
        "成各类实训项目，企业工程师也通\n"
        "过网络参与教学，课程更贴近生产\n"
        "一线的需要。\n"
    )
    items = articles(page)
    assert items[-1].headline == "职业教育数字化转型提速"
    assert items[-1].sections == ("核心阅读",)


def test_page_without_any_paragraph_keeps_every_line():
    # An advertisement: no sentence ends anywhere, so nothing can be a body paragraph.
    page = "　　职教云平台\n　　服务热线\n　　４００-１２３４-５６７\n"
    [item] = segment_text(page).items
    assert item.kind == "article"
    assert item.body.split("\n") == ["职教云平台", "服务热线", "400-1234-567"]


def test_headline_with_column_name_is_not_joined_to_the_paragraph_below():
    # The headline is nearly as wide as the column, so by width alone it would run on into
    # the paragraph below; the column name at its end says it is a headline.
    page = (
        "　　县里的职业学校去年招生一千二\n"
        "百人，今年计划再增两个专业，新\n"
        "建实训楼一座。\n"
        "　　（本报记者 王五）\n"
        "走进乡村振兴的新课堂（观察者说）\n"
        "清晨六点，山坳里的小学已经传出读\n"
        "书声，孩子们在老师带领下朗读课文，\n"
        "乡村振兴从课堂开始。\n"
    )
    items = articles(page)
    assert [it.headline for it in items] == [None, "走进乡村振兴的新课堂（观察者说）"]
    assert items[1].body.startswith("清晨六点")


def test_xinhua_dateline_with_note_opens_the_body_not_the_headline():
    page = (
        "　　全市今年新建学校十所，新增学位一万二千\n"
        "个，城区入学压力明显缓解。\n"
        "　　（本报记者 王五）\n"
        "暑期将至——\n"
        "如何守护学生健康\n"
        "　　据新华社北京8月1日电  （记者张三）\n"
        "\n"
        "近日，多地出现强降雨，教育部门提醒各校\n"
        "守护学生健康，做好饮水安全工作。\n"
    )
    item = articles(page)[-1]
    assert (item.kicker, item.headline) == ("暑期将至——", "如何守护学生健康")
    assert item.body.startswith("据新华社北京8月1日电（记者张三）近日")


def test_editor_note_signature_stays_in_the_body():
    page = (
        "乡村学校的新变化（系列报道）\n"
        "　　本版今起推出系列报道，记录乡村学\n"
        "校的新变化。\n"
        "　　——编  者\n"
        "　　走进山区小学，崭新的教学楼映入眼\n"
        "帘，操场上孩子们正在上体育课。\n"
    )
    [item] = articles(page)
    assert "——编者" in item.body.split("\n")
    assert item.subheadline is None


def test_cross_reference_and_wrapped_author_note_close_the_article():
    page = (
        "　　全县中小学今年新增教师三百名，师资\n"
        "力量明显增强。\n"
        "　　（《乡村教育振兴行动方案》全文见第六版）\n"
        "\n"
        "　　在山区任教二十年，他把青春留在了讲\n"
        "台上，也把希望带给了一届届学生。\n"
        "　　（作者为某县实验中学教师、市教育\n"
        "学会职业教育专业委员\n"
        "会委员）\n"
        "　　县里的职业学校去年招生一千二百人，今年计划再增两个专业。\n"
    )
    # (The pointer closes its article as its last line, not as a byline: it names no one.)
    items = articles(page)
    assert items[0].body.endswith("师资力量明显增强。\n（《乡村教育振兴行动方案》全文见第六版）")
    assert items[0].byline is None
    assert items[1].byline and items[1].byline.endswith("专业委员会委员")
    assert all("作者为" not in it.body for it in items)
    assert all("见第六版" not in it.body for it in items[1:])


def test_pointer_to_a_speechs_full_text_inside_a_report_leaves_the_report_whole():
    # The report goes on under the pointer about the same meeting: the pointer stays in the
    # text where it was printed.
    page = (
        "　　本报河东5月9日电  全县乡村教师大会9\n"
        "日召开，县长李明出席大会并讲话，勉励乡\n"
        "村教师扎根乡村、教好每一个孩子。\n"
        "　　（讲话全文见第二版）\n"
        "　　大会上，县长李明为一百名优秀乡村教\n"
        "师颁奖。优秀乡村教师代表在大会上发言，\n"
        "表示将扎根乡村、教好每一个孩子。\n"
        "　　本报讯  县里新修的水渠昨日通水，三\n"
        "百亩农田用上了自流灌溉。\n"
    )
    report, _ = articles(page)
    assert "（讲话全文见第二版）\n大会上，县长李明为一百名优秀乡村教师颁奖。" in report.body
    assert report.byline is None


def test_pointer_to_a_range_of_pages_wrapped_over_two_lines_closes_the_article():
    # 第九至十一版: a range of pages, the note broken at the column edge.
    page = (
        "县里发布乡村教育白皮书\n"
        "县长主持召开县政府常务会议\n"
        "　　本报讯  县政府昨日发布乡村教育白皮书，\n"
        "介绍十年来全县乡村教育的发展成就。\n"
        "　　（相关报道见第三版，规划全文见第九\n"
        "至十一版）\n"
        "　　本报河东5月9日电  县长李明9日主持召\n"
        "开县政府常务会议，研究乡村学校建设工作。\n"
    )
    paper, meeting = articles(page)
    assert paper.headline == "县里发布乡村教育白皮书"
    assert paper.body.endswith("\n（相关报道见第三版，规划全文见第九至十一版）")
    assert meeting.headline == "县长主持召开县政府常务会议"


def test_photo_item_with_tuzhong_in_its_last_paragraph_is_one_caption():
    page = (
        "　　今年秋季学期，全市新建学校十所，新增学位一万\n"
        "二千个，有效缓解了城区入学压力。\n"
        "图片报道\n"
        "　　9月1日，某市第一实验小学迎来新学期。\n"
        "　　新校区占地五十亩，设有图书馆和科技馆。图为\n"
        "学生在科技馆参观。\n"
        "　　张三摄\n"
    )
    [cap] = [it for it in segment_text(page).items if it.kind == "caption"]
    assert cap.headline == "图片报道"
    assert cap.body.startswith("9月1日") and "图为学生在科技馆参观" in cap.body
    assert cap.byline == "张三摄"


@pytest.mark.parametrize("foot", ["", "edu.example.com（投稿请写明栏目）\n"])
def test_heading_above_the_first_article_of_an_inline_page_stays_whole(foot):
    # Every later article has its headline printed right above it, so the two lines at the
    # top are the first article's heading, not a block of headlines for the whole page; a
    # stray unpunctuated line at the foot of the page does not change that.
    page = (
        "市教育局负责人在山区学校调研时强调\n"
        "做好秋季开学准备　恢复正常教学秩序\n"
        "　　本报讯　市教育局负责人日前到山区学\n"
        "校调研，查看校舍维修和教材发放情况。\n"
        "他强调，各校要加快校舍维修进度，确保\n"
        "教材按时发放到每一名学生手中。\n"
        "　　（记者　王五）\n"
        "　　　　暴雨过后——\n"
        "　　　　受灾学校抓紧恢复教学秩序\n"
        "　　连日暴雨过后，受灾学校抓紧清理\n"
        "校园，开学准备、教学秩序恢复工作有\n"
        "序推进，教师们提前返岗备课。\n"
        "　　（记者　赵六）\n"
        "　　　　乡村教师培训启动\n"
        "　　本报讯　今年乡村教师培训日前启动，\n"
        "全市三百名乡村教师参加培训，培训为期\n"
        "两周，内容包括课堂教学和班级管理。\n"
    ) + foot
    first = articles(page)[0]
    assert first.kicker == "市教育局负责人在山区学校调研时强调"
    assert first.headline == "做好秋季开学准备恢复正常教学秩序"


def test_bracketed_term_at_the_column_edge_inside_a_paragraph_is_not_a_headline():
    page = (
        "　　本报讯　县职业技术学院今年招生一\n"
        "千二百人，新设无人机应用技术专业。\n"
        "　　学院与多家航空企业合作办学，\n"
        "今年又与江西省南山飞机工业（集团）\n"
        "共建实训基地，每年接收三百名学生实\n"
        "习，毕业生就业率连续三年超过九成。\n"
    )
    [item] = articles(page)
    assert item.headline is None and item.sections == ()
    second = item.body.split("\n")[1]
    assert second.startswith("学院与多家航空企业合作办学，今年又与江西省南山飞机工业（集团）共建")


def test_closing_dateline_with_reporters_stays_with_its_article():
    page = (
        "　　新学期开始，全省新建的二百所乡村学校\n"
        "全部投入使用，学生在新教室里上课。\n"
        "　　（新华社南昌9月1日电  记者张三、李四）\n"
        "乡村教师培训启动\n"
        "　　本报讯　今年乡村教师培训日前启动，全市\n"
        "三百名乡村教师参加培训。\n"
    )
    first, second = articles(page)
    assert first.byline and first.byline.startswith("新华社南昌9月1日电")
    assert "新华社" not in first.body
    assert second.headline == "乡村教师培训启动"


def test_editor_signature_on_the_last_line_of_the_page_stays_in_the_body():
    page = (
        "乡村学校的新变化\n"
        "　　暑假过后，全县乡村学校陆续开学，新建\n"
        "的教学楼和运动场投入使用。本版今起推出\n"
        "系列报道，记录乡村学校的新变化。\n"
        "　　——编者\n"
    )
    [item] = articles(page)
    assert item.body.split("\n")[-1] == "——编者"


def test_section_number_right_above_the_first_paragraph_is_not_a_headline():
    page = (
        "山乡夏日（我与一座城）\n"
        "一\n"
        "　　山乡夏日的清晨，小学已经传出读书声，孩\n"
        "子们在老师带领下朗读课文。\n"
        "二\n"
        "　　午后，孩子们在新建的运动场上踢球，\n"
        "笑声传遍了整个山谷。\n"
    )
    [item] = articles(page)
    assert item.headline == "山乡夏日（我与一座城）"
    assert item.body.startswith("山乡夏日的清晨")
    assert item.sections == ("一", "二")  # kept, not dropped as an unassigned block line


def test_heading_wider_than_the_column_does_not_continue_a_paragraph_ending_at_the_edge():
    # The first article's last sentence ends exactly at the column edge, so only the width
    # of the next line tells that it is not the paragraph running on.
    page = (
        "　　全县今年新建乡村学校五所，改造\n"
        "校舍三万平方米，惠及学生两千多名，\n"
        "家长们纷纷点赞这项民生工程好评如潮。\n"
        "暴雨过后受灾学校抓紧恢复正常教学秩序\n"
        "“开学前一定让孩子们回到教室”\n"
        "　　连日暴雨过后，受灾学校抓紧清理\n"
        "校园，教学秩序恢复工作有序推进。\n"
        "　　校长说，开学前一定让孩子们回到\n"
        "干净整洁的教室。\n"
    )
    first, second = articles(page)
    assert first.body.endswith("家长们纷纷点赞这项民生工程好评如潮。")
    assert (second.kicker or "") + second.headline == (
        "暴雨过后受灾学校抓紧恢复正常教学秩序“开学前一定让孩子们回到教室”")
    assert second.body.startswith("连日暴雨过后")


def test_photo_title_broken_over_two_lines_stays_whole():
    page = (
        "　　全县今年新建乡村学校五所，改造校舍三\n"
        "万平方米，惠及学生两千多名。\n"
        "山区小学\n"
        "新操场启用\n"
        "▲9月1日，学生们在新建的操场上做课间操。\n"
        "本报记者　张三摄\n"
    )
    [cap] = [it for it in segment_text(page).items if it.kind == "caption"]
    assert cap.headline == "山区小学新操场启用"


def test_bracketed_column_name_under_an_inline_headline_belongs_to_it():
    page = (
        "　　全县今年新建乡村学校五所，改造校舍三\n"
        "万平方米，惠及学生两千多名。\n"
        "　　（张三）\n"
        "校园里的急救第一课\n"
        "（校园课堂）\n"
        "　　近日，县实验中学开设急救课程，学生们\n"
        "在老师指导下学习心肺复苏等急救技能。\n"
    )
    first, second = articles(page)
    assert first.byline == "张三"
    assert second.headline == "校园里的急救第一课（校园课堂）"


def test_line_under_a_kicker_is_the_headline_even_with_a_comma():
    page = (
        "　　全县今年新建乡村学校五所，改造校舍三万\n"
        "平方米，惠及学生两千多名。\n"
        "　　（张三）\n"
        "某县——\n"
        "众志成城，守护全县师生的平安健康\n"
        "7月28日以来，全县遭遇大到暴雨，各校\n"
        "组织师生安全转移，教育部门派出工作组\n"
        "逐校检查校舍，确保开学前排除各类隐患\n"
        "，守护学生安全。\n"
    )
    second = articles(page)[-1]
    assert (second.kicker, second.headline) == ("某县——", "众志成城，守护全县师生的平安健康")
    assert second.body.startswith("7月28日以来")


def test_a_narrow_middle_dot_does_not_change_the_column():
    # Some text sets the ambiguous-width · narrow: a line holding one is measured a unit wider
    # than its neighbours, which must not read as a column change between two paragraphs.
    page = (
        "　　县教育局日前通报，全县共有十二\n"
        "所学校在“8·31”暴雨灾害中校舍受损，\n"
        "师生已全部安全转移，各校正在抓紧清\n"
        "理校园，恢复教学秩序，确保按时开学。\n"
        "　　县教育局要求各校抓紧开展校舍9\n"
        "月1日安全检查，确保开学前排除各类\n"
        "隐患，同时做好学生心理疏导和家长沟\n"
        "通工作，开学时间视检查情况确定后另\n"
        "行通知。\n"
    )
    [item] = articles(page)
    assert len(item.body.split("\n")) == 2


def test_unpunctuated_lead_with_a_short_last_line_is_body_not_headline_block():
    page = (
        "让每个孩子都能上好学（教育观察）\n"
        "办好人民满意的教育，既要补齐乡村学校的短板，\n"
        "也要提升城区学校质量\n"
        "今年秋季开学，全县新建的五所乡村学校同时开学\n"
        "，两千多名学生走进了宽敞明亮的新教室。县教育\n"
        "局表示，明年还将继续加大投入，新建和改扩建学\n"
        "校八所，让每个孩子都能在家门口上好学，同时加\n"
        "强城区学校建设，扩大优质教育资源覆盖面。\n"
    )
    [item] = articles(page)
    assert item.headline == "让每个孩子都能上好学（教育观察）"
    lead = item.body.split("\n")[0]
    assert lead == "办好人民满意的教育，既要补齐乡村学校的短板，也要提升城区学校质量"


def test_one_line_first_paragraph_goes_with_the_article_its_headline_describes():
    # Headlines in a block; the second article opens with a one-line paragraph, which shows
    # no column, so only its words tie it to the second headline and the article below.
    page = (
        "县里新建五所乡村学校\n"
        "听！山里娃的合唱团\n"
        "　　今年，县里新建的五所乡村学校全部投\n"
        "入使用，两千多名学生走进了宽敞明亮的\n"
        "新教室。学校配齐了图书室、实验室和运\n"
        "动场，教师队伍也不断壮大，乡村学校办\n"
        "学条件明显改善。\n"
        "　　“山里娃的合唱团，唱得真好！”\n"
        "　　让听众发出感慨的，是大山深处一所小学的合唱\n"
        "团。三年前，音乐老师来到这所学校，组建了合唱团\n"
        "，山里娃的歌声从此飞出了大山，走上了舞台。\n"
    )
    first, second = articles(page)
    assert first.headline == "县里新建五所乡村学校"
    assert first.body.endswith("乡村学校办学条件明显改善。")
    assert second.body.startswith("“山里娃的合唱团，唱得真好！”")


def test_wide_headline_above_a_one_line_first_paragraph_is_not_body():
    page = (
        "县教育局持续深入推进法律进校园活动让法治理念在乡村学校落地生根\n"
        "“模拟法庭，开庭！”\n"
        "6月15日，一场别开生面的模拟法庭在县实验\n"
        "中学开庭，主角是学校的十四名学生，他们\n"
        "在老师指导下体验了法官和律师的工作，法治\n"
        "理念在乡村学校落地生根。\n"
    )
    [item] = articles(page)
    assert item.headline == "县教育局持续深入推进法律进校园活动让法治理念在乡村学校落地生根"
    assert item.body.startswith("“模拟法庭，开庭！”")


def test_centred_heading_as_wide_as_the_column_is_not_the_first_body_line():
    page = (
        "　　　用歌声架起友谊的桥梁\n"
        "县实验中学合唱团日前赴邻\n"
        "省交流演出，用歌声架起友\n"
        "谊的桥梁，赢得阵阵掌声。\n"
    )
    [item] = articles(page)
    assert item.headline == "用歌声架起友谊的桥梁"
    assert item.body.startswith("县实验中学合唱团")


def test_unpunctuated_line_after_a_sentence_end_at_the_column_edge_is_a_heading():
    # The first article's last line ends at the column edge; the line under it has no mark
    # at all and stops short of the next article's column: a heading, not the paragraph's end.
    page = (
        "　　县实验小学开设书法课已\n"
        "有三年，每周两节，由退休教\n"
        "师义务授课，学生们都很喜欢，\n"
        "家长们也十分满意，学校表示，\n"
        "下学期还将开设国画课程，让\n"
        "学生们感受传统文化的魅力，\n"
        "进一步丰富校园文化生活内容。\n"
        "县二中首届校园科技节开幕了\n"
        "“动手做，这是我们\n"
        "的初心”\n"
        "　　县第二中学首届校园科技节今\n"
        "天开幕，300多名学生展示了自己的\n"
        "发明作品，吸引了很多家长前来观\n"
        "看。科技节将持续一周，每天都有\n"
        "新的活动和展览。\n"
    )
    items = articles(page)
    assert items[0].body.endswith("进一步丰富校园文化生活内容。")
    assert any("县二中首届校园科技节开幕了" in (it.kicker, it.headline) for it in items)


def test_author_note_with_a_bracketed_name_inside_closes_the_article():
    page = (
        "　　乡村学校的变化，离不开一代代教师的坚\n"
        "守，也离不开各方面的持续投入。\n"
        "　　（作者为某县教育局（县语言文字工作委\n"
        "员会）副局长）\n"
        "　　县里的职业学校去年招生一千二百人，今\n"
        "年计划再增设两个专业，扩大招生规模。\n"
    )
    first, second = articles(page)
    assert first.byline and "作者为某县教育局" in first.byline
    assert "作者为" not in second.body and second.body.startswith("县里的职业学校")


def test_reader_letter_signatures_close_each_letter():
    page = (
        "校门口的斑马线该重划了\n"
        "　　我家孩子在县第三小学读书，校门口\n"
        "的斑马线已经模糊不清，接送孩子时很不\n"
        "安全，希望有关部门尽快重新施划。\n"
        "　　某省某县\u00a0\u00a0周先生\n"
        "乡村图书室应常开门\n"
        "　　村里建了图书室，可平时总是锁着门\n"
        "，孩子们想借书也借不到，建议安排专人\n"
        "管理，定时开放。\n"
        "　　某网站留言板网友\u00a0\u00a0吴女士\n"
        "　　邮箱：letters@example.com\n"
    )
    first, second = articles(page)
    assert first.byline == "某省某县 周先生"
    assert second.headline == "乡村图书室应常开门"
    assert "周先生" not in second.body and "吴女士" not in second.body
    assert "邮箱" in (second.byline or "")


def test_photo_credit_broken_at_the_column_edge_is_one_credit():
    page = (
        "开学第一课\n"
        "▲9月1日，县实验小学的学生在操场上参\n"
        "加开学典礼。\n"
        "张  明  李  红摄影报\n"
        "道\n"
        "　　县里的职业学校去年招生一千二百人，今\n"
        "年计划再增设两个专业，扩大招生规模。\n"
    )
    items = segment_text(page).items
    assert items[0].kind == "caption" and items[0].byline.endswith("李红摄影报道")
    assert all(it.headline != "道" and not it.body.startswith("道") for it in items)


def test_dateline_broken_before_dian_under_a_wider_column_opens_the_body():
    page = (
        "　　全县中小学今年新增教师三百名，师资力量明\n"
        "显增强，乡村学校的课程开得更全了，音乐、美\n"
        "术、体育课都有了专职教师。县教育局表示，明\n"
        "年还将继续加大投入，新建和改扩建学校八所，\n"
        "让每个孩子都能在家门口上好学，同时扩大优质\n"
        "教育资源覆盖面，学生们和家长们都很高兴。\n"
        "乡村学校建设提速\n"
        "　　本报杭州8月28日\n"
        "电\u00a0\u00a0（记者张明、李红）\n"
        "昨天，县里新建的五所\n"
        "乡村学校全部投入使用\n"
        "，两千多名学生走进了\n"
        "新教室。\n"
    )
    second = articles(page)[1]
    assert second.headline == "乡村学校建设提速"
    assert second.body.startswith("本报杭州8月28日电（记者张明、李红）昨天，")


@pytest.mark.parametrize("space", ["\u00a0", ""])
def test_two_lines_opening_with_a_dateline_are_body_not_a_heading(space):
    # With the lone space the second line fills the column and the paragraph runs on;
    # without it the first two lines stop short, but a dateline still marks body text.
    page = (
        "乡村学校建设提速\n"
        f"新华社北京8月29日电{space}\n"
        f"{space}县政府日前印发《乡\n"
        "村学校建设规划》，全\n"
        "县将新建学校八所，让\n"
        "每个孩子都能上好学。\n"
    )
    [item] = articles(page)
    assert item.headline == "乡村学校建设提速"
    assert item.body.startswith("新华社北京8月29日电县政府日前印发《乡")
    if space:
        assert "\n" not in item.body


def test_dash_subheadline_under_its_headline_is_not_joined_to_the_first_paragraph():
    page = (
        "县城小学开学第一课\n"
        "　　9月1日，全县小学同上开学第一课，\n"
        "孩子们在老师带领下学习安全知识。\n"
        "本报记者  张明\n"
        "让每一所乡村学校都有好老师\n"
        "——写在县乡村教师节设立之际\n"
        "8月15日，全县将迎来首个乡村教\n"
        "师节。这个节日的设立，是对扎根\n"
        "乡村的教师们最好的肯定和鼓励。\n"
    )
    first, second = articles(page)
    assert second.headline == "让每一所乡村学校都有好老师"
    assert second.subheadline == "——写在县乡村教师节设立之际"
    assert second.body.startswith("8月15日，")


def test_quotation_under_a_kicker_in_a_bottom_block_is_a_headline():
    page = (
        "　　今年，县里新建的五所乡村学校全部投\n"
        "入使用，两千多名学生走进了宽敞明亮的\n"
        "新教室，学校还配齐了图书室和实验室。\n"
        "　　本报讯 三年前，音乐老师来到大山\n"
        "深处的这所小学，组建了合唱团。如\n"
        "今，合唱团的孩子们登上了省城的舞\n"
        "台，歌声赢得了掌声。\n"
        "五所乡村学校投入使用\n"
        "县实验小学合唱团——\n"
        "“我们的歌声飞出了大山！”\n"
    )
    items = articles(page)
    assert all("飞出了大山" not in it.body for it in items)
    assert [(it.kicker, it.headline) for it in items] == [
        (None, "五所乡村学校投入使用"), ("县实验小学合唱团——", "“我们的歌声飞出了大山！”"),
    ]


def test_editor_note_signed_above_a_dateline_stays_with_that_article():
    page = (
        "五所新建乡村学校同时开学\n"
        "　　今年秋季，县里新建的五所乡村学校全部\n"
        "投入使用。本版今天刊发记者在开学第一天\n"
        "的现场报道。\n"
        "　　——编  者\n"
        "　　本报某地9月1日电  （记者张明）今天，\n"
        "全县五所新建乡村学校同时开学，两千多名\n"
        "学生走进了宽敞明亮的新教室。\n"
    )
    [item] = articles(page)
    assert item.headline == "五所新建乡村学校同时开学"
    paragraphs = item.body.split("\n")
    assert paragraphs[1] == "——编者" and paragraphs[2].startswith("本报某地9月1日电")


def test_two_lines_ending_in_a_colon_stay_in_the_body():
    page = (
        "五所乡村学校开学\n"
        "　　今年秋季，县里新建的五所乡村学校全\n"
        "部投入使用，两千多名学生走进了新教室。\n"
        "　　县教育局局长张明在开学典礼上对\n"
        "全体师生说：\n"
        "　　“希望同学们珍惜时光，努力学习，\n"
        "早日成为国家的有用之才。”\n"
    )
    [item] = articles(page)
    assert item.sections == ()
    assert item.body.split("\n")[1] == "县教育局局长张明在开学典礼上对全体师生说："


def test_tu_wei_inside_a_word_does_not_make_a_caption():
    page = (
        "某国政府的辩护于事无补\n"
        "　　近期，某国政府在一些国际场合试图为其错\n"
        "误做法辩护，引发各方批评。专家指出，这种\n"
        "做法于事无补，只会损害自身信誉。\n"
    )
    [item] = segment_text(page).items
    assert item.kind == "article" and item.headline == "某国政府的辩护于事无补"


def test_numbered_section_headings_are_sections_not_headlines():
    page = (
        "全县学校和在校学生情况统计公报\n"
        "一、学校情况\n"
        "全县共有各级各类学校一百二\n"
        "十所，比上年增加五所，其中\n"
        "新建乡村学校五所。\n"
        "二、学生情况\n"
        "全县在校学生八万二千人，比\n"
        "上年增长百分之三，乡村学校\n"
        "在校学生增加两千人。\n"
    )
    [item] = articles(page)
    assert item.headline == "全县学校和在校学生情况统计公报"
    assert item.sections == ("一、学校情况", "二、学生情况")
    assert item.body.split("\n")[1].startswith("全县在校学生")


def test_verse_after_a_colon_stays_with_its_commentary_in_another_column():
    page = (
        "　　今年上半年，全县新改造老旧小区四十二个，惠及\n"
        "居民一万二千户，小区环境明显改善。不少小区加装\n"
        "了电梯，修缮了屋顶，新建了停车位和健身场地，居\n"
        "民们的生活更加方便舒适。\n"
        "这正是：\n"
        "旧楼换新颜，\n"
        "居民笑开颜。\n"
        "小区环境好，\n"
        "\n"
        "生活更美满。\n"
        "张  明文\n"
        "　　村里的图书室建成开放以\n"
        "来，每天都有不少孩子来这里看\n"
        "书，暑假期间更是座无虚席。图\n"
        "书室还定期举办读书分享会，孩\n"
        "子们争着上台讲故事。\n"
    )
    first, second = articles(page)
    verse = "旧楼换新颜，居民笑开颜。小区环境好，生活更美满。"
    assert first.body.split("\n")[1:] == ["这正是：", verse]
    assert first.byline == "张 明文"
    assert second.body.startswith("村里的图书室")


def test_verse_lines_ending_in_commas_are_not_sub_heads():
    page = (
        "　　今年上半年，全县新改造老旧小区四十二个，惠及\n"
        "居民一万二千户，小区环境明显改善。不少小区加装\n"
        "了电梯，修缮了屋顶，新建了停车位和健身场地，居\n"
        "民们的生活更加方便舒适。\n"
        "这正是：\n"
        "旧楼换新颜，\n"
        "居民笑开颜。\n"
        "小区环境好，\n"
        "\n"
        "生活更美满。\n"
        "张  明文\n"
        "　　村里的图书室建成开放以来，每天都有不少孩子\n"
        "来这里看书，暑假期间更是座无虚席。图书室还定期\n"
        "举办读书分享会，孩子们争着上台讲故事。\n"
    )
    first, _ = articles(page)
    assert first.sections == ()
    assert first.body.endswith("旧楼换新颜，\n居民笑开颜。\n小区环境好，\n生活更美满。")


def test_profile_label_under_a_headline_is_a_section_not_part_of_the_headline():
    page = (
        "县城小学开学第一课\n"
        "　　9月1日，全县小学同上开学第一课，孩子\n"
        "们在老师带领下学习安全知识。\n"
        "本报记者  张明\n"
        "扎根乡村的好老师\n"
        "人物小传\n"
        "　　李红，县实验小学教师，从教二十年，\n"
        "先后获评市优秀教师、省师德标兵。\n"
        "　　走进李红的教室，墙上贴满了孩子们的\n"
        "作品。她说：“看到孩子们进步，就是我最\n"
        "大的幸福。”\n"
    )
    _, second = articles(page)
    assert second.headline == "扎根乡村的好老师"
    assert second.sections == ("人物小传",)


def test_first_line_of_an_article_in_a_narrower_column_is_body_text():
    # Around the new article's first line most lines are still the wide ones above it, so
    # only the column below shows that the line is full.
    page = (
        "　　今年，县里新建的五所乡村学校全部投入使用，两千\n"
        "多名学生走进了宽敞明亮的新教室。学校配齐了图书室、\n"
        "实验室和运动场，乡村学校办学条件明显改善。县教育局\n"
        "表示，明年还将继续加大投入，新建和改扩建学校八所，\n"
        "让每个孩子都能在家门口上好学，家长们对此都很满意。\n"
        "村里的图书室建成开放以来每天都\n"
        "有不少孩子来看书。暑假期间，图\n"
        "书室更是座无虚席，还定期举办读\n"
        "书分享会，孩子们争着上台讲故事\n"
        "。图书室的书都是县图书馆统一配\n"
        "送的，每季度更换一次，孩子们总\n"
        "能读到新书。管理员说，下一步还\n"
        "将开设网上借阅，方便村民借书。\n"
    )
    _, second = articles(page)
    assert second.headline is None
    assert second.body.startswith("村里的图书室建成开放以来每天都有不少孩子来看书。")


def test_first_line_with_digits_over_a_line_with_a_hanging_comma_is_body_text():
    # Half-width digits make the first line print narrower than the narrower column below,
    # and the comma hanging past that column's edge makes the next line look wider.
    page = (
        "夏粮收购工作进展顺利，各地粮食\n"
        "企业敞开收购，农民售粮积极性高\n"
        "。截至目前，主产区累计收购小麦\n"
        "超过三千万吨，收购进度快于去年\n"
        "同期，市场运行总体平稳有序。\n"
        "（新华社北京7月3日电）\n"
        "防汛抗旱指挥部7月21日召开\n"
        "会商会议，研判当前防汛形势，\n"
        "部署防汛救灾工作。\n"
        "会议指出，当前正值主汛期，\n"
        "各地要压实责任，加强巡查，\n"
        "及时转移受威胁群众，确保安\n"
        "全度汛。各级指挥部要加强会\n"
        "商研判，滚动发布预警信息。\n"
    )
    first, second = articles(page)
    assert first.byline == "新华社北京7月3日电"
    assert second.headline is None
    assert second.body.startswith("防汛抗旱指挥部7月21日召开会商会议，研判当前防汛形势，")


@pytest.mark.parametrize("heading", [
    "　物流，畅行山里山外", "　快递进村让山里山外的物流畅行无阻起来"])
def test_line_set_in_on_a_page_of_flush_left_paragraphs_is_a_heading(heading):
    # Every paragraph above opens flush left, so the line set in does not open one, with a
    # comma and short of the column or unpunctuated and as wide as it.
    page = (
        "县里今年新建的五所乡村学校全部投入使用，\n"
        "两千多名学生走进了宽敞明亮的新教室。\n"
        "学校配齐了图书室、实验室和运动场，乡村学\n"
        "校的办学条件明显改善。\n"
        "县教育局表示，明年还将继续加大投入，新建\n"
        "和改扩建学校八所。\n"
        "家长们对此都很满意，纷纷为学校建设点赞。\n"
        "今年秋季学期，五所学校共招收新生六百余人\n"
        "，比去年增加一成。\n"
        "下一步，县里还将为乡村学校补充音体美教师\n"
        "，开齐开足课程。\n"
        f"{heading}\n"
        "村前是滔滔江水，村后是崇山峻岭，多年来快\n"
        "递进村一直是件难事，村民网购要到镇上取件\n"
        "。\n"
        "如今公路修到了家门口，快递员每天都来村里\n"
        "收发包裹，村里的农货也卖到了全国各地。\n"
    )
    items = articles(page)
    text = heading.strip("　")
    assert not any(text in it.body for it in items)
    assert any(text in (it.headline, *it.sections) for it in items)
    assert any(it.body.endswith("村里的农货也卖到了全国各地。") for it in items)


def test_contact_lines_under_a_colon_close_the_article_and_the_next_headline_opens_one():
    page = (
        "　　市图书馆少儿阅览室暑期延长\n"
        "开放时间，每天开放到晚上八点，\n"
        "欢迎家长带孩子前来阅读。\n"
        "　　市图书馆咨询联系方式：\n"
        "　　电话：0571—8888123\n"
        "　　电子邮箱：read@lib.hz.cn\n"
        "县城新建体育公园：家门口就能健身\n"
        "　　县城新建的体育公园近日开放\n"
        "，公园里有篮球场、足球场和健身\n"
        "步道，每天都有不少市民来锻炼。\n"
        "　　公园管理处表示，将定期举办\n"
        "全民健身活动，方便市民就近健身\n"
        "，让体育锻炼成为生活的一部分。\n"
    )
    first, second = articles(page)
    assert first.byline == "电话：0571—8888123 电子邮箱：read@lib.hz.cn"
    assert first.body.endswith("市图书馆咨询联系方式：")
    assert second.headline == "县城新建体育公园：家门口就能健身"
    assert second.body.startswith("县城新建的体育公园近日开放，")


def test_author_note_whose_first_line_ends_in_a_bracketed_name_stays_whole():
    # （国家行政学院） at the end of a line would mark a column name, but its note is still open.
    page = (
        "　　近年来，各地持续推进县域普通\n"
        "高中振兴，教师队伍建设不断加强，\n"
        "乡村学校办学水平稳步提升。\n"
        "　　（作者为中央党校（国家行政学院）\n"
        "社会和生态文明教研部教授）\n"
        "职业教育赋能乡村振兴\n"
        "　　职业院校立足区域产业发展需要\n"
        "，培养了一大批留得住、用得上的技\n"
        "术技能人才。\n"
    )
    first, second = articles(page)
    assert first.byline == "作者为中央党校（国家行政学院）社会和生态文明教研部教授"
    assert second.headline == "职业教育赋能乡村振兴"


def test_tu_wei_line_right_under_a_long_article_is_that_article_s_photo():
    # Too long for a photo item under its title: the 图为 line and its credit belong to the
    # article above.
    page = (
        "山区公路通到家门口\n"
        "　　今年以来，县里新修和改造农村公\n"
        "路一百二十公里，二十多个偏远村子通\n"
        "上了硬化路，村民出行更加方便。过去\n"
        "从村里到县城要走大半天，现在开车一\n"
        "个小时就能到，孩子上学也近多了。村\n"
        "里的老人说，这条路大家盼了几十年，\n"
        "如今终于修到了家门口，心里特别高兴。\n"
        "　　公路修通后，山里的茶叶、板栗等\n"
        "农产品能及时运出去，客商也愿意进村\n"
        "收购，村民收入明显增加。不少外出务\n"
        "工的年轻人回到村里，办起了农家乐和\n"
        "茶叶加工厂，村子一天比一天热闹。去\n"
        "年全村人均收入比前年增长了一成多，\n"
        "村集体经济也有了稳定的收入来源。\n"
        "　　县交通运输局表示，明年还将新修\n"
        "农村公路八十公里，并加强已建公路的\n"
        "养护管理，让群众出行更安全、更便捷\n"
        "，为乡村振兴提供有力支撑。\n"
        "图为新修的公路穿过茶园。\n"
        "本报记者 赵六摄\n"
        "乡村学校开设书法课\n"
        "　　新学期，县里的乡村学校都开设了\n"
        "书法课，孩子们每周能上两节。\n"
    )
    first, second = articles(page)
    assert first.headline == "山区公路通到家门口"
    assert first.body.endswith("为乡村振兴提供有力支撑。\n图为新修的公路穿过茶园。")
    assert first.byline == "本报记者 赵六摄"
    assert second.headline == "乡村学校开设书法课"
    assert not [it for it in segment_text(page).items if it.kind == "caption"]


def test_heading_wider_than_the_column_below_is_more_likely_a_headline():
    # A headline may run across columns; a sub-head stays inside its own. The same two lines
    # over text set 15 characters wide and 20 characters wide differ only in that.
    heading = ["供电公司不断提升新能源并网接入服务水平", "为高质量发展提供可靠电网支撑"]
    paragraphs = [
        ["今年以来，全市旅游市场持续升温，古镇、景区游客明显增多，带动了餐饮、住宿等消费增长。",
         "市文旅局表示，将继续丰富旅游产品，提升服务质量，让游客玩得开心、住得舒心。"],
        ["海上风电场的风机缓缓转动，清洁电能源源不断送上岸。供电公司加快建设配套电网工程，"
         "保障新能源项目及时并网发电。",
         "今年上半年，供电公司新增新能源并网容量两百万千瓦，电网运行安全稳定。"],
    ]

    def page(width: int) -> str:
        lines = []
        for k, group in enumerate(paragraphs):
            if k:
                lines += heading
            for para in group:
                lines += [para[i:i + width] for i in range(0, len(para), width)]
        return "\n".join(lines) + "\n"

    scores = {}
    for width in (15, 20):
        lay = _layout(page(width))
        [p] = lay.inline_runs
        features = run_features(lay, p)
        scores[width] = (features[15], _heading_probability(features))  # (wider than column)
    assert scores[15][0] == 1.0 and scores[20][0] == 0.0
    assert scores[15][1] > scores[20][1] + 0.2
    second = articles(page(15))[1]
    assert second.headline == "".join(heading)


def test_headline_broken_after_the_comma_of_a_quotation_heads_the_dateline_below():
    page = (
        "　　今年以来，全县新建和改扩建乡村学校\n"
        "十二所，两千多名学生走进了宽敞明亮的新\n"
        "教室，乡村学校办学条件明显改善。\n"
        "县教育局启动“书香校园、\n"
        "阅读伴成长”活动\n"
        "　　本报讯（记者 李华）县教育局近日启动\n"
        "“书香校园、阅读伴成长”活动，为全县乡村\n"
        "学校配送图书三万册，组织读书分享会。\n"
    )
    first, second = articles(page)
    assert first.body.endswith("乡村学校办学条件明显改善。")
    assert second.headline == "县教育局启动“书香校园、阅读伴成长”活动"


def test_note_naming_who_helped_write_the_report_closes_it():
    page = (
        "　　今年以来，全县新建和改扩建乡村学校\n"
        "十二所，两千多名学生走进了宽敞明亮的新\n"
        "教室，乡村学校办学条件明显改善。\n"
        "（张晓明、王一、钟文玥\n"
        "参与采写）\n"
        "　　从“成都成就梦想”到“心心相融，爱达\n"
        "未来”，赛场转换，不变的是对更快、更高、\n"
        "更强的追求。\n"
    )
    first, second = articles(page)
    assert first.byline == "张晓明、王一、钟文玥参与采写"
    assert second.headline is None


def test_verse_under_zhe_zheng_shi_stays_whole_when_its_couplets_take_a_column():
    # The verse's short lines fill a narrow column of their own, which would cut the
    # cartoon's text between its couplets.
    page = (
        "图片报道\n"
        "　　长江江豚是国家一级重\n"
        "点保护野生动物。前不久，\n"
        "人工繁育的长江江豚顺利产\n"
        "下幼豚，为长江江豚的研究\n"
        "保护提供了科学支撑。\n"
        "这正是：\n"
        "保护体系创建，\n"
        "繁育成效明显。\n"
        "种群数量增加，\n"
        "江豚游姿舒展。\n"
        "常  晋文\n"
        "打造“中国芯”  丰富“果篮子”\n"
        "　　最近，海南三亚种植的榴莲陆续成熟\n"
        "，首批国产榴莲正式上市，不少消费者表\n"
        "示，国产榴莲口感好、价格实惠。\n"
    )
    first, second = articles(page)
    assert first.headline == "图片报道"
    assert first.body.endswith("江豚游姿舒展。")
    assert "这正是：" in first.body
    assert first.byline == "常 晋文"
    assert second.headline == "打造“中国芯”丰富“果篮子”"


def test_closed_note_as_wide_as_the_column_does_not_join_the_next_title():
    page = (
        "县城小学开学第一课\n"
        "　　9月1日，全县小学同上开\n"
        "学第一课，孩子们在老师带领\n"
        "下学习安全知识，开学第一天\n"
        "过得充实又有意义。\n"
        "　　（李红、王刚参与采写）\n"
        "图片报道\n"
        "　　9月1日，县实验小学的学\n"
        "生在操场上参加开学典礼。图\n"
        "为学生们向国旗敬礼。\n"
        "　　张  明摄\n"
    )
    article, caption = segment_text(page).items
    assert article.byline == "李红、王刚参与采写"
    assert caption.kind == "caption" and caption.headline == "图片报道"


def test_zhibi_note_closes_the_article():
    page = (
        "县城小学开学第一课\n"
        "　　9月1日，全县小学同上开\n"
        "学第一课，孩子们在老师带领\n"
        "下学习安全知识。\n"
        "　　（执笔：李红）\n"
        "乡村图书室开放\n"
        "　　村里的图书室建成开放以\n"
        "来，每天都有不少孩子来这里\n"
        "看书。\n"
    )
    first, second = articles(page)
    assert first.byline == "执笔：李红"
    assert second.headline == "乡村图书室开放"


def test_photo_credit_under_the_last_paragraph_of_a_long_article_is_its_byline():
    page = (
        "县城小学开学第一课\n"
        "　　9月1日，全县小学同上开学第一课，孩\n"
        "子们在老师带领下学习安全知识。各校结合实\n"
        "际，组织学生观看安全教育视频，开展应急疏\n"
        "散演练，让孩子们掌握基本的自救互救技能，\n"
        "把安全意识种在心里。\n"
        "　　县教育局有关负责人介绍，今年秋季学期\n"
        "，全县新增学位两千多个，新建和改扩建学校\n"
        "五所，乡村学校的图书室、实验室和运动场全\n"
        "部配齐，师资力量也进一步加强，新招聘教师\n"
        "三百名，全部充实到乡村学校。\n"
        "　　家长代表李红说，孩子们在新学校上课，环\n"
        "境好了，老师也更用心了，我们做家长的打心\n"
        "底里高兴。她希望孩子们珍惜好时光，努力学\n"
        "习，长大后为家乡建设出一份力。\n"
        "　　开学典礼上，校长为新生佩戴红领巾，高\n"
        "年级学生表演了精心准备的节目，家长们也来\n"
        "到学校，和孩子们一起度过这个难忘的日子，\n"
        "操场上欢声笑语不断。\n"
        "　　张  明摄\n"
        "乡村图书室开放\n"
        "　　村里的图书室建成开放以来，每天都有不少孩\n"
        "子来这里看书。\n"
    )
    first, second = segment_text(page).items
    assert first.kind == "article" and first.headline == "县城小学开学第一课"
    assert first.body.endswith("操场上欢声笑语不断。") and first.byline == "张 明摄"
    assert second.headline == "乡村图书室开放"


def test_sub_head_with_a_comma_on_a_page_without_indents_is_a_section():
    page = (
        "乡村学校见闻\n"
        "今年秋季，县里新建的五所乡村学校全\n"
        "部投入使用，两千多名学生走进了宽敞\n"
        "明亮的新教室，学习条件明显改善。\n"
        "课程开齐，质量提升\n"
        "学校配齐了音乐、美术和体育专职教师\n"
        "，孩子们每天都能上到喜欢的课程，学\n"
        "习兴趣越来越浓，成绩也稳步提高。\n"
    )
    [item] = articles(page)
    assert item.sections == ("课程开齐，质量提升",)
    assert item.body.split("\n")[1].startswith("学校配齐了")


# A two-article page whose editors' line sits in the headline block, its names wrapped onto
# lines of their own, with the staff lines printed after the last article.
STAFF_PAGE = (
    "县里新建五所乡村学校\n"
    "社区书屋成了孩子们的乐园\n"
    "本版责编：周  文  林小雨\n"
    "何  平\n"
    "　　本报讯 今年秋季，县里新建的五所乡村学\n"
    "校全部投入使用，两千多名学生走进了宽敞明\n"
    "亮的新教室。\n"
    "　　县教育局表示，明年还将继续加大投入。\n"
    "　　（本报记者 赵  明）\n"
    "　　暑假里，社区书屋每天都坐满了前来看书\n"
    "的孩子，志愿者还为他们开设了阅读课。\n"
    "　　书屋负责人说，今年新添了两千册图书。\n"
    "　　本版邮箱：xiangcun_edu@exa\n"
    "mple.com\n"
    "　　本期统筹：王  强  陈  静\n"
    "刘晓东\n"
    "　　版式设计：孙  悦\n"
)


def test_staff_box_is_an_item_of_its_own():
    items = articles(STAFF_PAGE)
    assert [it.headline for it in items] == [
        "县里新建五所乡村学校", "社区书屋成了孩子们的乐园", "本版责编：周 文 林小雨 何 平"]
    school, library, staff = items
    assert school.byline == "本报记者 赵 明"
    assert library.byline is None and library.body.endswith("今年新添了两千册图书。")
    assert staff.body.split("\n") == [
        "本版邮箱：xiangcun_edu@example.com", "本期统筹：王强陈静", "刘晓东", "版式设计：孙 悦"]


def test_staff_lines_without_an_editors_line_close_the_last_article():
    # (The page's mailbox would open a box of its own: see the test after the next one.)
    page = (STAFF_PAGE.replace("本版责编：周  文  林小雨\n何  平\n", "").replace("刘晓东\n", "")
            .replace("　　本版邮箱：xiangcun_edu@exa\nmple.com\n", ""))
    school, library = articles(page)
    assert library.headline == "社区书屋成了孩子们的乐园"
    assert library.byline == "本期统筹：王强陈静 版式设计：孙 悦"


def test_staff_lines_under_the_page_mailbox_without_an_editors_line_are_a_box():
    page = STAFF_PAGE.replace("本版责编：周  文  林小雨\n何  平\n", "").replace("刘晓东\n", "")
    school, library, box = articles(page)
    assert library.byline is None and library.body.endswith("今年新添了两千册图书。")
    assert box.headline is None
    assert box.body.split("\n") == [
        "本版邮箱：xiangcun_edu@example.com", "本期统筹：王强陈静", "版式设计：孙 悦"]


def test_ocr_spaced_paragraph_under_a_staff_line_is_not_taken_for_names():
    page = (
        "山村教师的一天\n"
        "　　天还没亮，李老师就起床备课，七点前\n"
        "赶到学校，迎接第一个到校的孩子。\n"
        "　　版式设计：孙  悦\n"
        "　　我 对 这 所 学 校 一 直 很 有\n"
        "感 情 。\n"
        "　　二十年前，我就是在这里读完了小学。\n"
    )
    body = "\n".join(it.body for it in articles(page))
    assert "我对这所学校一直很有感情。" in body.split("\n")


def test_centred_kicker_and_headline_are_not_joined_into_a_paragraph():
    page = (
        "全县新建五所乡村学校\n"
        "　　今年秋季，县里新建的五所乡村学校全部投入\n"
        "使用，两千多名学生走进了宽敞明亮的新教室，学习\n"
        "条件明显改善，家长们对学校的变化十分满意，纷纷\n"
        "点赞。\n"
        "　　　　省师范学院深化师范生培养模式综合改革——\n"
        "　　　　培养下得去、教得好、留得住的优秀乡村教师\n"
        "“读书会我几乎每次都参加，收获很大。”师范学院二\n"
        "年级学生王丽说。\n"
        "　　她说的读书会，是学院为师范生开设的课外活\n"
        "动，每周一次，已经坚持了三年，参加的学生越来越\n"
        "多。\n"
    )
    first, second = articles(page)
    assert first.headline == "全县新建五所乡村学校"
    assert (second.kicker, second.headline) == (
        "省师范学院深化师范生培养模式综合改革——", "培养下得去、教得好、留得住的优秀乡村教师")
    assert second.body.startswith("“读书会")


def test_headline_stays_with_the_paragraph_it_is_printed_above():
    # The last paragraph is set in another column, so it opens an article of its own,
    # although it repeats the headline's words and the paragraph under the headline does not.
    page = (
        "县里举办教师技能大赛\n"
        "　　本报讯 县教育局日前举办中小学教\n"
        "师技能大赛，两百多名教师参加了比赛。\n"
        "　　（通讯员 张  华）\n"
        "乡村书屋每周开放三次\n"
        "　　“我放学后常来这里看书，\n"
        "也在这里写作业，遇到不懂的\n"
        "问题还能请教老师。”五年级\n"
        "学生王丽说。\n"
        "　　镇里的乡村书屋每周开放三次，每次开放\n"
        "半天，书屋管理员由村里的退休教师轮流担任，\n"
        "乡村书屋的藏书今年又增加了两千册，借阅的\n"
        "村民也越来越多。\n"
    )
    first, second, third = articles(page)
    assert second.headline == "乡村书屋每周开放三次" and second.body.startswith("“我放学后")
    assert third.headline is None and third.body.startswith("镇里的乡村书屋")


def test_excerpt_note_closes_the_article_above():
    page = (
        "让课后服务更有温度\n"
        "课后服务要因地制宜，既要丰富内容，也要减\n"
        "轻家长负担，让孩子们在校园里度过快乐时光。\n"
        "（摘编自《江南教育报》，原题为《课后服务\n"
        "既要有温度更要有质量有效率有特色有活力》）\n"
        "致读者\n"
        "近日，许多读者来信询问今年征文活动的截稿\n"
        "时间，现统一答复如下：截稿时间为十二月底。\n"
    )
    first, second = articles(page)
    assert first.byline == (
        "摘编自《江南教育报》，原题为《课后服务既要有温度更要有质量有效率有特色有活力》")
    assert second.headline == "致读者" and second.body.startswith("近日，许多读者来信")


def test_author_note_wrapped_over_four_narrow_lines_closes_the_article():
    page = (
        "种粮大户的新农机\n"
        "　　合作社今年新添了二十台农机，\n"
        "周边农户的收成都提高了不少，大\n"
        "家的干劲更足了。\n"
        "　　（作者为某县农机\n"
        "服务专业合作社负责\n"
        "人，本报记者刘洋采\n"
        "访整理）\n"
    )
    [item] = articles(page)
    assert item.body.endswith("大家的干劲更足了。")
    assert item.byline == "作者为某县农机服务专业合作社负责人，本报记者刘洋采访整理"


def test_dash_subheadline_ends_its_heading_group_in_a_block():
    page = (
        "乡村学校迎来新学期\n"
        "——全县秋季开学工作综述\n"
        "市教育局\n"
        "部署校园安全工作\n"
        "　　本报讯 今年秋季，市教育局新建的五所乡村学校\n"
        "全部投入使用。市教育局负责人介绍，全县新增学位\n"
        "两千多个，乡村学校的新学期开局良好。\n"
        "　　（记者 王  林）\n"
        "　　本报讯 开学前夕，区教育局要求各校开展校园安\n"
        "全隐患排查，对消防设施、食堂和校车逐一检查，确\n"
        "保师生安全。\n"
        "　　（记者 李  红）\n"
    )
    first, second = articles(page)
    assert (first.headline, first.subheadline) == ("乡村学校迎来新学期", "——全县秋季开学工作综述")
    assert (second.kicker, second.headline) == (None, "市教育局部署校园安全工作")


def test_case_source_note_closes_the_article_above():
    page = (
        "录用通知发出后反悔怎么办（以案说法）\n"
        "学校食堂引入智慧管理系统\n"
        "　　【案情】李女士收到某公司的录用通知后辞去\n"
        "原工作，公司却在她入职前取消录用。法院判决公\n"
        "司赔偿李女士的损失。\n"
        "　　（案例来源：某市中级人民法院，本报记者王\n"
        "林整理）\n"
        "　　走进县第一中学的食堂，每张餐桌上都有一块\n"
        "小屏幕，学生刷卡取餐后，屏幕上就会显示这顿饭\n"
        "的营养成分，智慧管理系统让食堂管理更精细。\n"
    )
    first, second = articles(page)
    assert first.headline == "录用通知发出后反悔怎么办（以案说法）"
    assert first.byline == "案例来源：某市中级人民法院，本报记者王林整理"
    assert second.headline == "学校食堂引入智慧管理系统"
    assert second.body.startswith("走进县第一中学")


def test_reporter_notes_label_is_a_section_not_a_byline():
    page = (
        "山村小学的读书声\n"
        "　　清晨六点，山村小学的教室里已经传出了琅琅\n"
        "读书声，二十多个孩子跟着老师一起朗读课文。\n"
        "　　这所学校只有三位老师，却开齐了全部课程，\n"
        "孩子们的成绩在全镇名列前茅。\n"
        "记者手记\n"
        "　　离开学校时，孩子们站在校门口挥手道别，老\n"
        "师们说，只要孩子们愿意学，他们就一直教下去。\n"
    )
    [item] = articles(page)
    assert item.byline is None
    assert item.sections == ("记者手记",)
    assert item.body.endswith("他们就一直教下去。")


def test_kicker_over_a_shorter_headline_is_not_joined_to_it():
    page = (
        "▲县实验小学的学生在操场上练习跳绳。\n"
        "王  林摄\n"
        "县里统筹城乡教育资源，持续推进办学改革——\n"
        "乡村学校留住好老师\n"
        "（教育观察）\n"
        "　　本报讯（记者 李  红）“以前留不住老师，现\n"
        "在老师们都愿意来了。”\n"
    )
    [item] = articles(page)
    assert item.kicker == "县里统筹城乡教育资源，持续推进办学改革——"
    assert item.headline == "乡村学校留住好老师（教育观察）"


def test_generic_photo_title_in_a_block_goes_to_the_cartoon_item():
    page = (
        "县里举办教师技能大赛\n"
        "图片报道\n"
        "　　本报讯 县教育局日前举办中小学教师技能大赛，\n"
        "两百多名教师参加了说课、板书和课件制作比赛。\n"
        "　　（记者 王  林）\n"
        "　　课后服务丰富多彩，书法、编程、合唱样样都有，\n"
        "孩子们在校园里度过了充实的下午时光。\n"
        "　　这正是：\n"
        "　　放学铃声响，\n"
        "　　社团忙开场。\n"
        "　　林  木文\n"
    )
    news, cartoon = articles(page)
    assert news.headline == "县里举办教师技能大赛"
    assert cartoon.headline == "图片报道" and cartoon.body.startswith("课后服务丰富多彩")


def test_attribution_line_and_note_close_a_quotation_article():
    page = (
        "年轻时多读好书（声音）\n"
        "　　“读书是一辈子的事，年轻时多读一些好书，\n"
        "将来的路会走得更宽、更远。”\n"
        "　　——某大学校长接受本报记者采访时说\n"
        "　　（本报记者王林整理）\n"
        "乡村书屋每周开放三次\n"
        "　　镇里的乡村书屋每周开放三次，每次开放半天，\n"
        "借阅图书的村民越来越多。\n"
    )
    quote, library = articles(page)
    assert quote.headline == "年轻时多读好书（声音）"
    assert quote.body.endswith("——某大学校长接受本报记者采访时说")
    assert quote.byline == "本报记者王林整理" and quote.subheadline is None
    assert library.headline == "乡村书屋每周开放三次"


def test_reporters_note_under_a_short_line_closes_the_article():
    page = (
        "年轻时多读好书\n"
        "　　“读书是一辈子的事，年轻时多读一些好书，\n"
        "将来的路会走得更宽、更远。”\n"
        "　　欢迎更多青年读者来信交流\n"
        "　　（本报记者王林整理）\n"
        "　　本报讯 镇里的乡村书屋每周开放三次，每次开放\n"
        "半天，借阅图书的村民越来越多。\n"
    )
    quote, library = articles(page)
    assert quote.byline == "本报记者王林整理"
    assert library.headline is None and library.byline is None


def test_unpunctuated_list_under_the_last_article_is_kept_in_its_body():
    page = (
        "县里公布优秀乡村教师名单\n"
        "　　本报讯 县教育局日前公布今年优秀乡村教师\n"
        "名单，以下教师获评优秀乡村教师。\n"
        "青山镇中心小学　王  林\n"
        "石桥镇中学　李  红\n"
        "河口村小学　赵  明\n"
        "柳树镇中心幼儿园　孙  悦\n"
    )
    [item] = articles(page)
    assert item.headline == "县里公布优秀乡村教师名单"
    for school in ("青山镇中心小学", "石桥镇中学", "河口村小学", "柳树镇中心幼儿园"):
        assert school in item.body


def test_dash_subheadline_is_a_line_of_its_own_under_a_headline_with_a_comma():
    page = (
        "县里今年新建五所乡村学校，明年还将\n"
        "继续加大投入。\n"
        "（本报记者 王林）\n"
        "以学促干，形成真抓实干的好局面\n"
        "——让每一项任务都落到实处\n"
        "学习的目的全在于运用。全县各级干部\n"
        "把学习成果转化为推动工作的实际行动，\n"
        "一件一件抓落实，一年接着一年干。\n"
    )
    item = articles(page)[-1]
    assert item.headline == "以学促干，形成真抓实干的好局面"
    assert item.subheadline == "——让每一项任务都落到实处"
    assert item.body.startswith("学习的目的全在于运用。")


def test_dash_subheadline_may_hold_a_comma():
    page = (
        "大山深处的村小\n"
        "——扎根乡土办教育，守好每一所村小③\n"
        "走进大山深处的村小，孩子们的读书声\n"
        "清脆响亮。这些年，全县村小的办学条\n"
        "件一年比一年好。\n"
    )
    [item] = articles(page)
    assert item.headline == "大山深处的村小"
    assert item.subheadline == "——扎根乡土办教育，守好每一所村小③"
    assert item.body.startswith("走进大山深处的村小")


def test_headline_with_a_column_name_wider_than_the_column_is_not_joined_to_the_body():
    # The headline is two characters wider than the body's first line, whose comma hangs
    # past the column edge: widths alone would join them.
    page = (
        "县里今年新建五所乡村学校，\n"
        "明年还将继续加大投入。\n"
        "（本报记者 王林）\n"
        "乡村振兴，关键在人才（今日谈）\n"
        "今年暑假，县里二十多名学子，\n"
        "回到家乡当上了村小教师。谈\n"
        "起这个选择，一位新教师说，\n"
        "村里的孩子同样需要好老师。\n"
    )
    item = articles(page)[-1]
    assert item.headline == "乡村振兴，关键在人才（今日谈）"
    assert item.body.startswith("今年暑假，")


def test_quotation_on_a_line_of_its_own_is_a_headline():
    page = (
        "县里今年新建五所乡村学校，\n"
        "明年还将继续加大投入。\n"
        "（本报记者 王林）\n"
        "“我们对乡村教育的未来有信心”\n"
        "今年暑假，县里二十多名学子，\n"
        "回到家乡当上了村小教师。谈\n"
        "起这个选择，一位新教师说，\n"
        "村里的孩子同样需要好老师。\n"
    )
    item = articles(page)[-1]
    assert item.headline == "“我们对乡村教育的未来有信心”"
    assert item.body.startswith("今年暑假，")


def test_briefs_under_a_roundup_name_are_one_article_with_their_titles_as_sections():
    page = (
        "县里今年新建五所乡村学校，明年还将\n"
        "继续加大投入，让每个孩子都能上好学。\n"
        "教育快讯\n"
        "全县教师培训班开班\n"
        "本报电  日前，全县乡村教师暑期培训班\n"
        "开班，三百多名教师参加培训。\n"
        "（王  林）\n"
        "镇中心小学新建的图书室和阅览室\n"
        "向村民开放\n"
        "本报电  镇中心小学新建的图书室近日\n"
        "投入使用，藏书一万多册。\n"
        "（李  红）\n"
    )
    roundup = articles(page)[-1]
    assert roundup.headline == "教育快讯"
    # (the second title wraps over two lines)
    assert roundup.sections == ("全县教师培训班开班", "镇中心小学新建的图书室和阅览室向村民开放")
    assert roundup.body.startswith("本报电")
    assert "镇中心小学新建的图书室近日投入使用" in roundup.body
    assert "王" in roundup.byline and "李" in roundup.byline


def test_roundup_takes_its_name_from_the_headline_block():
    page = (
        "乡村学校添新貌\n"
        "教育快讯\n"
        "\n"
        "今年以来，全县新建乡村学校五所，改造校\n"
        "舍三万平方米，两千多名学生用上了新教室。\n"
        "县里表示，明年还将继续加大投入。\n"
        "全县教师培训班开班\n"
        "本报电  日前，全县乡村教师暑期培训班\n"
        "开班，三百多名教师参加培训。\n"
        "（王  林）\n"
        "镇中心小学新建图书室\n"
        "本报电  镇中心小学新建的图书室近日\n"
        "投入使用，藏书一万多册。\n"
        "（李  红）\n"
    )
    schools, roundup = articles(page)
    assert schools.headline == "乡村学校添新貌"
    assert roundup.headline == "教育快讯"
    assert roundup.sections == ("全县教师培训班开班", "镇中心小学新建图书室")


def test_reading_list_after_the_author_note_stays_with_the_article():
    page = (
        "让更多孩子爱上科学（开卷知新）\n"
        "科学教育要从娃娃抓起。县里的科技馆每个周末\n"
        "都向中小学生免费开放，还请来科研人员讲课。\n"
        "（作者为某师范大学教授）\n"
        "推荐读物\n"
        "《给孩子的科学课》：某出版社出版。\n"
        "乡村学校添新貌\n"
        "本报讯 今年以来，全县新建乡村学校五所，改造\n"
        "校舍三万平方米。\n"
    )
    science, schools = articles(page)
    assert science.headline == "让更多孩子爱上科学（开卷知新）"
    assert science.body.endswith("《给孩子的科学课》：某出版社出版。")
    assert "推荐读物" in science.sections
    assert schools.headline == "乡村学校添新貌"


def test_link_box_with_its_own_title_after_the_byline_stays_with_the_article():
    page = (
        "全县中小学开学准备就绪\n"
        "本报讯 新学期将至，全县中小学已完成校舍安全\n"
        "检查，新教材已全部发到学校。\n"
        "（本报记者 王林）\n"
        "■链接\n"
        "开学前要做好哪些准备\n"
        "专家提醒，家长可以提前帮助孩子调整作息，\n"
        "让孩子以良好状态迎接新学期。\n"
    )
    [item] = articles(page)
    assert item.headline == "全县中小学开学准备就绪"
    assert item.body.endswith("让孩子以良好状态迎接新学期。")
    assert "开学前要做好哪些准备" in item.sections


def test_column_name_under_a_headline_above_a_box_label_stays_with_the_headline():
    page = (
        "乡村教育迈出新步伐\n"
        "（年中教育观察）\n"
        "开栏的话\n"
        "今年以来，全县乡村教育迈出新步伐，新建乡村\n"
        "学校五所。本版今起推出系列报道。\n"
    )
    [item] = articles(page)
    assert item.headline == "乡村教育迈出新步伐（年中教育观察）"
    assert item.byline is None and item.sections == ("开栏的话",)


def test_headline_line_ending_in_a_bracket_carries_on_where_the_next_line_opens_with_a_colon():
    page = (
        "青山县（开发区）\n"
        "：打造乡村教育新高地\n"
        "青山县位于大山深处，近年来把乡村教育放在\n"
        "优先发展的位置，乡村学校面貌一新。\n"
    )
    [item] = articles(page)
    assert item.headline == "青山县（开发区）：打造乡村教育新高地"


def test_speaker_ending_in_a_colon_over_a_headline_is_its_kicker():
    page = (
        "乡村学校添新貌\n"
        "本报讯 今年以来，全县新建乡村学校五所，改造\n"
        "校舍三万平方米。\n"
        "县教育局新闻发言人：\n"
        "新学期所有乡村学校\n"
        "将开齐开足课程\n"
        "本报青山8月30日电 县教育局新闻发言人今天表示，\n"
        "新学期所有乡村学校将开齐开足国家规定课程。\n"
    )
    schools, courses = articles(page)
    assert schools.body.endswith("改造校舍三万平方米。")
    assert courses.kicker == "县教育局新闻发言人："
    assert courses.headline == "新学期所有乡村学校将开齐开足课程"


def test_letter_signature_with_a_spaced_two_character_name_is_a_byline():
    page = (
        "让乡村学校留住好老师\n"
        "青山省某县  王  林\n"
        "　　乡村学校要留住好老师，待遇要跟上，住房、\n"
        "交通等实际困难也要有人管。\n"
    )
    [item] = articles(page)
    assert item.byline == "青山省某县 王 林"
    assert item.body.startswith("乡村学校要留住好老师")


def test_line_led_by_a_bracketed_label_is_body_text_not_a_headline():
    page = (
        "扎根乡村三十年（暖闻热评）\n"
        "【人物】青山县石桥镇中心小学教师王林\n"
        "【故事】三十年前，王林从师范学校毕业后回到家乡，\n"
        "一直在村小任教，教过的学生有上千人。\n"
        "【点评】\n"
        "乡村教育需要更多这样的坚守者。\n"
    )
    [item] = articles(page)
    assert item.headline == "扎根乡村三十年（暖闻热评）"
    assert item.body.startswith("【人物】青山县石桥镇中心小学教师王林\n【故事】")


def test_long_two_part_column_name_wrapped_under_its_headline_stays_with_it():
    page = (
        "县里今年新建五所乡村学校，明年还将\n"
        "继续加大投入。\n"
        "　乡村学校迎来新面貌（教育观察·办好家门口\n"
        "　、让孩子们上好学的每一所学校）\n"
        "　　今年以来，全县新建乡村学校五所，\n"
        "改造校舍三万平方米，两千多名学生用上\n"
        "了新教室。\n"
    )
    item = articles(page)[-1]
    assert item.headline == "乡村学校迎来新面貌（教育观察·办好家门口、让孩子们上好学的每一所学校）"
    assert item.body.startswith("今年以来，")


def test_column_name_of_twenty_characters_wrapped_under_its_headline_stays_with_it():
    page = (
        "县里今年新建五所乡村学校，明年还将\n"
        "继续加大投入。\n"
        "乡村学校迎来新面貌（深入学习贯彻全国教\n"
        "育大会精神在基层的实践）\n"
        "今年以来，全县新建乡村学校五所，改造校舍\n"
        "三万平方米，两千多名学生用上了新教室。\n"
    )
    item = articles(page)[-1]
    assert item.headline == "乡村学校迎来新面貌（深入学习贯彻全国教育大会精神在基层的实践）"
    assert item.body.startswith("今年以来，")


def test_reader_piece_under_a_column_name_keeps_its_title_as_a_section():
    page = (
        "县里今年新建五所乡村学校，明年还将\n"
        "继续加大投入。\n"
        "（本报记者 王林）\n"
        "来信\n"
        "让乡村学校留住好老师\n"
        "青山省某县  李  红\n"
        "乡村学校要留住好老师，待遇要跟上，住房、\n"
        "交通等实际困难也要有人管。\n"
    )
    letter = articles(page)[-1]
    assert letter.headline == "来信"
    assert letter.sections == ("让乡村学校留住好老师",)
    assert letter.byline == "青山省某县 李 红"


def test_opening_box_label_starts_an_article_in_the_same_column():
    page = (
        "县里召开教育工作会议\n"
        "乡村学校添新貌\n"
        "本报讯 县里日前召开教育工作会议，部署新学期\n"
        "工作，要求各校做好开学准备。\n"
        "核心阅读\n"
        "今年以来，全县新建乡村学校五所，改造校舍三\n"
        "万平方米，乡村学校面貌一新。\n"
        "走进青山镇中心小学，新建的教学楼宽敞明亮，\n"
        "孩子们在新教室里读书。\n"
    )
    meeting, schools = articles(page)
    assert meeting.body.endswith("要求各校做好开学准备。")
    assert schools.sections == ("核心阅读",)
    assert schools.headline == "乡村学校添新貌"


def test_editors_note_opens_its_own_paragraph_under_a_headline_as_wide_as_the_column():
    page = (
        "乡村学校迎来新面貌\n"
        "县里推进教育强县建设\n"
        "编者按：今年以来，县\n"
        "里新建乡村学校五所，\n"
        "本版今起推出系列报道。\n"
        "走进青山镇中心小学，\n"
        "新建的教学楼宽敞明亮。\n"
    )
    [item] = articles(page)
    assert item.body.startswith("编者按：今年以来，")
    assert "县里推进教育强县建设" in (item.headline or "") + (item.subheadline or "")


def test_two_unpunctuated_heading_lines_as_wide_as_the_column_are_not_a_paragraph():
    page = (
        "　　县里今年新建五所乡村学校，明年还将继续加\n"
        "大投入，让每个孩子都能上好学。\n"
        "（本报记者 王林）\n"
        "建设图书室、实验室、运动场和食堂\n"
        "青山镇中心小学的办学条件大变样\n"
        "　　今年以来，全县新建乡村学校五\n"
        "所，改造校舍三万平方米，两千多名\n"
        "学生用上了新教室。\n"
    )
    item = articles(page)[-1]
    # (one heading unit of two lines: its roles are not told apart)
    assert item.headline == "建设图书室、实验室、运动场和食堂青山镇中心小学的办学条件大变样"
    assert item.body.startswith("今年以来，")


def test_two_line_quotation_without_punctuation_inside_an_article_stays_in_the_body():
    page = (
        "乡村学校添新貌\n"
        "　　今年以来，全县新建乡村学校五\n"
        "所，改造校舍三万平方米。\n"
        "“让每一个乡村孩子都能在家门口上\n"
        "好学校读好书上好学上好每一堂课”\n"
        "　　县教育局表示，明年还将继续加\n"
        "大投入，建好每一所乡村学校。\n"
    )
    [item] = articles(page)
    assert item.headline == "乡村学校添新貌"
    assert "“让每一个乡村孩子都能在家门口上好学校读好书上好学上好每一堂课”" in item.body


def test_line_over_a_one_line_first_paragraph_in_a_wider_column_ends_the_block():
    page = (
        "县图书馆新馆开放\n"
        "全市乡村学校用上新课桌\n"
        "孩子们坐得更舒服了\n"
        "开 学 啦 ！\n"
        "九月一日，全市一百二十所乡村学校的孩子\n"
        "们走进教室，看到了崭新的课桌椅。这批课\n"
        "桌椅由市财政出资购置，按照孩子们的身高\n"
        "分为三种规格，可以随时调整高度。\n"
        "本报讯（记者 周明）县图书馆新馆昨日起\n"
        "向市民开放，馆内藏书十二万册，设有少儿\n"
        "阅览区和自习区，每天开放到晚上九点。\n"
    )
    desks = next(it for it in articles(page) if "课桌椅" in it.body)
    # (the block does not tell a headline from its subheadline here)
    heading = (desks.headline or "") + (desks.subheadline or "")
    assert heading == "全市乡村学校用上新课桌孩子们坐得更舒服了"
    assert desks.body.startswith("开学啦！\n九月一日，")


def test_column_name_on_its_own_line_in_a_headline_block_joins_the_headline_above():
    page = (
        "　　让乡村孩子读上好书（教育观察）\n"
        "　　校园午餐要吃得放心\n"
        "　　（来信点评）\n"
        "　　县图书馆新馆开放\n"
        "不少乡村学校的图书室书不少，借阅的人却不多。原因\n"
        "在于书目陈旧，不合孩子们的口味。配书之前多听听\n"
        "孩子和老师的意见，图书室才能真正热闹起来。\n"
        "本报讯（记者 李华）校园午餐关系到每\n"
        "个孩子的健康。食材从哪里来、怎么加工、\n"
        "谁来监督，都应当向家长公开，让家长吃\n"
        "得放心。\n"
        "本报讯（记者 周明）县图书馆新馆昨日起向市民开放，\n"
        "馆内藏书十二万册，每天开放到晚上九点。\n"
    )
    lunch = next(it for it in articles(page) if "午餐" in it.body)
    assert lunch.headline == "校园午餐要吃得放心（来信点评）"
    assert all(it.byline != "来信点评" for it in articles(page))


def test_set_in_headline_with_a_comma_and_a_column_name_on_a_page_without_indents():
    page = (
        "县图书馆新馆昨日起向市民开放，馆内藏书十\n"
        "二万册，每天开放到晚上九点。\n"
        "（本报记者 周明）\n"
        "　　午餐好不好，家长说了算（来信点评）\n"
        "校园午餐关系到每个孩子的健康。食材从哪里\n"
        "来、怎么加工、谁来监督，都应当向家长公开，\n"
        "让家长吃得放心。\n"
    )
    lunch = articles(page)[-1]
    assert lunch.headline == "午餐好不好，家长说了算（来信点评）"
    assert lunch.body.startswith("校园午餐关系到")


def test_neighbours_in_the_same_column_stay_apart_when_each_has_its_own_block_headline():
    page = (
        "市图书馆延长夏季开放时间\n"
        "乡村学校食堂全部完成改造\n"
        "市图书馆七月起延长夏季开放时间，每\n"
        "天开放到晚上九点，周末照常开放。\n"
        "图书馆还在少儿阅览区增加了座位，方\n"
        "便孩子们暑假来馆读书写作业。\n"
        "全县四十所乡村学校的食堂已经全部完\n"
        "成改造，新添了冷库和消毒设备。\n"
        "县教育局要求各校公开食材来源，并请\n"
        "家长代表参与每月的食堂检查。\n"
    )
    library, canteen = articles(page)
    assert library.headline == "市图书馆延长夏季开放时间"
    assert library.body.endswith("方便孩子们暑假来馆读书写作业。")
    assert canteen.headline == "乡村学校食堂全部完成改造"
    assert canteen.body.startswith("全县四十所乡村学校的食堂")


def test_headline_no_article_took_cuts_again_where_only_the_shared_column_joined_two():
    # The library piece mentions the canteens' villages and schools, so each side shares
    # some words with the other's headline; the column alone would make them one article
    # and leave the second headline without one.
    page = (
        "市图书馆延长夏季开放时间（文化广角）\n"
        "乡村学校食堂全部完成改造（民生观察）\n"
        "市图书馆七月起延长夏季开放时间，每\n"
        "天开放到晚上九点，周末照常开放。\n"
        "图书馆还在少儿阅览区增加了座位，方\n"
        "便乡村学校的孩子们来图书馆读书。\n"
        "馆长说，延长开放时间后，市图书馆每\n"
        "天都有上千名读者，书架全部坐满。\n"
        "市图书馆延长开放时间的做法受到读者\n"
        "欢迎，暑期还将延长少儿阅览区开放时间。\n"
        "全县四十所乡村学校的食堂已经全部完\n"
        "成改造，新添了冷库和消毒设备。\n"
        "改造后的食堂宽敞明亮，饭菜也更可口，\n"
        "学生们吃得放心，家长们也安心。\n"
        "县教育局要求各校公开食材来源，并请\n"
        "家长代表参与每月的食堂检查。\n"
        "下一步，县里还将改造二十所乡村学校\n"
        "的食堂，年底前全部完成改造。\n"
    )
    library, canteen = articles(page)
    assert library.headline == "市图书馆延长夏季开放时间（文化广角）"
    assert library.body.endswith("还将延长少儿阅览区开放时间。")
    assert canteen.headline == "乡村学校食堂全部完成改造（民生观察）"
    assert canteen.body.startswith("全县四十所乡村学校的食堂")


# Two pieces set in columns of different widths; the tests below put one line between them.
_VILLAGE_PIECE = (
        "越来越多的年轻人回到家乡创业，有的开网店卖山货，有的\n"
        "办起民宿迎接游客，有的把老手艺做成了新产品，乡村的\n"
        "面貌一天天发生着变化。县里为返乡青年开设创业培训班，\n"
        "帮助他们解决场地、资金和销路等方面的难题，让大家\n"
        "安心扎根、放手干事。\n"
        "只要肯吃苦、肯钻研，乡村同样是年轻人施展才华的舞台，\n"
        "这片土地上一定会有更多梦想开花结果。\n"
)
_ROBOT_REPORT = (
        "来自全国三十多个省份的两千多名青少年机器人\n"
        "爱好者齐聚体育馆，围绕智能搬运、垃圾分类、\n"
        "救援探险等项目同场竞技，展示了各自设计的作\n"
        "品。\n"
        "本届机器人大赛首次设立乡村学校专项赛，不少\n"
        "来自山区的孩子第一次走进体育馆参加比赛，\n"
        "他们用废旧材料制作的机器人赢得了评委的称赞。\n"
)


def test_one_line_paragraph_at_a_cut_goes_with_the_paragraphs_that_share_its_words():
    # The sentence opening the second piece fits on one line, a little wider than its own
    # column: column alone would leave it under the first piece.
    page = _VILLAGE_PIECE + "近日，第五届全国青少年机器人大赛在省城体育馆举行。\n" + _ROBOT_REPORT
    *_, village, robots = articles(page)
    assert village.body.endswith("一定会有更多梦想开花结果。")
    assert robots.body.startswith("近日，第五届全国青少年机器人大赛在省城体育馆举行。\n")


def test_one_line_wish_closing_a_piece_stays_with_it_though_the_next_shares_its_words():
    page = _VILLAGE_PIECE + "预祝全国青少年机器人大赛圆满成功！\n" + _ROBOT_REPORT
    *_, village, robots = articles(page)
    assert village.body.endswith("预祝全国青少年机器人大赛圆满成功！")
    assert robots.body.startswith("来自全国三十多个省份")


def test_public_service_advert_keeps_its_credit_wrapped_over_narrow_lines():
    page = (
        "县里新建三座污水处理站\n"
        "　　县里新建的三座污水处理站本月投入运行，\n"
        "每天可处理污水一万吨。\n"
        "　　　　　　　　　　　　　（王芳）\n"
        "节约用水从我做起\n"
        "　　珍惜每一滴水，让节水成\n"
        "为每个家庭的好习惯，一起\n"
        "守护家乡的绿水青山。\n"
        "　　河东日报社公益广告制\n"
        "作中心   河东水务集团有\n"
        "限公司\n"
    )
    plant, advert = articles(page)
    assert plant.body.endswith("每天可处理污水一万吨。")
    assert advert.headline == "节约用水从我做起"
    assert advert.body.endswith("\n河东日报社公益广告制作中心河东水务集团有限公司")


def test_note_that_the_full_letter_is_printed_elsewhere_does_not_end_the_report():
    page = (
        "县长给山区小学师生回信\n"
        "　　本报河东5月9日电  县长李明近日给山\n"
        "区小学师生回信，鼓励孩子们好好读书，长\n"
        "大建设家乡。\n"
        "（回信全文另发）\n"
        "　　这所小学位于县城以北八十公里的山区，\n"
        "全校有学生一百二十名。\n"
    )
    (report,) = articles(page)
    assert report.headline == "县长给山区小学师生回信"
    assert "长大建设家乡。（回信全文另发）\n" in report.body
    assert report.body.endswith("全校有学生一百二十名。")


def test_block_headline_broken_one_character_before_a_list_comma_stays_whole():
    # Each line shares words with one of the two reports under the headline; the second
    # line opens with the last character of the name above it.
    page = (
        "县长分别会见河西农机公司考察\n"
        "团、南山茶叶协会负责人\n"
        "　　本报河东5月9日电  县长李明9日上午会见河西农\n"
        "机公司考察团一行，双方就农机租赁合作交换了意见。\n"
        "　　本报河东5月9日电  县长李明9日下午会见南山茶\n"
        "叶协会负责人，介绍了本县茶园的发展情况。\n"
    )
    first, *_ = articles(page)
    assert first.headline == "县长分别会见河西农机公司考察团、南山茶叶协会负责人"


def test_statements_collected_in_one_article_stay_one_article_under_their_write_up_credits():
    page = (
        "两位乡村教师谈办学\n"
        "　　乡村学校怎样办得更好？记者请两位乡村\n"
        "教师谈了谈。\n"
        "　　河东县山口小学校长、县人大代表周明：\n"
        "　　让每个孩子都有书读\n"
        "　　学校去年建起了图书室，孩子们每周都能借\n"
        "两本书，读书的孩子越来越多。\n"
        "　　（本报记者  王芳采访整理）\n"
        "　　河东县石桥小学教师、县人大代表李红：\n"
        "　　把体育课上好\n"
        "　　我们请来了县体校的教练，每周给孩子们上\n"
        "两节足球课，孩子们的体质明显增强了。\n"
        "　　（本报记者  王芳采访整理）\n"
    )
    (column,) = articles(page)
    assert column.headline == "两位乡村教师谈办学"
    assert "县人大代表李红：" in column.body
    assert column.body.endswith("孩子们的体质明显增强了。")


def test_kicker_and_headline_as_wide_as_the_column_at_the_top_of_the_page_are_no_text():
    page = (
        "山里娃组成的合唱团——\n"
        "用歌声唱出对家乡的满腔爱\n"
        "“青青的山，绿绿的水，我\n"
        "的家乡真呀真美丽……”昨\n"
        "天下午，县实验小学合唱团\n"
        "的三十名孩子站上了省城的\n"
        "舞台，赢得了全场的掌声。\n"
    )
    (choir,) = articles(page)
    assert choir.kicker == "山里娃组成的合唱团——"
    assert choir.headline == "用歌声唱出对家乡的满腔爱"
    assert choir.body.startswith("“青青的山，绿绿的水，")


@pytest.mark.parametrize("above, heading, text", [
    # under a kicker ending in a dash, all as wide as the column
    (("全县四十所乡村学校的食堂已经", "全部完成改造，新添了冷库和消毒", "设备，孩子们吃得放心。",
      "（作者为河东县教育局干部）"),
     ("河东县人民医院巡回医疗队——", "专家团队走进偏远山村（健康快车）"),
     ("近日，县人民医院组织专家团队走", "进十二个山村，为三千多名村民免",
      "费体检，送去常用药品。")),
    # in a narrower column than the article above, with a comma in it
    (("全县四十所乡村学校的食堂已经全部完成改造，", "新添了冷库和消毒设备，县教育局要求各校公开",
      "食材来源，并请家长代表参与每月的食堂检查。"),
     ("和乡亲们站在一起，推动乡", "村振兴走深走实（田间笔记）"),
     ("驻村三年，我和乡亲们一起", "修路、种果树、办合作社，", "村里的日子一天比一天好。")),
])
def test_headline_of_two_lines_closed_by_its_column_name_stands_apart_from_the_text(
        above, heading, text):
    page = "乡村学校食堂全部完成改造\n" + "\n".join(above + heading + text) + "\n"
    canteen, second = articles(page)
    assert canteen.body.endswith(next(ln for ln in reversed(above) if ln.endswith("。")))
    assert (second.kicker or "") + second.headline == "".join(heading)
    assert second.body == "".join(text)


def test_call_for_contributions_under_the_last_article_is_a_notice_of_its_own():
    page = (
        "读书让乡村孩子看见更大的世界\n"
        "县里给每所乡村小学都建起了图书室，孩子们每\n"
        "周都能借两本书，读书的孩子越来越多，家长们\n"
        "也愿意陪孩子一起读，书香正在走进更多家庭。\n"
        "欢迎赐稿\n"
        "各位读者，本版“乡村教育”“读书会”等栏目长期\n"
        "征稿，欢迎各位投稿，一稿请勿多投。\n"
        "本版邮箱：xiangcun@example.com（来稿请注明栏目名）\n"
    )
    reading, call = articles(page)
    assert reading.body.endswith("书香正在走进更多家庭。")
    assert call.headline == "欢迎赐稿"
    assert call.body.startswith("各位读者，")


def test_staff_line_ending_in_a_whole_address_does_not_wrap_into_the_headline_block():
    page = (
        "　　本报讯　县里新建的三座污水处理\n"
        "站本月投入运行，每天可处理污水一\n"
        "万吨，周边村庄的河水变清了。\n"
        "　　本报讯　全县四十所乡村学校的食\n"
        "堂已经全部完成改造，新添了冷库和\n"
        "消毒设备，孩子们吃得更放心了。\n"
        "电子邮箱：ｘｉａｎｇｃｕｎ@ｅｘａｍｐｌｅ.ｃｏｍ\n"
        "县里新建三座污水处理站河水变清周边村庄受益\n"
        "乡村学校食堂全部完成改造（民生观察）\n"
        "　　　　本版责编：李红\n"
    )
    water, canteen, staff = articles(page)
    assert water.headline == "县里新建三座污水处理站河水变清周边村庄受益"
    assert canteen.headline == "乡村学校食堂全部完成改造（民生观察）"
    assert staff.body == "电子邮箱：xiangcun@example.com"


def test_line_closing_a_quotation_left_open_ends_the_paragraph_above_it():
    # On a page set flush left a full line ending in a full stop may end a paragraph; the
    # line under it closes the quotation the paragraph opened, so it cannot start one.
    page = (
        "县图书馆新馆下月开放\n"
        "乡村学校食堂全部完成改造\n"
        "县图书馆新馆建筑面积八千平方米，设有少儿阅\n"
        "览区、自习区和报告厅，藏书十二万册。\n"
        "馆长周明说，“新馆下月起每天开放到晚上九点。\n"
        "到那时，孩子们放学后都能来这里读书。”\n"
        "全县四十所乡村学校的食堂已经全部完成改造，\n"
        "新添了冷库和消毒设备。县教育局要求各校公开\n"
        "食材来源，并请家长代表参与每月的食堂检查。\n"
    )
    library, canteen = articles(page)
    assert library.body.endswith("到那时，孩子们放学后都能来这里读书。”")
    assert "馆长周明说，“新馆下月起每天开放到晚上九点。到那时" in library.body
    assert canteen.body.startswith("全县四十所乡村学校的食堂")


def test_photo_credit_as_wide_as_the_column_does_not_run_into_the_headline_below():
    page = (
        "县图书馆新馆开放\n"
        "本报讯（记者 周明）县图书馆新馆昨日起向市民\n"
        "开放，馆内藏书十二万册，设有少儿阅览区和自习\n"
        "区，每天开放到晚上九点。\n"
        "　　　　图片报道\n"
        "九月一日，县实验小学的新生走\n"
        "进校园，开始小学生活。\n"
        "　　本报记者  林晓东  王丽丽摄\n"
        "乡村学校食堂全部完成改造\n"
        "本报讯（记者 李华）全县四十所乡村学校的食堂\n"
        "已经全部完成改造，新添了冷库和消毒设备。\n"
    )
    items = segment_text(page).items
    photo = next(it for it in items if it.kind == "caption")
    assert photo.byline == "本报记者 林晓东 王丽丽摄"
    canteen = items[-1]
    assert canteen.headline == "乡村学校食堂全部完成改造"


def test_ocr_spaced_reader_signature_as_wide_as_the_column_closes_the_letter():
    page = (
        "路灯坏了没人修（来信）\n"
        "　　我家门口的路灯坏了三个\n"
        "月，晚上出门很不方便，希望\n"
        "有关部门尽快来修一修。\n"
        "　　某 某 省 某 某 市 某 某 县     周     明\n"
        "校园午餐要公开食材来源（建议）\n"
        "　　校园午餐关系到每个孩子\n"
        "的健康。食材从哪里来、怎么\n"
        "加工，都应当向家长公开。\n"
    )
    lamp, lunch = articles(page)
    assert lamp.byline == "某某省某某市某某县 周 明"
    assert lamp.body.endswith("尽快来修一修。")
    assert lunch.headline == "校园午餐要公开食材来源（建议）"


def test_headline_in_two_parallel_parts_stays_one_headline_in_the_block():
    page = (
        "市图书馆新馆开放\n"
        "延长时间\n"
        "提升服务（教育观察）\n"
        "本报讯（记者 周明）市图书馆新馆昨日起向市民开\n"
        "放，馆内藏书一百二十万册，暑期延长开放时间。\n"
        "暑假里，不少图书馆增加了自习座位，办起了\n"
        "读书会。提升服务，更要听听读者的意见。\n"
    )
    service = next(it for it in articles(page) if "自习" in it.body)
    assert service.headline == "延长时间提升服务（教育观察）"
    library = next(it for it in articles(page) if "新馆" in it.body)
    assert library.headline == "市图书馆新馆开放"


def test_byline_whose_names_run_together_without_their_spaces_is_still_a_byline():
    page = (
        "乡村学校食堂全部完成改造\n"
        "　　本报记者  王  亮  李思尧  孙龙飞\n"
        "　　全县四十所乡村学校的食堂已经全部完成改造，新添了\n"
        "冷库和消毒设备。县教育局要求各校公开食材来源。\n"
    )
    [item] = articles(page)
    assert item.headline == "乡村学校食堂全部完成改造"
    assert item.byline == "本报记者 王 亮 李思尧 孙龙飞"
    assert item.body.startswith("全县四十所")


def test_byline_of_names_set_apart_as_wide_as_the_column_ends_its_line():
    page = (
        "乡村学校食堂全部完成改造\n"
        "本报记者  王  亮  李思尧  孙龙飞\n"
        "全县四十所乡村学校的食\n"
        "堂已经全部完成改造，新\n"
        "添了冷库和消毒设备。县\n"
        "教育局要求各校公开食材\n"
        "来源。\n"
    )
    [item] = articles(page)
    assert item.byline == "本报记者 王 亮 李思尧 孙龙飞"
    assert item.body.startswith("全县四十所")


def test_headline_over_a_dateline_broken_before_its_dian_stays_a_headline():
    page = (
        "市图书馆新馆开放\n"
        "本报讯（记者 周明）市图书馆新馆昨日起向市民开放。\n"
        "县乡村学校食堂完成改造\n"
        "本报某县8月24日\n"
        "电（记者 李华）全县四十\n"
        "所乡村学校的食堂已经全部\n"
        "完成改造，新添了冷库和消\n"
        "毒设备。\n"
    )
    canteen = articles(page)[-1]
    assert canteen.headline == "县乡村学校食堂完成改造"
    assert canteen.body.startswith("本报某县8月24日电（记者李华）全县")


def test_set_in_first_line_wider_than_the_column_above_opens_the_next_article():
    page = (
        "　　县图书馆新馆昨日起向市\n"
        "民开放，馆内藏书十二万册，\n"
        "设有少儿阅览区和自习区，每\n"
        "天开放到晚上九点。\n"
        "　　暑假里，孩子们可以在这里\n"
        "读书写作业。\n"
        "　　清晨六点，食堂的灯已经亮了，师\n"
        "傅们开始准备早餐。\n"
        "　　全县四十所乡村学校的食堂已经全部\n"
        "完成改造，新添了冷库和消毒设备，师傅\n"
        "们也都参加了食品安全培训，持证上岗。\n"
    )
    library, canteen = articles(page)
    assert library.body.endswith("读书写作业。")
    assert canteen.body.startswith("清晨六点，")


def test_lead_under_a_top_box_label_is_body_even_without_a_final_mark():
    page = (
        "乡村学校食堂全部完成改造\n"
        "县图书馆新馆开放\n"
        "核心阅读\n"
        "全县四十所乡村学校食堂\n"
        "全部完成改造让孩子们吃\n"
        "上热乎饭菜\n"
        "食堂公开食材来源，请家\n"
        "长代表参与每月检查\n"
        "清晨六点，食堂的灯亮了，\n"
        "师傅们开始准备孩子的饭\n"
        "菜。\n"
        "本报讯（记者 周明）县图书馆新馆昨日起向市\n"
        "民开放，馆内藏书十二万册。\n"
    )
    canteen = articles(page)[0]
    assert canteen.headline == "乡村学校食堂全部完成改造"
    assert canteen.sections == ("核心阅读",)
    assert canteen.body.startswith(
        "全县四十所乡村学校食堂全部完成改造让孩子们吃上热乎饭菜\n"
        "食堂公开食材来源，请家长代表参与每月检查\n")


def test_photo_credit_broken_after_sheying_keeps_its_baodao():
    page = (
        "县图书馆新馆开放\n"
        "▲县图书馆新馆昨日起向市民开\n"
        "放，孩子们在少儿阅览区读书。\n"
        "本 报 记 者     周 明 摄 影\n"
        "报 道\n"
        "本报讯（记者 李华）全县四十所乡村学校的食堂已经全部\n"
        "完成改造，新添了冷库和消毒设备。\n"
    )
    items = segment_text(page).items
    assert items[0].kind == "caption"
    # (a credit rejoined from two lines loses the gap between its words)
    assert items[0].byline.replace(" ", "") == "本报记者周明摄影报道"
    assert items[1].body.startswith("本报讯")
    assert items[1].headline is None


def test_set_in_first_line_narrower_than_the_column_above_opens_the_next_article():
    page = (
        "　　全县四十所乡村学校的食堂已经全部\n"
        "完成改造，新添了冷库和消毒设备，师傅\n"
        "们也都参加了食品安全培训，持证上岗。\n"
        "　　食堂每天公布菜单，欢迎家长来看。\n"
        "　　县图书馆新馆昨日起向\n"
        "市民开放。\n"
        "　　馆内藏书十二万册，设\n"
        "有少儿阅览区和自习区，每\n"
        "天开放到晚上九点。\n"
    )
    canteen, library = articles(page)
    assert canteen.body.endswith("欢迎家长来看。")
    assert library.body.startswith("县图书馆新馆昨日起")


def test_quoted_headline_a_character_short_of_the_column_is_not_a_paragraph_line():
    page = (
        "县图书馆新馆昨日起向市民开放，馆\n"
        "内藏书十二万册，每天开放到晚上九\n"
        "点。\n"
        "（本报记者 周明）\n"
        "乡村学校食堂里飘出的“热乎饭”\n"
        "“孩子们吃得香，我们放心了。”全\n"
        "县四十所乡村学校的食堂已经全部完\n"
        "成改造，新添了冷库和消毒设备。\n"
    )
    canteen = articles(page)[-1]
    assert canteen.headline == "乡村学校食堂里飘出的“热乎饭”"
    assert canteen.body.startswith("“孩子们吃得香")


def test_kicker_wider_than_the_column_does_not_run_into_the_headline_under_it():
    page = (
        "县图书馆新馆昨日起向市民开\n"
        "放，馆内藏书十二万册，每天\n"
        "开放到晚上九点。\n"
        "（本报记者 周明）\n"
        "县第一中学食堂厨师长李建国——\n"
        "让孩子们吃上放心饭（身边的榜\n"
        "样）\n"
        "清晨五点半，李建国已经在食\n"
        "堂里忙开了。二十年来，他每\n"
        "天第一个到岗，最后一个离开。\n"
    )
    cook = articles(page)[-1]
    assert cook.kicker == "县第一中学食堂厨师长李建国——"
    assert cook.headline == "让孩子们吃上放心饭（身边的榜样）"
    assert cook.body.startswith("清晨五点半")


def test_photo_credit_broken_after_she_keeps_the_rest_and_its_agency():
    page = (
        "县图书馆新馆开放\n"
        "▲县图书馆新馆昨日起向市民开\n"
        "放，孩子们在少儿阅览区读书。\n"
        "　　周  明  李晓华摄\n"
        "影报道（人民视觉）\n"
        "本报讯（记者 李华）全县四十所乡村学校的食堂已经全部\n"
        "完成改造，新添了冷库和消毒设备。\n"
    )
    items = segment_text(page).items
    assert items[0].kind == "caption"
    assert items[0].byline.replace(" ", "") == "周明李晓华摄影报道（人民视觉）"
    assert items[1].headline is None
    assert items[1].body.startswith("本报讯")


def test_lead_wider_than_the_column_above_stays_one_paragraph_of_the_article_below():
    # The lead runs across the new article's wider column, which the narrow column above
    # does not show; its comma says the column edge broke it.
    page = (
        "　　县图书馆新馆昨日起\n"
        "向市民开放，馆内藏书\n"
        "十二万册，设有少儿阅\n"
        "览区和自习区，每天开\n"
        "放到晚上九点。\n"
        "　　（本报记者 周明）\n"
        "　　让每个孩子在家门口吃上放心饭，就要把食堂的\n"
        "“采购、加工、留样”\n"
        "　　全县四十所乡村学校的食堂已经全部完成改造，\n"
        "新添了冷库和消毒设备，每天的菜谱提前一周公布。\n"
        "　　县教育局每月抽查一次，家长代表也可以随时\n"
        "进后厨看看，发现问题当场整改，月底通报结果。\n"
        "县图书馆新馆开放\n"
        "乡村学校食堂全部完成改造（民生观察）\n"
    )
    canteen = articles(page)[-1]
    assert canteen.headline == "乡村学校食堂全部完成改造（民生观察）"
    assert canteen.body.startswith("让每个孩子在家门口吃上放心饭，就要把食堂的“采购、加工、留样”\n")


def test_column_name_centred_under_a_centred_headline_is_part_of_it():
    page = (
        "县图书馆新馆昨日起向市民开放，馆内藏书十二万\n"
        "册，每天开放到晚上九点。\n"
        "　　　　乡村学校食堂全部完成改造\n"
        "　　　　（办实事  解民忧）\n"
        "全县四十所乡村学校的食堂已经全部完\n"
        "成改造，新添了冷库和消毒设备。\n"
    )
    canteen = articles(page)[-1]
    assert canteen.headline.replace(" ", "") == "乡村学校食堂全部完成改造（办实事解民忧）"
    assert canteen.byline is None


def test_caption_under_a_photo_title_keeps_its_first_line_in_a_narrow_column():
    page = (
        "县图书馆新馆昨日起向市民开放，馆内藏书十二万册，设有\n"
        "少儿阅览区和自习区，每天开放到晚上九点，周末延长到\n"
        "晚上十点，欢迎市民带着孩子来读书，办证不收任何费用。\n"
        "图片报道\n"
        "县第一中学的学生在新建的劳动实践\n"
        "基地里采摘番茄，今年基地种了十二\n"
        "种蔬菜。图为学生们展示刚摘下的番\n"
        "茄。\n"
        "周明摄（人民视觉）\n"
    )
    caption = segment_text(page).items[-1]
    assert caption.kind == "caption"
    assert caption.headline == "图片报道"
    assert caption.body.startswith("县第一中学的学生在新建的劳动实践基地里")


def test_photo_item_signed_by_its_writer_and_its_photographer_is_one_caption():
    page = (
        "县图书馆新馆昨日起向市民开放，馆内藏书十二万册，设有\n"
        "少儿阅览区和自习区，每天开放到晚上九点。\n"
        "（本报记者 周明）\n"
        "图片报道\n"
        "近年来，县第一中学建起劳动实践基\n"
        "地，学生们每周在这里种菜、养花。\n"
        "图为学生们展示刚摘下的番茄。\n"
        "本报记者  李华文 本\n"
        "报驻外记者  阿卜杜拉\n"
        "·汗摄\n"
        "本报讯（记者 李华）全县四十所乡村学校的食堂已经全部\n"
        "完成改造，新添了冷库和消毒设备。\n"
    )
    items = segment_text(page).items
    caption = items[1]
    assert caption.kind == "caption"
    assert caption.body.startswith("近年来，县第一中学") and caption.body.endswith("番茄。")
    assert caption.byline.replace(" ", "") == "本报记者李华文本报驻外记者阿卜杜拉·汗摄"
    assert items[2].body.startswith("本报讯")


def test_headline_with_its_column_name_under_a_full_last_line_is_not_the_paragraph_end():
    page = (
        "　　县图书馆新馆昨日起向市民开放，馆内\n"
        "藏书十二万册，设有少儿阅览区和自习区，\n"
        "每天开到晚上九点，周末延长到夜里十点。\n"
        "乡村学校食堂全部完成改造（民生观察）\n"
        "　　全县四十所乡村中小学的食堂已经全部\n"
        "完成改造，还新添了冷库和消毒设备，每天\n"
        "的菜谱提前一周公布，家长可以随时查看。\n"
    )
    library, canteen = articles(page)
    assert library.body.endswith("周末延长到夜里十点。")
    assert canteen.headline == "乡村学校食堂全部完成改造（民生观察）"
    assert canteen.body.startswith("全县四十所")


def test_headline_and_subheadline_under_a_full_last_line_are_not_the_paragraph_end():
    page = (
        "　　县图书馆新馆昨日起向市民开放，馆内\n"
        "藏书十二万册，设有少儿阅览区和自习区，\n"
        "每天开到晚上九点，周末延长到夜里十点。\n"
        "全县乡村学校食堂已经全部完成改造升级\n"
        "新添冷库和消毒设备菜谱提前一周公布\n"
        "　　本报讯（记者 李华）全县四十所乡村\n"
        "中小学的食堂已经全部完成改造，家长可\n"
        "以随时进后厨查看，每月还有一次抽查。\n"
    )
    library, canteen = articles(page)
    assert library.body.endswith("周末延长到夜里十点。")
    assert (canteen.headline or "") + (canteen.subheadline or "") == (
        "全县乡村学校食堂已经全部完成改造升级新添冷库和消毒设备菜谱提前一周公布")
    assert canteen.body.startswith("本报讯")


def test_headline_a_character_wider_than_the_column_is_not_its_first_line():
    page = (
        "县图书馆新馆昨日起向\n"
        "市民开放，馆内藏书十\n"
        "二万册，设有少儿阅览\n"
        "区和自习区，每天开放\n"
        "到晚上九点。\n"
        "（本报记者 周明）\n"
        "乡村学校食堂都完成改造\n"
        "全县四十所乡村学校的\n"
        "食堂已经全部完成改造\n"
        "，新添了冷库和消毒设\n"
        "备，每周的菜谱提前公\n"
        "布。\n"
    )
    library, canteen = articles(page)
    assert canteen.headline == "乡村学校食堂都完成改造"
    assert canteen.body.startswith("全县四十所")


def test_headline_a_character_short_of_the_column_under_a_kicker_ends_its_line():
    page = (
        "县图书馆新馆昨日起向市民开放，馆内藏书十二万册，\n"
        "设有少儿阅览区和自习区，每天开放到晚上九点钟。\n"
        "县教育局召开新闻发布会——\n"
        "通报全县乡村学校食堂改造和冷库设备的添置情况\n"
        "8月25日上午，县教育局召开新闻发布会，通报了全\n"
        "县四十所乡村学校食堂的改造情况，并回答了提问。\n"
    )
    canteen = articles(page)[-1]
    assert canteen.kicker == "县教育局召开新闻发布会——"
    assert canteen.headline == "通报全县乡村学校食堂改造和冷库设备的添置情况"
    assert canteen.body.startswith("8月25日上午")


def test_block_headline_broken_before_its_last_character_and_column_name_stays_whole():
    page = (
        "乡村学校食堂换新\n"
        "颜（民生观察）\n"
        "县图书馆新馆开放\n"
        "　　全县四十所乡村学校的食堂已经全部完成改造，新添了冷\n"
        "库和消毒设备，每天的菜谱提前一周公布，家长可以随时查看。\n"
        "（本报记者 李华）\n"
        "　　县图书馆新馆昨日起向市民开放，馆内藏书十二万册，设\n"
        "有少儿阅览区和自习区，每天开放到晚上九点。\n"
    )
    canteen, library = articles(page)
    assert canteen.headline == "乡村学校食堂换新颜（民生观察）"
    assert library.headline == "县图书馆新馆开放"


def test_block_headline_broken_before_three_characters_and_column_name_stays_whole():
    # Three characters and the column name are no headline of their own either, though
    # the article never repeats them.
    page = (
        "把节约用水摆在优\n"
        "先位置（评论员观察）\n"
        "县图书馆新馆开放\n"
        "　　今年夏天全县降雨偏少，节约用水成了各乡镇的头等大\n"
        "事，农田灌溉推广滴灌，城区公园改用再生水浇灌绿地。\n"
        "（本报记者 李华）\n"
        "　　县图书馆新馆昨日起向市民开放，馆内藏书十二万册，设\n"
        "有少儿阅览区和自习区，每天开放到晚上九点。\n"
    )
    water, library = articles(page)
    assert water.headline == "把节约用水摆在优先位置（评论员观察）"
    assert library.headline == "县图书馆新馆开放"


def test_quoted_headline_with_a_comma_under_a_kicker_ends_its_line():
    page = (
        "县图书馆新馆昨日起向市民开放，馆\n"
        "内藏书十二万册，每天开放到晚上九\n"
        "点。\n"
        "县第一中学——\n"
        "“食堂有问题，就找家长委员会”\n"
        "“食堂有问题，找家长委员会说。”\n"
        "这是县第一中学家长常说的一句话。学\n"
        "校每月都请家长代表进后厨查看。\n"
    )
    school = articles(page)[-1]
    assert school.kicker == "县第一中学——"
    assert school.headline == "“食堂有问题，就找家长委员会”"
    assert school.body.startswith("“食堂有问题，找家长委员会说。”")


def test_inline_headline_exactly_as_wide_as_its_column_is_not_body_text():
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十\n"
        "二万册，设有少儿阅览区和自习区，每天开放\n"
        "到晚上九点。\n"
        "乡村学校食堂完成改造\n"
        "全县四十所乡村学校的\n"
        "食堂已经全部完成改造\n"
        "，新添了冷库和消毒设\n"
        "备。乡村学校食堂的菜\n"
        "谱每周提前公布。\n"
    )
    library, canteen = articles(page)
    assert library.headline == "县图书馆新馆开放"
    assert canteen.headline == "乡村学校食堂完成改造"
    assert canteen.body.startswith("全县四十所")


def test_line_as_wide_as_the_column_that_breaks_a_word_is_body_text():
    # Without its headline the article opens with an unpunctuated line as wide as its column,
    # but the column edge broke a word there (举 / 行), so that line is no headline.
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十\n"
        "二万册，设有少儿阅览区和自习区，每天开放\n"
        "到晚上九点。\n"
        "乡村学校食堂改造验收会议日前举\n"
        "行。全县四十所乡村学校的食堂已\n"
        "经全部完成改造，新添了冷库和消\n"
        "毒设备，食堂改造验收会议认为改\n"
        "造质量良好。\n"
    )
    library, canteen = articles(page)
    assert canteen.headline is None
    assert canteen.body.startswith("乡村学校食堂改造验收会议日前举行")


def test_two_line_inline_headline_as_wide_as_its_column_is_not_body_text():
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十\n"
        "二万册，设有少儿阅览区和自习区，每天开放\n"
        "到晚上九点。\n"
        "乡村学校食堂完成改造\n"
        "冷库消毒设备全部到位\n"
        "全县四十所乡村学校的\n"
        "食堂已经全部完成改造\n"
        "，冷库和消毒设备全部\n"
        "到位。乡村学校食堂的\n"
        "菜谱每周提前公布。\n"
    )
    canteen = articles(page)[-1]
    assert canteen.headline == "乡村学校食堂完成改造冷库消毒设备全部到位"
    assert canteen.body.startswith("全县四十所")


def test_decree_number_over_its_promulgation_text_is_body_text():
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十二万册，\n"
        "每天开放到晚上九点。\n"
        "校园食品安全管理办法\n"
        "某某县人民政府令\n"
        "第12号\n"
        "《校园食品安全管理办法》已经县人民政府常\n"
        "务会议通过，现予公布，自明年一月一日起施\n"
        "行。\n"
    )
    decree = articles(page)[-1]
    assert decree.headline == "校园食品安全管理办法"
    assert decree.body.startswith("某某县人民政府令\n第12号\n《校园食品安全管理办法》")


def test_headline_with_comma_and_column_name_under_a_wider_column_heads_the_next_article():
    # The headline fills the column of the article it heads; the column above is wider.
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十二万册，\n"
        "设有少儿阅览区和自习区，每天开放到晚上九点钟。\n"
        "食堂建好，更要管好（民生观察）\n"
        "全县四十所乡村学校的食堂已经全\n"
        "部完成改造，新添了冷库和消毒设\n"
        "备，每周的菜谱都提前一周公布。\n"
    )
    library, canteen = articles(page)
    assert canteen.headline == "食堂建好，更要管好（民生观察）"
    assert canteen.body.startswith("全县四十所")


def test_line_as_wide_as_the_column_that_opens_a_quotation_is_body_text():
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十\n"
        "二万册，设有少儿阅览区和自习区，每天开放\n"
        "到晚上九点。\n"
        "“乡村食堂全部改造\n"
        "家长都说好。”全县\n"
        "四十所乡村食堂已经\n"
        "全部改造，乡村食堂\n"
        "的菜谱每周提前公布\n"
        "。\n"
    )
    canteen = articles(page)[-1]
    assert canteen.body.startswith("“乡村食堂全部改造家长都说好。”")


def test_heading_wider_than_the_column_below_and_narrower_than_the_one_above_heads_it():
    # A headline with a comma set between a wide column and a narrow one fills neither.
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十二万册，设\n"
        "有少儿阅览区和自习区，每天开放到晚上九点钟，市民可\n"
        "以凭身份证免费办理借阅卡，每人每次最多借五本书，还\n"
        "可以在网上预约座位。新馆共有三层，一层是报刊阅览室\n"
        "和少儿阅览区，二层是图书借阅区，三层是自习区和展厅\n"
        "，展厅正在展出历史文化图片，欢迎全县市民前来参观。\n"
        "守住底线、办好食堂，护好健康\n"
        "全县四十所乡村学校的食\n"
        "堂已经全部完成改造，新\n"
        "添了冷库和消毒设备，每\n"
        "周的菜谱都提前公布出来\n"
        "，家长可以随时到食堂查\n"
        "看，学生吃得放心，家长\n"
        "也更加放心。\n"
    )
    library, canteen = articles(page)
    assert canteen.headline == "守住底线、办好食堂，护好健康"
    assert canteen.body.startswith("全县四十所")
    assert "守住底线" not in library.body


def test_colon_at_the_column_edge_runs_on_into_the_quotation_it_opens():
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十二万\n"
        "册，设有少儿阅览区和自习区，每天开放到晚上九\n"
        "点钟，市民可以凭身份证免费办理借阅卡。\n"
        "县长在全县教育工作会议上强调：\n"
        "“要把每一所乡村学校都办成家\n"
        "门口的好学校。”今年全县新建\n"
        "乡村学校五所，改造校舍三万平\n"
        "方米，新添了冷库和消毒设备。\n"
    )
    library, schools = articles(page)
    assert schools.body.startswith("县长在全县教育工作会议上强调：“要把每一所")
    assert "强调" not in library.body


def test_dash_opening_a_full_line_under_a_full_line_with_a_comma_is_body_text():
    page = (
        "实弹射击练精兵\n"
        "　　一次海上实弹射击训练中，\n"
        "空中目标来袭超出了预料，那\n"
        "一天的训练，目标来得又快又\n"
        "——目标靶机以平时两倍的速\n"
        "度径直抵近，炮手迅速调整射\n"
        "角，一举命中目标。\n"
    )
    [item] = articles(page)
    assert item.sections == ()
    assert "又快又——目标靶机" in item.body


LED_PAGE = (
    "全县推进教育优质均衡发展\n"
    "　　■ 今年以来，全县新建和改扩建乡村\n"
    "学校十二所，两千多名学生走进了宽敞明\n"
    "亮的新教室，乡村学校的办学条件明显改\n"
    "善，城乡之间的差距正在一步步缩小，县\n"
    "里还为每所乡村学校配齐了音乐、美术和\n"
    "体育教师，开齐开足了国家规定的课程，\n"
    "学生们在家门口就能上好学，家长们都说\n"
    "这是实实在在的好事，越来越多的外出务\n"
    "工人员把孩子接回家乡读书\n"
    "　　■ 下一步，全县将继续加大投入，让\n"
    "每个孩子都能享有公平而有质量的教育\n"
    "　　本报北京7月15日电（记者李华）记者\n"
    "从县教育局获悉，今年以来全县新建和改\n"
    "扩建乡村学校十二所，两千多名学生走进\n"
    "了宽敞明亮的新教室。\n"
    "　　县教育局负责人表示，明年还将继续\n"
    "加大投入。\n"
)


def test_long_bullet_points_without_final_marks_are_the_lead_not_a_headline_block():
    [item] = articles(LED_PAGE)
    assert item.headline == "全县推进教育优质均衡发展"
    assert item.body.startswith("■今年以来，全县新建")


def test_dateline_under_bullet_points_continues_their_article():
    page = (
        "县图书馆新馆开放\n"
        "　　本报讯 县图书馆新馆昨日起向市民开放，馆内\n"
        "藏书十二万册，设有少儿阅览区和自习区，每天开放\n"
        "到晚上九点。\n"
        "　　市民可以凭身份证免费办理借阅卡。\n"
        "　　通讯员 张三\n"
    ) + LED_PAGE
    library, schools = articles(page)
    assert schools.headline == "全县推进教育优质均衡发展"
    assert "本报北京7月15日电" in schools.body


def test_lines_over_the_first_paragraph_head_it_when_later_headlines_carry_column_names():
    page = (
        "县医院开设护理专科门诊\n"
        "延伸优质服务（健康焦点）\n"
        "　　县医院近日开设伤口造口、糖尿病\n"
        "等护理专科门诊，由专科护士坐诊，为\n"
        "患者提供更好的护理服务。\n"
        "把温度带到病床边（无影灯）\n"
        "　　护士的一句问候，能让患者安心不\n"
        "少。希望有关部门关注护士身心健康，\n"
        "让她们有更多时间贴近患者。\n"
        "大暑养生重养心（中医养生）\n"
        "　　大暑是一年中最热的时期，暑湿之\n"
        "气容易乘虚而入，饮食宜清淡，多吃水\n"
        "果蔬菜，保证充足的睡眠。\n"
    )
    clinic, nurses, summer = articles(page)
    heading = "".join(x for x in (clinic.kicker, clinic.headline, clinic.subheadline) if x)
    assert heading == "县医院开设护理专科门诊延伸优质服务（健康焦点）"
    assert nurses.headline == "把温度带到病床边（无影灯）"
    assert summer.headline == "大暑养生重养心（中医养生）"


def test_line_that_only_looks_like_a_numbered_heading_carries_on_the_sentence_above():
    page = (
        "儿科医生的一周\n"
        "　　本报讯 儿科门诊一年到头都很忙\n"
        "，医生们几乎没有休息的时候。\n"
        "　　平时每天都要坐诊出诊，周\n"
        "六、周日还要值班……这就是县\n"
        "医院儿科主任的工作节奏。\n"
    )
    [item] = articles(page)
    assert item.sections == ()
    assert "出诊，周六、周日还要值班" in item.body


def test_question_headline_closed_by_a_column_name_is_not_the_paragraph_start():
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十二\n"
        "万册，设有少儿阅览区和自习区。\n"
        "什么树适合种在校园里？（把自然讲给你听）\n"
        "适 合 种 在 校 园 里 的 树 要 好 养 活 、 少 病\n"
        "虫 ， 还 要 能 遮 阴 ， 香 樟 和 银 杏 都 是 不\n"
        "错 的 选 择 。\n"
    )
    library, trees = articles(page)
    assert trees.headline == "什么树适合种在校园里？（把自然讲给你听）"
    assert trees.body.startswith("适合种在校园里的树")


def test_three_unpunctuated_heading_lines_closed_by_a_column_name_head_the_article():
    page = (
        "县图书馆新馆开放\n"
        "　　县图书馆新馆昨日起向市民开放，馆\n"
        "内藏书十二万册，设有少儿阅览区和自\n"
        "习区。\n"
        "　　（作者为县图书馆馆长）\n"
        "为乡村振兴提供坚强人才保证\n"
        "推动职业教育走进田间地头（\n"
        "专题深思）\n"
        "　　县职业中专今年开设了农\n"
        "村电商和智慧农业两个专业，\n"
        "首批招收学生一百二十名。\n"
    )
    library, school = articles(page)
    heading = "".join(x for x in (school.kicker, school.headline, school.subheadline) if x)
    assert heading == "为乡村振兴提供坚强人才保证推动职业教育走进田间地头（专题深思）"
    assert school.body.startswith("县职业中专")


def test_line_ending_in_a_short_name_defined_in_brackets_is_body_text():
    page = (
        "　　　　县职业中专服务乡村振兴\n"
        "县职业技术教育中心（简称“县职中”）\n"
        "始终坚持面向农村办学，开设了农村电商\n"
        "和智慧农业两个专业，首批招收学生一百\n"
        "二十名，为乡村培养了一批技能人才。\n"
    )
    [item] = articles(page)
    assert item.headline == "县职业中专服务乡村振兴"
    assert item.body.startswith("县职业技术教育中心（简称“县职中”）始终坚持")


def test_lead_paragraph_with_hanging_commas_under_a_headline_block_stays_body():
    # The commas hanging past the column edge make the lines above the first sentence end
    # look wider than the paragraph's other lines.
    page = (
        "县职业中专开启乡村振兴新篇章\n"
        "县职业技术教育中心位于县城东部地区\n"
        "始建于一九八五年占地面积约2.5万平\n"
        "方米，开设农村电商、智慧农业等专业\n"
        "为全县乡村振兴培养了大批技能型人才，\n"
        "学校坚持面向农村办学走出了产教融合，\n"
        "校企合作的新路子毕业生的就业率很高，\n"
        "学生满意度逐年提升。\n"
    )
    [item] = articles(page)
    assert item.headline == "县职业中专开启乡村振兴新篇章"
    assert item.body.startswith("县职业技术教育中心位于县城东部")


def test_first_line_of_a_bullet_under_the_headlines_is_body_text():
    # The OCR space after ■ takes column space the cleaned line no longer shows, and the
    # line below hangs its full stop past the edge.
    page = (
        "乡村学校添新貌\n"
        "县图书馆新馆开放\n"
        "■ 全县今年新建乡村学校五所，改造校\n"
        "舍三万平方米，还为学校新添了冷库设备。\n"
        "县教育局表示，明年还将继续加大投入，\n"
        "让每个孩子都能在家门口上好学。\n"
    )
    [schools] = articles(page)
    assert schools.body.startswith("■全县今年新建乡村学校五所")
    assert schools.headline == "乡村学校添新貌"


def test_indented_first_line_filling_the_column_and_ending_in_brackets_is_body_text():
    page = (
        "县职业中专举行毕业典礼\n"
        "　　县职业中专昨日举行毕业\n"
        "典礼，三百名学生顺利毕业，校\n"
        "长为毕业生代表颁发了毕业证书\n"
        "，勉励大家扎根家乡创业。\n"
        "　　县职业中专（县技工学校）\n"
        "今年共有三百名学生毕业，其中\n"
        "两百人已经与本地企业签约。\n"
    )
    [item] = articles(page)
    assert item.sections == ()
    assert "县职业中专（县技工学校）今年共有" in item.body


def test_title_marks_open_at_a_short_line_end_carry_on_into_the_next_line():
    page = (
        "校园歌曲唱响新学期\n"
        "　　新学期开学第一天，全县中小学举\n"
        "行了开学典礼，师生们齐声合唱校歌。\n"
        "校园歌曲《山里的光啊》《明天会\n"
        "更好》唱出了师生们心中的心声，这\n"
        "些作品为开学营造了良好的氛围。\n"
    )
    [item] = articles(page)
    assert item.sections == ()
    assert "《明天会更好》唱出" in item.body


def test_letter_heading_opens_a_new_article_above_its_salutation():
    page = (
        "本报讯 县图书馆新馆昨日起向市民开\n"
        "放，馆内藏书十二万册，设有少儿阅览\n"
        "区和自习区，每天开放到晚上九点。\n"
        "回  信\n"
        "县实验小学的同学们：\n"
        "你们好！来信收悉。得知你们在家门口\n"
        "的图书馆里读到了喜欢的书，我很高兴\n"
        "。希望你们多读书、读好书。\n"
    )
    library, letter = articles(page)
    assert "回信" not in library.body and "同学们" not in library.body
    assert letter.sections == ("回信",)
    assert letter.body.startswith("县实验小学的同学们：\n你们好！")


def test_report_under_a_letters_closing_dateline_continues_the_letters_article():
    page = (
        "县长给山区小学师生回信\n"
        "鼓励孩子们好好读书\n"
        "　　回  信\n"
        "　　山区小学的老师和同学们：\n"
        "　　你们寄来的照片我看了，学校新建\n"
        "了图书室，孩子们每天都能读到新书，\n"
        "我很高兴。希望你们多读书、读好书。\n"
        "　　李  明\n"
        "　　2023年5月8日\n"
        "　　（本报河东5月9日电）\n"
        "　　本报河东5月9日电  县长李明8日给\n"
        "山区小学师生回信，鼓励孩子们好好读\n"
        "书，长大建设家乡。\n"
        "村里修起新水渠\n"
        "　　本报河东5月9日电  村里新修的水渠\n"
        "昨日通水，三百亩农田用上了自流灌溉。\n"
    )
    letter, canal = articles(page)
    assert letter.headline == "县长给山区小学师生回信鼓励孩子们好好读书"
    assert letter.sections == ("回信",)
    # The signature and date stay in the letter, not a heading of the report under it;
    # the bracketed dateline under them is a note, as under any article.
    assert letter.body.endswith(
        "读好书。\n李明\n2023年5月8日\n"
        "本报河东5月9日电县长李明8日给山区小学师生回信，鼓励孩子们好好读书，长大建设家乡。")
    assert letter.byline == "本报河东5月9日电"
    # The same dateline under an ordinary paragraph still opens the next report.
    assert canal.headline == "村里修起新水渠"
    assert canal.body.startswith("本报河东5月9日电村里新修的水渠")


def test_repeated_dateline_without_a_heading_above_it_is_a_second_report_of_one_article():
    page = (
        "县长分别会见两地客商\n"
        "　　本报河东5月9日电  县长李明9日上午\n"
        "会见了河西农机公司董事长一行，双方就\n"
        "农机租赁合作交换了意见。\n"
        "　　王红参加会见。\n"
        "　　本报河东5月9日电  县长李明9日下午\n"
        "会见了南山茶叶协会会长一行，介绍了本\n"
        "县茶园的发展情况。\n"
        "村里修起新水渠\n"
        "　　本报河东5月9日电  村里新修的水渠\n"
        "昨日通水，三百亩农田用上了自流灌溉。\n"
    )
    meetings, canal = articles(page)
    assert meetings.headline == "县长分别会见两地客商"
    assert meetings.body.endswith(
        "县长李明9日下午会见了南山茶叶协会会长一行，介绍了本县茶园的发展情况。")
    assert "王红参加会见。" in meetings.body
    # The same dateline under a printed headline opens that headline's article.
    assert canal.headline == "村里修起新水渠"


def test_repeated_dateline_sharing_nothing_with_the_headline_above_opens_a_headless_report():
    # The same agency and day, but the second report is about something else and has no
    # headline of its own on the page: it is an article of its own.
    page = (
        "村里修起新水渠\n"
        "　　本报讯  村里新修的水渠昨日通水，三\n"
        "百亩农田用上了自流灌溉。\n"
        "县政协召开常委会议协商乡村教育\n"
        "　　本报河东5月9日电  县政协常委会议9日\n"
        "召开，围绕乡村教育协商议政。常委们建议\n"
        "加大乡村学校投入，稳定乡村教师队伍。\n"
        "　　会议由县政协主席主持。\n"
        "　　本报河东5月9日电  9日，副县长周明\n"
        "在县城会见远道而来的南山茶商代表团。\n"
        "　　周明表示，欢迎茶商来县里投资兴业，\n"
        "共享发展机遇。\n"
    )
    _, council, visit = articles(page)
    assert council.headline == "县政协召开常委会议协商乡村教育"
    assert council.body.endswith("会议由县政协主席主持。")
    assert visit.headline is None
    assert visit.body.startswith("本报河东5月9日电")


def test_heading_over_a_one_line_opening_goes_with_the_column_that_follows():
    page = (
        "县里新建三座污水处理站\n"
        "　　本报河东5月9日电  记者王芳报道\n"
        "：县里新建的三座污水处理站日前投\n"
        "入运行，每天可处理生活污水一万吨\n"
        "，沿河五个乡镇的污水实现了集中处\n"
        "理。\n"
        "抢修设施、全面消毒——\n"
        "受灾学校按时迎来开学日\n"
        "　　“老师早！”“同学们早！”\n"
        "　　周一早上，山区小学五年级学生李小红早早\n"
        "来到教室：“我想快点见到老师和同学们。”一\n"
        "周前，这里还住着从河边搬来的三十户村民，操\n"
        "场上搭满了帐篷。\n"
        "　　村民回家后，老师们连夜打扫教室、搬运课\n"
        "桌，赶在周一前把教室收拾停当。\n"
    )
    plant, school = articles(page)
    assert plant.sections == () and plant.body.endswith("实现了集中处理。")
    assert (school.kicker, school.headline) == ("抢修设施、全面消毒——", "受灾学校按时迎来开学日")
    assert school.body.startswith("“老师早！”“同学们早！”\n周一早上")


def test_photo_title_inside_the_text_opens_a_photo_item_without_credit():
    page = (
        "县长会见两地客商\n"
        "　　本报河东5月9日电  县长李明9日会见了河西\n"
        "农机公司董事长一行，双方就农机租赁合作交换\n"
        "了意见，并商定下月在县里举办农机展示会。\n"
        "图片报道\n"
        "　　5月8日，一艘满载农资的货船驶入河东港。\n"
        "该船从上游的河西港出发，航行三天，运来化肥\n"
        "两千吨，可满足全县春耕用肥需要。\n"
        "村里修起新水渠\n"
        "　　本报河东5月9日电  村里新修的水渠昨日通\n"
        "水，三百亩农田用上了自流灌溉。\n"
    )
    meeting, ship, canal = articles(page)
    assert meeting.sections == () and meeting.body.endswith("举办农机展示会。")
    assert ship.headline == "图片报道" and ship.body.startswith("5月8日，一艘满载农资")
    assert canal.headline == "村里修起新水渠"


def test_two_line_paragraph_trailing_off_in_an_ellipsis_is_text_not_a_sub_head():
    page = (
        "各地伸出援手助灾区重建\n"
        "　　洪水过后，各地纷纷伸出援手。施工\n"
        "队抢修道路，医疗队走村入户，志愿者\n"
        "把米面油送到安置点。\n"
        "　　村里的党员带头清淤、修补房屋和\n"
        "帮邻居抢收庄稼……\n"
        "　　一方有难、八方支援。如今受灾村\n"
        "庄的生活正在一天天恢复原样。\n"
    )
    [item] = articles(page)
    assert item.sections == ()
    assert "\n村里的党员带头清淤、修补房屋和帮邻居抢收庄稼……\n" in item.body


def test_signature_and_date_closing_a_decree_stay_with_it_not_the_next_heading():
    page = (
        "河东县人民政府令\n"
        "　　《河东县农村饮水工程管理办法》已经\n"
        "县政府常务会议通过，现予公布，自2023\n"
        "年10月1日起施行。\n"
        "　　县长  李明\n"
        "　　2023年9月1日\n"
        "村里修起新水渠\n"
        "　　本报河东9月1日电  村里新修的水渠昨\n"
        "日通水，三百亩农田用上了自流灌溉。\n"
    )
    decree, canal = articles(page)
    assert decree.headline == "河东县人民政府令"
    assert decree.body.endswith("起施行。\n县长李明\n2023年9月1日")
    assert canal.headline == "村里修起新水渠"


def test_dated_closing_of_a_statement_stays_with_it_and_its_dateline_still_ends_it():
    page = (
        "河东县与河西县友好合作协议\n"
        "　　两县同意在农业技术、职业教育和文化\n"
        "旅游等领域开展合作，每年轮流举办一次\n"
        "合作交流会。\n"
        "　　2023年5月8日于河东\n"
        "　　（本报河东5月8日电）\n"
        "两县结对十年\n"
        "　　今天是两县结为友好县十周年的日子\n"
        "。十年来，两县的学校结成了三十对姊妹\n"
        "校，互派教师一百多人次。\n"
    )
    statement, anniversary = articles(page)
    assert statement.body.endswith("合作交流会。\n2023年5月8日于河东")
    assert statement.sections == () and statement.byline == "本报河东5月8日电"
    assert anniversary.headline == "两县结对十年"
    assert anniversary.body.startswith("今天是两县结为友好县十周年的日子。")


def test_unpunctuated_full_line_over_a_sentence_opening_with_its_date_is_a_heading():
    page = (
        "县里修起新水渠\n"
        "村里新修的水渠昨日通水，三百亩\n"
        "农田用上了自流灌溉，每亩地一年\n"
        "能省下两百多元的抽水电费。\n"
        "县防汛指挥部部署汛期准备工作\n"
        "\n"
        "5月8日，县防汛指挥部召开会议，\n"
        "部署汛期各项准备工作，要求各乡\n"
        "镇在月底前完成堤防和水库的隐患\n"
        "排查，汛期实行二十四小时值班。\n"
    )
    items = articles(page)
    body = "\n".join(it.body for it in items)
    assert "\n5月8日，县防汛指挥部召开会议" in body and "准备工作5月8日" not in body
    assert "县防汛指挥部部署汛期准备工作" in [
        h for it in items for h in (it.headline, *it.sections)]


def test_line_starting_with_tu_wei_after_a_line_ending_in_shi_is_no_caption():
    # 试图为 broken after 试: the next line only looks like a caption (图为…).
    page = (
        "县里公布养殖场调查结果\n"
        "　　近来有人在网上试\n"
        "图为违规占地的养殖场\n"
        "辩解，县农业农村局昨\n"
        "日公布了调查结果，养\n"
        "殖场已按规定整改。\n"
    )
    [item] = segment_text(page).items
    assert item.kind == "article" and item.headline == "县里公布养殖场调查结果"
    assert item.body.startswith("近来有人在网上试图为违规占地的养殖场辩解")


def test_salutation_ending_in_a_comma_opens_the_speech_not_its_heading():
    page = (
        "在河东县职业教育活动周开幕式上的致辞\n"
        "（2023年5月8日，河东）\n"
        "　　尊敬的各位来宾，\n"
        "　　各位同行，\n"
        "\n"
        "　　老师们，同学们：\n"
        "　　春风送暖，很高兴和大家相聚河东，共同\n"
        "迎接职业教育活动周。首先，我代表县委、县\n"
        "政府，对各位来宾表示热烈欢迎！\n"
    )
    [speech] = articles(page)
    assert speech.headline.startswith("在河东县职业教育活动周开幕式上的致辞")
    assert speech.body.startswith("尊敬的各位来宾，\n各位同行，\n老师们，同学们：\n春风送暖")


def test_one_line_paragraph_as_wide_as_the_next_column_opens_the_article_set_in_it():
    page = (
        "县图书馆新馆开放\n"
        "一封家书见证乡村教师的坚守\n"
        "县图书馆新馆昨日起向市民开放，馆内藏书十二万册，\n"
        "设有少儿阅览区和自习区，每天开放到晚上九点钟。\n"
        "在县档案馆，保留着一封家书。\n"
        "“我报名到山里教书，一定要把\n"
        "孩子们教好。”这封家书写于四\n"
        "十年前，写信人是一位乡村教师\n"
        "，如今他的学生已遍布全国。\n"
    )
    library, letter = articles(page)
    assert library.body.endswith("每天开放到晚上九点钟。")
    assert letter.body.startswith("在县档案馆，保留着一封家书。")


def test_column_name_broken_over_two_block_lines_closes_its_heading_group():
    # Two pieces run together in one column: one heading group at most goes to the text,
    # never both glued into one headline.
    page = (
        "乡村学校的种菜能手（我们\n"
        "这里的年轻人）\n"
        "书香满城遂昌县（我与一座城）\n"
        "　　清晨，乡村学校的菜园里，年轻的李老师带着学生\n"
        "们给蔬菜浇水。种菜课已经开了三年，学生们个个都成\n"
        "了种菜能手，这位年轻人也成了远近闻名的种菜能手。\n"
        "　　遂昌是一座书香之城，县图书馆的分馆开到了每个\n"
        "乡镇，满城书香，遂昌县读书的人越来越多，遂昌也越\n"
        "来越有书香味。\n"
    )
    [item] = articles(page)
    assert item.headline == "乡村学校的种菜能手（我们这里的年轻人）"


def test_headline_of_two_parts_set_apart_is_not_body_text_however_wide():
    # The headline's parts fill exactly the column of the paragraph under it: only the gap
    # between them tells it is no line of that paragraph.
    page = (
        "县图书馆新馆开放\n"
        "县图书馆新馆昨日起向市民开放，馆内\n"
        "藏书十二万册，每天都开放到晚上九点。\n"
        "乡村学校添了新貌  师生们的笑容更灿烂\n"
        "乡村学校添了新貌，全县今年新建乡村\n"
        "学校五所，乡村学校的新貌让师生们的\n"
        "笑容更灿烂了。\n"
    )
    units = [(u.kind, u.text) for u in _layout(page).units]
    assert ("short", "乡村学校添了新貌师生们的笑容更灿烂") in units
    assert units[-1] == ("para", "乡村学校添了新貌，全县今年新建乡村学校五所，"
                                 "乡村学校的新貌让师生们的笑容更灿烂了。")


def test_editors_signature_never_opens_an_article():
    # The signature closes the editor's note, and the note introduces the report under it,
    # even where one heading line matches the note (the series) and another the report.
    page = (
        "县图书馆新馆开放\n"
        "智慧建造\n"
        "提升能力（走进大国工程现场）\n"
        "本报讯 县图书馆新馆昨日起向市民开放，馆内藏书十二万册，设\n"
        "有少儿阅览区和自习区，每天开放到晚上九点，市民可凭身份证\n"
        "免费办理借阅卡。\n"
        "本版今起推出“走进大国工程现场”系列报\n"
        "道，带大家走进大国工程现场。\n"
        "——编  者\n"
        "县城新机场的航站楼用上了智慧建造的新\n"
        "办法，智慧建造让工期缩短了三个月，智\n"
        "慧建造的传感器让数据实时上传。\n"
    )
    library, airport = articles(page)
    assert airport.body.startswith("本版今起推出")
    assert airport.body.endswith("智慧建造的传感器让数据实时上传。")


def test_pull_quote_stays_with_the_commentary_that_repeats_it():
    # A commentary opens with one of its own sentences printed as a lead, without its full
    # stop; the sentence recurs word for word further down, which ties the lead to the
    # paragraph under it instead of leaving it a heading or an item of its own.
    page = (
        "让夜市亮起来（时评）\n"
        "　办好社区食堂（纵横）\n"
        "老人吃饭的小事，连着民\n"
        "生的大事，办好它要算长\n"
        "远账\n"
        "城东社区食堂开张一年，每\n"
        "天接待老人四百多人次，一\n"
        "份两荤一素的套餐只要十二\n"
        "元。不少老人说，家门口就\n"
        "能吃上热乎饭。\n"
        "食堂的难处在于成本。房租、\n"
        "人工和食材价格都在上涨，\n"
        "光靠补贴难以为继。老人吃\n"
        "饭的小事，连着民生的大事\n"
        "，办好它要算长远账，也要\n"
        "算民心账。\n"
    )
    units = [(u.kind, u.text) for u in _layout(page).units]
    assert ("para", "老人吃饭的小事，连着民生的大事，办好它要算长远账\n"
                    "城东社区食堂开张一年，"
                    "每天接待老人四百多人次，一份两荤一素的套餐只要十二元。不少老人说，"
                    "家门口就能吃上热乎饭。") in units
    canteen = articles(page)[0]
    assert canteen.headline == "办好社区食堂（纵横）"
    assert canteen.body.startswith("老人吃饭的小事，连着民生的大事，办好它要算长远账\n")
    assert canteen.body.endswith("老人吃饭的小事，连着民生的大事，办好它要算长远账，也要算民心账。")


def test_number_broken_over_two_block_lines_binds_them_into_one_heading_group():
    # The block's width split 3200 after its first digit: the second line is no headline
    # of its own, nor the kicker of the headline under it.
    assert _bound("县农博会签约总额超3", "200万元")
    assert not _bound("县农博会签约总额超3000万元", "乡村学校添了新貌")
    assert not _bound("签约项目达到42", "乡村学校添了新貌")


def test_line_under_a_kicker_sticking_out_past_the_column_is_the_headline():
    # Under a kicker ending in ——, a line wider than the column below it cannot be a line
    # of that column, comma or not, even where the line under it is nearly as wide.
    page = (
        "县里第三届乡村文化节开幕——\n"
        "　山歌对唱，共赏乡土风情美\n"
        "\n"
        "各 村 的 山 歌 队 、 秧 歌 队 和 舞 龙\n"
        "队轮番登台，吸引了上万名村\n"
        "民和游客前来观看。文化节持\n"
        "续三天，还设有农产品展销区\n"
        "和非遗体验区，游客可以在现\n"
        "场学做竹编和剪纸。\n"
    )
    (fest,) = articles(page)
    assert fest.kicker == "县里第三届乡村文化节开幕——"
    assert fest.headline == "山歌对唱，共赏乡土风情美"
    assert fest.body.startswith("各村的山歌队、秧歌队和舞龙队轮番登台，")


def test_page_mailbox_after_the_last_article_is_an_item_of_its_own():
    # Even without an editors' line over it, the page's mailbox is no note of the article
    # above; under a call for contributions it is that call's last word.
    report = (
        "乡村学校添了新貌\n"
        "　　全县今年新建乡村学校五所，改造校舍\n"
        "三万平方米，乡村学校的新貌让师生们的笑\n"
        "容更灿烂了。\n"
        "　　（作者为县教育局干部）\n"
    )
    mailbox = "　　本版邮箱：xcjy@example.com\n（投稿请写明栏目）\n"
    school, box = segment_text(report + mailbox).items
    assert "邮箱" not in (school.byline or "") + school.body
    assert box.headline is None
    assert box.body == "本版邮箱：xcjy@example.com\n（投稿请写明栏目）"
    call = (
        "征稿启事\n"
        "　　“乡村课堂”栏目征集老师和家长的教学\n"
        "故事，欢迎投稿，每篇不超过一千字。\n"
    )
    (welcome,) = segment_text(call + mailbox).items
    assert "xcjy@example.com" in (welcome.byline or "") + welcome.body


def test_closing_line_as_wide_as_the_next_column_stays_above_a_dateline():
    # The wish closing the school report happens to be as wide as the library report's
    # column; that report begins with its dateline, so the wish is no line of it.
    page = (
        "　　全县今年新建乡村学校五所，改造校舍三万平方米，\n"
        "两千多名学生走进了宽敞明亮的新教室，县里还为每所\n"
        "学校配齐了音体美器材和图书。\n"
        "　　县教育局表示，明年将继续加大投入，再建三所寄\n"
        "宿制学校，让山区孩子在家门口就能上好学。\n"
        "祝愿孩子们在新的学校里快乐成长！\n"
        "　　本报讯 县图书馆新馆昨日起向\n"
        "市民开放，馆内藏书十二万册，设有\n"
        "少儿阅览区和自习区，每天开放到晚\n"
        "上九点，市民可凭身份证免费办理借\n"
        "阅卡。\n"
    )
    school, library = articles(page)
    assert school.body.endswith("让山区孩子在家门口就能上好学。\n祝愿孩子们在新的学校里快乐成长！")
    assert library.body.startswith("本报讯")


def test_readers_signature_broken_before_the_name_is_one_byline():
    # The column edge fell between the signature's source and the name; the name alone is
    # neither a heading nor the start of the next letter.
    page = (
        "村口垃圾堆该清一清（身边事）\n"
        "公交站台需要遮阳棚（建议）\n"
        "　　我家住在县城东边的小村，村口有一处\n"
        "露天垃圾堆放点，夏天气味很大，希望有关\n"
        "部门尽快清理。\n"
        "县政务网留言板网友  \n"
        "宋先生\n"
        "　　县城新建的几个公交站台都没有遮阳棚，\n"
        "夏天候车的老人和孩子晒得难受，建议尽快\n"
        "加装遮阳设施。\n"
        "江西南昌市  王林\n"
    )
    rubbish, shelter = articles(page)
    assert rubbish.byline == "县政务网留言板网友 宋先生"
    assert rubbish.body.endswith("部门尽快清理。")
    assert shelter.headline == "公交站台需要遮阳棚（建议）"
    assert shelter.byline == "江西南昌市 王林"


def test_caption_line_as_wide_as_its_narrow_column_carries_on():
    # The caption's column is narrower than the articles around it, so only the caption's
    # own first paragraph shows how wide its lines are.
    page = (
        "河东新建三座污水处理厂\n"
        "本报河东6月2日电  （记者张三）今年以来，河东县加快\n"
        "补齐环保设施短板，新建的三座污水处理厂日前全部投\n"
        "入运行，日处理能力合计达到三万吨，全县城镇生活污\n"
        "水集中收集率提高到百分之九十以上。县里还同步改造\n"
        "老旧管网四十公里，解决了部分片区雨污混流的问题。\n"
        "图片报道\n"
        "河 西 村 今 年 种 植 早 稻 八 百 亩 ， 采 用 新 品\n"
        "种和机插秧技术，长势一直很好。\n"
        "近 日 早 稻 迎 来 丰 收 ， 平 均 亩 产 增 加 1 2 ％\n"
        "以上，收成为历年最好。图为村民们在\n"
        "收割早稻。\n"
        "李四摄\n"
        "河东县举办首届农民运动会\n"
        "本报河东6月2日电  （记者王五）河东县首届农民运动\n"
        "会日前开幕，来自全县十二个乡镇的八百多名农民选手\n"
        "参加拔河、挑担、插秧等十个项目的比赛，现场观众超\n"
        "过三千人。运动会将持续三天，闭幕式上还将表彰一批\n"
        "热心支持农村体育事业的单位和个人。\n"
    )
    items = segment_text(page).items
    assert [it.kind for it in items] == ["article", "caption", "article"]
    cap = items[1]
    assert cap.headline == "图片报道" and cap.byline == "李四摄"
    assert cap.body.endswith(
        "\n近日早稻迎来丰收，平均亩产增加12%以上，收成为历年最好。图为村民们在收割早稻。")


def test_quoted_heading_under_a_paragraph_ending_at_the_column_edge():
    # The paragraph above ends exactly at the column edge, where only an indent would tell
    # a new paragraph; the quotation closed by a column name is a heading all the same.
    page = (
        "　　全县今年新建乡村学校\n"
        "五所，改造旧校舍近万平方\n"
        "米，惠及学生两千多名，办\n"
        "学条件明显改善群众满意。\n"
        "“让每个孩子都有学上的好\n"
        "学校”（一线观察）\n"
        "　　记者从河东县教育局获悉，今年上半年，全县\n"
        "新增学位三千个，新招聘乡村教师一百二十名。\n"
        "　　县教育局负责人表示，将继续加大投入，让每\n"
        "个孩子都能在家门口上好学，享受优质的教育。\n"
    )
    first, second = articles(page)
    assert first.body.endswith("学条件明显改善群众满意。")
    assert second.headline == "“让每个孩子都有学上的好学校”（一线观察）"
    assert second.body.startswith("记者从河东县教育局获悉")


def test_signed_pieces_of_one_feature_stay_one_article_on_a_block_page():
    page = (
        "乡村教师的坚守（基层故事）\n"
        "县里新建两座图书馆\n"
        "　　山里的孩子们，早已习惯了每天清晨第一个来到\n"
        "教室的身影。本版今天刊发三位记者的采访，讲述几位\n"
        "乡村教师的故事。\n"
        "一根粉笔写春秋\n"
        "　　清晨六点，河西小学的李老师已经站在校门口，\n"
        "迎接走了一个小时山路来上学的学生。他在这所学校\n"
        "教书已经三十年，送走了一届又一届毕业生。\n"
        "本报记者  张  三\n"
        "一间教室连山外\n"
        "　　河东小学的王老师把网络课堂搬进了山村，学生们\n"
        "通过屏幕和城里的孩子一起上音乐课、美术课，眼界\n"
        "一下子打开了。\n"
        "本报记者  李  四\n"
        "　　本报河东5月9日电  （记者王五）河东县新建的两\n"
        "座图书馆日前向公众开放，馆藏图书共十二万册，并\n"
        "设有少儿阅览室和自习区，每天开放十二个小时。\n"
    )
    feature, library = articles(page)
    assert feature.headline == "乡村教师的坚守（基层故事）"
    assert feature.sections == ("一根粉笔写春秋", "一间教室连山外")
    assert "送走了一届又一届毕业生。" in feature.body
    assert feature.body.endswith("眼界一下子打开了。")
    assert library.headline == "县里新建两座图书馆"


def test_readers_letters_signed_with_place_and_name_stay_apart_on_a_block_page():
    page = (
        "村口路灯该修了（身边事）\n"
        "县里新建两座图书馆\n"
        "　　我们村口的三盏路灯坏了两个多月，晚上出行很不\n"
        "方便，希望有关部门尽快派人维修。\n"
        "河东县  张  三\n"
        "快递驿站应规范管理\n"
        "　　小区里的快递驿站经常把包裹堆在门外，遇到下雨\n"
        "天就被淋湿，建议加强管理。\n"
        "河西市  李  四\n"
        "　　本报河东5月9日电  （记者王五）河东县新建的两\n"
        "座图书馆日前向公众开放，馆藏图书共十二万册，并\n"
        "设有少儿阅览室和自习区，每天开放十二个小时。\n"
    )
    lamps, parcels, library = articles(page)
    assert lamps.headline == "村口路灯该修了（身边事）" and lamps.byline == "河东县 张 三"
    assert parcels.headline == "快递驿站应规范管理" and parcels.byline == "河西市 李 四"
    assert library.headline == "县里新建两座图书馆"


def test_segmenting_does_not_depend_on_the_hash_seed(shared_data, tmp_path):
    # A rendered real page whose headline assignment once flipped with the hash seed: float
    # sums over sets of grams were taken in set order.
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import segmentation as bench

    rng = random.Random(1)
    chosen = rng.sample(bench.load_pages({10, 11}), 500)
    for recs in chosen[:470]:
        text, _, _ = bench.render_page(recs, rng)
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    outputs = set()
    for seed in ("0", "2"):
        done = subprocess.run([sys.executable, "-m", "summarizer", "segment", str(page)],
                              capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_benchmark_sets_aside_one_truth_line_per_sub_head():
    # The sub-head “天大地大” and, further down, the paragraph “天大地大！” normalise alike:
    # the sub-head excuses one of the two truth lines, not both.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import segmentation as bench

    truth = bench.Truth("article", "他说了很多。\n“天大地大”\n他又说。\n“天大地大！”\n完。",
                        "", "")
    item = Item(id="1", kind="article", body="他说了很多。\n他又说。\n“天大地大！”\n完。",
                sections=("“天大地大”",))
    dropped = Item(id="1", kind="article", body="他说了很多。\n他又说。\n完。",
                   sections=("“天大地大”",))
    assert bench.matches(item, truth) and not bench.matches(dropped, truth)


# Each page keeps one sub-head apart from the paragraph under it. On the first, a line of
# full-width characters fills its column exactly, and the line under the sub-head stops one
# place short only because a digit leaves too little room for a character. On the second,
# joined to the question under it, the sub-head would look like a narrow column of its own
# and part the report in two.
@pytest.mark.parametrize("page, section, joined", [
    (
        (
            "河东乡村卫生室实现全覆盖\n"
            "河东县今年新建乡村卫生室四十二所，\n"
            "覆盖全县所有行政村，村民在家门口\n"
            "就能看上病、拿到药。县卫生健康局\n"
            "负责人介绍，新建卫生室统一标准、\n"
            "统一标识，每所配备全科医生一名。\n"
            "“过去头疼脑热要跑二十里山路，现\n"
            "在走几分钟就到了。”石桥村村民刘\n"
            "大爷说。\n"
            "补齐设备短板，守护村民健康安全\n"
            "\n"
            "目前，全县卫生室配备诊疗设备共5\n"
            "千台，心电图机、血糖仪等常用设备\n"
            "实现全覆盖，远程会诊系统连通县医\n"
            "院。\n"
            "县里还组织县医院医生定期下乡坐诊，\n"
            "每周至少两次，带教乡村医生，帮助\n"
            "他们提高诊疗水平。\n"
        ),
        "补齐设备短板，守护村民健康安全",
        "\n目前，全县卫生室配备诊疗设备共5千台，",
    ),
    (
        (
            "河东县推进中小学课后服务全覆盖\n"
            "本报讯 今年秋季学期起，河东县所有中小学全面\n"
            "开展课后服务，学生可自愿参加，每天服务时间不\n"
            "少于两个小时。\n"
            "师资统筹，课程更加丰富\n"
            "课后服务的老师从哪里来？\n"
            "县教育局负责人介绍，除本校教师外，县里还从文\n"
            "化馆、体育馆和科技馆聘请了一百多名专业人员，\n"
            "开设书法、篮球、编程等课程。\n"
            "“孩子在学校学了编程，回家还给我们讲。”家长\n"
            "刘女士说。\n"
        ),
        "师资统筹，课程更加丰富",
        "两个小时。\n课后服务的老师从哪里来？\n县教育局",
    ),
])
def test_sub_head_stays_apart_from_the_paragraph_under_it(page, section, joined):
    (article,) = articles(page)
    assert article.sections == (section,)
    assert joined in article.body


def test_place_ending_in_a_colon_over_a_headline_of_two_lines_is_its_kicker():
    # Taken for a paragraph introducing what follows, the place line would join the second
    # report to the first across the change of column.
    page = (
        "县里乡村学校食堂全部完成改造\n"
        "全县四十所乡村学校的食堂已经全部完成\n"
        "改造，新添了冷库和消毒设备，饭菜也更\n"
        "加丰富了。县教育局要求各校每周公开食\n"
        "谱，请家长代表轮流到食堂陪餐。\n"
        "“孩子在学校吃得好，我们在外面打工也\n"
        "放心。”家长王丽说。\n"
        "河西：\n"
        "送医下乡\n"
        "情暖山村\n"
        "每到周末，河西县人民医院的医生们就会背起\n"
        "药箱走进山村，为村民量血压、测血糖，讲解\n"
        "慢性病防治知识。今年以来，医院已组织义诊\n"
        "八十多场，服务村民两万多人次。\n"
        "“医生到家门口看病，方便多了。”七十多岁的\n"
        "村民赵大爷说。\n"
    )
    canteens, doctors = articles(page)
    assert canteens.body.endswith("家长王丽说。") and not canteens.sections
    assert (doctors.kicker, doctors.headline) == ("河西：", "送医下乡情暖山村")


def test_public_service_advert_credit_with_its_sponsor_set_apart_is_no_column_of_its_own():
    # The space before the sponsor makes the credit's first line a place narrower than the
    # advertisement's column.
    page = (
        "县里新建三座污水处理站\n"
        "县里新建的三座污水处理站本月投入运行，\n"
        "每天可处理污水一万吨，周边村庄的河水变\n"
        "清了。\n"
        "（王芳）\n"
        "节约用水从我做起\n"
        "珍惜每一滴水，让节水成为每个家庭的好\n"
        "习惯，一起守护家乡的绿水青山，让子孙\n"
        "后代都能喝上干净的水。\n"
        "河东日报社公益广告制作中心 河东\n"
        "水务集团有限公司\n"
    )
    plant, advert = articles(page)
    assert plant.body.endswith("周边村庄的河水变清了。")
    assert advert.body.endswith("上干净的水。\n河东日报社公益广告制作中心河东水务集团有限公司")


def test_province_in_brackets_at_the_column_edge_is_part_of_a_company_name_not_a_column_tag():
    page = (
        "河东新材料产业加快发展\n"
        "今年以来，河东县大力发展新材料产业，\n"
        "新引进企业十二家，产业园区年产值突破\n"
        "五十亿元。\n"
        "在县工业园区的绿源新材料科技（浙江）\n"
        "有限公司车间里，一卷卷新型薄膜正从生\n"
        "产线上下来，发往全国各地。\n"
        "公司负责人说，园区帮助企业对接高校和\n"
        "科研院所，新产品研发周期缩短了一半。\n"
    )
    (industry,) = articles(page)
    assert "\n在县工业园区的绿源新材料科技（浙江）有限公司车间里，" in industry.body


def test_second_report_repeating_the_dateline_and_first_words_under_a_block_stays_in_its_article():
    page = (
        "王明分别会见甲国教育部长和乙国文化部长\n"
        "县里新建三座污水处理站河水变清\n"
        "\n"
        "新华社北京5月9日电 国务委员王明5月9日下\n"
        "午在人民大会堂会见甲国教育部长李华。王明\n"
        "表示，中方愿同甲方加强教育交流合作，扩大\n"
        "互派留学生规模。\n"
        "李华表示，甲方愿同中方一道推动双方合作取\n"
        "得更多成果。\n"
        "新华社北京5月9日电 国务委员王明5月9日下\n"
        "午在人民大会堂会见乙国文化部长赵强。王明\n"
        "表示，双方文化交流源远流长，要办好文化年\n"
        "系列活动。\n"
        "赵强表示，乙方愿同中方深化文化合作，增进\n"
        "两国人民友谊。\n"
        "本报讯 县里新建的三座污水处理站本\n"
        "月投入运行，每天可处理污水一万吨，\n"
        "周边村庄的河水变清了。\n"
    )
    meetings, water = articles(page)
    assert meetings.headline == "王明分别会见甲国教育部长和乙国文化部长"
    assert meetings.body.count("新华社北京5月9日电") == 2
    assert meetings.body.endswith("增进两国人民友谊。")
    assert water.headline == "县里新建三座污水处理站河水变清"


def test_reader_signature_broken_inside_the_name_stays_whole_and_out_of_the_next_headline():
    page = (
        "村里篮球场该翻新了（身边事）\n"
        "　　我们村的篮球场建了十多年，地面开\n"
        "裂，篮架生锈，孩子们打球时常摔倒，\n"
        "希望有关部门尽快翻新。\n"
        "　　　　　　　　　　河东县  赵小\n"
        "东\n"
        "公交站牌应及时更新（建议）\n"
        "　　县城不少公交线路调整后，站牌还是\n"
        "老样子，乘客常常坐错车，建议有关部\n"
        "门及时更新。\n"
        "　　　　　　　　　　河西市  钱五\n"
    )
    court, signs = articles(page)
    assert court.byline == "河东县 赵小东"
    assert signs.headline == "公交站牌应及时更新（建议）" and signs.byline == "河西市 钱五"


def test_column_name_in_the_headline_block_heads_the_readers_letters_whose_titles_become_sections():
    page = (
        "县里新建三座污水处理站河水变清\n"
        "来论\n"
        "　　本报讯　县里新建的三座污水处理站本\n"
        "月投入运行，每天可处理污水一万吨，周\n"
        "边村庄的河水变清了。\n"
        "　　　　　　　　　　　　（王芳）\n"
        "　　小区垃圾分类要坚持\n"
        "　　河东县  孙立\n"
        "　　小区推行垃圾分类一年多，起初大家\n"
        "热情很高，近来有些居民又混着扔了，\n"
        "希望物业多做提醒。\n"
        "　　菜市场应延长开放时间\n"
        "　　河西市  周六\n"
        "　　不少上班族下班后赶到菜市场，摊位\n"
        "大多已经收了，建议菜市场晚上多开两\n"
        "个小时。\n"
    )
    water, letters = articles(page)
    assert water.headline == "县里新建三座污水处理站河水变清"
    assert letters.headline == "来论"
    assert letters.sections == ("小区垃圾分类要坚持", "菜市场应延长开放时间")


def test_subheadline_a_character_short_of_the_column_does_not_open_the_first_paragraph():
    page = (
        "乡村学校迎来新学期\n"
        "（教育观察）\n"
        "——河东县乡村学校新学期开学见闻录\n"
        "\n"
        "九月一日，河东县四十所乡村学校同时开\n"
        "学，新建的教学楼、图书室和食堂迎来了\n"
        "第一批学生。\n"
        "“新教室亮堂堂的，我们都很喜欢。”石\n"
        "桥小学五年级学生王小丽说。\n"
    )
    (schools,) = articles(page)
    assert schools.subheadline == "——河东县乡村学校新学期开学见闻录"
    assert schools.body.startswith("九月一日，")


def test_set_in_quotation_filling_the_column_below_carries_on_into_the_next_line():
    # The article above is set a character narrower: measured against its column, the
    # quotation looks wider than a line and its paragraph looks closed.
    page = (
        "县里新建三座污水处理站河水变清\n"
        "河东县扎实推进产业发展\n"
        "\n"
        "　　本报讯　县里新建的三座污水处理\n"
        "站本月投入运行，每天可处理污水一万\n"
        "吨，周边村庄的河水变清了。\n"
        "　　附近村民说，过去污水处理不好，\n"
        "河边臭味很重，现在河水变清了，常有\n"
        "人来河边散步。\n"
        "　　“把产业发展这件大事抓在手上。”\n"
        "今年年初，县里召开全县产业发展大会时\n"
        "这样强调。\n"
        "　　半年来，河东县新引进项目三十多个，\n"
        "新材料、食品加工等产业发展势头良好，\n"
        "规模以上工业产值同比增长一成多。\n"
    )
    water, industry = articles(page)
    assert water.body.endswith("常有人来河边散步。")
    assert industry.body.startswith("“把产业发展这件大事抓在手上。”今年年初，")


def test_notice_to_readers_is_an_item_of_its_own_not_a_sub_head():
    page = (
        "让好家风代代相传（河东时评）\n"
        "　　家风是一个家庭的精神底色。近年来，\n"
        "河东县开展好家风评选活动，一批崇德向\n"
        "善的家庭故事在乡邻间传开，带动了文明\n"
        "乡风的形成。\n"
        "　　评论部的同事们常说，写好身边事，\n"
        "才能说到读者心里去。\n"
        "致读者\n"
        "　　本报评论部编写的评论文章选已经出\n"
        "版。有需要的读者，请与本报评论部联系。\n"
    )
    comment, notice = articles(page)
    assert comment.body.endswith("才能说到读者心里去。")
    assert notice.headline == "致读者" and notice.body.startswith("本报评论部编写的")


def test_book_title_broken_before_its_dash_carries_on_and_is_no_subheadline():
    page = (
        "县图书馆开展暑期读书月活动\n"
        "　　本报讯　暑假期间，县图书馆开展读\n"
        "书月活动，每周举办两场读书分享会。\n"
        "　　图书馆今年新购进的《说说身边事\n"
        "——河东乡土文化读本》《乡村振兴十讲》\n"
        "《好家风故事》等书，一上架就被借阅一\n"
        "空。馆员说，本地题材的书最受欢迎。\n"
    )
    (library,) = articles(page)
    assert "\n图书馆今年新购进的《说说身边事——河东乡土文化读本》《乡村振兴十讲》" in library.body



@pytest.mark.parametrize(
    "closing", ["县内外客商约100人参加活动。", "县商务局局长王红也到机场迎接。"],
    ids=["count", "airport"])
def test_who_else_attended_closes_the_report_above_a_new_column(closing):
    page = (
        "河东县举办茶叶推介会\n"
        "村里修起新水渠\n"
        "\n"
        "本报河东5月9日电  9日，河东县在县\n"
        "城举办茶叶推介会，向各地客商介绍本县\n"
        "茶园的发展情况和今年的新茶。\n"
        "推介会上，十多家茶企展出了新茶，不少\n"
        "客商当场签下了订单。\n"
        + closing + "\n"
        "村里新修的水渠昨日通水，三百亩农田用上\n"
        "了自流灌溉，村民再也不用挑水浇地了。水\n"
        "渠是村里去年冬天开始修的，全长三公里。\n"
        "村民们说，有了新水渠，今年的收成更有盼\n"
        "头了。\n"
    )
    tea, canal = articles(page)
    assert tea.body.endswith("\n" + closing)
    assert canal.body.startswith("村里新修的水渠")


def test_closing_dateline_of_many_places_wrapped_in_brackets_is_the_articles_note():
    page = (
        "多地联手推广节水灌溉\n"
        "　　西部多个省区的农业部门近日签署\n"
        "协议，联手推广节水灌溉技术，三年内新\n"
        "增节水灌溉面积一百万亩。\n"
        "　　（本报北京、南宁、兰州、昆明、拉萨、乌\n"
        "鲁木齐5月9日电）\n"
        "　　河东县图书馆从本月起延长开放时间，\n"
        "每天晚上开放到九点，周末照常开放。\n"
    )
    water, library = articles(page)
    assert water.byline == "本报北京、南宁、兰州、昆明、拉萨、乌鲁木齐5月9日电"
    assert library.headline is None and library.body.startswith("河东县图书馆")


def test_headline_narrower_than_both_columns_is_not_the_first_line_of_a_short_paragraph():
    page = (
        "县里新建三座污水处理站河水变清\n"
        "本报讯 县里新建的三座污水处理站本月投入\n"
        "运行，每天可处理污水一万吨，周边村庄的河\n"
        "水变清了，不少村民又到河边洗衣、散步。\n"
        "（记者周明）\n"
        "把乡村小学这件实事办好\n"
        "书声琅琅，笑语盈盈。\n"
        "县教育局负责人说，今年县里拿出专项资金，\n"
        "为二十所乡村小学新建了图书室和运动场，\n"
        "还为每所学校配齐了音乐和美术老师。\n"
    )
    _, schools = articles(page)
    assert schools.headline == "把乡村小学这件实事办好"
    assert schools.body.startswith("书声琅琅，笑语盈盈。\n县教育局负责人说，")



def test_pull_quotes_without_final_marks_over_the_first_paragraph_are_no_headline_block():
    # Runs of lines as wide as one another, with commas, each over a shorter last line: the
    # commentary's pull quotes, printed again in its text, under its headline and column name.
    page = (
        "让乡村学校留住好老师\n"
        "（河东时评）\n"
        "提高乡村教师待遇，改善住房\n"
        "条件，畅通职称晋升通道，才\n"
        "能让好老师安心扎根乡村和乡\n"
        "村孩子在一起\n"
        "把乡村学校办好，是对乡村孩\n"
        "子最好的关爱，也是乡村振兴\n"
        "的长远之计，需要久久为功，\n"
        "一年接着一年干一件接着一件\n"
        "办\n"
        "今年秋季学期，河东县二十所\n"
        "乡村学校新来了四十多位年轻\n"
        "老师。怎样让他们留得住、教\n"
        "得好，是摆在全县面前的一道\n"
        "考题。\n"
        "我们看到，县里已经迈出了第\n"
        "一步。提高乡村教师待遇，改\n"
        "善住房条件，畅通职称晋升通\n"
        "道，才能让好老师安心扎根乡\n"
        "村和乡村孩子在一起。\n"
        "把乡村学校办好，是对乡村孩\n"
        "子最好的关爱，也是乡村振兴\n"
        "的长远之计，需要久久为功，\n"
        "一年接着一年干一件接着一件\n"
        "办。\n"
    )
    (comment,) = articles(page)
    assert comment.headline == "让乡村学校留住好老师（河东时评）"
    assert comment.body.startswith("提高乡村教师待遇，改善住房条件，")
    assert "\n今年秋季学期，" in comment.body


def test_quoted_headline_filling_the_column_over_a_sentence_opening_with_its_date_is_a_heading():
    page = (
        "“让乡村孩子都能读上好书”\n"
        "日前，河东县图书馆联合县教\n"
        "育局，向全县二十所乡村小学\n"
        "捐赠图书两万册，还为每所学\n"
        "校培训了两名图书管理员。\n"
        "县图书馆馆长说，捐赠的图书\n"
        "以科普读物和儿童文学为主，\n"
        "都是孩子们喜欢看的书。\n"
    )
    (books,) = articles(page)
    assert books.headline == "“让乡村孩子都能读上好书”"
    assert books.body.startswith("日前，河东县图书馆")


def test_agency_named_in_a_list_at_the_start_of_a_line_is_no_dateline():
    page = (
        "县里听取驻县记者站意见建议\n"
        "　　新华社河东5月9日电  县委宣传部\n"
        "9日召开座谈会，邀请县广播站、\n"
        "新华社、中央广播电视总台等驻县记者\n"
        "站的记者，听取他们的意见建议。\n"
        "　　与会记者建议，县里多开放采访点，\n"
        "及时发布权威信息。\n"
    )
    (forum,) = articles(page)
    assert forum.headline == "县里听取驻县记者站意见建议"
    assert "邀请县广播站、新华社、中央广播电视总台等驻县记者站的记者" in forum.body


def test_headline_with_a_comma_closed_by_its_column_name_under_a_full_last_line_stands_apart():
    page = (
        "县里新建三座污水处理站河水变清\n"
        "　　本报讯　县里新建的三座污水处理站本\n"
        "月投入运行，每天可处理污水一万吨，周\n"
        "边村庄的河水变清了，村民们又到河边散\n"
        "步、钓鱼，河岸边一片欢声笑语不断传来。\n"
        "守护好家乡，守护一河清水（短评）\n"
        "　　一河清水，是村民的盼头，也是乡村\n"
        "振兴的底色。污水处理站建起来了，还要\n"
        "管得好、用得久。\n"
    )
    water, comment = articles(page)
    assert water.body.endswith("河岸边一片欢声笑语不断传来。")
    assert comment.headline == "守护好家乡，守护一河清水（短评）"


def test_long_bracketed_note_naming_many_reporters_closes_its_article():
    page = (
        "全县各地合力抗洪救灾\n"
        "　　连日来，全县各乡镇干部群众连续奋\n"
        "战，加固堤坝、转移群众，目前各地生产\n"
        "生活秩序正在恢复。\n"
        "（综合本报记者王明、李华、赵强、钱红、\n"
        "孙立、周平、吴刚、郑洁、冯雪、陈亮、\n"
        "褚伟、卫东、蒋梅、沈阳、韩冰和新华社\n"
        "报道，杨帆、朱琳参与采写）\n"
        "沿着河堤往上游走，刚刚抢\n"
        "通的道路两旁，泥沙堆成了\n"
        "一个个土丘，村民们正在清\n"
        "理自家院子里的淤泥，志愿\n"
        "者们送来了饮用水和食品。\n"
        "村干部说，再过几天，村里\n"
        "的道路就能全部恢复通行。\n"
    )
    flood, village = articles(page)
    assert flood.byline.startswith("综合本报记者王明、") and flood.byline.endswith("朱琳参与采写")
    assert village.body.startswith("沿着河堤往上游走，")


def test_block_headline_broken_after_figures_in_brackets_stays_one_headline():
    page = (
        "中国—东盟（10+1）\n"
        "农业部长会在南宁举行\n"
        "县里新建三座污水处理站河水变清\n"
        "\n"
        "本报南宁7月13日电  （记者周明）中国—东盟\n"
        "（10+1）农业部长会13日在广西南宁举行，\n"
        "与会各方就粮食安全、农业科技合作等议题\n"
        "深入交换意见。\n"
        "本报讯  县里新建的三座污水处理站本月投\n"
        "入运行，每天可处理污水一万吨，周边村庄\n"
        "的河水变清了。\n"
    )
    meeting, water = articles(page)
    assert meeting.headline == "中国—东盟（10+1）农业部长会在南宁举行"
    assert water.headline == "县里新建三座污水处理站河水变清"


def test_headline_with_figures_stopping_well_short_of_the_column_is_no_first_line():
    page = (
        "县里新建三座污水处理站河水变清\n"
        "　　本报讯　县里新建的三座污水处理站本\n"
        "月投入运行，每天可处理污水一万吨，周\n"
        "边村庄的河水变清了。\n"
        "（王芳）\n"
        "河东县今年新建15所乡村学校\n"
        "县教育局负责人说，今年县里拿出\n"
        "专项资金，在山区乡镇新建了十五所\n"
        "乡村学校，九月一日全部开学。\n"
    )
    _, schools = articles(page)
    assert schools.headline == "河东县今年新建15所乡村学校"
    assert schools.body.startswith("县教育局负责人说，")


def test_set_in_note_wrapped_over_many_narrow_lines_closes_where_its_bracket_does():
    # Over 80 characters before its last line, broken inside a name (许大 / 伟).
    page = (
        "全县各地合力抗洪救灾\n"
        "　　连日来，全县各乡镇干部群\n"
        "众连续奋战，加固堤坝、转移群\n"
        "众，目前各地生产生活秩序正在\n"
        "恢复。\n"
        "　　（综合本报记者王明远、钱\n"
        "立新、孙红梅、周建国、吴强、\n"
        "郑洁、冯雪松、陈亮亮、褚卫东、\n"
        "蒋梅、沈阳光、韩冰冰、梁一山、\n"
        "杨帆和新华社报道，朱琳琳、\n"
        "高原、欧阳春、何文斌、许大\n"
        "伟参与采写）\n"
        "　　沿着河堤往上游走，刚刚抢通的道路两旁，\n"
        "泥沙堆成了一个个土丘，村民们正在清理自家院\n"
        "子里的淤泥，志愿者们送来了饮用水和食品。\n"
    )
    flood, village = articles(page)
    assert "许大伟参与采写）" in flood.body
    assert village.headline is None and village.body.startswith("沿着河堤往上游走，")


def test_headline_and_subtitle_over_the_first_paragraph_leave_later_headlines_inline():
    # The two lines at the top head the first article only; the second article's headline,
    # wider than the column, is printed over it though both talk about school rainwater.
    page = (
        "让节水成为全社会的自觉（人民时评）\n"
        "——谈谈城市节水的新办法\n"
        "　　夏季用水高峰到来，不少城市\n"
        "提醒市民节约用水。节水不只是少\n"
        "开一会儿水龙头，更需要制度和技\n"
        "术一起发力。\n"
        "　　一些城市给老旧小区换上了新\n"
        "水表，漏水的管道能及时发现；不\n"
        "少学校建设节水型校园，收集雨水\n"
        "浇灌花草，一年能省下不少自来水。\n"
        "　　建设节水型校园，收集利用雨\n"
        "水，从一点一滴做起，城市用水才\n"
        "能更有保障。\n"
        "县第一中学建设节水型校园，推广雨水收集利用\n"
        "让校园雨水物尽其用\n"
        "　　走进县第一中学，操场边的蓄\n"
        "水池刚刚蓄满雨水。建设节水型校\n"
        "园以来，学校把收集利用的雨水用\n"
        "来浇灌花草，每年可节约自来水两\n"
        "千多吨。\n"
    )
    comment, school = articles(page)
    assert comment.headline == "让节水成为全社会的自觉（人民时评）"
    assert comment.subheadline == "——谈谈城市节水的新办法"
    assert comment.body.endswith("城市用水才能更有保障。")
    assert school.headline == "县第一中学建设节水型校园，推广雨水收集利用让校园雨水物尽其用"


def test_readers_signature_closes_the_piece_above_and_joins_no_headline():
    page = (
        "我和一本字典的故事\n"
        "　　小时候，家里最珍贵的一本书是\n"
        "一本旧字典。父亲用牛皮纸给它包了\n"
        "书皮，我每遇到不认识的字就去查，\n"
        "慢慢养成了查字典的习惯。\n"
        "　　——《少年文摘》读者刘晓梅\n"
        "河西县乡村图书室添了新书——\n"
        "孩子们有了读书好去处\n"
        "　　本报讯　河西县今年为全县一百二\n"
        "十个乡村图书室添置新书三万册，孩\n"
        "子们放学后有了读书的好去处。\n"
    )
    story, library = articles(page)
    assert story.body.endswith("——《少年文摘》读者刘晓梅")
    assert library.kicker == "河西县乡村图书室添了新书——"
    assert library.headline == "孩子们有了读书好去处"


def test_neighbours_a_character_apart_in_width_stay_apart_when_their_paragraphs_agree():
    # The last paragraph above, its lines closed by marks, allows a column as narrow as the
    # one below; the paragraphs around it do not.
    page = (
        "山区小学用上了新校舍\n"
        "河边公园添了健身步道\n"
        "\n"
        "　　山区小学今年秋季学期搬进了新校舍，教室\n"
        "宽敞明亮，操场铺上了塑胶跑道，孩子们再也不\n"
        "用挤在旧平房里上课。\n"
        "　　新校舍由县里统筹资金建设，教学楼、食堂\n"
        "和宿舍同时完工，全校四百多名学生都有了自己\n"
        "的床铺和书桌。\n"
        "　　校长说，新校舍建成后，学校开设了美术、\n"
        "音乐和科学实验课，老师们也更愿意留下来了，\n"
        "山里的孩子在家门口就能上好学，家长们放心，\n"
        "孩子们开心。\n"
        "　　河边公园新修的健身步道全长三公里多，\n"
        "沿着河岸蜿蜒向前，每天早晚都有不少居民来\n"
        "这里散步跑步。\n"
        "　　放学后，不少孩子从新校舍出来就到公园\n"
        "跑步。家长们说，步道修到了家门口，锻炼身\n"
        "体方便多了。\n"
        "　　公园管理处介绍，步道旁还将增设座椅和\n"
        "路灯，让居民晚上也能放心锻炼。\n"
        "　　据了解，县里今年还将在河边公园新建儿\n"
        "童游乐场和健身广场，方便周边居民休闲锻炼\n"
        "身体。\n"
    )
    school, park = articles(page)
    assert school.headline == "山区小学用上了新校舍"
    assert school.body.endswith("孩子们开心。")
    assert park.headline == "河边公园添了健身步道"


def test_section_under_a_kicker_set_like_an_earlier_one_stays_with_its_article():
    # The second section's words match a headline in the block, not the article's own; its
    # heading, set like the first section's (物流建设—— / 平台打造——), says it goes on.
    # (Which article that block line belongs to, the words cannot tell.)
    page = (
        "县里外贸企业出海步伐加快\n"
        "释放消费活力，为非洲特产拓宽销路\n"
        "非洲好物网购节在县城开幕\n"
        "\n"
        "　　今年以来，县里外贸企业出海步伐加快，\n"
        "上半年全县外贸进出口总额同比增长两成，一\n"
        "批外贸企业拿到了新订单。\n"
        "物流建设——\n"
        "开通三条货运专线\n"
        "　　县物流园新开通三条货运专线，外贸企业\n"
        "的货物两天就能运到港口，运输成本降低了一\n"
        "成多，外贸企业出海更方便了。\n"
        "　　物流园负责人说，今年还将新建一座仓库，\n"
        "为外贸企业提供存储服务。\n"
        "平台打造——\n"
        "展销中心人气越来越旺\n"
        "　　“请大家尝尝来自肯尼亚的红茶！”在展\n"
        "销中心，客商正向市民推介非洲特产，品尝台\n"
        "前排起了长队。\n"
        "　　展销中心开业一年来，释放了消费活力，\n"
        "为非洲特产拓宽了销路，南非红酒、卢旺达辣\n"
        "椒酱摆满了货架。\n"
        "　　本周，非洲好物网购节在县城开幕，\n"
        "主播们在直播间推介红茶、咖啡和手工\n"
        "艺品，三天下单一万多件。\n"
        "　　不少网友说，在家门口就能买到地\n"
        "道的非洲好物，网购节让大家大开眼界。\n"
    )
    trade, fair = articles(page)
    assert trade.sections == (
        "物流建设——", "开通三条货运专线", "平台打造——", "展销中心人气越来越旺")
    assert trade.body.endswith("卢旺达辣椒酱摆满了货架。")
    assert fair.headline.endswith("非洲好物网购节在县城开幕")
    assert fair.body.startswith("本周，非洲好物网购节")


def test_speaker_signing_the_pages_last_paragraph_over_two_lines_is_no_subheadline():
    page = (
        "县里举办第三届农民丰收节\n"
        "　　本报讯　县里第三届农民丰收节日前开\n"
        "幕，来自各乡镇的农产品摆满了展台，吸引\n"
        "了众多市民前来选购。\n"
        "　　丰收节期间还举办了农技讲座和农产品\n"
        "直播带货活动，三天销售额超过五百万元。\n"
        "嘉宾说\n"
        "　　乡村振兴离不开产业，更离不开人才。\n"
        "希望更多年轻人回到家乡，把所学用在田野\n"
        "上，让乡村越来越好。\n"
        "　　——县农业农村局副局长刘建国\n"
        "　　丰收节让城里人认识了山里的好东西，\n"
        "我们的合作社今年订单翻了一番，乡亲们种\n"
        "地的劲头更足了。\n"
        "　　——河西镇果蔬专业合作社理事长兼技\n"
        "术负责人周春梅\n"
    )
    (fair,) = articles(page)
    assert fair.subheadline is None
    assert fair.body.endswith("——河西镇果蔬专业合作社理事长兼技术负责人周春梅")


def test_kicker_over_a_whole_quoted_sentence_is_a_sub_head_not_a_paragraph():
    page = (
        "县里扎实推进为民办实事\n"
        "今年以来，县里把为民办实事作为重点工作，\n"
        "一批群众关心的难题得到解决，老旧小区改造\n"
        "和道路修缮等项目陆续完工。\n"
        "各乡镇也结合实际，推出了一批便民措施，群\n"
        "众满意度明显提高。\n"
        "坚持问题导向，办好群众身边的实事——\n"
        "“要把群众的事当成自己的事。”\n"
        "县委书记在调研时这样强调。全县各部门把群\n"
        "众反映的问题列成清单，逐项研究解决办法，\n"
        "明确完成时限。\n"
        "在城关镇，居民反映多年的停车难问题，通过\n"
        "新建停车场得到了缓解。\n"
    )
    (report,) = articles(page)
    assert report.sections == ("坚持问题导向，办好群众身边的实事——",)
    assert report.body.endswith("通过新建停车场得到了缓解。")


def test_two_phrases_set_apart_by_a_wide_gap_head_an_article_without_an_opener():
    page = (
        "江河县集中整治非法采砂\n"
        "本报江河7月3日电（记者 张明）记者从江河县\n"
        "水利局获悉：近日，县里组织开展非法采砂集中\n"
        "整治行动，查处非法采砂船只二十余艘，依法\n"
        "拆除违规堆场十余处，河道秩序明显好转。\n"
        "据了解，县水利局将会同公安、交通等部门建\n"
        "立长效机制，对非法采砂保持高压态势，切实\n"
        "维护河道安全和群众合法权益。\n"
        "筑牢发展根基  加快转型步伐\n"
        "青山镇竞逐智能装备新赛道\n"
        "青山镇一家机械厂的车间里，机器人手臂来回\n"
        "挥动，整条产线只有三个人照看。厂长算了一\n"
        "笔账：换上新设备后，一个零件的加工时间从\n"
        "两个小时缩到半个小时。厂里的订单也跟着多\n"
        "了起来，已经排到了年底。\n"
        "近年来，镇里把装备制造作为主攻方向，引进\n"
        "上下游企业二十多家，产值连年保持增长。\n"
    )
    first, second = articles(page)
    assert first.headline == "江河县集中整治非法采砂"
    assert first.body.endswith("维护河道安全和群众合法权益。")
    assert second.headline == "筑牢发展根基加快转型步伐青山镇竞逐智能装备新赛道"
    assert second.body.startswith("青山镇一家机械厂")


def test_headline_closed_by_its_column_name_cuts_under_a_headline_block_in_the_same_column():
    page = (
        "市图书馆延长夏季开放时间\n"
        "乡村学校食堂全部完成改造\n"
        "市图书馆七月起延长夏季开放时间，每\n"
        "天开放到晚上九点，周末照常开放。\n"
        "图书馆还在少儿阅览区增加了座位，方\n"
        "便孩子们暑假来馆读书写作业。\n"
        "全县四十所乡村学校的食堂已经全部完\n"
        "成改造，新添了冷库和消毒设备。\n"
        "县教育局要求各校公开食材来源，并请\n"
        "家长代表参与每月的食堂检查。\n"
        "　让书香飘进村落（读书札记）\n"
        "暑假里，不少孩子走进图书馆读书，也\n"
        "有不少乡村学校的孩子难得进一趟城。\n"
        "把图书送到村里，让孩子们在家门口就\n"
        "能读到好书，是一件值得做好的事情。\n"
        "村里的书屋如果常有新书，常有人管，\n"
        "就能成为孩子们暑假最爱去的地方。\n"
    )
    library, canteen, essay = articles(page)
    assert canteen.body.endswith("参与每月的食堂检查。")
    assert essay.headline == "让书香飘进村落（读书札记）"
    assert essay.body.startswith("暑假里，不少孩子")


def test_bracketed_term_ending_a_full_line_under_a_headline_block_cuts_nothing():
    page = (
        "上半年全市旅游人数明显增长\n"
        "乡村学校食堂全部完成改造\n"
        "据市文旅局统计，上半年全市接待游\n"
        "客一千二百万人次，同比增长六成；\n"
        "实现国内旅游总收入（旅游总花费）\n"
        "\n"
        "一百三十亿元，全市旅游收入比上年\n"
        "同期增长近一倍，游客人均花费也明\n"
        "显增加。暑期到来后，全市接待游客\n"
        "继续增多，旅游市场持续升温。\n"
        "全县四十所乡村学校的食堂已经全部完\n"
        "成改造，新添了冷库和消毒设备。\n"
        "县教育局要求各校公开食材来源，并请\n"
        "家长代表参与每月的食堂检查。\n"
    )
    tourism, canteen = articles(page)
    assert tourism.body.endswith("旅游市场持续升温。")
    assert canteen.headline == "乡村学校食堂全部完成改造"


def test_reporters_note_closing_an_article_under_a_headline_block_stays_with_it():
    page = (
        "港口用上无人驾驶运输车\n"
        "乡村学校食堂全部完成改造\n"
        "在东海港的集装箱码头，一辆辆无人驾\n"
        "驶运输车来回穿梭，把集装箱从岸边送\n"
        "到堆场，全程不需要司机操作。\n"
        "港口负责人介绍，运输车投用以后，码\n"
        "头作业效率提高了两成，能耗也明显下\n"
        "降，今后还将在更多泊位推广使用。\n"
        "勇于迈出第一步（记者手记）\n"
        "“全国首个”，是在港口采访时听到最\n"
        "多的一个词。从无人驾驶运输车到智慧\n"
        "调度系统，港口的每一步都不容易。\n"
        "全县四十所乡村学校的食堂已经全部完\n"
        "成改造，新添了冷库和消毒设备。\n"
        "县教育局要求各校公开食材来源，并请\n"
        "家长代表参与每月的食堂检查。\n"
    )
    port, canteen = articles(page)
    assert port.body.endswith("港口的每一步都不容易。")
    assert canteen.headline == "乡村学校食堂全部完成改造"


def test_headline_closed_by_its_column_name_takes_the_upper_part_when_content_cuts_again():
    # The canteen piece, the longer, would take the whole column; the library's headline,
    # printed right above the canteen's, is no kicker of it, as its column name closes it.
    page = (
        "图书馆夏季延时（文化广角）\n"
        "乡村学校食堂全部完成改造（民生观察）\n"
        "市图书馆今年夏季实行延时开放，每天\n"
        "开放到晚上九点，周末照常开放。\n"
        "图书馆还在少儿阅览区增加了座位，方\n"
        "便乡村学校的孩子们来图书馆读书。\n"
        "馆长说，夏季延时以后，图书馆每天都\n"
        "有上千名读者，延时阅览区座无虚席。\n"
        "全县四十所乡村学校的食堂已经全部完\n"
        "成改造，新添了冷库和消毒设备。\n"
        "改造后的乡村学校食堂宽敞明亮，饭菜\n"
        "也更可口，学生们吃得放心。\n"
        "县教育局要求各乡村学校公开食堂的食\n"
        "材来源，并请家长参与每月的食堂检查。\n"
        "下一步，县里还将改造二十所乡村学校\n"
        "的食堂，年底前全部完成改造。\n"
        "乡村学校食堂改造完成以后，县里还为\n"
        "各校食堂培训了厨师，改进了菜谱。\n"
        "家长们说，乡村学校的食堂改造得好，\n"
        "孩子们在学校吃得好，大家都放心。\n"
    )
    library, canteen = articles(page)
    assert library.headline == "图书馆夏季延时（文化广角）"
    assert library.body.endswith("延时阅览区座无虚席。")
    assert canteen.headline == "乡村学校食堂全部完成改造（民生观察）"
    assert canteen.body.startswith("全县四十所乡村学校的食堂")


def test_question_alone_under_a_photo_credit_heads_the_next_article():
    page = (
        "县里新建十座乡村图书室\n"
        "本报讯  今年以来，县里在十个行政村新建了\n"
        "图书室，每个图书室藏书都在两千册以上。\n"
        "（记者 王明）\n"
        "　　　图片报道\n"
        "青山县把山坡上的旱地改成梯田，今年\n"
        "秋天又是一个丰收年。\n"
        "图为青山县东方村的梯田。\n"
        "李明摄（人民视觉）\n"
        "租来的电动车没配头盔，出了事故谁担责？\n"
        "小王在街边扫码租了一辆电动自行车去上班，车上没\n"
        "有头盔。半路上车子侧翻，他摔伤了头，和经营公司\n"
        "为赔偿的事争执不下，最后告到了法院。\n"
        "法官提示，经营者应当为车辆配备头盔，骑行人也要\n"
        "增强安全意识，主动佩戴头盔。\n"
    )
    items = segment_text(page).items
    assert [it.kind for it in items] == ["article", "caption", "article"]
    assert items[2].headline == "租来的电动车没配头盔，出了事故谁担责？"
    assert items[2].body.startswith("小王在街边扫码")


def test_heading_with_a_middle_dot_a_character_wider_than_the_column_stands_alone():
    page = (
        "走进新时代乡村课堂·乡村教师的坚守与创新\n"
        "\n"
        "乡村学校是乡村教育的基础，乡村教师是乡\n"
        "村孩子成长的引路人。本版围绕乡村教师的\n"
        "坚守与创新，约请两位长期在乡村任教的老\n"
        "师讲述他们的故事，也请研究者谈一谈怎样\n"
        "让乡村教师留得住、教得好。\n"
        "——编  者\n"
        "守住乡村教育的根\n"
        "在大山深处的青山小学，李老师已经教了二\n"
        "十年书。每天清晨，她都要走一个小时山路\n"
        "到学校，给孩子们上第一堂课。\n"
    )
    first = segment_text(page).items[0]
    assert first.headline == "走进新时代乡村课堂·乡村教师的坚守与创新"
    assert first.body.startswith("乡村学校是乡村教育的基础")


def test_question_opening_an_article_under_a_headline_block_stays_its_first_paragraph():
    page = (
        "县里新建十座乡村图书室\n"
        "科技小院让农民种地更有底气\n"
        "今年以来，县里在十个行政村新建了图书\n"
        "室，每个图书室藏书都在两千册以上。\n"
        "（记者 王明）\n"
        "从一个好点子，到田里见效，需要多久？\n"
        "走进青山镇的科技小院，研究生们正在地里\n"
        "查看玉米长势。他们把新品种、新技术带到\n"
        "田间地头，让农民种地更有底气。\n"
        "村民说，有了科技小院，遇到难题随时能找\n"
        "到人问，收成一年比一年好。\n"
    )
    library, farm = articles(page)
    assert farm.headline == "科技小院让农民种地更有底气"
    assert farm.body.startswith("从一个好点子，到田里见效，需要多久？")


def test_every_headline_the_shared_column_hid_is_cut_out_again():
    # The council report mentions both pieces below it, set in its column without a
    # dateline; the block holds their headlines, one closed by its column's name.
    page = (
        "县委召开全会部署下半年工作（要闻）\n"
        "　　　“多读书、读好书、\n"
        "\n"
        "　　　常读书”（读书札记）\n"
        "　　　县里推出一批便民措施\n"
        "　　　让办证更加方便快捷\n"
        "　　县委昨日召开全会，部署下半年工作，要\n"
        "求各级干部带头读书学习，推出更多便民措施。\n"
        "　　全会指出，上半年全县经济运行稳中向好，\n"
        "下半年要坚定信心，确保完成全年目标任务。\n"
        "　　会议强调，要把群众的急难愁盼作为工作\n"
        "重点，一件一件抓好落实，让群众看到实实在\n"
        "在的变化。\n"
        "　　读书是一种生活方式。一本好书，能让人\n"
        "开阔眼界、增长见识。县里的干部常读书，\n"
        "办事也更有章法。\n"
        "　　多读书，要有时间。再忙也能挤出一点时\n"
        "间，睡前读几页，路上听一段，日积月累，收\n"
        "获就不小。\n"
        "　　读好书，要会选择。经典经得起时间检验，\n"
        "值得一读再读。\n"
        "　　今年以来，县里推出一批便民措施，群众\n"
        "办理户籍、社保等证明，不用再来回跑腿，在\n"
        "家门口的便民服务点就能办好。\n"
        "　　县政务服务中心负责人说，办证的材料减\n"
        "少了一半，办理时间也从一周缩短到一天，群\n"
        "众普遍觉得方便快捷。\n"
    )
    items = segment_text(page).items
    by_start = {it.body[:6]: it for it in items}
    assert by_start["读书是一种生"].headline == "“多读书、读好书、常读书”（读书札记）"
    assert by_start["今年以来，县"].headline == "县里推出一批便民措施让办证更加方便快捷"
    assert by_start["读书是一种生"].body.endswith("值得一读再读。")


def test_heading_a_character_short_of_the_column_above_and_wider_than_the_one_below_stands_alone():
    page = (
        "首艘国产远洋科考船完成首次试航\n"
        "首艘国产远洋科考船日前完成首次海上试\n"
        "航。试航期间，科考船先后完成了动力系\n"
        "统、导航系统和科考设备的各项测试，各\n"
        "项性能指标均达到设计要求。据介绍，科\n"
        "考船返回码头后，将进入设备调试的冲刺\n"
        "阶段，为年底交付打好基础。\n"
        "青山县集聚人才，助企增收超三亿多元\n"
        "博士团队落户小县城\n"
        "在今年举办的青山农产品\n"
        "博览会上，一家食品公司\n"
        "的展台前挤满了客商。这\n"
        "家公司的新产品，正是县\n"
        "里引进的博士团队帮忙研\n"
        "发的。\n"
    )
    ship, county = articles(page)
    assert ship.body.endswith("为年底交付打好基础。")
    assert county.headline == "青山县集聚人才，助企增收超三亿多元博士团队落户小县城"
    assert county.body.startswith("在今年举办的青山农产品博览会上")


def test_lead_line_ending_in_a_quotation_mark_inside_the_column_is_no_headline_block():
    page = (
        "青山县科幻作品走出国门\n"
        "2024年5月8日晚，全国科幻文学评选的\n"
        "结果揭晓。青山县作家的作品入围了3\n"
        "个奖项，其中有1部入围“最佳中篇”\n"
        "的评选，另有2部入围了“最佳短篇”\n"
        "的评选。这是青山县作家的作品第一次\n"
        "入围这项评选，消息传来，县里的文学\n"
        "爱好者都很激动。\n"
    )
    (report,) = articles(page)
    assert report.headline == "青山县科幻作品走出国门"
    assert report.body.startswith("2024年5月8日晚，全国科幻文学评选的结果揭晓。")


def test_kicker_ending_in_a_speech_verb_stays_with_the_headline_under_it_in_a_block():
    page = (
        "县里新建十座乡村图书室\n"
        "李明在青山镇调研时强调\n"
        "\n"
        "全力抓好灾后重建  切实保障群众生活\n"
        "　　本报青山8月7日电  县委书记李明7日在青山镇调研灾后重建工\n"
        "作。他强调，要全力抓好灾后重建，切实保障受灾群众生活。\n"
        "　　李明来到受灾村组，察看道路抢修和房屋修缮情况，看望受灾群\n"
        "众，要求抓紧恢复生产生活秩序。\n"
        "　　本报青山8月7日电  今年以来，县里在十个行政村新建了图书室，\n"
        "每个图书室藏书都在两千册以上。\n"
        "　　本报青山8月7日电  连日来，各乡镇全力抓好灾后重建，切实保障\n"
        "群众生活，受损道路已经全部抢通，群众生活基本恢复正常。\n"
    )
    rebuild, library, roads = articles(page)
    heading = (rebuild.kicker or "") + (rebuild.headline or "") + (rebuild.subheadline or "")
    assert heading == "李明在青山镇调研时强调全力抓好灾后重建切实保障群众生活"
    assert library.headline == "县里新建十座乡村图书室"
    assert roads.headline is None


def test_reporters_note_wrapped_after_a_datelines_gap_is_no_indented_line():
    page = (
        "青山县乡村阅读季启动\n"
        "\n"
        "　　本报青山县７月２４日电\n"
        "  （记者张明）２４日，２０\n"
        "２３年青山县的“乡村阅读季”\n"
        "活动在青山县文化广场启动。\n"
        "　　启动仪式上，主办方为１\n"
        "０家最美农家书屋授牌，还向\n"
        "山区学校赠送了图书。\n"
        "　　近年来，青山县大力推进\n"
        "农家书屋建设，让农民在家门\n"
        "口就能读到好书。\n"
    )
    (report,) = articles(page)
    assert report.headline == "青山县乡村阅读季启动"
    assert report.body.endswith("让农民在家门口就能读到好书。")


def test_three_line_heading_closed_by_a_long_column_name_is_no_paragraph():
    page = (
        "县委召开全会部署下半年工作\n"
        "本报讯  县委昨日召开全会，部署\n"
        "下半年工作，要求各级干部扑下身子\n"
        "抓落实，确保全年目标任务圆满完成。\n"
        "乡村学校办学条件持续改善，教师队\n"
        "伍建设不断加强（教育新方位·年中\n"
        "数据观察）\n"
        "今年上半年，全县新建和改扩建乡村\n"
        "学校十二所，新招聘乡村教师二百余\n"
        "名，乡村学校的办学条件明显改善。\n"
        "县教育局负责人说，下半年将继续推\n"
        "进乡村学校建设，让农村孩子在家门\n"
        "口上好学。\n"
    )
    council, schools = articles(page)
    assert council.body.endswith("确保全年目标任务圆满完成。")
    assert schools.headline == (
        "乡村学校办学条件持续改善，教师队伍建设不断加强（教育新方位·年中数据观察）")
    assert schools.body.startswith("今年上半年")


def test_block_headline_goes_to_the_article_whose_opening_it_restates():
    # A report and the comment on it both use every word of both headlines; each headline
    # restates the opening of its own article, and that decides.
    page = (
        "让乡村旅游成为富民增收的新引擎\n"
        "省政府印发乡村旅游发展规划\n"
        "\n"
        "　　本报讯 省政府日前印发《乡村旅游\n"
        "发展规划》，提出到二〇三〇年建成一\n"
        "批旅游重点村镇，完善道路、停车场和\n"
        "游客中心等设施，推动景区与村庄连片\n"
        "发展，每个市至少打造两条精品线路，\n"
        "办好春季赏花和秋季采摘等节庆活动。\n"
        "　　规划要求各地把乡村旅游作为富民\n"
        "增收的新引擎，培育民宿和农家乐，带\n"
        "动农民就近就业。\n"
        "　　乡村旅游是富民增收的新引擎。近年来，\n"
        "各地依托山水资源发展民宿和农家乐，游客\n"
        "越来越多，农民腰包越来越鼓，村里的年轻\n"
        "人也愿意回来了，有的开起咖啡馆，有的做\n"
        "起直播，把山里的土特产卖到全国各地。\n"
        "　　省政府印发的乡村旅游发展规划，为下\n"
        "一步指明方向。落实好规划，还要在服务上\n"
        "多下功夫，让游客留得住、愿意再来。\n"
    )
    items = articles(page)
    assert [it.headline for it in items] == [
        "省政府印发乡村旅游发展规划", "让乡村旅游成为富民增收的新引擎",
    ]
    assert items[0].body.startswith("本报讯") and items[1].body.startswith("乡村旅游是")


def test_kicker_in_a_bottom_block_opens_a_heading_group_of_its_own():
    # Two reports in one column, the second mentioning the first's words: the cut between
    # them holds only if the second heading group (its kicker ends in ——) stays whole and
    # apart, not added to the first group for the report above.
    page = (
        "　　本报讯 市邮政管理局日前公布，前十\n"
        "月全市快递业务量超过三亿件，同比增长\n"
        "百分之十八，业务收入同比增长百分之十\n"
        "二，农村地区快递网点实现乡镇全覆盖。\n"
        "　　从全年来看，随着消费持续回暖，快递\n"
        "业务量有望保持较快增长，行业服务质量\n"
        "还将进一步提升。\n"
        "　　江南古镇，游人如织。行走在水乡长廊\n"
        "上，不时可以看到身着蓝色制服的物业工\n"
        "作人员往来穿行，为游客指路、代收快递。\n"
        "　　自入驻古镇景区以来，青禾物业持续\n"
        "推进信息共享，把景区的停车、客流和快\n"
        "递数据接入一张网，提升服务效能。“技\n"
        "术数字化，服务精细化，是我们的方向。”\n"
        "青禾物业负责人说。\n"
        "前十月\n"
        "全市快递业务量超三亿件\n"
        "推进信息共享，提升服务效能，青禾物业——\n"
        "技术数字化  服务精细化\n"
    )
    items = articles(page)
    assert [(it.kicker, it.headline) for it in items] == [
        (None, "前十月全市快递业务量超三亿件"),
        ("推进信息共享，提升服务效能，青禾物业——", "技术数字化服务精细化"),
    ]
    assert items[1].body.startswith("江南古镇")


def test_speaker_ending_in_a_colon_closes_a_headline_block_as_a_kicker():
    # The last block line but one names who spoke (外交部发言人：); it is the kicker over the
    # headline under it, not a paragraph ending in a colon where the text would begin.
    page = (
        "　　山乡学校迎来新学期\n"
        "　　“实训基地就是我们的课堂”\n"
        "　　外交部发言人：\n"
        "　　中方愿同各方加强职业教育交流合作\n"
        "　　新学期开学，山区县的十二所乡村\n"
        "学校全部完成校舍改造，孩子们走进了\n"
        "明亮的新教室。县教育局介绍，今年还\n"
        "将为乡村学校配齐音乐和美术教师。\n"
        "　　走进职业学院的实训基地，数控机床整齐\n"
        "排列，学生们正在老师指导下加工零件。“实\n"
        "训基地就是我们的课堂。”一名学生说。\n"
        "　　新华社北京9月1日电 外交部发言\n"
        "人1日表示，中方愿同各方加强职业教\n"
        "育交流合作，共同培养更多技能人才，\n"
        "为各国青年提供更多发展机会。\n"
    )
    items = articles(page)
    assert [it.headline for it in items] == [
        "山乡学校迎来新学期", "“实训基地就是我们的课堂”",
        "外交部发言人：中方愿同各方加强职业教育交流合作",
    ]
    assert items[0].body.startswith("新学期开学")


def test_line_introducing_a_quotation_under_a_headline_opens_the_first_paragraph():
    # 某某强调： ends in a colon too, but it introduces what was said: the article's text.
    page = (
        "乡村学校迎来新学期\n"
        "　　县委书记强调：\n"
        "“办好乡村学校是最大的民\n"
        "生工程。”今年，全县十二\n"
        "所乡村学校全部完成校舍改\n"
        "造，孩子们走进了新教室。\n"
    )
    (item,) = articles(page)
    assert item.headline == "乡村学校迎来新学期"
    assert item.body.startswith("县委书记强调：\n“办好乡村学校")


def test_salutation_over_a_speech_under_its_headline_stays_in_the_text():
    # Lines ending in a comma or colon above the first paragraph go on into the text; no
    # article's headline ends so, so they are not dropped as a headline left over.
    page = (
        "携手培养新时代技能人才\n"
        "——在职业教育合作论坛上的致辞\n"
        "　　尊敬的各位来宾，\n"
        "　　各位朋友：\n"
        "　　很高兴同大家相聚在美丽的\n"
        "海滨城市，共商职业教育合作大\n"
        "计。职业教育与经济社会发展联\n"
        "系最紧密，培养的是大国工匠。\n"
        "　　谢谢大家！\n"
    )
    (item,) = articles(page)
    assert item.subheadline == "——在职业教育合作论坛上的致辞"
    assert item.body.startswith("尊敬的各位来宾，\n各位朋友：\n很高兴")


def test_credit_shaped_line_under_a_kicker_is_a_headline_line():
    # 精雕细绘 ends like an illustrator's credit (某某绘), but under a kicker it is the first
    # part of the headline.
    page = (
        "　　剪纸技艺传承人王某某——\n"
        "　　精雕细绘\n"
        "　　巧手生花（工匠绝活）\n"
        "　　乡村学校迎来新学期\n"
        "　　一把剪刀、一张红纸，剪纸技艺\n"
        "传承人王某某剪了四十年。她精雕细\n"
        "绘，巧手剪出的花鸟栩栩如生。\n"
        "　　本报讯 新学期开学，山区县的十二所乡\n"
        "村学校全部完成校舍改造，孩子们走进了新教\n"
        "室。\n"
    )
    items = articles(page)
    assert [(it.kicker, it.headline) for it in items] == [
        ("剪纸技艺传承人王某某——", "精雕细绘巧手生花（工匠绝活）"),
        (None, "乡村学校迎来新学期"),
    ]


def test_headline_closed_by_a_box_name_keeps_it():
    # （记者手记） after a headline names the kind of piece, like a column name; read as a
    # reporter's byline it was cut off and lost.
    page = (
        "　　山区县的十二所乡村学校全部完成校舍\n"
        "改造，孩子们走进了明亮的新教室。县教育\n"
        "局介绍，今年还将为乡村学校配齐音乐和美\n"
        "术教师，让孩子们在家门口上好学。\n"
        "　　本报讯 开学第一天，记者来到山\n"
        "里的小学。孩子们围着新来的音乐老\n"
        "师，唱起了刚学会的歌。老师说：“在\n"
        "这里，我们有了一个家。”\n"
        "乡村学校换新颜\n"
        "“我们在山里有个家”（记者手记）\n"
    )
    items = articles(page)
    assert [it.headline for it in items] == ["乡村学校换新颜", "“我们在山里有个家”（记者手记）"]


def test_line_no_item_holds_is_logged_not_dropped_unnoticed(caplog):
    # A source line under the headline block belongs to no article the segmenter can tell;
    # it is left out, and the log says so.
    page = (
        "　　本报讯 县里新建的五所乡村学校全部投\n"
        "入使用，两千多名学生走进了新教室。\n"
        "五所乡村学校投入使用\n"
        "数据来源：县教育局\n"
    )
    with caplog.at_level("WARNING", logger="summarizer.segment"):
        (item,) = articles(page)
    assert item.headline == "五所乡村学校投入使用"
    assert any("数据来源：县教育局" in r.getMessage() and "left out" in r.getMessage()
               for r in caplog.records)


def test_photo_between_two_runs_of_one_width_does_not_tie_them_into_one_article():
    # An essay without a headline of its own, a photo item, then a report the block's
    # headline describes, all set at one width: the photo stands at the break between the
    # two stories, so the cut content makes there holds.
    essay = [
        "青春，如山间的清泉；青春，如", "初升的太阳。", "一代代青年在乡村学校里成长，",
        "走向更广阔的天地。", "新学期开学，山区县的十二所乡", "村学校全部完成校舍改造。",
        "孩子们走进了明亮的新教室，县", "教育局还为学校配齐了教师。",
        "开学第一天，新来的音乐老师带", "着孩子们唱起了歌。", "歌声飞出了教室，飞向了远处的",
        "山岗。", "乡村学校的新学期，从歌声里开", "始。", "山里的孩子说，长大了也要回到",
        "这里当老师。", "老师们说，守着这些孩子，心里", "踏实。", "家长们说，孩子们有了好学校，",
        "日子有了奔头。", "村里的老人说，读书的声音是最", "好听的声音。",
        "青年们说，要把青春写在乡村的", "大地上。",
    ]
    photo = [
        "山区铁路全线恢复运行", "9月1日，列车行驶在山区铁路上。近年来，受",
        "泥石流等灾害影响，这条铁路多次停运。今年", "以来，铁路部门对线路进行了整治。", "李四摄",
    ]
    report = [
        "今年以来，县公证处共办理学历", "、学位等公证事项三千多件，公", "证服务更加便捷高效。",
        "县里推出一批措施，让公证服务", "更便捷：公证事项网上办，一批", "证明材料免提交。",
        "县公证处负责人说，将推出更多", "便民措施，让群众少跑腿。",
    ]
    page = "\n".join(["县里推出一批措施让公证服务更便捷", *essay, *photo, *report]) + "\n"
    items = segment_text(page).items
    assert [(it.kind, it.headline) for it in items] == [
        ("article", None), ("caption", "山区铁路全线恢复运行"),
        ("article", "县里推出一批措施让公证服务更便捷"),
    ]
    assert items[2].body.startswith("今年以来")


def test_heading_lines_set_in_further_than_an_indent_head_a_new_article():
    # Three lines each set in by three spaces, where a paragraph's first line takes two:
    # display type set in the middle of the column, the heading of the report below rather
    # than sub-heads of the one above.
    page = "\n".join([
        "山区学校迎来新学期",
        "　　本报某地9月1日电  （记者王五）今", "天，山区县十二所乡村学校迎来新学",
        "期。孩子们走进明亮的新教室，县教", "育局为学校配齐了教师。",
        "　　开学第一天，新来的音乐老师带着", "孩子们唱起了歌。校长说，学校还将",
        "开设书法、美术和体育兴趣课程。",
        "　　　县图书馆开办“周末读书会”活动", "　　　书香飘进", "　　　寻常巷陌",
        "　　周末的上午，县图书馆的阅览室里", "坐满了读者。几位老人戴着老花镜，",
        "正在翻阅当天的报纸。",
        "　　读书会每周举办一次，请作家和教", "师来馆里讲书。图书馆馆长说，下一",
        "步还要把读书会办到社区去。",
    ]) + "\n"
    items = segment_text(page).items
    assert [(it.kicker, it.headline, it.sections) for it in items] == [
        (None, "山区学校迎来新学期", ()),
        ("县图书馆开办“周末读书会”活动", "书香飘进寻常巷陌", ()),
    ]
    assert items[1].body.startswith("周末的上午")


_FESTIVAL = [
    "　　上周六，城东社区的广场上搭起", "了十几个小摊位，居民们带来自家做",
    "的点心、种的蔬菜，和邻居们交换。", "　　八十岁的李大爷把自己写的春联",
    "送给了新搬来的年轻人。他说，远亲", "不如近邻，大家常走动才亲热。",
    "　　住在三楼的小王是一名护士，她", "在摊位前给老人们量血压，讲解夏天", "防暑的常识。",
    "　　孩子们最喜欢的是旧玩具交换区", "，一只布老虎换来了一套积木，两个",
    "小姑娘笑得合不拢嘴。",
    "　　中午时分，几户人家把饭菜端到", "一起，拼成了一张长长的百家宴。",
    "　　张阿姨做的红烧肉最受欢迎，不", "一会儿就被大家分光了。",
    "　　下午，社区合唱队登台演出，一", "首首老歌引得大家跟着哼唱。",
    "　　来自外省的赵女士刚搬来半年，", "她说这一天认识的人比过去半年还多", "。",
    "　　傍晚，居民们一起收拾场地，把", "垃圾分好类，广场又恢复了整洁。",
    "　　有居民提议，明年把邻里节办成两", "天，再加上厨艺比赛和书画展。",
    "　　物业公司也表示，将为活动提供场", "地和桌椅，并派人维持秩序。",
    "　　活动结束时，大家约定明年再见。", "　　社区负责人介绍，这样的活动已",
    "经办了五届，今年第一次请来了物业", "和辖区单位一起参加。",
]
_LIBRARY = [
    "　　周末的上午，县图书馆的阅览室", "里坐满了读者。几位老人戴着老花镜",
    "，正在翻阅当天的报纸。", "　　读书会每周举办一次，请作家和",
    "教师来馆里讲书。图书馆馆长说，下", "一步还要把读书会办到社区去。",
    "　　今年以来，县图书馆新增图书三千", "册，周末读书会已吸引两千多人次参加", "。",
]


def _festival_over_library(block: list[str]) -> str:
    """A long report on a neighbourhood festival and a short one on a library, set at one
    width under the headline block ``block``."""
    return "\n".join([*block, *_FESTIVAL, *_LIBRARY]) + "\n"


def test_cut_undone_above_a_found_headline_is_made_again_for_a_headline_left_over():
    # A long report whose block headline content cannot place, then a short one content
    # heads with its own headline, set at one width: the column joins them, and the
    # upper report's headline, left over, asks for the cut back.
    items = segment_text(_festival_over_library(
        ["一场特别的邻里节（社区新风）", "县图书馆开办周末读书会"])).items
    assert [it.headline for it in items] == [
        "一场特别的邻里节（社区新风）", "县图书馆开办周末读书会"]
    assert items[1].body.startswith("周末的上午")


def test_headline_left_over_over_three_lines_closed_by_a_column_name_is_no_text():
    # Three block lines no article took are usually text set without punctuation, but a
    # column name closing them, broken over two lines, makes them a heading: the cut the
    # column undid is made again for it.
    items = segment_text(_festival_over_library(
        ["城东社区", "一场特别的邻里节（社区", "新风）", "县图书馆开办周末读书会"])).items
    assert [(it.kicker, it.headline) for it in items] == [
        ("城东社区", "一场特别的邻里节（社区新风）"), (None, "县图书馆开办周末读书会")]
    assert items[1].body.startswith("周末的上午")


def _set_at(width: int, *paras: str) -> list[str]:
    """Paragraphs broken into lines ``width`` characters wide, as a column prints them: a
    closing mark that would open a line hangs past the edge of the line above instead."""
    lines: list[str] = []
    for para in paras:
        i = 0
        while i < len(para):
            end = i + width
            if para[end:end + 1] and para[end] in "，。、；：！？”）":
                end += 1
            lines.append(para[i:end])
            i = end
    return lines


def _sub_head_over_one_line(headline: str, width: int, before: list[str], sub_head: str,
                            one_line: str, after: list[str]) -> str:
    """One article in a column ``width`` wide whose sub-head stands over a paragraph of a
    single line."""
    return "\n".join([headline, *_set_at(width, *before), sub_head, one_line,
                      *_set_at(width, *after)]) + "\n"


# Each page is one article whose sub-head stands over a paragraph of a single line: the
# sub-head stays a section, and the one-line paragraph stays whole between it and the next.
@pytest.mark.parametrize("headline, width, before, sub_head, one_line, after", [
    pytest.param(
        # A sub-head of two phrases parted by a comma, well short of the column, over a
        # paragraph of one line: no line of a wrapped paragraph stops that short of the
        # column, so it is no first line of that paragraph, and the article runs on whole.
        "县里的果园迎来丰收季", 17,
        ["九月以来，县里两万亩苹果陆续成熟，果农们忙着采摘、分拣和装箱，收购商的货车排起了长队。",
         "县农业农村局介绍，今年全县苹果预计产量八万吨，比去年多出一成，优质果的比例也明显提高。"],
        "搭上快车，果子卖得更远", "电商让山里的苹果出了山。",
        ["在村里的直播间，年轻的主播举起一个红彤彤的苹果，向屏幕那头的网友介绍果园的土壤和光照。",
         "合作社负责人说，今年线上订单占到了三成，果农不出村就能把苹果卖到全国各地。"],
        id="of_two_phrases_over_a_one_line_paragraph"),
    pytest.param(
        # In a column eleven characters wide, a sub-head of nine over a one-line quotation:
        # a wrapped line stops short by a narrow character at most, never by two full ones.
        "小镇连夜护堤保平安", 11,
        ["连日强降雨后，河水漫过了堤岸，镇里的干部群众连夜上堤抢险，沙袋一层层垒了起来。",
         "天亮时，险情得到控制，堤坝后面的三个村子保住了，没有一户人家受淹。"],
        "守住堤坝，护好家园", "“大家快来搭把手啊！”",
        ["一声招呼，村里的年轻人扛起沙袋就往堤上跑，老人们在路边烧水做饭，给抢险的人送去热乎的饭菜。",
         "镇党委书记说，这次抢险靠的是大家一条心，下一步还要把堤坝全面加固一遍。"],
        id="two_characters_short_of_a_narrow_column"),
    pytest.param(
        # Quotation marks around a term (打造“某某”) leave a line a heading's words.
        "公交调度用上新系统", 15,
        ["今年以来，市里的公交车全部用上了新的调度系统，乘客在手机上就能看到车辆到站的时间。",
         "系统上线半年，全市公交准点率提高了一成，乘客候车时间平均缩短了五分钟。"],
        "打造公交“智慧大脑”", "数据多跑路，乘客少等待。",
        ["调度中心的大屏幕上，每一辆公交车的位置都看得清清楚楚，遇到堵车，系统会自动调整发车间隔。",
         "公交公司负责人说，明年还将把系统推广到郊区线路，让更多乘客享受到便利。"],
        id="with_a_quoted_term_over_a_one_line_paragraph"),
    pytest.param(
        # Quotation marks take a full cell in Chinese type: a sub-head of a phrase, a comma and a
        # quoted term stopping two characters short of the one-line paragraph under it, which
        # fills the column, was not broken by the column edge.
        "山里的猕猴桃熟了", 15,
        ["入秋以来，山区县的五万亩猕猴桃陆续成熟，果农们起早贪黑采果装箱，村口的收购点排起长队。",
         "县林业局介绍，今年全县猕猴桃预计产量六万吨，优质果率比去年提高了两成，收购价也稳中有升。"],
        "精心管护，守好“致富果园”", "果园里的农技员每天都要去巡园。",
        ["今年春天一场倒春寒，让不少果农捏了一把汗。农技员连夜上山，指导果农熏烟防冻，保住了花芽。",
         "合作社负责人说，明年还要再建两座冷库，让猕猴桃错峰上市，卖出更好的价钱。"],
        id="with_a_quoted_term_short_of_the_one_line_paragraph_under_it"),
    pytest.param(
        # Phrases of six and nine characters parted by a comma, three characters short of the
        # column, over a one-line paragraph: the comma ends the heading's first phrase, not a
        # clause of a sentence the column edge broke, and the article runs on whole.
        "县里秋粮丰收在望", 19,
        ["入秋以来，县里四十万亩水稻陆续灌浆，田间地头一片金黄，农技人员忙着下田查看长势和病虫害。",
         "县农业农村局介绍，今年全县秋粮播种面积稳中有增，预计总产量比去年增加五千吨左右。"],
        "守好耕地红线，稳住粮食生产基本盘", "手中有粮，心中不慌。",
        ["去年以来，县里新建高标准农田三万亩，修好了灌溉渠，解决了不少村子靠天吃饭的难题。",
         "种粮大户老周说，地平了，水通了，收割机也能开进田里，种粮的信心更足了。"],
        id="of_two_longer_phrases_three_characters_short"),
])
def test_sub_head_over_a_one_line_paragraph_stays_a_sub_head(headline, width, before, sub_head,
                                                             one_line, after):
    page = _sub_head_over_one_line(headline, width, before, sub_head, one_line, after)
    [item] = segment_text(page).items
    assert item.headline == headline
    assert item.sections == (sub_head,)
    assert f"\n{one_line}\n{after[0][:4]}" in item.body

def test_headline_piece_of_one_word_does_not_pull_in_paragraphs_that_use_the_word():
    # 上半年 on a block line of its own is the first piece of the foreign-trade report's
    # headline; read alone it matches every paragraph of the tourism report, which then
    # loses its own headline to that piece and runs into the meeting report above it.
    meeting = ["本报讯 昨天，县里召开全县工作会议，总结前段工作，部署下半年重点任务。",
               "会议要求，下半年各部门要抓好重点项目建设，稳住工业生产，办好民生实事。",
               "会议强调，下半年要压实安全生产责任，重点做好防汛和高温天气应对工作。"]
    tourism = ["暑假一到，全市旅游市场持续升温，各个景区的游客明显多了起来。",
               "上半年，市里新开了三条乡村旅游线路，暑期民宿的周末预订一房难求。",
               "上半年，全市接待旅游人数已超过去年全年，暑期旅游消费也跟着热了起来。",
               "上半年，文旅部门组织了十多场旅游推介活动。",
               "景区负责人说，暑期旅游市场还将持续升温，要把服务做得更细。"]
    trade = ["本报讯 记者从海关获悉，上半年全市外贸进出口总值三百亿元，同比增长一成。",
             "其中出口增长一成五，机电产品和农产品出口增长较快。",
             "海关负责人说，将继续优化通关服务，帮助企业开拓市场。"]
    lines = ["县里部署下半年重点工作", "暑期旅游市场持续升温", "上半年",
             "全市外贸进出口同比增长一成",
             *_set_at(16, *meeting, *tourism), *_set_at(13, *trade)]
    items = segment_text("\n".join(lines) + "\n").items
    assert [it.headline for it in items] == [
        "县里部署下半年重点工作", "暑期旅游市场持续升温", "上半年全市外贸进出口同比增长一成"]
    assert items[1].body.startswith("暑假一到")


def test_block_lines_set_in_differently_belong_to_different_heading_groups():
    # Two reports set at one width under a block: the column joins them, and the block's
    # lines, read as one group, went to the joined article whole. The lower report's
    # lines are set in further than the upper one's, so the groups part there, and the
    # upper report's headline, left over, asks for the cut back.
    meeting = ["本报讯 昨天，县里召开乡村振兴推进会，总结上半年工作，部署下一步任务。",
               "会议要求，各乡镇要把乡村振兴各项任务落到实处，推进会还表彰了一批先进村。"]
    orchard = ["“以前种的果子卖不上价，合作社成立后，乡亲们的日子越过越好。”南山村村民老王说。",
               "南山村合作社统一收购、统一销售，去年带动一百多户乡亲增收。",
               "合作社负责人说，今年要建一座冷库，让乡亲们的果子卖得远。"]
    workshop = ["北岭村村头的来料加工车间里，八十多名村民正在缝纫机前缝制帽子。",
                "北岭村把来料加工车间建到了村头，乡亲们在家门口就能上班，一个月能挣三千多元。",
                "车间负责人介绍，今年村里的来料加工产业还将扩大规模，带富更多乡亲。"]
    lines = ["县里召开乡村振兴推进会", "南山村", "合作社带富一方乡亲",
             "　　　北岭村发展来料加工", "　　　车间搬到村头", "　　　产业立在田间",
             *_set_at(16, *meeting), *_set_at(15, *orchard, *workshop)]
    items = segment_text("\n".join(lines) + "\n").items
    assert [(it.kicker, it.headline) for it in items] == [
        (None, "县里召开乡村振兴推进会"), (None, "南山村合作社带富一方乡亲"),
        ("北岭村发展来料加工", "车间搬到村头产业立在田间")]
    assert items[2].body.startswith("北岭村村头")


def test_alias_in_brackets_at_the_column_edge_is_no_column_name():
    # A paragraph's first line that happens to end in a bracket at the column edge: an
    # alias (（化名）) or a school's other name never names a column, so the paragraph
    # runs on instead of opening an article under that line.
    lines = ["山村小学来了新老师", *_set_at(
        11, "今年秋天，村里的小学来了三位新老师，学校开齐了音乐、美术和体育课。",
        "五岁的男孩小亮（化名）每天第一个到学校，他说最喜欢上新老师的音乐课。",
        "校长说，明年还要再招两位老师，让孩子们在家门口就能上好学。")]
    [item] = segment_text("\n".join(lines) + "\n").items
    assert item.headline == "山村小学来了新老师"
    assert "\n五岁的男孩小亮（化名）每天第一个到学校" in item.body


def test_salutation_opening_a_speech_at_the_top_of_the_page_is_text_not_a_kicker():
    # 各位同事： over an unpunctuated line looks like a speaker's kicker over a headline,
    # but a salutation opens the speech it stands over.
    lines = [*_set_at(
        13, "各位同事：",
        "感谢大家从各个学校赶来参加今天的座谈会，刚才几位校长的发言都很实在。",
        "今年全县新建改建了十二所乡村学校，补充了一百多名教师，孩子们在家门口就能上好学。",
        "希望大家再接再厉，把每一所学校都办成家长放心、孩子喜欢的好学校。谢谢大家！"),
        "办好每一所家门口的学校", "——在全县教育工作座谈会上的讲话"]
    [item] = segment_text("\n".join(lines) + "\n").items
    assert (item.kicker, item.headline) == (None, "办好每一所家门口的学校")
    assert item.body.startswith("各位同事：\n感谢大家")


def test_paragraph_under_a_photo_item_goes_with_the_article_below_that_shares_its_words():
    # The paragraph right under a photo item names nobody in the headline above the next
    # paragraph, so content cuts one paragraph late; it shares its words (老周, 文化室)
    # with the paragraphs under it, and the photo item is where the column breaks.
    economy = [
        "上半年，全国工业生产稳步恢复，装备制造业增势较好，制造业投资保持较快增长。",
        "从行业看，电子信息、装备制造和新材料产业增势明显，成为拉动增长的主要力量，重点项目建设稳步推进。",
        "专家认为，下半年经济有望延续回升势头，但仍要关注外需放缓带来的压力，稳住外贸基本盘。",
        "消费市场持续回暖。上半年社会消费品零售总额增长七个百分点，餐饮、住宿和文旅消费恢复较快。",
        "新能源汽车、智能家电等升级类商品销售旺盛，线上零售额占比进一步提高，县域商业体系加快完善。",
        "外贸结构继续优化。机电产品出口占比超过六成，对共建“一带一路”国家进出口保持两位数增长。",
        "财政金融支持力度加大。上半年新增减税降费及退税缓费超过三百亿元，普惠小微贷款余额稳步增长。",
        "就业形势总体稳定。城镇新增就业完成年度目标的六成，重点群体就业得到较好保障。",
        "物价水平温和运行。居民消费价格同比上涨不到一个百分点，粮食和能源供应充足。",
        "粮食生产形势良好。夏粮又获丰收，秋粮长势总体较好，农田水利设施加快建设。",
        "营商环境持续改善。新登记经营主体数量同比增长一成多，民间投资信心有所恢复。",
        "下一步，要坚持稳中求进，加力实施扩大内需的各项举措，推动经济持续向好。"]
    lines = [
        "全省高校毕业生招聘会举行", "湖滨镇开展“夜间课堂”进社区", "推动职业技能培训向基层延伸",
        *_set_at(14, *("　　" + p for p in (
            "八月二十日，全省高校毕业生招聘会在省会举行，三百多家用人单位带来八千多个岗位。",
            "招聘会现场，前来咨询的毕业生排起长队。不少企业负责人说，希望招到懂技术、肯吃苦的年轻人。",
            "据了解，今年全省高校毕业生超过四十万人，招聘会还将在各市陆续举办，为毕业生就业搭建平台。"))),
        *_set_at(10, *("　　" + p for p in economy)),
        "图片报道",
        *_set_at(20, "　　山区古村近年修缮传统民居，发展乡村旅游，吸引不少游客前来。"
                 "图为游客在古村的石板路上拍照留念。"),
        "　　李  明摄",
        *_set_at(10, *("　　" + p for p in (
            "晚上七点，村文化室里坐满了人，电工师傅老周正在黑板上画电路图，台下的村民听得很认真。",
            "老周是湖滨镇“夜间课堂”请来的老师。今年以来，湖滨镇把职业技能培训办到社区，居民下班后就能来听课。",
            "镇里负责人介绍，“夜间课堂”已开设电工、烹饪、育婴等八门课程，参加培训的居民超过六百人次。",
            "湖滨镇还把“夜间课堂”开进了村里，职业技能培训的老师每周到村文化室上两次课。",
            "“在家门口就能学手艺，培训结束还能考证。”湖滨镇的村民王芳说，她准备报名学习育婴课程。")))]
    items = segment_text("\n".join(lines) + "\n").items
    assert [(i.kind, i.headline) for i in items] == [
        ("article", "全省高校毕业生招聘会举行"), ("article", None), ("caption", "图片报道"),
        ("article", "湖滨镇开展“夜间课堂”进社区推动职业技能培训向基层延伸")]
    assert items[1].body.endswith("推动经济持续向好。")
    assert items[3].body.startswith("晚上七点，村文化室里坐满了人")


def test_quotation_left_open_at_the_column_edge_of_a_flush_left_page_goes_on():
    # On a page whose paragraphs start flush left, a full line ending in a question mark
    # could end its paragraph; a quotation it opens and leaves open says the sentence goes
    # on, so the line is no headline of the article under the author's note above it.
    first = "老校长在座谈会上强调：“乡村的学校为什么要办好？"
    lines = [*_set_at(
        24, "乡村教育关系千家万户。近年来，各地加大投入，改善乡村学校办学条件，一批薄弱学校旧貌"
        "换新颜，孩子们在家门口就能上好学。",
        "办好乡村教育，关键在教师。要完善乡村教师培养补充机制，提高乡村教师待遇，让他们留得住、"
        "教得好。", "（作者为师范大学教育学院教授）"),
        first, *_set_at(
            24, "因为它连着孩子的未来，也连着乡村的明天。”这句话道出了乡村学校的分量，也说出了无数"
            "乡村教师坚守的理由。",
            "在山区任教三十年，老校长送走了一届又一届学生。他说，只要孩子们愿意读书，学校就一定要"
            "办下去。"),
        "（作者为某县教育局退休干部）", "让乡村孩子在家门口上好学", "老校长的坚守"]
    assert len(first) == 24
    items = segment_text("\n".join(lines) + "\n").items
    assert [i.headline for i in items] == ["让乡村孩子在家门口上好学", "老校长的坚守"]
    assert items[1].body.startswith(first + "因为它连着孩子的未来")


_FLOOD_OPENING = """山洪过后的小镇
七月四日凌晨，小镇暴
雨如注，三个村降下大
暴雨，有的村一小时雨
量超过80毫米，几条村
道被冲断，群众受困。
镇里第一时间启动应急
预案，干部群众连夜转
移受灾居民，各级干部
压实责任、冲锋在前，
努力把损失降到最低。
"""


def test_sub_head_a_character_short_of_a_quotation_under_it_is_no_wrapped_line():
    # In a column ten characters wide a sub-head of nine full-width characters is a
    # character short of the quotation under it, which fills the column and hangs its
    # closing mark past the edge: the sub-head was not broken by that edge.
    page = _FLOOD_OPENING + """冲锋在前，抢险救援
“桥下有人被困住了！”
听到呼喊声，正在搬运
物资的老党员陈师傅扔
下麻袋，和几名年轻人
一起冲向河边。
十几分钟后，被困的两
名群众被拉上了岸。大
家舒了一口气，又投入
到抢险中。
"""
    [item] = segment_text(page).items
    assert (item.headline, item.sections) == ("山洪过后的小镇", ("冲锋在前，抢险救援",))
    assert "\n“桥下有人被困住了！”\n听到呼喊声" in item.body


def test_sub_head_a_character_short_of_the_column_above_is_no_wrapped_line():
    # The lines under the sub-head are too few to show the column; the paragraph above
    # shows it a character wider than the sub-head, as the line under it is.
    page = _FLOOD_OPENING + """闻令而动，转移群众
沿河老街旁，有一块“
最高洪水水位”的记录：
刻度标着203米，高于
河床10米。7月4日，这
一记录被洪水打破。
凌晨三点，镇干部小李
挨家挨户敲门，把行动
不便的老人背上高处。
"""
    [item] = segment_text(page).items
    assert (item.headline, item.sections) == ("山洪过后的小镇", ("闻令而动，转移群众",))
    assert "\n沿河老街旁，有一块“最高洪水水位”的记录：\n" in item.body


def test_left_over_kicker_headline_and_column_name_are_a_heading_not_text():
    # Three block lines no article took, a kicker (——), a headline and a headline closed by
    # its column name, are the heading of the article that only its shared column joined to
    # the one above; text left in a block never opens with a kicker.
    lines = [
        "　　市场监管总局推出一批措施", "　　让网购退货更加省心省力",
        "江南市东湖街道——", "坐下来商量", "议出好办法（基层治理·在现场）",
        *_set_at(24, *("　　" + p for p in (
            "本报北京7月3日电（记者王明）记者从市场监管总局获悉：总局近日推出一批措施，规范网购"
            "退货服务，让消费者退货更加省心省力。",
            "措施要求，电商平台应当在商品页面显著位置标明退货规则，不得以任何理由拒绝消费者七日"
            "无理由退货的合理要求。",
            "针对退货运费纠纷较多的问题，措施提出，平台要完善运费险服务，退货运费由谁承担应当在"
            "下单前告知消费者。",
            "市场监管总局有关负责人表示，消费者遇到退货难题，可以先与商家坐下来商量，商量不成再"
            "向监管部门投诉。",
            "傍晚六点，东湖街道的夜市准时开张，烤串、凉面、糖水摊位一字排开，来往的顾客络绎不绝。",
            "然而就在不久前，东湖街道的夜市还让附近的居民头疼不已：油烟飘进窗户，音响声音太大，"
            "垃圾没人清理。",
            "“居民有意见，摊主也有难处。”街道负责人说，光靠推出一批措施管不好夜市。今年四月，"
            "街道把摊主、居民和城管队员请到一起，面对面沟通。",
            "会上，居民代表提出希望规定收摊时间，摊主代表表示愿意统一安装油烟净化设备，城管队员"
            "建议划定摊位范围。",
            "几轮沟通下来，大家达成了一致意见：夜市晚上十一点前收摊，摊主轮流负责清扫，街道增设"
            "垃圾桶和公共厕所。",
            "如今，东湖街道的夜市干净整洁了，居民的投诉少了，摊主的生意也更好了。“有事大家一起"
            "谈，问题就能解决。”一位摊主说。")))]
    items = segment_text("\n".join(lines) + "\n").items
    assert [(i.kicker, i.headline) for i in items] == [
        (None, "市场监管总局推出一批措施让网购退货更加省心省力"),
        ("江南市东湖街道——", "坐下来商量议出好办法（基层治理·在现场）")]
    assert items[1].body.startswith("傍晚六点，东湖街道的夜市准时开张")


def test_closing_line_as_wide_as_the_next_column_stays_above_the_heading_under_it():
    # A one-line closing paragraph happens to be exactly as wide as the narrower column of
    # the next article; the heading lines printed under it, not the line itself, are where
    # that article begins, though content alone is unsure the lines are a headline.
    closing = "科学之光，终将点亮满天繁星。"
    lines = ["　　　　县里建成第一座科技馆", *_set_at(24, *("　　" + p for p in (
        "本报讯（记者张华）八月一日，县里第一座科技馆正式开馆，来自全县各个学校的学生代表参观"
        "了展厅。",
        "科技馆分为航天、海洋、生命科学等六个展区，展品大多可以动手操作，学生们在体验中了解科学"
        "知识。",
        "县教育局负责人介绍，科技馆将免费向中小学生开放，还将与学校合作开设科学课程，让更多孩子"
        "爱上科学。", closing))),
        "我国科研团队研制出新型电池", "有望大幅延长手机续航时间",
        *_set_at(16, *("　　" + p for p in (
            "近日，某大学科研团队研制出一种新型电池材料，相关成果日前发表在国际期刊上。",
            "研究人员介绍，新材料能让电池储存更多电量，用在手机上，续航时间有望延长一倍。",
            "团队负责人表示，下一步将与企业合作，推动这项成果尽快走出实验室，走进百姓生活。")))]
    items = segment_text("\n".join(lines) + "\n").items
    assert [(i.headline, i.sections) for i in items] == [
        ("县里建成第一座科技馆", ()), ("我国科研团队研制出新型电池有望大幅延长手机续航时间", ())]
    assert items[0].body.endswith("\n" + closing)


def test_dateline_under_a_bullet_summary_broken_into_two_paragraphs_goes_on_the_report():
    # Bullet points summing up a report stand over its dateline, which opens no new
    # article; on a page without indents the last point, broken where a sentence ended at
    # the column edge, reaches the dateline as a paragraph without a bullet.
    page = """全省教育工作会议强调
奋力建设教育强省 办好人民满意的教育
■今后五年是教育强省建设的关键时期，要坚
持立德树人，推动各级各类教育高质量发展，
让每个孩子在家门口都能上好学、读好书
■要加大投入，补齐乡村学校办学条件短板，
加强乡村教师队伍建设，推动城乡教育一体化
发展
■办好教育是全省上下的共同责任，各地要坚
持把教育摆在优先发展的战略位置，全力支持
教育事业发展。
各有关部门要各司其职。全省上下要形成推进
教育发展的合力，不折不扣抓好各项任务落实

本报杭州8月20日电  全省教育工作会议20
日在杭州召开。会议强调，今后五年是教育强
省建设的关键时期，要坚持立德树人，推动各
级各类教育高质量发展。
会议要求，各地要加大投入，补齐乡村学校短
板，加强乡村教师队伍建设，让每个孩子在家
门口都能上好学、读好书。
会议指出，办好教育是全省上下的共同责任，
各地各部门要把教育摆在优先发展的位置，形
成推进教育发展的合力。
"""
    [item] = segment_text(page).items
    assert item.kicker == "全省教育工作会议强调"
    assert item.headline == "奋力建设教育强省办好人民满意的教育"
    assert item.body.startswith("■今后五年")
    assert "抓好各项任务落实\n本报杭州8月20日电" in item.body


def test_headless_part_joined_by_its_column_still_takes_the_headline_its_opening_names():
    # Content leaves a short health column without a headline (too few paragraphs to pay
    # for one) and its shared column joins it to the comment above; its first paragraph
    # names the headline left over in the block, which claims the cut back.
    def set_in(width: int, *paras: str) -> list[str]:
        return _set_at(width, *("　　" + p for p in paras))
    lines = [
        *set_in(16, "家庭医生门诊开到了社区卫生服务中心，居民看病不用再往大医院跑。",
                "早上八点，社区卫生服务中心的家庭医生门诊前已经有居民在排队。",
                "家庭医生王医生介绍，门诊主要为签约居民提供常见病诊治、慢性病管理和健康咨询。",
                "七十岁的李大爷患有高血压，每个月都到家庭医生门诊复查，医生还会上门随访。",
                "社区卫生服务中心负责人说，家庭医生门诊开设以来，签约居民已经超过两万人。",
                "为方便居民，家庭医生门诊还开通了线上预约，居民在手机上就能挂号。",
                "区卫生健康委表示，今年将在全区所有社区卫生服务中心开设家庭医生门诊。"),
        *set_in(13, "家庭医生门诊开进社区，是方便群众看病的好事，也考验着基层的服务能力。",
                "让家庭医生更贴心，关键在于提高家庭医生的业务水平，让居民信得过。",
                "还要完善激励机制，让家庭医生愿意扎根社区，把签约服务做实做细。",
                "家庭医生贴心了，居民的健康才更有保障。"),
        *set_in(13, "立秋时节，天气渐凉，秋燥渐起，养生要注意养肺。",
                "中医认为，秋季对应肺，燥邪容易伤肺，出现口干、咽燥、干咳等症状。",
                "饮食上可以多吃梨、百合、银耳等润肺的食物，少吃辛辣。",
                "起居上要早睡早起，适当运动，增强体质。"),
        *set_in(10, "暑假是孩子近视高发期，眼科专家提醒家长，要控制孩子看手机的时间。",
                "专家介绍，近距离用眼时间过长，是导致近视的重要原因。",
                "建议孩子每天户外活动两小时以上，多看远处，让眼睛得到休息。",
                "看书写字时要保持正确姿势，眼睛与书本的距离保持在一尺左右。",
                "一旦发现孩子看东西眯眼、歪头，要及时到医院检查。",
                "专家提醒，近视一旦发生就不可逆，预防比治疗更重要。"),
        "立秋时节话养肺（养生课堂）", "社区卫生服务中心开设家庭医生门诊",
        "让家庭医生更贴心（短评）"]
    items = segment_text("\n".join(lines) + "\n").items
    assert [i.headline for i in items] == [
        "社区卫生服务中心开设家庭医生门诊", "让家庭医生更贴心（短评）",
        "立秋时节话养肺（养生课堂）", None]
    assert items[1].body.endswith("居民的健康才更有保障。")
    assert items[2].body.startswith("立秋时节，天气渐凉")


def test_quotation_trailing_off_in_an_ellipsis_over_two_lines_is_text_not_a_sub_head():
    # Two lines with no sentence mark look like a wrapped sub-head, but a list that trails
    # off in …… inside its closing quote is what someone said.
    page = """开学前夕的山村
九月一日就要开学了，村里的孩
子们早早做好了准备。村委会给
每个孩子都送去了开学礼物。
“新书包、新文具、新校服、运
动鞋、自行车……”
小明的奶奶数着村里送来的东西，
笑得合不拢嘴。她说，孩子的爸
妈在外地打工，村里的照顾让一
家人都很放心。
村委会主任说，今年村里还修好
了通往学校的路，孩子们上学更
方便了，家长们也更安心了。
"""
    [item] = segment_text(page).items
    assert item.sections == ()
    assert "\n“新书包、新文具、新校服、运动鞋、自行车……”\n小明的奶奶" in item.body


def test_company_s_bracketed_share_form_at_the_column_edge_is_no_column_name():
    # 某某船务（股份） / 有限公司: the bracket is part of the company's name, not a column's.
    page = """港口新开海上游航线
暑假期间，港口迎来客流高峰，不
少市民带着孩子乘船出海游览，码
头上排起了长长的队伍。
当地一家航运企业南海船务（股份）
有限公司也于近期开设了亲子主题
航班，船上设有航海知识展和互动
游戏，受到家长和孩子的欢迎。
港口负责人介绍，今年暑期的客流
量比去年同期增长了三成，新航线
还将陆续开通。
"""
    [item] = segment_text(page).items
    assert item.headline == "港口新开海上游航线"
    assert "\n当地一家航运企业南海船务（股份）有限公司也于近期" in item.body


def test_quotation_left_open_over_a_gap_at_the_column_edge_goes_on_under_an_indent():
    # A paragraph's first line that opens an exhibition's title in quotes, its words set
    # apart by gaps, and stops a character short of the column looks like a two-part
    # headline; the quotation left open says the sentence runs on into the line under it.
    lines = [
        "　　　　乡村振兴成果展开幕",
        *_set_at(16, "　　本报讯（记者李华）八月二十日，全省乡村振兴成果展在省会开幕，"
                 "三百多个村庄的特色产品集中亮相，吸引了大批市民前来参观。"),
        "　　主展区设“绿水青山  美丽乡村  ", " ".join("新时代——全省乡村振兴发展成就"),
        *_set_at(16, "展”，通过图片、实物和视频，展示各地发展乡村产业、建设美丽乡村的成效，"
                 "不少展品是第一次在省会展出。展区还专门设置了直播间，请来各地的村干部和"
                 "致富带头人，向观众推介家乡的特色产品。",
                 "　　展览将持续一周，市民可以免费参观，还能现场购买各地的特产。")]
    [item] = segment_text("\n".join(lines) + "\n").items
    assert (item.headline, item.sections) == ("乡村振兴成果展开幕", ())
    assert "\n主展区设“绿水青山美丽乡村新时代——全省乡村振兴发展成就展”，通过" in item.body


def test_line_set_in_by_half_an_indent_is_a_heading_not_a_paragraph_s_first_line():
    # With its one ideographic space the headline is exactly as wide as the column of
    # paragraphs set flush left under it; a paragraph's indent takes two.
    lines = ["　山村学校迎来新学期的第一课", *_set_at(
        14, "九月一日，山村学校迎来了新学期。校长带着孩子们升国旗、唱国歌，上好开学第一课。",
        "今年暑假，县里为学校新建了图书室和运动场，还补充了三名年轻教师。",
        "孩子们说，新学期最期待的是在新图书室里读书，在新运动场上踢球。")]
    [item] = segment_text("\n".join(lines) + "\n").items
    assert item.headline == "山村学校迎来新学期的第一课"
    assert item.body.startswith("九月一日，山村学校迎来了新学期。")


def test_bullet_points_under_the_page_s_first_headline_are_body_not_headline_block():
    # Bullet points sum up a report without final marks, so no sentence ends above its
    # dateline; a headline never opens with a bullet, so the headline block ends at the
    # first one.
    lines = ["全省职业教育工作会议召开", "推动职业教育与产业发展同频共振", *_set_at(
        11, "　　■职业教育与产业发展联系最紧密，要围绕全省重点产业布局专业。学校培养什么样的"
        "人，要听企业的意见，让学生学到真本领、练就硬功夫，毕业就能上岗",
        "　　■要深化产教融合、校企合作，支持企业深度参与职业学校办学。企业出设备、出师傅，"
        "学校出场地、出老师，共同培养技术技能人才队伍。这是职业教育办出特色的关键",
        "　　■各地要加大投入",
        "　　本报杭州8月20日电（记者王明）全省职业教育工作会议20日在杭州召开。会议强调，"
        "职业教育与产业发展联系最紧密。",
        "　　会议要求，要深化产教融合、校企合作，支持企业深度参与职业学校办学。")]
    [item] = segment_text("\n".join(lines) + "\n").items
    assert item.headline == "全省职业教育工作会议召开推动职业教育与产业发展同频共振"
    assert item.body.startswith("■职业教育与产业发展联系最紧密")
    assert "这是职业教育办出特色的关键\n" in item.body
    assert "\n本报杭州8月20日电" in item.body


def test_one_line_bullet_point_stays_in_the_body_not_a_sub_head():
    # A bullet point short enough to fit one line, without a final mark like the others,
    # is one of the points, not a sub-head; a box label behind a bullet (■记者手记) still is.
    lines = ["全省职业教育工作会议召开", "推动职业教育与产业发展同频共振", *_set_at(
        11, "　　■职业教育与产业发展联系最紧密，要围绕全省重点产业布局专业。学校培养什么样的"
        "人，要听企业的意见，让学生学到真本领、练就硬功夫，毕业就能上岗",
        "　　■各地要加大投入",
        "　　本报杭州8月20日电（记者王明）全省职业教育工作会议20日在杭州召开。会议强调，"
        "职业教育与产业发展联系最紧密。",
        "　　会议要求，各地要加大投入，支持职业学校改善办学条件。"),
        "　　■记者手记", *_set_at(11, "　　走进会场，记者听到最多的一个词是“产教融合”。")]
    [item] = segment_text("\n".join(lines) + "\n").items
    assert item.sections == ("■记者手记",)
    assert "毕业就能上岗\n■各地要加大投入\n本报杭州8月20日电" in item.body


def test_headline_with_a_colon_wider_than_the_column_is_no_line_of_the_first_paragraph():
    # 某某：某某 printed across more than the column, over a one-line first paragraph that
    # ends in a full stop: no paragraph's line is that much wider than its column.
    lines = ["东湖农商银行：做好服务乡村振兴大文章", "今年是东湖农商银行成立十周年。", *_set_at(
        13, "十年来，东湖农商银行立足服务地方经济、服务小微企业、服务城乡居民的市场定位，"
        "把网点开到了乡镇和村里。",
        "截至今年六月，该行涉农贷款余额超过两百亿元，支持了一大批家庭农场和农民合作社。",
        "该行负责人表示，下一步将继续加大金融支农力度，为乡村振兴提供更多金融服务。")]
    [item] = segment_text("\n".join(lines) + "\n").items
    assert item.headline == "东湖农商银行：做好服务乡村振兴大文章"
    assert item.body.startswith("今年是东湖农商银行成立十周年。\n十年来")


def test_quotation_opening_a_narrower_column_runs_on_though_the_wider_one_is_nearer():
    # The first line of an article set in a narrower column opens a quotation and stops a
    # character short of that column; measured against the wider column of the article
    # above, it looks like a heading, but the quotation it leaves open runs on.
    lines = ["县里召开乡村学校建设推进会", "让每所乡村学校都办出特色",
             *_set_at(17, "　　本报讯（记者张华）八月二十日，县里召开乡村学校建设推进会，"
                      "各乡镇和学校负责人参加会议。",
                      "　　会议要求，今年要完成十二所乡村学校的改造任务，补齐办学条件短板，"
                      "让孩子们在家门口就能上好学。会议还要求，各乡镇要落实属地责任，教育、"
                      "财政、自然资源等部门要密切配合，确保各项工程按期完工、质量过硬。"),
             "　　“让每所乡村学校",
             *_set_at(11, "都办出特色，让每个孩子都能在家门口上好学。”八月十八日，县教育局局长在"
                      "全县校长会上这样说。",
                      "　　这两年，全县乡村学校结合当地实际，开设了剪纸、竹编、农耕等特色课程，"
                      "孩子们很喜欢。",
                      "　　局长说，办出特色，关键在老师，县里将加大培训力度，让乡村老师开阔眼界。")]
    items = segment_text("\n".join(lines) + "\n").items
    assert [(i.headline, i.sections) for i in items] == [
        ("县里召开乡村学校建设推进会", ()), ("让每所乡村学校都办出特色", ())]
    assert items[1].body.startswith("“让每所乡村学校都办出特色，让每个孩子")


def test_author_note_closing_its_bracket_ends_the_text_above_a_bottom_block():
    # The last article's author note wraps over two lines as wide as the column; once its
    # bracket closes, the block lines under it, as wide or wider, are headlines again, and
    # the one filling the column stays apart from the headline wrapped under it.
    page = "\n".join([
        *_set_at(14, *("　　" + p for p in (
            "城南小学把剪纸、竹编等老手艺搬进了课堂，请来非遗传承人每周给孩子们上一节手工课。",
            "校长说，孩子们在新课堂上动手又动脑，对家乡的老手艺有了感情。"))),
        "（本报记者  王小林）",
        *_set_at(14, *("　　" + p for p in (
            "街道的社区图书馆开放一年来，借阅量超过两万册，周末的阅览室常常一座难求。",
            "图书馆还开设了亲子阅读课和老年人手机课，成了居民家门口的“充电站”。"))),
        "（作者为江南市文化馆馆员）",
        *_set_at(14, *("　　" + p for p in (
            "入秋以后天气干燥，饮食宜清淡，可以多吃梨、百合、银耳等润燥的食物，少吃辛辣油腻。",
            "专家提醒，老人和孩子脾胃较弱，进补要循序渐进，不宜一下子吃得太多太杂。"))),
        *_set_at(14, "（作者分别为江南大学食品科学与技术学院教授、博士研究生）"),
        "社区图书馆成了居民的“充电站”（文化观察）",
        "　　秋季饮食宜清淡（健康生活）",
        "让老手艺走进",
        "新课堂（非遗传承）",
    ]) + "\n"
    items = articles(page)
    assert [it.headline for it in items] == [
        "让老手艺走进新课堂（非遗传承）", "社区图书馆成了居民的“充电站”（文化观察）",
        "秋季饮食宜清淡（健康生活）"]
    assert items[2].body.startswith("入秋以后") and "社区图书馆" not in items[2].body


def test_question_headline_over_its_column_name_on_a_line_of_its_own():
    # A headline ending in a question mark, its column's name set on the next line in
    # brackets: one heading, not a one-line paragraph signed by an author's name.
    page = "\n".join([
        "湿地公园迎来候鸟",
        *_set_at(16, *("　　" + p for p in (
            "入冬以来，城郊湿地公园陆续迎来白鹭、野鸭等候鸟，不少市民带着相机前来观鸟。",
            "公园管理处介绍，近年来湿地水质持续改善，来这里越冬的候鸟种类逐年增多。"))),
        "为什么秋天的树叶会变红？",
        "（把自然讲给你听）",
        *_set_at(16, *("　　" + p for p in (
            "秋天气温下降，树叶里的叶绿素逐渐分解，绿色褪去，原本被遮住的颜色就显露出来。",
            "枫树等树种的叶子里还会生成花青素，天气越冷、日照越足，树叶就红得越鲜艳。"))),
    ]) + "\n"
    items = articles(page)
    assert [it.headline for it in items] == [
        "湿地公园迎来候鸟", "为什么秋天的树叶会变红？（把自然讲给你听）"]
    assert items[0].byline is None and items[1].body.startswith("秋天气温下降")


def test_kicker_with_a_comma_over_a_wider_headline_is_a_heading_not_a_paragraph():
    # A kicker ending in —— with a comma in it, as wide as the next article's column, over
    # a headline wider still: two lines that end without a mark are no paragraph.
    page = "\n".join([
        "全市科技社团超过两千家",
        *_set_at(10, *("　　" + p for p in (
            "记者从市民政局获悉，目前全市登记的科技类社会组织超过两千家。",
            "这些社团积极开展学术交流，成为建设科技强市的重要力量。"))),
        "立足需求，产教融合——",
        "江南市加速培养企业数字人才",
        *_set_at(11, *("　　" + p for p in (
            "近日，在江南市一家机械制造企业，新员工小王接过了两张数字技能证书。",
            "今年以来，江南市人社局联合高校和龙头企业开设数字人才订单班，学员毕业就能上岗。"))),
    ]) + "\n"
    items = articles(page)
    assert [(it.kicker, it.headline) for it in items] == [
        (None, "全市科技社团超过两千家"), ("立足需求，产教融合——", "江南市加速培养企业数字人才")]
    assert items[1].body.startswith("近日，在江南市")


def test_block_line_wider_than_the_column_over_a_one_line_first_paragraph_stays_a_headline():
    # The block's last headline is two characters wider than the first article's column; the
    # first paragraph, one line, fills that column: the headline is no line of it.
    page = "\n".join([
        "雪线上的邮路",
        "乡村卫生室换新颜",
        "江南县开展廉洁文化进校园活动",
        "雪山无言，邮路漫漫。",
        *_set_at(10,
                 "三十年来，老邮递员每月都要翻过两座雪山，把报纸和信件送到海拔四千米的牧场。",
                 "他说，牧民们等着看报纸，再难走的路也得走下去。"),
        "（本报记者  李华）",
        *_set_at(10,
                 "今年以来，全县四十个村的卫生室完成改造，添置了新设备，村民看病更方便了。",
                 "村医说，常见病在家门口就能看，老人们不用再往县城跑。"),
        "（本报记者  王明）",
        *_set_at(10,
                 "本报讯  江南县近日开展廉洁文化进校园活动，组织学生参观廉政教育基地。",
                 "县纪委有关负责人表示，廉洁文化要从娃娃抓起。"),
    ]) + "\n"
    items = articles(page)
    assert [it.headline for it in items] == [
        "雪线上的邮路", "乡村卫生室换新颜", "江南县开展廉洁文化进校园活动"]
    assert items[0].body.startswith("雪山无言，邮路漫漫。\n三十年来")


def test_phone_number_broken_at_the_column_edge_stays_with_its_contact_line():
    # The last figure of a telephone number wraps onto a line of its own; the contact lines
    # stay together at the end of their notice, and the next article begins after them.
    page = "\n".join([
        "县图书馆征集老照片",
        *_set_at(14,
                 "为纪念建馆七十周年，县图书馆即日起面向社会征集反映县城变迁的老照片，入选作品将在"
                 "馆内展出。",
                 "征集截止到十月底。"),
        "县图书馆联系方式：",
        "电话：０１０—８８００１２３",
        "４",
        "传真：０１０—８８００１２５",
        "６",
        "乡村卫生室换新颜",
        *_set_at(14,
                 "今年以来，全县四十个村的卫生室完成改造，添置了新设备，村民看病更方便了。"),
    ]) + "\n"
    items = articles(page)
    assert [it.headline for it in items] == ["县图书馆征集老照片", "乡村卫生室换新颜"]
    assert "010—88001234" in items[0].body + (items[0].byline or "")
    assert "010—88001256" in items[0].body + (items[0].byline or "")
    assert items[1].body.startswith("今年以来")


def test_numbered_list_entry_under_a_headline_is_a_section_not_part_of_the_headline():
    # Entries numbered 1. and 2. open the sections of a guide under its headline; the first
    # one, right under the headline, is no second headline line.
    page = "\n".join([
        "古村里的红色记忆",
        *_set_at(14,
                 "青山村位于太行山深处，抗战时期曾有一所干部学校在这里办学，村里至今保留着当年的"
                 "校舍和礼堂。",
                 "近年来，村里修缮旧址、开办展览，每年接待游客十多万人次。"),
        "（本报记者  李华）",
        "青山村周边红色景点",
        "1.干部学校旧址陈列馆",
        *_set_at(14, "陈列馆位于青山村村口，展出当年师生使用过的课本、油灯和书信三百余件。"),
        "2.烈士纪念林",
        *_set_at(14, "纪念林在村东山坡上，松柏成行，每年清明都有学生前来祭扫。"),
    ]) + "\n"
    items = articles(page)
    assert [it.headline for it in items] == ["古村里的红色记忆", "青山村周边红色景点"]
    assert items[1].sections == ("1.干部学校旧址陈列馆", "2.烈士纪念林")


def test_headline_of_two_lines_naming_two_reports_heads_both():
    # Each line of the headline names one of the two datelined reports under it: the
    # second dateline opens no article of its own.
    page = "\n".join([
        "县图书馆新馆开放",
        *_set_at(14, "本报讯  县图书馆新馆昨日起向市民开放，馆内藏书十二万册，"
                     "设有少儿阅览区和自习区。"),
        "北方多地将有强降雨",
        "江南县山区暴雨致灾",
        *_set_at(14,
                 "本报北京７月２３日电（记者李华）中央气象台预报，未来三天北方多地将有强降雨，局地"
                 "有大暴雨，部分河流可能出现超警洪水。",
                 "气象部门提醒，北方多地要防范强降雨引发的城市内涝和山洪，加强巡查，及时转移危险区域"
                 "群众。",
                 "本报江南７月２３日电（记者王明）２２日夜间，江南县山区突降暴雨，部分道路和农田受灾，"
                 "两座小桥被冲毁。",
                 "灾情发生后，江南县组织干部群众连夜抢修道路，转移山区群众三百余人，受灾农田正在"
                 "抓紧补种。"),
    ]) + "\n"
    items = articles(page)
    assert [it.headline for it in items] == [
        "县图书馆新馆开放", "北方多地将有强降雨江南县山区暴雨致灾"]
    assert "本报江南7月23日电" in items[1].body


def test_staff_line_filling_the_column_does_not_run_into_the_headline_under_it():
    # Set in by an indent, the designer's line happens to fill the column; the line under it
    # is no more names but a headline wrapped over two lines.
    page = "\n".join([
        "山里来了年轻人",
        *_set_at(10, *("　　" + p for p in (
            "大学毕业后，小李回到家乡的山村，开起了网店。",
            "他说，山里的好东西要让更多人知道。"))),
        "　　版式设计：王小明",
        "在调查研究中学会做",
        "群众工作（青春之声）",
        *_set_at(10, *("　　" + p for p in (
            "调查研究是做好群众工作的基本功，年轻干部要多到村里走走看看。",
            "只有听得懂群众的话，才能把群众工作做到心坎上。"))),
    ]) + "\n"
    items = articles(page)
    assert [it.headline for it in items] == [
        "山里来了年轻人", "在调查研究中学会做群众工作（青春之声）"]
    assert items[1].body.startswith("调查研究是做好")


def test_headline_led_by_a_place_and_a_colon_as_wide_as_its_column_is_no_text():
    # A place and a colon lead the headline, which is exactly as wide as its article's
    # column (narrower than the column above) and whose words recur below: a headline.
    page = "\n".join([
        "县图书馆新馆开放",
        *_set_at(16,
                 "县图书馆新馆昨日起向市民开放，馆内藏书十二万册，设有少儿阅览区和自习区。"),
        "江南县：打造西部物流新枢纽",
        *_set_at(13,
                 "近年来，江南县依托铁路和港口，加快打造西部物流新枢纽，开行班列一千多列。",
                 "县里负责人说，物流枢纽建起来了，本地的产品就能更快走向全国、走向世界。",
                 "今年上半年，江南县物流园区新签约企业二十多家，带动一千多人在家门口就业。",
                 "下一步，县里还将建设冷链仓库，让山里的水果蔬菜坐上班列，新鲜直达。"),
    ]) + "\n"
    items = articles(page)
    assert [it.headline for it in items] == ["县图书馆新馆开放", "江南县：打造西部物流新枢纽"]
    assert items[1].body.startswith("近年来，江南县")



def test_first_paragraph_whose_line_ends_in_a_comma_inside_the_column_is_no_headline():
    # The line above the first sentence end holds a narrow figure and ends in a comma that
    # fits inside the column: measured without that comma it looks three places short of the
    # lines above it, but the column under the paragraph shows they are full lines of it.
    page = "\n".join([
        "江南引水工程——",
        "让山泉流进千家万户（",
        "民生画卷）",
        "山泉水经过二十多公里管道、穿越三座大",
        "山，来到县城，滋润千家万户——近日，",
        "江南引水工程实现通水。引水工程是全省",
        "首批确定的9项重点民生水利工程之一，",
        "从山区水库调水至县城。",
        *_set_at(18,
                 "工程受水区域总面积一千多平方公里，受益人口五十万人。两千名建设者三年的奋斗，让山里"
                 "的好水走进了城里人的家。",
                 "县水利局负责人说，下一步还将建设第二条引水管道，让更多乡镇喝上山泉水。"),
    ]) + "\n"
    [item] = articles(page)
    assert (item.kicker, item.headline) == ("江南引水工程——", "让山泉流进千家万户（民生画卷）")
    assert item.body.startswith("山泉水经过二十多公里管道、穿越三座大山，来到县城")


def test_designer_name_broken_before_its_last_character_keeps_its_company():
    # The column edge broke the designer's name after its first character; the line with
    # the last character and the company in brackets carries on the staff line.
    page = (
        "　　本报讯 全县今年新建乡村学校\n"
        "少年宫十所，孩子们放学后可以在\n"
        "少年宫里学习书法、舞蹈和编程。\n"
        "本版责编：张三 李四\n"
        "版式设计：王五  赵\n"
        "六（县融媒体中心技术部）\n"
        "数据来源：县教育局\n"
    )
    box = segment_text(page).items[-1]
    assert box.headline == "本版责编：张三 李四"
    assert [ln.replace(" ", "") for ln in box.body.split("\n")] == [
        "版式设计：王五赵六（县融媒体中心技术部）", "数据来源：县教育局"]



def test_point_led_by_a_dash_under_a_numbered_heading_is_no_subheadline():
    # Under a numbered heading, a point opening with a dash is set in as paragraphs are and
    # fills the column: it goes on into the next line, it is no ——subheadline.
    page = "\n".join([
        "江南新区发展规划",
        *_set_at(12, *("　　" + p for p in (
            "为推进江南新区高质量发展，制定本规划。",
            "（一）发展定位",
            "——科技创新开放合作先导区。发挥新区独特的平台作用，联合周边园区建设创新高地。",
            "——绿色低碳发展示范区。推进清洁能源应用，打造绿色园区。"))),
    ]) + "\n"
    [item] = articles(page)
    assert "——科技创新开放合作先导区。发挥新区" in item.body
    assert not any(s.startswith("——") for s in item.sections)


def test_list_of_sources_broken_inside_a_name_stays_whole():
    # The column edge broke the last source's name (县林 / 业局): the staff line carries on
    # though neither line has a list's 、 at the break.
    page = (
        "　　本报讯 全县今年新建乡村学校\n"
        "少年宫十所，孩子们放学后可以在\n"
        "少年宫里学习书法、舞蹈和编程。\n"
        "本版责编：张三 李四\n"
        "数据来源：县教育局、县水利局、县林\n"
        "业局\n"
    )
    box = segment_text(page).items[-1]
    assert box.headline == "本版责编：张三 李四"
    assert box.body.split("\n") == ["数据来源：县教育局、县水利局、县林业局"]


def test_first_line_filling_a_narrower_column_below_a_wider_article_is_no_heading():
    # The second article opens in a column narrower than the first: its first line fills
    # that column and carries on into a line ending in a hanging full stop. Measured against
    # the wider column above it looks a heading over a one-line paragraph; the column below
    # shows it is a full line of the paragraph.
    page = "\n".join([
        "山区学校用上了新操场",
        "守好粮仓的每一道关口",
        *_set_at(23,
                 "今年暑假，县里为十二所山区学校翻新了操场，铺上塑胶跑道，装上篮球架和照明灯。",
                 "开学第一天，孩子们在新操场上跑了一圈又一圈。校长说，过去一下雨操场就成了泥塘，"
                 "体育课只能改在教室里上，如今再也不用担心了。",
                 "县教育局负责人介绍，明年还将为另外八所学校翻新操场，让山里的孩子都能在塑胶跑道"
                 "上奔跑，在灯光下打球，也让乡村的体育课开得更足更好更加扎实。"),
        *_set_at(13,
                 "粮食安全关系着千家万户的生活与国家的大局，是头等大事。",
                 "今年秋收以来，县粮食局在全县二十个收储库点推行智能测温，粮情变化随时可查。"
                 "仓库管理员说，过去全靠人工下仓查看，如今手机上就能看到每一仓的温度。"),
    ]) + "\n"
    items = articles(page)
    assert [it.headline for it in items] == ["山区学校用上了新操场", "守好粮仓的每一道关口"]
    assert items[1].sections == ()
    assert items[1].body.startswith("粮食安全关系着千家万户的生活与国家的大局，是头等大事。")


def test_agency_reporters_note_wrapped_over_two_lines_closes_the_article_above():
    # A closing note naming an agency's reporters, broken at the column edge, is the
    # article's byline, not the headline of the datelined report printed under it.
    page = (
        "山里娃的音乐课\n"
        "　　秋日午后，山坳里的小学传出阵阵歌声。支教老师带着\n"
        "孩子们排练合唱，准备参加全县的艺术节。\n"
        "　　“以前没有音乐老师，现在每周有两节音乐课。”校长\n"
        "说，孩子们越来越开朗了。\n"
        "　　（新华社记者王一、李二  参与记者：张三、赵四、\n"
        "钱五、孙六）\n"
        "\n"
        "　　新华社北京9月2日电  9月2日，全国中小学美育工作\n"
        "推进会在北京召开。会议提出，到2027年，每所学校都要\n"
        "开齐开足艺术课程，让每个孩子掌握一至两项艺术技能。\n"
    )
    first, second = articles(page)
    assert first.headline == "山里娃的音乐课"
    assert first.byline is not None and "孙六" in first.byline
    assert first.body.endswith("孩子们越来越开朗了。")
    assert second.headline is None
    assert second.body.startswith("新华社北京9月2日电")


def test_advertisement_sharing_no_words_with_the_articles_is_an_item_of_its_own():
    # Unpunctuated lines at the foot of the page that no article wants, and that share
    # nothing with any article, are an advertisement: kept whole, apart, under its line in
    # the headline block.
    page = (
        "山区学校用上了新操场\n"
        "粮仓智能测温全覆盖\n"
        "青禾快运 送货到村\n"
        "　　本报讯 今年暑假，县里为十二所山区学校翻新了操\n"
        "场，铺上塑胶跑道，装上篮球架和照明灯。开学第一天，\n"
        "孩子们在新操场上跑了一圈又一圈。\n"
        "　　校长说，过去一下雨操场就成了泥塘，体育课只能改\n"
        "在教室里上，如今再也不用担心了。\n"
        "　　（记者 王林）\n"
        "　　本报讯 今年秋收以来，县粮食局在全县二十个收储\n"
        "库点推行智能测温，粮情变化随时可查。\n"
        "　　仓库管理员说，过去全靠人工下仓查看，如今手机上\n"
        "就能看到每一仓的温度，一有异常马上处理。\n"
        "　　（记者 李红）\n"
        "青禾快运\n"
        "城乡一张网\n"
        "当日达 次日达\n"
        "全国服务热线\n"
        "400-800-1234\n"
        "数据来源：青禾快运有限公司\n"
        "青禾快运 送到心里\n"
    )
    school, grain, advert = articles(page)
    assert (school.headline, grain.headline, advert.headline) == (
        "山区学校用上了新操场", "粮仓智能测温全覆盖", "青禾快运送货到村")
    assert grain.body.endswith("一有异常马上处理。")
    assert advert.body.split("\n") == [
        "青禾快运", "城乡一张网", "当日达次日达", "全国服务热线", "400-800-1234",
        "青禾快运送到心里"]
    assert advert.byline == "数据来源：青禾快运有限公司"


def test_headline_ending_in_an_exclamation_inside_the_top_block_is_no_first_paragraph():
    # The block's first headline ends in an exclamation mark, the first sentence end on
    # the page; the unpunctuated headline lines under it show it opens no text.
    page = (
        "新一代收割机田间测试完成\n"
        "每小时收割二十亩，测试成功！\n"
        "山区学校用上了新操场\n"
        "粮仓智能测温全覆盖\n"
        "　　本报讯 今年暑假，县里为十二所山区学校翻新了操\n"
        "场，铺上塑胶跑道，装上篮球架和照明灯。\n"
        "　　（记者 王林）\n"
        "　　本报讯 县农机站日前在青山镇组织新一代收割机田\n"
        "间测试，每小时收割小麦二十亩，测试成功。\n"
        "　　（记者 赵明）\n"
        "　　本报讯 今年秋收以来，县粮食局在全县二十个收储\n"
        "库点推行智能测温，粮情变化随时可查。\n"
        "　　（记者 李红）\n"
    )
    items = articles(page)
    assert [it.headline for it in items] == [
        "山区学校用上了新操场", "新一代收割机田间测试完成每小时收割二十亩，测试成功！",
        "粮仓智能测温全覆盖"]
    assert items[0].body.startswith("本报讯今年暑假，")


def test_unpunctuated_full_line_between_a_sentence_end_and_a_set_in_line_is_a_heading():
    # On a page that sets in each paragraph's first line, a heading fills the column exactly
    # under the last sentence of the text above; the set-in line under it shows it ends no
    # paragraph (it has no final mark), so it is a heading, not that paragraph's last line.
    page = (
        "　　本报讯 今年暑假，县里为十二所山区\n"
        "学校翻新了操场，铺上塑胶跑道，装上篮\n"
        "球架和照明灯，孩子们再也不怕下雨天。\n"
        "　　县教育局负责人介绍，明年还将为另\n"
        "外八所学校翻新操场，让山里的孩子都能\n"
        "在塑胶跑道上奔跑，在灯光下尽情打球。\n"
        "既要守好耕地红线，也要建好高标准田\n"
        "　　耕地是粮食生产的命根子。\n"
        "　　守好耕地红线，建好高标准农田，粮\n"
        "食生产才有底气。今年全县新建高标准农\n"
        "田三万亩，耕地质量稳步提升。\n"
    )
    heading = "既要守好耕地红线，也要建好高标准田"
    items = articles(page)
    assert not any(heading[:8] in it.body for it in items)
    assert any(heading in (it.headline, *it.sections) for it in items)


def test_staff_box_serving_two_pages_is_headed_by_both_editors_lines():
    page = (
        "　　本报讯 全县今年新建乡村学校\n"
        "少年宫十所，孩子们放学后可以在\n"
        "少年宫里学习书法、舞蹈和编程。\n"
        "五版责编：张三 李四\n"
        "六版责编：王五 赵六\n"
        "版式设计：孙七\n"
    )
    box = segment_text(page).items[-1]
    assert box.headline is not None
    assert box.headline.replace(" ", "") == "五版责编：张三李四六版责编：王五赵六"
    assert box.body.replace(" ", "") == "版式设计：孙七"


def test_staff_box_for_two_pages_set_among_the_top_headlines_keeps_both_editors_lines():
    # The editors' lines stand in the headline block at the top, each name wrapped onto a
    # line of its own; the staff lines themselves come last.
    page = (
        "乡村学校少年宫开放\n"
        "　　五版责编：张三\n"
        "　　李四\n"
        "　　王\n"
        "　　五\n"
        "　　六版责编：赵六\n"
        "　　孙七\n"
        "　　本报讯 全县今年新建乡村学校\n"
        "少年宫十所，孩子们放学后可以在\n"
        "少年宫里学习书法、舞蹈和编程。\n"
        "版式设计：周八\n"
    )
    items = segment_text(page).items
    assert [it.headline for it in items][0] == "乡村学校少年宫开放"
    box = items[-1]
    assert box.headline is not None
    assert box.headline.replace(" ", "") == "五版责编：张三李四王五六版责编：赵六孙七"
    assert box.body.replace(" ", "") == "版式设计：周八"


def test_one_line_paragraph_ending_in_a_colon_opens_the_article_below_a_short_report():
    # A report of one paragraph, then an article opening with a one-line paragraph that ends
    # in a colon; both headlines in the block at the foot name their articles plainly.
    page = "\n".join([
        *_set_at(18, "　　本报河东5月9日电  县里新建的三座污水处理站日前投入运行，每天可处理"
                     "生活污水一万吨，沿河五个乡镇的污水实现了集中处理。"),
        *_set_at(18, "　　新春伊始，一组组数字令人振奋："),
        *_set_at(18, "　　十二万人次！五一假期，江南县乡村旅游接待游客十二万人次，同比增长三成。",
                 "　　乡村旅游带火了农家乐和民宿，全县今年新开民宿八十家，旅游收入明显增加。",
                 "　　江南县乡村旅游持续升温，县里正在规划新的旅游线路，让游客留得下来。"),
        "县里新建三座污水处理站投入运行",
        "江南县乡村旅游持续升温",
    ]) + "\n"
    plant, tourism = articles(page)
    assert plant.headline == "县里新建三座污水处理站投入运行"
    assert plant.body.endswith("沿河五个乡镇的污水实现了集中处理。")
    assert tourism.headline == "江南县乡村旅游持续升温"
    assert tourism.body.startswith("新春伊始，一组组数字令人振奋：\n十二万人次！")


def test_block_line_ending_in_a_particle_runs_on_into_the_next_headline_line():
    # The block's width broke the first headline after 的; its second line shares more with
    # the second article, but no headline ends in 的.
    page = "\n".join([
        "乡村教师是乡村教育的",
        "根基·乡村学校需要好老师",
        "办好每一所乡村学校",
        *_set_at(18, "　　乡村教师是乡村教育的希望。近年来，江南县为乡村教师提高待遇、建设周转房，"
                     "乡村教师安心从教，乡村教育越办越好。"),
        "　　（本报记者  张  三）",
        *_set_at(18, "　　乡村学校需要好老师，更需要好校舍。办好每一所乡村学校，是江南县教育工作"
                     "的头等大事。县里新建乡村学校五所，每一所乡村学校都有了好老师和塑胶操场。"),
    ]) + "\n"
    teachers, schools = articles(page)
    assert teachers.headline == "乡村教师是乡村教育的根基·乡村学校需要好老师"
    assert schools.headline == "办好每一所乡村学校"


def test_headline_broken_after_its_comma_of_enumeration_over_a_column_name_is_one_headline():
    # The column edge broke the quoted words after their 、; the column's name closes them.
    page = "\n".join([
        "县里新建三座污水处理站",
        *_set_at(22, "　　本报讯  县里新建的三座污水处理站日前投入运行，每天可处理生活污水一万吨，"
                     "沿河五个乡镇的污水实现了集中处理。"),
        "　　（本报记者  张  三）",
        "“让孩子们学得开心、",
        "长得健康”（人民论坛）",
        *_set_at(22, "　　放学铃声一响，乡村学校的操场上就热闹起来。孩子们踢足球、跳绳、打乒乓球"
                     "，一张张小脸上写满了快乐。让孩子们学得开心、长得健康，是乡村教育的应有之义。"),
    ]) + "\n"
    plant, comment = articles(page)
    assert plant.byline == "本报记者 张 三"
    assert comment.headline == "“让孩子们学得开心、长得健康”（人民论坛）"
    assert comment.body.startswith("放学铃声一响")
    # (Without the quotation marks too.)
    plant, comment = articles(page.replace("“", "").replace("”", ""))
    assert comment.headline == "让孩子们学得开心、长得健康（人民论坛）"


def test_last_block_line_as_wide_as_the_column_restating_the_article_is_no_text():
    # The third headline line is exactly as wide as the column under it and has no mark;
    # the article repeats its words, as it does a headline's.
    page = "\n".join([
        "江南县",
        "办好家门口的学校",
        "让乡村孩子就近上好学",
        *_set_at(10, "近年来，江南县新建乡村学校五所，改造校舍三万平方米，让乡村孩子就近上好学。"
                     "县里还从城区学校选派骨干教师到乡村学校任教，乡村学校的教学质量明显提高。"),
    ]) + "\n"
    [item] = articles(page)
    assert (item.kicker, item.headline) == ("江南县", "办好家门口的学校让乡村孩子就近上好学")
    assert item.body.startswith("近年来，")


def test_kicker_trailing_off_in_an_ellipsis_opens_the_headline_block():
    page = "\n".join([
        "修水渠、建泵站、改良田……",
        "江南县农田灌溉用水有了保障",
        "核心阅读",
        *_set_at(16, "　　今年以来，江南县新修水渠二十公里，建成泵站五座，改良农田三万亩。",
                 "　　县水利局负责人说，明年还将新修水渠三十公里。"),
    ]) + "\n"
    [item] = articles(page)
    assert item.headline == "修水渠、建泵站、改良田……江南县农田灌溉用水有了保障"
    assert item.body.startswith("今年以来，")


def test_set_in_line_under_a_sentence_ending_in_a_dash_opens_a_paragraph_in_a_wider_column():
    # The line under 某某红红火火—— looks wider than the narrow column above it, but the line
    # under it is as wide: a new, wider column, whose first paragraph it opens.
    page = "\n".join([
        "县里新建三座污水处理站",
        "乡村旅游红红火火",
        *_set_at(10, "　　本报讯  县里新建的三座污水处理站日前投入运行，每天可处理生活污水一万吨，"
                     "沿河五个乡镇的污水实现了集中处理，河水一天天清了起来。"),
        "　　（本报记者  张  三）",
        "　　上半年，全县乡村旅游红红火火——",
        *_set_at(24, "　　山脚下，江南县桃花村的民宿家家客满，村民们在院子里摆起了农家宴，"
                     "游客们吃得开心，住得舒心，不少人还订好了国庆节的房间。",
                 "　　河岸边，江南县柳树村的游船一条接一条出发，船工们说，"
                 "今年的生意比往年好了一倍。"),
    ]) + "\n"
    tourism = articles(page)[-1]
    assert tourism.body.split("\n")[-2].startswith(
        "山脚下，江南县桃花村的民宿家家客满，村民们在院子里")


def test_full_line_ending_in_a_bracketed_place_the_text_around_names_is_no_headline():
    # The bracket closing the line is part of a name (某某公司（河东）服务队), and the
    # paragraph above names the same place: no column's name closes a headline there.
    page = "\n".join([
        "江南县供电服务队上门服务",
        *_set_at(13, "停电了找谁？河东镇的村民都知道，打一个电话，服务队的队员就会上门。",
                 "我是江南县供电公司（河东）服务队的一名老队员，服务队成立十年来，哪里有需要，"
                 "哪里就有队员们忙碌的身影。"),
    ]) + "\n"
    [item] = articles(page)
    assert item.headline == "江南县供电服务队上门服务"
    assert "\n我是江南县供电公司（河东）服务队的一名老队员，" in item.body


def test_quotation_with_a_comma_wrapped_under_a_kicker_is_the_headline():
    # One quotation over two lines, a comma in it but no sentence end, under a kicker
    # ending in ——: the headline, not the first paragraph.
    page = "\n".join([
        *_set_at(12, "县里新建的三座污水处理站日前投入运行，每天可处理生活污水一万吨。"),
        "",
        "大山深处，山村小学老教师坚守讲台四十年——",
        "",
        "“教好山里娃，要一代",
        "代传下去”",
        *_set_at(10, "清晨六点，李老师就来到学校，打开教室的门窗，等着孩子们来上课。"
                     "四十年来，他教过的学生有一千多名。"),
    ]) + "\n"
    teacher = articles(page)[-1]
    assert teacher.kicker == "大山深处，山村小学老教师坚守讲台四十年——"
    assert teacher.headline == "“教好山里娃，要一代代传下去”"
    assert teacher.body.startswith("清晨六点")


def test_subheadline_of_figures_under_a_block_headline_closed_by_its_column_name_joins_it():
    # 某某（经济聚焦） / 一至五月，…同比增长12%: the column's name closes the headline,
    # but a subheadline giving figures may still follow it.
    page = "\n".join([
        "江南机械厂搭建创新平台",
        "依靠技术创新提高产品质量",
        "江南县小店经济越来越活（经济聚焦）",
        "一至五月，新开小店2000家，同比增长12%",
        *_set_at(16, "　　江南机械厂搭建创新平台，联合高校攻关关键技术，依靠技术创新提高产品质量，"
                     "去年新产品产值占全厂产值的一半，全厂的活力不断增强。"),
        "　　（本报记者  张  三）",
        *_set_at(16, "　　一至五月，江南县新开小店2000家，同比增长12%。江南县小店经济越来越活，"
                     "小店纳税额占全县税收的一成。"),
    ]) + "\n"
    factory, economy = articles(page)
    assert factory.headline == "江南机械厂搭建创新平台依靠技术创新提高产品质量"
    assert economy.headline == "江南县小店经济越来越活（经济聚焦）"
    assert economy.subheadline == "一至五月，新开小店2000家，同比增长12%"


def test_gap_in_a_quotation_at_a_line_start_does_not_end_the_headline_block_there():
    # The quoted words' gap fell at the start of a line, which looks set in; the line above
    # left the quotation open, so the first paragraph reaches back over it to the top.
    page = (
        "　　　　办好家门口的学校\n"
        "\n"
        "　　　　让乡村孩子就近上好学\n"
        "5月9日，全县乡村教育工作会议在县城召开。来\n"
        "\n"
        "自各乡镇的校长围绕“办好家门口的学校\n"
        "\n"
        "  让孩子就近上好学”的主题，交流了办学经验，\n"
        "分享了乡村学校提高教学质量的好做法。\n"
        "会上，县教育局介绍了今年新建乡村学校的计划，\n"
        "全县将新建和改建乡村学校五所。\n"
    )
    [item] = articles(page)
    assert item.headline == "办好家门口的学校让乡村孩子就近上好学"
    assert item.body.startswith("5月9日，全县乡村教育工作会议在县城召开。来自各乡镇")


def test_lead_sentence_ending_in_a_dash_over_a_paragraph_opens_the_body():
    # 近期，…收获连连—— ends in a dash as a kicker does, but a paragraph follows it, not a
    # headline: it introduces the paragraphs under it.
    page = "\n".join([
        "县里新建三座污水处理站",
        *_set_at(16, "　　本报讯  县里新建的三座污水处理站日前投入运行，"
                     "每天可处理生活污水一万吨。"),
        "　　（本报记者  张  三）",
        "　江南机械厂——",
        "　为机床装上“智能大脑”（企业新风采）",
        *_set_at(12, "近期，江南县机械制造厂收获连连——",
                 "6月，机械厂自主研发的数控系统通过省级鉴定，整体技术达到国内先进水平；",
                 "7月，机械厂获评省级专精特新企业，新产品订单排到了年底。"),
    ]) + "\n"
    _, factory = articles(page)
    assert factory.kicker == "江南机械厂——"
    assert factory.headline == "为机床装上“智能大脑”（企业新风采）"
    assert factory.body.startswith("近期，江南县机械制造厂收获连连——\n6月，")


def test_editors_names_carried_onto_the_next_line_stay_in_the_staff_box_headline():
    # OCR spaced the names apart and the line's end cut the last one (李 / 明): the names
    # under the editors' line are theirs, not a headline no article wants.
    page = (
        "　　本报讯 全县今年新建乡村学校\n"
        "少年宫十所，孩子们放学后可以在\n"
        "少年宫里学习书法、舞蹈和编程。\n"
        "　本版责编：王  红  李\n"
        "　 明  赵  丽\n"
        "　　本版邮箱：xiangcun_edu@example.com\n"
    )
    box = segment_text(page).items[-1]
    assert box.headline is not None
    assert box.headline.replace(" ", "") == "本版责编：王红李明赵丽"
    assert box.body == "本版邮箱：xiangcun_edu@example.com"


def test_first_line_as_wide_as_its_column_whose_sentence_ends_just_below_is_no_headline():
    # The second article's first line fills its column, narrower or wider than the one
    # above, and its words recur below, as a headline's would; but the sentence it opens
    # ends two characters into the next line, so the line is the paragraph's.
    page = "\n".join([
        "县图书馆新馆开放",
        "打造西部物流新枢纽",
        *_set_at(13,
                 "县图书馆新馆昨日起向市民开放，馆内藏书十二万册，设有少儿阅览区和自习区。"),
        *_set_at(20,
                 "打造西部物流新枢纽是江南县推进发展的重要内容。近年来，江南县依托铁路和港口，加快"
                 "打造西部物流新枢纽，开行班列一千多列。",
                 "县里负责人说，推进发展离不开物流，西部物流新枢纽建起来了，江南县的产品就能更快"
                 "走向全国。"),
    ]) + "\n"
    hub = articles(page)[-1]
    assert hub.headline == "打造西部物流新枢纽"
    assert hub.sections == ()
    assert hub.body.startswith("打造西部物流新枢纽是江南县推进发展的重要内容。")


def test_symposium_headline_keeps_its_first_pieces_title_and_speaker_out_of_it():
    # A symposium page: the headline, then each piece's title and its speaker's title and
    # name. The first piece's title and speaker, right under the headline (the column edge
    # broke the title inside a quotation), open the body as sections, as the later pieces'
    # do.
    page = (
        "乡村学校振兴之路怎么走\n"
        "让每所乡村学校都“强起\n"
        "来”\n"
        "江南省教育厅厅长  王一\n"
        "　　乡村学校振兴之路怎么走？今\n"
        "年江南省教育厅牵头新建改建乡村\n"
        "学校三百所，补充乡村教师五千名。\n"
        "　　下一步，我们将继续加大投入，\n"
        "让每所乡村学校都强起来。\n"
        "把好教师留在乡村\n"
        "江南师范大学校长  李二\n"
        "　　好教师是好学校的根本。学校\n"
        "今年定向培养乡村教师八百名，毕\n"
        "业后全部回到乡村学校任教。\n"
        "让乡村课堂连上云端\n"
        "青山县教育局局长  赵三\n"
        "　　全县乡村学校都接入了专递课\n"
        "堂，城里名师的课，山里孩子同步\n"
        "上。\n"
    )
    [item] = articles(page)
    assert item.headline == "乡村学校振兴之路怎么走"
    assert item.sections[:2] == ("让每所乡村学校都“强起来”", "江南省教育厅厅长王一")
    assert item.body.startswith("乡村学校振兴之路怎么走？")
    # The speaker's title broken after 的, the deputy's 副 alone before the title.
    wrapped = page.replace("江南省教育厅厅长  王一\n", "江南省教育厅分管基础教育的\n副厅长  王一\n")
    [item] = articles(wrapped)
    assert item.headline == "乡村学校振兴之路怎么走"
    assert item.sections[:2] == ("让每所乡村学校都“强起来”", "江南省教育厅分管基础教育的副厅长王一")


def test_question_subheadline_under_a_top_headline_is_no_paragraph():
    # A series' explainer: the headline, then a ——subheadline asking the question the
    # piece answers. The question mark ends no paragraph: the line is the subheadline.
    page = (
        "乡村教育谱新篇（教育强国面对面③）\n"
        "——如何理解办好乡村学校是建设教育强国的重要基础？\n"
        "　　乡村学校连着千家万户。近年\n"
        "来，江南省新建改建乡村学校三百\n"
        "所，补充乡村教师五千名。\n"
        "　　办好乡村学校，关键在教师。省\n"
        "里每年定向培养乡村教师八百名。\n"
    )
    [item] = articles(page)
    assert item.headline == "乡村教育谱新篇（教育强国面对面③）"
    assert item.subheadline == "——如何理解办好乡村学校是建设教育强国的重要基础？"
    assert item.body.startswith("乡村学校连着千家万户。")


def test_block_line_left_by_a_broken_year_is_read_with_the_line_above():
    # The block's width broke a headline inside a year (…（2024—202 / 7年）》). The piece
    # below shares nothing with the other headlines on its own, but it matches any paragraph
    # giving a year ending in 7: read alone, it would head the library report's last
    # paragraph as an article of its own.
    page = (
        "省政府印发《乡村学校建设行动方案（2024—202\n"
        "7年）》\n"
        "县图书馆新馆开放\n"
        "　　本报讯　省政府日前印发《乡村学校\n"
        "建设行动方案》，提出新建改建乡村学\n"
        "校三百所。\n"
        "　　《方案》提出，到明年年底，乡村学\n"
        "校办学条件全面达标。\n"
        "　　本报讯（记者　王五）县图书馆新馆\n"
        "昨日起向市民开放，馆内藏书十二万\n"
        "册，设有少儿阅览区和自习区。\n"
        "　　开馆首日，读者排起长队，不少家\n"
        "长带着孩子前来借书。\n"
        "　　老馆建于1987年，当年藏书不足一\n"
        "万册，如今已不敷使用。\n"
    )
    plan, library = articles(page)
    assert plan.headline == "省政府印发《乡村学校建设行动方案（2024—2027年）》"
    assert library.headline == "县图书馆新馆开放"
    assert library.body.endswith("如今已不敷使用。")


def test_block_headline_broken_a_word_after_its_comma_stays_one_heading():
    # The block's width broke a headline a word after its comma (…，建设 / 群众满意…): a
    # clause of one word ends no headline, so the second line stays with the first, though
    # its own words are not the article's.
    page = (
        "办好家门口学校，建设\n"
        "群众满意的好学堂\n"
        "县图书馆新馆开放\n"
        "　　本报讯　江南县今年新建改建乡村\n"
        "学校十所，家门口学校办学条件明显\n"
        "改善。\n"
        "　　县教育局负责人说，乡村学校要办\n"
        "好，关键在教师。\n"
        "　　本报讯（记者　王五）县图书馆新馆\n"
        "昨日起向市民开放，馆内藏书十二万\n"
        "册，设有少儿阅览区和自习区。\n"
    )
    schools, library = articles(page)
    assert schools.headline == "办好家门口学校，建设群众满意的好学堂"
    assert library.headline == "县图书馆新馆开放"


def test_gap_inside_a_quotation_is_no_indent():
    # The quoted theme holds a gap (“办好每一所乡村小学校  共育时代新人”) that the column
    # edge put at the start of a line, where it looks like a paragraph's indent; but the
    # line closes the quotation the line above left open, so the paragraph goes on. Nor is
    # the line with the open quotation a heading between two paragraphs.
    page = (
        "在希望的田野上育新人\n"
        "——江南县乡村教育论坛侧记\n"
        "县图书馆新馆开放\n"
        "　　乡村教育是教育强县的重要\n"
        "内容，是乡村振兴的重要基础。\n"
        "　　7月18日至19日，江南县乡\n"
        "村教育论坛在县城青山镇举行。\n"
        "论坛以“办好每一所乡村小学校\n"
        "  共育时代新人”为主题，交\n"
        "流乡村教育经验，共话乡村学校\n"
        "发展，为乡村振兴提供人才支撑。\n"
        "　　论坛期间，代表们参观了三所\n"
        "乡村学校，观摩了乡村教师的课\n"
        "堂教学和学生的课外活动。\n"
        "　　本报讯（记者　王五）县图书馆新馆\n"
        "昨日起向市民开放，馆内藏书十二万\n"
        "册，设有少儿阅览区和自习区。\n"
    )
    forum, library = articles(page)
    assert forum.body.split("\n")[1] == (
        "7月18日至19日，江南县乡村教育论坛在县城青山镇举行。论坛以“办好每一所乡村小学校共育"
        "时代新人”为主题，交流乡村教育经验，共话乡村学校发展，为乡村振兴提供人才支撑。")
    assert library.headline == "县图书馆新馆开放"


def test_block_line_closing_a_bracket_opened_above_is_matched_with_that_line():
    # However long the rest, a line closing the bracket the line above opened is the
    # same headline's end (…（聚 / 焦教育强县建设·教师篇）); a line of its own is not.
    cands = [_Candidate(["县里出台措施关心乡村教师成长（聚"], None),
             _Candidate(["焦教育强县建设·教师篇）"], None),
             _Candidate(["县图书馆新馆开放"], None)]
    assert _candidate_words(cands, 1) == "县里出台措施关心乡村教师成长（聚焦教育强县建设·教师篇）"
    assert _candidate_words(cands, 2) == "县图书馆新馆开放"


def test_set_in_subheadline_under_a_headline_closed_by_its_column_name_stays_in_its_group():
    # A column's name closes a headline, but a subheadline set in as the headline is may
    # still follow it; it is no headline of its own, which no article here would take.
    page = (
        "县图书馆新馆开放\n"
        "　　　　县里乡村学校全部通网（教育新观察）\n"
        "　　　　山里娃同步上名校课堂\n"
        "　　本报讯（记者　王五）县图书馆新馆\n"
        "昨日起向市民开放，馆内藏书十二万\n"
        "册，设有少儿阅览区和自习区。\n"
        "　　本报讯　县里乡村学校全部通网后，今年秋季开学，山里娃在\n"
        "村小教室里同步上名校课堂。名校课\n"
        "堂通过专递课堂送到村小，山里娃和\n"
        "城里孩子一起上课。\n"
        "　　县教育局负责人说，下一步将让更\n"
        "多山里娃上名校课堂。\n"
    )
    library, schools = articles(page)
    assert library.headline == "县图书馆新馆开放"
    assert schools.headline == "县里乡村学校全部通网（教育新观察）"
    assert schools.subheadline == "山里娃同步上名校课堂"


def test_speaker_line_over_a_block_headline_is_its_kicker():
    # A line ending in 强调 names who said the headline under it: the kicker, not the
    # headline's first half (no headline ends in 强调).
    page = (
        "县委书记在青山镇调研时强调\n"
        "办好每一所乡村学校\n"
        "县图书馆新馆开放\n"
        "　　本报讯　县委书记日前在青山镇调研\n"
        "乡村教育，要求办好每一所乡村学校。\n"
        "　　本报讯（记者　王五）县图书馆新馆\n"
        "昨日起向市民开放，馆内藏书十二万\n"
        "册，设有少儿阅览区和自习区。\n"
    )
    schools, library = articles(page)
    assert schools.kicker == "县委书记在青山镇调研时强调"
    assert schools.headline == "办好每一所乡村学校"
    assert library.kicker is None and library.headline == "县图书馆新馆开放"


def test_line_naming_who_attended_under_a_block_headline_is_its_subheadline():
    # Without a dash, a line saying who spoke or chaired (某某出席并讲话) or when and where a
    # document was issued, in brackets, is the subheadline: headlines hardly end so.
    page = (
        "县乡村教育工作会议召开\n"
        "县长王一出席并讲话\n"
        "县图书馆新馆开放\n"
        "　　本报讯　县乡村教育工作会议昨日召\n"
        "开，部署今年乡村学校建设任务。县长\n"
        "王一出席会议并讲话。\n"
        "　　本报讯（记者　王五）县图书馆新馆\n"
        "昨日起向市民开放，馆内藏书十二万\n"
        "册，设有少儿阅览区和自习区。\n"
    )
    meeting, library = articles(page)
    assert meeting.headline == "县乡村教育工作会议召开"
    assert meeting.subheadline == "县长王一出席并讲话"
    assert library.subheadline is None


def test_three_line_heading_broken_inside_a_number_is_headline_and_sub_not_kicker():
    # Three block lines open with a kicker as a rule, but a number broken across the first
    # two (…12 / 00所) makes them one headline, and the third its subheadline.
    page = (
        "全省今年新建改建乡村学校12\n"
        "00所\n"
        "同比增长一成\n"
        "县图书馆新馆开放\n"
        "　　本报讯　全省今年新建改建乡村学校\n"
        "1200所，同比增长一成，乡村学校办学\n"
        "条件明显改善。\n"
        "　　本报讯（记者　王五）县图书馆新馆\n"
        "昨日起向市民开放，馆内藏书十二万\n"
        "册，设有少儿阅览区和自习区。\n"
    )
    schools, library = articles(page)
    assert schools.kicker is None
    assert schools.headline == "全省今年新建改建乡村学校1200所"
    assert schools.subheadline == "同比增长一成"
