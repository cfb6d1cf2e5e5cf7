"""Command line: a thin layer over the library.

Commands parse options, call one library function and print. Expected
failures are :class:`~summarizer.errors.SummarizerError`; :func:`main` prints
their message on stderr and exits with code 2. Anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .errors import InputError, SummarizerError

if TYPE_CHECKING:
    from .config import Config

app = typer.Typer(
    name="summarizer",
    help="Segment, summarise and classify Chinese news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score a stage on labelled data; prints JSON.", no_args_is_help=True)
train_app = typer.Typer(help="Train or fine-tune a model.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")


class Fmt(str, Enum):
    json = "json"
    md = "md"


class EngineOpt(str, Enum):
    abstractive = "abstractive"
    extractive = "extractive"
    auto = "auto"


class Task(str, Enum):
    category = "category"
    themes = "themes"


ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="YAML config (see configs/default.yaml).")
]
SetOpt = Annotated[
    list[str] | None,
    typer.Option("--set", help="Override a config field (repeatable), "
                 "e.g. --set summarize.generation.num_beams=2."),
]
EngineOption = Annotated[
    EngineOpt | None,
    typer.Option("--engine", "-e", help="Summarisation engine; auto = abstractive when its "
                 "model is on this machine, else extractive (default: from config)."),
]
MaxCharsOpt = Annotated[
    int | None, typer.Option("--max-chars", min=5, help="Summary budget in characters.")
]
FormatOpt = Annotated[
    Fmt, typer.Option("--format", "-f", help="json (the README's shape) or md (for reading).")
]
PageOutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", "-m", help="Seq2seq model (hub id or local dir); implies --engine abstractive."
    ),
]


def _config(config: Path | None, overrides: list[str] | None, model: str | None = None) -> Config:
    # Imported here: building the config models costs start-up time `segment` does not need.
    from .config import load_config

    cfg = load_config(config, overrides)
    if model:
        cfg.summarize.model = model
    return cfg


def _engine(engine: EngineOpt | None, model: str | None) -> str | None:
    # Naming a model on the command line asks for it: a typo in the path must
    # fail loudly rather than fall back to the extractive engine as `auto` would.
    if engine is not None:
        return engine.value
    return "abstractive" if model else None


def _write(text: str, output: Path | None) -> None:
    from .textio import write_text

    if output is None:
        sys.stdout.write(text)
    else:
        write_text(output, text)


def _emit(obj: Any, output: Path | None = None) -> None:
    _write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", output)


def _page_markdown(doc: dict[str, Any]) -> str:
    lines = [f"# {doc['source']}", ""]
    for it in doc["items"]:
        title = it.get("headline") or ("(caption)" if it["kind"] == "caption" else "(no headline)")
        lines.append(f"## {it['id']}. {title}")
        for key in ("kicker", "subheadline", "byline"):
            if it.get(key):
                lines.append(f"*{key}*: {it[key]}  ")
        if it.get("category"):
            lines.append(f"*category*: {it['category']['label']} ({it['category']['score']:.2f})  ")
        if it.get("themes"):
            tags = ", ".join(f"{t['label']} ({t['score']:.2f})" for t in it["themes"])
            lines.append(f"*themes*: {tags}  ")
        if it.get("summary"):
            lines += ["", f"> {it['summary']}"]
        if it.get("sections"):
            lines += ["", "sections: " + " / ".join(it["sections"])]
        # One blank line per paragraph break: Markdown joins single-newline lines.
        lines += ["", it["body"].replace("\n", "\n\n"), ""]
    return "\n".join(lines)


def _print_page(doc: dict[str, Any], fmt: Fmt, output: Path | None) -> None:
    if fmt is Fmt.json:
        _emit(doc, output)
        return
    _write(_page_markdown(doc), output)


@app.command()
def segment(
    page: Annotated[
        Path, typer.Argument(help="Plain-text page (UTF-8, GB18030/GBK or Big5); - for stdin.")
    ],
    fmt: FormatOpt = Fmt.json,
    output: PageOutputOpt = None,
) -> None:
    """Cut a newspaper page into articles and captions."""
    from .segment import segment_text
    from .textio import read_text

    result = segment_text(read_text(page), source=str(page))
    _print_page(result.to_dict(), fmt, output)


@app.command()
def run(
    page: Annotated[Path, typer.Argument(help="Plain-text page; - for stdin.")],
    fmt: FormatOpt = Fmt.json,
    output: PageOutputOpt = None,
    engine: EngineOption = None,
    max_chars: MaxCharsOpt = None,
    model: ModelOpt = None,
    no_classify: Annotated[
        bool, typer.Option("--no-classify", help="Skip category and themes.")
    ] = False,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Segment a page, then summarise and classify every item."""
    from .pipeline import Pipeline
    from .segment import segment_text
    from .textio import read_text

    cfg = _config(config, set_, model)
    pg = segment_text(read_text(page), source=str(page))
    pipe = Pipeline(cfg, engine=_engine(engine, model), classify=not no_classify)
    results = pipe.run_page(pg, max_chars=max_chars)
    _print_page({"source": pg.source, "items": [r.to_dict() for r in results]}, fmt, output)


@app.command()
def summarize(
    file: Annotated[Path | None, typer.Argument(help="One article as text; - for stdin.")] = None,
    input: Annotated[
        Path | None, typer.Option("--input", "-i", help="JSONL with text (+headline).")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="JSONL to write.")] = None,
    headline: Annotated[str | None, typer.Option(help="Headline of the single article.")] = None,
    engine: EngineOption = None,
    max_chars: MaxCharsOpt = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Summarise one article, or every record of a JSONL file (same order, `summary` added)."""
    from .summarize import load_summarizer, summarize_jsonl
    from .textio import read_text
    from .types import Document

    if (file is None) == (input is None):
        raise InputError("give either an article FILE (- for stdin) or --input IN.jsonl, not both",
                         hint="summarizer summarize article.txt, or "
                         "summarizer summarize --input in.jsonl --output out.jsonl")
    cfg = _config(config, set_, model)
    engine_name = _engine(engine, model)
    if file is not None:
        engine_obj = load_summarizer(cfg.summarize, engine=engine_name)
        [summary] = engine_obj.summarize([Document(read_text(file), headline)], max_chars=max_chars)
        _write(summary.text + "\n", output)
        return
    if output is None:
        raise InputError("--input needs --output OUT.jsonl",
                         hint="add --output out.jsonl; the records are written there in order")
    n = summarize_jsonl(input, output, cfg.summarize, engine=engine_name, max_chars=max_chars)
    typer.echo(f"wrote {n} records to {output}", err=True)


@app.command()
def classify(
    task: Annotated[Task, typer.Option("--task", "-t")],
    input: Annotated[Path, typer.Option("--input", "-i", help="JSONL with text (+headline).")],
    output: Annotated[Path, typer.Option("--output", "-o")],
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Add `category` or `themes` to every record of a JSONL file (same order)."""
    from .classify import classify_jsonl

    cfg = _config(config, set_)
    n = classify_jsonl(input, output, cfg.classify, task=task.value)
    typer.echo(f"wrote {n} records to {output}", err=True)


class BatchFmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class RunnerOpt(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(
        help="Feeds (files or http(s) URLs), JSONL files, .txt/.html pages or directories.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file.")],
    fmt: Annotated[BatchFmt | None, typer.Option(
        "--format", "-f", help="Output format (default: from the output's suffix, else jsonl).",
    )] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Worker processes / Ray actors, one model load each (default: batch.workers).",
    )] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue the job whose state is beside --output.")] = False,
    runner: Annotated[RunnerOpt, typer.Option("--runner")] = RunnerOpt.local,
    engine: EngineOption = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Summarise and classify every item of many inputs, exactly once and resumably.

    Prints a JSON report; bad items go to OUT.deadletter.jsonl, duplicates to OUT.duplicates.jsonl.
    """
    from .batch import run_batch

    cfg = _config(config, set_)
    report = run_batch(inputs, output, config=cfg, fmt=fmt.value if fmt else None, workers=workers,
                       resume=resume, runner=runner.value, engine=engine.value if engine else None)
    typer.echo(f"batch: {report.ok} ok, {report.skipped_duplicates} skipped duplicates, "
               f"{report.failed} failed, {report.already_done} already done "
               f"({report.items_per_s:.1f} items/s) -> {output}", err=True)
    _emit(report.to_dict())


@eval_app.command("summarize")
def eval_summarize(
    data: Annotated[Path, typer.Option("--data", "-d", help="JSONL with text and summary.")],
    engine: EngineOption = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    max_chars: MaxCharsOpt = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Character-level ROUGE-1/2/L F1 x100 against reference summaries."""
    from .summarize import evaluate

    cfg = _config(config, set_, model)
    _emit(evaluate(data, cfg.summarize, engine=_engine(engine, model), limit=limit,
                   max_chars=max_chars))


@eval_app.command("classify")
def eval_classify(
    task: Annotated[Task, typer.Option("--task", "-t")],
    data: Annotated[Path, typer.Option("--data", "-d", help="JSONL with text and label(s).")],
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    config: ConfigOpt = None,
    set_: SetOpt = None,
) -> None:
    """Accuracy/macro F1 (category) or per-theme P/R/F1 (themes)."""
    from .classify import evaluate

    cfg = _config(config, set_)
    _emit(evaluate(data, cfg.classify, task=task.value, limit=limit))


class ExportTarget(str, Enum):
    ct2 = "ct2"


@app.command()
def export(
    model: Annotated[str, typer.Option("--model", "-m", help="Seq2seq model dir or hub id.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory to write.")],
    to: Annotated[ExportTarget, typer.Option("--to", help="Target format.")] = ExportTarget.ct2,
    quantization: Annotated[
        str | None, typer.Option(help="Weight type: int8, int8_float16, float16, bfloat16...")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite a non-empty --output.")] = False,
) -> None:
    """Convert a seq2seq model for fast CPU inference (needs 'summarizer\\[fast]')."""
    from .summarize.ct2_backend import export_ct2

    out = export_ct2(model, output, quantization, force=force)
    typer.echo(f"wrote a CTranslate2 model ({quantization or 'float32'}) to {out}; "
               f"use it with --model {out}", err=True)


def _training_script(name: str):
    """Import ``training/<name>.py`` from the repository this package runs from.

    The training scripts live beside the package, not inside it, so they are
    only there when running from a clone (editable install or PYTHONPATH).
    """
    import importlib

    root = Path(__file__).resolve().parents[1]
    if not (root / "training" / f"{name}.py").is_file():
        raise InputError("the training scripts are not next to this installation",
                         hint="run from a clone of the repository: "
                         f"python training/{name}.py --config FILE")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    return importlib.import_module(f"training.{name}")


TrainConfigOpt = Annotated[Path, typer.Option("--config", "-c", help="Training YAML in configs/.")]
TrainSetOpt = Annotated[
    list[str] | None, typer.Option("--set", help="Override a field, e.g. --set max_steps=100.")
]


@train_app.command("summarizer")
def train_summarizer(config: TrainConfigOpt, set_: TrainSetOpt = None) -> None:
    """Fine-tune a seq2seq summariser on JSONL text/summary pairs (see docs/training.md)."""
    script = _training_script("train_summarizer")
    _emit(script.main(script.load_train_config(config, set_ or [])))


@train_app.command("category")
def train_category(config: TrainConfigOpt, set_: TrainSetOpt = None) -> None:
    """Train the news-category classifier, linear or encoder (see docs/classification.md)."""
    script = _training_script("train_category")
    _emit(script.main(script.load_train_config(config, set_ or [])))


@train_app.command("themes")
def train_themes(
    config: Annotated[Path, typer.Option("--config", "-c", help="Theme set YAML.")] = Path(
        "configs/themes.yaml"),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Model directory (default: the builtin model's folder).")] = None,
    corpus: Annotated[list[Path] | None, typer.Option(
        "--corpus", help="News JSONL (headline+text) to weak-label; repeatable.")] = None,
    background: Annotated[list[Path] | None, typer.Option(
        "--background", help="Headline-only JSONL of mostly negatives; repeatable.")] = None,
    written: Annotated[Path | None, typer.Option(
        "--written", help="Hand-written examples JSONL, or 'none'.")] = None,
    tune_on: Annotated[Path | None, typer.Option(
        "--tune-on", help="Labelled JSONL to tune per-theme thresholds on.")] = None,
) -> None:
    """Rebuild the theme tagger for a (user-edited) theme set; see docs/themes.md."""
    script = _training_script("train_themes")
    argv = ["--config", str(config)]
    for flag, values in (("--corpus", corpus), ("--background", background)):
        for value in values or []:
            argv += [flag, str(value)]
    for flag, value in (("--output", output), ("--written", written), ("--tune-on", tune_on)):
        if value is not None:
            argv += [flag, str(value)]
    script.main(argv)


def main() -> None:
    """Console entry point: run the CLI, turning expected errors into exit code 2."""
    try:
        app()
    except SummarizerError as exc:
        typer.echo(f"error: {exc.render()}", err=True)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(130) from None
