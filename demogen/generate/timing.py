"""Times people work at: business days and hours in a market's time zone, stored as UTC seconds."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import numpy as np

from demogen.rng import BlockStreams

SECONDS_PER_DAY = 86_400


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
    zone, epoch_noon = ZoneInfo(timezone), dt.datetime(1970, 1, 1, 12)
    noons = (epoch_noon + dt.timedelta(days=day) for day in range(first_day, last_day + 1))
    return np.array(
        [noon.replace(tzinfo=zone).utcoffset() // dt.timedelta(seconds=1) for noon in noons], dtype=np.int64
    )


@dataclass(frozen=True)
class Place:
    """Where people work: a time zone and the public holidays they observe (days since the epoch)."""

    timezone: str
    holidays: tuple[int, ...] = ()  # ascending


@dataclass(frozen=True)
class WorkingClock:
    """Working hours and days at a set of places (place index per row) over a range of days.

    Weekends and public holidays are moved to a working day, except for a drawn share (`weekend_share`,
    `holiday_share`: how much of a working day's work still happens then); within the day, the lunch hour
    carries `1 - lunch_dip` of an ordinary hour's work.
    """

    places: tuple[Place, ...]
    working_hours: tuple[int, int]
    weekend_share: float
    first_day: int
    last_day: int
    holiday_share: float = 1.0
    lunch: tuple[int, float] = (12, 0.0)  # (lunch hour, lunch dip)

    @functools.cached_property
    def _offsets(self) -> np.ndarray:
        return np.stack([utc_offsets(place.timezone, self.first_day, self.last_day) for place in self.places])

    @functools.cached_property
    def _next_working_day(self) -> np.ndarray:
        """Per place and day (index from first_day), the first day from then on that is no weekend or holiday."""
        days = np.arange(self.first_day, self.last_day + 1, dtype=np.int64)
        out = np.empty((len(self.places), len(days)), dtype=np.int64)
        for index, place in enumerate(self.places):
            working = ((days + 3) % 7 < 5) & ~np.isin(days, np.array(place.holidays, dtype=np.int64))
            ahead = np.where(working, days, self.last_day)[::-1]
            out[index] = np.minimum.accumulate(ahead)[::-1]
        return out

    @functools.cached_property
    def _any_holiday(self) -> np.ndarray:
        """Per day (index from first_day), whether it is a holiday at any place: the rows worth a closer look."""
        days = np.arange(self.first_day, self.last_day + 1, dtype=np.int64)
        return (self._next_working_day != days).any(axis=0) & ((days + 3) % 7 < 5)

    def _working_minute(self, u: np.ndarray) -> np.ndarray:
        """Minutes into the working day by the inverse CDF of a density that is flat except for the lunch hour,
        which weighs `1 - lunch_dip` of an hour."""
        start, end = self.working_hours
        lunch, weight = self.lunch[0] - start, 1.0 - self.lunch[1]
        if not 0 <= lunch < end - start or (weight == 0 and end - start == 1):
            lunch, weight = end - start, 1.0
        t = u * (end - start - 1 + weight)
        inside = lunch + (t - lunch) / max(weight, 1e-12)
        hours = np.where(t < lunch, t, np.where(t < lunch + weight, inside, t + 1 - weight))
        return np.minimum(np.floor(hours * 60), (end - start) * 60 - 1).astype(np.int64)

    def moment(self, days: np.ndarray, streams: BlockStreams, column: str, place: np.ndarray) -> np.ndarray:
        """A minute within working hours on each local day (moved off weekends and holidays unless drawn to stay),
        in UTC seconds."""
        n = len(days)
        stay = streams.uniform(f"{column}_weekend", n)  # a day is a weekend or a holiday: one draw decides both
        keep_weekend = stay < self.weekend_share
        day = shift_to_weekday(np.asarray(days, dtype=np.int64), keep_weekend)
        index = np.clip(day - self.first_day, 0, self.last_day - self.first_day)
        if self.holiday_share < 1:
            rows = np.flatnonzero(self._any_holiday[index] & (stay >= self.holiday_share) & ~keep_weekend)
            rows = rows[(day[rows] >= self.first_day) & (day[rows] <= self.last_day)]
            day[rows] = self._next_working_day[place[rows], index[rows]]  # the same day where it is no holiday
            index[rows] = np.clip(day[rows] - self.first_day, 0, self.last_day - self.first_day)
        minute = self._working_minute(streams.uniform(f"{column}_minute", n))
        local = day * SECONDS_PER_DAY + self.working_hours[0] * 3600 + minute * 60
        return local - self._offsets[place, index]
