"""News-category classifier: the linear model, the built-in model, training, CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from summarizer.classify.category import (
    BUILTIN_DIR,
    CATEGORY_LABELS,
    LinearCategoryClassifier,
    TransformerCategoryClassifier,
    document_text,
    load_category_model,
)
from summarizer.classify.linear import LinearTextModel, train_linear_model
from summarizer.cli import app
from summarizer.errors import InputError, ModelLoadError, ModelNotFoundError
from summarizer.types import Document

os.environ.setdefault("OMP_NUM_THREADS", "1")

# Toy training headlines written for these tests, three classes.
TOY = {
    "news_sports": [
        "国足主场二比一战胜对手", "男篮季后赛客场告负", "女排夺得世界杯冠军",
        "联赛第三轮球队进球大战", "奥运金牌得主回国", "主教练谈比赛胜负",
        "球员伤愈复出首战进球", "世界杯预选赛国足出征",
    ],
    "news_finance": [
        "央行宣布降息", "股市收盘指数上涨", "银行理财利率下跌", "公司季度财报营收大增",
        "基金投资市场回暖", "经济数据发布市场上涨", "央行利率决议出炉", "上市公司年报营收下滑",
    ],
    "news_game": [
        "王者荣耀新版本上线", "手游玩家迎来新英雄", "电竞战队夺得冠军", "游戏开发商发布新作",
        "新皮肤上线玩家热议", "副本测试服务器开放", "手游新版本测试", "电竞联赛战队名单发布",
    ],
}
TOY_TEXTS = [t for texts in TOY.values() for t in texts]
TOY_LABELS = [lab for lab, texts in TOY.items() for _ in texts]


@pytest.fixture(scope="module")
def toy_model() -> LinearTextModel:
    return train_linear_model(TOY_TEXTS, TOY_LABELS, labels=list(TOY), C=1.0, cv_folds=2)


def test_round_trip_gives_identical_probabilities(toy_model, tmp_path):
    toy_model.save(tmp_path / "m")
    loaded = LinearTextModel.load(tmp_path / "m")
    probe = ["国足客场进球", "股市指数下跌", "新手游上线", "完全无关的一句话"]
    assert loaded.labels == toy_model.labels
    np.testing.assert_array_equal(loaded.predict_proba(probe), toy_model.predict_proba(probe))
    assert (tmp_path / "m" / "model.json").is_file() and (tmp_path / "m" / "weights.npz").is_file()


def test_probabilities_sum_to_one_and_batch_equals_single(toy_model):
    probe = ["国足客场进球", "股市指数下跌", "新手游上线", ""]
    batch = toy_model.predict_proba(probe)
    assert batch.shape == (4, 3)
    np.testing.assert_allclose(batch.sum(axis=1), 1.0, rtol=1e-9)
    for i, text in enumerate(probe):
        np.testing.assert_allclose(toy_model.predict_proba([text])[0], batch[i], rtol=1e-6)
    assert [toy_model.labels[j] for j in batch[:3].argmax(axis=1)] == list(TOY)


def test_multilabel_mode_gives_independent_probabilities():
    y = [["sport"] if lab == "news_sports" else ["money"] if lab == "news_finance" else []
         for lab in TOY_LABELS]
    m = train_linear_model(TOY_TEXTS, y, labels=["sport", "money"], mode="multilabel",
                           C=1.0, cv_folds=2)
    p = m.predict_proba(["女排夺冠", "央行降息", "王者荣耀新英雄"])
    assert p.shape == (3, 2) and ((p >= 0) & (p <= 1)).all()
    assert p[0, 0] > p[0, 1] and p[1, 1] > p[1, 0]


def test_nbsvm_folds_the_log_count_ratio_into_plain_weights():
    import scipy.sparse as sp
    from sklearn.svm import LinearSVC

    from summarizer.classify.linear import FeatureConfig, Vectorizer, _fit_linear

    cfg = FeatureConfig(char_ngrams=(1, 2), word_ngrams=(0, 0), min_df=1)
    vec = Vectorizer.fit(TOY_TEXTS, cfg)
    ptr, idx, val = vec.transform(TOY_TEXTS)
    X = sp.csr_matrix((val, idx, ptr), shape=(len(TOY_TEXTS), len(vec.vocab)))
    y = np.array([list(TOY).index(lab) for lab in TOY_LABELS])
    w, b = _fit_linear(X, y, "multiclass", "nbsvm", 1.0, None)
    assert w.shape == (len(vec.vocab), 3)
    # Column 1 scores like an SVM fitted on features scaled by the class's ratio.
    present = (X > 0).astype(np.float64)
    pos = y == 1
    p = np.asarray(present[pos].sum(axis=0)).ravel() + 1
    q = np.asarray(present[~pos].sum(axis=0)).ravel() + 1
    r = np.log((p / p.sum()) / (q / q.sum()))
    svm = LinearSVC(C=1.0, random_state=0, max_iter=5000).fit(X.multiply(r).tocsr(), pos)
    np.testing.assert_allclose(X @ w[:, 1] + b[1],
                               svm.decision_function(X.multiply(r).tocsr()), atol=1e-4)
    model = train_linear_model(TOY_TEXTS, TOY_LABELS, labels=list(TOY), classifier="nbsvm",
                               C=1.0, cv_folds=2)
    probe = model.predict_proba(["国足客场进球", "股市指数下跌", "新手游上线"])
    assert [model.labels[j] for j in probe.argmax(axis=1)] == list(TOY)
    with pytest.raises(InputError, match="unknown classifier"):
        train_linear_model(TOY_TEXTS, TOY_LABELS, labels=list(TOY), classifier="forest")


def test_too_few_examples_for_a_label_is_a_clear_error():
    with pytest.raises(InputError, match="'rare' has 1 positive"):
        train_linear_model(TOY_TEXTS + ["孤例"], TOY_LABELS + ["rare"],
                           labels=[*TOY, "rare"], cv_folds=2)


def test_document_text_headline_and_article():
    assert document_text(Document("国足出征")) == "国足出征"
    doc = Document(text="国足出征。今晚国足迎战日本队。" * 50, headline="国足出征")
    text = document_text(doc, body_chars=20)
    # The body's first sentence repeats the headline here; it is not doubled.
    assert text.startswith("国足出征 ") and len(text) <= len("国足出征 ") + 20
    no_head = document_text(Document(text="甲" * 500), body_chars=30)
    assert no_head == "甲" * 30


def test_missing_and_invalid_model_dirs(tmp_path):
    with pytest.raises(ModelNotFoundError):
        load_category_model(str(tmp_path / "nope"))
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "notes.txt").write_text("x")
    with pytest.raises(ModelLoadError) as err:
        load_category_model(str(tmp_path / "junk"))
    assert "train category" in err.value.render()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "model.json").write_text('{"format": "summarizer-linear-text-model", "version": 1}')
    (bad / "weights.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelLoadError):
        load_category_model(str(bad))


# Headlines written for this test, one per class where the class is unambiguous.
BUILTIN_PROBES = {
    "梅西梅开二度，巴萨客场三比一大胜皇马": "news_sports",
    "央行宣布下调存款准备金率0.5个百分点": "news_finance",
    "一线城市二手房价格连续三个月下跌，楼市成交低迷": "news_house",
    "新款SUV上市，搭载1.5T发动机，油耗仅6升": "news_car",
    "高考志愿填报指南：这些专业就业前景好": "news_edu",
    "苹果发布新款iPhone，芯片性能提升30%": "news_tech",
    "我国第二艘航母海试，歼-15舰载机起降训练": "news_military",
    "《王者荣耀》新英雄上线，玩家吐槽平衡性": "news_game",
    "某男星新电影定档春节，与女主角再度合作": "news_entertainment",
    "今年小麦亩产创新高，农民种粮收益增加": "news_agriculture",
}


def test_builtin_model_classifies_written_headlines():
    clf = load_category_model("builtin")
    assert isinstance(clf, LinearCategoryClassifier)
    assert sorted(clf.labels) == sorted(CATEGORY_LABELS)
    preds = clf.predict([Document(h) for h in BUILTIN_PROBES])
    got = {h: p.label for h, p in zip(BUILTIN_PROBES, preds, strict=True)}
    wrong = {h: (got[h], want) for h, want in BUILTIN_PROBES.items() if got[h] != want}
    assert not wrong
    assert all(0 < p.score <= 1 for p in preds)


def test_builtin_model_on_full_article():
    body = ("北京时间昨晚，欧冠小组赛第五轮展开角逐。巴萨主场迎战对手，梅西上半场率先破门，"
            "下半场苏亚雷斯扩大比分，最终巴萨三比零取胜，提前一轮锁定小组头名。"
            "赛后主教练表示球队状态正在回升。") * 3
    clf = load_category_model("builtin")
    [with_head, without] = clf.predict([Document(body, headline="巴萨三球完胜提前出线"),
                                        Document(body)])
    assert with_head.label == "news_sports" and without.label == "news_sports"


def test_builtin_model_is_small():
    size = sum(f.stat().st_size for f in BUILTIN_DIR.iterdir())
    assert size < 5_000_000


# Toutiao-style labels for the 7 THUCNews classes whose meaning is the same.
THUC_TO_TOUTIAO = {"体育": "news_sports", "财经": "news_finance", "教育": "news_edu",
                   "游戏": "news_game", "房产": "news_house", "科技": "news_tech",
                   "娱乐": "news_entertainment"}


@pytest.mark.shared
def test_builtin_model_on_real_full_articles(shared_data):
    recs = [json.loads(line) for line in
            (shared_data / "articles" / "thucnews_categorised.jsonl").open(encoding="utf-8")]
    recs = [r for r in recs if r["category"] in THUC_TO_TOUTIAO][:200]
    preds = load_category_model("builtin").predict([Document(r["text"]) for r in recs])
    gold = [THUC_TO_TOUTIAO[r["category"]] for r in recs]
    acc = np.mean([p.label == g for p, g in zip(preds, gold, strict=True)])
    assert acc >= 0.8


@pytest.mark.shared
@pytest.mark.slow
def test_training_pipeline_on_real_slice(shared_data, tmp_path):
    from training.train_category import build_data, build_model, evaluate, load_train_config

    cls = shared_data / "classification"
    cfg = load_train_config(None, [f"train={cls / 'toutiao_train.jsonl'}",
                                   f"dev={cls / 'toutiao_dev.jsonl'}", f"output={tmp_path / 'm'}",
                                   "limit=4000", "linear.C=[0.5]", "linear.refit_on_dev=false"])
    data = build_data(cfg)
    assert len(data.train_texts) == 4000 and len(data.dev_texts) > 3000
    path, settings = build_model(cfg, data)
    assert settings["C"] == 0.5
    scores = evaluate(path, data.dev_texts[:600], data.dev_labels[:600])
    # 4,000 headlines are a seventh of the training set: well above chance (1/15), below full.
    assert scores["accuracy"] >= 0.65


def _write_jsonl(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                    encoding="utf-8")
    return path


def test_cli_classify_and_eval(tmp_path):
    recs = [{"id": i, "text": h, "label": lab}
            for i, (h, lab) in enumerate(BUILTIN_PROBES.items())]
    recs.append({"id": "article", "headline": "国足出征亚洲杯", "label": "news_sports",
                 "text": "国足今日启程前往卡塔尔参加亚洲杯，主教练公布了二十三人名单。"})
    src = _write_jsonl(tmp_path / "in.jsonl", recs)
    runner = CliRunner()
    res = runner.invoke(app, ["classify", "--task", "category", "--input", str(src),
                              "--output", str(tmp_path / "out.jsonl")])
    assert res.exit_code == 0, res.output
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in out] == [r["id"] for r in recs]
    assert all(r["category"]["label"] == r["label"] for r in out)
    assert all(0 < r["category"]["score"] <= 1 for r in out)
    res = runner.invoke(app, ["eval", "classify", "--task", "category", "--data", str(src)])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.stdout)
    assert scores["n"] == len(recs) and scores["accuracy"] == 1.0 and scores["macro_f1"] == 1.0


def test_cli_train_category_linear(tmp_path):
    recs = [{"text": t, "label": lab} for t, lab in zip(TOY_TEXTS, TOY_LABELS, strict=True)]
    train = _write_jsonl(tmp_path / "train.jsonl", recs)
    cfg = tmp_path / "train.yaml"
    cfg.write_text(f"kind: linear\ntrain: {train}\ndev: {train}\noutput: {tmp_path / 'out'}\n"
                   f"labels: {json.dumps(list(TOY))}\n"
                   "linear: {C: [0.5, 1.0], min_df: 1, cv_folds: 2}\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["train", "category", "--config", str(cfg)])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["kind"] == "linear" and report["dev"]["n"] == len(recs)
    clf = load_category_model(str(tmp_path / "out"))
    assert clf.labels == list(TOY)
    assert clf.predict([Document("女排世界杯夺冠")])[0].label == "news_sports"


def test_transformer_fine_tuning_path(tiny_bert_dir, tmp_path):
    from training.train_category import build_data, build_model, load_train_config

    recs = [{"text": t, "label": lab} for t, lab in zip(TOY_TEXTS, TOY_LABELS, strict=True)]
    train = _write_jsonl(tmp_path / "train.jsonl", recs)
    out = tmp_path / "bert_out"
    cfg = load_train_config(None, ["kind=transformer", f"train={train}", f"dev={train}",
                                   f"output={out}", f"labels={json.dumps(list(TOY))}",
                                   f"transformer.model={tiny_bert_dir}", "transformer.max_steps=2",
                                   "transformer.batch_size=8", "transformer.device=cpu"])
    path, settings = build_model(cfg, build_data(cfg))
    assert path == out and settings["max_steps"] == 2
    config = json.loads((out / "config.json").read_text("utf-8"))
    assert config["label2id"] == {lab: i for i, lab in enumerate(TOY)}
    clf = load_category_model(str(out))
    assert isinstance(clf, TransformerCategoryClassifier)
    assert clf.labels == list(TOY)
    docs = [Document("国足主场进球"), Document("央行降息。" * 40, headline="央行宣布降息")]
    probs = clf.predict_proba(docs)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    preds = clf.predict(docs)
    assert [p.label for p in preds] == [list(TOY)[j] for j in probs.argmax(axis=1)]
