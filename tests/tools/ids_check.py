#!/usr/bin/env python3
"""ids_check.py: for each HTML page named, reports ids used twice and in-page
links (href="#x") to no id on the page.  Prints one line per problem and
exits 1 if there was any.  Used by tests/scale.sh."""
import collections
import re
import sys

bad = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        s = f.read()
    ids = re.findall(r'\sid="([^"]*)"', s)
    for k, v in sorted(collections.Counter(ids).items()):
        if v > 1:
            print("%s: id %s used %d times" % (path, k, v))
            bad = 1
    for h in sorted(set(re.findall(r'\shref="#([^"]+)"', s)) - set(ids)):
        print("%s: link to #%s, which is not on the page" % (path, h))
        bad = 1
sys.exit(bad)
