#!/usr/bin/env python3
"""Writes a copy of an evaluation questions file whose gold `doc` paths end in another extension.

  scripts/questions-for-format.py QUESTIONS.jsonl EXT > OUT.jsonl

score.py compares an answer's `source` with the gold `doc` as strings; a corpus converted to another format keeps
each file's relative path with the new extension, so the gold paths are rewritten the same way (".md" -> ".pdf").
"""
import json
import os
import sys

questions, ext = sys.argv[1], sys.argv[2].lstrip(".")
with open(questions, encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        q = json.loads(line)
        if q.get("doc"):
            q["doc"] = os.path.splitext(q["doc"])[0] + "." + ext
        print(json.dumps(q, ensure_ascii=False))
