"""Theme tagger: config, weak labels, a user-defined theme set trained end to end, builtin model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from summarizer.classify import load_theme_tagger
from summarizer.classify.themes import (
    NEG,
    POS,
    UNSURE,
    ReadingConfig,
    ThemeDef,
    cue_parts,
    document_views,
    load_theme_config,
    load_theme_model,
    phrase_count,
    theme_set_from_dict,
    weak_label,
)
from summarizer.cli import app
from summarizer.config import ClassifyConfig
from summarizer.errors import ConfigError, InputError, ModelNotFoundError
from summarizer.types import Document
from training.train_themes import build_model, tune_thresholds

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


# --- config ---------------------------------------------------------------

def test_default_theme_config_is_valid() -> None:
    themes = load_theme_config(ROOT / "configs" / "themes.yaml")
    assert themes.ids == ["rural_revitalisation", "vocational_digitalisation", "school_partnership"]
    assert all(0 < t.threshold < 1 and t.seeds and t.name for t in themes.themes)


def _theme(**kw) -> dict:
    d = {"id": "t1", "name": "主题", "description": "d", "seeds": ["支教"]}
    d.update(kw)
    return d


@pytest.mark.parametrize("data, problem", [
    ({"themes": []}, "themes"),
    ({"themes": [_theme(), _theme()]}, "duplicate theme ids: t1"),
    ({"themes": [_theme(threshold=1.5)]}, "threshold"),
    ({"themes": [_theme(seeds=[])]}, "seeds"),
    ({"themes": [_theme(seeds=["职业+"])]}, "empty '+' part"),
    ({"themes": [_theme(id="bad id")]}, "id"),
    ({"themes": [_theme(colour="red")]}, "colour"),
    (["not", "a", "mapping"], "mapping"),
])
def test_bad_theme_config_raises_config_error(data: object, problem: str) -> None:
    with pytest.raises(ConfigError) as exc:
        theme_set_from_dict(data)
    assert problem in exc.value.message


def test_theme_config_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_theme_config(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("themes: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_theme_config(bad)


# --- cues and weak labels ---------------------------------------------------

def test_phrase_count_plus_means_same_sentence() -> None:
    assert phrase_count("职业院校推进数字化。数字化校园。职业院校招生。", "职业院校+数字化") == 1
    assert phrase_count("支教支教", "支教") == 2


def test_weak_label_rules() -> None:
    t = ThemeDef(id="x", name="x", description="x", seeds=["支教", "乡村学校"],
                 negatives=["就业帮扶"], context=["学校", "学生"])
    assert weak_label("大学生暑期支教出发", "他们将走进学校。", t) == POS
    body = "支教队来到乡村学校，支教活动为期两周，乡村学校学生很高兴。"
    assert weak_label("新闻", body, t) == POS
    assert weak_label("新闻", "文中只有一次提到支教，别的都在讲学生。", t) == UNSURE
    assert weak_label("就业帮扶与支教", "学校组织。", t) == UNSURE  # vetoed by a negative cue
    assert weak_label("支教", "没有背景词。", t) == UNSURE  # no context word
    assert weak_label("股市收盘", "沪指上涨。", t) == NEG


def test_long_article_is_read_as_lead_plus_passages() -> None:
    body = "\n".join(f"第{i}段。" + "内容" * 60 for i in range(10))
    reading = ReadingConfig(lead_chars=100, passage_chars=200, max_passages=3)
    views = document_views(Document(body, headline="标题"), reading)
    assert views[0] == "标题\n" + body[:100]
    assert len(views) == 4 and all(v.startswith("标题\n") for v in views)
    assert document_views(Document("短文", headline="标题"), reading) == ["标题\n短文"]
    assert document_views(Document("只有标题"), reading) == ["只有标题"]


# --- a user-defined theme set, trained end to end from a small written corpus ---

FOOTBALL_HEADS = ["{}小学开设校园足球课", "{}中学校园足球联赛开赛", "{}推广校园足球 学生踢球热情高",
                  "{}举办校园足球嘉年华"]
LIBRARY_HEADS = ["{}中学新建图书馆向学生开放", "{}小学图书馆开展阅读月活动",
                 "{}学校图书馆添置新书", "{}校园图书馆成为学生阅读乐园"]
OTHER_HEADS = ["{}中学举行开学典礼", "{}小学召开家长会", "{}学校食堂完成改造", "{}中学高考成绩公布",
               "{}地铁新线开通运营", "{}举办春季招聘会", "{}小学开展消防演练", "{}气温回升迎来春耕"]
PLACES = ["东城", "西湖", "南山", "北塘", "江北", "河西", "青山", "白云"]


def _news(heads: list[str], body: str) -> list[dict]:
    return [{"headline": h.format(p), "text": f"{p}{body}"} for h in heads for p in PLACES]


@pytest.fixture(scope="module")
def user_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("user_themes")
    (d / "themes.yaml").write_text("""
themes:
  - id: campus_football
    name: 校园足球
    description: football in schools
    seeds: [校园足球, 足球课]
    context: [学校, 学生, 小学, 中学]
    threshold: 0.5
  - id: school_library
    name: 学校图书馆
    description: school libraries and reading
    seeds: [图书馆, 阅读+学生]
    context: [学校, 学生, 小学, 中学]
    threshold: 0.5
""", encoding="utf-8")
    corpus = (_news(FOOTBALL_HEADS, "的学生每周上两节足球课，学校组建了男女足球队。")
              + _news(LIBRARY_HEADS, "的学生课间常去图书馆读书，学校鼓励学生多阅读。")
              + _news(OTHER_HEADS, "的情况通报如下，各方面工作进展顺利。"))
    _write_jsonl(d / "corpus.jsonl", corpus)
    _write_jsonl(d / "background.jsonl", [{"text": h.format(p)} for h in OTHER_HEADS
                                           for p in ("上游", "下游")])
    _write_jsonl(d / "written.jsonl", [
        {"headline": "孩子们在操场上练习颠球和射门", "labels": ["campus_football"]},
        {"headline": "教室里设立了图书角和借阅区", "labels": ["school_library"]},
        {"headline": "学校运动会圆满落幕", "labels": []},
    ])
    out = d / "model"
    result = runner.invoke(app, ["train", "themes", "--config", str(d / "themes.yaml"),
                                 "--corpus", str(d / "corpus.jsonl"),
                                 "--background", str(d / "background.jsonl"),
                                 "--written", str(d / "written.jsonl"), "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_user_theme_set_trains_and_tags_new_text(user_model: Path) -> None:
    tagger = load_theme_model(str(user_model))
    assert tagger.labels == ["campus_football", "school_library"]
    preds = tagger.predict([Document("实验小学成立校园足球队"), Document("学校图书馆延长开放时间"),
                            Document("市区新建两座立交桥")])
    assert [lab.label for lab in preds[0]] == ["campus_football"]
    assert [lab.label for lab in preds[1]] == ["school_library"]
    assert preds[2] == ()


def test_save_load_round_trip_gives_identical_scores(user_model: Path, tmp_path: Path) -> None:
    tagger = load_theme_model(str(user_model))
    docs = [Document("实验小学成立校园足球队"), Document("学校图书馆延长开放时间", headline="新闻")]
    copy = load_theme_model(str(tagger.save(tmp_path / "copy")))
    assert np.array_equal(tagger.scores(docs), copy.scores(docs))
    assert copy.themes == tagger.themes and copy.reading == tagger.reading


def test_batch_equals_single(user_model: Path) -> None:
    tagger = load_theme_model(str(user_model))
    long_body = "\n".join(["市里召开工作会议。" * 20, "学生们在图书馆里安静地阅读。" * 10])
    docs = [Document("实验小学成立校园足球队"), Document(long_body, headline="一周要闻"),
            Document("市区新建两座立交桥")]
    batch = tagger.predict(docs)
    assert batch == [tagger.predict([d])[0] for d in docs]


def test_thresholds_decide_output(user_model: Path) -> None:
    tagger = load_theme_model(str(user_model))
    doc = [Document("实验小学成立校园足球队")]
    score = float(tagger.scores(doc)[0, 0])
    at_score = tagger.with_thresholds({"campus_football": score}).predict(doc)[0]
    assert [lab.label for lab in at_score] == ["campus_football"]
    assert tagger.with_thresholds({"campus_football": (score + 1) / 2}).predict(doc) == [()]
    everything = tagger.with_thresholds({"campus_football": 1e-9, "school_library": 1e-9})
    labs = everything.predict(doc)[0]
    assert [lab.label for lab in labs] == ["campus_football", "school_library"]  # best first
    with pytest.raises(ConfigError):
        tagger.with_thresholds({"no_such_theme": 0.5})


def test_tune_thresholds_keeps_config_for_rare_themes(user_model: Path, tmp_path: Path) -> None:
    tagger = load_theme_model(str(user_model))
    data = _write_jsonl(tmp_path / "tune.jsonl", [
        {"text": f"{p}小学校园足球比赛开赛", "labels": ["campus_football"]} for p in PLACES[:5]
    ] + [{"text": f"{p}中学召开家长会", "labels": []} for p in PLACES] + [
        {"text": "学校图书馆举办读书节", "labels": ["school_library"]}])
    tuned = tune_thresholds(tagger, data, min_support=5)
    assert set(tuned) == {"campus_football"}  # one library positive is too few to tune on
    scores = tagger.scores([Document(f"{p}小学校园足球比赛开赛") for p in PLACES[:5]])[:, 0]
    assert tuned["campus_football"] == pytest.approx(scores.min(), abs=1e-4)


def _with_cue(tagger, theme_id: str, cue: float | None):
    from summarizer.classify.themes import LinearThemeTagger

    data = tagger.themes.model_dump()
    for t in data["themes"]:
        t["cue_score"] = cue if t["id"] == theme_id else None
    return LinearThemeTagger(theme_set_from_dict(data), tagger.model, tagger.reading)


def test_cue_parts_reads_a_title_only_record_as_headline() -> None:
    assert cue_parts(Document("实验小学成立校园足球队")) == ("实验小学成立校园足球队", "")
    body = "第一段。" * 500
    head, lead = cue_parts(Document(f"标题\n{body}", headline="标题"))
    assert head == "标题" and lead == body[:1500]
    assert cue_parts(Document("第一行\n第二行")) == ("", "第一行\n第二行")


def test_seed_rule_positive_scores_at_least_the_cue_score(user_model: Path) -> None:
    tagger = load_theme_model(str(user_model))
    # A seed in the headline plus a context word: the rule says positive.
    rule_pos = Document("体育老师讲解要领", headline="中学足球课开课")
    # The seed once in a body is not enough for the rule (3 hits needed).
    passing = Document("市里召开会议，会上提到足球课。", headline="一周要闻")
    plain = tagger.scores([rule_pos, passing])[:, 0]
    cued = _with_cue(tagger, "campus_football", 0.97).scores([rule_pos, passing])[:, 0]
    assert cued[0] == pytest.approx(max(plain[0], 0.97))
    assert cued[1] == plain[1]
    # A cue on another theme leaves this one alone.
    other = _with_cue(tagger, "school_library", 0.97).scores([rule_pos, passing])[:, 0]
    assert np.array_equal(other, plain)


def test_cue_score_is_validated() -> None:
    with pytest.raises(ConfigError, match="cue_score"):
        theme_set_from_dict({"themes": [_theme(cue_score=1.5)]})


def test_build_model_refuses_a_theme_without_examples(tmp_path: Path) -> None:
    from training.build_theme_data import Example

    themes = theme_set_from_dict({"themes": [_theme()]})
    examples = [Example(f"新闻{i}", {"t1": False}, "test") for i in range(20)]
    with pytest.raises(InputError, match="'t1' has 0 positive"):
        build_model(examples, themes)


def test_unknown_model_directory(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError):
        load_theme_model(str(tmp_path / "nothing"))
    with pytest.raises(ModelNotFoundError):
        load_theme_model(str(tmp_path))


# --- the builtin model --------------------------------------------------------

HAND_WRITTEN = [
    ("师范学院志愿者走进大山深处的村小支教一学期", ["rural_revitalisation"]),
    ("乡村教师培训项目帮助山区教师提升教学能力", ["rural_revitalisation"]),
    ("高职院校建成智能制造虚拟仿真实训中心 推进专业数字化升级", ["vocational_digitalisation"]),
    ("技师学院开设数字孪生与工业互联网课程", ["vocational_digitalisation"]),
    ("师范大学与市教育局签约共建三所附属中小学", ["school_partnership"]),
    ("全市组建十个教育集团推进集团化办学", ["school_partnership"]),
    ("央行宣布下调存款准备金率", []),
    ("男篮世界杯中国队获胜", []),
    ("高校毕业生就业招聘会举行", []),
    ("职业技术学院举行建校六十周年庆祝大会", []),  # vocational, nothing digital
    ("中小学推广人工智能课程", []),  # digital, not vocational
]


def test_builtin_model_tags_hand_written_examples() -> None:
    tagger = load_theme_tagger(ClassifyConfig())
    assert tagger.labels == ["rural_revitalisation", "vocational_digitalisation",
                             "school_partnership"]
    preds = tagger.predict([Document(text) for text, _ in HAND_WRITTEN])
    got = [[lab.label for lab in labs] for labs in preds]
    assert got == [gold for _, gold in HAND_WRITTEN]
    # The shipped model carries its own theme definitions, matching the default config.
    assert tagger.themes.ids == load_theme_config(ROOT / "configs" / "themes.yaml").ids


def test_cli_classify_and_eval_themes(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [
        {"text": text, "labels": gold} for text, gold in HAND_WRITTEN
    ] + [{"headline": "乡村学校迎来支教老师", "text": "暑假，二十名大学生来到山区乡村学校支教。",
          "labels": ["rural_revitalisation"]}])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["classify", "--task", "themes", "--input", str(src),
                                 "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == len(HAND_WRITTEN) + 1
    assert [[t["label"] for t in r["themes"]] for r in rows] == [r["labels"] for r in rows]
    assert all(0 <= t["score"] <= 1 for r in rows for t in r["themes"])

    result = runner.invoke(app, ["eval", "classify", "--task", "themes", "--data", str(src)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["n"] == len(rows) and scores["none_items"] == 5
    assert scores["macro_f1"] == 1.0 and scores["none_false_positive_rate"] == 0.0


def test_cli_reports_missing_theme_model(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"text": "新闻"}])
    result = runner.invoke(app, ["classify", "--task", "themes", "--input", str(src),
                                 "--output", str(tmp_path / "o.jsonl"),
                                 "--set", f"classify.themes_model={tmp_path / 'none'}"])
    assert isinstance(result.exception, ModelNotFoundError)


# --- quality on the real dev set ------------------------------------------------

@pytest.mark.shared
def test_dev_set_quality(shared_data: Path) -> None:
    from summarizer.classify import evaluate

    scores = evaluate(shared_data / "themes" / "dev.jsonl", ClassifyConfig(), task="themes")
    assert scores["n"] == 147
    # Measured figures are in docs/themes.md (macro 0.880, rural 0.913, partnership
    # 0.727, none-item false-theme rate 0.035; thresholds tuned on this file). The
    # macro and none-item floors are the targets.
    assert scores["macro_f1"] >= 0.85
    assert scores["per_label"]["rural_revitalisation"]["f1"] >= 0.85
    assert scores["per_label"]["school_partnership"]["f1"] >= 0.7
    assert scores["none_false_positive_rate"] <= 0.05
