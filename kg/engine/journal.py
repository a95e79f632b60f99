"""The run journal: what a run has finished, so a killed run can be resumed exactly.

The journal is a folder beside the output (``.NAME.kg-journal``; beside the store when there
is no output file).  Each finished partition adds a small index file (``NNNNNNNN.jsonl``),
written to a temporary name, flushed and renamed: a partition is finished exactly when its
index file exists.  A line per document holds its id, the digest of its content, its triple
count and the original it copies; for file output the partition's graphs go, as N-Quads bytes,
into ``NNNNNNNN.nq`` (written the same way, before the index file), and each line says where
its graph is there, so a resumed run copies those bytes without extracting or parsing them.
``run.json`` holds the options the output depends on; resuming with other options is refused.
The folder also holds the run's wire-copy index when the run has no store
(:data:`COPY_INDEX`), and the partitions a LocalCluster's workers left for the client to read
(``.spill-*``; those a killed run left are removed, with its other unfinished files, when it is
resumed).  The folder is removed when the output is complete.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError

SUFFIX = ".kg-journal"
RUN_FILE = "run.json"
PART_SUFFIX = ".jsonl"
GRAPHS_SUFFIX = ".nq"
COPY_INDEX = "copies.sqlite"


@dataclass(frozen=True, slots=True)
class Location:
    """A finished document: where its N-Quads are (a partition's graphs file, offset, length), its
    triple count and the original it copies."""

    file: str
    offset: int
    length: int
    triples: int
    copy_of: str | None


@dataclass(frozen=True, slots=True)
class Finished:
    """A document a partition finished, as the journal records it."""

    doc_id: str
    digest: str
    triples: int
    nquads: bytes
    copy_of: str | None


def journal_path(output: str | None, store: str | None) -> Path | None:
    """The journal folder of a run writing ``output`` (a file) and/or ``store`` (a folder)."""
    target = output if output not in (None, "-") else store
    if target is None:
        return None
    path = Path(target).resolve()
    return path.parent / f".{path.name}{SUFFIX}"


class Journal:
    """A run's journal: look documents up, record finished partitions, remove it at the end."""

    def __init__(self, folder: Path, options: dict[str, object], *, keep_graphs: bool) -> None:
        self.folder = folder
        self.options = options
        self.keep_graphs = keep_graphs
        self._index: dict[str, tuple[str, Location]] = {}
        self._next = 0
        self._reading: tuple[str, bytes] | None = None  # the graphs file read last, and its bytes

    @classmethod
    def open(cls, folder: Path, options: dict[str, object], *, resume: bool, restart: bool,
             keep_graphs: bool) -> Journal:
        """The journal in ``folder``: a new one, or the old one read back when resuming.

        Without ``resume`` or ``restart`` an existing journal is an error that says what to do.
        """
        journal = cls(folder, options, keep_graphs=keep_graphs)
        if folder.exists():
            if restart:
                shutil.rmtree(folder)
            elif not resume:
                raise KgError(f"an unfinished run left its journal at {folder}: add --resume to finish it "
                              "(only what is not done is extracted), or --restart to start again")
            else:
                journal._read()
                return journal
        folder.mkdir(parents=True)
        journal._write_run_file()
        return journal

    def _write_run_file(self) -> None:
        data = json.dumps(self.options, sort_keys=True, indent=1).encode("utf-8")
        self._atomic_write(self.folder / RUN_FILE, data)

    def _read(self) -> None:
        try:
            saved = json.loads((self.folder / RUN_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = None
        if saved != json.loads(json.dumps(self.options)):
            differ = sorted(k for k in self.options if not isinstance(saved, dict) or saved.get(k) != self.options[k])
            raise KgError(f"the journal at {self.folder} is of a run with other options ({', '.join(differ)}): "
                          "run again with the same options, or --restart to start again")
        names = os.listdir(self.folder)
        finished = {name.removesuffix(PART_SUFFIX) for name in names if name.endswith(PART_SUFFIX)}
        for name in sorted(names):
            path = self.folder / name
            if name.startswith(".") or (name.endswith(GRAPHS_SUFFIX) and name.removesuffix(GRAPHS_SUFFIX)
                                        not in finished):
                path.unlink()  # a file a killed run did not finish writing, or graphs without their index
                continue
            if not name.endswith(PART_SUFFIX):
                continue
            stem = name.removesuffix(PART_SUFFIX)
            self._next = max(self._next, int(stem) + 1)
            graphs = stem + GRAPHS_SUFFIX
            with open(path, "rb") as stream:
                for line in stream:
                    entry = json.loads(line)
                    self._index[entry["id"]] = (entry["digest"], Location(
                        graphs, entry.get("at", 0), entry.get("len", 0), entry["triples"], entry.get("copy_of")))

    def __len__(self) -> int:
        """How many documents earlier runs finished."""
        return len(self._index)

    def lookup(self, doc_id: str, digest: str) -> Location | None:
        """Where the document is, if an earlier run finished it with this very content."""
        found = self._index.get(doc_id)
        return found[1] if found is not None and found[0] == digest else None

    def read(self, location: Location) -> bytes:
        """A finished document's N-Quads (empty when the run keeps no graphs)."""
        if not location.length:
            return b""
        if self._reading is None or self._reading[0] != location.file:
            # A partition's documents are read one after the other: its file is read once.
            self._reading = (location.file, (self.folder / location.file).read_bytes())
        return self._reading[1][location.offset:location.offset + location.length]

    def record(self, entries: list[Finished]) -> None:
        """Record a finished partition's documents: their graphs first, then the index that names them."""
        if not entries:
            return
        stem = f"{self._next:08d}"
        self._next += 1
        lines = []
        offset = 0
        for entry in entries:
            line: dict[str, object] = {"id": entry.doc_id, "digest": entry.digest, "triples": entry.triples,
                                       "copy_of": entry.copy_of}
            if self.keep_graphs:
                line["at"], line["len"] = offset, len(entry.nquads)
                offset += len(entry.nquads)
            lines.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
        if self.keep_graphs:
            self._atomic_write(self.folder / (stem + GRAPHS_SUFFIX), b"".join(e.nquads for e in entries))
        self._atomic_write(self.folder / (stem + PART_SUFFIX), b"".join(lines))

    def is_empty(self) -> bool:
        """Whether no partition was ever recorded (a run that failed at once leaves nothing behind)."""
        return not any(name.endswith(PART_SUFFIX) for name in os.listdir(self.folder))

    def remove(self) -> None:
        """Delete the journal: the output it served is complete."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def _atomic_write(self, path: Path, data: bytes) -> None:
        fd, temp = tempfile.mkstemp(dir=self.folder, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
        directory = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
