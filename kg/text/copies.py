"""Wire copies: recognise documents whose text is the same, or nearly the same, as an earlier one.

One story often appears under several URLs, with another byline, dateline, spacing or
punctuation.  :class:`CopyDetector` reads documents one at a time and says which earlier
document each one copies, so counts do not multiply and the copy can be recorded
(``kg:copyOf``):

1. the text is normalised (Unicode NFKC, case folded, punctuation and spacing dropped,
   byline and credit lines such as "By Jane Doe" or "Reporting by ..." removed) and its
   hash looked up: the same normalised text is a copy whatever its threshold;
2. otherwise a MinHash signature of its word shingles (datasketch's ``MinHash``) estimates
   the Jaccard similarity to earlier documents; LSH banding of the signatures, kept in the
   SQLite index below (datasketch's ``MinHashLSH`` keeps its bands in memory, Redis or
   Cassandra), finds the candidates in time independent of the number of documents, and
   the first-seen candidate whose estimated similarity reaches the threshold is a copy.

The index holds a fixed-size signature per document, never its text, in an SQLite file, so
memory does not grow with the corpus; ``max_documents`` bounds it further by forgetting the
oldest documents (wire copies come within days).  The file is kept between runs (kg keeps
one beside each store), so a copy of an article stored last week is recognised today.
Everything is deterministic: hashes are BLAKE2b and SHA-1, the permutations come from a fixed seed.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import os
import re
import sqlite3
import sys
import unicodedata
from typing import Any

import numpy as np

SHINGLE_WORDS = 4
NUM_PERM = 256  # std of the similarity estimate near 0.9: 0.019 (0.027 with 128)
SEED = 20240501
# Candidates are found for (almost) every pair at the threshold: the banding is chosen so
# that a pair exactly at the threshold becomes a candidate with at least this probability.
CANDIDATE_RECALL = 0.99
INDEX_VERSION = 2
COMMIT_EVERY = 256  # documents added between commits of the index file
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


_MINHASH: Any = None


def minhash_class() -> Any:
    """datasketch's ``MinHash`` class, imported without the rest of datasketch's package.

    datasketch's ``__init__`` imports all its structures, and its LSH modules import
    ``scipy.integrate`` (about 0.4 s, a fifth of a short run's start-up) to tune parameters kg
    does not use.  Unless datasketch is imported already, its package is registered without
    running that ``__init__`` while ``datasketch.minhash`` (which needs only numpy and
    ``datasketch.hashfunc``) is imported; the modules registered for it are then taken out
    of ``sys.modules``, so a later ``import datasketch`` imports the whole package as usual.
    """
    global _MINHASH
    package = sys.modules.get("datasketch")
    if package is not None and hasattr(package, "MinHash"):
        return package.MinHash
    if _MINHASH is None:
        spec = importlib.util.find_spec("datasketch")
        if spec is None or spec.submodule_search_locations is None:
            raise ModuleNotFoundError("datasketch is not installed", name="datasketch")
        before = set(sys.modules)
        sys.modules["datasketch"] = importlib.util.module_from_spec(spec)
        try:
            _MINHASH = importlib.import_module("datasketch.minhash").MinHash
        finally:
            for name in set(sys.modules) - before:
                if name == "datasketch" or name.startswith("datasketch."):
                    del sys.modules[name]
    return _MINHASH


def choose_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest spurious candidates) for which a pair of
    similarity ``threshold`` is still a candidate with probability >= CANDIDATE_RECALL."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if 1.0 - (1.0 - threshold ** rows) ** bands >= CANDIDATE_RECALL:
            best = (bands, rows)
    return best


class CopyDetector:
    """Streams documents and tells, for each, the earlier document it copies (first seen wins).

    ``threshold`` is the estimated Jaccard similarity of word 4-shingles at or above which
    two texts are copies.  A copy of a copy answers with the first document of the chain,
    so all copies of a story point to one original.

    The index lives in an SQLite file (``path``; in memory when it is None): a row per
    document (its id, the order it came in, its original, the digest of its normalised text
    and its signature) and a row per LSH band (a 64-bit hash of the band's values), so memory
    stays the same however many documents it holds.  An index made with other parameters is
    emptied.  Changes are committed every :data:`COMMIT_EVERY` documents and by :meth:`close`;
    a process killed in between leaves the documents indexed up to the last commit, which is
    what a rerun of the same input needs (see :meth:`update`).

    >>> detector = CopyDetector()
    >>> detector.add("a", "Talks resumed in Doha on Monday.")
    >>> detector.add("b", "TALKS resumed in Doha on Monday!")
    'a'
    """

    def __init__(self, threshold: float = 0.9, *, path: str | os.PathLike[str] | None = None,
                 num_perm: int = NUM_PERM, shingle_words: int = SHINGLE_WORDS,
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
        self._permutations = None  # datasketch's, made on first use (importing it costs half a second)
        self._db = sqlite3.connect(":memory:" if path is None else os.fspath(path), isolation_level=None)
        self._open(path is not None)
        self._pending = 0

    # --- the SQLite file ----------------------------------------------------------------

    def _open(self, on_disk: bool) -> None:
        db = self._db
        if on_disk:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        params = json.dumps({"version": INDEX_VERSION, "scheme": SCHEME, "threshold": self.threshold,
                             "num_perm": self.num_perm, "shingle_words": self.shingle_words, "seed": self.seed,
                             "bands": [self.bands, self.rows]}, sort_keys=True)
        db.execute("BEGIN IMMEDIATE")
        db.execute("CREATE TABLE IF NOT EXISTS params (value TEXT NOT NULL)")
        saved = db.execute("SELECT value FROM params").fetchone()
        if saved is None or saved[0] != params:
            for table in ("params", "docs", "bands"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
            db.execute("CREATE TABLE params (value TEXT NOT NULL)")
            db.execute("INSERT INTO params VALUES (?)", (params,))
            db.execute("CREATE TABLE docs (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, original TEXT, "
                       "digest BLOB NOT NULL, signature BLOB)")
            db.execute("CREATE INDEX docs_digest ON docs (digest, seq)")
            db.execute("CREATE TABLE bands (key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)) "
                       "WITHOUT ROWID")
        db.execute("COMMIT")
        self._count = db.execute("SELECT COUNT(*) FROM docs").fetchone()[0]
        last = db.execute("SELECT MAX(seq) FROM docs").fetchone()[0]
        self._seq = 0 if last is None else last + 1
        db.execute("BEGIN")

    def commit(self) -> None:
        """Make the documents added so far permanent."""
        self._db.execute("COMMIT")
        self._db.execute("BEGIN")
        self._pending = 0

    def close(self) -> None:
        """Commit and close the index file."""
        if self._db is not None:
            self._db.execute("COMMIT")
            self._db.close()
            self._db = None  # type: ignore[assignment]

    def __enter__(self) -> CopyDetector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        """How many documents the index holds."""
        return self._count

    def __contains__(self, doc_id: object) -> bool:
        return self._row(doc_id) is not None

    def _row(self, doc_id: object) -> tuple[int, str | None, bytes, bytes | None] | None:
        return self._db.execute("SELECT seq, original, digest, signature FROM docs WHERE id = ?",
                                (doc_id,)).fetchone()

    # --- documents ----------------------------------------------------------------------

    def add(self, doc_id: str, text: str) -> str | None:
        """Index ``doc_id`` and return the id of the earlier document it copies, else None.

        A text with no words is never a copy and is not indexed.  Adding an id twice is an
        error: each document is read once (see :meth:`update` for a document read again).
        """
        if doc_id in self:
            raise ValueError(f"document {doc_id!r} was already added")
        return self._add(doc_id, normalised_words(text))

    def update(self, doc_id: str, text: str) -> str | None:
        """Like :meth:`add`, for an index kept between runs: a document indexed before with the
        same text keeps its answer; one whose text changed is indexed again."""
        words = normalised_words(text)
        row = self._row(doc_id)
        if row is not None:
            if row[2] == _digest(words):
                return row[1]
            self._forget(doc_id)
        return self._add(doc_id, words)

    def _add(self, doc_id: str, words: list[str]) -> str | None:
        if not words:
            return None
        digest = _digest(words)
        found = self._db.execute("SELECT id, original FROM docs WHERE digest = ? ORDER BY seq LIMIT 1",
                                 (digest,)).fetchone()
        original = None if found is None else (found[1] or found[0])
        # Stored as 32-bit values: datasketch's hash values are below 2**32.
        signature = self.signature(words).astype(np.uint32) if len(words) >= self.shingle_words else None
        if original is None and signature is not None:
            original = self._near_copy(signature)
        seq = self._seq
        self._seq += 1
        self._db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                         (seq, doc_id, original, digest, None if signature is None else signature.tobytes()))
        if signature is not None:
            self._db.executemany("INSERT INTO bands VALUES (?, ?)", ((key, seq) for key in self._keys(signature)))
        self._count += 1
        if self.max_documents is not None:
            while self._count > self.max_documents:
                oldest = self._db.execute("SELECT id FROM docs ORDER BY seq LIMIT 1").fetchone()[0]
                self._forget(oldest)
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()
        return original

    def original_of(self, doc_id: str) -> str | None:
        """The original a document still in the index copies (None for an original).

        Copies keep naming a forgotten original (``max_documents``), and so do later copies
        found through them: the first-seen document stays the canonical one.
        """
        row = self._row(doc_id)
        if row is None:
            raise KeyError(doc_id)
        return row[1]

    # --- signatures ---------------------------------------------------------------------

    def signature(self, words: list[str]) -> np.ndarray:
        """The MinHash signature (``num_perm`` values) of the words' shingles (datasketch's ``MinHash``)."""
        MinHash = minhash_class()  # noqa: N806 (a class)
        if self._permutations is None:
            self._permutations = MinHash(num_perm=self.num_perm, seed=self.seed, scheme=SCHEME).permutations
        k = self.shingle_words
        shingles = sorted({" ".join(words[i:i + k]) for i in range(len(words) - k + 1)})
        minhash = MinHash(num_perm=self.num_perm, seed=self.seed, permutations=self._permutations, scheme=SCHEME)
        minhash.update_batch([s.encode("utf-8") for s in shingles])
        return minhash.hashvalues

    def similarity(self, a: np.ndarray, b: np.ndarray) -> float:
        """The estimated Jaccard similarity of two signatures."""
        return float(np.count_nonzero(a == b)) / self.num_perm

    # --- the index ----------------------------------------------------------------------

    def _keys(self, signature: np.ndarray) -> list[int]:
        """The signature's LSH band keys: each band's values hashed to 64 bits, with the band's number."""
        rows = self.rows
        return [int.from_bytes(hashlib.blake2b(signature[b * rows:(b + 1) * rows].tobytes(), digest_size=8,
                                               salt=b.to_bytes(16, "little")).digest(), "little", signed=True)
                for b in range(self.bands)]

    def _near_copy(self, signature: np.ndarray) -> str | None:
        """The first-indexed document whose similarity reaches the threshold (its original if it is a copy)."""
        keys = self._keys(signature)
        marks = ",".join("?" * len(keys))
        candidates = self._db.execute(
            f"SELECT id, original, signature FROM docs WHERE seq IN (SELECT seq FROM bands WHERE key IN ({marks})) "
            "ORDER BY seq", keys)
        for doc_id, original, other in candidates:
            if other is not None and self.similarity(signature, np.frombuffer(other, dtype=np.uint32)) \
                    >= self.threshold:
                return original or doc_id
        return None

    def _forget(self, doc_id: str) -> None:
        seq, _original, _digest_, signature = self._row(doc_id)  # type: ignore[misc]
        self._db.execute("DELETE FROM docs WHERE seq = ?", (seq,))
        if signature is not None:
            keys = self._keys(np.frombuffer(signature, dtype=np.uint32))
            self._db.executemany("DELETE FROM bands WHERE key = ? AND seq = ?", ((key, seq) for key in keys))
        self._count -= 1


def _digest(words: list[str]) -> bytes:
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
