#!/usr/bin/env python3
"""The default content's sample flow and a handbook with an earlier
edition, built by kartta itself and attacked; then one regression case
per attack family (tests/audit/cases/<family>/:
log.csv, small enough to read, and case.json saying how it is published
and what the attack is).  Each case is run twice through
build/tests/flowagg: with -N (primary and local suppression only, what
kartta published before the audit) the independent attacker must break
the promise, which shows the attack is real; with the audit it must
not.

  regress.py BUILD [-v] [CASE...]
"""
import csv
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import props  # noqa: E402

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")


def read_events(path):
    """Any events CSV (client,service,date in any order) as events."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    return [(r["client"], r["service"],
             datetime.date.fromisoformat(r["date"]).toordinal())
            for r in rows]


def kartta_build(build, content, out):
    got = subprocess.run([os.path.join(build, "kartta"), "build", "-c",
                          content, "-t", "themes/default", "-o", out],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    if got.returncode != 0:
        raise RuntimeError("kartta build failed: " + got.stderr)
    return got.stderr


def attack_flow(js, events, k, tmp, rel=None, other=None):
    nodes, edges, merged = props.aggregate(events, k)
    pubs = [{"json": js, "format": "events", "merged": merged,
             "truth": props.truth_of(nodes, edges), "target": True}]
    problems = []
    props.check_published(js, nodes, edges, merged, k, js["rounding"],
                          problems, js["flow"])
    if other:
        pubs.append(other)
    case = {"pubs": pubs, "relations": [rel] if rel else []}
    if not props.attack.consistent(case, tmp):
        problems.append("the true counts break a public fact")
    return problems + props.attack.attack(case, tmp)[0]


def sample(build):
    """The default content's sample flow, as kartta builds it."""
    tmp = tempfile.mkdtemp(prefix="kartta-regress-")
    try:
        kartta_build(build, "content", os.path.join(tmp, "out"))
        with open(os.path.join(tmp, "out", "flows",
                               "asiakasvirrat.json")) as f:
            js = json.load(f)
        return attack_flow(js, read_events(
            "content/data/asiakasvirrat-2025.csv"), 5, tmp)
    finally:
        shutil.rmtree(tmp)


SITE = """title: Käsikirja
anonymity:
  k: 5
%s"""


def editions(build):
    """A handbook published twice: the second edition has one client
    more and names the first in anonymity.previous."""
    tmp = tempfile.mkdtemp(prefix="kartta-regress-")
    try:
        case = os.path.join(HERE, "minus-client")
        with open(os.path.join(case, "case.json")) as f:
            who = "Q" + json.load(f)["client"]
        full = props.read_csv(os.path.join(case, "log.csv"))
        content = os.path.join(tmp, "content")
        for d in ("flows", "groups", "actors", "services", "data/1"):
            os.makedirs(os.path.join(content, d))
        put = lambda rel, text: open(os.path.join(content, rel),
                                     "w").write(text)
        put("groups/g.yaml", "name: G\n")
        put("actors/t.yaml", "name: T\nkind: public\n")
        for sv in sorted({s for _, s, _ in full}):
            put("services/%s.yaml" % sv, "name: %s\ngroup: g\n"
                "providers: [t]\nsummary: S.\n" % sv)
        put("flows/virta.yaml", "title: Virta\nsource: data/virta.csv\n"
            "format: events\n")
        with open(os.path.join(case, "log.csv")) as f:
            lines = f.read().splitlines(True)
        put("data/virta.csv", "".join(l for l in lines
                                      if not l.startswith(who + ",")))
        put("site.yaml", SITE % "")
        kartta_build(build, content, os.path.join(tmp, "out1"))
        shutil.copy(os.path.join(tmp, "out1", "flows", "virta.json"),
                    os.path.join(content, "data", "1", "virta.json"))
        put("data/virta.csv", "".join(lines))
        put("site.yaml", SITE % "  previous: [data/1/virta.json]\n")
        kartta_build(build, content, os.path.join(tmp, "out2"))
        with open(os.path.join(tmp, "out1", "flows", "virta.json")) as f:
            old = json.load(f)
        with open(os.path.join(tmp, "out2", "flows", "virta.json")) as f:
            new = json.load(f)
        part = [e for e in full if "Q" + e[0] != who]
        no, eo, mo = props.aggregate(part, 5)
        earlier = {"json": old, "format": "events", "merged": mo,
                   "truth": props.truth_of(no, eo), "target": True}
        problems = attack_flow(new, full, 5, tmp,
                               {"a": 1, "b": 0, "kind": "nested",
                                "end": True}, earlier)
        if old == new:
            problems.append("the second edition published the same")
        return problems
    finally:
        shutil.rmtree(tmp)


def main():
    args = sys.argv[1:]
    build = args.pop(0)
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    names = args or sorted(os.listdir(HERE))
    bad = 0
    for name, test in (("sample-flow", sample), ("editions", editions)):
        if args and name not in args:
            continue
        why = test(build)
        print("%s audit-build/%s" % ("FAIL" if why else "PASS", name))
        for w in why[:8]:
            print("    " + w)
        bad |= bool(why)
    names = [n for n in names if n not in ("sample-flow", "editions")]
    for name in names:
        with open(os.path.join(HERE, name, "case.json")) as f:
            case = json.load(f)
        fixed = {"events": props.read_csv(os.path.join(HERE, name,
                                                       "log.csv")),
                 "k": case["k"], "rounding": case["rounding"],
                 "client": case.get("client")}
        tmp = tempfile.mkdtemp(prefix="kartta-regress-")
        try:
            got = {}
            for before in (True, False):
                sub = os.path.join(tmp, "b" if before else "a")
                os.mkdir(sub)
                runner = props.Runner(build, before, sub)
                got[before] = props.one_case(runner, case["family"], 0, sub,
                                             fixed)[0]
        finally:
            os.system("rm -rf '%s'" % tmp)
        why = []
        if not got[True]:
            why.append("the attack found nothing before the audit: the "
                       "case no longer shows its attack")
        why += got[False]
        print("%s audit-regress/%s" % ("FAIL" if why else "PASS", name))
        for w in why[:8]:
            print("    " + w)
        if verbose:
            for w in got[True]:
                print("    before: " + w)
        bad |= bool(why)
    return bad


if __name__ == "__main__":
    sys.exit(main())
