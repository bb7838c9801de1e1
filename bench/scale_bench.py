"""Scale bars of issue 5, measured in one run (not part of the timed test suite).

    .venv/bin/python bench/scale_bench.py            # all bars, ~5-10 minutes on 2 cores
    .venv/bin/python bench/scale_bench.py --quick    # smaller inputs, to try it out

1. Selective parsing: the Extractor against bare spaCy `nlp.pipe` (full
   fr_core_news_md pipeline) over the same full texts, one process each:
   - a mixed stream from bench/corpus.py, 5% about protests (>= 2,000 articles): >= 10x;
   - the dev set alone (all protest articles, repeated to time it): >= 2x.
2. Workers: `vigie extract` with 2 workers against 1 (throughput once the
   workers are ready, so that model loading does not count): >= 1.7x.
3. Memory: peak RSS of each worker for 1,000 and for 20,000 articles of
   input: flat (within 10% + 30 MB).

Prints a table and writes bench/out/scale_bench.json; exit status 1 if a bar is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from corpus import dev_articles, mixed_stream  # noqa: E402

OUT = HERE / "out"
MB = 1024 * 1024


def articles_of(dicts):
    from vigie.ingest import article_from_dict

    return [article_from_dict(d) for d in dicts]


def time_spacy(nlp, texts, batch_size=32) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t


def time_extractor(extractor, articles, batch_size=32, hits: dict | None = None) -> tuple[float, int]:
    t = time.perf_counter()
    events = 0
    for result in extractor.extract_many(iter(articles), batch_size=batch_size):
        n = len(getattr(result, "events", ()))
        events += n
        if hits is not None and n:
            hits[result.article.id] = n
    return time.perf_counter() - t, events


def selective_bar(n: int, dev_repeat: int, report: dict) -> list[tuple[str, float, float, bool]]:
    import spacy

    from vigie.pipeline import Extractor

    mixed = list(mixed_stream(n, 0.05, seed=7))
    dev = [dict(a, id=f"{a['id']}-{k}") for k in range(dev_repeat) for a in dev_articles()]
    print(f"loading models ... ({len(mixed)} mixed articles, {sum(a['topic'] == 'protest' for a in mixed)} "
          f"about protests; dev set {len(dev) // max(1, dev_repeat)} articles x {dev_repeat})", flush=True)
    nlp = spacy.load("fr_core_news_md")
    extractor = Extractor()
    bars = []
    for name, docs, bar in (("mixed stream, 5% protests", mixed, 10.0), ("dev set (all protests)", dev, 2.0)):
        texts = [d["text"] for d in docs]
        arts = articles_of(docs)
        # warm both up on a few documents so that first-call costs do not count
        time_spacy(nlp, texts[:8])
        time_extractor(extractor, arts[:8])
        t_spacy = time_spacy(nlp, texts)
        hits: dict = {}
        t_vigie, events = time_extractor(extractor, arts, hits=hits)
        ratio = t_spacy / t_vigie
        row = {"articles": len(docs), "spacy_docs_per_s": len(docs) / t_spacy,
               "vigie_docs_per_s": len(docs) / t_vigie, "ratio": ratio, "bar": bar, "events": events}
        report[name] = row
        print(f"  {name:28} spaCy nlp.pipe {row['spacy_docs_per_s']:8.1f} docs/s   vigie {row['vigie_docs_per_s']:8.1f} "
              f"docs/s   x{ratio:5.1f} (bar x{bar:g}) {'ok' if ratio >= bar else 'MISSED'}   ({events} events)", flush=True)
        bars.append((name, ratio, bar, ratio >= bar))
        if name.startswith("mixed"):  # what the prefilter let through: events in non-protest news
            topics: dict = {}
            for d in docs:
                row_t = topics.setdefault(d.get("topic", "?"), [0, 0, 0])
                row_t[0] += 1
                row_t[1] += d["id"] in hits
                row_t[2] += hits.get(d["id"], 0)
            report["events_by_topic"] = {t: {"articles": a, "with_events": w, "events": e}
                                         for t, (a, w, e) in topics.items()}
            print("    articles with events, by topic: " + ", ".join(
                f"{t} {w}/{a}" for t, (a, w, e) in sorted(topics.items())), flush=True)
    return bars


def run_extract(path: Path, workers: int, out: Path):
    from vigie.batch import BatchOptions, run_batch

    t = time.perf_counter()
    summary = run_batch(BatchOptions(inputs=[str(path)], output=str(out), workers=workers, quiet=True))
    wall = time.perf_counter() - t
    st = summary.stats
    busy = (st.last_result or 0) - (st.all_ready or 0)
    steady = (st.results - st.results_at_all_ready) / busy if busy > 0 else float("nan")
    return summary, wall, steady, st


def write_corpus(n: int, path: Path) -> Path:
    if not path.exists():
        with open(path, "w", encoding="utf-8") as f:
            for a in mixed_stream(n, 0.05, seed=11):
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path


def workers_bar(n: int, report: dict) -> list:
    path = write_corpus(n, OUT / f"mixed-{n}.jsonl")
    rows = {}
    for w in (1, 2):
        summary, wall, steady, st = run_extract(path, w, OUT / f"workers-{w}.jsonl")
        rows[w] = steady
        print(f"  {w} worker(s): {summary.line()}; {wall:6.1f} s wall, {n / wall:7.1f} articles/s with start-up, "
              f"{steady:7.1f} articles/s once ready (ready after {st.all_ready:.1f} s)", flush=True)
        report[f"workers_{w}"] = {"wall_s": wall, "steady_per_s": steady, "ready_s": st.all_ready,
                                  "summary": summary.line()}
    ratio = rows[2] / rows[1]
    print(f"  2 workers / 1 worker: x{ratio:.2f} (bar x1.7) {'ok' if ratio >= 1.7 else 'MISSED'}", flush=True)
    report["workers_ratio"] = ratio
    return [("2 workers vs 1", ratio, 1.7, ratio >= 1.7)]


def memory_bar(small: int, large: int, report: dict) -> list:
    peaks = {}
    for n in (small, large):
        path = write_corpus(n, OUT / f"mixed-{n}.jsonl")
        summary, wall, steady, st = run_extract(path, 2, OUT / f"memory-{n}.jsonl")
        peaks[n] = st.peak_rss
        per = ", ".join(f"worker {slot}: {rss / MB:.0f} MB (at the end {st.last_rss.get(slot, 0) / MB:.0f} MB)"
                        for slot, rss in sorted(st.peak_rss.items()))
        print(f"  {n:6} articles: peak RSS {per}   ({summary.line()}, {wall:.0f} s)", flush=True)
        report[f"memory_{n}"] = {"peak_mb": {str(k): v / MB for k, v in st.peak_rss.items()},
                                 "end_mb": {str(k): v / MB for k, v in st.last_rss.items()}}
    a, b = max(peaks[small].values()), max(peaks[large].values())
    flat = b <= a * 1.10 + 30 * MB
    print(f"  peak per worker {a / MB:.0f} MB -> {b / MB:.0f} MB: {'flat' if flat else 'GROWS'}", flush=True)
    return [(f"memory flat {small}->{large}", b / a, 1.1, flat)]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="vigie scale bars")
    p.add_argument("--quick", action="store_true", help="small inputs (not the bars' sizes)")
    p.add_argument("--only", choices=["selective", "workers", "memory"])
    args = p.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    n, dev_repeat, wn, small, large = (2000, 5, 4000, 1000, 20000) if not args.quick else (300, 2, 600, 200, 1000)
    report: dict = {"cpus": os.cpu_count()}
    bars = []
    if args.only in (None, "selective"):
        print("1. selective parsing against bare spaCy (one process each)")
        bars += selective_bar(n, dev_repeat, report)
    if args.only in (None, "workers"):
        print(f"2. workers ({wn} mixed articles)")
        bars += workers_bar(wn, report)
    if args.only in (None, "memory"):
        print(f"3. memory per worker ({small} and {large} articles, 2 workers)")
        bars += memory_bar(small, large, report)
    report["bars"] = [{"name": b[0], "value": b[1], "bar": b[2], "ok": b[3]} for b in bars]
    (OUT / "scale_bench.json").write_text(json.dumps(report, indent=1))
    print("\n".join(f"{'ok    ' if ok else 'MISSED'} {name}: {value:.2f} (bar {bar:g})" for name, value, bar, ok in bars))
    return 0 if all(b[3] for b in bars) else 1


if __name__ == "__main__":
    sys.exit(main())
