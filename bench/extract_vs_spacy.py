"""Benchmark: vigie's extractor against bare spaCy on the same texts, in one process.

    .venv/bin/python bench/extract_vs_spacy.py [ARTICLES.jsonl] [--repeat N]

Prints articles per second for
  1. bare spaCy `nlp.pipe` over the full texts,
  2. bare spaCy `nlp.pipe` over the sentences vigie parses (its selective parsing),
  3. vigie's whole extraction (split, select, parse, detect, places, dates, sizes, quotes, assemble),
and the ratios. The bar (issue 2): vigie's own stages add at most 25% to spaCy's time,
i.e. (3) takes at most 1.25 x the time of (2). Times are medians of --runs interleaved runs.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from vigie.parse import for_parser, load_model, prepare, selected
from vigie.pipeline import Extractor
from vigie.records import Article

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev-articles.jsonl"


def timed(fns, runs: int) -> list[float]:
    """Median time of each function; the runs are interleaved (a, b, c, a, b, c...) so that a
    change in the machine's speed during the benchmark weighs on all of them alike."""
    times = [[] for _ in fns]
    for _ in range(runs):
        for k, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t)
    return [statistics.median(ts) for ts in times]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=5, help="repeat the corpus N times (default 5)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    rows = [json.loads(line) for line in Path(args.articles).read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(id=f"{r['id']}#{k}", text=r["text"], published=r.get("published"))
                for k in range(args.repeat) for r in rows]
    texts = [a.text for a in articles]
    nlp = load_model()
    extractor = Extractor(nlp=nlp)
    list(extractor.extract_many(articles[:5]))  # warm up caches (gazetteer, lexicons)

    def parsed_sentences():
        out = []
        for text in texts:
            article = prepare(text)
            out.extend(for_parser(s) for s in selected(article.sentences, article.eventful))
        return out
    sentences = parsed_sentences()

    t_full, t_sel, t_vigie = timed([lambda: list(nlp.pipe(texts, batch_size=64)),
                                    lambda: list(nlp.pipe(sentences, batch_size=256)),
                                    lambda: list(extractor.extract_many(articles))], args.runs)
    n = len(articles)
    print(f"{n} articles ({len(rows)} distinct x {args.repeat}), {sum(map(len, texts)):,} characters")
    print(f"  bare spaCy nlp.pipe, full texts       {n / t_full:8.1f} articles/s")
    print(f"  bare spaCy nlp.pipe, vigie's sentences {n / t_sel:8.1f} articles/s")
    print(f"  vigie extract                         {n / t_vigie:8.1f} articles/s")
    print(f"  vigie vs bare spaCy on full texts: {t_full / t_vigie:.2f}x the throughput")
    overhead = (t_vigie - t_sel) / t_sel
    print(f"  vigie's own stages add {overhead:+.0%} to spaCy's time on the same sentences "
          f"(bar: at most +25%) -> {'OK' if overhead <= 0.25 else 'OVER'}")


if __name__ == "__main__":
    main()
