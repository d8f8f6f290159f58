"""The shipped text model: TF-IDF word and character n-grams → a linear classifier.

Trained by ``analyzer/classify/train.py`` (scikit-learn, a dev dependency) and exported to
``model.npz``; this module scores with numpy alone, so the runtime needs no scikit-learn
(nor scipy). It reproduces scikit-learn's analyzers exactly:

- words: lower-cased ``(?u)\\b\\w\\w+\\b`` tokens, 1- and 2-grams;
- characters: ``char_wb`` 3- to 5-grams (each word padded with one space);
- head words: the same word 1- and 2-grams of the instruction's first sentence
  (``head_of``) in a block of their own, so the task a prompt names outweighs the words of
  its pasted input;
- per block: sublinear tf (``1 + log tf``) × idf, then l2-normalised;
- multinomial logistic regression: softmax(x · coefᵀ + intercept).

``train.py`` checks the exported model against scikit-learn's ``predict_proba``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from analyzer.ingest.template import SEP, TAIL_SEP

ARTIFACT = Path(__file__).with_name("model.npz")
_WORD = re.compile(r"(?u)\b\w\w+\b")
_SPACES = re.compile(r"\s\s+")
_SENTENCE_END = re.compile(r"(?<=[.?!:])\s")
HEAD_CHARS = 200
MAX_CHARS = 4000  # a template's text beyond this adds nothing but time
CHUNK = 64  # texts scored together


def word_ngrams(text: str) -> list[str]:
    tokens = _WORD.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def head_of(text: str) -> str:
    """The first sentence of a sample text's instruction, lower-cased: of the system prompt
    when there is one, else of the user text's start (``HEAD_CHARS`` at most)."""
    system, _, user = text.partition(SEP)
    source = system if system.strip() else user.split(TAIL_SEP, 1)[0]
    return _SENTENCE_END.split(source.strip(), 1)[0][:HEAD_CHARS].lower()


def words_of(text: str) -> list[str]:
    """The words ``char_wb`` pads and cuts into n-grams."""
    return _SPACES.sub(" ", text.lower()).split()


def word_char_ngrams(word: str, low: int = 3, high: int = 5) -> list[str]:
    """scikit-learn's ``char_wb`` n-grams of one word."""
    out: list[str] = []
    w = f" {word} "
    size = len(w)
    for n in range(low, high + 1):
        offset = 0
        out.append(w[offset : offset + n])
        while offset + n < size:
            offset += 1
            out.append(w[offset : offset + n])
        if offset == 0:
            break
    return out


def char_ngrams(text: str, low: int = 3, high: int = 5) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer."""
    return [g for word in words_of(text) for g in word_char_ngrams(word, low, high)]


@dataclass(frozen=True)
class Block:
    vocab: dict[str, int]  # term → column in the full feature space
    idf: np.ndarray  # indexed by the same columns


@dataclass(frozen=True)
class TextModel:
    categories: tuple[str, ...]
    words: Block
    chars: Block
    heads: Block
    coef_t: np.ndarray  # (n_features, n_categories)
    intercept: np.ndarray  # (n_categories,)
    # word → columns of its known char n-grams: templates share most words, so each word is
    # cut into n-grams once per process
    _char_cache: dict[str, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def _char_columns(self, text: str) -> np.ndarray:
        cache, vocab = self._char_cache, self.chars.vocab
        parts = []
        for word in words_of(text):
            ids = cache.get(word)
            if ids is None:
                ids = np.array([vocab[g] for g in word_char_ngrams(word) if g in vocab], dtype=np.int64)
                if len(cache) < 500_000:
                    cache[word] = ids
            parts.append(ids)
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)

    def _block(self, block: Block, idx: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """Sublinear tf × idf, l2-normalised."""
        w = (1.0 + np.log(counts)) * block.idf[idx]
        return w / np.sqrt((w * w).sum())

    def _words_block(self, block: Block, text: str, c_all: list[np.ndarray], v_all: list[np.ndarray]) -> None:
        found = Counter(g for g in word_ngrams(text) if g in block.vocab)
        if found:
            idx = np.fromiter((block.vocab[g] for g in found), dtype=np.int64, count=len(found))
            counts = np.fromiter(found.values(), dtype=np.float64, count=len(found))
            c_all.append(idx)
            v_all.append(self._block(block, idx, counts))

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """One text's non-zero TF-IDF features: (columns, values)."""
        text = text[:MAX_CHARS]
        c_all: list[np.ndarray] = []
        v_all: list[np.ndarray] = []
        self._words_block(self.words, text, c_all, v_all)
        chars, counts = np.unique(self._char_columns(text), return_counts=True)
        if chars.size:
            c_all.append(chars)
            v_all.append(self._block(self.chars, chars, counts.astype(np.float64)))
        self._words_block(self.heads, head_of(text), c_all, v_all)
        if not c_all:
            return np.zeros(0, np.int64), np.zeros(0)
        return np.concatenate(c_all), np.concatenate(v_all)

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), n_categories) linear scores: x · coefᵀ + intercept."""
        out = np.tile(self.intercept, (len(texts), 1))
        feats = [self.features(t) for t in texts]
        for lo in range(0, len(texts), CHUNK):  # small chunks keep the gathered rows in cache
            part = feats[lo : lo + CHUNK]
            lengths = np.array([len(c) for c, _ in part])
            if not lengths.sum():
                continue
            cols = np.concatenate([c for c, _ in part])
            vals = np.concatenate([v for _, v in part])
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            nonempty = lengths > 0
            sums = np.add.reduceat(self.coef_t[cols] * vals[:, None], starts[nonempty], axis=0)
            out[lo : lo + len(part)][nonempty] += sums
        return out

    def proba(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), n_categories) probabilities (softmax of the scores)."""
        scores = self.scores(texts)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


def save(path: Path, model: TextModel) -> None:
    def terms(block: Block) -> np.ndarray:
        return np.array(sorted(block.vocab, key=block.vocab.__getitem__), dtype=object)

    np.savez_compressed(
        path,
        categories=np.array(model.categories),
        word_terms=terms(model.words).astype(str),
        char_terms=terms(model.chars).astype(str),
        head_terms=terms(model.heads).astype(str),
        word_idf=model.words.idf[sorted(model.words.vocab.values())].astype(np.float32),
        char_idf=model.chars.idf[sorted(model.chars.vocab.values())].astype(np.float32),
        head_idf=model.heads.idf[sorted(model.heads.vocab.values())].astype(np.float32),
        coef_t=model.coef_t.astype(np.float32),
        intercept=model.intercept.astype(np.float32),
    )


@lru_cache(maxsize=1)
def load(path: Path = ARTIFACT) -> TextModel:
    data = np.load(path, allow_pickle=False)
    words = [str(t) for t in data["word_terms"]]
    chars = [str(t) for t in data["char_terms"]]
    heads = [str(t) for t in data["head_terms"]]
    n_words, n_chars = len(words), len(chars)
    idf = np.concatenate([data["word_idf"], data["char_idf"], data["head_idf"]]).astype(np.float64)
    return TextModel(
        categories=tuple(str(c) for c in data["categories"]),
        words=Block({t: i for i, t in enumerate(words)}, idf),
        chars=Block({t: n_words + i for i, t in enumerate(chars)}, idf),
        heads=Block({t: n_words + n_chars + i for i, t in enumerate(heads)}, idf),
        coef_t=data["coef_t"].astype(np.float64),
        intercept=data["intercept"].astype(np.float64),
    )
