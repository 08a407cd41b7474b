#!/usr/bin/env python3
"""Checks a SARIF log written by kartta against the structure SARIF 2.1.0
requires of what kartta writes (a subset of the OASIS schema, checked by
python3-jsonschema, not by kartta), and against kartta's plain
diagnostics of the same run: the same problems, files, lines and columns.

    sarif_check.py LOG.sarif PLAIN.txt
"""
import json
import re
import sys

import jsonschema

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array", "minItems": 1, "maxItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object", "required": ["driver"],
                        "properties": {"driver": {
                            "type": "object", "required": ["name"],
                            "properties": {
                                "name": {"type": "string"},
                                "version": {"type": "string"},
                                "rules": {"type": "array", "items": {
                                    "type": "object", "required": ["id"]}},
                            }}},
                    },
                    "columnKind": {"enum": ["utf16CodeUnits",
                                            "unicodeCodePoints"]},
                    "results": {"type": "array", "items": {
                        "type": "object",
                        "required": ["message", "ruleId", "level",
                                     "locations"],
                        "additionalProperties": False,
                        "properties": {
                            "ruleId": {"type": "string"},
                            "level": {"enum": ["none", "note", "warning",
                                               "error"]},
                            "message": {"type": "object",
                                        "required": ["text"],
                                        "properties": {"text": {
                                            "type": "string",
                                            "minLength": 1}}},
                            "locations": {"type": "array", "minItems": 1,
                                          "items": {"type": "object",
                                                    "required": [
                                                        "physicalLocation"],
                                                    "properties": {
                                                        "physicalLocation": {
                                                            "type": "object",
                                                            "required": [
                                                                "artifactLocation",
                                                                "region"],
                                                            "properties": {
                                                                "artifactLocation": {
                                                                    "type": "object",
                                                                    "required": ["uri"],
                                                                    "properties": {"uri": {
                                                                        "type": "string",
                                                                        "pattern": "^[A-Za-z0-9._~/%-]+$"}}},
                                                                "region": {
                                                                    "type": "object",
                                                                    "required": ["startLine", "startColumn"],
                                                                    "properties": {
                                                                        "startLine": {"type": "integer", "minimum": 1},
                                                                        "startColumn": {"type": "integer", "minimum": 1}}}}}}}},
                        }}},
                },
            },
        },
    },
}


def main():
    log = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.validate(log, SCHEMA)
    plain = []
    for line in open(sys.argv[2], encoding="utf-8"):
        m = re.match(r"^(.*?):(\d+):(\d+): (error|warning): (.*)$", line)
        if m:
            plain.append((m.group(1), int(m.group(2)), int(m.group(3)),
                          m.group(4), m.group(5)))
    got = []
    for r in log["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        got.append((loc["artifactLocation"]["uri"],
                    loc["region"]["startLine"], loc["region"]["startColumn"],
                    r["level"], r["message"]["text"]))
    if got != plain:
        print("SARIF results differ from the plain diagnostics:")
        for a, b in zip(got, plain):
            if a != b:
                print("  sarif:", a)
                print("  plain:", b)
        print("  %d results, %d plain diagnostics" % (len(got), len(plain)))
        return 1
    if not plain:
        print("no diagnostics to compare")
        return 1
    return 0


sys.exit(main())
