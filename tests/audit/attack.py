#!/usr/bin/env python3
"""The independent attacker of published flows.

It reads the published <id>.json files of one or more flows and what is
public about them, writes the attacker's integer programme in CPLEX LP
format and solves it with GLPK's glpsol, a separate program: none of
kartta's code is used.  For every withheld number of a target flow it
finds the smallest and largest value consistent with everything, and
for every derivable group of clients the same, and reports each one that
breaks the promise of docs/anonymity.md:

  - a withheld number whose interval lies inside [1, k-1] or is one value;
  - a derivable group whose interval lies inside [1, k-1].

The facts used are those of docs/anonymity.md, "What the attacker
knows", written out here a second time, independently of src/audit.c.

A case is a dict:
  pubs:      list of {"json": parsed JSON, "format": "events"|
             "transitions", "merged": services merged into other (events;
             None when unknown), "target": check its withheld numbers,
             "truth": optional {("n", id): c, ("e", from, to): c} used
             only to skip solves whose answer the truth already gives}
  relations: list of {"a": i, "b": j, "kind": "same"} (the same data
             file read twice) or {"a": i, "b": j, "kind": "nested",
             "end": bool} (a's clients or events are part of b's; with
             end False, edges into end are not nested)
"""
import os
import subprocess
import sys
import tempfile


def interval(p, k, r):
    """The true counts that kartta publishes as p."""
    least = -(-k // r) * r
    hi = p - r // 2 + r - 1
    lo = k if p == least else p - r // 2
    return max(lo, k), hi


def sccs(nodes, edges):
    """Strongly connected components (Kosaraju), as node -> component."""
    succ = {v: [] for v in nodes}
    pred = {v: [] for v in nodes}
    for a, b in edges:
        succ[a].append(b)
        pred[b].append(a)
    seen, order = set(), []
    for root in nodes:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(succ[root]))]
        while stack:
            v, it = stack[-1]
            for w in it:
                if w not in seen:
                    seen.add(w)
                    stack.append((w, iter(succ[w])))
                    break
            else:
                stack.pop()
                order.append(v)
    comp = {}
    for root in reversed(order):
        if root in comp:
            continue
        comp[root] = root
        stack = [root]
        while stack:
            v = stack.pop()
            for w in pred[v]:
                if w not in comp:
                    comp[w] = root
                    stack.append(w)
    return comp


class Model:
    """Variables are named n<p>_<i> (node i of publication p),
    x<p>_<j> (edge j) and s<p>_<c> (a cycle component)."""

    def __init__(self):
        self.vars = []
        self.bounds = {}
        self.rows = []

    def var(self, name, lo, hi):
        self.vars.append(name)
        self.bounds[name] = [lo, hi]

    def row(self, terms, op, rhs):
        self.rows.append((terms, op, rhs))

    def text(self, obj, sense):
        out = ["Maximize" if sense == "max" else "Minimize"]
        coef = dict(obj)
        out.append(" obj: " + " ".join(
            "%+d %s" % (coef.get(v, 0), v) for v in self.vars))
        out.append("Subject To")
        for i, (terms, op, rhs) in enumerate(self.rows):
            lhs = " ".join("%+d %s" % (c, v) for v, c in terms)
            out.append(" r%d: %s %s %d" % (i, lhs, op, rhs))
        out.append("Bounds")
        for v in self.vars:
            lo, hi = self.bounds[v]
            out.append(" %d <= %s <= %d" % (lo, v, hi))
        out.append("General")
        out.append(" " + " ".join(self.vars))
        out.append("End")
        return "\n".join(out) + "\n"


class Solver:
    calls = 0

    def __init__(self, model, tmp):
        self.model = model
        self.tmp = tmp

    def solve(self, obj, sense):
        """Returns (value, world) of the integer optimum, or None when
        no world is consistent."""
        Solver.calls += 1
        lp = os.path.join(self.tmp, "m.lp")
        sol = os.path.join(self.tmp, "m.sol")
        with open(lp, "w") as f:
            f.write(self.model.text(obj, sense))
        subprocess.run(["glpsol", "--lp", lp, "-w", sol],
                       stdout=subprocess.DEVNULL, check=True)
        world = {}
        status = None
        cols = []
        with open(sol) as f:
            for line in f:
                w = line.split()
                if w[0] == "s":
                    status = w[4]
                elif w[0] == "j":
                    cols.append(float(w[2]))
        if status not in ("o",):
            if status == "n":
                return None
            raise RuntimeError("glpsol status %s" % status)
        for name, v in zip(self.model.vars, cols):
            world[name] = int(round(v))
        return sum(c * world[v] for v, c in obj), world


def build(case):
    """The attacker's integer programme and what to check."""
    m = Model()
    cells = []   # (label, var, k, truth or None, pub index)
    groups = []  # (label, [(var, coef)], k, truth or None, pub index)
    ids = []     # per publication: node id -> var, (from, to) -> var
    total = 0
    for p in case["pubs"]:
        for n in p["json"]["nodes"]:
            total += n["count"] or 0
    cap = 4 * total + 1000
    for pi, p in enumerate(case["pubs"]):
        js = p["json"]
        k, r = js["k"], js["rounding"]
        events = p["format"] == "events"
        truth = p.get("truth") or {}
        nodes = [n["id"] for n in js["nodes"]]
        edges = [(e["from"], e["to"]) for e in js["edges"]]
        nv = {}
        ev = {}
        for i, n in enumerate(js["nodes"]):
            name = "n%d_%d" % (pi, i)
            lo, hi = 1, cap
            if events and n["id"] not in ("start", "end", "other"):
                lo = k                      # listed services had k
            if n["count"] is not None:
                lo, hi = interval(n["count"], k, r)
            if events and n["id"] == "other" and p.get("merged"):
                hi = min(hi, (k - 1) * p["merged"])
            m.var(name, lo, hi)
            nv[n["id"]] = name
            if n["count"] is None and p["target"]:
                cells.append(("%s node %s" % (js["flow"], n["id"]), name, k,
                              truth.get(("n", n["id"])), pi))
        for j, e in enumerate(js["edges"]):
            name = "x%d_%d" % (pi, j)
            lo, hi = 1, cap
            if e["count"] is not None:
                lo, hi = interval(e["count"], k, r)
            m.var(name, lo, hi)
            ev[(e["from"], e["to"])] = name
            if e["count"] is None and p["target"]:
                cells.append(("%s edge %s -> %s" % (js["flow"], e["from"],
                              e["to"]), name, k,
                              truth.get(("e", e["from"], e["to"])), pi))
        ids.append((nv, ev))
        # start and end both count all clients; nothing exceeds them.
        top = nv.get("start") or nv.get("end")
        if "start" in nv and "end" in nv:
            m.row([(nv["start"], 1), (nv["end"], -1)], "=", 0)
        # An edge never exceeds its nodes.
        for (a, b), x in ev.items():
            m.row([(x, 1), (nv[a], -1)], "<=", 0)
            m.row([(x, 1), (nv[b], -1)], "<=", 0)
        if top:
            for v in nv.values():
                if v != top:
                    m.row([(v, 1), (top, -1)], "<=", 0)
        comp = sccs(nodes, edges)
        members = {}
        for v in nodes:
            members.setdefault(comp[v], []).append(v)
        ins = {v: [] for v in nodes}
        outs = {v: [] for v in nodes}
        for (a, b), x in ev.items():
            ins[b].append((a, x))
            outs[a].append((b, x))
        for c, vs in sorted(members.items()):
            if len(vs) == 1:
                v = vs[0]
                # On no cycle: entered once and left once by each client.
                if ins[v]:
                    m.row([(x, 1) for _, x in ins[v]] + [(nv[v], -1)],
                          "=", 0)
                if outs[v]:
                    m.row([(x, 1) for _, x in outs[v]] + [(nv[v], -1)],
                          "=", 0)
                continue
            s = "s%d_%d" % (pi, nodes.index(c))
            m.var(s, 1, cap)
            inside = set(vs)
            enter = [x for v in vs for a, x in ins[v] if a not in inside]
            leave = [x for v in vs for b, x in outs[v] if b not in inside]
            if enter:
                m.row([(x, 1) for x in enter] + [(s, -1)], "=", 0)
            if leave:
                m.row([(x, 1) for x in leave] + [(s, -1)], "=", 0)
            m.row([(nv[v], 1) for v in vs] + [(s, -1)], ">=", 0)
            if top:
                m.row([(s, 1), (top, -1)], "<=", 0)
            for v in vs:
                m.row([(nv[v], 1), (s, -1)], "<=", 0)
                m.row([(x, 1) for _, x in ins[v]] + [(nv[v], -1)], ">=", 0)
                m.row([(x, 1) for _, x in outs[v]] + [(nv[v], -1)], ">=", 0)
                ext = [x for a, x in ins[v] if a not in inside]
                if ext:
                    m.row([(x, 1) for x in ext] + [(nv[v], -1)], "<=", 0)
                ext = [x for b, x in outs[v] if b not in inside]
                if ext:
                    m.row([(x, 1) for x in ext] + [(nv[v], -1)], "<=", 0)
        if not p["target"]:
            continue

        def tv(key):
            return truth.get(key)

        def diff(big, bkey, small, skey):
            a, b = tv(bkey), tv(skey)
            return None if a is None or b is None else a - b
        # Groups inside one publication.
        if top:
            N = ("n", "start") if "start" in nv else ("n", "end")
            for v in nodes:
                if v in ("start", "end"):
                    continue
                groups.append(("%s: all clients less those of %s" %
                               (js["flow"], v), [(top, 1), (nv[v], -1)], k,
                               diff(top, N, nv[v], ("n", v)), pi))
            for (a, b), x in ev.items():
                groups.append(("%s: all clients less %s -> %s" %
                               (js["flow"], a, b), [(top, 1), (x, -1)], k,
                               diff(top, N, x, ("e", a, b)), pi))
        for (a, b), x in ev.items():
            for v in (a, b):
                if v in ("start", "end"):
                    continue
                groups.append(("%s: clients of %s less %s -> %s" %
                               (js["flow"], v, a, b),
                               [(nv[v], 1), (x, -1)], k,
                               diff(None, ("n", v), None, ("e", a, b)), pi))
    for rel in case.get("relations", []):
        A, B = case["pubs"][rel["a"]], case["pubs"][rel["b"]]
        (anv, aev), (bnv, bev) = ids[rel["a"]], ids[rel["b"]]
        kk = max(A["json"]["k"], B["json"]["k"])
        ta, tb = A.get("truth") or {}, B.get("truth") or {}
        target = A["target"] or B["target"]

        def pair(big, small, label, bkey, skey, bt, st):
            m.row([(big, 1), (small, -1)], ">=", 0)
            if target:
                t = None
                if bkey in bt and skey in st:
                    t = bt[bkey] - st[skey]
                groups.append((label, [(big, 1), (small, -1)], kk, t, None))

        def services(nv):
            return set(nv) - {"start", "end", "other"}

        def withheld(nv, ev):
            return not ev and set(nv) <= {"start", "end"}
        if withheld(anv, aev) or withheld(bnv, bev):
            # Only the numbers of clients can be related.
            ta_, tb_ = anv.get("start"), bnv.get("start")
            if ta_ and tb_:
                if rel["kind"] == "nested":
                    pair(tb_, ta_, "all clients grew", ("n", "start"),
                         ("n", "start"), tb, ta)
                else:
                    m.row([(ta_, 1), (tb_, -1)], "=", 0)
            continue
        if rel["kind"] == "nested":
            same = services(anv) == services(bnv)
            for v, x in anv.items():
                if v in bnv and (v != "other" or same):
                    pair(bnv[v], x, "node %s grew" % v, ("n", v), ("n", v),
                         tb, ta)
            for (a, b), x in aev.items():
                if (a, b) not in bev:
                    continue
                if "other" in (a, b) and not same:
                    continue
                if b == "end" and not rel["end"]:
                    continue
                pair(bev[(a, b)], x, "edge %s -> %s grew" % (a, b),
                     ("e", a, b), ("e", a, b), tb, ta)
            continue
        # The same data file read by two flows: A has the smaller k.
        if A["json"]["k"] > B["json"]["k"]:
            A, B = B, A
            (anv, aev), (bnv, bev) = (bnv, bev), (anv, aev)
            ta, tb = tb, ta
        if A["format"] == "transitions" or services(anv) == services(bnv):
            for v, x in anv.items():
                if v in bnv:
                    m.row([(x, 1), (bnv[v], -1)], "=", 0)
            for key, x in aev.items():
                if key in bev:
                    m.row([(x, 1), (bev[key], -1)], "=", 0)
            continue
        phi = {v: (v if v in bnv else "other") for v in anv}
        for v, x in anv.items():
            if phi[v] != "other":
                m.row([(x, 1), (bnv[v], -1)], "=", 0)
        if "other" in bnv:
            parts = [x for v, x in anv.items() if phi[v] == "other"]
            for x in parts:
                pair(bnv["other"], x, "other of k %d less a part" %
                     B["json"]["k"], None, None, tb, ta)
            m.row([(x, 1) for x in parts] + [(bnv["other"], -1)], ">=", 0)
        for (a, b), x in bev.items():
            if "other" not in (a, b):
                m.row([(x, 1), (aev[(a, b)], -1)], "=", 0)
                continue
            parts = [y for (c, d), y in aev.items()
                     if phi[c] == a and phi[d] == b]
            for y in parts:
                pair(x, y, "edge %s -> %s of k %d less a part" %
                     (a, b, B["json"]["k"]), None, None, tb, ta)
            m.row([(y, 1) for y in parts] + [(x, -1)], ">=", 0)
    return m, cells, groups


def attack(case, tmp=None):
    """Returns (problems, stats): a list of strings, one per broken
    promise, and counts of what was checked."""
    own = tmp is None
    if own:
        tmp = tempfile.mkdtemp(prefix="kartta-attack-")
    try:
        return _attack(case, tmp)
    finally:
        if own:
            for f in os.listdir(tmp):
                os.unlink(os.path.join(tmp, f))
            os.rmdir(tmp)


def _attack(case, tmp):
    model, cells, groups = build(case)
    solver = Solver(model, tmp)
    problems = []
    if not model.vars:
        return [], {"cells": 0, "groups": 0}   # nothing is published
    first = solver.solve([], "max")
    if first is None:
        return ["no world is consistent with the publications"], {}
    worlds = [first[1]]
    # Two worlds that move many withheld numbers at once.
    for sense in ("max", "min"):
        got = solver.solve([(c[1], 1) for c in cells], sense)
        if got:
            worlds.append(got[1])
    for label, var, k, t, _ in cells:
        seen = {w[var] for w in worlds}
        if t is not None:
            seen.add(t)
        if max(seen) >= k and len(seen) > 1:
            continue
        hi, w = solver.solve([(var, 1)], "max")
        worlds.append(w)
        lo, w = solver.solve([(var, 1)], "min")
        worlds.append(w)
        if hi <= k - 1:
            problems.append("%s: withheld, but it lies in [%d, %d], "
                            "below k %d" % (label, lo, hi, k))
        elif lo == hi:
            problems.append("%s: withheld, but it is exactly %d" %
                            (label, lo))
    for label, terms, k, t, _ in groups:
        if t is not None and (t <= 0 or t >= k):
            continue
        vals = [sum(c * w[v] for v, c in terms) for w in worlds]
        if any(v <= 0 or v >= k for v in vals):
            continue
        hi, w = solver.solve(terms, "max")
        worlds.append(w)
        if hi >= k:
            continue
        lo, w = solver.solve(terms, "min")
        worlds.append(w)
        if lo >= 1:
            problems.append("%s: a group of clients in [%d, %d], below "
                            "k %d" % (label, lo, hi, k))
    return problems, {"cells": len(cells), "groups": len(groups)}


def consistent(case, tmp):
    """Do the true counts (every publication's "truth") satisfy every
    fact?  If not, a fact above is false."""
    model, _, _ = build(case)
    for pi, p in enumerate(case["pubs"]):
        js, truth = p["json"], p["truth"]
        for i, n in enumerate(js["nodes"]):
            name = "n%d_%d" % (pi, i)
            t = truth[("n", n["id"])]
            lo, hi = model.bounds[name]
            if not lo <= t <= hi:
                return False
            model.bounds[name] = [t, t]
        for j, e in enumerate(js["edges"]):
            name = "x%d_%d" % (pi, j)
            t = truth[("e", e["from"], e["to"])]
            lo, hi = model.bounds[name]
            if not lo <= t <= hi:
                return False
            model.bounds[name] = [t, t]
    return Solver(model, tmp).solve([], "max") is not None


def intervals(case):
    """(label, least, greatest) of every withheld number."""
    tmp = tempfile.mkdtemp(prefix="kartta-attack-")
    model, cells, _ = build(case)
    solver = Solver(model, tmp)
    out = []
    for label, var, _, _, _ in cells:
        got = solver.solve([(var, 1)], "max"), solver.solve([(var, 1)],
                                                             "min")
        if None not in got:
            out.append((label, got[1][0], got[0][0]))
    subprocess.run(["rm", "-rf", tmp])
    return out


def main():
    """attack.py [-i] [-f events|transitions] [-m merged] file.json...:
    every file one publication, all of them targets, unrelated.  Prints
    each broken promise (exit status 1 if any); with -i, the interval
    of every withheld number instead."""
    import json
    fmt, merged, pubs, show = "events", None, [], False
    args = sys.argv[1:]
    while args:
        a = args.pop(0)
        if a == "-f":
            fmt = args.pop(0)
        elif a == "-m":
            merged = int(args.pop(0))
        elif a == "-i":
            show = True
        else:
            with open(a) as f:
                pubs.append({"json": json.load(f), "format": fmt,
                             "merged": merged, "target": True})
    if show:
        for label, lo, hi in intervals({"pubs": pubs}):
            print("%s: %d..%d" % (label, lo, hi))
        return 0
    problems, _ = attack({"pubs": pubs})
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
