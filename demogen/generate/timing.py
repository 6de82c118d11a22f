"""Times people work at: business days and hours in a market's time zone, stored as UTC seconds."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from demogen.rng import BlockStreams

SECONDS_PER_DAY = 86_400
NOON = 12 * 3600


def shift_to_weekday(days: np.ndarray, keep_weekend: np.ndarray) -> np.ndarray:
    """Move Saturdays to Friday and Sundays to Monday, except rows marked to stay on the weekend."""
    weekday = (days + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    shift = np.where(weekday == 5, -1, np.where(weekday == 6, 1, 0))
    return days + np.where(keep_weekend, 0, shift)


@functools.lru_cache(maxsize=64)
def utc_offsets(timezone: str, first_day: int, last_day: int) -> np.ndarray:
    """UTC offset (seconds) in effect at local noon of each day: the offset of the whole working day.

    DST switches happen at night, so one lookup per day converts every working-hours moment exactly.
    """
    noon = (np.arange(first_day, last_day + 1, dtype=np.int64) * SECONDS_PER_DAY + NOON) * 1_000_000_000
    local = pd.DatetimeIndex(noon.astype("datetime64[ns]"))
    aware = local.tz_localize(timezone, ambiguous=np.zeros(len(local), dtype=bool), nonexistent="shift_forward")
    return (local.asi8 - aware.tz_convert("UTC").tz_localize(None).asi8) // 1_000_000_000


@dataclass(frozen=True)
class WorkingClock:
    """Working hours and days in a set of time zones (zone index per row) over a range of days."""

    zones: tuple[str, ...]
    working_hours: tuple[int, int]
    weekend_share: float
    first_day: int
    last_day: int

    @functools.cached_property
    def _offsets(self) -> np.ndarray:
        return np.stack([utc_offsets(zone, self.first_day, self.last_day) for zone in self.zones])

    def moment(self, days: np.ndarray, streams: BlockStreams, column: str, zone: np.ndarray) -> np.ndarray:
        """A minute within working hours on each local day (moved off weekends unless drawn), in UTC seconds."""
        n = len(days)
        start, end = self.working_hours
        keep_weekend = streams.uniform(f"{column}_weekend", n) < self.weekend_share
        day = shift_to_weekday(np.asarray(days, dtype=np.int64), keep_weekend)
        minute = np.floor(streams.uniform(f"{column}_minute", n) * (end - start) * 60).astype(np.int64)
        local = day * SECONDS_PER_DAY + start * 3600 + minute * 60
        index = np.clip(day - self.first_day, 0, self.last_day - self.first_day)
        return local - self._offsets[zone, index]
