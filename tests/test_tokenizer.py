"""The Randeng-Pegasus tokenizer: special ids, jieba words, WordPiece fallback, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.summarize.tokenizer import RandengPegasusTokenizer


@pytest.fixture(scope="module")
def tok(tiny_pegasus_dir: Path) -> RandengPegasusTokenizer:
    return RandengPegasusTokenizer(vocab_file=str(tiny_pegasus_dir / "vocab.txt"))


def test_special_tokens_take_the_randeng_slots(tok, tiny_pegasus_dir):
    lines = (tiny_pegasus_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
    assert tok.pad_token_id == lines.index("[PAD]") == 0
    assert tok.eos_token_id == lines.index("[unused1]") == 1
    assert tok.convert_tokens_to_ids("<mask_1>") == lines.index("[unused2]")
    assert tok.mask_token_id == lines.index("[unused3]")
    assert tok.unk_token_id == lines.index("[UNK]")
    # Nothing appended: the tokenizer has exactly the vocab file's size (the model's vocab_size).
    assert len(tok) == tok.vocab_size == len(lines)


def test_vocab_words_kept_whole_and_sequence_ends_with_eos(tok):
    ids = tok("国家统计局今天发布数据")["input_ids"]
    assert tok.convert_ids_to_tokens(ids) == ["国家统计局", "今天", "发布", "数据", "</s>"]
    assert ids[-1] == tok.eos_token_id


def test_out_of_vocab_words_fall_back_to_characters_and_wordpiece(tok):
    from summarizer.text import cut

    # jieba yields 两千个 as one word; it is not in the vocab, so it splits into characters.
    assert cut("两千个") == ["两千个"]
    assert tok.tokenize("两千个") == ["两", "千", "个"]
    # Latin words are lower-cased and split by WordPiece.
    assert tok.tokenize("Hello worlds 59") == ["hello", "world", "##s", "5", "##9"]
    # A character missing from the vocab becomes <unk>, not an error.
    assert tok.tokenize("猫") == ["<unk>"]


def test_decode_joins_chinese_without_spaces(tok):
    text = "新华社北京7月1日电，全国城镇新增就业678万人。hello world"
    ids = tok(text)["input_ids"]
    assert tok.decode(ids, skip_special_tokens=True) == text
    assert tok.decode(ids).endswith("</s>")


def test_save_and_reload_gives_identical_ids(tok, tmp_path):
    text = "记者从市政府新闻发布会获悉，本市今年将新建学校12所，投资约3.5亿元。"
    tok.save_pretrained(str(tmp_path))
    # vocab.txt is written back in its original form, so IDEA-CCNL's files stay compatible.
    assert (tmp_path / "vocab.txt").read_text(encoding="utf-8").splitlines()[:2] == [
        "[PAD]",
        "[unused1]",
    ]
    again = RandengPegasusTokenizer.from_pretrained(str(tmp_path))
    assert again(text)["input_ids"] == tok(text)["input_ids"]
    assert again.all_special_ids == tok.all_special_ids
    assert len(again) == len(tok)


def test_batch_padding_uses_pad_id(tok):
    enc = tok(["北京", "北京今天发布数据"], padding=True)
    short, long = enc["input_ids"]
    assert len(short) == len(long)
    assert short[2:] == [tok.pad_token_id] * (len(long) - 2)
    assert enc["attention_mask"][0] == [1, 1] + [0] * (len(long) - 2)


def test_vocab_without_randeng_slots_is_rejected(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("a\nb\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lacks the slots"):
        RandengPegasusTokenizer(vocab_file=str(path))
