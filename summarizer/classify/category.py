"""News category: one of the 15 Toutiao classes per document, with a calibrated score.

Two kinds of model load through :func:`load_category_model`:

* a linear text model (:mod:`summarizer.classify.linear`), the kind shipped in
  the package under ``summarizer/resources/category/`` and loaded by ``"builtin"``;
* a fine-tuned Hugging Face sequence-classification encoder (a directory with
  ``config.json`` whose ``id2label`` names the classes), e.g. trained by
  ``summarizer train category`` with ``kind: transformer``.

Both were trained on headlines, yet they read articles well: on 726 THUCNews
articles of the 7 classes that map onto Toutiao's, the built-in model's
accuracy rises with the amount of text read, from 0.74 (first 20 characters,
about a title) to 0.90 (first 2,000 characters; the whole article scores the
same). A document is therefore classified on its headline followed by the
first :data:`BODY_CHARS` characters of its body (:func:`document_text`); the
cap bounds the cost of very long inputs. See docs/classification.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import ModelLoadError, ModelNotFoundError
from ..types import Document, Label
from .linear import FORMAT as LINEAR_FORMAT
from .linear import LinearTextModel

CATEGORY_LABELS = (
    "news_story", "news_culture", "news_entertainment", "news_sports", "news_finance",
    "news_house", "news_car", "news_edu", "news_tech", "news_military", "news_travel",
    "news_world", "news_stock", "news_agriculture", "news_game",
)
BUILTIN_DIR = Path(__file__).resolve().parents[1] / "resources" / "category"
# Characters of article body read after the headline (see the module docstring).
BODY_CHARS = 2000


def document_text(doc: Document, body_chars: int = BODY_CHARS) -> str:
    """The text a headline-trained model sees: headline, then the start of the body.

    >>> document_text(Document(text="国足今晚迎战日本队。主教练表示……", headline="国足出征"), 6)
    '国足出征 国足今晚迎战'
    """
    body = doc.text.strip()
    if doc.headline and body.startswith(doc.headline.strip()):
        body = body[len(doc.headline.strip()):].lstrip()
    head = (doc.headline or "").strip()
    return f"{head} {body[:body_chars]}".strip() if head else body[:body_chars]


def _best(probs: np.ndarray, labels: Sequence[str]) -> list[Label]:
    best = probs.argmax(axis=1)
    return [Label(labels[j], float(probs[i, j])) for i, j in enumerate(best)]


class LinearCategoryClassifier:
    """A :class:`~summarizer.classify.CategoryClassifier` over a :class:`LinearTextModel`."""

    def __init__(self, model: LinearTextModel, body_chars: int = BODY_CHARS) -> None:
        if model.mode != "multiclass":
            raise ModelLoadError("a category model must be multiclass, this one is "
                                 f"{model.mode}", hint="train it with mode=multiclass")
        self.model = model
        self.labels = list(model.labels)
        self.body_chars = body_chars

    def predict_proba(self, docs: Sequence[Document]) -> np.ndarray:
        return self.model.predict_proba([document_text(d, self.body_chars) for d in docs])

    def predict(self, docs: Sequence[Document]) -> list[Label]:
        """Best label and its probability per document.

        >>> clf = load_category_model("builtin")
        >>> clf.predict([Document("梅西梅开二度，巴萨客场大胜")])[0].label
        'news_sports'
        """
        return _best(self.predict_proba(docs), self.labels)


class TransformerCategoryClassifier:
    """A :class:`~summarizer.classify.CategoryClassifier` over a fine-tuned HF encoder."""

    def __init__(self, path: Path, *, device: str = "auto", batch_size: int = 64,
                 max_length: int = 128, body_chars: int = BODY_CHARS) -> None:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        from ..models import resolve_device

        self.device = resolve_device(device)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path)
            self.model = AutoModelForSequenceClassification.from_pretrained(path)
        except (OSError, ValueError) as exc:
            import transformers

            raise ModelLoadError(f"cannot load the encoder classifier in {path} (transformers "
                                 f"{transformers.__version__}, torch {torch.__version__}): {exc}",
                                 hint="the directory needs config.json, weights and tokenizer "
                                 "files as written by `summarizer train category`") from None
        self.model.to(self.device).eval()
        id2label = self.model.config.id2label
        self.labels = [id2label[i] for i in range(len(id2label))]
        self.batch_size, self.max_length, self.body_chars = batch_size, max_length, body_chars
        self._torch = torch

    def predict_proba(self, docs: Sequence[Document]) -> np.ndarray:
        texts = [document_text(d, self.body_chars) for d in docs]
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float64)
        with self._torch.inference_mode():
            for start in range(0, len(texts), self.batch_size):
                enc = self.tokenizer(texts[start:start + self.batch_size], truncation=True,
                                     max_length=self.max_length, padding=True,
                                     return_tensors="pt").to(self.device)
                logits = self.model(**enc).logits.float()
                out[start:start + len(enc["input_ids"])] = (
                    self._torch.softmax(logits, dim=-1).cpu().numpy())
        return out

    def predict(self, docs: Sequence[Document]) -> list[Label]:
        """Best label and its probability per document."""
        return _best(self.predict_proba(docs), self.labels)


def _model_kind(path: Path) -> str:
    model_json = path / "model.json"
    if model_json.is_file():
        try:
            fmt = json.loads(model_json.read_text(encoding="utf-8")).get("format")
        except (ValueError, AttributeError):
            fmt = None
        if fmt == LINEAR_FORMAT:
            return "linear"
    if (path / "config.json").is_file():
        return "transformer"
    raise ModelLoadError(
        f"{path} holds neither a linear category model (model.json + weights.npz) nor a "
        "Hugging Face classifier (config.json)",
        hint="pass a directory written by `summarizer train category`, or use 'builtin'",
    )


def load_category_model(name: str = "builtin", *, device: str = "auto"
                        ) -> LinearCategoryClassifier | TransformerCategoryClassifier:
    """Load a category classifier: ``"builtin"``, a model directory or a cached HF model id.

    >>> load_category_model("builtin").labels[:2]
    ['news_story', 'news_culture']
    """
    if name == "builtin":
        if not (BUILTIN_DIR / "model.json").is_file():
            raise ModelNotFoundError(
                f"the built-in category model is missing from {BUILTIN_DIR}",
                hint="rebuild it: summarizer train category --config configs/train_category.yaml",
            )
        path = BUILTIN_DIR
    else:
        from ..models import locate_model

        path = locate_model(name, alternative="or set classify.category_model=builtin "
                            "for the model shipped with the package").path
    if _model_kind(path) == "linear":
        return LinearCategoryClassifier(LinearTextModel.load(path))
    return TransformerCategoryClassifier(path, device=device)
