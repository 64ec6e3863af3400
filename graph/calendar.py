"""Working days, for deadlines stated in working days (工作日) by the regulations.

Weekends never count. Public holidays and make-up working days change every year and are not in
the seeds, so they are settings (`PUBLIC_HOLIDAYS`, `MAKEUP_WORKDAYS`), not code.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta


def is_working_day(
    day: date, holidays: Collection[date] = (), makeup: Collection[date] = ()
) -> bool:
    if day in makeup:
        return True
    return day.weekday() < 5 and day not in holidays


def working_days_between(
    start: date, end: date, holidays: Collection[date] = (), makeup: Collection[date] = ()
) -> int:
    """Working days after `start` up to and including `end` (0 when `end` <= `start`)."""
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, holidays, makeup):
            days += 1
    return days
