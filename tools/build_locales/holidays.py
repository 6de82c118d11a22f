"""Public holidays and regional time zones of each market, from the `holidays` package, written as locale data.

Generation reads only the written files, so a tenant's bytes never depend on the installed `holidays` version (its
data changes as laws and corrections land); the dates are those of the version this script ran with, recorded in
docs/STORY.md. `regions.csv` maps each region of cities.csv (US state, GB county, German Land) to the time zone
its companies work in and the holiday subdivision they observe.

    python -m tools.build_locales.holidays [CC ...]

Each market gives its regions' zones and subdivisions in its builder module (`market.spec`:
`region_zones(regions) -> {region: (time zone, holiday subdivision or "")}`).
"""

from __future__ import annotations

import csv
import io
import sys

import holidays

from tools.build_locales import market
from tools.build_locales.common import LOCALES_DIR

YEARS = range(2000, 2051)
"""Every tenant dated 2002-2048 (history, reps who joined before it, tasks ahead) has its holidays."""


def _regions(code: str) -> dict[str, tuple[str, str]]:
    """Region of cities.csv -> (time zone, holiday subdivision or "")."""
    with (LOCALES_DIR / code / "cities.csv").open(encoding="utf-8", newline="") as handle:
        regions = sorted({row["region"] for row in csv.DictReader(handle)})
    return market.spec(code).region_zones(regions)


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
