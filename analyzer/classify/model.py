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
from itertools import chain
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
class _SystemCounts:
    words: Counter[str]  # word 1- and 2-grams of the system prompt
    last_token: str | None  # its last word token (a bigram spans SEP)
    chars: Counter[int]  # char n-gram columns of its words but the last
    tail: str  # its last whitespace-separated word ("" after a space): SEP joins it to the user's first
    heads: Counter[str] | None  # head word n-grams, when the head comes from the system prompt


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
    _char_cache: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    _system_cache: dict[str, _SystemCounts] = field(default_factory=dict, compare=False, repr=False)

    def _char_ids(self, word: str) -> tuple[int, ...]:
        ids = self._char_cache.get(word)
        if ids is None:
            vocab = self.chars.vocab
            ids = tuple(vocab[g] for g in word_char_ngrams(word) if g in vocab)
            if len(self._char_cache) < 500_000:
                self._char_cache[word] = ids
        return ids

    def _counts(self, text: str) -> tuple[Counter[str], Counter[int], Counter[str]]:
        """A text's word n-gram, char n-gram column and head word n-gram counts."""
        return (Counter(word_ngrams(text)),
                Counter(chain.from_iterable(self._char_ids(w) for w in words_of(text))),
                Counter(word_ngrams(head_of(text))))

    def _system_counts(self, system: str) -> _SystemCounts:
        """The counts of a system prompt's own terms (cached: templates share few system
        prompts), with what the terms spanning its end need."""
        found = self._system_cache.get(system)
        if found is None:
            lowered = system.lower()
            tokens = _WORD.findall(lowered)
            words = lowered.split()
            tail = words.pop() if words and not lowered[-1].isspace() else ""
            found = _SystemCounts(
                Counter(word_ngrams(lowered)), tokens[-1] if tokens else None,
                Counter(chain.from_iterable(self._char_ids(w) for w in words)), tail,
                Counter(word_ngrams(head_of(system))) if system.strip() else None)
            if len(self._system_cache) < 50_000:
                self._system_cache[system] = found
        return found

    def _split_counts(self, text: str) -> tuple[Counter[str], Counter[int], Counter[str]]:
        """``_counts`` of ``system SEP user``, from the system prompt's cached counts and the
        user text's own: only the word and the bigram across ``SEP`` are new."""
        system, _, user = text.partition(SEP)
        part = self._system_counts(system)
        lowered = user.lower()
        tokens = _WORD.findall(lowered)
        words = part.words + Counter(tokens)
        words.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
        if part.last_token is not None and tokens:
            words[f"{part.last_token} {tokens[0]}"] += 1
        user_words = lowered.split()
        first = user_words.pop(0) if user_words and not lowered[0].isspace() else ""
        chars = part.chars.copy()
        chars.update(self._char_ids(part.tail + SEP + first))
        chars.update(chain.from_iterable(self._char_ids(w) for w in user_words))
        heads = part.heads if part.heads is not None else Counter(word_ngrams(head_of(text)))
        return words, chars, heads

    def _terms(self, text: str, cols: list[int], counts: list[int], lengths: list[int]) -> None:
        """Append one text's known terms (column, count), block by block (words, characters,
        head words), and each block's number of terms to ``lengths``."""
        text = text[:MAX_CHARS]
        words, chars, heads = self._split_counts(text) if SEP in text else self._counts(text)
        for block, found in ((self.words, words), (self.chars, chars), (self.heads, heads)):
            before = len(cols)
            if block is self.chars:  # already columns
                cols.extend(found)
                counts.extend(found.values())
            else:
                vocab = block.vocab
                for term, n in found.items():
                    col = vocab.get(term)
                    if col is not None:
                        cols.append(col)
                        counts.append(n)
            lengths.append(len(cols) - before)

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), n_categories) linear scores: x · coefᵀ + intercept, where x is each
        block's sublinear tf (``1 + log tf``) × idf, l2-normalised per text and block."""
        out = np.tile(self.intercept, (len(texts), 1))
        idf = self.words.idf  # one array over all blocks' columns
        for lo in range(0, len(texts), CHUNK):  # small chunks keep the gathered rows in cache
            part = texts[lo : lo + CHUNK]
            cols_l: list[int] = []
            counts_l: list[int] = []
            lengths_l: list[int] = []
            for text in part:
                self._terms(text, cols_l, counts_l, lengths_l)
            if not cols_l:
                continue
            cols = np.array(cols_l, dtype=np.int64)
            w = (1.0 + np.log(np.array(counts_l, dtype=np.float64))) * idf[cols]
            lengths = np.array(lengths_l, dtype=np.int64)  # (texts × 3) segments
            filled = lengths > 0
            starts = np.cumsum(lengths) - lengths
            norms = np.sqrt(np.add.reduceat(w * w, starts[filled]))
            w /= np.repeat(norms, lengths[filled])
            per_text = lengths.reshape(len(part), 3).sum(axis=1)
            nonempty = per_text > 0
            text_starts = (np.cumsum(per_text) - per_text)[nonempty]
            sums = np.add.reduceat(self.coef_t[cols] * w[:, None], text_starts, axis=0)
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
