#!/usr/bin/env python3
"""Property tests of the flow audit: seeded random and adversarial event
logs are aggregated and audited by kartta (build/tests/flowagg), and the
published JSON is attacked by the independent attacker (attack.py, which
solves its own integer programmes with glpsol).  Every case must keep
the promise; the published numbers must be the true ones, rounded.

  props.py BUILD [-n CASES] [-s FIRST_SEED] [--before] [-v] [FAMILY...]

--before runs flowagg -N (no audit: what kartta published before the
audit) and reports how often the attacker wins instead of failing.
Prints one line per family, "PASS audit/<family> (...)" or "FAIL ...".
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import attack  # noqa: E402


# ---- the reference aggregation (content format, "flows") ----

def aggregate(events, k):
    """events: (client, service, day) in file order.  Returns (nodes,
    edges, merged): true counts by id and by (from, to)."""
    clients = {}
    for i, (c, s, d) in enumerate(events):
        clients.setdefault(c, []).append((d, i, s))
    visitors = {}
    for c, evs in clients.items():
        for _, _, s in evs:
            visitors.setdefault(s, set()).add(c)
    rare = {s for s, v in visitors.items() if len(v) < k}
    nodes, edges = {}, {}
    for c, evs in clients.items():
        evs.sort()
        seq = ["start"]
        for _, _, s in evs:
            n = "other" if s in rare else s
            if n != seq[-1]:
                seq.append(n)
        seq.append("end")
        for n in set(seq):
            nodes[n] = nodes.get(n, 0) + 1
        for t in set(zip(seq, seq[1:])):
            edges[t] = edges.get(t, 0) + 1
    return nodes, edges, len(rare)


def rounded(x, k, r):
    q = (x + r // 2) // r * r
    least = -(-k // r) * r
    return max(q, least)


def truth_of(nodes, edges):
    t = {("n", v): c for v, c in nodes.items()}
    t.update({("e", a, b): c for (a, b), c in edges.items()})
    return t


def write_csv(path, events):
    with open(path, "w") as f:
        f.write("client,service,date\n")
        for c, s, d in events:
            f.write("Q%s,%s,2024-%02d-%02d\n" % (c, s, 1 + d // 28,
                                                 1 + d % 28))


def check_published(js, nodes, edges, merged, k, r, problems, what):
    """The published numbers are the true ones, rounded, or null."""
    if js["k"] != k or js["rounding"] != r:
        problems.append("%s: k or rounding not as applied" % what)
    ids = [n["id"] for n in js["nodes"]]
    withheld = ids in (["start", "end"], [])
    if not withheld and set(ids) != set(nodes):
        problems.append("%s: nodes %s, true %s" % (what, ids,
                                                   sorted(nodes)))
    for n in js["nodes"]:
        c = n["count"]
        if c is not None and (n["id"] not in nodes or
                              c != rounded(nodes[n["id"]], k, r)):
            problems.append("%s: node %s published %s" % (what, n["id"],
                                                         c))
    if not withheld and len(js["edges"]) != len(edges):
        problems.append("%s: %d edges, true %d" % (what, len(js["edges"]),
                                                  len(edges)))
    for e in js["edges"]:
        c, key = e["count"], (e["from"], e["to"])
        if key not in edges:
            problems.append("%s: edge %s not true" % (what, key))
        elif c is not None and c != rounded(edges[key], k, r):
            problems.append("%s: edge %s published %s" % (what, key, c))
    if "Q" in json.dumps(js) or "2024-" in json.dumps(js):
        problems.append("%s: a client key or a date was published" % what)


# ---- logs ----

def svc_names(rng, n):
    names = set()
    while len(names) < n:
        names.add("".join(rng.choice("abcdefghij") for _ in
                          range(rng.randint(3, 6))))
    return sorted(names)


def random_log(rng):
    nsvc = rng.randint(1, 16)
    svcs = svc_names(rng, nsvc)
    weight = [1 + 2000 // ((i + 1) * (i + 1)) for i in range(nsvc)]
    nclients = rng.randint(1, 9) if rng.random() < 0.1 else \
        rng.randint(10, 200)
    events = []
    for c in range(nclients):
        for _ in range(rng.randint(1, 5)):
            events.append((c, rng.choices(svcs, weight)[0],
                           rng.randrange(330)))
    rng.shuffle(events)
    return events


def paths_log(rng, paths):
    """paths: list of (count, [services]): that many clients, each
    visiting the services in order on increasing days."""
    events, c = [], 0
    for count, path in paths:
        for _ in range(count):
            d = rng.randrange(60)
            for s in path:
                events.append((c, s, d))
                d += 1 + rng.randrange(5)
            c += 1
    rng.shuffle(events)
    return events


def family_log(rng, family, k):
    small = rng.randint(1, k - 1)
    if family == "chain":
        n = rng.randint(3, 7)
        chain = ["c%d" % i for i in range(n)]
        paths = [(rng.randint(k, 4 * k), chain)]
        cut = rng.randint(1, n - 1)
        paths.append((small, chain[:cut]))
        paths.append((rng.randint(1, k - 1), chain[cut:]))
        return paths_log(rng, paths)
    if family == "diamond":
        # Two branches and a small cross edge between them: each side
        # of each node hides two numbers, but the four nodes together
        # pin them.
        return paths_log(rng, [
            (rng.randint(k, 3 * k), ["a", "b", "d"]),
            (rng.randint(k, 3 * k), ["a", "c", "d"]),
            (small, ["a", "b", "c", "d"]),
            (rng.randint(1, k - 1), ["a", "c", "b", "d"]),
            (rng.randint(0, 2 * k), ["b", "d"]),
            (rng.randint(0, 2 * k), ["a", "d"])])
    if family == "exact-k":
        s1 = rng.randint(1, k - 1)
        return paths_log(rng, [
            (rng.randint(2 * k, 5 * k), ["a", "x", "y"]),
            (s1, ["b", "x", "y"]), (k - s1, ["c", "x", "y"]),
            (rng.randint(k, 2 * k), ["b", "y"]),
            (rng.randint(k, 2 * k), ["c", "y"])])
    if family == "one-merged":
        return paths_log(rng, [
            (rng.randint(k, 3 * k), ["a", "b"]),
            (rng.randint(k, 3 * k), ["b", "c"]),
            (small, ["a", "rare", "c"])])
    if family == "unique-path":
        # One client alone takes a route through popular services.
        svcs = ["a", "b", "c", "d", "e"]
        paths = [(rng.randint(k, 3 * k), svcs[i:i + 2])
                 for i in range(len(svcs) - 1)]
        paths += [(rng.randint(k, 2 * k), [svcs[i]]) for i in range(5)]
        route = svcs[:]
        rng.shuffle(route)
        paths.append((1, route))
        return paths_log(rng, paths)
    if family == "cycles":
        # Clients who come back: only the cycle rule bounds the counts.
        paths = [(rng.randint(k, 3 * k), ["a", "b", "a"]),
                 (rng.randint(k, 3 * k), ["b", "a", "b", "c"]),
                 (small, ["a", "c", "a"]),
                 (rng.randint(1, k - 1), ["c", "b"]),
                 (rng.randint(k, 2 * k), ["c"]),
                 (rng.randint(k, 2 * k), ["a", "c"])]
        return paths_log(rng, paths)
    raise ValueError(family)


# ---- running kartta and the attacker ----

class Runner:
    def __init__(self, build, before, tmp):
        self.flowagg = os.path.join(build, "tests", "flowagg")
        self.before = before
        self.tmp = tmp
        self.n = 0

    def run(self, flows, rounding, previous=()):
        """flows: list of (id, csv path, k, format).  Returns the JSON
        of each, or raises with kartta's diagnostics."""
        out = os.path.join(self.tmp, "out%d" % self.n)
        self.n += 1
        os.mkdir(out)
        args = [self.flowagg, "-r", str(rounding), "-o", out]
        if self.before:
            args.append("-N")
        for p in () if self.before else previous:
            args += ["-P", p]
        for fid, path, k, fmt in flows:
            args += ["-f", fmt, "-k", str(k), "-i", fid, path]
        got = subprocess.run(args, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        if got.returncode != 0:
            raise RuntimeError("flowagg failed: %s" % got.stderr)
        res = []
        for fid, _, _, _ in flows:
            with open(os.path.join(out, fid + ".json")) as f:
                res.append(json.load(f))
        return res, got.stderr, out


def transitions_csv(path, nodes, edges, rng):
    rows = ["%s,,%d" % (v, c) for v, c in nodes.items()]
    rows += ["%s,%s,%d" % (a, b, c) for (a, b), c in edges.items()]
    rng.shuffle(rows)
    with open(path, "w") as f:
        f.write("from,to,count\n" + "\n".join(rows) + "\n")


def read_csv(path):
    """An events file written by write_csv, back as events."""
    events = []
    with open(path) as f:
        next(f)
        for line in f:
            c, s, d = line.strip().split(",")
            y, m, dd = d.split("-")
            events.append((c[1:], s, (int(m) - 1) * 28 + int(dd) - 1))
    return events


DECEMBER = 11 * 28   # write_csv's first day of December


def one_case(runner, family, seed, tmp, fixed=None):
    """Returns (problems, hidden cells attacked, leaked cells).  fixed
    gives a log instead of the seed's: {"events", "k", "rounding",
    "client" (the one left out)}."""
    rng = random.Random(seed * 7919 + sum(map(ord, family)))
    problems = []
    k = rng.randint(3, 10)
    r = rng.choice([1, 1, 1, 2, 5, 10])
    if fixed:
        k, r = fixed["k"], fixed["rounding"]
    csv = os.path.join(tmp, "c%d.csv" % seed)
    pubs, rels, runs = [], [], []

    def pub(js, fmt, merged, truth, target=True):
        pubs.append({"json": js, "format": fmt, "merged": merged,
                     "truth": truth, "target": target})
        return len(pubs) - 1

    if fixed:
        events = fixed["events"]
    elif family in ("random", "transitions"):
        events = random_log(rng)
    elif family in ("two-k", "minus-client", "plus-client",
                    "minus-december", "shared-keys"):
        events = random_log(rng)
        if family == "two-k":
            k = 5
    elif not fixed:
        events = family_log(rng, family, k)
    nodes, edges, merged = aggregate(events, k)
    write_csv(csv, events)
    if family == "transitions":
        tcsv = os.path.join(tmp, "t%d.csv" % seed)
        transitions_csv(tcsv, nodes, edges, rng)
        (js,), _, _ = runner.run([("t", tcsv, k, "transitions")], r)
        check_published(js, nodes, edges, merged, k, r, problems, family)
        pub(js, "transitions", None, truth_of(nodes, edges))
    elif family == "two-k":
        (a, b), _, _ = runner.run([("a", csv, 5, "events"),
                                   ("b", csv, 10, "events")], r)
        nb, eb, mb = aggregate(events, 10)
        check_published(a, nodes, edges, merged, 5, r, problems, "k 5")
        check_published(b, nb, eb, mb, 10, r, problems, "k 10")
        pub(a, "events", merged, truth_of(nodes, edges))
        pub(b, "events", mb, truth_of(nb, eb))
        rels.append({"a": 0, "b": 1, "kind": "same"})
    elif family in ("minus-client", "plus-client", "minus-december",
                    "shared-keys"):
        if family == "minus-december":
            part = [e for e in events if e[2] < DECEMBER]
            end = False
        else:
            who = fixed["client"] if fixed else \
                rng.choice(sorted({c for c, _, _ in events}))
            part = [e for e in events if e[0] != who]
            end = True
        pcsv = os.path.join(tmp, "p%d.csv" % seed)
        write_csv(pcsv, part)
        np_, ep, mp = aggregate(part, k)
        if family == "shared-keys":
            (a, b), _, _ = runner.run([("full", csv, k, "events"),
                                       ("part", pcsv, k, "events")], r)
            check_published(a, nodes, edges, merged, k, r, problems, "full")
            check_published(b, np_, ep, mp, k, r, problems, "part")
            pub(a, "events", merged, truth_of(nodes, edges))
            pub(b, "events", mp, truth_of(np_, ep))
            rels.append({"a": 1, "b": 0, "kind": "nested", "end": end})
        else:
            # The earlier edition is published first, then this one.
            old, new = (part, events) if family != "plus-client" else \
                (events, part)
            no, eo, mo = aggregate(old, k)
            nn_, en, mn = aggregate(new, k)
            ocsv = pcsv if old is part else csv
            ncsv = csv if old is part else pcsv
            (po,), _, odir = runner.run([("f", ocsv, k, "events")], r)
            (pn,), _, _ = runner.run([("f", ncsv, k, "events")], r,
                                     [os.path.join(odir, "f.json")])
            check_published(po, no, eo, mo, k, r, problems, "earlier")
            check_published(pn, nn_, en, mn, k, r, problems, "this")
            pub(po, "events", mo, truth_of(no, eo))
            pub(pn, "events", mn, truth_of(nn_, en))
            small, big = (0, 1) if old is part else (1, 0)
            rels.append({"a": small, "b": big, "kind": "nested",
                         "end": end})
            # The earlier edition alone kept its promise.
            alone, _ = attack.attack({"pubs": [pubs[0]]}, tmp)
            problems += ["earlier edition alone: " + p for p in alone]
    else:
        (js,), _, _ = runner.run([("f", csv, k, "events")], r)
        check_published(js, nodes, edges, merged, k, r, problems, family)
        pub(js, "events", merged, truth_of(nodes, edges))
    case = {"pubs": pubs, "relations": rels}
    if not attack.consistent(case, tmp):
        problems.append("the true counts break a public fact")
    found, stats = attack.attack(case, tmp)
    problems += found
    for p in pubs:
        js = p["json"]
        STATS["flows"] += 1
        STATS["withheld"] += [n["id"] for n in js["nodes"]] == \
            ["start", "end"] and len(p["truth"]) > 2
        STATS["numbers"] += len(js["nodes"]) + len(js["edges"])
        STATS["nulls"] += sum(x["count"] is None for x in
                              js["nodes"] + js["edges"])
    return problems, stats.get("cells", 0), len(found)


STATS = {"flows": 0, "withheld": 0, "numbers": 0, "nulls": 0}


FAMILIES = ["random", "transitions", "chain", "diamond", "exact-k",
            "one-merged", "unique-path", "cycles", "two-k",
            "minus-client", "plus-client", "minus-december",
            "shared-keys"]


def main():
    args = sys.argv[1:]
    build = args.pop(0)
    n, first, before, verbose, families = 20, 1, False, False, []
    while args:
        a = args.pop(0)
        if a == "-n":
            n = int(args.pop(0))
        elif a == "-s":
            first = int(args.pop(0))
        elif a == "--before":
            before = True
        elif a == "-v":
            verbose = True
        else:
            families.append(a)
    families = families or FAMILIES
    bad = 0
    tmp = tempfile.mkdtemp(prefix="kartta-props-")
    try:
        runner = Runner(build, before, tmp)
        for fam in families:
            t0 = time.time()
            count = n * (4 if fam == "random" else 1)
            leaky, leaked, cells, fails = 0, 0, 0, []
            for seed in range(first, first + count):
                try:
                    problems, c, lk = one_case(runner, fam, seed, tmp)
                except RuntimeError as e:
                    problems, c, lk = [str(e)], 0, 0
                cells += c
                leaked += lk
                leaky += bool(lk)
                if problems:
                    fails.append((seed, problems))
            what = "%d cases, %d withheld numbers attacked, %d broke " \
                "the promise in %d cases; %d of %d flows withheld whole, " \
                "%d of %d numbers null; %.1f s" % (
                    count, cells, leaked, leaky, STATS["withheld"],
                    STATS["flows"], STATS["nulls"], STATS["numbers"],
                    time.time() - t0)
            for key in STATS:
                STATS[key] = 0
            if before:
                print("BEFORE audit/%s: %s" % (fam, what))
                continue
            if fails:
                bad = 1
                print("FAIL audit/%s (%s)" % (fam, what))
                for seed, problems in fails[:5]:
                    for p in problems[:5]:
                        print("    seed %d: %s" % (seed, p))
            else:
                print("PASS audit/%s (%s)" % (fam, what))
    finally:
        subprocess.run(["rm", "-rf", tmp])
    print("glpsol runs: %d" % attack.Solver.calls, file=sys.stderr) \
        if verbose else None
    return bad


if __name__ == "__main__":
    sys.exit(main())
