"""Public holidays and regional time zones of each market, from the `holidays` package, written as locale data.

Generation reads only the written files, so a tenant's bytes never depend on the installed `holidays` version (its
data changes as laws and corrections land); the dates are those of the version this script ran with, recorded in
docs/STORY.md. `regions.csv` maps each region of cities.csv (US state, GB county, German Land) to the time zone
its companies work in and the holiday subdivision they observe.

    python -m tools.build_locales.holidays [CC ...]

Markets other than US, GB and DE give their regions' zones and subdivisions in their spec module
(`region_zones(regions) -> {region: (time zone, holiday subdivision or "")}`).
"""

from __future__ import annotations

import csv
import importlib
import io
import sys

import holidays

from tools.build_locales.common import LOCALES_DIR

YEARS = range(2000, 2051)
"""Every tenant dated 2002-2048 (history, reps who joined before it, tasks ahead) has its holidays."""

US_ZONES = {
    "America/New_York": "CT DC DE FL GA MA MD ME NC NH NJ NY OH PA RI SC VA VT WV",
    "America/Detroit": "MI",
    "America/Indiana/Indianapolis": "IN",
    "America/Kentucky/Louisville": "KY",
    "America/Chicago": "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI",
    "America/Denver": "CO ID MT NM UT WY",
    "America/Phoenix": "AZ",
    "America/Los_Angeles": "CA NV OR WA",
    "America/Anchorage": "AK",
    "Pacific/Honolulu": "HI",
}
"""The zone most of each state's people live in (split states by population: Tennessee and Kansas Central,
Idaho Mountain, Florida and Kentucky Eastern). US holidays are the federal ones: businesses observe those, and
state holidays close state offices, not companies."""
GB_NATIONS = {
    "SCT": "Aberdeenshire|Angus|Argyll and Bute|Ayrshire and Arran|Banffshire|Berwickshire|Caithness|"
    "City of Aberdeen|City of Dundee|City of Edinburgh|City of Glasgow|Clackmannan|Dumfries|Dunbartonshire|"
    "East Lothian|Fife|Inverness|Kincardineshire|Lanarkshire|Midlothian|Moray|Nairn|Orkney|Perth and Kinross|"
    "Renfrewshire|Ross and Cromarty|Roxburgh, Ettrick and Lauderdale|Shetland|Stirling and Falkirk|Sutherland|"
    "The Stewartry of Kirkcudbright|Tweeddale|West Lothian|Western Isles|Wigtown",
    "WLS": "Clwyd|Dyfed|Gwent|Gwynedd|Mid Glamorgan|Powys|South Glamorgan|West Glamorgan",
    "NIR": "Northern Ireland",
}
"""GB regions are counties: Scottish, Welsh and Northern Irish ones by name, every other one English."""
DE_LANDS = {
    "Baden-Württemberg": "BW",
    "Bayern": "BY",
    "Berlin": "BE",
    "Brandenburg": "BB",
    "Bremen": "HB",
    "Hamburg": "HH",
    "Hessen": "HE",
    "Mecklenburg-Vorpommern": "MV",
    "Niedersachsen": "NI",
    "Nordrhein-Westfalen": "NW",
    "Rheinland-Pfalz": "RP",
    "Saarland": "SL",
    "Sachsen": "SN",
    "Sachsen-Anhalt": "ST",
    "Schleswig-Holstein": "SH",
    "Thüringen": "TH",
}


def _regions(code: str) -> dict[str, tuple[str, str]]:
    """Region of cities.csv -> (time zone, holiday subdivision or "")."""
    with (LOCALES_DIR / code / "cities.csv").open(encoding="utf-8", newline="") as handle:
        regions = sorted({row["region"] for row in csv.DictReader(handle)})
    if code == "US":
        zone_of = {state: zone for zone, states in US_ZONES.items() for state in states.split()}
        return {r: (zone_of[r], "") for r in regions}
    if code == "GB":
        nation_of = {c.strip(): n for n, counties in GB_NATIONS.items() for c in counties.split("|")}
        return {r: ("Europe/London", nation_of.get(r, "ENG")) for r in regions}
    if code == "DE":
        return {r: ("Europe/Berlin", DE_LANDS[r]) for r in regions}
    return importlib.import_module(f"tools.build_locales.markets.{code.lower()}").region_zones(regions)


def _holidays(code: str, subdivisions: set[str]) -> list[tuple[str, str, str]]:
    """(date, subdivision, name): nationwide days once (subdivision ""), each subdivision's extra days."""
    national = holidays.country_holidays(code, years=YEARS)
    rows = [(day.isoformat(), "", name) for day, name in national.items()]
    for subdivision in sorted(subdivisions - {""}):
        regional = holidays.country_holidays(code, subdiv=subdivision, years=YEARS)
        rows += [(day.isoformat(), subdivision, name) for day, name in regional.items() if day not in national]
    return sorted(rows)


def _write(path, header: tuple[str, ...], rows) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def main(codes: list[str] | None = None) -> None:
    for code in codes or sys.argv[1:] or ("US", "GB", "DE"):
        regions = _regions(code)
        _write(
            LOCALES_DIR / code / "regions.csv",
            ("region", "timezone", "subdivision"),
            [(r, *v) for r, v in regions.items()],
        )
        days = _holidays(code, {sub for _, sub in regions.values()})
        _write(LOCALES_DIR / code / "holidays.csv", ("date", "subdivision", "name"), days)
        print(f"{code}: {len(regions)} regions, {len(days)} holidays (holidays {holidays.__version__})")


if __name__ == "__main__":
    main()
