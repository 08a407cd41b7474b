#!/usr/bin/env python3
"""Validates content trees against the JSON Schemas that `kartta schema`
wrote, with python3-jsonschema (Draft 2020-12), not with kartta.

    schema_check.py SCHEMA_DIR good CONTENT...   every file must pass
    schema_check.py SCHEMA_DIR bad FILE...       every file must be refused

YAML is read the way kartta and yaml-language-server read it (YAML 1.2
core): only true and false are booleans, and dates stay strings.
Exits 1 with a line per problem.
"""
import glob
import json
import os
import re
import sys

import jsonschema
import yaml


class Loader(yaml.CSafeLoader):  # libyaml, as kartta
    pass


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v
        if tag not in ("tag:yaml.org,2002:bool",
                       "tag:yaml.org,2002:timestamp")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                             re.compile(r"^(?:true|false)$"), list("tf"))

KINDS = {"actors": "actor", "groups": "group", "services": "service",
         "paths": "path", "segments": "segment", "decisions": "decision",
         "maps": "map", "flows": "flow", "guides": "guide",
         "areas": "area", "themes": "theme", "models": "model"}


def load(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith(".md"):
        m = re.match(r"^---\n(.*?)\n(?:---|\.\.\.)\s*\n", text, re.S)
        text = m.group(1) if m else ""
    return yaml.load(text, Loader=Loader)


def schema_for(schemas, path):
    parts = path.split(os.sep)
    if parts[-1] == "site.yaml":
        return schemas["site"]
    return schemas[KINDS[parts[-2]]]


def main():
    sdir, mode, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    schemas = {}
    for f in glob.glob(os.path.join(sdir, "*.schema.json")):
        s = json.load(open(f, encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(s)
        schemas[os.path.basename(f)[:-len(".schema.json")]] = s
    bad = 0
    files = []
    if mode == "good":
        for root in args:
            files.append(os.path.join(root, "site.yaml"))
            for d in KINDS:
                files += sorted(glob.glob(os.path.join(root, d, "*.yaml")) +
                                glob.glob(os.path.join(root, d, "*.md")))
    else:
        files = args
    checked = 0
    for f in files:
        v = jsonschema.Draft202012Validator(schema_for(schemas, f))
        errs = list(v.iter_errors(load(f)))
        checked += 1
        if mode == "good" and errs:
            bad = 1
            for e in errs[:3]:
                print("%s: refused: %s at %s" % (f, e.message,
                                                  list(e.absolute_path)))
        elif mode == "bad" and not errs:
            bad = 1
            print("%s: accepted, but it is wrong" % f)
    if checked == 0:
        print("nothing checked")
        bad = 1
    return bad


sys.exit(main())
