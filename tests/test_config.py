from pathlib import Path

import pytest

from summarizer.config import Config, load_config
from summarizer.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_default_yaml_matches_pydantic_defaults():
    assert load_config(ROOT / "configs" / "default.yaml") == Config()


def test_override_and_validation():
    cfg = load_config(overrides=["summarize.generation.num_beams=2", "summarize.engine=extractive"])
    assert cfg.summarize.generation.num_beams == 2
    assert cfg.summarize.engine == "extractive"
    with pytest.raises(ConfigError):
        load_config(overrides=["summarize.engine=magic"])
    with pytest.raises(ConfigError):
        load_config(overrides=["summarize.no_such_field=1"])


def test_generation_batch_size_is_auto_or_a_positive_int():
    assert load_config().summarize.generation.batch_size == "auto"
    assert load_config(overrides=["summarize.generation.batch_size=32"]
                       ).summarize.generation.batch_size == 32
    for bad in ("0", "big"):
        with pytest.raises(ConfigError, match="batch_size"):
            load_config(overrides=[f"summarize.generation.batch_size={bad}"])


def test_missing_and_bad_yaml(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("summarize: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)
