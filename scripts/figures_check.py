#!/usr/bin/env python3
"""The landlord's figures (issue 19), worked out again from the events.

Reads a portal's SQLite database directly: every case's events
(`case_events.record`, JSON) and, for what the events do not hold, the case's
own record as it was made (`cases.kind`, `cases.category` and the screening
kept in `cases.details`). It never reads what the server keeps beside the
events for its figures and its queue (`case_facts`, `case_stage_facts`, the
`cases` columns `stage`, `status` and `next_due`). From the events alone, with
its own calendar (weekends and GOV.UK's list of England and Wales bank
holidays, written out below) and its own reading of the definitions in the
README ("The landlord's figures (issue 19)"), it works out every figure of
`GET /api/v1/staff/figures` for each period asked for, fetches the server's
answer over HTTP (signed in as the demo administrator), and prints a table of
figure / expected / server. Exits 1 on any difference.

    scripts/figures_check.py --database PATH --base-url http://127.0.0.1:PORT \\
        --homes 2500 fy2025 fy2025-q3 2025-11

Python 3 standard library only. `scripts/check-figures` seeds a database,
starts a server on it and runs this.
"""

import argparse
import base64
import datetime as dt
import hashlib
import hmac
import http.cookiejar
import json
import sqlite3
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from fractions import Fraction

D = dt.date

# --- the calendar ----------------------------------------------------------------

# England and Wales bank holidays as GOV.UK publishes them
# (https://www.gov.uk/bank-holidays), substitute days included. The checker
# refuses any date outside these years rather than guess.
BANK_HOLIDAYS = {
    2023: [D(2023, 1, 2), D(2023, 4, 7), D(2023, 4, 10), D(2023, 5, 1), D(2023, 5, 8),
           D(2023, 5, 29), D(2023, 8, 28), D(2023, 12, 25), D(2023, 12, 26)],
    2024: [D(2024, 1, 1), D(2024, 3, 29), D(2024, 4, 1), D(2024, 5, 6), D(2024, 5, 27),
           D(2024, 8, 26), D(2024, 12, 25), D(2024, 12, 26)],
    2025: [D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26),
           D(2025, 8, 25), D(2025, 12, 25), D(2025, 12, 26)],
    2026: [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25),
           D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)],
    2027: [D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3), D(2027, 5, 31),
           D(2027, 8, 30), D(2027, 12, 27), D(2027, 12, 28)],
}
HOLIDAYS = {d for days in BANK_HOLIDAYS.values() for d in days}
ONE_DAY = dt.timedelta(days=1)


def is_working_day(d):
    if d.year not in BANK_HOLIDAYS:
        raise SystemExit(f"{d} is outside the years this checker knows the bank holidays of")
    return d.weekday() < 5 and d not in HOLIDAYS


def add_working_days(start, n):
    """The nth working day after `start` (`start` itself not counted)."""
    d = start
    while n > 0:
        d += ONE_DAY
        if is_working_day(d):
            n -= 1
    return d


def working_days_between(start, end):
    """The working days d with start < d <= end (0 when end <= start)."""
    count, d = 0, start
    while d < end:
        d += ONE_DAY
        if is_working_day(d):
            count += 1
    return count


def last_sunday(year, month):
    d = D(year, month + 1, 1) - ONE_DAY if month < 12 else D(year, 12, 31)
    while d.weekday() != 6:
        d -= ONE_DAY
    return d


def uk_date(at):
    """The UK calendar day of an RFC 3339 instant: British Summer Time (UTC+1)
    from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
    of October."""
    t = dt.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(dt.timezone.utc)
    starts = dt.datetime.combine(last_sunday(t.year, 3), dt.time(1), dt.timezone.utc)
    ends = dt.datetime.combine(last_sunday(t.year, 10), dt.time(1), dt.timezone.utc)
    return (t + dt.timedelta(hours=1) if starts <= t < ends else t).date()


# --- the cases, from their events -----------------------------------------------

STAGE_LIMITS = {1: 10, 2: 20}  # working days to respond after the acknowledgement,
EXTENSION_LIMITS = {1: 10, 2: 20}  # and the longest extension without agreement
ACKNOWLEDGE_DAYS = 5


class Stage:
    def __init__(self, number, received_on):
        self.number = number
        self.received_on = received_on
        self.acknowledged_on = None
        self.responded_on = None
        self.outcome = None
        self.extensions = []  # (made on, new date, agreed with the resident)


class Case:
    def __init__(self, case_id):
        self.id = case_id
        self.kind = None
        self.received_on = None
        self.waiting = False  # waited for a decision to take it on
        self.decision = None  # "accepted", "declined"
        self.stages = []
        self.withdrawn_on = None
        self.closed_on = None
        self.answers = []  # satisfaction: (day, satisfied), every one recorded
        self.ombudsman_on = None
        self.category = None
        self.hazard = False

    @property
    def counted(self):
        """A complaint received (CH01): taken on, not declined nor waiting."""
        return self.kind == "complaint" and (not self.waiting or self.decision == "accepted")

    @property
    def finished(self):
        return (self.closed_on is not None or self.withdrawn_on is not None
                or self.decision == "declined")


def event_day(record):
    event = record["event"]
    if event["type"] == "received":
        return D.fromisoformat(event["received_on"])
    if record.get("on"):
        return D.fromisoformat(record["on"])
    return uk_date(record["at"])


def apply(case, record):
    event, on = record["event"], event_day(record)
    kind = event["type"]
    current = case.stages[-1] if case.stages else None
    if kind == "received":
        case.kind = event["kind"]
        case.received_on = on
        if case.kind == "complaint":
            case.stages.append(Stage(1, on))
            case.waiting = bool(event.get("awaiting_decision"))
    elif case.kind != "complaint":
        return  # compliments and comments count by the day received alone
    elif kind == "accepted":
        case.decision = "accepted"
    elif kind == "declined":
        case.decision = "declined"
    elif kind == "acknowledged":
        current.acknowledged_on = on
    elif kind == "extended":
        current.extensions.append(
            (on, D.fromisoformat(event["new_date"]), bool(event.get("agreed_with_resident"))))
    elif kind == "responded":
        current.responded_on, current.outcome = on, event.get("outcome")
    elif kind == "escalation_requested":
        case.stages.append(Stage(current.number + 1, on))
    elif kind == "escalation_refused":
        case.stages.pop()  # the stage asked for was never taken on
    elif kind == "reopened_at_stage":
        # The request for the next stage is taken away and the stage before
        # is answered again (its earlier answer and extensions set aside).
        case.stages.pop()
        case.stages[-1].responded_on = case.stages[-1].outcome = None
        case.stages[-1].extensions = []
    elif kind == "satisfaction_recorded":
        case.answers.append((on, bool(event["satisfied"])))
    elif kind == "withdrawn":
        case.withdrawn_on = on
    elif kind == "closed":
        case.closed_on = on
    elif kind == "reopened":
        case.closed_on = case.withdrawn_on = None
        if case.decision == "declined":
            case.decision = None  # waits for the decision again
    elif kind == "referred_to_ombudsman":
        case.ombudsman_on = on
    elif kind.startswith("panel_"):
        raise SystemExit(f"case {case.id}: a panel ({kind}); the Code's figures have no panel "
                         "and this checker does not know how to count one")


def read_cases(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    cases = {}
    for case_id, record in db.execute("SELECT case_id, record FROM case_events ORDER BY case_id, seq"):
        case = cases.setdefault(case_id, Case(case_id))
        apply(case, json.loads(record))
    for case_id, kind, category, details in db.execute(
            "SELECT id, kind, category, details FROM cases"):
        case = cases[case_id]
        if case.kind != kind:
            raise SystemExit(f"case {case_id}: its record says {kind}, its events {case.kind}")
        case.category = category
        # What the screening kept when the complaint was raised (Awaab's Law).
        case.hazard = json.loads(details).get("hazard") is not None
    db.close()
    return list(cases.values())


# --- the Code's timescales ----------------------------------------------------------


def original_due(stage):
    """The response's due date before any extension: 10 (stage 1) or 20
    (stage 2) working days after the acknowledgement (a response that
    acknowledges the stage itself is its acknowledgement); before there is
    one, after the last day it could be acknowledged on time."""
    acknowledged = stage.acknowledged_on or stage.responded_on
    counted_from = acknowledged or add_working_days(stage.received_on, ACKNOWLEDGE_DAYS)
    return add_working_days(counted_from, STAGE_LIMITS[min(stage.number, 2)])


def extension_in_line(stage):
    """Made by the original due date, and to no more than 10 (stage 1) or 20
    (stage 2) working days beyond it, or further with the resident's agreement."""
    if not stage.extensions:
        return None
    due = original_due(stage)
    made_on = stage.extensions[0][0]
    _, new_date, agreed = stage.extensions[-1]
    longest = add_working_days(due, EXTENSION_LIMITS[min(stage.number, 2)])
    return made_on <= due and (new_date <= longest or agreed)


def within_code(stage):
    """Acknowledged within 5 working days of receipt, and answered by the due
    date (extended, where the extension was in line with the Code)."""
    acknowledged = stage.acknowledged_on or stage.responded_on
    if acknowledged > add_working_days(stage.received_on, ACKNOWLEDGE_DAYS):
        return False
    due = original_due(stage)
    if extension_in_line(stage):
        due = max(due, stage.extensions[-1][1])
    return stage.responded_on <= due


def next_due(case):
    """The earliest date something is still due from the landlord on an open
    complaint: an acknowledgement (5 working days after the stage's receipt)
    or a response (its due date as the policy counts it: 10 or 20 working
    days after the acknowledgement, or after the date it was due by when
    there is none yet; the latest extension's date once extended)."""
    if case.kind != "complaint" or case.finished:
        return None
    due = []
    for stage in case.stages:
        if stage.acknowledged_on is None and stage.responded_on is None:
            due.append(add_working_days(stage.received_on, ACKNOWLEDGE_DAYS))
        if stage.responded_on is None:
            if stage.extensions:
                due.append(stage.extensions[-1][1])
            else:
                due.append(original_due(stage))
    return min(due, default=None)


# --- the figures ----------------------------------------------------------------


def percentile(values, p):
    """Nearest rank: the smallest value with at least p% of the values at or below it."""
    if not values:
        return None
    values = sorted(values)
    rank = max(1, -(-p * len(values) // 100))
    return values[rank - 1]


def rounded(value, places):
    """A fraction to `places` decimal places, halves away from zero, as text
    without trailing zeros ("12.4", "12", "0.05")."""
    scaled = value * 10**places
    whole = int(scaled + Fraction(1, 2))
    text = f"{whole // 10**places}.{whole % 10**places:0{places}d}".rstrip("0").rstrip(".")
    return text


def per_thousand(numerator, denominator):
    """CH01: per 1,000 homes, to 2 decimal places ('' without homes)."""
    return rounded(Fraction(numerator * 1000, denominator), 2) if denominator else ""


def percent(numerator, denominator):
    """A share as a percentage to 1 decimal place ('' of nothing)."""
    return rounded(Fraction(numerator * 100, denominator), 1) if denominator else ""


def expected_figures(cases, start, end, homes, today):
    inside = lambda d: d is not None and start <= d <= end  # noqa: E731
    counted = [c for c in cases if c.counted]
    stages, by_outcome = [], {}
    for number in (1, 2):
        at = [s for c in counted for s in c.stages if s.number == number]
        answered = [s for s in at if inside(s.responded_on)]
        days = [working_days_between(s.received_on, s.responded_on) for s in answered]
        stages.append({
            "stage": number,
            "ch01": {"numerator": sum(inside(s.received_on) for s in at), "denominator": homes},
            "ch02": {"numerator": sum(within_code(s) for s in answered),
                     "denominator": len(answered)},
            "median_working_days": percentile(days, 50),
            "p90_working_days": percentile(days, 90),
        })
        for s in answered:
            if s.outcome:
                key = (number, s.outcome)
                by_outcome[key] = by_outcome.get(key, 0) + 1
    by_category = {}
    for c in counted:
        if inside(c.received_on):
            by_category[c.category] = by_category.get(c.category, 0) + 1
    extended = [s for c in counted for s in c.stages if s.extensions and inside(s.extensions[0][0])]
    answers = [a for c in counted for a in c.answers if inside(a[0])]
    return {
        "stages": stages,
        "by_category": by_category,
        "by_outcome": by_outcome,
        "overdue_now": sum(1 for c in cases if (next_due(c) or today) < today),
        "compliments": sum(c.kind == "compliment" and inside(c.received_on) for c in cases),
        "comments": sum(c.kind == "comment" and inside(c.received_on) for c in cases),
        "hazards": sum(c.kind == "complaint" and c.hazard and inside(c.received_on) for c in cases),
        "kpis": {
            "received": stages[0]["ch01"]["numerator"],
            "resolved": stages[0]["ch02"]["denominator"],
            "escalated": stages[1]["ch01"]["numerator"],
            "resolved_stage2": stages[1]["ch02"]["denominator"],
            "within_timescales": {
                "numerator": stages[0]["ch02"]["numerator"] + stages[1]["ch02"]["numerator"],
                "denominator": stages[0]["ch02"]["denominator"] + stages[1]["ch02"]["denominator"],
            },
            "extended": len(extended),
            "extensions_in_line": {"numerator": sum(extension_in_line(s) for s in extended),
                                   "denominator": len(extended)},
            "satisfied": {"numerator": sum(a[1] for a in answers), "denominator": len(answers)},
            "ombudsman": sum(c.kind == "complaint" and inside(c.ombudsman_on) for c in cases),
        },
    }


def period_range(period, fy_start_month):
    """The first and last days of `fy2025`, `fy2025-q3`, `2025-11` or `FROM..TO`."""

    def months(year, month, n):
        first = D(year, month, 1)
        month0 = month - 1 + n
        return first, D(year + month0 // 12, month0 % 12 + 1, 1) - ONE_DAY

    if ".." in period:
        start, end = period.split("..")
        return D.fromisoformat(start), D.fromisoformat(end)
    if period.startswith("fy"):
        year, _, quarter = period[2:].partition("-q")
        if not quarter:
            return months(int(year), fy_start_month, 12)
        month0 = fy_start_month - 1 + 3 * (int(quarter) - 1)
        return months(int(year) + month0 // 12, month0 % 12 + 1, 3)
    year, month = period.split("-")
    return months(int(year), int(month), 1)


# --- the server's answers ---------------------------------------------------------


def totp(secret, step):
    """RFC 6238: HMAC-SHA1 of the 30-second step, 6 digits."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Server:
    def __init__(self, base_url):
        self.base = base_url.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("accept", "application/json")
        if data is not None:
            request.add_header("content-type", "application/json")
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def json(self, method, path, body=None, expect=(200,)):
        status, text = self.call(method, path, body)
        if status not in expect:
            raise SystemExit(f"{method} {path}: HTTP {status}: {text[:300]!r}")
        return json.loads(text) if text else None

    def sign_in(self, email, password, secret):
        status, text = self.call("POST", "/api/v1/session", {"email": email, "password": password})
        if status == 200:
            return
        if status != 202:
            raise SystemExit(f"signing in as {email}: HTTP {status}: {text[:300]!r}")
        # Authenticator codes are for the real time, whatever the portal's
        # clock says; the portal takes each step's code once, and the next
        # step's too, so the next one is tried if this one was taken.
        step = int(time.time() // 30)
        for candidate in (step, step + 1):
            status, text = self.call("POST", "/api/v1/session/second-factor",
                                     {"code": totp(secret, candidate)})
            if status == 200:
                return
        raise SystemExit(f"the second factor for {email} was refused: HTTP {status}: {text[:300]!r}")


# --- comparing ------------------------------------------------------------------


def rows_for(expected, server, homes, csv_stages):
    """(figure, expected, server) for every figure compared."""
    rows = []
    if len(server["stages"]) != len(expected["stages"]):
        raise SystemExit(f"the server gives {len(server['stages'])} stages, not 2")
    for mine, theirs in zip(expected["stages"], server["stages"]):
        n = mine["stage"]
        if theirs["stage"] != n:
            raise SystemExit(f"the server's stages are not in order: {server['stages']}")
        csv_row = csv_stages.get(str(n), {})
        for name in ("ch01", "ch02"):
            for part in ("numerator", "denominator"):
                rows.append((f"stage {n} {name} {part}", mine[name][part], theirs[name][part]))
        rows.append((f"stage {n} ch01 per 1,000 homes (csv)",
                     per_thousand(mine["ch01"]["numerator"], homes),
                     csv_row.get("received_per_1000_homes")))
        rows.append((f"stage {n} ch02 percent (csv)",
                     percent(mine["ch02"]["numerator"], mine["ch02"]["denominator"]),
                     csv_row.get("responded_within_code_percent")))
        for name in ("median_working_days", "p90_working_days"):
            rows.append((f"stage {n} {name}", mine[name], theirs[name]))
    theirs_outcome = {(o["stage"], o["outcome"]): o["count"] for o in server["by_outcome"]}
    for key in sorted(set(expected["by_outcome"]) | set(theirs_outcome)):
        rows.append((f"stage {key[0]} responses {key[1]}", expected["by_outcome"].get(key, 0),
                     theirs_outcome.get(key, 0)))
    theirs_category = {c["key"]: c["count"] for c in server["by_category"]}
    for key in sorted(set(expected["by_category"]) | set(theirs_category), key=str):
        rows.append((f"category {key}", expected["by_category"].get(key, 0),
                     theirs_category.get(key, 0)))
    counts = [c["count"] for c in server["by_category"]]
    rows.append(("categories most first", True, counts == sorted(counts, reverse=True)))
    for name in ("overdue_now", "compliments", "comments", "hazards"):
        rows.append((name, expected[name], server[name]))
    for name, value in expected["kpis"].items():
        if isinstance(value, dict):
            for part in ("numerator", "denominator"):
                rows.append((f"kpi {name} {part}", value[part], server["kpis"][name][part]))
        else:
            rows.append((f"kpi {name}", value, server["kpis"][name]))
    return rows


def read_csv(text):
    lines = text.decode().strip().split("\r\n")
    head = lines[0].split(",")
    return {row[2]: dict(zip(head, row)) for row in (line.split(",") for line in lines[1:])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="the portal's SQLite file")
    parser.add_argument("--base-url", required=True, help="the running portal, e.g. http://127.0.0.1:8080")
    parser.add_argument("--homes", type=int, default=2500, help="the homes owned, set on the portal")
    parser.add_argument("--email", default="admin@example.com")
    parser.add_argument("--password", default="demo-password-1")
    parser.add_argument("--totp-secret", default="PUTITRIGHTDEMOTOTPSECRETFORDEMOS")
    parser.add_argument("--min-cases", type=int, default=0,
                        help="fail unless each period has at least this many stage 1 complaints")
    parser.add_argument("periods", nargs="+", help="fy2025, fy2025-q3, 2025-11 or FROM..TO")
    args = parser.parse_args()

    server = Server(args.base_url)
    health = server.json("GET", "/api/v1/health")
    today = D.fromisoformat(health["today"])
    if health["policy_id"] != "code-2024":
        raise SystemExit(f"the portal runs {health['policy_id']}: this checker knows the Code's "
                         "timescales (code-2024) only")
    server.sign_in(args.email, args.password, args.totp_secret)
    settings = {"homes": args.homes, "financial_year_start_month": 4}
    server.json("PUT", "/api/v1/staff/figure-settings", settings, expect=(200, 204))

    # Read after the server started, so any event its rules recorded is in.
    cases = read_cases(args.database)
    kinds = {}
    for case in cases:
        kinds[case.kind] = kinds.get(case.kind, 0) + 1
    print(f"{len(cases)} cases in the database ({', '.join(f'{n} {k}s' for k, n in sorted(kinds.items()))}), "
          f"today {today}, {args.homes} homes")

    failures = 0
    for period in args.periods:
        start, end = period_range(period, settings["financial_year_start_month"])
        answer = server.json("GET", f"/api/v1/staff/figures?period={urllib.parse.quote(period)}")
        _, csv_text = server.call("GET", f"/api/v1/staff/figures/csv?period={urllib.parse.quote(period)}&table=stages")
        expected = expected_figures(cases, start, end, args.homes, today)
        rows = [("period from", str(start), answer["range"]["from"]),
                ("period to", str(end), answer["range"]["to"]),
                ("homes", args.homes, answer["homes"])]
        rows += rows_for(expected, answer, args.homes, read_csv(csv_text))
        print(f"\n{period} ({start} to {end})")
        width = max(len(r[0]) for r in rows)
        print(f"  {'figure':<{width}}  {'expected':>9}  {'server':>9}")
        for figure, mine, theirs in rows:
            differs = mine != theirs
            failures += differs
            print(f"  {figure:<{width}}  {show(mine):>9}  {show(theirs):>9}{'  <-- differs' if differs else ''}")
        received = expected["stages"][0]["ch01"]["numerator"]
        if received < args.min_cases:
            print(f"  only {received} stage 1 complaints in {period}: fewer than {args.min_cases}")
            failures += 1
    if failures:
        print(f"\n{failures} figure(s) differ from the events' reading")
        return 1
    print(f"\nEvery figure of {len(args.periods)} periods agrees with the events' reading")
    return 0


def show(value):
    return "-" if value is None else str(value)


if __name__ == "__main__":
    sys.exit(main())
