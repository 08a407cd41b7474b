#!/usr/bin/env python3
"""One regression case per attack family (tests/audit/cases/<family>/:
log.csv, small enough to read, and case.json saying how it is published
and what the attack is).  Each case is run twice through
build/tests/flowagg: with -N (primary and local suppression only, what
kartta published before the audit) the independent attacker must break
the promise, which shows the attack is real; with the audit it must
not.

  regress.py BUILD [-v] [CASE...]
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import props  # noqa: E402

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")


def main():
    args = sys.argv[1:]
    build = args.pop(0)
    verbose = "-v" in args
    names = [a for a in args if a != "-v"] or sorted(os.listdir(HERE))
    bad = 0
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
