"""summarizer: segment, summarise and classify Chinese news.

>>> from summarizer import segment_text   # doctest: +SKIP
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    # Lazy re-exports keep `import summarizer` cheap: torch and transformers
    # load only when a stage that needs them is first used.
    if name == "segment_text":
        from .segment import segment_text

        return segment_text
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name in ("load_config", "Config"):
        from . import config

        return getattr(config, name)
    raise AttributeError(name)
