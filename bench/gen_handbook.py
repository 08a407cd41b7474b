#!/usr/bin/env python3
"""gen_handbook: a seeded, reproducible content tree of a national
handbook for `make bench` and tests/scale.sh.

Each region (r01 ... rNN) gets about 120 services, 25 actors, 10 groups,
15 client paths, 4 segments, 1 decision guide, 1 map and 10 guides, all
ids prefixed with the region, linked to each other inside the region the
way a real handbook is (providers, next and related services, entity
links in Markdown, map edges), with headings that repeat inside a page
and across pages so that heading and print ids collide.  The same seed
and size always write the same bytes.

    gen_handbook.py [-s SEED] [-r REGIONS] [-S SERVICES] OUT
        [--hugo HUGO_OUT] [--markdown MD_OUT]

--hugo also writes the same entity pages as a Hugo site (one Markdown
page each, front matter and every Markdown text of the entity, no
diagrams); --markdown writes every Markdown text kartta renders, one file
each, for timing cmark alone.
"""
import argparse
import os
import random
import sys

WORDS = ("työkyky tuki palvelu asiakas ohjaus arvio kuntoutus työ "
         "toimeentulo verkosto yhteistyö suunnitelma tiimi vastaava "
         "koordinointi kokeilu valmennus koulutus terveys sosiaali "
         "järjestö kunta alue etuus hakemus päätös seuranta jakso "
         "tapaaminen neuvottelu osaaminen arki jaksaminen polku").split()
HEADS = ("Mitä palvelussa tehdään", "Kenelle", "Miten haetaan",
         "Yhteistyö", "Seuranta", "Lisätietoja", "Yhteenveto")
GROUP_COLOURS = ("#EEDD88", "#77AADD", "#99DDFF", "#44BB99", "#BBCC33",
                 "#AAAA00", "#EE8866", "#FFAABB", "#DDDDDD", "#CCBBAA")
ACTOR_KINDS = ("public", "wellbeing-county", "municipality", "state",
               "third-sector", "private", "team", "role")
STAGES = ("identification", "assessment", "planning", "services",
          "follow-up")


def sentence(rnd, n):
    w = [rnd.choice(WORDS) for _ in range(n)]
    return w[0].capitalize() + " " + " ".join(w[1:]) + "."


def para(rnd, n):
    return " ".join(sentence(rnd, rnd.randint(6, 12)) for _ in range(n))


def wrap(text, indent="  "):
    """A YAML block scalar's lines."""
    out, line = [], ""
    for w in text.split(" "):
        if line and len(line) + 1 + len(w) > 70:
            out.append(indent + line)
            line = w
        else:
            line = line + " " + w if line else w
    if line:
        out.append(indent + line)
    return "\n".join(out)


def markdown(rnd, region, links, heads=2):
    """A few paragraphs with entity links and repeated headings."""
    parts = [para(rnd, 2)]
    for h in range(heads):
        parts.append("## " + rnd.choice(HEADS))
        text = para(rnd, 2)
        if links:
            kind, eid, label = rnd.choice(links)
            text += " Katso [%s](%s:%s)." % (label, kind, eid)
        parts.append(text)
    return "\n\n".join(parts)


def block(key, md):
    return "%s: |\n%s\n" % (key, "\n".join(
        ("  " + l) if l else "" for l in md.split("\n")))


class Tree:
    def __init__(self, out, seed, regions, services):
        self.out = out
        self.rnd = random.Random(seed)
        self.regions = regions
        self.nsvc = services
        self.md_texts = []   # every Markdown text, for --markdown
        self.pages = []      # (kind, id, title, summary, [md]) for --hugo

    def write(self, rel, text):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    def site(self):
        self.write("site.yaml", """title: Työkyvyn tuen käsikirja – koko maa
languages: [fi]
region: Suomi
publisher: Kartta-vertailu
description: |
  Koko maan %d hyvinvointialueen työkyvyn tuen palvelut yhdessä
  käsikirjassa: vertailuaineisto, jonka bench/gen_handbook.py kirjoittaa.
license: CC BY 4.0
edition: "2026.1"
audiences:
  paattajat: Päättäjät
  asiantuntijat: Asiantuntijat
  asiakkaat: Asiakkaat ja läheiset
anonymity:
  k: 5
""" % self.regions)

    def region(self, r):
        rnd = self.rnd
        p = "r%02d" % r
        groups = ["%s-ryhma-%02d" % (p, i) for i in range(1, 11)]
        actors = ["%s-toimija-%02d" % (p, i) for i in range(1, 26)]
        services = ["%s-palvelu-%03d" % (p, i)
                    for i in range(1, self.nsvc + 1)]
        segments = ["%s-taso-%d" % (p, i) for i in range(1, 5)]
        links = ([("service", s, "palvelu") for s in services[:30]] +
                 [("actor", a, "toimija") for a in actors[:10]])

        for i, g in enumerate(groups):
            self.write("groups/%s.yaml" % g,
                       "name: Ryhmä %d (%s)\nsummary: %s\norder: %d\n"
                       "colour: \"%s\"\n" % (i + 1, p, sentence(rnd, 8),
                                             (i + 1) * 10,
                                             GROUP_COLOURS[i]))
            self.pages.append(("groups", g, "Ryhmä %d (%s)" % (i + 1, p),
                               "", []))
        for i, a in enumerate(actors):
            md = markdown(rnd, p, links, 1)
            self.md_texts.append(md)
            name = "Toimija %d (%s)" % (i + 1, p)
            summ = sentence(rnd, 10)
            self.write("actors/%s.yaml" % a,
                       "name: %s\nkind: %s\nsummary: %s\n%s" %
                       (name, ACTOR_KINDS[i % len(ACTOR_KINDS)], summ,
                        block("description", md)))
            self.pages.append(("actors", a, name, summ, [md]))
        for i, s in enumerate(services):
            desc = markdown(rnd, p, links, 2)
            who = para(rnd, 1)
            how = para(rnd, 1)
            self.md_texts += [desc, who, how]
            name = "Palvelu %d (%s)" % (i + 1, p)
            summ = sentence(rnd, 12)
            prov = sorted(set(rnd.sample(actors, rnd.randint(1, 3))))
            nxt = sorted(set(rnd.sample(services, 3)) - {s})
            rel = sorted(set(rnd.sample(services, 2)) - {s})
            self.write("services/%s.yaml" % s,
                       "name: %s\ngroup: %s\nproviders: [%s]\n"
                       "summary: %s\n%s%s\naccess: referral\n%s"
                       "criteria:\n  - %s\n  - %s\nnext: [%s]\n"
                       "related: [%s]\ntags: [%s, %s]\n" %
                       (name, groups[i % len(groups)], ", ".join(prov),
                        summ, block("description", desc),
                        block("for_whom", who).rstrip("\n"),
                        block("how_to_access", how),
                        sentence(rnd, 8), sentence(rnd, 8), ", ".join(nxt),
                        ", ".join(rel), rnd.choice(WORDS),
                        rnd.choice(WORDS)))
            self.pages.append(("services", s, name, summ, [desc, who, how]))
        for i, sg in enumerate(segments):
            name = "Taso %d (%s)" % (i + 1, p)
            self.write("segments/%s.yaml" % sg,
                       "name: %s\nlevel: %d\nsummary: %s\nwhen:\n  - %s\n"
                       "  - %s\nnot_when:\n  - %s\nservices: [%s]\n" %
                       (name, i + 1, sentence(rnd, 10), sentence(rnd, 8),
                        sentence(rnd, 8), sentence(rnd, 8),
                        ", ".join(services[i * 4:i * 4 + 4])))
            self.pages.append(("segments", sg, name, "", []))
        for i in range(15):
            pid = "%s-polku-%02d" % (p, i + 1)
            steps = []
            for j in range(rnd.randint(5, 9)):
                if j % 3 == 2:
                    at = "actor:" + rnd.choice(actors)
                else:
                    at = "service:" + rnd.choice(services)
                note = para(rnd, 1)
                self.md_texts.append(note)
                steps.append("  - at: %s\n    title: Vaihe %d\n"
                             "    stage: %s\n    responsible: %s\n"
                             "    note: |\n%s\n" %
                             (at, j + 1, STAGES[min(j * 5 // 9, 4)],
                              rnd.choice(actors), wrap(note, "      ")))
            sit = para(rnd, 2)
            self.md_texts.append(sit)
            title = "Polku %d (%s)" % (i + 1, p)
            self.write("paths/%s.yaml" % pid,
                       "title: %s\npersona:\n  name: Asiakas\n"
                       "  age: \"25-35\"\n  situation: |\n%s\n"
                       "segment: %s\ncoordinator: %s\nsteps:\n%s" %
                       (title, wrap(sit, "    "), segments[i % 4],
                        actors[i % 25], "".join(steps)))
            self.pages.append(("paths", pid, title, "", [sit]))
        did = "%s-kuka-koordinoi" % p
        self.write("decisions/%s.yaml" % did, """title: Kuka koordinoi (%s)?
start: q1
questions:
  q1:
    text: %s
    answers:
      - label: "Kyllä"
        outcome: o1
      - label: "Ei"
        goto: q2
  q2:
    text: %s
    answers:
      - label: "Kyllä"
        outcome: o2
      - label: "Ei"
        goto: q3
  q3:
    text: %s
    answers:
      - label: "Kyllä"
        outcome: o3
      - label: "Ei"
        outcome: o4
outcomes:
  o1:
    text: %s
    segment: %s
    actor: %s
  o2:
    text: %s
    segment: %s
  o3:
    text: %s
    segment: %s
    actor: %s
  o4:
    text: %s
    segment: %s
""" % (p, sentence(rnd, 9), sentence(rnd, 9), sentence(rnd, 9),
            sentence(rnd, 10), segments[0], actors[0], sentence(rnd, 10),
            segments[1], sentence(rnd, 10), segments[2], actors[1],
            sentence(rnd, 10), segments[3]))
        self.pages.append(("decisions", did, "Kuka koordinoi (%s)?" % p,
                           "", []))
        mid = "%s-kokonaisuus" % p
        edges = "".join(
            "  - from: actor:%s\n    to: service:%s\n    label: ohjaa\n" %
            (actors[k], services[k * 7 % len(services)]) for k in range(6))
        self.write("maps/%s.yaml" % mid,
                   "title: Palvelukokonaisuus (%s)\n%scentre: %s\n"
                   "actors: [%s]\ngroups: [%s]\nedges:\n%s"
                   "layout: dot\ndirection: TB\n" %
                   (p, block("description", para(rnd, 2)), actors[0],
                    ", ".join(actors[:8]), ", ".join(groups[:1]), edges))
        self.pages.append(("maps", mid, "Palvelukokonaisuus (%s)" % p, "",
                           []))
        for i in range(10):
            gid = "%s-opas-%02d" % (p, i + 1)
            body = markdown(rnd, p, links, 4)
            self.md_texts.append(body)
            title = "Opas %d (%s)" % (i + 1, p)
            self.write("guides/%s.md" % gid,
                       "---\ntitle: %s\norder: %d\n"
                       "audience: [paattajat, asiantuntijat]\n---\n\n%s\n" %
                       (title, r * 100 + i, body))
            self.pages.append(("guides", gid, title, "", [body]))

    def hugo(self, out):
        """The same entity pages as a Hugo site, Markdown only."""
        def w(rel, text):
            path = os.path.join(out, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        w("hugo.toml", 'baseURL = "https://example.org/"\n'
          'languageCode = "fi"\ntitle = "Käsikirja"\n'
          'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
        w("layouts/_default/single.html",
          "<!doctype html><html lang=\"fi\"><head><title>{{ .Title }}"
          "</title></head><body><nav>{{ range .Site.Sections }}"
          "<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</nav>"
          "<main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n")
        w("layouts/_default/list.html",
          "<!doctype html><html lang=\"fi\"><head><title>{{ .Title }}"
          "</title></head><body><main><h1>{{ .Title }}</h1><ul>"
          "{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
          "{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n")
        w("layouts/index.html",
          "<!doctype html><html lang=\"fi\"><head><title>{{ .Site.Title }}"
          "</title></head><body><main>{{ range .Site.Sections }}"
          "<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}"
          "</main></body></html>\n")
        for kind, eid, title, summ, mds in self.pages:
            w("content/%s/%s.md" % (kind, eid),
              "---\ntitle: \"%s\"\n---\n\n%s\n\n%s\n" %
              (title, summ, "\n\n".join(mds)))

    def markdown_files(self, out):
        os.makedirs(out, exist_ok=True)
        for i, md in enumerate(self.md_texts):
            with open(os.path.join(out, "%05d.md" % i), "w",
                      encoding="utf-8") as f:
                f.write(md + "\n")


def main():
    ap = argparse.ArgumentParser(description="seeded handbook tree")
    ap.add_argument("-s", "--seed", type=int, default=1)
    ap.add_argument("-r", "--regions", type=int, default=21)
    ap.add_argument("-S", "--services", type=int, default=120)
    ap.add_argument("--hugo")
    ap.add_argument("--markdown")
    ap.add_argument("out")
    a = ap.parse_args()
    if a.services < 20:
        sys.exit("gen_handbook: at least 20 services a region")
    t = Tree(a.out, a.seed, a.regions, a.services)
    t.site()
    for r in range(1, a.regions + 1):
        t.region(r)
    if a.hugo:
        t.hugo(a.hugo)
    if a.markdown:
        t.markdown_files(a.markdown)


if __name__ == "__main__":
    main()
