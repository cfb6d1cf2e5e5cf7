"""Typed records passed between the pipeline stages.

``segment`` turns a page into :class:`Item` objects; ``summarize`` turns a
:class:`Document` into a :class:`Summary`; ``classify`` turns a
:class:`Document` into :class:`Label` objects; ``pipeline`` bundles them into a
:class:`Result`, whose :meth:`Result.to_dict` is the JSON shape of the CLI.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ItemKind = Literal["article", "caption"]


@dataclass(frozen=True)
class Item:
    """One article or photo caption cut out of a page."""

    id: str
    kind: ItemKind
    body: str
    headline: str | None = None
    kicker: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    sections: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sections"] = list(self.sections)
        return {k: d[k] for k in ITEM_FIELDS}


ITEM_FIELDS = ("id", "kind", "kicker", "headline", "subheadline", "byline", "sections", "body")


@dataclass(frozen=True)
class Page:
    """A segmented page: where it came from and the items found on it, in reading order."""

    source: str
    items: tuple[Item, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "items": [it.to_dict() for it in self.items]}


@dataclass(frozen=True)
class Document:
    """The unit the summariser and classifiers work on: a text and, if known, its headline."""

    text: str
    headline: str | None = None

    @classmethod
    def from_item(cls, item: Item) -> Document:
        return cls(text=item.body, headline=item.headline)


@dataclass(frozen=True)
class Summary:
    """A summary and how it was made.

    ``unsupported`` lists numbers/dates/quantities in the summary that the
    source does not contain; ``fallback`` says the abstractive output was
    replaced by the extractive one because of them.
    """

    text: str
    engine: str
    model: str | None = None
    unsupported: tuple[str, ...] = ()
    fallback: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "engine": self.engine,
            "model": self.model,
            "unsupported": list(self.unsupported),
            "fallback": self.fallback,
        }


@dataclass(frozen=True)
class Label:
    """A class label with its (calibrated) probability."""

    label: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": round(float(self.score), 4)}


@dataclass(frozen=True)
class Result:
    """An item with what the later stages said about it."""

    item: Item
    summary: Summary | None = None
    category: Label | None = None
    themes: tuple[Label, ...] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = self.item.to_dict()
        if self.summary is not None:
            d["summary"] = self.summary.text
            d["summary_info"] = {k: v for k, v in self.summary.to_dict().items() if k != "text"}
        if self.category is not None:
            d["category"] = self.category.to_dict()
        if self.themes is not None:
            d["themes"] = [t.to_dict() for t in self.themes]
        d.update(self.extra)
        return d
