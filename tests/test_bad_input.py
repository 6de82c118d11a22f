"""Bad input of every kind is refused with one clear line, never a traceback, and nothing is written.

Property-based: random recipe structures, values of the wrong type, non-finite and huge numbers, unicode, unknown
keys, malformed TOML, hostile tenant names, damaged locale folders and bad database URLs. Library calls must raise
their own validation error (RecipeError / LocaleError) or succeed; commands must exit 2 with one line.
"""

from __future__ import annotations

import copy
import shutil
import string
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebook import pick, record
from conftest import AS_OF, DEFAULT, ROOT
from dbtools import run_cli
from demogen.locales import LocaleError, validate_locale_dir
from demogen.recipe import RecipeError, check_tenant_name, load_recipe, parse_recipe

EXAMPLES = pick(150, 600)
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.text(alphabet="\u202e\u200f\u0000'\";-- \\", max_size=12),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12,
)


def _one_line_error(call) -> str | None:
    """None if `call` validated, else the RecipeError's text, which must be one line with a fix."""
    try:
        call()
    except RecipeError as error:
        text = str(error)
        assert "\n" not in text and " — " in text, text
        return text
    return None


def _count(what: str) -> None:
    """One generated case that held (credited only if its whole property test passes)."""
    record("bad input", what, checked="validated, or refused with one line naming the key and the fix")


@given(data=st.dictionaries(st.text(max_size=16), values, max_size=6))
@SETTINGS
def test_random_structures_are_refused_with_one_line(data):
    assert _one_line_error(lambda: parse_recipe(data, today=AS_OF)) is not None or "tenant" in data
    _count("random recipe structures")


def _paths(node, prefix=()):
    """Every key path of a recipe mapping (sections and leaves)."""
    if isinstance(node, dict):
        for key, child in node.items():
            yield (*prefix, key)
            yield from _paths(child, (*prefix, key))


PATHS = sorted(set(_paths(DEFAULT)))


@given(path=st.sampled_from(PATHS), value=values)
@SETTINGS
def test_any_key_set_to_any_value_validates_or_names_that_key(path, value):
    data = copy.deepcopy(DEFAULT)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    error = _one_line_error(lambda: parse_recipe(data, today=AS_OF))
    if error is not None:
        # the error names the key that was changed, or one inside it (a table replaced by another table)
        assert error.split(":")[0].startswith(path[0].replace("strict", "locales.strict")), (path, error)
    _count("one key set to a random value")


@given(key=st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=12), section=st.sampled_from(PATHS))
@SETTINGS
def test_unknown_keys_are_refused(key, section):
    data = copy.deepcopy(DEFAULT)
    node = data
    for part in section:
        node = node[part]
    if not isinstance(node, dict) or key in node or "dist" in node or section[0] in {"locales", "names"}:
        return  # a leaf, a known key, a law (validated by its dist) or a table of free keys (market codes)
    node[key] = 1
    error = _one_line_error(lambda: parse_recipe(data, today=AS_OF))
    assert error is not None and "unknown key" in error, error
    _count("unknown keys")


@given(text=st.text(max_size=200))
@SETTINGS
def test_malformed_toml_is_one_line(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("toml") / "recipe.toml"
    path.write_text(text, encoding="utf-8")
    try:
        tomllib.loads(path.read_text(encoding="utf-8"))  # read as load_recipe reads it (universal newlines)
    except tomllib.TOMLDecodeError:
        error = _one_line_error(lambda: load_recipe(path, today=AS_OF))
        assert error is not None and "invalid TOML" in error
    else:
        _one_line_error(lambda: load_recipe(path, today=AS_OF))
    _count("arbitrary text as a recipe file")


HOSTILE_NAMES = st.one_of(
    st.text(max_size=60),
    st.just("x" * 10_000),
    st.sampled_from(["O'Brien & Sons; DROP TABLE tenants; --", "\u202eevil\u202c", "a\x00b", "   ", "", "Sample Inc"]),
)


@given(name=HOSTILE_NAMES)
@SETTINGS
def test_hostile_tenant_names_are_accepted_as_data_or_refused_with_one_line(name):
    try:
        accepted = check_tenant_name(name, where="--tenant")
    except RecipeError as error:
        assert str(error).startswith("--tenant: ") and "\n" not in str(error)
    else:
        assert accepted == name.strip() and 0 < len(accepted) <= 120
    _count("hostile tenant names")


DAMAGES = {
    "not UTF-8": lambda text: b"\xff\xfe\x00broken" + text.encode("utf-8")[:50],
    "BOM": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "empty": lambda text: b"",
    "header only": lambda text: text.split("\n", 1)[0].encode("utf-8") + b"\n",
    "a column missing": lambda text: "\n".join(",".join(line.split(",")[:-1]) for line in text.split("\n")).encode(),
    "negative weight": lambda text: text.replace("\n", "\n", 1).rstrip("\n").rsplit(",", 1)[0].encode() + b",-5\n",
    "fractional weight": lambda text: text.rstrip("\n").rsplit(",", 1)[0].encode() + b",1.5\n",
    "duplicated rows": lambda text: (text + "\n".join(text.split("\n")[1:])).encode("utf-8"),
}


HARMLESS = {"BOM"}
"""Damage a validator may accept: a UTF-8 byte-order mark does not change the data."""


@pytest.fixture(scope="module")
def shipped_gb() -> Path:
    return ROOT / "locales" / "GB"


@given(
    file=st.sampled_from(sorted(p.name for p in (ROOT / "locales" / "GB").glob("*.csv"))),
    damage=st.sampled_from(sorted(DAMAGES)),
)
@settings(max_examples=pick(40, 160), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_damaged_locale_folders_name_the_file(tmp_path_factory, shipped_gb, file, damage):
    folder = tmp_path_factory.mktemp("locale") / "XX"
    shutil.copytree(shipped_gb, folder)
    target = folder / file
    original = target.read_text(encoding="utf-8")
    weighted = "weight" in original.split("\n", 1)[0].split(",")
    target.write_bytes(DAMAGES[damage](original))
    try:
        validate_locale_dir(folder)
    except LocaleError as error:
        assert file in str(error) and "\n" not in str(error).strip(), str(error)
    else:
        # a "weight" damage in a file without weights only changes a text cell, which no validator can judge
        assert damage in HARMLESS or (not weighted and "weight" in damage), f"{file} with {damage} was accepted"
    _count("damaged locale folders")


BAD_URLS = [
    "mysql://root@127.0.0.1/test",
    "oracle://scott:tiger@127.0.0.1/orcl",
    "crm.db",
    "postgresql://postgres@127.0.0.1:1/test",
    "postgresql://postgres@no-such-host.invalid/test",
    "postgresql://nobody:wrong@127.0.0.1:5432/no_such_database_here",
    "sqlite:////no/such/folder/crm.db",
    "http://127.0.0.1:5432/",
    "",
    "sqlite://",
]


@pytest.mark.parametrize("url", pick(BAD_URLS[:5], BAD_URLS))
def test_bad_database_urls_exit_2_with_one_line_and_write_nothing(tmp_path, url):
    recipe = tmp_path / "r.toml"
    recipe.write_text('[tenant]\nname = "Acme"\n[volume]\ncompanies = 5\n', encoding="utf-8")
    result = run_cli("generate", "--config", str(recipe), "--db", url, env={"DEMOGEN_DATABASE_URL": ""})
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.stderr
    assert "wrong" not in result.stderr  # no password echoed
    record("bad input", "bad --db URLs", checked="exit 2, one line, password hidden, nothing written")
