#!/usr/bin/env python3
"""Generates large or deep content trees for tests/limits.sh.

    python3 tests/tools/gen_large.py CASE DIR     write the tree of CASE in DIR
    python3 tests/tools/gen_large.py --list       the names of the cases

Each tree is a small valid handbook (one actor, one group, one service)
plus one thing taken to an extreme: the depth or size that issue #13
found crashing or hanging kartta.  Deterministic: the same case always
gives the same bytes.
"""

import os
import sys


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def base(d, site_extra=""):
    write(f"{d}/site.yaml", "title: Rajat\n" + site_extra)
    write(f"{d}/actors/toimija.yaml",
          "name: Toimija\nkind: public\nsummary: Toimija.\n")
    write(f"{d}/groups/ryhma.yaml", "name: Ryhmä\nsummary: Ryhmä.\n")
    service(d, "palvelu")


def service(d, sid, extra=""):
    write(f"{d}/services/{sid}.yaml",
          f"name: Palvelu {sid}\ngroup: ryhma\nproviders: [toimija]\n"
          f"summary: Palvelu.\n{extra}")


def guide(d, gid, body, front=""):
    write(f"{d}/guides/{gid}.md",
          f"---\ntitle: Ohje\n{front}---\n{body}")


def md_deep_quote(d):
    base(d)
    guide(d, "syva", ">" * 200000 + " pohjalla\n")


def md_deep_list(d):
    base(d)
    # "- - - x" nests one list in the item of the other.
    guide(d, "syva", "- " * 100000 + "pohjalla\n")


def md_deep_indent(d):
    base(d)
    # Nesting by indentation: each item two columns right of the last.
    guide(d, "syva", "".join(" " * (2 * i) + "- kohta\n"
                             for i in range(1500)))


def md_deep_emphasis(d):
    base(d)
    guide(d, "syva", "*" * 50000 + "x" + "*" * 50000 + "\n\n" +
          "[" * 50000 + "x" + "](a)" * 50000 + "\n")


def md_deep_description(d):
    base(d)
    service(d, "syva", "description: |\n  " + "> " * 100000 + "x\n")


def yaml_deep(d):
    base(d)
    service(d, "syva", "tags: " + "[" * 100000 + "]" * 100000 + "\n")


def yaml_many_keys(d):
    base(d)
    # Distinct keys: a quadratic duplicate check shows here.
    service(d, "avaimet", "".join(f"k{i}: x\n" for i in range(200000)))


def yaml_dup_keys(d):
    base(d)
    # Each duplicate's first place lies past 100,000 other keys: a scan
    # back per duplicate shows here.
    service(d, "avaimet", "".join(f"k{i}: x\n" for i in range(100000)) +
            "tags: [x]\n" * 200000)


def yaml_dup_ids(d):
    base(d, "audiences:\n" + "".join(f"  a{i % 100000}: R\n"
                                     for i in range(200000)))


def lint_phones(d):
    base(d)
    guide(d, "numerot", "".join(f"Soita 040 123 {4000 + i % 5000}.\n"
                                for i in range(100000)))


def headings(d):
    base(d)
    guide(d, "otsikot", "".join("## Otsikko\n\nTeksti.\n\n"
                                for _ in range(20000)))


def audiences(d):
    base(d, "audiences:\n" + "".join(f"  a{i}: R\n"
                                     for i in range(200000)))


def services(d):
    base(d)
    for i in range(20000):
        service(d, f"s{i}")


def decision(d):
    base(d)
    n = int(os.environ.get("N", 5000))
    q = "".join(f"  q{i}:\n    text: Kysymys {i}?\n    answers:\n"
                f"      - {{ label: Kyllä, outcome: o }}\n"
                f"      - {{ label: Ei, goto: q{i + 1} }}\n"
                for i in range(n - 1))
    q += (f"  q{n - 1}:\n    text: Viimeinen?\n    answers:\n"
          f"      - {{ label: Kyllä, outcome: o }}\n")
    write(f"{d}/decisions/puu.yaml",
          f"title: Puu\nstart: q0\nquestions:\n{q}"
          f"outcomes:\n  o:\n    text: Loppu.\n")


def decision_cycle(d):
    base(d)
    n = int(os.environ.get("N", 5000))
    q = "".join(f"  q{i}:\n    text: Kysymys {i}?\n    answers:\n"
                f"      - {{ label: Ei, goto: q{(i + 1) % n} }}\n"
                for i in range(n))
    write(f"{d}/decisions/keha.yaml",
          f"title: Kehä\nstart: q0\nquestions:\n{q}"
          f"  loppu:\n    text: Loppu?\n    answers:\n"
          f"      - {{ label: Kyllä, outcome: o }}\n"
          f"outcomes:\n  o:\n    text: Loppu.\n")


def path(d):
    base(d)
    steps = "".join(f"  - at: service:palvelu\n    title: Vaihe {i}\n"
                    for i in range(int(os.environ.get("N", 10000))))
    write(f"{d}/paths/pitka.yaml",
          f"title: Pitkä polku\npersona:\n  name: Aada\nsteps:\n{steps}")


def map_all(d):
    base(d)
    for i in range(int(os.environ.get("N", 2000))):
        service(d, f"s{i}")
    write(f"{d}/maps/kaikki.yaml", "title: Kaikki\nactors: all\n"
          "groups: all\n")


def map_edges(d):
    """A region's whole map at its limit: 2,000 services in 60 groups, two
    next steps each, mostly between groups (so drawn as arrows between
    groups), and 40 actors: N (100) boxes for the lines to go around."""
    base(d)
    boxes = int(os.environ.get("N", 100))
    groups = 59  # and base()'s
    n = 2000
    for g in range(groups):
        write(f"{d}/groups/g{g}.yaml", f"name: Ryhmä {g}\nsummary: R.\n")
    for a in range(boxes - groups - 2):
        write(f"{d}/actors/a{a}.yaml",
              f"name: Toimija {a}\nkind: public\nsummary: T.\n")
    for i in range(n):
        write(f"{d}/services/s{i}.yaml",
              f"name: Palvelu s{i}\ngroup: g{i % groups}\n"
              f"providers: [toimija]\nsummary: P.\n"
              f"next: [s{(i * 7 + 13) % n}, s{(i * 11 + 29) % n}]\n")
    write(f"{d}/maps/kaikki.yaml", "title: Kaikki\nactors: all\n"
          "groups: all\n")


def map_crowded(d):
    """A map with more labelled relations than its actors' bands can
    hold: 50 relations of 30 actors to 100 services in 10 groups, each
    service with two next steps into other groups (seeded, so always the
    same).  Graphviz draws some lines through boxes."""
    import random
    rnd = random.Random(2)
    write(f"{d}/site.yaml", "title: Rajat\n")
    for a in range(30):
        write(f"{d}/actors/a{a}.yaml",
              f"name: Toimija {a}\nkind: public\nsummary: Toimija.\n")
    ids = []
    for g in range(10):
        write(f"{d}/groups/g{g}.yaml", f"name: Ryhmä {g}\nsummary: Ryhmä.\n")
        ids += [(g, f"s{g}x{s}") for s in range(10)]
    for g, sid in ids:
        nx = set()
        while len(nx) < 2:
            og, oid = rnd.choice(ids)
            if og != g:
                nx.add(oid)
        write(f"{d}/services/{sid}.yaml",
              f"name: Palvelu {sid}\ngroup: g{g}\nproviders: [a0]\n"
              f"summary: Palvelu.\nnext: [{', '.join(sorted(nx))}]\n")
    edges = "".join(f"  - from: actor:a{rnd.randrange(30)}\n"
                    f"    to: service:{rnd.choice(ids)[1]}\n"
                    f"    label: ohjaa {i}\n" for i in range(50))
    write(f"{d}/maps/kaikki.yaml", "title: Kaikki\nactors: all\n"
          "groups: all\nedges:\n" + edges)


def part_of_chain(d):
    base(d)
    n = int(os.environ.get("N", 5000))
    for i in range(n):
        parent = f"\npart_of: a{i + 1}" if i + 1 < n else ""
        write(f"{d}/actors/a{i}.yaml",
              f"name: A{i}\nkind: public\nsummary: A.{parent}\n")


def part_of_cycle(d):
    base(d)
    n = int(os.environ.get("N", 5000))
    for i in range(n):
        write(f"{d}/actors/a{i}.yaml",
              f"name: A{i}\nkind: public\nsummary: A.\n"
              f"part_of: a{(i + 1) % n}\n")


CASES = {
    "map-crowded": map_crowded,
    "md-deep-quote": md_deep_quote,
    "md-deep-list": md_deep_list,
    "md-deep-indent": md_deep_indent,
    "md-deep-emphasis": md_deep_emphasis,
    "md-deep-description": md_deep_description,
    "yaml-deep": yaml_deep,
    "yaml-many-keys": yaml_many_keys,
    "yaml-dup-keys": yaml_dup_keys,
    "yaml-dup-ids": yaml_dup_ids,
    "lint-phones": lint_phones,
    "headings": headings,
    "audiences": audiences,
    "services": services,
    "decision": decision,
    "decision-cycle": decision_cycle,
    "path": path,
    "map-all": map_all,
    "map-edges": map_edges,
    "part-of-chain": part_of_chain,
    "part-of-cycle": part_of_cycle,
}


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--list":
        print("\n".join(CASES))
        return 0
    if len(sys.argv) != 3 or sys.argv[1] not in CASES:
        sys.stderr.write("usage: gen_large.py CASE DIR | --list\n")
        return 2
    CASES[sys.argv[1]](sys.argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
