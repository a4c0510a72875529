#!/usr/bin/env python3
"""Summarise a robustness run: compiled files and lines, AD0001 count, NUM diagnostics per rule, samples to read.

usage: summarize.py <out dir with sarif/ and compile/> <source root (for relative paths)>
Prints a Markdown summary and writes <out>/samples.md (up to 10 diagnostics per rule, evenly spread over the
sorted list, each with its source line) and <out>/diagnostics.tsv (every diagnostic).
"""
import collections, glob, json, os, sys, urllib.parse

out, root = sys.argv[1], os.path.realpath(sys.argv[2])

def rel(path):
    p = os.path.realpath(path)
    return os.path.relpath(p, root) if p.startswith(root) else p

compiled = set()
for f in glob.glob(os.path.join(out, "compile", "*.txt")):
    compiled.update(l.strip() for l in open(f) if l.strip())
source = sorted(p for p in compiled if "/obj/" not in p)
generated = sorted(p for p in compiled if "/obj/" in p)
lines = sum(sum(1 for _ in open(p, encoding="utf-8", errors="replace")) for p in source)
all_cs = [l.strip() for l in open(os.path.join(out, "all-cs.txt"))] if os.path.exists(os.path.join(out, "all-cs.txt")) else []
not_compiled = sorted(set(os.path.normpath(p) for p in all_cs) - set(rel(p) for p in source))

diags = {}
for f in sorted(glob.glob(os.path.join(out, "sarif", "*.sarif"))):
    try:
        log = json.load(open(f, encoding="utf-8-sig"))
    except Exception as e:  # a compilation that crashed may leave a truncated log
        print(f"unreadable SARIF {f}: {e}", file=sys.stderr)
        continue
    for run in log.get("runs", []):
        for r in run.get("results", []):
            rid = r.get("ruleId", "?")
            msg = r.get("message", {}).get("text", "")
            loc = (r.get("locations") or [{}])[0].get("physicalLocation", {})
            uri = loc.get("artifactLocation", {}).get("uri", "")
            path = urllib.parse.unquote(urllib.parse.urlparse(uri).path) if uri else ""
            line = loc.get("region", {}).get("startLine", 0)
            col = loc.get("region", {}).get("startColumn", 0)
            suppressed = bool(r.get("suppressions"))
            key = (rid, path, line, col)   # the same diagnostic from several target frameworks counts once
            diags.setdefault(key, (r.get("level", ""), msg, suppressed))

by_rule = collections.Counter(k[0] for k in diags if k[0].startswith("NUM"))
by_rule_supp = collections.Counter(k[0] for k, v in diags.items() if k[0].startswith("NUM") and v[2])
ad = [(k, v) for k, v in diags.items() if k[0] == "AD0001"]
errors = collections.Counter(k[0] for k, v in diags.items() if v[0] == "error")

print(f"### {rel(out)}\n")
print(f"- compiled source files: {len(source)} ({lines} lines), plus {len(generated)} generated files under obj/")
if not_compiled:
    print(f"- .cs files under the root that no compilation included: {len(not_compiled)}")
print(f"- AD0001 (analyzer exception): {len(ad)}")
for k, v in ad:
    print(f"  - {rel(k[1])}:{k[2]}: {v[1]}")
print(f"- compiler/analyzer errors: {sum(errors.values())} {dict(errors.most_common(8)) if errors else ''}")
print(f"- NUM diagnostics: {sum(by_rule.values())} (of which suppressed in source: {sum(by_rule_supp.values())})\n")
print("| Rule | Diagnostics | suppressed in source |\n|---|---:|---:|")
for rid in sorted(by_rule):
    print(f"| {rid} | {by_rule[rid]} | {by_rule_supp[rid]} |")
print()

with open(os.path.join(out, "diagnostics.tsv"), "w") as tsv:
    for k, v in sorted(diags.items()):
        tsv.write("\t".join([k[0], rel(k[1]), str(k[2]), str(k[3]), v[0], str(v[2]), v[1]]) + "\n")

def source_line(path, line):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for i, l in enumerate(f, 1):
                if i == line:
                    return l.strip()
    except OSError:
        pass
    return ""

with open(os.path.join(out, "samples.md"), "w") as s:
    for rid in sorted(by_rule):
        keys = sorted(k for k in diags if k[0] == rid)
        n = len(keys)
        pick = keys if n <= 10 else [keys[(i * n) // 10] for i in range(10)]
        s.write(f"## {rid} ({n} diagnostics, {len(pick)} shown)\n\n")
        for k in pick:
            s.write(f"- `{rel(k[1])}:{k[2]}` — {diags[k][1]}\n  `{source_line(k[1], k[2])}`\n")
        s.write("\n")
