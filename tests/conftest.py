"""Shared fixtures. Tests that read ../shared/data take ``shared_data`` (skips when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


def run_cli(monkeypatch, capsys, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run the console entry point in-process; return (exit code, stdout, stderr)."""
    import io
    import sys

    from summarizer import cli

    monkeypatch.setattr(sys, "argv", ["summarizer", *args])
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    try:
        cli.main()
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# --- tiny seq2seq models (abstractive engine, tokenizer, training, export) ---

# Written for these fixtures: every character of it goes into the tiny vocab,
# so tests built from these words tokenise without <unk>.
TINY_TEXT = (
    "新华社北京7月1日电 国家统计局今天发布数据，上半年国内生产总值同比增长5.5%，"
    "全国城镇新增就业678万人。记者从市政府新闻发布会获悉，本市今年将新建学校12所，"
    "投资约3.5亿元，预计新增学位两千个。会议指出，要推动经济高质量发展，稳定市场预期，"
    "支持企业创新。专家认为，下半年消费有望继续回暖，出口压力仍然较大。"
    "暴雨导致五十九人受灾，救援队伍连夜赶到现场。百分之三点五的增幅高于去年。"
)
TINY_WORDS = (
    "新华社 北京 国家统计局 今天 发布 数据 上半年 国内 生产总值 同比 增长 全国 城镇 新增 就业 "
    "记者 市政府 新闻 发布会 获悉 本市 今年 新建 学校 投资 亿元 预计 学位 会议 指出 推动 经济 "
    "高质量 发展 稳定 市场 预期 支持 企业 创新 专家 认为 下半年 消费 有望 继续 回暖 出口 压力 "
    "仍然 较大 暴雨 导致 受灾 救援 队伍 连夜 赶到 现场 增幅 高于 去年 hello world the news"
).split()


def tiny_vocab_entries() -> list[str]:
    """A Randeng-format vocab: BERT's reserved slots, then words, characters, pieces."""
    from summarizer.text import is_cjk

    entries = ["[PAD]"] + [f"[unused{i}]" for i in range(1, 100)]
    entries += ["[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    entries += list("，。、：；！？“”（）%.-") + [str(d) for d in range(10)]
    entries += [f"##{d}" for d in range(10)] + ["##s", "##ing", "##ed"]
    entries += TINY_WORDS
    seen = set(entries)
    for ch in TINY_TEXT:
        if is_cjk(ch) and ch not in seen:
            entries.append(ch)
            seen.add(ch)
    return entries


# Layer sizes shared by the tiny random seq2seq models the tests build.
TINY_SEQ2SEQ_DIMS = dict(
    d_model=32,
    encoder_layers=2,
    decoder_layers=2,
    encoder_attention_heads=2,
    decoder_attention_heads=2,
    encoder_ffn_dim=64,
    decoder_ffn_dim=64,
)


def write_tiny_pegasus(path: Path, *, seed: int = 0, max_position_embeddings: int = 64) -> Path:
    """Save a random PegasusForConditionalGeneration + vocab.txt laid out like Randeng's checkpoint.

    Only ``vocab.txt`` is written for the tokenizer, as in IDEA-CCNL's
    directory, so loading goes through the same detection as the real model.
    """
    import torch
    from transformers import PegasusConfig, PegasusForConditionalGeneration

    path.mkdir(parents=True, exist_ok=True)
    vocab = tiny_vocab_entries()
    (path / "vocab.txt").write_text("".join(v + "\n" for v in vocab), encoding="utf-8")
    config = PegasusConfig(
        vocab_size=len(vocab),
        **TINY_SEQ2SEQ_DIMS,
        max_position_embeddings=max_position_embeddings,
        # Randeng-Pegasus-238M-Summary-Chinese's config: pad 0, eos 1, decoder start 0.
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        forced_eos_token_id=1,
        scale_embedding=True,
        # With the usual 0.02 a model this small ignores its input; 0.5 makes
        # outputs differ between articles, which tests of ordering need.
        init_std=0.5,
    )
    torch.manual_seed(seed)
    model = PegasusForConditionalGeneration(config).eval()
    model.save_pretrained(str(path))
    return path


def write_tiny_bart(path: Path, *, seed: int = 0) -> Path:
    """Save a random BartForConditionalGeneration with a BERT tokenizer (fnlp/bart-*-chinese)."""
    import torch
    from transformers import BartConfig, BartForConditionalGeneration, BertTokenizer

    path.mkdir(parents=True, exist_ok=True)
    vocab = tiny_vocab_entries()
    (path / "vocab.txt").write_text("".join(v + "\n" for v in vocab), encoding="utf-8")
    tok = BertTokenizer.from_pretrained(str(path))
    tok.save_pretrained(str(path))
    config = BartConfig(
        vocab_size=len(vocab),
        **TINY_SEQ2SEQ_DIMS,
        max_position_embeddings=64,
        pad_token_id=tok.pad_token_id,
        bos_token_id=tok.cls_token_id,
        eos_token_id=tok.sep_token_id,
        decoder_start_token_id=tok.sep_token_id,
        forced_eos_token_id=tok.sep_token_id,
        init_std=0.5,
    )
    torch.manual_seed(seed)
    BartForConditionalGeneration(config).eval().save_pretrained(str(path))
    return path


@pytest.fixture(scope="session")
def tiny_pegasus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random Randeng-style Pegasus (d_model 32, 2+2 layers, 64 positions) on disk."""
    return write_tiny_pegasus(tmp_path_factory.mktemp("tiny_pegasus"))


@pytest.fixture(scope="session")
def tiny_bart_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random BART with a BERT-style tokenizer, loaded through AutoTokenizer."""
    return write_tiny_bart(tmp_path_factory.mktemp("tiny_bart"))

# Characters of the tiny test vocabulary: enough for the headlines the tests write.
_TINY_VOCAB_TEXT = (
    "国足男篮女排冠军联赛球队比赛进球胜负主场客场季后赛世界杯奥运金牌教练球员"
    "股市基金银行利率央行降息上涨下跌收盘指数投资理财经济财报营收季度公司市场"
    "游戏玩家新版本上线手游电竞战队英雄皮肤王者荣耀副本服务器测试发布开发商"
    "的了在是和与为将对中大小新年月日一二三人后前上下到被有不也都就会说这"
)


@pytest.fixture(scope="session")
def tiny_bert_dir(tmp_path_factory) -> Path:
    """A randomly initialised two-layer BERT encoder and character vocabulary, saved to disk.

    It stands in for a pretrained Chinese encoder (no download is possible in
    tests): fine-tuning code paths run on it in seconds.
    """
    import torch
    from transformers import BertConfig, BertModel, BertTokenizer

    path = tmp_path_factory.mktemp("tiny_bert")
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = sorted(set(_TINY_VOCAB_TEXT))
    (path / "vocab.txt").write_text("\n".join(specials + chars) + "\n", encoding="utf-8")
    BertTokenizer(str(path / "vocab.txt")).save_pretrained(path)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(specials) + len(chars), hidden_size=32,
                        num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
                        max_position_embeddings=128)
    BertModel(config).save_pretrained(path)
    return path
