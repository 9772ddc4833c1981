#!/usr/bin/env python3
"""Writes capacity-and-backlog.xlsx: the spreadsheet a portfolio office keeps (seeded).

Sheet `Capaciteit`: one row per team (people, focus, reserve), and a row for each hire or
leaver below it. Sheet `Backlog`: the items as Jira columns (key, summary, type, status,
team, story points, epic link, the keys an item waits for, due date, resolved), dates as
real spreadsheet dates.
"""
import random
from datetime import datetime, timedelta

from openpyxl import Workbook

rng = random.Random(30)
wb = Workbook()
cap = wb.active
cap.title = "Capaciteit"
cap.append(["Team", "Title", "People", "Focus", "Reserve", "Hire", "Hire on", "Leave", "Leave on"])
cap.append(["toegang", "Team Toegang", 7, 0.8, 0.15, None, None, None, None])
cap.append(["toegang", None, None, None, None, 2, datetime(2026, 5, 1), None, None])
cap.append(["berichten", "Team Berichten", 6, "75%", "10%", None, None, None, None])
cap.append(["berichten", None, None, None, None, None, None, 1, datetime(2026, 9, 1)])
cap.append(["platform", "Platform", 5, 0.8, 0.25, None, None, None, None])
cap.append(["platform", None, None, None, None, 1, None, None, None])  # a hire without its day
cap.append([None] * 9)
cap.append(["data", "Data & Analyse", 4, 0.8, 0, 1, datetime(2026, 3, 2), None, None])

back = wb.create_sheet("Backlog")
back.append(["Issue key", "Summary", "Issue Type", "Status", "Team", "Story Points", "Epic Link", "After",
             "Due date", "Resolved", "Updated"])
teams = ["Team Toegang", "Team Berichten", "Platform", "Data & Analyse"]
epics = []
for n in range(1, 61):
    key = f"PF-{n}"
    if n % 12 == 1:
        epics.append(key)
        back.append([key, f"Epic {n // 12 + 1}: vernieuwing loket", "Epic", "To Do", None, None, None, None,
                     datetime(2026, 12, 18) if n == 13 else None, None, datetime(2026, 2, 1)])
        continue
    done = rng.random() < 0.2
    waits = ", ".join(f"PF-{m}" for m in rng.sample(range(max(1, n - 6), n), min(2, n - 1)) if m % 12 != 1) \
        if rng.random() < 0.4 else None
    back.append([key, f"Werkpakket {n} — “{rng.choice(['loket', 'API', 'wallet', 'portaal'])}”", "Story",
                 "Done" if done else "To Do", None if n == 30 else rng.choice(teams), rng.choice([3, 5, 8, 13, 2.5]),
                 epics[-1], None if done else waits, None,
                 datetime(2026, 1, 10) + timedelta(days=rng.randrange(0, 40)) if done else None,
                 datetime(2026, 2, 20) + timedelta(days=rng.randrange(0, 10))])
wb.save("capacity-and-backlog.xlsx")
