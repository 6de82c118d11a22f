"""Sinks for generated blocks: canonical CSV export, the dataset digest, and canonical preview rows.

The canonical form (DESIGN.md section 3) is what makes a tenant comparable across runs and backends: UTF-8,
`\\n`, schema column order without tenant_id, rows by id, NULL as an empty field, decimals as `1234.50`, dates
`YYYY-MM-DD`, timestamps `YYYY-MM-DDTHH:MM:SSZ`, booleans `true`/`false`. Sinks never draw random numbers.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import numpy as np

from demogen.tables import NULL, TABLE_ORDER, TABLES, Block, Column
from demogen.text import choose_text, concat, digits_right_aligned, int_text, tighten

QUOTE_TRIGGERS = (b",", b'"', b"\n", b"\r")
CsvInput = tuple[str, Block | bytes]
"""What the CSV sinks take: (table, block), or (table, the block's CSV lines) as `demogen.parallel.iter_csv` yields."""


def _text_of_hundredths(values: np.ndarray) -> np.ndarray:
    magnitude = np.abs(values)
    cents = magnitude % 100
    text = concat(
        int_text(magnitude // 100), ".", choose_text(cents < 10, concat("0", int_text(cents)), int_text(cents))
    )
    return choose_text(values < 0, concat("-", text), text)


def civil_from_days(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Proleptic Gregorian (year, month, day) from days since 1970-01-01 (H. Hinnant's algorithm)."""
    z = days + 719_468
    era = np.floor_divide(z, 146_097)
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    return yoe + era * 400 + (month <= 2), month, day


def _fixed_width(pattern: bytes, fields: list[tuple[int, int, np.ndarray]]) -> np.ndarray:
    """Fill zero-padded numbers into a fixed-width byte pattern, vectorised (dates and timestamps; every field is
    below 10,000, so 32-bit division, a fifth faster than 64-bit, serves)."""
    n = len(fields[0][2])
    out = np.empty((n, len(pattern)), dtype=np.uint8)
    out[:] = np.frombuffer(pattern, dtype=np.uint8)
    for position, width, values in fields:
        remaining = values.astype(np.int32)
        for k in range(width):
            out[:, position + width - 1 - k] = 48 + remaining % 10
            remaining //= 10
    return out.view(f"S{len(pattern)}").ravel()


def format_dates(days: np.ndarray) -> np.ndarray:
    year, month, day = civil_from_days(days)
    return _fixed_width(b"0000-00-00", [(0, 4, year), (5, 2, month), (8, 2, day)])


def format_timestamps(seconds: np.ndarray, pattern: bytes = b"0000-00-00T00:00:00Z") -> np.ndarray:
    """Timestamps laid into `pattern` (date, time to the second, then whatever the pattern holds)."""
    year, month, day = civil_from_days(seconds // 86_400)
    rest = seconds % 86_400
    return _fixed_width(
        pattern,
        [(0, 4, year), (5, 2, month), (8, 2, day), (11, 2, rest // 3600), (14, 2, rest // 60 % 60), (17, 2, rest % 60)],
    )


def format_column(values: np.ndarray, column: Column) -> np.ndarray:
    """Canonical UTF-8 text of one column (before CSV quoting)."""
    kind = column.kind
    if kind == "text":
        return values
    if kind == "bool":
        return np.where(values, b"true", b"false")
    present = values != NULL
    safe = np.where(present, values, 0)
    if kind == "int":
        text = int_text(safe)
    elif kind in {"money", "decimal2"}:
        text = _text_of_hundredths(safe)
    elif kind == "date":
        text = format_dates(safe)
    elif kind == "timestamp":
        text = format_timestamps(safe)
    else:
        raise ValueError(f"unknown column kind {kind!r}")
    return text if present.all() else np.where(present, text, b"")


def _quote(text: np.ndarray) -> np.ndarray:
    """RFC 4180 quoting where a field needs it (a cheap whole-column scan first: most columns never do)."""
    data = text.tobytes()  # the fixed-width buffer: the triggers are single bytes, so padding cannot hide one
    if not any(trigger in data for trigger in QUOTE_TRIGGERS):
        return text
    needs = np.zeros(len(text), dtype=bool)
    for trigger in QUOTE_TRIGGERS:
        needs |= np.strings.find(text, trigger) >= 0
    quoted = concat('"', np.strings.replace(text, b'"', b'""'), '"')
    return choose_text(needs, quoted, text)


def laid_digits(values: np.ndarray) -> np.ndarray:
    """An int column as `laid_rows` takes it: the decimal digits right-aligned in the narrowest width, NUL before
    them and in the NULL rows. It skips the strip and the re-fit of left-aligned text: a fifth of the CSV
    formatting of a tenant."""
    present = values != NULL
    digits = digits_right_aligned(np.where(present, values, 0), 0)
    if not present.all():
        digits[~present] = 0
    return digits


def laid_text(text: np.ndarray) -> np.ndarray:
    """Byte strings as `laid_rows` takes them: a (rows, width) matrix, NUL after each text."""
    text = tighten(text)
    return text.view(np.uint8).reshape(len(text), text.dtype.itemsize)


def laid_rows(fields: list[np.ndarray], start: bytes, separator: bytes, end: bytes) -> bytes:
    """Rows of `start`, the fields' bytes joined by `separator`, then `end`, from one (rows, width) matrix per
    field (`laid_text`, `laid_digits`).

    The fields are laid side by side with the separators in one array and the NUL padding of each is dropped:
    one copy of the block instead of one per column. No value holds a NUL (recipes and locale lists refuse
    control characters, and the CSV reader refuses NUL), so only padding goes.
    """
    n = len(fields[0])

    def literal(text: bytes) -> list[np.ndarray]:
        return [np.frombuffer(text, dtype=np.uint8)[None, :].repeat(n, axis=0)] if text else []

    between = literal(separator)
    laid = literal(start)
    for index, field in enumerate(fields):
        laid += [*(between if index else []), field]
    flat = np.hstack(laid + literal(end)).ravel()
    return flat[flat != 0].tobytes()


def csv_header(table: str) -> bytes:
    return (",".join(c.name for c in TABLES[table]) + "\n").encode("utf-8")


def csv_bytes(table: str, block: Block) -> bytes:
    """The canonical CSV lines (no header) of one block."""
    if len(block["id"]) == 0:
        return b""
    fields = []
    for column in TABLES[table]:
        values = block[column.name]
        if column.kind == "int":
            fields.append(laid_digits(values))
            continue
        text = tighten(format_column(values, column))
        fields.append(laid_text(_quote(text) if column.kind == "text" else text))
    return laid_rows(fields, b"", b",", b"\n")


class CanonicalCsvSink:
    """Writes each table's canonical CSV to its own binary handle; the digest hashes them in table order."""

    def __init__(self, handles: dict[str, BinaryIO]) -> None:
        self._handles = handles
        for table in TABLE_ORDER:
            handles[table].write(csv_header(table))

    def write(self, table: str, block: Block | bytes) -> None:
        """A block, or its canonical CSV lines as `csv_bytes` makes them (formatted by a worker process)."""
        self._handles[table].write(block if isinstance(block, bytes) else csv_bytes(table, block))

    def write_bytes(self, table: str, data: bytes) -> None:
        """Canonical CSV lines already formatted by `csv_bytes` (the database writer formats once for both)."""
        self._handles[table].write(data)

    def digest(self) -> str:
        sha = hashlib.sha256()
        for table in TABLE_ORDER:
            handle = self._handles[table]
            handle.flush()
            handle.seek(0)
            sha.update(f"== {table}\n".encode())
            while chunk := handle.read(1 << 20):
                sha.update(chunk)
        return sha.hexdigest()


def holds_a_word(canonical: bytes, words: Iterable[str]) -> bool:
    """Whether CSV lines hold one of `words` (lower case) regardless of ASCII case, wherever it stands in a value
    (a word never holds a separator, so whole lines are enough); a word in a number would count too: a hint to
    look closer, never a miss."""
    lowered = canonical.lower()
    return any(word.encode("ascii") in lowered for word in words)


def _spool(blocks: Iterable[CsvInput], stack: contextlib.ExitStack) -> tuple[dict[str, BinaryIO], str]:
    """Canonical CSV of every table in anonymous temporary files (closed with the stack), and the digest."""
    handles = {table: stack.enter_context(tempfile.TemporaryFile()) for table in TABLE_ORDER}  # noqa: SIM115
    sink = CanonicalCsvSink(handles)
    for table, block in blocks:
        sink.write(table, block)
    return handles, sink.digest()


def digest_blocks(blocks: Iterable[CsvInput]) -> str:
    """The dataset digest of a stream of blocks, spooled through anonymous temporary files."""
    with contextlib.ExitStack() as stack:
        return _spool(blocks, stack)[1]


def export_blocks(blocks: Iterable[CsvInput], out_dir: Path) -> str:
    """Write `<table>.csv` files into out_dir atomically (a hidden staging folder, then renames); returns the digest.

    If generation fails midway, the staging folder is removed and out_dir keeps what it had.
    """
    out_dir = Path(out_dir)
    created = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".demogen-export-", dir=out_dir))
    try:
        with contextlib.ExitStack() as stack:
            handles = {table: stack.enter_context((staging / f"{table}.csv").open("w+b")) for table in TABLE_ORDER}
            sink = CanonicalCsvSink(handles)
            for table, block in blocks:
                sink.write(table, block)
            digest = sink.digest()
        for table in TABLE_ORDER:
            os.replace(staging / f"{table}.csv", out_dir / f"{table}.csv")
        return digest
    except BaseException:
        if created:
            shutil.rmtree(out_dir, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def export_zip(blocks: Iterable[CsvInput], target: BinaryIO, extras: dict[str, bytes] | None = None) -> str:
    """The canonical export as one zip (`<table>.csv`, plus `digest.txt` and any extras); returns the digest.

    Blocks stream through anonymous temporary files, so memory stays at one block whatever the tenant's size."""
    with contextlib.ExitStack() as stack:
        handles, digest = _spool(blocks, stack)
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for table in TABLE_ORDER:
                handles[table].seek(0)
                with archive.open(f"{table}.csv", "w", force_zip64=True) as entry:
                    shutil.copyfileobj(handles[table], entry, 1 << 20)
            archive.writestr("digest.txt", f"{digest}\n")
            for name, data in (extras or {}).items():
                archive.writestr(name, data)
    return digest


def preview_rows(blocks: Iterable[tuple[str, Block]], rows: int) -> dict[str, list[list[str]]]:
    """Header and first `rows` rows of every table as the canonical CSV writes them (90500.00, empty, false)."""
    heads: dict[str, list[bytes]] = {table: [] for table in TABLE_ORDER}
    have = dict.fromkeys(TABLE_ORDER, 0)
    for table, block in blocks:
        if have[table] < rows:
            take = min(rows - have[table], len(block["id"]))
            heads[table].append(csv_bytes(table, {name: values[:take] for name, values in block.items()}))
            have[table] += take
        if all(count >= rows for count in have.values()):
            break
    return {
        table: list(csv.reader(io.StringIO((csv_header(table) + b"".join(parts)).decode("utf-8"))))
        for table, parts in heads.items()
    }


FRAME_SINKS = {"block_frame", "collect_frames", "preview_frames"}


def __getattr__(name: str):
    """The DataFrame sinks moved to `demogen.frames` (pandas is imported only by whoever uses them)."""
    if name in FRAME_SINKS:
        from demogen import frames  # noqa: PLC0415 - pandas, only for whoever asks

        return getattr(frames, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
