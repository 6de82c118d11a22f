"""Working-time moments land on local working days and hours, across daylight-saving changes."""

import datetime as dt

import numpy as np
import pandas as pd

from demogen.generate.timing import Place, WorkingClock, utc_offsets
from demogen.rng import BlockStreams


def day(text: str) -> int:
    return (dt.date.fromisoformat(text) - dt.date(1970, 1, 1)).days


def test_offsets_follow_daylight_saving_time():
    first = day("2026-01-01")
    offsets = utc_offsets("Europe/Berlin", first, first + 365)
    assert offsets[day("2026-01-15") - first] == 3600
    assert offsets[day("2026-07-15") - first] == 7200
    assert utc_offsets("America/New_York", first, first + 10)[0] == -5 * 3600


def test_moments_are_local_working_hours_on_weekdays():
    zones = ("America/New_York", "Europe/London", "Europe/Berlin")
    clock = WorkingClock(tuple(Place(zone) for zone in zones), (9, 17), 0.0, day("2025-01-01"), day("2027-01-01"))
    n = 3000
    streams = BlockStreams(1, "activities", 0)
    days = day("2025-06-01") + streams.below("d", n, 500)
    zone = streams.below("z", n, 3)
    moments = clock.moment(days, streams, "due", zone)
    for index, name in enumerate(zones):
        local = pd.to_datetime(moments[zone == index], unit="s", utc=True).tz_convert(name)
        assert (local.hour >= 9).all() and (local.hour < 17).all()
        assert (local.day_of_week < 5).all()
    assert np.all(moments % 60 == 0)
