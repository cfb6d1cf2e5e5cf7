"""Extractive engine, sentence splitting it relies on, and the summarise CLI/eval commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.config import SummarizeConfig
from summarizer.errors import ModelLoadError, ModelNotFoundError
from summarizer.metrics import corpus_rouge
from summarizer.summarize import char_budget
from summarizer.summarize.extractive import (
    KEEP_MODEL_PATH,
    Article,
    ExtractiveSummarizer,
    article_sentences,
    clean_sentence,
    expected_kept,
    load_keep_model,
)
from summarizer.text import split_sentences
from summarizer.types import Document

ROOT = Path(__file__).resolve().parents[1]

# Written for these tests: a school story whose topic words (学校, 食堂, 学生)
# recur, padded with a side remark that shares none of them.
STORY = (
    "本报讯（记者 李华）城南区第三中学新建的学生食堂本周投入使用，可同时容纳八百名学生就餐。"
    "食堂由学校和区教育局共同出资建设，学生每餐费用保持不变。"
    "当天下午，天空飘起小雨，路边的梧桐树叶落了一地。"
    "学校表示，食堂将每周公布菜谱，并邀请家长代表参与监督学生就餐。"
)
PARK = "市中心公园完成改造，新增步道三公里。公园内的湖面重新清淤，水质明显改善。"
TRAIN = "高铁新线今天开通运营，两地通行时间缩短一半。沿线车站同步启用，旅客可刷身份证进站。"


@pytest.fixture(scope="module")
def engine() -> ExtractiveSummarizer:
    return ExtractiveSummarizer(SummarizeConfig(engine="extractive"))


def _summary(engine: ExtractiveSummarizer, text: str, headline: str | None = None,
             max_chars: int | None = None) -> str:
    return engine.summarize([Document(text, headline)], max_chars=max_chars)[0].text


# --- sentence splitting ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他说：“好。”然后走了。还有尾巴", ["他说：“好。”", "然后走了。", "还有尾巴"]),
        ("她问：“真的吗？！”大家都笑了", ["她问：“真的吗？！”", "大家都笑了"]),
        # a mark after the closing quote belongs to the same sentence
        ("他喊道“快跑！”。人群散开。", ["他喊道“快跑！”。", "人群散开。"]),
        # a straight quote after a full stop opens the next sentence
        ('会议结束。"下一步怎么办？"记者问。', ["会议结束。", '"下一步怎么办？"', "记者问。"]),
        ("等等……”他停下了", ["等等……”", "他停下了"]),
        ("第一段没有句号\n第二段。", ["第一段没有句号", "第二段。"]),
        ("增长3.5%。完", ["增长3.5%。", "完"]),
        ("  \n ", []),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_split_sentences_semicolon_switch():
    assert split_sentences("一是加快；二是推进。") == ["一是加快；", "二是推进。"]
    assert split_sentences("一是加快；二是推进。", keep_semicolon=False) == ["一是加快；二是推进。"]


# --- cleaning ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("本报讯（记者 王明）市图书馆开放。", "市图书馆开放。"),
        ("本报北京8月30日电  （记者冉永平、丁怡婷）30日，项目建成。", "30日，项目建成。"),
        ("新华社北京8月18日电\xa0\xa0国家副主席会见外宾。", "国家副主席会见外宾。"),
        ("中新网上海9月1日电 新学期开始。", "新学期开始。"),
        ("（南方日报）", ""),
        ("（新华社北京8月6日电\xa0\xa0记者张三、李四）", ""),
        ("王\xa0\xa0五摄（人民视觉）", ""),
        ("本报记者\u3000赵六", ""),
        ("数据来源：市统计局", ""),
        ("记者了解到，全市新建学校12所。", "全市新建学校12所。"),
        ("不过，扫地机器人也有短板。", "扫地机器人也有短板。"),
        ("记者来到现场采访了三位老师。", "记者来到现场采访了三位老师。"),
        ("记者来到现场采访了三位老师", "记者来到现场采访了三位老师"),
        ("本报记者 冉永平 丁怡婷", ""),
        ("本报记者日前从市电力公司获悉，负荷创新高。",
         "本报记者日前从市电力公司获悉，负荷创新高。"),
        ("新华社日内瓦7月5日电（记者 张三）会议开幕。", "会议开幕。"),
        ("本报电\xa0\xa0论坛在长沙举行。", "论坛在长沙举行。"),
    ],
)
def test_clean_sentence(raw, cleaned):
    assert clean_sentence(raw) == cleaned


def test_bylines_and_datelines_never_reach_the_summary(engine):
    texts = [
        STORY,
        "新华社北京8月18日电\xa0\xa0" + PARK + "\n（新华社记者 张三 摄）",
        "本报北京8月30日电  （记者冉永平）" + TRAIN + "（南方日报）",
    ]
    for text in texts:
        for budget in (15, 30, 200):
            out = _summary(engine, text, max_chars=budget)
            assert out
            for marker in ("本报", "新华社", "记者", "电", "南方日报", "摄"):
                assert marker not in out, (marker, out)


# --- budget, order, determinism ---------------------------------------------


def test_budget_is_never_exceeded(engine):
    long_clause = "这是一个没有任何逗号而且非常长的句子用来检查预算很小时引擎会不会超出字数限制。"
    texts = [STORY, PARK, TRAIN, long_clause, PARK + long_clause + TRAIN, STORY * 5]
    for text in texts:
        for budget in (5, 8, 12, 19, 25, 40, 80, 150):
            out = _summary(engine, text, max_chars=budget)
            assert len(out) <= budget, (budget, out)
            assert out, (budget, text)


def test_default_budget_scales_with_the_article(engine):
    cfg = SummarizeConfig()
    for text in (STORY, STORY * 4, STORY * 20):
        out = _summary(engine, text)
        assert len(out) <= char_budget(text, cfg)
    assert len(_summary(engine, STORY * 20)) > len(_summary(engine, STORY))


def test_pieces_come_out_in_source_order(engine):
    text = STORY + PARK + TRAIN
    out = _summary(engine, text, max_chars=120)
    pieces = [p for p in out.replace("。", "。\n").split("\n") if p]
    assert len(pieces) >= 2
    starts = [text.index(p.rstrip("。")) for p in pieces]
    assert starts == sorted(starts)


def test_deterministic_and_batch_equals_single(engine):
    docs = [Document(STORY), Document(PARK, "公园改造"), Document(TRAIN), Document(STORY * 3)]
    batch = [s.text for s in engine.summarize(docs, max_chars=30)]
    single = [engine.summarize([d], max_chars=30)[0].text for d in docs]
    again = [s.text for s in ExtractiveSummarizer(SummarizeConfig()).summarize(docs, max_chars=30)]
    assert batch == single == again


def test_headline_steers_the_choice(engine):
    text = PARK + TRAIN
    without = _summary(engine, text, max_chars=20)
    with_head = _summary(engine, text, headline="高铁新线开通", max_chars=20)
    assert "公园" in without
    assert "高铁" in with_head


def test_compression_keeps_the_topic_clause(engine):
    out = _summary(engine, STORY, max_chars=30)
    assert "食堂" in out
    assert "梧桐" not in out


# --- the learned keep model ---------------------------------------------------


def test_keep_model_rates_topic_words_over_asides():
    sentences = article_sentences(STORY)
    rate = load_keep_model().rater(sentences, "".join(sentences))
    # 食堂 opens the story and recurs; 梧桐 appears once, in the aside.
    assert rate("食堂", 0, 0, 0.4) > rate("梧桐", 2, 1, 0.5)
    assert 0.0 < rate("梧桐", 2, 1, 0.5) < 1.0


def test_expected_kept_counts_a_repeated_word_once():
    # ROUGE clips a repeated character at its count in the reference, so 高铁,
    # said in both clauses, earns once, at the higher of its two P(kept).
    article = Article.build(Document("高铁新线开通，高铁旅客增多。"), budget=40)
    first, second = article.clauses[0]
    a, b = dict(first.rated), dict(second.rated)
    assert "高铁" in a and "高铁" in b
    whole = next(k for k, u in enumerate(article.units) if (u.first, u.stop) == (0, 2))
    distinct = sum(len(w) * max(a.get(w, 0.0), b.get(w, 0.0)) for w in a.keys() | b.keys())
    assert expected_kept(article)[whole] == pytest.approx(distinct)
    overlap = 2 * min(a["高铁"], b["高铁"])
    assert expected_kept(article)[whole] == pytest.approx(first.keep + second.keep - overlap)


def test_keep_model_file_errors(tmp_path):
    with pytest.raises(ModelNotFoundError, match="missing"):
        load_keep_model(tmp_path / "absent.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="unreadable"):
        load_keep_model(broken)
    stale = tmp_path / "stale.json"
    raw = json.loads(KEEP_MODEL_PATH.read_text(encoding="utf-8"))
    stale.write_text(json.dumps({**raw, "features": raw["features"][:-1]}), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="differ"):
        load_keep_model(stale)


def test_training_script_builds_a_loadable_model(tmp_path):
    # Pairs written for this test: the summary repeats the post's topic words.
    topics = ["高铁新线", "城南公园", "市图书馆", "第三中学", "夜间集市", "社区医院"]
    events = ["今天开通", "完成改造", "延长开放", "新建食堂", "正式营业", "增设门诊"]
    recs = [
        {"text": f"{t}{e}，市民反响热烈。{t}相关负责人表示，后续还将继续完善服务。"
                 f"当天天气晴朗，气温适宜。",
         "summary": f"{t}{e}"}
        for t in topics for e in events
    ]
    data = tmp_path / "data"
    (data / "summarization").mkdir(parents=True)
    _write_jsonl(data / "summarization" / "lcsts_train.jsonl", recs)
    out = tmp_path / "keep.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    done = subprocess.run(
        [sys.executable, "training/train_extractive.py", "--data", str(data), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    model = load_keep_model(out)
    assert model.stats("高铁")[1] >= 6  # seen in every 高铁新线 pair
    sentences = article_sentences(recs[0]["text"])
    rate = model.rater(sentences, "".join(sentences))
    # Topic words were always kept, the weather remark never.
    assert rate("高铁", 0, 0, 0.0) > rate("天气", 2, 0, 0.1)


def test_summary_metadata(engine):
    [s] = engine.summarize([Document(PARK)])
    assert (s.engine, s.model, s.fallback, s.unsupported) == ("extractive", None, False, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("   \n  ", ""),
        ("（南方日报）", ""),
        ("。。。！！？", ""),
        ("“”（）", ""),
        ("好。", "好。"),
        ("只有一句没有标点", "只有一句没有标点"),
    ],
)
def test_empty_and_very_short_input(engine, text, expected):
    assert _summary(engine, text) == expected


# --- CLI ---------------------------------------------------------------------


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), OMP_NUM_THREADS="1")
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )


def _write_jsonl(path: Path, recs: list[dict]) -> None:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    path.write_text(lines, encoding="utf-8")


def _main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["summarizer", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_summarize_file(tmp_path, monkeypatch, capsys):
    f = tmp_path / "a.txt"
    f.write_text(STORY, encoding="utf-8")
    code, out, _ = _main(monkeypatch, capsys, "summarize", str(f), "--engine", "extractive",
                         "--max-chars", "30")
    assert code == 0
    summary = out.strip()
    assert summary == _summary(ExtractiveSummarizer(SummarizeConfig()), STORY, max_chars=30)
    assert 0 < len(summary) <= 30


def test_cli_summarize_headline_option(tmp_path, monkeypatch, capsys):
    f = tmp_path / "a.txt"
    f.write_text(PARK + TRAIN, encoding="utf-8")
    args = ("summarize", str(f), "--engine", "extractive", "--max-chars", "20")
    _, plain, _ = _main(monkeypatch, capsys, *args)
    _, steered, _ = _main(monkeypatch, capsys, *args, "--headline", "高铁新线开通")
    assert "公园" in plain and "高铁" in steered


def test_cli_summarize_gb18030_file(tmp_path, monkeypatch, capsys):
    f = tmp_path / "gbk.txt"
    f.write_bytes(TRAIN.encode("gb18030"))
    code, out, err = _main(monkeypatch, capsys, "summarize", str(f), "--engine", "extractive")
    assert code == 0, err
    assert "高铁" in out


def test_cli_summarize_stdin():
    proc = _cli("summarize", "-", "--engine", "extractive", "--max-chars", "25", stdin=PARK)
    assert proc.returncode == 0, proc.stderr
    assert "公园" in proc.stdout and len(proc.stdout.strip()) <= 25


def test_cli_summarize_jsonl_keeps_order_and_records(tmp_path, monkeypatch, capsys):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    recs = [
        {"id": "a", "text": STORY},
        {"id": "b", "text": PARK, "headline": "公园改造完成", "extra": [1, 2]},
        {"id": "c", "text": TRAIN},
    ]
    _write_jsonl(src, recs)
    code, _, err = _main(monkeypatch, capsys, "summarize", "--input", str(src),
                         "--output", str(dst), "--engine", "extractive")
    assert code == 0, err
    out = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == ["a", "b", "c"]
    engine = ExtractiveSummarizer(SummarizeConfig())
    for before, after in zip(recs, out, strict=True):
        assert {k: v for k, v in after.items() if k != "summary"} == before
        expected = _summary(engine, before["text"], before.get("headline"))
        assert after["summary"] == expected and expected


def test_cli_malformed_jsonl_exits_2_naming_the_line(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "第一条。"}\n{"text": 第二条}\n', encoding="utf-8")
    proc = _cli("summarize", "--input", str(src), "--output", str(tmp_path / "o.jsonl"),
                "--engine", "extractive")
    assert proc.returncode == 2
    assert "bad.jsonl:2" in proc.stderr


def test_cli_record_without_text_exits_2(tmp_path, monkeypatch, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "第一条。"}\n{"headline": "没有正文"}\n', encoding="utf-8")
    code, _, err = _main(monkeypatch, capsys, "summarize", "--input", str(src), "--output",
                         str(tmp_path / "o.jsonl"), "--engine", "extractive")
    assert code == 2
    assert "in.jsonl:2" in err and "text" in err


def test_cli_eval_summarize_prints_rouge(tmp_path, monkeypatch, capsys):
    data = tmp_path / "ref.jsonl"
    recs = [{"text": PARK, "summary": "市中心公园完成改造"},
            {"text": TRAIN, "summary": "高铁新线开通"}]
    _write_jsonl(data, recs)
    code, out, err = _main(monkeypatch, capsys, "eval", "summarize", "--data", str(data),
                           "--engine", "extractive")
    assert code == 0, err
    scores = json.loads(out)
    assert set(scores) == {"n", "rouge1", "rouge2", "rougeL"}
    assert scores["n"] == 2
    engine = ExtractiveSummarizer(SummarizeConfig())
    preds = [s.text for s in engine.summarize([Document(r["text"]) for r in recs])]
    assert scores == corpus_rouge(preds, [r["summary"] for r in recs])
    assert scores["rouge1"] > 30


# --- real data ---------------------------------------------------------------


@pytest.mark.shared
def test_quality_on_lcsts_val_beats_lead_at_equal_length(shared_data):
    # LCSTS val (972 posts, about 2 s): the tuning split, so this guards
    # against regressions rather than estimating quality (see docs/summarization.md).
    path = shared_data / "summarization" / "lcsts_val.jsonl"
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    refs = [r["summary"] for r in recs]
    engine = ExtractiveSummarizer(SummarizeConfig())
    preds = [s.text for s in engine.summarize([Document(r["text"]) for r in recs])]
    ours = corpus_rouge(preds, refs)
    # The same number of characters from the start of the post.
    lead_same = corpus_rouge([r["text"][: len(p)] for r, p in zip(recs, preds, strict=True)], refs)
    lead1 = corpus_rouge([split_sentences(r["text"])[0] for r in recs], refs)
    assert ours["rouge1"] > lead_same["rouge1"] + 1.5
    assert ours["rougeL"] > lead1["rougeL"]
    # 25.64 / 14.75 when measured; counting repeated words once added 0.6 to both
    # (25.02 / 14.12 before), so these bounds fail if that is undone.
    assert ours["rouge1"] > 25.3 and ours["rouge2"] > 14.4
