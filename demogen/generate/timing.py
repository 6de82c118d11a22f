"""Times people work at: business days and hours in a market's time zone, stored as UTC seconds."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from demogen.rng import BlockStreams

SECONDS_PER_DAY = 86_400


def shift_to_weekday(days: np.ndarray, keep_weekend: np.ndarray) -> np.ndarray:
    """Move Saturdays to Friday and Sundays to Monday, except rows marked to stay on the weekend."""
    weekday = (days + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
    shift = np.where(weekday == 5, -1, np.where(weekday == 6, 1, 0))
    return days + np.where(keep_weekend, 0, shift)


def local_to_utc(local_seconds: np.ndarray, timezone: str) -> np.ndarray:
    """Wall-clock seconds in `timezone` -> UTC seconds (business hours never fall in a DST gap or fold)."""
    if len(local_seconds) == 0:
        return local_seconds.astype(np.int64)
    stamps = pd.to_datetime(local_seconds, unit="s").tz_localize(
        timezone, ambiguous=np.zeros(len(local_seconds), dtype=bool), nonexistent="shift_forward"
    )
    return stamps.tz_convert("UTC").as_unit("s").asi8.astype(np.int64)


@dataclass(frozen=True)
class WorkingClock:
    """Working hours and days in a set of time zones (zone index per row)."""

    zones: tuple[str, ...]
    working_hours: tuple[int, int]
    weekend_share: float

    def moment(self, days: np.ndarray, streams: BlockStreams, column: str, zone: np.ndarray) -> np.ndarray:
        """A minute within working hours on each local day (moved off weekends unless drawn), in UTC seconds."""
        n = len(days)
        start, end = self.working_hours
        keep_weekend = streams.uniform(f"{column}_weekend", n) < self.weekend_share
        day = shift_to_weekday(np.asarray(days, dtype=np.int64), keep_weekend)
        minute = np.floor(streams.uniform(f"{column}_minute", n) * (end - start) * 60).astype(np.int64)
        local = day * SECONDS_PER_DAY + start * 3600 + minute * 60
        out = np.empty(n, dtype=np.int64)
        for zone_index, name in enumerate(self.zones):
            rows = zone == zone_index
            if rows.any():
                out[rows] = local_to_utc(local[rows], name)
        return out
