"""Multi-label theme tagger: user-definable themes, calibrated scores, per-theme thresholds.

The theme set lives in a YAML file (``configs/themes.yaml``) validated by
:class:`ThemeSet`. A trained tagger directory holds a copy of that theme set
(so thresholds travel with the model) plus one multi-label linear model
(:mod:`summarizer.classify.linear`) that gives a calibrated yes/no per theme.

The seed rule that weak-labels the training data (:func:`weak_label`) also
runs at inference for themes with a ``cue_score``: an item the rule calls
positive scores at least that much. A linear model over character n-grams
cannot express "a seed in the headline, or three seed hits in the lead" nor
the same-sentence ``A+B`` cues, and the rule's positives are the cases the
training data was built from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import ConfigError, InputError, ModelLoadError, ModelNotFoundError
from ..types import Document, Label
from .linear import LinearTextModel


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ThemeDef(_Strict):
    """One theme: identifier, display name, description, weak-labelling cues, threshold."""

    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$")
    name: str = Field(min_length=1)
    description: str = Field(min_length=1)
    seeds: list[str] = Field(min_length=1)
    negatives: list[str] = []
    context: list[str] = []
    threshold: float = Field(0.5, gt=0.0, lt=1.0)
    # Probability given to an item the seed rule calls positive (the rule's
    # estimated precision); None leaves the score to the model alone.
    cue_score: float | None = Field(None, gt=0.0, lt=1.0)

    @field_validator("seeds", "negatives", "context")
    @classmethod
    def _no_blank(cls, phrases: list[str]) -> list[str]:
        for p in phrases:
            if not p.strip() or any(not part.strip() for part in p.split("+")):
                raise ValueError(f"blank phrase or empty '+' part in {p!r}")
        return [p.strip() for p in phrases]


class ThemeSet(_Strict):
    """The theme set: at least one theme, unique ids."""

    themes: list[ThemeDef] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> ThemeSet:
        ids = [t.id for t in self.themes]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate theme ids: {', '.join(dupes)}")
        return self

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]


def load_theme_config(path: str | Path) -> ThemeSet:
    """Read and validate a theme-set YAML file.

    >>> load_theme_config("configs/themes.yaml").ids[0]
    'rural_revitalisation'
    """
    from ..config import read_yaml

    data = read_yaml(path, what="theme config", example="configs/themes.yaml")
    return theme_set_from_dict(data, where=str(path))


def theme_set_from_dict(data: object, where: str = "theme config") -> ThemeSet:
    """Validate an already-parsed theme set (a mapping with a ``themes`` list)."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where} must contain a mapping with a 'themes' list",
                          hint="see configs/themes.yaml for the format")
    from ..config import validate

    return validate(ThemeSet, data, where=where, example="configs/themes.yaml and docs/themes.md")


def phrase_count(text: str, phrase: str, sentences: list[str] | None = None) -> int:
    """Occurrences of a cue in ``text``; ``A+B`` counts sentences holding every part.

    ``sentences`` (``split_for_cues(text)``) saves re-splitting when many cues
    are counted in one text.

    >>> phrase_count("职业院校推进数字化。数字化好。", "职业院校+数字化")
    1
    """
    if "+" not in phrase:
        return text.count(phrase)
    parts = phrase.split("+")
    if sentences is None:
        sentences = split_for_cues(text)
    return sum(1 for s in sentences if all(p in s for p in parts))


def split_for_cues(text: str) -> list[str]:
    """The sentences that ``A+B`` cues are matched within."""
    return _SENTENCE.split(text)


_SENTENCE = re.compile(r"[。！？!?；;\n]")

POS, NEG, UNSURE = "pos", "neg", "unsure"
# What the annotators read (title + ~1,500 characters) and the number of seed
# hits in it that make a body-only weak positive (see docs/themes.md readings).
CUE_LEAD_CHARS = 1500
CUE_MIN_BODY_HITS = 3


def weak_label(headline: str, lead: str, theme: ThemeDef, *,
               min_body_hits: int = CUE_MIN_BODY_HITS) -> str:
    """``pos``, ``neg`` or ``unsure`` for one item and one theme, from its seed cues.

    Positive: no negative cue in the headline, a ``context`` word in headline or
    lead, and a seed in the headline or at least ``min_body_hits`` seed hits in
    the lead. Negative: no seed hit at all. Unsure: anything else.

    >>> t = ThemeDef(id="x", name="x", description="x", seeds=["支教"], context=["学校"])
    >>> weak_label("大学生暑期支教", "他们来到乡村学校。", t)
    'pos'
    """
    head_sents, lead_sents = split_for_cues(headline), split_for_cues(lead)
    head_hits = sum(phrase_count(headline, s, head_sents) for s in theme.seeds)
    body_hits = sum(phrase_count(lead, s, lead_sents) for s in theme.seeds)
    if head_hits == 0 and body_hits == 0:
        return NEG
    if any(n in headline for n in theme.negatives):
        return UNSURE
    has_context = not theme.context or any(c in headline or c in lead for c in theme.context)
    if has_context and (head_hits > 0 or body_hits >= min_body_hits):
        return POS
    return UNSURE


# A document without a headline whose text is one line this short is a headline.
HEADLINE_ONLY_CHARS = 64


def cue_parts(doc: Document) -> tuple[str, str]:
    """``(headline, lead)`` the seed rule reads: a title-only record is all headline.

    >>> cue_parts(Document("中外合作办学项目说明会"))
    ('中外合作办学项目说明会', '')
    """
    head = (doc.headline or "").strip()
    body = doc.text.strip()
    if not head and "\n" not in body and len(body) <= HEADLINE_ONLY_CHARS:
        return body, ""
    if head and body.startswith(head):
        body = body[len(head):].lstrip()
    return head, body[:CUE_LEAD_CHARS]


FORMAT = "summarizer-theme-tagger"
FORMAT_VERSION = 1
BUILTIN_DIR = Path(__file__).resolve().parents[1] / "resources" / "themes"


class ReadingConfig(_Strict):
    """How a document is turned into the texts the model scores.

    The headline plus the first ``lead_chars`` characters are always scored.
    When ``passage_chars`` > 0, longer bodies are also cut at paragraph breaks
    into passages of about that many characters, each scored with the headline
    in front; a theme's score is then the larger of the lead score and
    ``passage_weight`` x the best passage score, so a whole paragraph about a
    theme deep in a long article still counts, but less than a lead about it.
    Only the first ``max_passages`` passages are read (about 3,900 characters
    with the defaults; the annotators read ~1,500), and a single paragraph is
    read up to twice ``passage_chars``.
    """

    lead_chars: int = Field(300, ge=20)
    passage_chars: int = Field(300, ge=0)
    passage_weight: float = Field(0.8, gt=0.0, le=1.0)
    max_passages: int = Field(12, ge=1)


def document_views(doc: Document, reading: ReadingConfig) -> list[str]:
    """The texts a document is scored on: lead view first, then passage views.

    >>> document_views(Document("正文", headline="标题"), ReadingConfig())
    ['标题\\n正文']
    """
    head = (doc.headline or "").strip()
    body = doc.text.strip()
    if head and body.startswith(head):
        body = body[len(head):].lstrip()
    prefix = f"{head}\n" if head else ""
    views = [prefix + body[: reading.lead_chars] if body else head]
    if reading.passage_chars and len(body) > reading.lead_chars:
        passages, cur = [], ""
        for para in body.split("\n"):
            para = para.strip()
            if not para:
                continue
            if cur and len(cur) + len(para) > reading.passage_chars:
                passages.append(cur)
                cur = ""
            cur = f"{cur}{para}" if not cur else f"{cur}\n{para}"
        if cur:
            passages.append(cur)
        views += [prefix + p[: reading.passage_chars * 2] for p in passages[: reading.max_passages]]
    return views


class LinearThemeTagger:
    """A calibrated multi-label linear model (one yes/no per theme) plus the stored theme set.

    The thresholds that decide the output are those of the stored theme set.
    """

    def __init__(self, themes: ThemeSet, model: LinearTextModel,
                 reading: ReadingConfig | None = None, meta: dict | None = None) -> None:
        if list(model.labels) != themes.ids or model.mode != "multilabel":
            raise ValueError(f"model labels {model.labels} ({model.mode}) do not match the "
                             f"theme set {themes.ids}")
        self.themes = themes
        self.model = model
        self.reading = reading or ReadingConfig()
        self.meta = dict(meta or {})

    @property
    def labels(self) -> list[str]:
        return self.themes.ids

    def scores(self, docs: Sequence[Document]) -> np.ndarray:
        """Calibrated probability per document and theme, shape ``(len(docs), len(labels))``."""
        views = [document_views(d, self.reading) for d in docs]
        flat = [v for vs in views for v in vs]
        out = np.zeros((len(docs), len(self.labels)))
        if not flat:
            return out
        p = self.model.predict_proba(flat)
        sizes = [len(vs) for vs in views]
        first = np.cumsum([0] + sizes[:-1])
        weight = np.full(len(flat), self.reading.passage_weight)
        weight[first] = 1.0
        np.maximum.at(out, np.repeat(np.arange(len(docs)), sizes), p * weight[:, None])
        parts = [cue_parts(doc) for doc in docs]
        for j, theme in enumerate(self.themes.themes):
            if theme.cue_score is None:
                continue
            for i, (head, lead) in enumerate(parts):
                if weak_label(head, lead, theme) == POS:
                    out[i, j] = max(out[i, j], theme.cue_score)
        return out

    def predict(self, docs: Sequence[Document]) -> list[tuple[Label, ...]]:
        """Themes at or over their thresholds per document, best first (possibly none).

        >>> tagger = load_theme_model("builtin")  # doctest: +SKIP
        >>> tagger.predict([Document("大学生志愿者赴乡村小学支教")])  # doctest: +SKIP
        [(Label(label='rural_revitalisation', score=0.97),)]
        """
        if isinstance(docs, Document):
            raise InputError("predict takes a sequence of documents, not one Document",
                             hint="wrap it in a list: tagger.predict([doc])")
        thresholds = [t.threshold for t in self.themes.themes]
        out = []
        for row in self.scores(docs):
            labs = [Label(lab, float(s))
                    for lab, s, th in zip(self.labels, row, thresholds, strict=True) if s >= th]
            out.append(tuple(sorted(labs, key=lambda lab: -lab.score)))
        return out

    def with_thresholds(self, thresholds: dict[str, float]) -> LinearThemeTagger:
        """A copy whose themes use new thresholds (unknown ids are an error)."""
        unknown = set(thresholds) - set(self.labels)
        if unknown:
            raise ConfigError(f"unknown theme id(s) {sorted(unknown)}", hint=f"use {self.labels}")
        data = self.themes.model_dump()
        for t in data["themes"]:
            t["threshold"] = thresholds.get(t["id"], t["threshold"])
        return LinearThemeTagger(theme_set_from_dict(data), self.model, self.reading, self.meta)

    def save(self, path: str | Path) -> Path:
        """Write ``themes.json`` (theme set, reading settings) and the model files."""
        d = Path(path)
        self.model.save(d)
        spec = {"format": FORMAT, "version": FORMAT_VERSION, "themes": self.themes.model_dump(),
                "reading": self.reading.model_dump(), "meta": self.meta}
        (d / "themes.json").write_text(json.dumps(spec, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
        return d

    @classmethod
    def load(cls, path: str | Path) -> LinearThemeTagger:
        """Load a tagger written by :meth:`save`."""
        d = Path(path)
        if not (d / "themes.json").is_file():
            raise ModelNotFoundError(f"{d} is not a theme tagger directory (no themes.json)",
                                     hint="train one with: summarizer train themes --output DIR")
        try:
            spec = json.loads((d / "themes.json").read_text(encoding="utf-8"))
            if spec.get("format") != FORMAT or spec.get("version") != FORMAT_VERSION:
                raise ValueError(f"format {spec.get('format')!r} v{spec.get('version')!r}, "
                                 f"expected {FORMAT!r} v{FORMAT_VERSION}")
            themes = ThemeSet.model_validate(spec["themes"])
            reading = ReadingConfig.model_validate(spec.get("reading", {}))
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelLoadError(f"cannot load theme tagger from {d}: {exc}",
                                 hint="rebuild it with: summarizer train themes") from None
        model = LinearTextModel.load(d)
        try:
            return cls(themes, model, reading, spec.get("meta", {}))
        except ValueError as exc:
            raise ModelLoadError(f"cannot load theme tagger from {d}: {exc}",
                                 hint="rebuild it with: summarizer train themes") from None


def load_theme_model(name: str) -> LinearThemeTagger:
    """The shipped tagger (``"builtin"``) or one saved in directory ``name``.

    >>> load_theme_model("builtin").labels
    ['rural_revitalisation', 'vocational_digitalisation', 'school_partnership']
    """
    path = BUILTIN_DIR if name == "builtin" else Path(name)
    if not path.is_dir():
        raise ModelNotFoundError(f"theme model {name!r}: directory {path} not found",
                                 hint="use 'builtin' or a directory written by "
                                      "'summarizer train themes --output DIR'")
    return LinearThemeTagger.load(path)
