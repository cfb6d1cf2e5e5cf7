"""The abstractive engine on tiny random models loaded exactly like a real checkpoint."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from conftest import TINY_TEXT, run_cli

from summarizer.config import GenerationConfig, SummarizeConfig
from summarizer.errors import InputError, ModelLoadError, ModelNotFoundError
from summarizer.models import load_seq2seq, resolve_batch_size
from summarizer.summarize import char_budget, load_summarizer
from summarizer.summarize.abstractive import AbstractiveSummarizer, trim_to_budget
from summarizer.summarize.tokenizer import RandengPegasusTokenizer
from summarizer.text import split_sentences
from summarizer.types import Document, Summary

ARTICLES = [
    TINY_TEXT,
    TINY_TEXT[:60],
    "会议指出，要推动经济高质量发展。专家认为，下半年消费有望继续回暖。",
    TINY_TEXT * 3,
]


def _cfg(model: Path, **kw) -> SummarizeConfig:
    gen = GenerationConfig(num_beams=1, no_repeat_ngram_size=0, repetition_penalty=1.0,
                           batch_size=kw.pop("batch_size", 8))
    return SummarizeConfig(model=str(model), device="cpu", generation=gen,
                           fallback_on_unsupported=False, **kw)


# -- loading ----------------------------------------------------------------


def test_randeng_dir_gets_project_tokenizer_and_model_limits(tiny_pegasus_dir):
    m = load_seq2seq(str(tiny_pegasus_dir), device="cpu")
    assert isinstance(m.tokenizer, RandengPegasusTokenizer)
    assert m.max_source_tokens == 64
    assert m.device == "cpu"
    assert not m.backend.model.training
    # One load per process.
    assert load_seq2seq(str(tiny_pegasus_dir), device="cpu") is m


def test_other_models_use_auto_tokenizer(tiny_bart_dir):
    m = load_seq2seq(str(tiny_bart_dir), device="cpu")
    assert not isinstance(m.tokenizer, RandengPegasusTokenizer)
    assert type(m.backend.model).__name__ == "BartForConditionalGeneration"


def test_device_and_dtype_choice(tiny_pegasus_dir):
    import torch

    m = load_seq2seq(str(tiny_pegasus_dir), device="cpu", dtype="bfloat16")
    param = next(m.backend.model.parameters())
    assert param.device.type == "cpu" and param.dtype == torch.bfloat16
    auto = load_seq2seq(str(tiny_pegasus_dir))
    expected = "cuda" if torch.cuda.is_available() else auto.device
    assert next(auto.backend.model.parameters()).device.type == expected
    assert next(auto.backend.model.parameters()).dtype == (
        torch.float32 if auto.device == "cpu" else next(auto.backend.model.parameters()).dtype
    )
    if not torch.cuda.is_available():
        with pytest.raises(ModelNotFoundError, match="cuda"):
            load_seq2seq(str(tiny_pegasus_dir), device="cuda")


def test_auto_batch_size_follows_the_device_and_bounds_generate_calls(tiny_pegasus_dir,
                                                                      monkeypatch):
    assert resolve_batch_size("auto", "cuda") == 64
    assert resolve_batch_size("auto", "cpu") == resolve_batch_size("auto", "mps") == 8
    assert resolve_batch_size(3, "cuda") == 3
    auto = AbstractiveSummarizer(SummarizeConfig(model=str(tiny_pegasus_dir), device="cpu"))
    assert auto.batch_size == 8
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir, chunk_tokens=32, batch_size=2))
    backend = engine._seq2seq.backend
    sizes: list[int] = []
    generate = backend.generate
    monkeypatch.setattr(backend, "generate",
                        lambda batch, **kw: sizes.append(len(batch)) or generate(batch, **kw))
    engine.summarize([Document(a) for a in ARTICLES], max_chars=30)
    assert max(sizes) == 2 and len(sizes) > len(ARTICLES)


def test_broken_checkpoint_raises_model_load_error(tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "pegasus"}))
    with pytest.raises(ModelLoadError) as err:
        load_seq2seq(str(tmp_path), device="cpu")
    msg = err.value.render()
    assert str(tmp_path) in msg and "transformers" in msg and "torch" in msg


def test_missing_model_names_it_and_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotFoundError) as err:
        load_seq2seq("nobody/no-such-summarizer")
    assert "nobody/no-such-summarizer" in err.value.message
    assert "hf download" in err.value.hint


# -- chunking ---------------------------------------------------------------


def test_long_article_chunks_fit_and_cover_every_sentence(tiny_pegasus_dir):
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir, chunk_tokens=32))
    tok = engine.tokenizer
    text = TINY_TEXT * 2
    chunks = engine.chunk(text)
    assert len(chunks) > 2
    assert all(len(c) <= 32 and c[-1] == tok.eos_token_id for c in chunks)
    body = [i for c in chunks for i in c[:-1]]
    per_sentence = tok(split_sentences(text), add_special_tokens=False)["input_ids"]
    assert body == [i for ids in per_sentence for i in ids]


def test_chunk_size_never_exceeds_model_positions(tiny_pegasus_dir):
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir, chunk_tokens=512))
    assert engine.max_input_tokens == 64
    assert all(len(c) <= 64 for c in engine.chunk(TINY_TEXT * 4))


def test_overlong_sentence_is_split_not_truncated(tiny_pegasus_dir):
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir, chunk_tokens=16))
    sentence = "专家认为下半年消费有望继续回暖出口压力仍然较大" * 3
    chunks = engine.chunk(sentence)
    tok = engine.tokenizer
    assert all(len(c) <= 16 for c in chunks)
    whole = tok(sentence, add_special_tokens=False)["input_ids"]
    assert [i for c in chunks for i in c[:-1]] == whole


# -- summaries --------------------------------------------------------------


def test_batch_equals_single_and_order_is_kept(tiny_pegasus_dir):
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir, chunk_tokens=48, batch_size=3))
    docs = [Document(a) for a in ARTICLES]
    together = [s.text for s in engine.summarize(docs, max_chars=30)]
    alone = [engine.summarize([d], max_chars=30)[0].text for d in docs]
    assert together == alone
    assert len(set(together)) > 1


@pytest.mark.parametrize("max_chars", [8, 20, 45])
def test_summaries_respect_the_character_budget(tiny_pegasus_dir, max_chars):
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir, chunk_tokens=32))
    out = engine.summarize([Document(a) for a in ARTICLES], max_chars=max_chars)
    assert all(0 < len(s.text) <= max_chars for s in out)
    assert all(s.engine == "abstractive" and s.model == str(tiny_pegasus_dir) for s in out)


def test_default_budget_scales_with_article(tiny_pegasus_dir, fake_extractive):
    # fake_extractive: a random model may emit only reserved tokens, i.e. empty text.
    cfg = _cfg(tiny_pegasus_dir)
    engine = AbstractiveSummarizer(cfg)
    out = engine.summarize([Document(a) for a in ARTICLES])
    for article, summary in zip(ARTICLES, out, strict=True):
        assert len(summary.text) <= char_budget(article, cfg)


def test_full_width_digits_are_read_as_ascii(tiny_pegasus_dir, monkeypatch):
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir))
    seen: list[list[int]] = []

    def record(batch, **kw):
        seen.extend(batch)
        return [[] for _ in batch]

    monkeypatch.setattr(engine._seq2seq.backend, "generate", record)
    monkeypatch.setattr(engine, "_check", lambda docs, texts, max_chars: texts)
    engine.summarize([Document("全国城镇新增就业６７８万人。")], max_chars=20)
    engine.summarize([Document("全国城镇新增就业678万人。")], max_chars=20)
    assert seen[0] == seen[1]
    assert engine.tokenizer.unk_token_id not in seen[0]


def test_bart_output_has_no_spaces_between_chinese(tiny_bart_dir):
    engine = AbstractiveSummarizer(_cfg(tiny_bart_dir))
    [s] = engine.summarize([Document(TINY_TEXT)], max_chars=30)
    assert len(s.text) <= 30
    assert not any(a.isspace() and not b.isascii() for a, b in zip(s.text[:-1], s.text[1:],
                                                                     strict=True))


def test_empty_document_is_an_input_error(tiny_pegasus_dir):
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir))
    with pytest.raises(InputError, match="document 1"):
        engine.summarize([Document(TINY_TEXT), Document("  \n ")])


def test_trim_to_budget_cuts_at_clauses():
    text = "国家统计局发布数据，经济增长5%，就业稳定。专家认为消费回暖。"
    assert trim_to_budget(text, 100) == text
    assert trim_to_budget(text, 17) == "国家统计局发布数据，经济增长5%。"
    assert trim_to_budget(text, 16) == "国家统计局发布数据。"
    assert trim_to_budget(text, 5) == "国家统计局"


# -- faithfulness fallback ----------------------------------------------------


@pytest.fixture()
def fake_extractive(monkeypatch):
    """An extractive engine that records its calls (the real one lives on another branch)."""
    calls: list[list[Document]] = []

    class FakeExtractive:
        name = "extractive"
        model = None

        def __init__(self, cfg):
            self.cfg = cfg

        def summarize(self, docs, max_chars=None):
            calls.append(list(docs))
            return [Summary(text="抽取：" + d.text[:8], engine="extractive") for d in docs]

    module = types.ModuleType("summarizer.summarize.extractive")
    module.ExtractiveSummarizer = FakeExtractive
    monkeypatch.setitem(sys.modules, "summarizer.summarize.extractive", module)
    return calls


def _force_output(monkeypatch, engine: AbstractiveSummarizer, text: str) -> None:
    ids = engine.tokenizer(text, add_special_tokens=False)["input_ids"]
    backend = engine._seq2seq.backend
    monkeypatch.setattr(backend, "generate", lambda batch, **kw: [list(ids) for _ in batch])


def test_invented_numbers_trigger_extractive_fallback(tiny_pegasus_dir, monkeypatch,
                                                      fake_extractive):
    cfg = _cfg(tiny_pegasus_dir).model_copy(update={"fallback_on_unsupported": True})
    engine = AbstractiveSummarizer(cfg)
    _force_output(monkeypatch, engine, "暴雨导致60人受灾。")
    source = "暴雨导致五十九人受灾，救援队伍连夜赶到现场。"
    faithful = "暴雨导致五十九人受灾，救援队伍赶到现场。"
    [s] = engine.summarize([Document(source, headline="暴雨")], max_chars=30)
    assert s.unsupported == ("60人",)
    assert s.fallback is True
    assert s.text == "抽取：" + source[:8]
    assert fake_extractive[0][0].headline == "暴雨"
    # The same output with the switch off is kept and still reported.
    engine.cfg = cfg.model_copy(update={"fallback_on_unsupported": False})
    [kept] = engine.summarize([Document(source)], max_chars=30)
    assert kept.text == "暴雨导致60人受灾。" and kept.unsupported == ("60人",)
    assert not kept.fallback
    # Supported figures pass untouched.
    _force_output(monkeypatch, engine, faithful)
    engine.cfg = cfg
    [ok] = engine.summarize([Document(source)], max_chars=30)
    assert ok.text == faithful and ok.unsupported == () and not ok.fallback
    assert len(fake_extractive) == 1


def test_empty_model_output_falls_back(tiny_pegasus_dir, monkeypatch, fake_extractive):
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir))
    backend = engine._seq2seq.backend
    monkeypatch.setattr(backend, "generate", lambda batch, **kw: [[] for _ in batch])
    [s] = engine.summarize([Document(TINY_TEXT)], max_chars=20)
    assert s.fallback and s.text.startswith("抽取：")


def test_fallback_uses_the_real_extractive_engine(tiny_pegasus_dir, monkeypatch):
    extractive = pytest.importorskip("summarizer.summarize.extractive")
    cfg = _cfg(tiny_pegasus_dir).model_copy(update={"fallback_on_unsupported": True})
    engine = AbstractiveSummarizer(cfg)
    _force_output(monkeypatch, engine, "暴雨导致60人受灾。")
    doc = Document(TINY_TEXT, headline="暴雨致五十九人受灾")
    [s] = engine.summarize([doc], max_chars=40)
    [expected] = extractive.ExtractiveSummarizer(cfg).summarize([doc], max_chars=40)
    assert s.fallback and s.unsupported == ("60人",)
    assert s.text == expected.text and 0 < len(s.text) <= 40


# -- engine choice and CLI ------------------------------------------------------




def test_cli_abstractive_without_model_exits_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    article = tmp_path / "a.txt"
    article.write_text(TINY_TEXT, encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "summarize", str(article), "--engine",
                              "abstractive", "--model", "nobody/no-such-summarizer")
    assert code == 2 and out == ""
    assert "nobody/no-such-summarizer" in err and "hf download" in err


def test_cli_auto_without_model_uses_extractive(tmp_path, monkeypatch, capsys, fake_extractive):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    article = tmp_path / "a.txt"
    article.write_text(TINY_TEXT, encoding="utf-8")
    code, out, err = run_cli(monkeypatch, capsys, "summarize", str(article), "--engine", "auto",
                              "--model", "nobody/no-such-summarizer")
    assert code == 0
    assert out == "抽取：" + TINY_TEXT[:8] + "\n"
    assert len(err.strip().splitlines()) == 1 and "nobody/no-such-summarizer" in err


def test_cli_abstractive_with_local_model(tiny_pegasus_dir, tmp_path, monkeypatch, capsys):
    article = tmp_path / "a.txt"
    article.write_text(TINY_TEXT, encoding="utf-8")
    code, out, err = run_cli(
        monkeypatch, capsys, "summarize", str(article), "--engine", "abstractive",
        "--model", str(tiny_pegasus_dir), "--max-chars", "25",
        "--set", "summarize.fallback_on_unsupported=false", "--set", "summarize.device=cpu",
    )
    assert code == 0, err
    assert 0 < len(out.strip()) <= 25


def test_cli_jsonl_keeps_records_and_order(tiny_pegasus_dir, tmp_path, monkeypatch, capsys):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    recs = [{"id": i, "text": a, "headline": "标题"} for i, a in enumerate(ARTICLES)]
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in recs]
    src.write_text("".join(lines), encoding="utf-8")
    code, _, err = run_cli(
        monkeypatch, capsys, "summarize", "--input", str(src), "--output", str(dst),
        "--engine", "abstractive", "--model", str(tiny_pegasus_dir), "--max-chars", "30",
        "--set", "summarize.fallback_on_unsupported=false", "--set", "summarize.device=cpu",
        "--set", "summarize.generation.batch_size=3",
    )
    assert code == 0, err
    out = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [{k: v for k, v in r.items() if k != "summary"} for r in out] == recs
    # Same settings as the CLI run: default beam search, batches of 3.
    engine = AbstractiveSummarizer(SummarizeConfig(
        model=str(tiny_pegasus_dir), device="cpu", fallback_on_unsupported=False,
        generation=GenerationConfig(batch_size=3)))
    direct = engine.summarize([Document(a) for a in ARTICLES], max_chars=30)
    assert [r["summary"] for r in out] == [s.text for s in direct]


def test_auto_picks_abstractive_when_model_is_local(tiny_pegasus_dir):
    engine = load_summarizer(_cfg(tiny_pegasus_dir), engine="auto")
    assert isinstance(engine, AbstractiveSummarizer) and engine.name == "abstractive"


# -- real long articles (../shared/data) -----------------------------------------


@pytest.mark.shared
def test_real_long_articles_are_fully_chunked_and_fit_budget(shared_data, tiny_pegasus_dir,
                                                             fake_extractive):
    from summarizer.textio import iter_jsonl

    path = shared_data / "summarization" / "clts_samples.jsonl"
    texts = [rec["text"] for _, rec in iter_jsonl(path)][:2]
    engine = AbstractiveSummarizer(_cfg(tiny_pegasus_dir, chunk_tokens=64))
    tok = engine.tokenizer
    for text in texts:
        chunks = engine.chunk(text)
        assert all(len(c) <= 64 and c[-1] == tok.eos_token_id for c in chunks)
        per_sentence = tok(split_sentences(text), add_special_tokens=False)["input_ids"]
        assert [i for c in chunks for i in c[:-1]] == [i for ids in per_sentence for i in ids]
    out = engine.summarize([Document(t) for t in texts], max_chars=60)
    assert [len(s.text) <= 60 for s in out] == [True] * len(texts)
