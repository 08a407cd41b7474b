#!/usr/bin/env python3
"""Own words: no run of eight words in content/ is copied from a source.

The default content was written from source documents (the seeds: slides
and a model card from Keski-Suomi, Varsinais-Suomi and Lieto).  It must
say things in its own words, so no eight consecutive words of it may
appear, in the same order, in a source.  The sources are not part of the
repository; what is kept is a fingerprint of every eight-word window of
them (tests/own-words.txt), which says nothing readable about the text.

Both sides are normalised the same way: lower case, accents removed
(ä -> a, so the sources' OCR without umlauts still matches), every run of
letters and digits a word, everything else a space.  Markdown link
targets ("](service:x)") are dropped first, so that a link cannot hide a
copied sentence.

  own_words.py make SEEDDIR >tests/own-words.txt
  own_words.py check tests/own-words.txt DIR...

check prints each copied run as "file: the words" and exits 1 if there
is one.
"""
import hashlib
import os
import re
import sys
import unicodedata

N = 8


def words(text):
    text = re.sub(r'\]\([^)\s]*\)', '] ', text)
    text = unicodedata.normalize('NFKD', text.lower())
    text = ''.join(c for c in text if not unicodedata.combining(c))
    return re.findall(r'[a-z0-9]+', text)


def fingerprint(ws):
    return hashlib.sha1(' '.join(ws).encode()).hexdigest()[:12]


def files(paths):
    for top in paths:
        if os.path.isfile(top):
            yield top
            continue
        for root, dirs, names in os.walk(top):
            dirs.sort()
            for name in sorted(names):
                yield os.path.join(root, name)


def make(seeddir):
    prints = set()
    for path in files([seeddir]):
        with open(path, encoding='utf-8', errors='replace') as f:
            ws = words(f.read())
        for i in range(len(ws) - N + 1):
            prints.add(fingerprint(ws[i:i + N]))
    print('# own_words.py: fingerprints of the sources\' %d-word windows' % N)
    for p in sorted(prints):
        print(p)
    return 0


def check(printfile, paths):
    with open(printfile, encoding='utf-8') as f:
        prints = {l.strip() for l in f if l.strip() and not l.startswith('#')}
    if not prints:
        print('%s has no fingerprints' % printfile)
        return 2
    found = 0
    for path in files(paths):
        with open(path, encoding='utf-8', errors='replace') as f:
            ws = words(f.read())
        hits = [fingerprint(ws[i:i + N]) in prints
                for i in range(len(ws) - N + 1)]
        i = 0
        while i < len(hits):
            if not hits[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(hits) and hits[j + 1]:
                j += 1
            print('%s: %s' % (path, ' '.join(ws[i:j + N])))
            found += 1
            i = j + 1
    return 1 if found else 0


def main(argv):
    if len(argv) == 3 and argv[1] == 'make':
        return make(argv[2])
    if len(argv) >= 4 and argv[1] == 'check':
        return check(argv[2], argv[3:])
    print(__doc__.strip().split('\n\n')[-2], file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
