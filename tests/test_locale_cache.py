"""The binary locale cache: the same data as the CSV parse, keyed by content, rebuilt when stale or damaged."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from demogen import locale_cache, locales

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "locales"


def same(a, b) -> bool:
    """Equal values of equal types all the way down (array dtypes and shapes included)."""
    if type(a) is not type(b):
        return False
    if dataclasses.is_dataclass(a):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)
    return a == b


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DEMOGEN_CACHE_DIR", str(folder))
    locales._load_cached.cache_clear()
    yield folder
    locales._load_cached.cache_clear()


@pytest.fixture
def builds(monkeypatch) -> list[Path]:
    """The folders parsed from CSV (every call of read_locale by the loader)."""
    parsed: list[Path] = []
    real = locales.read_locale

    def counting(folder, **options):
        parsed.append(Path(folder))
        return real(folder, **options)

    monkeypatch.setattr(locales, "read_locale", counting)
    return parsed


def fresh(code: str, root: Path | None = None):
    """Load as a new process would (the per-process memo cleared, the disk cache kept)."""
    locales._load_cached.cache_clear()
    return locales.load_locale(code, root)


@pytest.mark.parametrize("code", locales.available_markets(SHIPPED))
def test_a_cached_market_is_exactly_the_parsed_one(cache, builds, code):
    parsed = locales.read_locale(SHIPPED / code)
    cold, warm = fresh(code, SHIPPED), fresh(code, SHIPPED)
    assert same(cold, parsed) and same(warm, parsed)
    assert len(builds) == 2  # the direct parse above and the cold load; the warm load read the cache
    (entry,) = cache.glob(f"{code}-*.npz")
    with np.load(entry, allow_pickle=False) as archive:  # data, never code: no object arrays
        assert all(archive[name].dtype != object for name in archive.files)


@pytest.fixture
def market(tmp_path) -> Path:
    root = tmp_path / "locales"
    shutil.copytree(SHIPPED / "GB", root / "GB")
    shutil.copytree(SHIPPED / "US", root / "US")  # the fallback market of story files
    return root


def test_a_changed_csv_is_parsed_again_and_a_touched_one_is_not(cache, builds, market, monkeypatch):
    monkeypatch.setenv("DEMOGEN_LOCALES_DIR", str(market))
    fresh("GB")
    surnames = market / "GB" / "last_names.csv"
    os.utime(surnames, (1, 1))  # mtime alone does not count
    fresh("GB")
    assert len(builds) == 1
    lines = surnames.read_text(encoding="utf-8").splitlines()
    lines[1] = "Quennell," + lines[1].split(",", 1)[1]  # the first column only
    surnames.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert fresh("GB").last_names["name"][0] == b"Quennell"
    assert len(builds) == 2
    assert len(list(cache.glob("GB-*.npz"))) == 1  # the stale entry is gone


def test_a_borrowed_story_file_is_part_of_the_key(cache, builds, market, monkeypatch):
    monkeypatch.setenv("DEMOGEN_LOCALES_DIR", str(market))
    (market / "GB" / "deal_types.csv").unlink()  # GB now reads the fallback market's
    assert market / "US" / "deal_types.csv" in locales.source_files(market / "GB")
    fresh("GB")
    path = market / "US" / "deal_types.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("\n", "\n", 1) + "\n", encoding="utf-8")
    fresh("GB")
    assert len(builds) == 2


def test_the_parser_s_source_is_part_of_the_key(tmp_path):
    data, code = tmp_path / "a.csv", tmp_path / "parser.py"
    data.write_text("x\n", encoding="utf-8")
    code.write_text("one = 1\n", encoding="utf-8")
    before = locale_cache.entry_key("XX", [data], [code])
    code.write_text("one = 2\n", encoding="utf-8")
    assert locale_cache.entry_key("XX", [data], [code]) != before
    assert locale_cache.entry_key("YY", [data], [code]) != locale_cache.entry_key("XX", [data], [code])


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-2000] + bytes(2000),
        lambda data: b"not a zip file at all",
        lambda data: data[: len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1 :],
    ],
    ids=["empty", "truncated", "zeroed tail", "garbage", "one bit flipped"],
)
def test_a_damaged_entry_is_rebuilt(cache, builds, damage):
    parsed = fresh("GB", SHIPPED)
    (entry,) = cache.glob("GB-*.npz")
    entry.write_bytes(damage(entry.read_bytes()))
    assert same(fresh("GB", SHIPPED), parsed)
    assert len(builds) == 2
    assert same(fresh("GB", SHIPPED), parsed) and len(builds) == 2  # and the rebuilt entry serves again


def test_an_entry_written_for_another_key_is_not_served(cache, builds):
    fresh("GB", SHIPPED)
    (entry,) = cache.glob("GB-*.npz")
    other = locales.read_locale(SHIPPED / "DE")
    locale_cache.cached("GB", "f" * 64, lambda: other, (locales.LocaleData, locales.Table, locales.CityPrefixes))
    (impostor,) = cache.glob("GB-*.npz")  # it replaced the GB entry; now it takes that entry's name
    impostor.rename(entry)
    assert fresh("GB", SHIPPED).code == "GB"
    assert len(builds) == 3  # GB, the DE parse, and GB again


def test_an_unwritable_cache_folder_costs_time_not_a_load(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DEMOGEN_CACHE_DIR", str(blocker / "cache"))  # below a file: cannot be created
    locales._load_cached.cache_clear()
    try:
        assert same(locales.load_locale("GB", SHIPPED), locales.read_locale(SHIPPED / "GB"))
    finally:
        locales._load_cached.cache_clear()


def test_the_default_folder_is_a_user_cache_never_the_repository(monkeypatch, tmp_path):
    monkeypatch.delenv("DEMOGEN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert locale_cache.cache_dir() == tmp_path / "demogen"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert locale_cache.cache_dir() == Path.home() / ".cache" / "demogen"
    assert SHIPPED not in locale_cache.cache_dir().parents


CONCURRENT_LOAD = """
import hashlib, sys
from demogen.locales import load_locale
data = load_locale("GB")
print(hashlib.sha256(data.last_names["ascii"].tobytes() + data.cities["city"].tobytes()).hexdigest())
"""


def test_processes_building_the_same_entry_at_once_all_get_the_same_data(cache):
    env = {**os.environ, "DEMOGEN_CACHE_DIR": str(cache), "DEMOGEN_LOCALES_DIR": str(SHIPPED)}
    runs = [
        subprocess.Popen([sys.executable, "-c", CONCURRENT_LOAD], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    digests = {run.communicate(timeout=120)[0].strip() for run in runs}
    assert all(run.returncode == 0 for run in runs)
    data = locales.read_locale(SHIPPED / "GB")
    expected = hashlib.sha256(data.last_names["ascii"].tobytes() + data.cities["city"].tobytes()).hexdigest()
    assert digests == {expected}
    assert [p.suffix for p in cache.iterdir()] == [".npz"]  # no temporary file left behind
