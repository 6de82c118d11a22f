"""Shipped markets validate; the loader keeps real names like Null; custom folders get clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT
from demogen.locales import (
    LocaleError,
    available_markets,
    fold_ascii,
    load_locale,
    read_locale,
    validate_locale_dir,
)

SHIPPED = ROOT / "locales"


def test_the_first_markets_ship():
    assert {"US", "GB", "DE"} <= set(available_markets())


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
        ("last_names.csv", "name,weight\nSmi\x07th,2\n", "control character U+0007"),
        ("streets.csv", "street,weight\nHigh\x85Street,2\n", "control character U+0085"),
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


def _own_market(tmp_path: Path, code: str, edit) -> Path:
    """A user's market folder (a copy of DE changed by `edit`) on DEMOGEN_LOCALES_PATH."""
    folder = tmp_path / "mine" / code
    shutil.copytree(SHIPPED / "DE", folder)
    edit(folder)
    return folder.parent


def _contacts_of(code: str) -> pd.DataFrame:
    from conftest import frames_of, recipe_from
    from demogen.dataset import build_plan

    recipe = recipe_from({"volume": {"companies": 40}, "locales": {code: 1.0}, "tenant": {"country": "DE"}})
    return frames_of(build_plan(recipe))["contacts"]


def test_a_user_folder_adds_and_overrides_markets(tmp_path: Path, monkeypatch):
    def rename(folder: Path) -> None:
        toml = folder / "locale.toml"
        toml.write_text(toml.read_text(encoding="utf-8").replace('name = "Germany"', 'name = "Mine"'), "utf-8")

    root = _own_market(tmp_path, "ZZ", rename)
    shutil.copytree(root / "ZZ", root / "US")
    monkeypatch.setenv("DEMOGEN_LOCALES_PATH", str(root))
    assert {"ZZ", "US", "DE", "GB"} <= set(available_markets())
    assert load_locale("ZZ").name == "Mine" and load_locale("US").name == "Mine"
    assert load_locale("DE").name == "Germany"
    assert set(_contacts_of("ZZ")["country"]) == {"ZZ"}


def test_a_romanised_ascii_column_makes_the_emails(tmp_path: Path, monkeypatch):
    def romanise(folder: Path) -> None:
        (folder / "last_names.csv").write_text("name,ascii,weight\n佐藤,sato,9\n鈴木,suzuki,5\n", "utf-8")

    monkeypatch.setenv("DEMOGEN_LOCALES_PATH", str(_own_market(tmp_path, "ZY", romanise)))
    contacts = _contacts_of("ZY")
    assert set(contacts["last_name"]) == {"佐藤", "鈴木"}
    local = contacts["email"].str.split("@").str[0]
    assert (local.str.contains("sato") | local.str.contains("suzuki") | ~local.str.contains("[.]")).all()
    assert contacts["email"].str.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+").all()


def test_a_bad_romanisation_is_reported(tmp_path: Path):
    folder = _own_market(
        tmp_path, "ZX", lambda f: (f / "last_names.csv").write_text("name,ascii,weight\n佐藤,Satō,9\n", "utf-8")
    )
    with pytest.raises(LocaleError, match="ascii 'Satō'"):
        validate_locale_dir(folder / "ZX")


def test_two_surnames_where_people_carry_two(tmp_path: Path, monkeypatch):
    def two(folder: Path) -> None:
        toml = folder / "locale.toml"
        toml.write_text(toml.read_text(encoding="utf-8").replace("[formats]", "[formats]\nsurnames = 2"), "utf-8")

    monkeypatch.setenv("DEMOGEN_LOCALES_PATH", str(_own_market(tmp_path, "ZW", two)))
    contacts = _contacts_of("ZW")
    parts = contacts["last_name"].str.split(" ")
    assert (parts.str.len() >= 2).all()
    assert (parts.str[0] != parts.str[-1]).mean() > 0.9


def test_gendered_titles_take_the_person_s_form():
    from demogen.generate.contacts import gendered

    titles = np.array([b"Directeur commercial|Directrice commerciale", b"Responsable achats"] * 2)
    genders = np.array([b"M", b"M", b"F", b"F"])
    assert gendered(titles, genders).tolist() == [
        b"Directeur commercial",
        b"Responsable achats",
        b"Directrice commerciale",
        b"Responsable achats",
    ]


def test_folding_romanises_letters_without_a_decomposition():
    assert fold_ascii("Tarık", {}) == "tarik"
    assert fold_ascii("Sarı", {}) == "sari"
    assert fold_ascii("Łódź", {}) == "lodz"


def test_a_format_needs_its_two_placeholders(tmp_path: Path):
    def broken(folder: Path) -> None:
        toml = folder / "locale.toml"
        text = toml.read_text(encoding="utf-8").replace(
            'street_address = "{street} {number}"', 'street_address = "{street}"'
        )
        toml.write_text(text, "utf-8")

    with pytest.raises(LocaleError, match=r"formats\.street_address"):
        validate_locale_dir(_own_market(tmp_path, "ZV", broken) / "ZV")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('unit = "Suite"\n', r"formats\.unit is 'Suite'"),
        ("unit_share = 0.3\n", r"formats\.unit_share is 0\.3 — set formats\.unit"),
        ('word_joiner = "and"\n', r"formats\.word_joiner is 'and' — write the text between the words"),
        ("partner_joiner = 3\n", r"formats\.partner_joiner is 3"),
    ],
)
def test_a_format_that_cannot_work_is_refused_with_its_key(tmp_path: Path, lines: str, message: str):
    def broken(folder: Path) -> None:
        toml = folder / "locale.toml"
        text = toml.read_text(encoding="utf-8").replace("[formats]\n", "[formats]\n" + lines)
        toml.write_text(text, "utf-8")

    with pytest.raises(LocaleError, match=message):
        validate_locale_dir(_own_market(tmp_path, "ZV", broken) / "ZV")


def test_house_numbers_are_mostly_small_like_real_streets():
    from demogen.generate.companies import house_numbers

    u = np.linspace(0.0005, 0.9995, 1000)
    for largest, low, high in ((200, 15, 45), (9999, 500, 2500)):
        numbers = house_numbers(u, largest)
        assert numbers.min() >= 1 and numbers.max() <= largest
        assert low <= np.median(numbers) <= high


def _companies_of_own_market(tmp_path: Path, monkeypatch, code: str, edit) -> pd.DataFrame:
    """400 companies of a user's market (DE changed by `edit`), which must validate."""
    root = _own_market(tmp_path, code, edit)
    validate_locale_dir(root / code)
    monkeypatch.setenv("DEMOGEN_LOCALES_PATH", str(root))
    from conftest import frames_of, recipe_from
    from demogen.dataset import build_plan

    recipe = recipe_from({"volume": {"companies": 400}, "locales": {code: 1.0}, "tenant": {"country": "DE"}})
    return frames_of(build_plan(recipe))["companies"]


def test_a_region_s_own_streets_stay_in_it(tmp_path: Path, monkeypatch):
    def regional(folder: Path) -> None:
        rows = "street,region,weight\nHauptstraße,,9\nKurfürstendamm,Berlin,5\nMaximilianstraße,Bayern,5\n"
        (folder / "streets.csv").write_text(rows, "utf-8")

    companies = _companies_of_own_market(tmp_path, monkeypatch, "ZU", regional)
    street = companies["street"].str.rsplit(" ", n=1).str[0]
    assert set(street[companies["region"] == "Berlin"]) == {"Hauptstraße", "Kurfürstendamm"}
    assert set(street[~companies["region"].isin(["Berlin", "Bayern"])]) == {"Hauptstraße"}


def test_a_region_s_own_legal_forms_stay_in_it(tmp_path: Path, monkeypatch):
    def regional(folder: Path) -> None:
        sizes = ("large", "medium", "micro", "small")  # sorted as builders write them
        rows = "".join(f"GmbH,{size},,,9\n" for size in sizes) + "".join(f"KG,{size},,Bayern,5\n" for size in sizes)
        (folder / "legal_form_sizes.csv").write_text("form,size_class,industry,region,weight\n" + rows, "utf-8")

    companies = _companies_of_own_market(tmp_path, monkeypatch, "ZR", regional)
    form = companies["name"].str.rsplit(" ", n=1).str[1]
    assert set(form[companies["region"] == "Bayern"]) == {"GmbH", "KG"}
    assert set(form[companies["region"] != "Bayern"]) == {"GmbH"}


@pytest.mark.parametrize(
    ("file", "rows"),
    [
        ("streets.csv", "street,region,weight\nHauptstraße,Atlantis,9\n"),
        ("legal_form_sizes.csv", "form,size_class,industry,region,weight\nGmbH,micro,,,9\nKG,small,,Atlantis,5\n"),
    ],
)
def test_a_row_s_region_must_be_a_region_of_the_cities(tmp_path: Path, file: str, rows: str):
    def wrong(folder: Path) -> None:
        (folder / file).write_text(rows, "utf-8")

    with pytest.raises(LocaleError, match=f"{file}: region 'Atlantis'"):
        validate_locale_dir(_own_market(tmp_path, "ZT", wrong) / "ZT")


def test_first_names_pair_with_their_surname_s_origin(tmp_path: Path, monkeypatch):
    def origins(folder: Path) -> None:
        (folder / "first_names.csv").write_text(
            "name,gender,origin,weight\nAnna,F,de,9\nKlaus,M,de,9\nAyşe,F,tr,5\nMehmet,M,tr,5\nKim,F,,2\n", "utf-8"
        )
        (folder / "last_names.csv").write_text("name,origin,weight\nSchmidt,de,9\nYılmaz,tr,5\nMeier,,4\n", "utf-8")

    root = _own_market(tmp_path, "ZS", origins)
    validate_locale_dir(root / "ZS")
    monkeypatch.setenv("DEMOGEN_LOCALES_PATH", str(root))
    contacts = _contacts_of("ZS")
    first_of = {name: set(rows) for name, rows in contacts.groupby("last_name")["first_name"]}
    assert first_of["Yılmaz"] <= {"Ayşe", "Mehmet", "Kim"} and {"Ayşe", "Mehmet"} <= first_of["Yılmaz"]
    assert first_of["Schmidt"] <= {"Anna", "Klaus", "Kim"}
    assert {"Anna", "Mehmet"} <= first_of["Meier"]  # a surname of no stated origin goes with any first name
    assert (contacts["gender"] == contacts["first_name"].map({"Anna": "F", "Ayşe": "F", "Kim": "F"}).fillna("M")).all()


def test_a_name_whose_ascii_form_spells_a_giveaway_word_is_left_out(tmp_path: Path, monkeypatch):
    def accented(folder: Path) -> None:
        (folder / "first_names.csv").write_text("name,gender,weight\nDemóstenes,M,9\nAnna,F,5\nPaulo,M,4\n", "utf-8")

    monkeypatch.setenv("DEMOGEN_LOCALES_PATH", str(_own_market(tmp_path, "ZR", accented)))
    assert load_locale("ZR").first_names.texts("name") == ["Anna", "Paulo"]
