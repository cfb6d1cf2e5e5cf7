"""A small linear text model: character and jieba-word n-grams, TF-IDF, calibrated scores.

Shared by the news-category classifier (one label per text, ``mode="multiclass"``)
and the theme tagger (independent yes/no per label, ``mode="multilabel"``).

Training (:func:`train_linear_model`) uses scikit-learn and scipy; inference
(:meth:`LinearTextModel.predict_proba`) needs numpy only, so that loading a model
costs a JSON read and an ``.npz`` read. A model directory holds ``model.json``
(format, labels, feature settings, calibration, vocabulary) and
``weights.npz`` (idf, weights, bias) -- no pickle.

Scores are calibrated probabilities: a softmax with a temperature fitted on
held-out predictions for ``multiclass``; a per-label Platt sigmoid fitted on
held-out predictions for ``multilabel``. Held-out means cross-validation
folds of the training data unless a separate calibration set is given.

>>> m = train_linear_model(["足球比赛", "股票上涨", "篮球联赛", "基金净值"] * 5,
...                        ["sport", "money", "sport", "money"] * 5, labels=["sport", "money"])
>>> m.predict_proba(["足球联赛"]).argmax(axis=1).tolist()
[0]
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np

from ..errors import InputError, ModelLoadError, ModelNotFoundError
from ..text import cut, fold_width

FORMAT = "summarizer-linear-text-model"
FORMAT_VERSION = 1
Mode = Literal["multiclass", "multilabel"]

# Word features are keyed with a tab prefix; character n-grams never contain a
# tab (whitespace is collapsed to one space), so the two kinds cannot collide.
_WORD = "\t"


@dataclass(frozen=True)
class FeatureConfig:
    """Which n-grams become features and how they are weighted.

    ``char_ngrams`` / ``word_ngrams`` are inclusive (min, max) orders; ``(0, 0)``
    switches a kind off. Features seen in fewer than ``min_df`` training texts
    are dropped; ``max_features`` keeps the most frequent ones.
    """

    char_ngrams: tuple[int, int] = (1, 3)
    word_ngrams: tuple[int, int] = (1, 2)
    min_df: int = 2
    max_features: int | None = None
    sublinear_tf: bool = True
    lowercase: bool = True

    @classmethod
    def from_dict(cls, d: dict) -> FeatureConfig:
        d = dict(d)
        for key in ("char_ngrams", "word_ngrams"):
            if key in d:
                d[key] = tuple(d[key])
        return cls(**d)


def normalise(text: str, lowercase: bool = True) -> str:
    """Fold width, collapse whitespace runs to one space and (optionally) lowercase."""
    text = " ".join(fold_width(text).split())
    return text.lower() if lowercase else text


def text_ngrams(text: str, cfg: FeatureConfig) -> list[str]:
    """Every feature string of one text, with repeats (the caller counts them).

    >>> text_ngrams("中国队", FeatureConfig(char_ngrams=(1, 2), word_ngrams=(1, 1)))
    ['中', '国', '队', '中国', '国队', '\\t中国队']
    """
    t = normalise(text, cfg.lowercase)
    grams: list[str] = []
    lo, hi = cfg.char_ngrams
    if hi > 0:
        for n in range(max(lo, 1), hi + 1):
            grams.extend(t[i : i + n] for i in range(len(t) - n + 1))
    lo, hi = cfg.word_ngrams
    if hi > 0:
        words = [w for w in cut(t) if not w.isspace()]
        for n in range(max(lo, 1), hi + 1):
            if n == 1:
                grams.extend(_WORD + w for w in words)
            else:
                grams.extend(_WORD + " ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return grams


@dataclass
class Vectorizer:
    """Maps texts to L2-normalised TF-IDF rows over a fixed vocabulary."""

    cfg: FeatureConfig
    vocab: dict[str, int]
    idf: np.ndarray

    @classmethod
    def fit(cls, texts: Sequence[str], cfg: FeatureConfig) -> Vectorizer:
        df: dict[str, int] = {}
        for text in texts:
            for g in set(text_ngrams(text, cfg)):
                df[g] = df.get(g, 0) + 1
        kept = [(g, n) for g, n in df.items() if n >= cfg.min_df]
        # Most frequent first, ties by string: the vocabulary order is deterministic.
        kept.sort(key=lambda gn: (-gn[1], gn[0]))
        if cfg.max_features is not None:
            kept = kept[: cfg.max_features]
        vocab = {g: i for i, (g, _) in enumerate(kept)}
        n_docs = len(texts)
        counts = np.array([n for _, n in kept], dtype=np.float64)
        idf = (np.log((1 + n_docs) / (1 + counts)) + 1.0).astype(np.float32)
        return cls(cfg, vocab, idf)

    def transform(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR arrays ``(indptr, indices, values)`` of the TF-IDF rows, one row per text."""
        vocab, idf = self.vocab, self.idf
        indptr = [0]
        indices: list[int] = []
        values: list[float] = []
        for text in texts:
            tf: dict[int, int] = {}
            for g in text_ngrams(text, self.cfg):
                j = vocab.get(g)
                if j is not None:
                    tf[j] = tf.get(j, 0) + 1
            indices.extend(tf)
            values.extend(tf.values())
            indptr.append(len(indices))
        ptr = np.asarray(indptr, dtype=np.int64)
        idx = np.asarray(indices, dtype=np.int64)
        val = np.asarray(values, dtype=np.float32)
        if self.cfg.sublinear_tf:
            val = 1.0 + np.log(val)
        val *= idf[idx]
        rows = np.repeat(np.arange(len(texts)), np.diff(ptr))
        norms = np.sqrt(np.bincount(rows, weights=val * val, minlength=len(texts)))
        norms[norms == 0] = 1.0
        val /= norms[rows].astype(np.float32)
        return ptr, idx, val


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class LinearTextModel:
    """A trained model: vectorizer, one weight column per label, and calibration.

    ``calibration`` holds ``{"temperature": T}`` (multiclass) or
    ``{"a": [...], "b": [...]}`` per label (multilabel: ``sigmoid(a * score + b)``).
    ``meta`` is free-form JSON the trainer wants to keep (data, scores, settings).
    """

    labels: list[str]
    mode: Mode
    vectorizer: Vectorizer
    weights: np.ndarray  # (n_features, n_labels) float32
    bias: np.ndarray  # (n_labels,) float32
    calibration: dict
    meta: dict = field(default_factory=dict)

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """Raw linear scores, shape ``(len(texts), len(labels))``."""
        ptr, idx, val = self.vectorizer.transform(texts)
        n = len(ptr) - 1
        out = np.tile(self.bias.astype(np.float32), (n, 1))
        if len(idx):
            contrib = self.weights[idx] * val[:, None]
            lengths = np.diff(ptr)
            nonempty = lengths > 0
            out[nonempty] += np.add.reduceat(contrib, ptr[:-1][nonempty], axis=0)
        return out

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, shape ``(len(texts), len(labels))``.

        Rows sum to 1 for ``multiclass``; each column is an independent
        probability for ``multilabel``.
        """
        if isinstance(texts, str):
            raise InputError("predict_proba takes a sequence of texts, not one string",
                             hint="wrap the text in a list: model.predict_proba([text])")
        scores = self.decision_function(texts).astype(np.float64)
        if self.mode == "multiclass":
            return _softmax(scores / self.calibration["temperature"])
        a = np.asarray(self.calibration["a"], dtype=np.float64)
        b = np.asarray(self.calibration["b"], dtype=np.float64)
        return _sigmoid(scores * a + b)

    def save(self, path: str | Path) -> Path:
        """Write ``model.json`` and ``weights.npz`` into directory ``path`` (created if needed)."""
        d = Path(path)
        d.mkdir(parents=True, exist_ok=True)
        vocab = sorted(self.vectorizer.vocab, key=self.vectorizer.vocab.__getitem__)
        spec = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "labels": list(self.labels),
            "mode": self.mode,
            "features": asdict(self.vectorizer.cfg),
            "calibration": self.calibration,
            "meta": self.meta,
            "vocabulary": vocab,
        }
        (d / "model.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        # float16 weights halve the size; training already rounded them to float16.
        np.savez_compressed(d / "weights.npz", idf=self.vectorizer.idf.astype(np.float32),
                            weights=self.weights.astype(np.float16), bias=self.bias)
        return d

    @classmethod
    def load(cls, path: str | Path) -> LinearTextModel:
        """Load a model saved by :meth:`save`.

        Raises :class:`ModelNotFoundError` when the directory or its files are
        missing and :class:`ModelLoadError` when they are not a valid model.
        """
        d = Path(path)
        if not (d / "model.json").is_file() or not (d / "weights.npz").is_file():
            raise ModelNotFoundError(
                f"{d} is not a linear text model directory (needs model.json and weights.npz)",
                hint="pass a directory written by LinearTextModel.save / the training script",
            )
        try:
            spec = json.loads((d / "model.json").read_text(encoding="utf-8"))
            if spec.get("format") != FORMAT or spec.get("version") != FORMAT_VERSION:
                raise ValueError(f"format {spec.get('format')!r} v{spec.get('version')!r}, "
                                 f"expected {FORMAT!r} v{FORMAT_VERSION}")
            with np.load(d / "weights.npz", allow_pickle=False) as npz:
                idf, weights, bias = npz["idf"], npz["weights"].astype(np.float32), npz["bias"]
            vocab = {g: i for i, g in enumerate(spec["vocabulary"])}
            labels = list(spec["labels"])
            if weights.shape != (len(vocab), len(labels)) or idf.shape != (len(vocab),):
                raise ValueError(f"weights {weights.shape} / idf {idf.shape} do not match "
                                 f"{len(vocab)} features x {len(labels)} labels")
            vec = Vectorizer(FeatureConfig.from_dict(spec["features"]), vocab, idf)
            return cls(labels, spec["mode"], vec, weights, bias.astype(np.float32),
                       spec["calibration"], spec.get("meta", {}))
        except (ValueError, KeyError, TypeError, OSError) as exc:
            raise ModelLoadError(f"cannot load linear text model from {d}: {exc}",
                                 hint="rebuild it with the training script") from None


def _fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature minimising held-out negative log-likelihood (golden section)."""

    def nll(log_t: float) -> float:
        p = _softmax(scores / math.exp(log_t))
        return float(-np.mean(np.log(p[np.arange(len(y)), y] + 1e-12)))

    lo, hi = math.log(0.05), math.log(20.0)
    g = (math.sqrt(5) - 1) / 2
    a, b = hi - g * (hi - lo), lo + g * (hi - lo)
    fa, fb = nll(a), nll(b)
    for _ in range(60):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - g * (hi - lo)
            fa = nll(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + g * (hi - lo)
            fb = nll(b)
    return math.exp((lo + hi) / 2)


def _fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling: ``sigmoid(a * score + b)`` fitted to held-out binary labels."""
    from sklearn.linear_model import LogisticRegression

    if y.min() == y.max():
        # One class only: no slope can be learnt; keep the raw score's sign.
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4).fit(scores.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


CLASSIFIERS = ("logreg", "svm", "nbsvm")


def _log_count_ratio(X, positive: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """Per feature, log of its smoothed share among positive over negative texts' features.

    Presence counts, not TF-IDF mass: the naive-Bayes ratio of Wang & Manning (2012).
    """
    present = X.copy()
    present.data[:] = 1.0
    p = np.asarray(present[positive].sum(axis=0)).ravel() + alpha
    q = np.asarray(present[~positive].sum(axis=0)).ravel() + alpha
    return np.log((p / p.sum()) / (q / q.sum())).astype(np.float32)


def _fit_linear(X, y: np.ndarray, mode: Mode, classifier: str, C: float,
                class_weight: str | None, svm_weight: float = 0.0
                ) -> tuple[np.ndarray, np.ndarray]:
    """Weights ``(n_features, n_labels)`` and bias for one training set.

    ``nbsvm`` fits one yes/no linear SVM per label on features scaled by that
    label's naive-Bayes log-count ratio; the ratio is folded into the weights,
    so inference is the same dot product as for the other classifiers.
    ``svm_weight`` > 0 adds that multiple of a plain SVM's weights (a score
    blend, itself linear, so the model stays one weight matrix).
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    if classifier not in CLASSIFIERS:
        raise InputError(f"unknown classifier {classifier!r}",
                         hint=f"use one of {', '.join(CLASSIFIERS)}")

    def make():
        if classifier == "logreg":
            return LogisticRegression(C=C, max_iter=2000, class_weight=class_weight)
        return LinearSVC(C=C, class_weight=class_weight, random_state=0, max_iter=5000)

    if classifier == "nbsvm":
        targets = ([y == j for j in range(int(y.max()) + 1)] if mode == "multiclass"
                   else [y[:, j] > 0 for j in range(y.shape[1])])
        cols, biases = [], []
        for positive in targets:
            r = _log_count_ratio(X, positive)
            clf = make().fit(X.multiply(r).tocsr(), positive)
            cols.append(clf.coef_[0] * r)
            biases.append(clf.intercept_[0])
        weights = np.stack(cols, axis=1).astype(np.float32)
        bias = np.asarray(biases, dtype=np.float32)
        if svm_weight:
            w_svm, b_svm = _fit_linear(X, y, mode, "svm", C, class_weight)
            weights, bias = weights + svm_weight * w_svm, bias + svm_weight * b_svm
        return weights, bias
    if mode == "multiclass":
        clf = make().fit(X, y)
        coef, inter = clf.coef_, clf.intercept_
        if coef.shape[0] == 1:  # sklearn keeps one row for two classes
            coef = np.vstack([-coef / 2, coef / 2])
            inter = np.array([-inter[0] / 2, inter[0] / 2])
        return coef.T.astype(np.float32), inter.astype(np.float32)
    cols, biases = [], []
    for j in range(y.shape[1]):
        clf = make().fit(X, y[:, j])
        cols.append(clf.coef_[0])
        biases.append(clf.intercept_[0])
    return np.stack(cols, axis=1).astype(np.float32), np.asarray(biases, dtype=np.float32)


def _encode(labels: Sequence[str], y, mode: Mode) -> np.ndarray:
    index = {lab: i for i, lab in enumerate(labels)}
    try:
        if mode == "multiclass":
            return np.asarray([index[v] for v in y], dtype=np.int64)
        return np.asarray([[1 if lab in set(v) else 0 for lab in labels] for v in y],
                          dtype=np.int64)
    except KeyError as exc:
        raise InputError(f"training label {exc.args[0]!r} is not one of {list(labels)}") from None


def _check_counts(labels: list[str], yy: np.ndarray, mode: Mode, need: int) -> None:
    """Every label needs ``need`` examples (one per cross-validation fold), and negatives."""
    if mode == "multiclass":
        pos = np.bincount(yy, minlength=len(labels))
        neg = len(yy) - pos
    else:
        pos = yy.sum(axis=0)
        neg = len(yy) - pos
    for lab, p, n in zip(labels, pos, neg, strict=True):
        if p < need or (mode == "multilabel" and n < need):
            raise InputError(
                f"label {lab!r} has {p} positive and {n} negative training texts; "
                f"training needs at least {need} of each",
                hint="add examples, drop the label, or pass calibration_data "
                "(then one of each is enough)")


def train_linear_model(
    texts: Sequence[str],
    y: Sequence,
    *,
    labels: Sequence[str],
    mode: Mode = "multiclass",
    features: FeatureConfig | None = None,
    classifier: str = "logreg",
    C: float = 10.0,
    class_weight: str | None = None,
    svm_weight: float = 0.0,
    calibration_data: tuple[Sequence[str], Sequence] | None = None,
    cv_folds: int = 3,
    meta: dict | None = None,
) -> LinearTextModel:
    """Fit a :class:`LinearTextModel`.

    ``y`` holds one label per text (``multiclass``) or a collection of labels
    per text, possibly empty (``multilabel``: one yes/no classifier per label).
    ``classifier`` is ``logreg``, ``svm`` (linear SVM) or ``nbsvm`` (per-label
    SVMs over naive-Bayes-scaled features, optionally blended with
    ``svm_weight`` x a plain SVM). Calibration is fitted on ``calibration_data``
    when given, else on ``cv_folds``-fold out-of-fold scores of the training texts.

    >>> m = train_linear_model(["教育帮扶", "足球", "支教", "篮球"] * 5,
    ...                        [["aid"], [], ["aid"], []] * 5, labels=["aid"], mode="multilabel")
    >>> bool(m.predict_proba(["教育帮扶支教"])[0, 0] > 0.5)
    True
    """
    import scipy.sparse as sp
    from sklearn.model_selection import KFold, StratifiedKFold

    if len(texts) != len(y):
        raise InputError(f"{len(texts)} texts but {len(y)} labels")
    if mode not in ("multiclass", "multilabel"):
        raise InputError(f"unknown mode {mode!r}", hint="use multiclass or multilabel")
    if svm_weight and classifier != "nbsvm":
        raise InputError(f"svm_weight blends a plain SVM into nbsvm, not into {classifier!r}",
                         hint="use classifier='nbsvm' or svm_weight=0")
    labels = list(labels)
    cfg = features or FeatureConfig()
    yy = _encode(labels, y, mode)
    _check_counts(labels, yy, mode, cv_folds if calibration_data is None else 1)

    def matrix(vec: Vectorizer, docs: Sequence[str]):
        ptr, idx, val = vec.transform(docs)
        return sp.csr_matrix((val, idx, ptr), shape=(len(docs), len(vec.vocab)))

    def scores(vec: Vectorizer, w: np.ndarray, b: np.ndarray, docs: Sequence[str]) -> np.ndarray:
        return np.asarray(matrix(vec, docs) @ w + b, dtype=np.float64)

    vec = Vectorizer.fit(texts, cfg)
    weights, bias = _fit_linear(matrix(vec, texts), yy, mode, classifier, C, class_weight,
                                svm_weight)
    # Weights are stored as float16: round them now so that a saved and reloaded
    # model scores exactly like the one returned here.
    weights = weights.astype(np.float16).astype(np.float32)

    if calibration_data is not None:
        cal_texts, cal_y = calibration_data
        cal_scores = scores(vec, weights, bias, cal_texts)
        cal_yy = _encode(labels, cal_y, mode)
    else:
        # Out-of-fold scores: each fold's vectorizer and weights never saw its texts.
        if mode == "multiclass":
            strat = yy
        else:
            # Stratify on each text's rarest label so that rare labels reach every fold.
            rarity = np.where(yy > 0, yy.sum(axis=0)[None, :], len(yy) + 1)
            strat = np.where(yy.any(axis=1), rarity.argmin(axis=1), len(labels))
        try:
            splits = list(StratifiedKFold(cv_folds, shuffle=True, random_state=0)
                          .split(np.zeros(len(yy)), strat))
        except ValueError:
            splits = list(KFold(cv_folds, shuffle=True, random_state=0).split(np.zeros(len(yy))))
        cal_scores = np.zeros((len(texts), len(labels)))
        for tr, te in splits:
            fold_vec = Vectorizer.fit([texts[i] for i in tr], cfg)
            w, b = _fit_linear(matrix(fold_vec, [texts[i] for i in tr]), yy[tr], mode,
                               classifier, C, class_weight, svm_weight)
            cal_scores[te] = scores(fold_vec, w, b, [texts[i] for i in te])
        cal_yy = yy
    if mode == "multiclass":
        calibration: dict = {"temperature": _fit_temperature(cal_scores, cal_yy)}
    else:
        ab = [_fit_platt(cal_scores[:, j], cal_yy[:, j]) for j in range(len(labels))]
        calibration = {"a": [a for a, _ in ab], "b": [b for _, b in ab]}
    return LinearTextModel(labels, mode, vec, weights, bias, calibration, dict(meta or {}))
