"""Every error the library raises on purpose.

Each error carries a short code and a message that names the problem and the
fix. The CLI catches :class:`SummarizerError` only, prints the message and exits
with :attr:`SummarizerError.exit_code`; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations


class SummarizerError(Exception):
    """Base class: an expected failure the user can fix."""

    code = "E000"
    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        text = f"[{self.code}] {self.message}"
        if self.hint:
            text += f"\n  fix: {self.hint}"
        return text


class InputError(SummarizerError):
    """The input file or record cannot be used (empty, binary, undecodable, malformed)."""

    code = "E100"


class ConfigError(SummarizerError):
    """A YAML config is missing, unreadable or fails validation."""

    code = "E200"


class ModelNotFoundError(SummarizerError):
    """A model was asked for but is neither a local directory nor in the local cache."""

    code = "E300"


class ModelLoadError(SummarizerError):
    """A model was found but could not be loaded."""

    code = "E301"


class DependencyError(SummarizerError):
    """An optional dependency (ctranslate2, ray, ...) is needed but not installed."""

    code = "E400"


class FetchError(SummarizerError):
    """A feed or page could not be fetched over HTTP."""

    code = "E500"
