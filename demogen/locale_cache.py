"""A binary cache of parsed markets, so that loading one takes milliseconds instead of a CSV parse and folding.

The CSV files stay the source of truth. An entry is keyed by the SHA-256 of the content (not the mtime) of every
file the market is read from, its folder name, the source of the code that parses it and the numpy version, so a
changed file or parser is never served stale. An entry is plain numpy arrays plus a JSON description in one `.npz`,
loaded with `allow_pickle=False` and rebuilt into an allow-list of dataclasses: a cache file is data, never code.
It is written to a temporary file and renamed into place, so concurrent processes at worst build the same entry
twice and a reader never sees half a file; an entry that cannot be read back (truncated, corrupt, another key) is
rebuilt. The folder is `$DEMOGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/demogen`, else `~/.cache/demogen`; when it
cannot be written, markets load from CSV as before.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

CACHE_FORMAT = 1
"""Version of the entry layout below; part of every key."""
_META = "__meta__"


def cache_dir() -> Path:
    override = os.environ.get("DEMOGEN_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "demogen"


def entry_key(name: str, sources: Iterable[Path], code: Iterable[Path]) -> str:
    """SHA-256 over the market's name, its source files (name and content) and the parser's source code."""
    sha = hashlib.sha256(f"demogen locale cache {CACHE_FORMAT} numpy {np.__version__}\n{name}\n".encode())
    for path in (*sources, *code):
        content = path.read_bytes() if path.is_file() else b"<missing>"
        sha.update(f"{path.name}\0{len(content)}\0".encode())
        sha.update(content)
    return sha.hexdigest()


def _encode(value: Any, arrays: dict[str, np.ndarray], classes: dict[str, type]) -> dict:
    """A JSON description of value, one `{kind: payload}` per node; its arrays go to `arrays` by generated names."""

    def inner(v: Any) -> dict:
        return _encode(v, arrays, classes)

    if isinstance(value, np.ndarray):
        name = f"a{len(arrays)}"
        arrays[name] = value
        return {"array": name}
    if dataclasses.is_dataclass(value) and type(value).__name__ in classes:
        fields = {f.name: inner(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"class": {"name": type(value).__name__, "fields": fields}}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"dict": {k: inner(v) for k, v in value.items()}}
    if isinstance(value, tuple | list):
        return {type(value).__name__: [inner(v) for v in value]}
    if isinstance(value, frozenset):
        return {"bytes_set": inner(np.array(sorted(value), dtype=bytes).reshape(-1))}
    if value is None or isinstance(value, str | int | float):
        return {"value": value}
    raise TypeError(f"cannot cache a {type(value).__name__} — teach demogen.locale_cache its layout")


def _decode(node: dict, arrays: dict[str, np.ndarray], classes: dict[str, type]) -> Any:
    def inner(v: dict) -> Any:
        return _decode(v, arrays, classes)

    decoders = {
        "array": lambda name: arrays[name],
        "class": lambda p: classes[p["name"]](**{k: inner(v) for k, v in p["fields"].items()}),
        "dict": lambda items: {k: inner(v) for k, v in items.items()},
        "tuple": lambda items: tuple(inner(v) for v in items),
        "list": lambda items: [inner(v) for v in items],
        "bytes_set": lambda array: frozenset(inner(array).tolist()),
        "value": lambda value: value,
    }
    ((kind, payload),) = node.items()
    return decoders[kind](payload)


def _read(path: Path, key: str, classes: dict[str, type]) -> Any:
    with np.load(path, allow_pickle=False) as archive:
        meta = json.loads(archive[_META].tobytes())
        if meta["key"] != key:
            raise ValueError("another key")
        arrays = {name: archive[name] for name in archive.files if name != _META}
    return _decode(meta["value"], arrays, classes)


def _write(folder: Path, path: Path, key: str, value: Any, classes: dict[str, type]) -> None:
    arrays: dict[str, np.ndarray] = {}
    meta = {"key": key, "value": _encode(value, arrays, classes)}
    arrays[_META] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    folder.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            np.savez(file, allow_pickle=False, **arrays)
        os.replace(staging, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staging)


def cached(name: str, key: str, build: Callable[[], Any], classes: Iterable[type]) -> Any:
    """The cached value of `name` under `key`, else `build()` stored for next time (older entries of name go)."""
    allowed = {cls.__name__: cls for cls in classes}
    folder = cache_dir()
    path = folder / f"{name}-{key[:40]}.npz"
    with contextlib.suppress(Exception):  # a missing or unreadable entry is a miss: rebuilt below
        return _read(path, key, allowed)
    value = build()
    with contextlib.suppress(OSError):  # an unwritable cache costs time, never a load
        _write(folder, path, key, value, allowed)
        for old in folder.glob(f"{name}-*.npz"):
            if old != path:
                old.unlink(missing_ok=True)
    return value
