"""The project's tokenizer for Randeng-Pegasus checkpoints.

IDEA-CCNL's Randeng-Pegasus models ship a BERT-style ``vocab.txt`` and expect
jieba pre-segmentation, but their tokenizer class lives in a script of another
repository that ``AutoTokenizer`` cannot load and that breaks on current
transformers. :class:`RandengPegasusTokenizer` reproduces its behaviour:

* the text is cut into words with jieba, without the HMM (deterministic);
* a word that is in ``vocab.txt`` is kept whole;
* any other word goes through BERT-style basic tokenisation (control
  characters removed, CJK characters split apart, lower-casing, accents
  stripped, punctuation split off) and then greedy longest-match WordPiece;
* every sequence ends with ``</s>`` like Pegasus (no BOS).

Special tokens reuse slots of the BERT vocabulary file, as in IDEA-CCNL's
``tokenizers_pegasus.py`` (Fengshenbang-LM, fengshen/examples/pegasus):
``[PAD]`` is read as ``<pad>``, ``[unused1]`` as ``</s>``, ``[UNK]`` as
``<unk>``, ``[unused2]`` as ``<mask_1>`` (sentence mask) and ``[unused3]`` as
``<mask_2>`` (token mask). In the released 50,000-entry vocab that makes
``<pad>`` id 0 and ``</s>`` id 1, matching the checkpoint's config
(``pad_token_id`` 0, ``eos_token_id`` 1, ``decoder_start_token_id`` 0). The
ids come from the file, never from constants, so the tokenizer stays exact for
any vocab in this format. Unlike the original, the renamed tokens are not added
a second time as new tokens, so ``len(tokenizer)`` equals the model's
``vocab_size`` and no embedding resize is needed.

``save_pretrained`` writes ``vocab.txt`` back in its original form, so a saved
directory loads again with this class (or with IDEA-CCNL's script).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from transformers import PreTrainedTokenizer

from ..text import cut, is_cjk

VOCAB_FILE = "vocab.txt"

# vocab.txt entry -> token name used by the model (IDEA-CCNL's convention).
_RENAMED = {
    "[PAD]": "<pad>",
    "[unused1]": "</s>",
    "[UNK]": "<unk>",
    "[unused2]": "<mask_1>",
    "[unused3]": "<mask_2>",
}


_RESERVED = re.compile(r"\[unused\d+\]")


def read_vocab(path: str | os.PathLike[str]) -> list[str]:
    """The entries of a BERT-style vocab file, one per line, in id order."""
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh]


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    # BERT treats every non-alphanumeric ASCII symbol as punctuation, e.g. $ ^ `.
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_control(ch: str) -> bool:
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf")


def _basic_tokens(text: str, lower: bool) -> list[str]:
    """BERT basic tokenisation: clean, isolate CJK characters, lower-case, split punctuation."""
    chars: list[str] = []
    for ch in text:
        if ch == "\x00" or ch == "\ufffd" or _is_control(ch):
            continue
        if ch.isspace():
            chars.append(" ")
        elif is_cjk(ch):
            chars.extend((" ", ch, " "))
        else:
            chars.append(ch)
    out: list[str] = []
    for word in "".join(chars).split():
        if lower:
            word = unicodedata.normalize("NFD", word.lower())
            word = "".join(c for c in word if unicodedata.category(c) != "Mn")
        start = 0
        for i, ch in enumerate(word):
            if _is_punctuation(ch):
                if start < i:
                    out.append(word[start:i])
                out.append(ch)
                start = i + 1
        if start < len(word):
            out.append(word[start:])
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class RandengPegasusTokenizer(PreTrainedTokenizer):
    """jieba + WordPiece tokenizer for Randeng-Pegasus ``vocab.txt`` files.

    >>> tok = RandengPegasusTokenizer.from_pretrained("models/randeng")  # doctest: +SKIP
    >>> ids = tok("北京今天发布新闻。")["input_ids"]  # doctest: +SKIP
    >>> ids[-1] == tok.eos_token_id  # doctest: +SKIP
    True
    >>> tok.decode(ids, skip_special_tokens=True)  # doctest: +SKIP
    '北京今天发布新闻。'
    """

    vocab_files_names = {"vocab_file": VOCAB_FILE}
    model_input_names = ["input_ids", "attention_mask"]

    def __init__(
        self,
        vocab_file: str,
        do_lower_case: bool = True,
        pad_token: str = "<pad>",
        eos_token: str = "</s>",
        unk_token: str = "<unk>",
        mask_token: str = "<mask_2>",
        mask_token_sent: str = "<mask_1>",
        sep_token: str = "[SEP]",
        cls_token: str = "[CLS]",
        max_input_chars_per_word: int = 100,
        **kwargs: Any,
    ) -> None:
        if not os.path.isfile(vocab_file):
            raise ValueError(f"no vocabulary file at {vocab_file}")
        self.vocab_file = vocab_file
        self._raw_vocab = read_vocab(vocab_file)
        # Built before super().__init__, which asks for the ids of the special
        # tokens: they must resolve to their slots in vocab.txt, not be appended.
        self.vocab: dict[str, int] = {}
        for idx, entry in enumerate(self._raw_vocab):
            self.vocab.setdefault(_RENAMED.get(entry, entry), idx)
        missing = [str(t) for t in (pad_token, eos_token, unk_token) if str(t) not in self.vocab]
        if missing:
            raise ValueError(
                f"{vocab_file} lacks the slots for {missing}: expected a Randeng/BERT-style vocab "
                "with [PAD], [unused1], [unused2], [unused3] and [UNK]"
            )
        self.ids_to_tokens = {idx: tok for tok, idx in self.vocab.items()}
        self.do_lower_case = do_lower_case
        self.mask_token_sent = str(mask_token_sent)
        self.max_input_chars_per_word = max_input_chars_per_word
        if "additional_special_tokens" not in kwargs and "extra_special_tokens" not in kwargs:
            kwargs["additional_special_tokens"] = [self.mask_token_sent]
        super().__init__(
            do_lower_case=do_lower_case,
            pad_token=pad_token,
            eos_token=eos_token,
            unk_token=unk_token,
            mask_token=mask_token,
            mask_token_sent=mask_token_sent,
            sep_token=sep_token,
            cls_token=cls_token,
            max_input_chars_per_word=max_input_chars_per_word,
            **kwargs,
        )

    @property
    def vocab_size(self) -> int:
        return len(self._raw_vocab)

    def get_vocab(self) -> dict[str, int]:
        return dict(self.vocab, **self.added_tokens_encoder)

    def _wordpiece(self, word: str) -> list[str]:
        if len(word) > self.max_input_chars_per_word:
            return [str(self.unk_token)]
        pieces: list[str] = []
        start = 0
        while start < len(word):
            end = len(word)
            piece = None
            while start < end:
                cand = word[start:end] if start == 0 else "##" + word[start:end]
                if cand in self.vocab:
                    piece = cand
                    break
                end -= 1
            if piece is None:
                return [str(self.unk_token)]
            pieces.append(piece)
            start = end
        return pieces

    def _tokenize(self, text: str, **kwargs: Any) -> list[str]:
        tokens: list[str] = []
        for word in cut(text, hmm=False):
            if word in self.vocab:
                tokens.append(word)
                continue
            for piece in _basic_tokens(word, self.do_lower_case):
                tokens.extend(self._wordpiece(piece))
        return tokens

    def _convert_token_to_id(self, token: str) -> int:
        return self.vocab.get(token, self.vocab[str(self.unk_token)])

    def _convert_id_to_token(self, index: int) -> str:
        return self.ids_to_tokens.get(index, str(self.unk_token))

    def convert_tokens_to_string(self, tokens: list[str]) -> str:
        """Join pieces: ``##`` continuations attach, Chinese joins without spaces.

        A space is kept only between two Latin letters/digits from different
        words ("hello world"), the one place where the source had one. BERT's
        reserved ``[unusedN]`` slots carry no text and are dropped.
        """
        text = ""
        for tok in tokens:
            if _RESERVED.fullmatch(tok):
                continue
            if tok.startswith("##") and len(tok) > 2:
                text += tok[2:]
            elif text and tok and _is_word_char(text[-1]) and _is_word_char(tok[0]):
                text += " " + tok
            else:
                text += tok
        return text

    def build_inputs_with_special_tokens(
        self, token_ids_0: list[int], token_ids_1: list[int] | None = None
    ) -> list[int]:
        """``X </s>`` (pairs, not a Pegasus use, become ``A B </s>``)."""
        if token_ids_1 is None:
            return token_ids_0 + [self.eos_token_id]
        return token_ids_0 + token_ids_1 + [self.eos_token_id]

    def get_special_tokens_mask(
        self,
        token_ids_0: list[int],
        token_ids_1: list[int] | None = None,
        already_has_special_tokens: bool = False,
    ) -> list[int]:
        special = set(self.all_special_ids)
        if already_has_special_tokens:
            return [1 if i in special else 0 for i in token_ids_0]
        ids = token_ids_0 + (token_ids_1 or [])
        return [0] * len(ids) + [1]

    def num_special_tokens_to_add(self, pair: bool = False) -> int:
        return 1

    def save_vocabulary(
        self, save_directory: str, filename_prefix: str | None = None
    ) -> tuple[str]:
        """Write ``vocab.txt`` with its original entries (``[PAD]``, ``[unused1]``, ...)."""
        name = (filename_prefix + "-" if filename_prefix else "") + VOCAB_FILE
        path = Path(save_directory) / name
        path.write_text("".join(entry + "\n" for entry in self._raw_vocab), encoding="utf-8")
        return (str(path),)
