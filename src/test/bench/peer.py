#!/usr/bin/env python3
"""What a researcher would write instead of polcomp: the yardstick of `make bench`.

    python3 peer.py DATASET OUT.xlsx|OUT.csv|OUT.json [CODEBOOK.yaml]

Reads every .yaml/.yml file under DATASET with PyYAML's C loader (libyaml), classifies each
measure by the default codebook's rules (targeting T1-T3, the duration score D1-D4 with the
codebook's weights), aggregates per municipality (shares, profile) and writes a table of
municipalities and a table of measures: an openpyxl workbook with two sheets (write-only mode), two CSV files
(OUT.csv for municipalities, OUT-measures.csv beside it) or one JSON document. It does no
validation and writes no charts or formatting, so it does less than polcomp; that is the point
of a yardstick: the script a competent analyst writes in an afternoon.
"""
import csv
import json
import os
import sys

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    Loader = yaml.SafeLoader


def codebook(path):
    with open(path, encoding="utf-8") as f:
        cb = yaml.load(f, Loader=Loader)
    return {
        "migration": {g["id"] for g in cb["groups"] if g["migration_defined"]},
        "instrument": {i["id"]: i["weight"] for i in cb["instruments"]},
        "lean": {s["id"]: s["lean"] for s in cb["funding_sources"]},
        "declared": cb["weights"]["declared_duration"],
        "end": cb["weights"]["end"],
    }


def classify(m, cb):
    groups = (m.get("target") or {}).get("groups") or []
    mig = [g for g in groups if g in cb["migration"] or str(g).startswith("origin:")]
    gen = [g for g in groups if g not in mig]
    targeting = "mainstreamed" if gen else ("target-group" if mig else "unclassified")
    score = 0.0
    reasons = []
    d = m.get("declared_duration")
    if d in cb["declared"]:
        score += cb["declared"][d]
        reasons.append("D1 %s (%+d)" % (d, cb["declared"][d]))
    end = (m.get("period") or {}).get("end")
    if end is not None:
        w = cb["end"]["open"] if end == "open" else cb["end"]["date"]
        score += w
        reasons.append("D2 end %s (%+d)" % (end, w))
    w = cb["instrument"].get(m.get("instrument"))
    if w:
        score += w
        reasons.append("D3 %s (%+d)" % (m.get("instrument"), w))
    funding = m.get("funding") or []
    if funding:
        leans = [cb["lean"].get(f.get("source"), 0) for f in funding]
        amounts = [f.get("amount_eur") for f in funding]
        if all(a is not None for a in amounts) and sum(amounts) > 0:
            lean = sum(l * a for l, a in zip(leans, amounts)) / sum(amounts)
        else:
            lean = sum(leans) / len(leans)
        score += lean
        reasons.append("D4 funding (%+.3f)" % lean)
    score = round(score, 3)
    duration = "structural" if score > 0 else ("temporary" if score < 0 else "unclassified")
    return targeting, duration, score, reasons


def share(a, b):
    return None if a + b == 0 else a / (a + b)


def label(s, yes, no):
    if s is None:
        return "unclassified"
    return yes if s > 0.5 else (no if s < 0.5 else "balanced")


def main():
    dataset, out = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    cb = codebook(sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        here, "../../main/resources/org/polcomp/load/default-codebook.yaml"))
    files = []
    for root, dirs, names in os.walk(dataset):
        dirs.sort()
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith((".yaml", ".yml"))]
    towns, measures = [], []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for doc in yaml.load_all(f, Loader=Loader):
                if not isinstance(doc, dict) or "municipality" not in doc:
                    continue
                mun = doc["municipality"]
                n = {"mainstreamed": 0, "target-group": 0, "structural": 0, "temporary": 0}
                budget = None
                for m in doc.get("policies") or []:
                    t, d, score, reasons = classify(m, cb)
                    n[t] = n.get(t, 0) + 1
                    n[d] = n.get(d, 0) + 1
                    amount = sum(f.get("amount_eur") or 0 for f in m.get("funding") or [])
                    if any("amount_eur" in f for f in m.get("funding") or []):
                        budget = (budget or 0) + amount
                    measures.append({"municipality_id": mun["id"], "measure_id": m["id"],
                                     "title": m.get("title"), "domain": m.get("domain"),
                                     "targeting": t, "duration": d, "duration_score": score,
                                     "reasons": "; ".join(reasons)})
                ms = share(n["mainstreamed"], n["target-group"])
                ss = share(n["structural"], n["temporary"])
                towns.append({"municipality_id": mun["id"], "name": mun.get("name"),
                              "measures": sum(1 for _ in doc.get("policies") or []),
                              "mainstreaming_share": ms, "structural_share": ss,
                              "budget_eur": budget,
                              "profile": label(ms, "mainstreamed", "target-group") + "-"
                              + label(ss, "structural", "temporary")})
    if out.endswith(".xlsx"):
        from openpyxl import Workbook
        # write-only: rows go to disk as they come, so 100,000 municipalities fit in memory
        wb = Workbook(write_only=True)
        for title, rows in (("Municipalities", towns), ("Measures", measures)):
            ws = wb.create_sheet(title)
            keys = list(rows[0]) if rows else []
            ws.append(keys)
            for r in rows:
                ws.append([r[k] for k in keys])
        wb.save(out)
    elif out.endswith(".csv"):
        for path, rows in ((out, towns), (out[:-4] + "-measures.csv", measures)):
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else [])
                w.writeheader()
                w.writerows(rows)
    else:
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"municipalities": towns, "measures": measures}, f, ensure_ascii=False,
                      indent=1)


if __name__ == "__main__":
    main()
