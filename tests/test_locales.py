"""Shipped markets validate; the loader keeps real names like Null; custom folders get clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from demogen.locales import LocaleError, available_markets, fold_ascii, read_locale, validate_locale_dir

SHIPPED = ROOT / "locales"


def test_the_first_markets_ship():
    assert {"US", "GB", "DE"} <= set(available_markets())


@pytest.mark.parametrize("code", ["US", "GB", "DE"])
def test_shipped_market_validates_with_its_phone_templates(code):
    data = validate_locale_dir(SHIPPED / code)
    assert len(data.cities) >= 300
    assert len(set(data.cities.texts("city"))) >= 300
    assert len(data.last_names) >= 1000
    assert (data.city_prefixes.count > 0).mean() > 0.9


def test_us_keeps_the_long_tail():
    data = read_locale(SHIPPED / "US")
    assert len(data.last_names) >= 50_000
    assert len(data.first_names) >= 3_000
    assert set(data.first_names.texts("gender")) == {"F", "M"}


def test_locales_stay_lean():
    size = sum(p.stat().st_size for p in SHIPPED.rglob("*") if p.is_file())
    assert size < 30 * 1024 * 1024


def test_values_are_never_na_converted(tmp_path: Path):
    folder = tmp_path / "US"
    shutil.copytree(SHIPPED / "US", folder)
    lines = (folder / "last_names.csv").read_text(encoding="utf-8").splitlines()
    lines.append("Null,1") if not any(line.startswith("Null,") for line in lines) else None
    lines = [lines[0], *sorted(lines[1:], key=lambda row: (-int(row.rsplit(",", 1)[1]), row.rsplit(",", 1)[0]))]
    (folder / "last_names.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = read_locale(folder)
    assert "Null" in data.last_names.texts("name")


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Müller", "mueller"), ("Weiß", "weiss"), ("José", "jose"), ("O'Brien", "obrien"), ("Anne-Marie", "annemarie")],
)
def test_ascii_folding(text, folded):
    rules = {"ü": "ue", "ß": "ss"}
    assert fold_ascii(text, rules) == folded


def _broken_copy(tmp_path: Path, file: str, content: str) -> Path:
    folder = tmp_path / "GB"
    shutil.copytree(SHIPPED / "GB", folder)
    (folder / file).write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        ("last_names.csv", "surname,weight\nSmith,1\n", "header"),
        ("last_names.csv", "name,weight\nSmith,0\n", "not positive"),
        ("last_names.csv", "name,weight\nSmith,-1\n", "not a positive integer"),
        ("last_names.csv", "name,weight\nAdams,1\nSmith,5\n", "not sorted"),
        ("last_names.csv", "name,weight\nSmith,2\nSmith,2\n", "duplicate"),
        ("first_names.csv", "name,gender,weight\nAnna,X,1\n", "gender"),
        ("company_words.csv", "word,kind,weight\nGroup,sector,1\nSamplers,stem,1\n", "forbidden"),
        ("locale.toml", 'name = "x"\n', "missing key"),
    ],
)
def test_broken_files_are_reported(tmp_path: Path, file: str, content: str, message: str):
    with pytest.raises(LocaleError) as caught:
        validate_locale_dir(_broken_copy(tmp_path, file, content))
    assert message in str(caught.value)
    assert file in str(caught.value)


def test_invalid_phone_template_is_reported(tmp_path: Path):
    folder = tmp_path / "GB"
    shutil.copytree(SHIPPED / "GB", folder)
    path = folder / "phone_prefixes.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",")
    first[4] = "+44 1 ####"
    path.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(LocaleError) as caught:
        validate_locale_dir(folder)
    assert "phone_prefixes.csv" in str(caught.value)


def test_a_recipe_s_own_name_list_replaces_the_market_s_names():
    from conftest import frames_of, recipe_from
    from demogen.dataset import build_plan
    from demogen.locales import parse_name_list

    rows = parse_name_list("name,weight\nOkonkwo,12\nAdeyemi,30\nNakamura,5\n", "last_names")
    recipe = recipe_from({"locales": {"US": 1.0}, "names": {"US": {"last_names": rows}}})
    contacts = frames_of(build_plan(recipe))["contacts"]
    assert set(contacts["last_name"]) == {"Okonkwo", "Adeyemi", "Nakamura"}
    assert contacts["email"].is_unique


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("name,weight\nA,1\nB,0\n", "last_names", "line 3, column weight"),
        ("name,gender,weight\nAva,F,3\nLeo,X,2\n", "first_names", "line 3, column gender"),
        ("name,weight\nA,1,9\n", "last_names", "line 2: 3 fields"),
        ("surname,weight\nA,1\n", "last_names", "line 1: header"),
        ("name,weight\nA,1\nA,4\n", "last_names", "repeats line 2"),
        ("name,weight\n", "last_names", "no rows"),
    ],
)
def test_a_bad_name_list_names_the_line_and_column(text, kind, message):
    from demogen.locales import LocaleError, parse_name_list

    with pytest.raises(LocaleError, match=message):
        parse_name_list(text, kind)
