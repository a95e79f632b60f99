"""Read articles from text files, JSON Lines files, directories or stdin, one at a time;
check output paths and manage the temporary files outputs are written through.

Input forms (the path decides):

- ``*.txt``: the whole file is one article; its id is the file name ("article.txt").
- ``*.jsonl`` / ``*.ndjson``: one JSON object a line, ``{"id", "text", "published"?, "url"?,
  "title"?}``; blank lines are skipped.  ``*.jsonl.gz`` / ``*.ndjson.gz``: the same, gzip-compressed.
- a directory: its ``*.txt`` and ``*.jsonl`` (and ``.jsonl.gz``) files (not sub-directories), sorted by name.
- a glob pattern (``corpus/2024-*.jsonl``): the matching files, sorted by name; several
  paths or patterns are read one after the other.
- ``-``: stdin, read as JSON Lines when its first non-blank character is ``{``, else as
  one text article with the id ``stdin``.  Any other file name is sniffed the same way.

Articles are yielded as they are read: a JSON Lines file is never held in memory whole.
Ids are unique across everything one call reads (they name the article's graph).
Every problem is an :class:`~kg.errors.InputError` whose text is ``FILE, line N: reason``.
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import io
import json
import logging
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Literal

from kg.errors import InputError
from kg.records import Article

logger = logging.getLogger(__name__)

DEFAULT_MAX_CHARS = 1_000_000
STDIN_PATH = "-"
STDIN_SOURCE = "<stdin>"
STDIN_ID = "stdin"
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
GZIP_SUFFIX = ".gz"
_GLOB_CHARS = ("*", "?", "[")
# A JSON string escape takes at most 6 bytes a character ("\u00e9"); lines longer than
# this cannot hold a text within the limit and are refused without being decoded.
_JSON_BYTES_PER_CHAR = 6
_LINE_OVERHEAD = 64 * 1024
_CHUNK = 1 << 20
_BOM = b"\xef\xbb\xbf"
_SNIFF_BYTES = 64 * 1024

OnError = Literal["raise", "skip"]
Reporter = Callable[[InputError], None]


def read_articles(
    path: str | Sequence[str],
    *,
    on_error: OnError = "raise",
    report: Reporter | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    recursive: bool = False,
) -> Iterator[Article]:
    """Yield the articles found at ``path`` (a file, a directory or ``-`` for stdin; or several).

    A directory's sub-directories are read too when ``recursive``; otherwise a warning names
    the ones skipped.

    With ``on_error="raise"`` the first bad record raises :class:`InputError`.  With
    ``"skip"`` each bad record (or bad file inside a directory) is passed to ``report``
    (default: logged as a warning) and reading goes on.  A path that does not exist or a
    directory with nothing to read raises in both modes, when this function is called.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, not {max_chars}")
    sources = _list_all(path, recursive, warn=True)
    return _ArticleReader(on_error, report or _log_error, max_chars).read(sources)


def read_located(
    path: str | Sequence[str], *, on_error: OnError = "raise", report: Reporter | None = None,
    max_chars: int = DEFAULT_MAX_CHARS, recursive: bool = False,
) -> Iterator[tuple[Article, str, int | None]]:
    """Like :func:`read_articles`, with where each article was read: (article, file, line or None)."""
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    reader = _ArticleReader(on_error, report or _log_error, max_chars)
    sources = _list_all(path, recursive, warn=True)
    # Each article's place is taken as it is read: the table holds only the article being read.
    return ((article, *reader.where.pop(article.id)) for article in reader.read(sources))


def count_records(path: str | Sequence[str], *, recursive: bool = False) -> int | None:
    """Count the articles at ``path`` cheaply (non-blank lines of JSONL, one per text file).

    Meant as a progress-bar total: records are not parsed, so bad ones are counted too.
    Returns None for stdin or a path that cannot be read.
    """
    if path == STDIN_PATH or STDIN_PATH in path and not isinstance(path, str):
        return None
    try:
        sources = _list_all(path, recursive)
    except InputError:
        return None
    if STDIN_PATH in sources:
        return None
    total = 0
    for source in sources:
        try:
            with _open_binary(source) as stream:
                if _kind_of(source, stream) == "text":
                    total += 1
                else:
                    total += sum(1 for line in stream if line.strip())
        except OSError:
            return None
    return total


def parse_published(value: object) -> date | None:
    """Turn a record's ``published`` value into a date; raise ValueError with the reason.

    Accepts None or a blank string (no date), an ISO date ("2023-05-11") or an ISO
    datetime ("2023-05-11T09:30:00Z", whose date is taken as written).
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f'"published" is {_json_type(value)}, not a date string')
    text = value.strip()
    if not text:
        return None
    try:
        if "T" in text or " " in text:
            return datetime.fromisoformat(text).date()
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f'bad "published" date {value!r}: expected YYYY-MM-DD or an ISO datetime'
        ) from None


def text_problem(value: object) -> str | None:
    """Why a string is not Unicode text kg can write (a lone surrogate such as ``"\\ud800"``,
    which JSON escapes can carry), or None.

    >>> text_problem("Anna Berg met Tomas Varga."), text_problem("a \\ud800 b")
    (None, 'holds a lone surrogate (U+D800) at character 3: not Unicode text')
    """
    if not isinstance(value, str):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return (f"holds a lone surrogate (U+{ord(value[error.start]):04X}) at character "
                f"{error.start + 1}: not Unicode text")
    return None


def _log_error(error: InputError) -> None:
    logger.warning("skipped: %s", error)


def _list_all(paths: str | Sequence[str], recursive: bool = False, *, warn: bool = False) -> list[str]:
    """The files behind several paths or glob patterns, in order."""
    sources: list[str] = []
    for path in [paths] if isinstance(paths, str) else paths:
        if path != STDIN_PATH and not os.path.exists(path) and any(c in path for c in _GLOB_CHARS):
            matches = sorted(m for m in glob.glob(path) if os.path.isfile(m))
            if not matches:
                raise InputError(path, "no file matches this pattern")
            sources.extend(matches)
        else:
            sources.extend(_list_sources(path, recursive, warn=warn))
    return sources


def _open_binary(source: str) -> BinaryIO:
    """A file opened for reading bytes; ``.gz`` files are decompressed as they are read."""
    if source.lower().endswith(GZIP_SUFFIX):
        return gzip.open(source, "rb")  # type: ignore[return-value]
    return open(source, "rb")


def _list_sources(path: str, recursive: bool = False, *, warn: bool = False) -> list[str]:
    """The files to read, in order; raise InputError for a missing path or empty folder."""
    if path == STDIN_PATH:
        return [STDIN_PATH]
    if os.path.isdir(path):
        found: list[str] = []
        skipped: list[str] = []
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            if not recursive:
                skipped.extend(subfolders)
                subfolders.clear()
            found.extend(os.path.join(folder, name) for name in sorted(files)
                         if (name.lower().removesuffix(GZIP_SUFFIX).endswith(JSONL_SUFFIXES)
                             or name.lower().endswith(TEXT_SUFFIXES)) and not name.startswith("."))
        if warn and skipped:
            logger.warning("%s: skipped %d sub-folder(s) (%s); --recursive reads them",
                           path, len(skipped), ", ".join(skipped))
        if not found:
            raise InputError(path, "directory has no .txt or .jsonl files"
                             + ("" if recursive or not skipped else " (its sub-folders are read with --recursive)"))
        return sorted(found)
    if not os.path.exists(path):
        raise InputError(path, "no such file or directory")
    if not os.path.isfile(path):
        raise InputError(path, "not a regular file or directory")
    return [path]


def _kind_of(source: str, stream: BinaryIO | _Sniffed) -> Literal["text", "jsonl"]:
    """JSONL or text by suffix; for other names and stdin, by the first non-blank byte.

    Peeks without consuming: ``stream`` must support ``peek`` (buffered) or ``seek``.
    """
    lower = source.lower().removesuffix(GZIP_SUFFIX)
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if isinstance(stream, _Sniffed):
        head = stream.head
    else:
        position = stream.tell()
        head = stream.read(_SNIFF_BYTES)
        stream.seek(position)
    stripped = head.removeprefix(_BOM).lstrip()
    return "jsonl" if stripped.startswith(b"{") else "text"


class _Sniffed:
    """A non-seekable byte stream whose leading blank lines and first other line are read
    ahead (in ``head``) and served again by ``read`` and ``readline``."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        head = b""
        while not head.strip() and len(head) < _SNIFF_BYTES:
            line = stream.readline(_SNIFF_BYTES)
            if not line:
                break
            head += line
        self.head = head
        self._pending = head

    def readline(self, limit: int = -1) -> bytes:
        if not self._pending:
            return self._stream.readline(limit)
        end = self._pending.find(b"\n") + 1 or len(self._pending)
        if 0 <= limit < end:
            end = limit
        line, self._pending = self._pending[:end], self._pending[end:]
        if not line.endswith(b"\n") and not self._pending and (limit < 0 or len(line) < limit):
            line += self._stream.readline(-1 if limit < 0 else limit - len(line))
        return line

    def read(self, size: int = -1) -> bytes:
        if not self._pending:
            return self._stream.read(size)
        if 0 <= size <= len(self._pending):
            data, self._pending = self._pending[:size], self._pending[size:]
            return data
        data, self._pending = self._pending, b""
        return data + self._stream.read(-1 if size < 0 else size - len(data))


class _ArticleReader:
    """Reads sources one after the other, applying the error policy and the id check."""

    def __init__(self, on_error: OnError, report: Reporter, max_chars: int) -> None:
        self.on_error = on_error
        self.report = report
        self.max_chars = max_chars
        self.max_line_bytes = max_chars * _JSON_BYTES_PER_CHAR + _LINE_OVERHEAD
        self.seen: dict[str, str] = {}  # id -> "FILE, line N" where it was first read
        self.where: dict[str, tuple[str, int | None]] = {}  # id -> (file, line or None), until it is taken

    def read(self, sources: list[str]) -> Iterator[Article]:
        for source in sources:
            if source == STDIN_PATH:
                yield from self._read_stream(STDIN_SOURCE, _Sniffed(_stdin_bytes()), STDIN_ID)
                continue
            try:
                stream = _open_binary(source)
            except OSError as error:
                self._fail(InputError(source, f"cannot open: {error.strerror}"))
                continue
            with stream:
                yield from self._read_stream(source, stream, os.path.basename(source))

    def _fail(self, error: InputError) -> None:
        if self.on_error == "raise":
            raise error
        self.report(error)

    def _read_stream(
        self, source: str, stream: BinaryIO | _Sniffed, text_id: str
    ) -> Iterator[Article]:
        if _kind_of(source, stream) == "jsonl":
            yield from self._read_jsonl(source, _numbered_lines(stream, self.max_line_bytes))
            return
        try:
            article = self._read_text(source, stream, text_id)
        except InputError as error:
            self._fail(error)
            return
        yield article

    def _read_text(self, source: str, stream: BinaryIO | _Sniffed, text_id: str) -> Article:
        # Four bytes at most per UTF-8 character: more bytes than that is surely too long.
        limit = self.max_chars * 4
        data = stream.read(limit + 1)
        if len(data) > limit:
            size = len(data) + sum(len(chunk) for chunk in iter(lambda: stream.read(_CHUNK), b""))
            raise InputError(
                source,
                f"text is too long: {size:,} bytes, more than the limit of "
                f"{self.max_chars:,} characters (max_chars)",
            )
        text = _decode(source, data.removeprefix(_BOM))
        if len(text) > self.max_chars:
            raise InputError(
                source,
                f"text is too long: {len(text):,} characters, more than the limit of "
                f"{self.max_chars:,} (max_chars)",
            )
        if not text.strip():
            raise InputError(source, "empty text (nothing but whitespace)")
        self._claim_id(text_id, source, None)
        return Article(id=text_id, text=text)

    def _read_jsonl(
        self, source: str, lines: Iterable[tuple[int, bytes | None, int]]
    ) -> Iterator[Article]:
        records = 0
        for number, raw, size in lines:
            try:
                if raw is None:
                    raise InputError(
                        source,
                        f"record is too long: {size:,} bytes, more than a text of "
                        f"{self.max_chars:,} characters (max_chars) can take",
                        number,
                    )
                if number == 1:
                    raw = raw.removeprefix(_BOM)
                line = _decode(source, raw, line=number)
                if not line.strip():
                    continue
                records += 1
                article = self._parse_record(source, line, number)
            except InputError as error:
                self._fail(error)
                continue
            yield article
        if records == 0:
            self._fail(InputError(source, "no records (only blank lines)"))

    def _parse_record(self, source: str, line: str, number: int) -> Article:
        def bad(reason: str) -> InputError:
            return InputError(source, reason, number)

        try:
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as error:
            raise bad(f"malformed JSON: {error.msg} (column {error.pos + 1})") from None
        except RecursionError:
            raise bad("JSON nested too deeply to be read") from None
        if not isinstance(record, dict):
            raise bad(f"record is {_json_type(record)}, not a JSON object")
        if "text" not in record:
            raise bad('record has no "text"')
        text = record["text"]
        if not isinstance(text, str):
            raise bad(f'"text" is {_json_type(text)}, not a string')
        if "id" not in record or record["id"] is None:
            raise bad('record has no "id"')
        article_id = record["id"]
        if not isinstance(article_id, str):
            raise bad(f'"id" is {_json_type(article_id)}, not a string')
        if not article_id.strip():
            raise bad('"id" is empty')
        if len(text) > self.max_chars:
            raise bad(
                f"text is too long: {len(text):,} characters, more than the limit of "
                f"{self.max_chars:,} (max_chars)"
            )
        if not text.strip():
            raise bad(f'empty text in record "{article_id}"')
        if "\x00" in text:
            raise bad(f'"text" of record "{article_id}" holds a NUL character (binary data?)')
        for key in ("id", "text", "url", "title"):
            problem = text_problem(record.get(key))
            if problem:
                raise bad(f'"{key}" {problem}')
        try:
            published = parse_published(record.get("published"))
        except ValueError as error:
            raise bad(str(error)) from None
        url = _optional_string(record, "url", bad)
        title = _optional_string(record, "title", bad)
        self._claim_id(article_id, source, number)
        return Article(id=article_id, text=text, published=published, url=url, title=title)

    def _claim_id(self, article_id: str, source: str, line: int | None) -> None:
        first = self.seen.get(article_id)
        if first is not None:
            raise InputError(source, f'duplicate id "{article_id}" (first read at {first})', line)
        self.seen[article_id] = source if line is None else f"{source}, line {line}"
        self.where[article_id] = (source, line)


def _optional_string(
    record: dict[str, object], key: str, bad: Callable[[str], InputError]
) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise bad(f'"{key}" is {_json_type(value)}, not a string')
    return value or None


def _numbered_lines(
    stream: BinaryIO | _Sniffed, max_bytes: int
) -> Iterator[tuple[int, bytes | None, int]]:
    """Yield (line number, bytes, size); bytes is None for a line longer than ``max_bytes``.

    An over-long line is skipped through in chunks, never held whole.
    """
    number = 0
    while True:
        chunk = stream.readline(max_bytes + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) <= max_bytes or chunk.endswith(b"\n"):
            yield number, chunk, len(chunk)
            continue
        size = len(chunk)
        while not chunk.endswith(b"\n"):
            chunk = stream.readline(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
        yield number, None, size


def _decode(source: str, data: bytes, *, line: int | None = None) -> str:
    """UTF-8 text or an InputError naming the line and byte offset of the first bad byte.

    ``line`` is the line ``data`` starts on; offsets are counted from the start of ``data``.
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        where = (line or 1) + data.count(b"\n", 0, nul)
        raise InputError(source, f"binary content, not text (NUL byte at byte offset {nul})", where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = (line or 1) + data.count(b"\n", 0, error.start)
        bad_byte = data[error.start]
        offset = "" if line is not None else f" at byte offset {error.start}"
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1)
        raise InputError(
            source,
            f"not UTF-8 text: byte 0x{bad_byte:02x}{offset} (byte {column + 1} of the line) "
            "cannot be decoded",
            where,
        ) from None


def _stdin_bytes() -> BinaryIO:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    # stdin replaced by a text stream (tests, notebooks): re-encode it
    return io.BytesIO(sys.stdin.read().encode("utf-8"))


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# -- outputs ------------------------------------------------------------------------------

PART_SUFFIX = ".part"
"""Outputs are written to ``.<name>.<pid>-<random>.part`` beside the target, then renamed."""
_PART = re.compile(r"^\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[^.]+\.part$")


def check_output(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse, before any work, an output file that cannot be written or would overwrite an input.

    Catches an output that is a folder, a parent that is a file, a folder kg may not
    write in (by making and removing a temporary file there) and an output that is one of
    ``inputs``.  Missing parent folders are fine (they are made when the output is written).
    """
    if str(path) == STDIN_PATH:
        return
    target = Path(path)
    if target.is_dir():
        raise InputError(str(path), "is a folder, not a file: name the output file")
    for given in inputs:
        if str(given) != STDIN_PATH and _same_file(target, Path(given)):
            raise InputError(str(path), "is also an input: writing it would replace what is being read")
    folder = target.absolute().parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        raise InputError(str(path), f"cannot be written: {str(folder)!r} is a file, not a folder")
    if not target.parent.exists():
        return
    try:
        descriptor, probe = open_part(target)
    except OSError as error:
        raise InputError(str(path), f"cannot be written: {error.strerror or error}") from None
    try:
        os.close(descriptor)
    finally:
        os.unlink(probe)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()


def open_part(path: str | os.PathLike[str]) -> tuple[int, str]:
    """A new temporary file beside ``path`` for writing it atomically: (descriptor, name).

    Its name carries this process's id, so that :func:`remove_stale_parts` can tell a
    temporary file whose writer died (killed, or the machine stopped) from one being written.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    return tempfile.mkstemp(dir=directory, prefix=f".{target.name}.{os.getpid()}-", suffix=PART_SUFFIX)


def remove_stale_parts(path: str | os.PathLike[str]) -> list[str]:
    """Remove the temporary files earlier runs left beside the output ``path``; their names.

    A temporary file is stale when the process named in it is gone; one without a process
    id (written by an older kg) when it has not changed for an hour.  Those of running
    writers are left alone.
    """
    if str(path) == STDIN_PATH:
        return []
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    removed = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return []
    for entry in entries:
        match = _PART.match(entry.name)
        if match is None or match["name"] != target.name or not entry.is_file(follow_symlinks=False):
            continue
        if match["pid"] is not None:
            stale = not _process_alive(int(match["pid"]))
        else:
            stale = time.time() - entry.stat(follow_symlinks=False).st_mtime > _OLD_PART_SECONDS
        if stale:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
            removed.append(entry.name)
    if removed:
        logger.info("removed %d stale temporary file(s) of %s", len(removed), path)
    return removed


_OLD_PART_SECONDS = 3600


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
