"""Dates in the standard forms read without dateparser come out as dateparser reads them."""

from __future__ import annotations

import random
from datetime import datetime

from copydesk_html.metadata import _dateparser, iso_date, standard_date

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def dates_in_standard_forms(count: int) -> list[str]:
    """Mail/HTTP dates (some with a wrong weekday), ISO 8601 with GMT, and English dates in words."""
    pick = random.Random(7)
    values = []
    for i in range(count):
        day = (pick.randint(1995, 2030), pick.randint(1, 12), pick.randint(1, 28))
        d = datetime(*day, pick.randint(0, 23), pick.randint(0, 59), pick.randint(0, 59))
        month = MONTHS[d.month - 1]
        weekday = WEEKDAYS[d.weekday()] if i % 3 else pick.choice(WEEKDAYS)
        zone = pick.choice(["GMT", "UTC", "+0000", "-0000", "-0600", "+0530", "+1400"])
        clock = f"{d:%H:%M}" + (f":{d:%S}" if i % 2 else "")
        values += [
            f"{weekday}, {d:%d} {month[:3]} {d.year} {clock} {zone}",
            f"{d.day} {month[:3]} {d.year} {clock} {zone}",
            f"{d:%Y-%m-%d} {clock}{pick.choice([' GMT', ' UTC', 'GMT'])}",
            f"{month if i % 2 else month[:3]} {d.day}, {d.year}",
            f"{month if i % 2 else month[:3]} {d.day}, {d.year} {d:%H:%M}",
        ]
    return values


def test_standard_forms_read_as_dateparser_reads_them() -> None:
    settings = {"PREFER_DAY_OF_MONTH": "first", "PARSERS": ["timestamp", "absolute-time"]}
    for value in dates_in_standard_forms(30):
        fast = standard_date(value)
        assert fast is not None, value
        assert fast.isoformat() == _dateparser().parse(value, settings=settings).isoformat(), value


def test_impossible_dates_in_standard_forms_are_left_to_dateparser() -> None:
    impossible = ["31 Feb 2020 10:00 GMT", "February 30, 2020", "Tue, 19 Nov 2019 25:05:46 GMT"]
    unknown = ["Tue, 19 Nov 2019 03:05:46 +0099", "3 Foo 2020 10:00 GMT", "Mai 3, 2020"]
    for value in impossible + unknown:
        assert standard_date(value) is None, value
    assert iso_date("February 30, 2020") is None


def test_other_forms_still_go_to_dateparser() -> None:
    assert standard_date("November 19, 2019, 07:47 PM EST") is None
    assert iso_date("November 19, 2019, 07:47 PM EST") == "2019-11-19T19:47:00-05:00"
    assert iso_date("19 Nov 2019 07:09 GMT") == "2019-11-19T07:09:00+00:00"
    assert iso_date("November 19, 2019") == "2019-11-19T00:00:00"
