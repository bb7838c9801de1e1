"""Evaluate: extract from a gold file and score the records (spec section 5).

Users check vigie's accuracy on their own annotated articles with `vigie evaluate GOLD.jsonl`.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from typing import Any, Iterable, Optional

QUOTE_MARKS = "«»\"“”„‟‹›'‘’`"


def norm(s: Optional[str]) -> str:
    """Lower case, no accents, no quote marks, single spaces."""
    s = unicodedata.normalize("NFKD", str(s or "")).replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    s = "".join(" " if c in QUOTE_MARKS else c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split())


def _event_fields(e: dict) -> dict:
    loc, size, target = e.get("location") or {}, e.get("size") or {}, e.get("target") or {}
    return {"city": loc.get("city"), "country": (loc.get("country") or "").upper() or None,
            "date": (e.get("date") or {}).get("start"), "best": size.get("best"),
            "target": (target.get("country") or "").upper() or None}


def _size_ok(best, gold) -> bool:
    if best is None:
        return False
    lo, hi = gold
    return (lo is None or best >= lo) and (hi is None or best <= hi)


CHECKS = {
    "city": lambda s, g: norm(s["city"]) == norm(g["city"]),
    "date": lambda s, g: s["date"] == g["date"],
    "size": lambda s, g: _size_ok(s["best"], g["size"]),
    "target": lambda s, g: s["target"] == g["target_country"],
}
GOLD_KEY = {"city": "city", "date": "date", "size": "size", "target": "target_country"}
WEIGHTS = {"city": 4, "date": 2, "size": 1, "target": 0.5}


def _match_events(system: list[dict], gold: list[dict]):
    """One-to-one on equal country, greedy on how many fields agree."""
    pairs = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            if s["country"] == (g.get("country") or "").upper():
                agree = sum(w for f, w in WEIGHTS.items() if g.get(GOLD_KEY[f]) and CHECKS[f](s, g))
                pairs.append((-agree, i, j))
    used_s, used_g, matched = set(), set(), []
    for _, i, j in sorted(pairs):
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            matched.append((system[i], gold[j]))
    return matched, [s for i, s in enumerate(system) if i not in used_s], [g for j, g in enumerate(gold) if j not in used_g]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold_articles: Iterable[dict], records: Iterable[dict]) -> tuple[dict[str, Any], list[str]]:
    """The metrics of spec section 5 and a list of every miss and false alarm."""
    by_article: dict = defaultdict(lambda: {"event": [], "quote": []})
    for r in records:
        if r.get("kind") in ("event", "quote"):
            by_article[str(r.get("article_id"))][r["kind"]].append(r)
    c: dict = defaultdict(int)
    errors: list[str] = []
    gold_articles = list(gold_articles)
    for art in gold_articles:
        aid, gold = str(art["id"]), art.get("gold") or {}
        gold_ev = [e for e in gold.get("events", []) if e.get("type", "PROTEST") == "PROTEST"
                   and e.get("status", "occurred") == "occurred"]
        sys_raw = [e for e in by_article[aid]["event"] if e.get("type") == "PROTEST" and e.get("status") != "planned"]
        system = [dict(_event_fields(e), evidence=(e.get("evidence") or {}).get("text", "")) for e in sys_raw]
        matched, fps, fns = _match_events(system, gold_ev)
        c["ev_tp"] += len(matched)
        c["ev_fp"] += len(fps)
        c["ev_fn"] += len(fns)
        for s, g in matched:
            strict = True
            for field, check in CHECKS.items():
                if g.get(GOLD_KEY[field]) is None:
                    continue
                c[f"{field}_n"] += 1
                if check(s, g):
                    c[f"{field}_ok"] += 1
                    continue
                strict = strict and field not in ("city", "date")
                errors.append(f"{aid}: {g.get('city') or g.get('country')} wrong {field}: system "
                              f"{s['city']}/{s['date']}/{s['best']}/{s['target']}, gold {g.get(GOLD_KEY[field])}")
            c["strict_tp"] += strict
        errors += [f"{aid}: false event {s['city'] or ''} {s['country']}: {s['evidence'][:100]!r}" for s in fps]
        errors += [f"{aid}: missed event {g.get('city') or ''} {g.get('country')}" for g in fns]
        _score_quotes(aid, by_article[aid]["quote"], gold.get("quotes", []), c, errors)
    p, r, f = _prf(c["ev_tp"], c["ev_fp"], c["ev_fn"])
    _, _, sf = _prf(c["strict_tp"], c["ev_fp"] + c["ev_tp"] - c["strict_tp"], c["ev_fn"] + c["ev_tp"] - c["strict_tp"])
    qp, qr, qf = _prf(c["q_tp"], c["q_fp"], c["q_fn"])

    def acc(name):
        return c[f"{name}_ok"] / c[f"{name}_n"] if c[f"{name}_n"] else None
    metrics = {
        "articles": len(gold_articles), "gold_events": c["ev_tp"] + c["ev_fn"],
        "system_events": c["ev_tp"] + c["ev_fp"], "event_precision": p, "event_recall": r, "event_f1": f,
        "strict_event_f1": sf, "city_accuracy": acc("city"), "date_accuracy": acc("date"),
        "size_accuracy": acc("size"), "target_accuracy": acc("target"),
        "gold_quotes": c["q_tp"] + c["q_fn"], "system_quotes": c["q_tp"] + c["q_fp"],
        "quote_precision": qp, "quote_recall": qr, "quote_f1": qf, "speaker_accuracy": acc("spk"),
    }
    return metrics, errors


def _score_quotes(aid: str, system: list[dict], gold: list[dict], c: dict, errors: list[str]) -> None:
    used: set[int] = set()
    for g in gold:
        want = norm(g["starts"])
        hit = next((i for i, s in enumerate(system) if i not in used and norm(s.get("text")).startswith(want)), None)
        if hit is None:
            c["q_fn"] += 1
            errors.append(f"{aid}: missed quote {g['starts']!r}")
            continue
        used.add(hit)
        c["q_tp"] += 1
        c["spk_n"] += 1
        spk = norm((system[hit].get("speaker") or {}).get("text"))
        ok = spk == "" if g.get("speaker") is None else norm(g["speaker"]).split()[-1] in spk.split()
        c["spk_ok"] += ok
        if not ok:
            errors.append(f"{aid}: quote {g['starts']!r} speaker {spk!r}, gold {g.get('speaker')!r}")
    c["q_fp"] += len(system) - len(used)
    errors += [f"{aid}: false quote {s.get('text', '')[:60]!r}" for i, s in enumerate(system) if i not in used]


def evaluate_file(gold_path: str, errors: bool = False, as_json: bool = False) -> int:
    from .api import extract_many
    from .ingest import iter_articles

    with open(gold_path, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    records, failed = [], 0
    for result in extract_many(iter_articles([gold_path])):
        if hasattr(result, "records"):
            records.extend(result.records())
        else:
            failed += 1
            print(f"error: {result}", file=sys.stderr)
    metrics, problems = score(gold, records)
    if as_json:
        print(json.dumps(metrics))
    else:
        for k, v in metrics.items():
            print(f"{k:18} {v:.3f}" if isinstance(v, float) else f"{k:18} {v}")
    if errors:
        print("\n".join(problems), file=sys.stderr)
    return 1 if failed else 0
