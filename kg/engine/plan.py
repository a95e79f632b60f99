"""The corpus read as a stream and cut into partitions of consecutive documents.

A partition holds each document's slot, in input order: a document to extract (sent to a
worker), a wire copy of an earlier document (linked by the client, never extracted) or a
document a killed run already finished (read back from the journal).  Copies are found here,
in input order, so the answer does not depend on how the corpus is cut.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.engine.journal import Journal, Location
from kg.engine.work import Item
from kg.records import Article
from kg.text.copies import CopyDetector

DEFAULT_PARTITION_DOCS = 64
# A partition of long documents is cut sooner, so a worker's share stays small in memory.
DEFAULT_PARTITION_CHARS = 2_000_000
# Near the corpus's end (when its size is known) a partition takes at most a quarter of the documents
# left, and no fewer than TAIL_DOCS: the last partitions are short, so the workers finish at about the
# same time instead of one parsing a whole partition while the others wait.
TAIL_SHARE = 4
TAIL_DOCS = 8


def content_digest(article: Article) -> str:
    """What identifies a document's content for the journal: its id, text, date, URL and title."""
    published = article.published.isoformat() if article.published else None
    data = json.dumps([article.id, article.text, published, article.url, article.title], ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(slots=True)
class Slot:
    """One document's place in the output."""

    item: Item
    digest: str
    words: int
    copy_of: str | None = None
    done: Location | None = None  # finished by an earlier run of the same job


@dataclass(slots=True)
class Partition:
    index: int
    slots: list[Slot] = field(default_factory=list)

    def work(self) -> list[Item]:
        """The articles a worker must extract (not copies, not already done)."""
        return [s.item for s in self.slots if s.copy_of is None and s.done is None]


def partitions(located: Iterable[tuple[Article, str, int | None]], *, journal: Journal | None = None,
               detector: CopyDetector | None = None, docs: int = DEFAULT_PARTITION_DOCS,
               chars: int = DEFAULT_PARTITION_CHARS, total: int | None = None) -> Iterator[Partition]:
    """Consecutive documents in partitions of at most ``docs`` documents (or about ``chars`` characters).

    ``total`` is how many documents are expected, where known: the last partitions are then
    shorter (:data:`TAIL_SHARE`).  The output does not depend on how the corpus is cut.
    """
    current = Partition(0)
    size = 0
    seen = 0  # documents in the partitions before this one
    limit = _limit(docs, total, seen)
    for article, source, line in located:
        digest = content_digest(article)
        slot = Slot(Item(article, source, line), digest, len(article.text.split()))
        if journal is not None:
            slot.done = journal.lookup(article.id, digest)
        if slot.done is not None and (detector is None or article.id in detector):
            # Finished by the killed run with this very content: the copy index holds it already
            # (committed before the journal names it), and the journal says what it copies.
            slot.copy_of = slot.done.copy_of
        elif detector is not None:
            slot.copy_of = detector.update(article.id, article.text)
        current.slots.append(slot)
        size += len(article.text)
        if len(current.slots) >= limit or size >= chars:
            seen += len(current.slots)
            yield current
            current, size = Partition(current.index + 1), 0
            limit = _limit(docs, total, seen)
    if current.slots:
        yield current


def _limit(docs: int, total: int | None, seen: int) -> int:
    """The documents the next partition holds at most."""
    if total is None:
        return docs
    return min(docs, max(TAIL_DOCS, (total - seen) // TAIL_SHARE))
