import pytest

from summarizer.errors import InputError
from summarizer.metrics import corpus_rouge, multi_label_scores, rouge_scores, single_label_scores
from summarizer.textio import decode_bytes, iter_jsonl, read_text

PAGE = "本报讯 记者王五报道：乡村学校迎来新学期，孩子们走进新教室。"


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5"])
def test_decodes_common_encodings(tmp_path, enc):
    text = PAGE if enc != "big5" else "本報訊 記者王五報導：鄉村學校迎來新學期，孩子們走進新教室。"
    f = tmp_path / "p.txt"
    f.write_bytes(text.encode(enc))
    assert read_text(f) == text


def test_empty_binary_and_missing_files(tmp_path):
    with pytest.raises(InputError, match="empty"):
        decode_bytes(b"  \n")
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="does not exist"):
        read_text(tmp_path / "missing.txt")


def test_malformed_jsonl_line_is_reported_not_skipped(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "一"}\n{"text": \n{"text": "三"}\n', encoding="utf-8")
    it = iter_jsonl(f)
    assert next(it) == (1, {"text": "一"})
    with pytest.raises(InputError, match=r"in.jsonl:2"):
        next(it)


def test_rouge_is_character_level_and_scores_identical_chinese_100():
    assert rouge_scores("教育帮扶乡村振兴", "教育帮扶乡村振兴") == {
        "rouge1": 100.0, "rouge2": 100.0, "rougeL": 100.0}
    assert rouge_scores("甲乙", "丙丁")["rouge1"] == 0.0
    # whitespace is ignored, nothing else is
    assert rouge_scores("教 育", "教育")["rouge2"] == 100.0
    s = rouge_scores("中国人民", "中国的人民")
    assert s["rouge1"] == pytest.approx(100 * 8 / 9)
    assert corpus_rouge(["甲", "乙"], ["甲", "丙"])["rouge1"] == 50.0


def test_classification_metrics():
    s = single_label_scores(["a", "a", "b"], ["a", "b", "b"])
    assert s["accuracy"] == pytest.approx(0.6667, abs=1e-4)
    m = multi_label_scores([["x"], [], []], [["x"], ["y"], []], labels=["x", "y"])
    assert m["per_label"]["x"]["f1"] == 1.0
    assert m["none_false_positive_rate"] == 0.5
