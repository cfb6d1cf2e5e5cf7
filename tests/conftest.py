"""Shared fixtures. Tests that read ../shared/data use ``shared_data`` and skip when it is absent."""

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
