#!/usr/bin/env python3
"""Writes the sample Jira exports in this folder (seeded: the same files every run).

jira-cloud.csv        Jira Cloud's columns: story points, `Parent` as a numeric issue id,
                      `Status Category`, dates as `13/Mar/26 2:15 PM`.
jira-datacenter.csv   Jira Data Center's columns: time tracking in seconds, `Custom field
                      (Epic Link)`, a team in `Custom field (Scrum team)`, dates as
                      `2026-03-13 14:15`.

Both repeat `Sprint`, `Labels` and link columns as Jira does, quote fields with commas,
quotes and line breaks, and hold what real exports hold: sub-tasks, issues without an
estimate or a team, links to other projects, a cycle of links, summaries with accents,
emoji and quotes.
"""
import csv
import random
from datetime import datetime, timedelta

TEAMS = ["Team Toegang", "Team Berichten", "Platform", "Data & Analyse", "Team Mobiel"]
WORDS = ["DigiD", "koppelvlak", "machtigen", "berichtenbox", "notificaties", "audit-log", "SSO",
         "wallet", "eHerkenning", "API", "archief", "migratie", "rapportage", "dashboard",
         "beheer", "logging", "toegang", "attestatie", "portaal", "zoekfunctie", "privacy",
         "vernieuwen", "inrichten", "opschonen", "testen", "uitrollen", "ontwerpen", "bouwen"]
ODD = ['Fix "quoted" title, with comma', "Één loket voor ondernemers 🚀", "Bug: crash bij ü/ö/ß",
       "Tab\there", "Back\\slash & ampersand <tag>", "Samenvatting met ; puntkomma",
       "  leading spaces", "Zeer lange samenvatting die maar doorgaat over het koppelvlak van de "
       "berichtenbox voor burgers en bedrijven in Nederland"]


def phrase(rng, n=3):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def issues(rng, prefix, count):
    """A backlog: epics, their stories, tasks, bugs and sub-tasks, links between them."""
    out = []
    epics = []
    for n in range(1, count + 1):
        key = f"{prefix}-{n}"
        if n % 17 == 1:
            kind = "Epic"
        elif n % 11 == 0:
            kind = "Sub-task"
        else:
            kind = rng.choice(["Story", "Story", "Story", "Task", "Bug"])
        created = datetime(2025, 9, 1) + timedelta(days=rng.randrange(0, 150), minutes=rng.randrange(0, 600))
        done = kind != "Epic" and rng.random() < 0.25
        resolved = created + timedelta(days=rng.randrange(5, 60)) if done else None
        if resolved and resolved > datetime(2026, 3, 12):
            resolved = datetime(2026, 3, 12, 16, 5)
        updated = max(filter(None, [created + timedelta(days=rng.randrange(0, 40)), resolved]))
        if updated > datetime(2026, 3, 13, 9, 30):
            updated = datetime(2026, 3, 13, 9, 30)
        summary = ODD[(n // 13) % len(ODD)] if n % 13 == 5 else phrase(rng, rng.randrange(2, 5))
        issue = {
            "key": key, "id": str(10000 + n), "kind": kind, "summary": summary,
            "status": "Done" if done else rng.choice(["To Do", "To Do", "In Progress"]),
            "team": "" if n % 29 == 7 else rng.choice(TEAMS),
            "points": "" if n % 23 == 3 else rng.choice(["1", "2", "3", "5", "8", "13", "0.5"]),
            "created": created, "updated": updated, "resolved": resolved,
            "due": (datetime(2026, 4, 1) + timedelta(days=rng.randrange(0, 400))) if rng.random() < 0.12 else None,
            "epic": None, "parent": None, "blocks": [], "relates": [],
            "sprints": [f"{prefix} Sprint {s}" for s in sorted(rng.sample(range(20, 34), rng.randrange(0, 3)))],
            "labels": rng.sample(["burger", "bedrijf", "wet", "tech-debt", "security"], rng.randrange(0, 3)),
            "description": f"Als gebruiker wil ik {phrase(rng)}.\nAcceptatie:\n- \"{phrase(rng, 2)}\", klaar" if rng.random() < 0.5 else "",
        }
        if kind == "Epic":
            epics.append(issue)
        elif epics and rng.random() < 0.8 and kind != "Sub-task":
            issue["epic"] = rng.choice(epics[-3:])
        if kind == "Sub-task":
            parents = [i for i in out if i["kind"] in ("Story", "Task")]
            issue["parent"] = parents[-1] if parents else None
        out.append(issue)
    work = [i for i in out if i["kind"] in ("Story", "Task", "Bug")]
    for i in work:
        if rng.random() < 0.5:
            earlier = [w for w in work if int(w["key"].split("-")[1]) < int(i["key"].split("-")[1])]
            if earlier:
                rng.choice(earlier)["blocks"].append(i)
        if rng.random() < 0.1:
            i["relates"].append(rng.choice(work))
    # A cycle (Jira allows it) and a link to another project.
    work[10]["blocks"].append(work[12])
    work[12]["blocks"].append(work[10])
    work[20]["blocks"].append({"key": "OPS-7"})
    return out


def inward(issues_, target):
    return [i["key"] for i in issues_ if any(b.get("key") == target["key"] for b in i["blocks"])]


def width(values):
    return max([1] + [len(v) for v in values])


def write(path, headers, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(headers)
        w.writerows(rows)


def cloud(rng):
    its = issues(rng, "GDI", 230)
    d = lambda t: t.strftime("%d/%b/%y %I:%M %p") if t else ""
    ns, nl = width([i["sprints"] for i in its]), width([i["labels"] for i in its])
    no, ni = width([i["blocks"] for i in its]), width([inward(its, i) for i in its])
    nr = width([i["relates"] for i in its])
    headers = (["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Status Category", "Priority",
                "Assignee", "Created", "Updated", "Resolved", "Due date"]
               + ["Sprint"] * ns + ["Labels"] * nl
               + ["Description", "Parent", "Parent summary", "Team", "Custom field (Story point estimate)"]
               + ["Inward issue link (Blocks)"] * ni + ["Outward issue link (Blocks)"] * no
               + ["Outward issue link (Relates)"] * nr)
    rows = []
    for i in its:
        pad = lambda v, n: v + [""] * (n - len(v))
        parent = i["epic"] or i["parent"]
        rows.append([i["summary"], i["key"], i["id"], i["kind"], i["status"],
                     {"Done": "Done", "In Progress": "In Progress"}.get(i["status"], "To Do"),
                     rng.choice(["Medium", "High", "Low"]), rng.choice(["", "Anna de Vries", "Jan Jansen"]),
                     d(i["created"]), d(i["updated"]), d(i["resolved"]), d(i["due"]).split(" ")[0] if i["due"] else ""]
                    + pad(i["sprints"], ns) + pad(i["labels"], nl)
                    + [i["description"], parent["id"] if parent else "", parent["summary"] if parent else "",
                       "" if i["kind"] == "Epic" else i["team"], "" if i["kind"] == "Epic" else i["points"]]
                    + pad(inward(its, i), ni) + pad([b["key"] for b in i["blocks"]], no)
                    + pad([r["key"] for r in i["relates"]], nr))
    write("jira-cloud.csv", headers, rows)


def datacenter(rng):
    its = issues(rng, "DIG", 214)
    d = lambda t: t.strftime("%Y-%m-%d %H:%M") if t else ""
    ns, nl = width([i["sprints"] for i in its]), width([i["labels"] for i in its])
    no, ni = width([i["blocks"] for i in its]), width([inward(its, i) for i in its])
    headers = (["Issue key", "Issue id", "Parent id", "Summary", "Issue Type", "Status", "Resolution",
                "Created", "Updated", "Resolved", "Due Date", "Original Estimate", "Remaining Estimate",
                "Time Spent"] + ["Sprint"] * ns + ["Labels"] * nl
               + ["Custom field (Epic Link)", "Custom field (Epic Name)", "Custom field (Scrum team)"]
               + ["Inward issue link (Blocks)"] * ni + ["Outward issue link (Blocks)"] * no + ["Description"])
    status = {"Done": "Gesloten", "To Do": "Open", "In Progress": "In uitvoering"}
    rows = []
    for i in its:
        pad = lambda v, n: v + [""] * (n - len(v))
        kind = {"Task": "Taak", "Sub-task": "Sub-taak"}.get(i["kind"], i["kind"])
        hours = {"": 0, "0.5": 4, "1": 8, "2": 16, "3": 24, "5": 40, "8": 64, "13": 104}[i["points"]] * 3
        spent = rng.choice([0, 0, hours // 4, hours // 2]) if hours and i["status"] == "In Progress" else 0
        left = max(hours - spent, 0) if hours else 0
        if hours and spent and rng.random() < 0.3:
            left = hours  # the estimate of what is left grew
        secs = lambda h: str(h * 3600) if h else ""
        rows.append([i["key"], i["id"], i["parent"]["id"] if i["parent"] else "", i["summary"], kind,
                     status[i["status"]], "Fixed" if i["status"] == "Done" else "",
                     d(i["created"]), d(i["updated"]), d(i["resolved"]), i["due"].strftime("%Y-%m-%d") if i["due"] else "",
                     "" if i["kind"] == "Epic" else secs(hours), "" if i["kind"] == "Epic" else secs(left),
                     secs(spent)] + pad(i["sprints"], ns) + pad(i["labels"], nl)
                    + [i["epic"]["key"] if i["epic"] else "", i["summary"][:20] if i["kind"] == "Epic" else "",
                       "" if i["kind"] == "Epic" else i["team"]]
                    + pad(inward(its, i), ni) + pad([b["key"] for b in i["blocks"]], no) + [i["description"]])
    write("jira-datacenter.csv", headers, rows)


if __name__ == "__main__":
    cloud(random.Random(20))
    datacenter(random.Random(21))
