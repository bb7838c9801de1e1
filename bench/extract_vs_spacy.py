"""Benchmark: vigie's extractor against bare spaCy on the same texts, in one process.

    .venv/bin/python bench/extract_vs_spacy.py [ARTICLES.jsonl] [--repeat N] [--runs N]

Prints articles per second for
  1. bare spaCy `nlp.pipe` over the full texts,
  2. bare spaCy `nlp.pipe` over the sentences vigie parses (its selective parsing),
  3. vigie's whole extraction (split, select, parse, detect, places, dates, sizes, quotes, assemble),
and the ratios. The bar (issue 2): the stages of our own add at most 25% to spaCy's time. It is
measured inside vigie's run: the model is wrapped so that the time spent in spaCy's `pipe` calls
(every round, and the sentences parsed on demand) is counted, and the rest of the run is our
stages. Also printed: (3) against (1), and (3) against (2), which adds to our stages what parsing
in rounds costs spaCy over one `nlp.pipe` call. Times are medians of --runs interleaved runs.
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


class TimedModel:
    """The spaCy model, counting the seconds spent inside its `pipe` calls (and the entity
    recognizer's, which vigie.parse runs on its own); everything else passes through."""

    def __init__(self, nlp):
        self._nlp = nlp
        self.seconds = 0.0

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def pipe(self, *args, **kwargs):
        return self._timed(self._nlp.pipe(*args, **kwargs))

    def get_pipe(self, name):
        model, inner = self, self._nlp.get_pipe(name)

        class Timed:
            def pipe(self, *args, **kwargs):
                return model._timed(inner.pipe(*args, **kwargs))
        return Timed()

    def _timed(self, results):
        results = iter(results)
        while True:
            t = time.perf_counter()
            try:
                item = next(results)  # spaCy parses a whole batch at the first item of it
            except StopIteration:
                self.seconds += time.perf_counter() - t
                return
            self.seconds += time.perf_counter() - t
            yield item


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
    model = TimedModel(nlp)
    extractor = Extractor(nlp=model)
    list(extractor.extract_many(articles[:5]))  # warm up caches (gazetteer, lexicons)

    def parsed_sentences():
        out = []
        for text in texts:
            article = prepare(text)
            out.extend(for_parser(s) for s in selected(article.sentences, article.eventful))
        return out
    sentences = parsed_sentences()

    spacy_in_vigie = []

    def vigie_run():
        model.seconds = 0.0
        t = time.perf_counter()
        list(extractor.extract_many(articles))
        spacy_in_vigie.append((time.perf_counter() - t, model.seconds))
    t_full, t_sel, t_vigie = timed([lambda: list(nlp.pipe(texts, batch_size=64)),
                                    lambda: list(nlp.pipe(sentences, batch_size=256)),
                                    vigie_run], args.runs)
    own = statistics.median((total - spacy) / spacy for total, spacy in spacy_in_vigie)  # run by run
    t_spacy = statistics.median(spacy for _, spacy in spacy_in_vigie)
    n = len(articles)
    print(f"{n} articles ({len(rows)} distinct x {args.repeat}), {sum(map(len, texts)):,} characters")
    print(f"  bare spaCy nlp.pipe, full texts       {n / t_full:8.1f} articles/s")
    print(f"  bare spaCy nlp.pipe, vigie's sentences {n / t_sel:8.1f} articles/s")
    print(f"  vigie extract                         {n / t_vigie:8.1f} articles/s")
    print(f"  vigie vs bare spaCy on full texts: {t_full / t_vigie:.2f}x the throughput")
    print(f"  in vigie's runs: spaCy {t_spacy:.2f} s, our own stages {own * t_spacy:.2f} s, "
          f"{own:+.0%} to spaCy's time (bar: at most +25%) -> {'OK' if own <= 0.25 else 'OVER'}")
    rounds = (t_vigie - t_sel) / t_sel
    print(f"  vigie against bare spaCy over the same sentences in one call: {rounds:+.0%} "
          f"(our stages and the cost of parsing in rounds)")


if __name__ == "__main__":
    main()
