"""The Streamlit app through AppTest: every page renders, widgets drive the recipe and the charts, bad input changes
nothing, a push to SQLite succeeds with the recipe's digest, and a link reproduces the recipe."""

from __future__ import annotations

import json
import time

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, cli_digest
from demogen import ui
from demogen.tuning import decode_recipe, dump_toml, encode_recipe, with_value

PAGES = [
    "pages/deals.py",
    "pages/names.py",
    "pages/preview.py",
    "pages/compare.py",
    "pages/push.py",
    "pages/jobs.py",
    "pages/recipes.py",
]


@pytest.fixture
def app(tmp_path, monkeypatch):
    """A fresh app session on a throwaway SQLite database and recipe shelf, run once on its default page."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEMOGEN_DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("DEMOGEN_RECIPES_DIR", str(tmp_path / "recipes"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def recipe_of(at: AppTest):
    return at.session_state[ui.RECIPE]


def figure(at: AppTest, index: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def widget(elements, key: str):
    return next(e for e in elements if e.key == key)


def open_section(at: AppTest, key: str) -> None:
    """Open a section that builds its widgets only while it is open (`ui.lazy_section`), as a click would."""
    at.session_state[f"section:{key}"] = True
    at.run()


def set_companies(at: AppTest, companies: int) -> None:
    at.switch_page("pages/deals.py").run()
    open_section(at, "deals.volume")
    widget(at.number_input, ui.WIDGET_PREFIX + "volume.companies").set_value(companies).run()
    assert recipe_of(at).volume.companies == companies


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_an_exception(app, page):
    if page != "pages/deals.py":
        app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value
    assert not app.error, [e.value for e in app.error]


def test_the_alpha_widget_changes_the_recipe_and_the_amount_chart(app):
    before = figure(app)
    widget(app.number_input, ui.WIDGET_PREFIX + "deals.amount.alpha").set_value(2.5).run()
    assert recipe_of(app).deals.amount.law.alpha == 2.5
    after = figure(app)
    assert after["data"] != before["data"]
    assert decode_recipe(app.query_params["recipe"]) == recipe_of(app)


def test_the_top_20_percent_control_solves_for_alpha(app):
    law = recipe_of(app).deals.amount.law
    key = f"deals.top20.{law.alpha}"
    widget(app.number_input, key).set_value(60.0).run()
    solved = recipe_of(app).deals.amount.law
    assert solved.alpha != law.alpha
    assert solved.top_share(0.2) == pytest.approx(0.60, abs=0.002)


def test_an_invalid_value_shows_the_recipe_error_and_changes_nothing(app):
    before = recipe_of(app)
    widget(app.number_input, ui.WIDGET_PREFIX + "deals.amount.cap").set_value(10.0).run()
    assert recipe_of(app) == before
    assert any("cap" in e.value and "—" in e.value for e in app.error), [e.value for e in app.error]


def test_switching_the_amount_law_keeps_the_bounds(app):
    widget(app.selectbox, ui.WIDGET_PREFIX + "deals.amount.dist").set_value("lognormal").run()
    law = recipe_of(app).deals.amount.law
    assert law.dist == "lognormal"
    assert law.support() == (2000.0, 2_000_000.0)


def test_the_recipe_survives_page_switches(app):
    set_companies(app, 77)
    for page in PAGES[1:]:
        app.switch_page(page).run()
    app.switch_page("pages/deals.py").run()
    assert recipe_of(app).volume.companies == 77
    open_section(app, "deals.volume")
    assert widget(app.number_input, ui.WIDGET_PREFIX + "volume.companies").value == 77


def test_a_link_reproduces_the_recipe(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shared = with_value(with_value(decode_recipe(_default_token()), "seed", 42), "volume.companies", 123)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["recipe"] = encode_recipe(shared)
    at.run()
    assert recipe_of(at) == shared


def test_a_damaged_link_says_so_and_uses_the_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["recipe"] = "not-a-recipe"
    at.run()
    assert not at.exception
    assert any("link" in e.value for e in at.sidebar.error)
    assert recipe_of(at).tenant.name == "Northwind Traders"


def _default_token() -> str:
    from demogen.recipe import load_recipe

    return encode_recipe(load_recipe(ROOT / "configs" / "default.toml", today=ui.today()))


def test_a_bad_uploaded_recipe_shows_its_error_and_changes_nothing(app):
    app.switch_page("pages/recipes.py").run()
    before = recipe_of(app)
    bad = dump_toml(before).replace("companies = 500", "companies = 0").encode()
    app.get("file_uploader")[0].upload("bad.toml", bad, "application/toml")
    app.run()
    assert recipe_of(app) == before
    assert any("volume.companies" in e.value and "nothing changed" in e.value for e in app.error)


def test_an_uploaded_recipe_replaces_the_recipe_and_the_widgets(app):
    set_companies(app, 90)
    app.switch_page("pages/recipes.py").run()
    uploaded = with_value(recipe_of(app), "volume.companies", 33)
    app.get("file_uploader")[0].upload("mine.toml", dump_toml(uploaded).encode(), "application/toml")
    app.run()
    assert recipe_of(app) == uploaded
    app.switch_page("pages/deals.py").run()
    open_section(app, "deals.volume")
    assert widget(app.number_input, ui.WIDGET_PREFIX + "volume.companies").value == 33


def test_a_saved_recipe_loads_back(app):
    set_companies(app, 41)
    app.switch_page("pages/recipes.py").run()
    widget(app.text_input, "recipes.save_name").set_value("small one").run()
    widget(app.button, "recipes.save").click().run()
    saved = recipe_of(app)
    set_companies(app, 500)
    app.switch_page("pages/recipes.py").run()
    widget(app.selectbox, "recipes.chosen").set_value("saved: small one").run()
    widget(app.button, "recipes.load").click().run()
    assert recipe_of(app) == saved


def test_compare_overlays_two_seeds(app):
    app.switch_page("pages/compare.py").run()
    amounts = figure(app)
    names = {trace.get("name", "") for trace in amounts["data"]}
    assert any("seed 1" in n for n in names) and any("seed 2" in n for n in names), names


def test_a_push_to_sqlite_succeeds_with_the_digest_of_the_downloaded_recipe(app, tmp_path):
    set_companies(app, 40)
    app.switch_page("pages/recipes.py").run()
    downloaded = tmp_path / "downloaded.toml"
    downloaded.write_text(app.code[0].value, encoding="utf-8")
    app.switch_page("pages/push.py").run()
    widget(app.button, "push.open").click().run()
    widget(app.button, "push.go").click().run()
    deadline = time.monotonic() + 90
    while not app.success and time.monotonic() < deadline:
        assert not app.exception and not app.error, [e.value for e in (*app.exception, *app.error)]
        time.sleep(0.5)
        app.run()
    assert any("succeeded" in s.value for s in app.success), [e.value for e in app.error]
    shown = next(m.value for m in app.markdown if m.value.startswith("Data digest"))
    expected = cli_digest(downloaded)
    assert expected in shown
    app.run()
    assert widget(app.button, "push.open").disabled, "a second push of the same tenant must be refused"


def test_an_unsupported_market_shows_the_fallback_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with_other = with_value(decode_recipe(_default_token()), "locales", {"KE": 0.5, "US": 0.5})  # Kenya: not shipped
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["recipe"] = encode_recipe(with_other)
    at.run()
    at.switch_page("pages/names.py").run()
    assert any("KE" in w.value and "US data" in w.value for w in at.main.warning), [w.value for w in at.warning]


def test_jobs_and_tenants_check_and_delete_with_confirmation(app, tmp_path):
    from demogen.dataset import build_plan
    from demogen.db.catalog import list_tenants
    from demogen.db.session import open_database
    from demogen.db.writer import push

    engine = open_database(f"sqlite:///{tmp_path / 'app.db'}")
    push(engine, build_plan(with_value(recipe_of(app), "volume.companies", 20)), "Harbor Lines")
    app.switch_page("pages/jobs.py").run()
    widget(app.button, "tenants.check").click().run()
    assert any("no violations" in s.value for s in app.success)
    widget(app.button, "tenants.delete").click().run()
    assert [t.name for t in list_tenants(engine)] == ["Harbor Lines"], "nothing is deleted before the confirmation"
    widget(app.button, "tenants.delete.go").click().run()
    assert list_tenants(engine) == []
    assert any("Deleted" in s.value for s in app.success)


def test_an_uploaded_name_list_shows_at_once_and_a_bad_one_names_line_and_column(app):
    app.switch_page("pages/names.py").run()
    widget(app.selectbox, "names.market").set_value("US").run()
    widget(app.selectbox, "names.kind").set_value("last_names").run()
    before = recipe_of(app)
    uploader = next(u for u in app.get("file_uploader") if u.proto.label.startswith("CSV of surnames for US"))
    uploader.upload("bad.csv", b"name,weight\nOkonkwo,12\nAdeyemi,many\n", "text/csv").run()
    assert recipe_of(app) == before
    assert any("line 3, column weight" in e.value and "nothing changed" in e.value for e in app.error)
    uploader = next(u for u in app.get("file_uploader") if u.proto.label.startswith("CSV of surnames for US"))
    uploader.upload("mine.csv", b"name,weight\nOkonkwo,12\nAdeyemi,30\nNakamura,5\n", "text/csv").run()
    own = recipe_of(app).names["US"].last_names
    assert [n.name for n in own] == ["Adeyemi", "Okonkwo", "Nakamura"]
    charts = range(len(app.get("plotly_chart")))
    shown = {label for index in charts for label in figure(app, index)["data"][0].get("y", [])}
    assert {"Adeyemi", "Okonkwo", "Nakamura"} <= shown


def test_a_running_push_can_be_stopped_from_the_app_and_leaves_nothing(app, tmp_path):
    from demogen.db import jobs
    from demogen.db.catalog import list_tenants
    from demogen.db.session import open_database

    set_companies(app, 12000)
    app.switch_page("pages/push.py").run()
    widget(app.button, "push.open").click().run()
    widget(app.button, "push.go").click().run()
    engine = open_database(f"sqlite:///{tmp_path / 'app.db'}")
    job_id = app.session_state["push.job"]["id"]
    deadline = time.monotonic() + 60
    while jobs.get_job(engine, job_id).status != "running" and time.monotonic() < deadline:
        time.sleep(0.2)
    widget(app.button, "push.stop").click().run()
    while jobs.get_job(engine, job_id).status in jobs.ACTIVE and time.monotonic() < deadline:
        time.sleep(0.3)
    assert jobs.get_job(engine, job_id).status == "cancelled"
    assert jobs.wait_stopped(engine, job_id, timeout=30)
    assert list_tenants(engine) == []
    app.switch_page("pages/jobs.py").run()
    assert widget(app.button, "jobs.retry").disabled is False  # a cancelled job can run again


def test_the_story_controls_edit_the_recipe_and_the_story_shows_on_preview_and_compare(app):
    app.switch_page("pages/deals.py").run()
    widget(app.slider, ui.WIDGET_PREFIX + "deals.growth_per_year").set_value(0.5).run()
    widget(app.selectbox, ui.WIDGET_PREFIX + "vendor.sells").set_value("machinery").run()
    assert recipe_of(app).deals.growth_per_year == 0.5 and recipe_of(app).vendor.sells == "machinery"
    for page in ("pages/preview.py", "pages/compare.py"):
        app.switch_page(page).run()
        assert not app.exception, [e.value for e in app.exception]
        tables = [frame.value for frame in app.dataframe if "metric" in frame.value.columns]
        story = next(table for table in tables if "Deals owned by the admin" in set(table["metric"]))
        assert story.set_index("metric").iloc[:, 0]["Deals owned by the admin"] == "0"


def _route_mail(app, domain: str) -> None:
    """Type into the sidebar's mail-domain field (AppTest keeps the sidebar only in the tree of the first run)."""
    widget(app.text_input, ui.WIDGET_PREFIX + "tenant.route_email_to").input(domain).run()


def test_mail_routing_sends_every_address_to_the_users_domain(app):
    _route_mail(app, "mail.northwind-crm.io")
    current = recipe_of(app)
    assert current.tenant.route_email_to == "mail.northwind-crm.io"
    contacts = ui.sample_frames(current.canonical_json())["contacts"]
    assert contacts["email"].str.endswith("@mail.northwind-crm.io").all()


def test_a_mail_domain_that_is_not_one_is_refused_with_its_error(app):
    _route_mail(app, "not a domain")
    assert recipe_of(app).tenant.route_email_to is None
    assert "is not a domain name" in app.session_state[ui.ERRORS]["tenant.route_email_to"]  # shown under the field


def test_closed_sections_build_no_widgets_and_open_ones_show_the_recipe_s_values(app):
    keys = {e.key for e in app.slider} | {e.key for e in app.number_input}
    assert ui.WIDGET_PREFIX + "volume.companies" not in keys and ui.WIDGET_PREFIX + "activities.lunch_dip" not in keys
    open_section(app, "deals.volume")
    assert widget(app.number_input, ui.WIDGET_PREFIX + "volume.companies").value == recipe_of(app).volume.companies
    tables = len(app.get("dataframe"))
    open_section(app, "deals.stages")
    assert len(app.get("dataframe")) == tables + 1  # the stage editor


def test_working_time_is_editable(app):
    open_section(app, "deals.working_time")
    widget(app.slider, ui.WIDGET_PREFIX + "activities.holiday_share").set_value(0.2).run()
    widget(app.slider, ui.WIDGET_PREFIX + "activities.working_hours").set_value((9, 17)).run()
    current = recipe_of(app)
    assert current.activities.holiday_share == 0.2 and tuple(current.activities.working_hours) == (9, 17)


def test_deal_types_and_industries_edit_the_recipe_only_when_changed(app, tmp_path, monkeypatch):
    before = recipe_of(app).canonical_json()
    app.run()
    assert recipe_of(app).canonical_json() == before, "untouched editors must leave the recipe as it was"
    monkeypatch.chdir(tmp_path)
    own = with_value(decode_recipe(_default_token()), "vendor.deal_types", {"renewal": {"price": 0.5}})
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["recipe"] = encode_recipe(own)
    at.run()
    shown = next(t.value for t in at.dataframe if "deal type" in t.value.columns).set_index("deal type")
    assert shown.loc["renewal", "price"] == 0.5 and shown.loc["expansion", "price"] == 0.35  # its own, the default
    assert recipe_of(at).vendor.deal_types["renewal"].price == 0.5


def _leaf_paths(mapping: dict, prefix: str = "") -> list[str]:
    paths = []
    for key, value in mapping.items():
        path = f"{prefix}{key}"
        paths += _leaf_paths(value, f"{path}.") if isinstance(value, dict) and value else [path]
    return paths


def test_every_key_of_the_recipe_has_a_control_in_the_app(app):
    """A new recipe key without a control would be a setting product people cannot tune: each key's widget (or the
    table editor or name-list upload it belongs to) is built on some page once its section is open."""
    built, uploads = set(), set()

    def collect() -> None:  # a page's widgets leave the session state when another page runs
        built.update(key.removeprefix(ui.WIDGET_PREFIX) for key in app._session_state.filtered_state)
        uploads.update(e.key for e in app.file_uploader)

    collect()  # the sidebar
    for page, sections in (
        ("pages/deals.py", ("deals.volume", "deals.stages", "deals.working_time")),
        ("pages/names.py", ()),
        ("pages/push.py", ()),
    ):
        app.switch_page(page).run()
        for section in sections:
            open_section(app, section)
            collect()
        collect()
    tables = {key.removesuffix(".base") for key in built if key.endswith(".base")}
    data = recipe_of(app).model_dump(mode="json", by_alias=True)
    data["locales"] = {"strict": data.pop("strict_locales")}  # the market rows are the locales table
    data["deals"]["amount"] = {**data["deals"]["amount"].pop("law"), **data["deals"]["amount"]}
    data["pipeline"]["stages"] = None
    for law in (data["companies"]["employees"], data["deals"]["sales_cycle_days"]):
        del law["dist"]  # log-normal is their only kind
    assert any(key.startswith("names.upload.") for key in uploads)  # [names]: own name lists, uploaded
    data.pop("names")
    missing = [path for path in _leaf_paths(data) if path not in built and not any(path.startswith(t) for t in tables)]
    assert missing == [], missing


def test_the_home_market_history_and_limits_edit_the_recipe(app):
    app.switch_page("pages/names.py").run()
    widget(app.selectbox, ui.WIDGET_PREFIX + "tenant.country").set_value("DE").run()
    widget(app.text_input, ui.WIDGET_PREFIX + "tenant.domain").input("Vertrieb-Nord.de").run()
    current = recipe_of(app)
    assert (current.tenant.country, current.tenant.domain) == ("DE", "vertrieb-nord.de")
    users = ui.sample_frames(current.canonical_json())["users"]
    assert users["email"].str.endswith("@vertrieb-nord.de").all()
    set_companies(app, 40)
    widget(app.number_input, ui.WIDGET_PREFIX + "tenant.history_months").set_value(6).run()
    deals = ui.sample_frames(recipe_of(app).canonical_json())["deals"]
    assert deals["created_at"].min() >= pd.Timestamp(recipe_of(app).as_of) - pd.DateOffset(months=6, days=1)
    app.switch_page("pages/push.py").run()
    widget(app.number_input, ui.WIDGET_PREFIX + "limits.timeout_seconds").set_value(120.0).run()
    assert recipe_of(app).limits.timeout_seconds == 120
