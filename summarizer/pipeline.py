"""The main job: segment a page, then summarise and classify every item.

The pipeline only chains the stages; each stage lives in its own module and
is loaded lazily, once, when first needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .config import Config, Engine
from .types import Document, Item, Page, Result


@dataclass
class Pipeline:
    """Summarise and classify items with the models named in ``config``.

    >>> from summarizer.types import Item
    >>> pipe = Pipeline(Config(), engine="extractive", classify=False)
    >>> item = Item(id="1", kind="article", body="第一句。第二句。")
    >>> [r.summary.engine for r in pipe.analyze([item])]
    ['extractive']
    """

    config: Config = field(default_factory=Config)
    engine: Engine | None = None
    classify: bool = True
    summarize: bool = True

    @cached_property
    def summarizer(self):
        from .summarize import load_summarizer

        return load_summarizer(self.config.summarize, engine=self.engine)

    @cached_property
    def category_classifier(self):
        from .classify import load_category_classifier

        return load_category_classifier(self.config.classify)

    @cached_property
    def theme_tagger(self):
        from .classify import load_theme_tagger

        return load_theme_tagger(self.config.classify)

    def analyze(self, items: Sequence[Item], *, max_chars: int | None = None) -> list[Result]:
        docs = [Document.from_item(it) for it in items]
        summaries = (
            self.summarizer.summarize(docs, max_chars=max_chars)
            if self.summarize and docs
            else [None] * len(docs)
        )
        want_labels = self.classify and self.config.classify.enabled and docs
        categories = self.category_classifier.predict(docs) if want_labels else [None] * len(docs)
        themes = self.theme_tagger.predict(docs) if want_labels else [None] * len(docs)
        return [
            Result(item=it, summary=s, category=c, themes=t)
            for it, s, c, t in zip(items, summaries, categories, themes, strict=True)
        ]

    def run_page(self, page: Page, *, max_chars: int | None = None) -> list[Result]:
        return self.analyze(page.items, max_chars=max_chars)
