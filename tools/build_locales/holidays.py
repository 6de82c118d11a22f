"""Public holidays and regional time zones of each market, from the `holidays` package, written as locale data.

Generation reads only the written files, so a tenant's bytes never depend on the installed `holidays` version (its
data changes as laws and corrections land; docs/STORY.md records the version). `regions.csv` maps each region of
cities.csv to the time zone its companies work in and the holiday subdivision they observe, as the market's
builder module or its data/<cc>.toml gives them (`region_zones(cc, regions) -> {region: (zone, subdivision or "")}`).

    python -m tools.build_locales.holidays [CC ...]
"""

from __future__ import annotations

import csv
import sys

import holidays

from tools.build_locales import market
from tools.build_locales.common import LOCALES_DIR, write_csv

YEARS = range(2000, 2051)
"""Every tenant dated 2002-2048 (history, reps who joined before it, tasks ahead) has its holidays."""


def _holidays(code: str, subdivisions: set[str]) -> list[tuple[str, str, str]]:
    """(date, subdivision, name): nationwide days once (subdivision ""), each subdivision's extra days."""
    national = holidays.country_holidays(code, years=YEARS)
    rows = [(day.isoformat(), "", name) for day, name in national.items()]
    for subdivision in sorted(subdivisions - {""}):
        regional = holidays.country_holidays(code, subdiv=subdivision, years=YEARS)
        rows += [(day.isoformat(), subdivision, name) for day, name in regional.items() if day not in national]
    return sorted(rows)


def region_zones(code: str, regions: list[str]) -> dict[str, tuple[str, str]]:
    """Each region's (time zone, subdivision): what the market's builder works out where it has `region_zones`,
    else data/<cc>.toml: the zone whose [zones] entry lists the region ("AL|AR"), else `timezone` of [regions];
    the subdivision whose [subdivisions] entry lists it, else `subdivision` of [regions] ("=": the region itself;
    "holidays": the package's subdivision of that code or name, if any; none: nationwide holidays only)."""
    builder = market.spec(code)
    if hasattr(builder, "region_zones"):
        return builder.region_zones(regions)
    data = market.vocabulary(code)
    table = data["regions"]
    zone_of, subdivision_of = (_listed(data.get(key, {})) for key in ("zones", "subdivisions"))
    default = table.get("subdivision", "")
    if default == "holidays":  # IT's provinces by sigla, IN's states by name
        country = holidays.country_holidays(code)
        subdivision_of = {**country.subdivisions_aliases, **{s: s for s in country.subdivisions}, **subdivision_of}
        default = ""
    return {
        r: (zone_of[r] if r in zone_of else table["timezone"], subdivision_of.get(r, r if default == "=" else default))
        for r in regions
    }


def _listed(groups: dict[str, str]) -> dict[str, str]:
    """{value: "region|region"} -> {region: value}."""
    return {region.strip(): value for value, regions in groups.items() for region in regions.split("|")}


def main(codes: list[str] | None = None) -> None:
    for code in codes or sys.argv[1:] or ("US", "GB", "DE"):
        with (LOCALES_DIR / code / "cities.csv").open(encoding="utf-8", newline="") as handle:
            regions = region_zones(code, sorted({row["region"] for row in csv.DictReader(handle)}))
        rows = [(region, *zone_and_subdivision) for region, zone_and_subdivision in regions.items()]
        write_csv(LOCALES_DIR / code / "regions.csv", ("region", "timezone", "subdivision"), rows)
        days = _holidays(code, {subdivision for _, subdivision in regions.values()})
        write_csv(LOCALES_DIR / code / "holidays.csv", ("date", "subdivision", "name"), days)
        print(f"{code}: {len(regions)} regions, {len(days)} holidays (holidays {holidays.__version__})")


if __name__ == "__main__":
    main()
