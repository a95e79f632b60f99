"""Wire copies: recognise documents whose text is the same, or nearly the same, as an earlier one.

One story often appears under several URLs, with another byline, dateline, spacing or
punctuation.  :class:`CopyDetector` reads documents one at a time and says which earlier
document each one copies, so counts do not multiply and the copy can be recorded
(``kg:copyOf``):

1. the text is normalised (Unicode NFKC, case folded, punctuation and spacing dropped,
   byline and credit lines such as "By Jane Doe" or "Reporting by ..." removed) and its
   hash looked up: the same normalised text is a copy whatever its threshold;
2. otherwise a MinHash signature of its word shingles (datasketch's ``MinHash``) estimates
   the Jaccard similarity to earlier documents; LSH banding (datasketch's ``MinHashLSH``)
   finds the candidates in time independent of the number of documents, and the first-seen
   candidate whose estimated similarity reaches the threshold is a copy.

The index holds a fixed-size signature per document, never its text; ``max_documents``
bounds it further by forgetting the oldest documents (wire copies come within days).
:meth:`CopyDetector.save` and :meth:`CopyDetector.load` keep the index between runs (kg keeps
one beside each store), so a copy of an article stored last week is recognised today.
Everything is deterministic: hashes are BLAKE2b and SHA-1, the permutations come from a fixed seed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 4
NUM_PERM = 256  # std of the similarity estimate near 0.9: 0.019 (0.027 with 128)
SEED = 20240501
# Candidates are found for (almost) every pair at the threshold: the banding is chosen so
# that a pair exactly at the threshold becomes a candidate with at least this probability.
CANDIDATE_RECALL = 0.99
INDEX_VERSION = 1
SCHEME = "affine32"  # datasketch 2.0's permutation scheme, stated so saved indexes stay comparable

# "By Jane Doe", "By JANE DOE and JOHN ROE, Associated Press": a short line, no sentence end.
_BYLINE = re.compile(r"^\s*by\s+\S.{0,80}$", re.IGNORECASE)
# "(Reporting by ...; Editing by ...)", "Additional reporting by ...", "Writing by ...".
_CREDIT = re.compile(r"^\W*(?:additional\s+)?(?:reporting|editing|writing|compiled|translated)\s+by\b.{0,200}$",
                     re.IGNORECASE)
_WORD = re.compile(r"\w+")
BYLINE_MAX_WORDS = 12


def _is_credit_line(line: str) -> bool:
    stripped = line.strip()
    if _CREDIT.match(stripped):
        return True
    return bool(_BYLINE.match(stripped)) and len(stripped.split()) <= BYLINE_MAX_WORDS \
        and not stripped.endswith((".", "!", "?", ":"))


def normalised_words(text: str) -> list[str]:
    """The words that identify a story: credit lines dropped, NFKC, case folded, no punctuation.

    >>> normalised_words("By Jane Doe\\nTalks  resumed in Doha, officials said.")
    ['talks', 'resumed', 'in', 'doha', 'officials', 'said']
    """
    lines = [line for line in text.splitlines() if not _is_credit_line(line)]
    folded = unicodedata.normalize("NFKC", "\n".join(lines)).casefold()
    return _WORD.findall(folded)


def choose_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest spurious candidates) for which a pair of
    similarity ``threshold`` is still a candidate with probability >= CANDIDATE_RECALL."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if 1.0 - (1.0 - threshold ** rows) ** bands >= CANDIDATE_RECALL:
            best = (bands, rows)
    return best


@dataclass(slots=True)
class _Entry:
    doc_id: str
    seq: int  # the order documents were added in
    original: str | None  # the first-seen document it copies, None for an original
    digest: bytes
    signature: np.ndarray | None  # None for texts too short to shingle


class CopyDetector:
    """Streams documents and tells, for each, the earlier document it copies (first seen wins).

    ``threshold`` is the estimated Jaccard similarity of word 4-shingles at or above which
    two texts are copies.  A copy of a copy answers with the first document of the chain,
    so all copies of a story point to one original.

    >>> detector = CopyDetector()
    >>> detector.add("a", "Talks resumed in Doha on Monday.")
    >>> detector.add("b", "TALKS resumed in Doha on Monday!")
    'a'
    """

    def __init__(self, threshold: float = 0.9, *, num_perm: int = NUM_PERM, shingle_words: int = SHINGLE_WORDS,
                 max_documents: int | None = None, seed: int = SEED) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        if shingle_words < 1 or num_perm < 1:
            raise ValueError("shingle_words and num_perm must be positive")
        if max_documents is not None and max_documents < 1:
            raise ValueError("max_documents must be positive (or None for no bound)")
        self.threshold = threshold
        self.shingle_words = shingle_words
        self.max_documents = max_documents
        self.num_perm = num_perm
        self.seed = seed
        self.bands, self.rows = choose_bands(threshold, num_perm)
        self._permutations = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
        self._lsh = MinHashLSH(num_perm=num_perm, params=(self.bands, self.rows))
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._by_digest: dict[bytes, str] = {}
        self._seq = 0

    def __len__(self) -> int:
        """How many documents the index holds."""
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def add(self, doc_id: str, text: str) -> str | None:
        """Index ``doc_id`` and return the id of the earlier document it copies, else None.

        A text with no words is never a copy and is not indexed.  Adding an id twice is an
        error: each document is read once (see :meth:`update` for a document read again).
        """
        if doc_id in self._entries:
            raise ValueError(f"document {doc_id!r} was already added")
        return self._add(doc_id, normalised_words(text))

    def update(self, doc_id: str, text: str) -> str | None:
        """Like :meth:`add`, for an index kept between runs: a document indexed before with the
        same text keeps its answer; one whose text changed is indexed again."""
        words = normalised_words(text)
        entry = self._entries.get(doc_id)
        if entry is not None:
            if entry.digest == _digest(words):
                return entry.original
            self._forget(doc_id)
        return self._add(doc_id, words)

    def _add(self, doc_id: str, words: list[str]) -> str | None:
        if not words:
            return None
        digest = _digest(words)
        original = self._by_digest.get(digest)
        minhash = self._minhash(words) if len(words) >= self.shingle_words else None
        if original is None and minhash is not None:
            original = self._near_copy(minhash)
        if original is not None:
            original = self._entries[original].original or original
        self._index(_Entry(doc_id, self._seq, original, digest, None if minhash is None else minhash.hashvalues),
                    minhash)
        self._seq += 1
        return original

    def original_of(self, doc_id: str) -> str | None:
        """The original a document still in the index copies (None for an original).

        Copies keep naming a forgotten original (``max_documents``), and so do later copies
        found through them: the first-seen document stays the canonical one.
        """
        return self._entries[doc_id].original

    # --- signatures ---------------------------------------------------------------------

    def _minhash(self, words: list[str]) -> MinHash:
        k = self.shingle_words
        shingles = sorted({" ".join(words[i:i + k]) for i in range(len(words) - k + 1)})
        minhash = MinHash(num_perm=self.num_perm, seed=self.seed, permutations=self._permutations, scheme=SCHEME)
        minhash.update_batch([s.encode("utf-8") for s in shingles])
        return minhash

    def signature(self, words: list[str]) -> np.ndarray:
        """The MinHash signature (``num_perm`` values) of the words' shingles."""
        return self._minhash(words).hashvalues

    def similarity(self, a: np.ndarray, b: np.ndarray) -> float:
        """The estimated Jaccard similarity of two signatures."""
        return float(np.count_nonzero(a == b)) / self.num_perm

    # --- the index ----------------------------------------------------------------------

    def _near_copy(self, minhash: MinHash) -> str | None:
        """The first-indexed document whose similarity reaches the threshold."""
        candidates = self._lsh.query(minhash)
        for doc_id in sorted(candidates, key=lambda d: self._entries[d].seq):
            other = self._entries[doc_id].signature
            if other is not None and self.similarity(minhash.hashvalues, other) >= self.threshold:
                return doc_id
        return None

    def _index(self, entry: _Entry, minhash: MinHash | None) -> None:
        self._entries[entry.doc_id] = entry
        self._by_digest.setdefault(entry.digest, entry.doc_id)
        if minhash is not None:
            self._lsh.insert(entry.doc_id, minhash)
        if self.max_documents is not None:
            while len(self._entries) > self.max_documents:
                self._forget(next(iter(self._entries)))

    def _forget(self, doc_id: str) -> None:
        entry = self._entries.pop(doc_id)
        if self._by_digest.get(entry.digest) == doc_id:
            del self._by_digest[entry.digest]
        if entry.signature is not None:
            self._lsh.remove(doc_id)

    # --- between runs -------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path`` atomically (a temporary file renamed over it)."""
        target = Path(path)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                pickle.dump({"version": INDEX_VERSION, "detector": self}, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except BaseException:
            if os.path.exists(temp):
                os.unlink(temp)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str], threshold: float = 0.9) -> CopyDetector:
        """The index saved at ``path`` (a new, empty one if there is none or it was made otherwise).

        The file is kg's own (written by :meth:`save`); pickle is safe only for such files.
        """
        try:
            with open(path, "rb") as stream:
                saved = pickle.load(stream)  # noqa: S301 - kg's own file, beside kg's own store
        except FileNotFoundError:
            return cls(threshold)
        detector = saved.get("detector") if isinstance(saved, dict) and saved.get("version") == INDEX_VERSION \
            else None
        if not isinstance(detector, cls) or detector.threshold != threshold:
            return cls(threshold)
        return detector


def _digest(words: list[str]) -> bytes:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
