"""Reads a project file with MPXJ (the library MS Project files are read with in Java and
Python tools) and prints its tasks as JSON: WBS, name, start and finish days, milestone,
summary, the WBS of each predecessor and the names of the resources assigned.

Usage: python3 mpxj_read.py FILE.xml
"""
import json
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()
from org.mpxj.reader import UniversalProjectReader  # noqa: E402

project = UniversalProjectReader().read(sys.argv[1])
tasks = []
for task in project.getTasks():
    if task.getUniqueID() is None or int(str(task.getUniqueID())) == 0:
        continue
    day = lambda v: None if v is None else str(v.toLocalDate())  # noqa: E731
    tasks.append({
        "wbs": str(task.getWBS()) if task.getWBS() is not None else None,
        "name": str(task.getName()),
        "start": day(task.getStart()),
        "finish": day(task.getFinish()),
        "milestone": bool(task.getMilestone()),
        "summary": bool(task.getSummary()),
        "percent": 0 if task.getPercentageComplete() is None else float(str(task.getPercentageComplete())),
        "predecessors": [str(r.getPredecessorTask().getWBS()) for r in task.getPredecessors()],
        "resources": [str(a.getResource().getName()) for a in task.getResourceAssignments() if a.getResource() is not None],
    })
print(json.dumps({"tasks": tasks, "resources": [str(r.getName()) for r in project.getResources() if r.getName() is not None]}))
