"""Store benchmark: load N synthetic events, cluster them, and time a dashboard query.

    python bench/store_bench.py                 # SQLite, 10k / 50k / 100k events
    python bench/store_bench.py --pg postgresql://user@host/db   # also a PostgreSQL database (emptied!)

Synthetic news grows as real news does: more events means more days covered,
so the events per city and day (what deduplication compares) stay the same.
Each protest is told by 1 to 4 articles with varied dates, sizes and wording.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vigie.records import (Actor, Article, DateSpan, Evidence, Event, Extraction, Location,  # noqa: E402
                           Outcome, Size, Span)
from vigie.store import Store  # noqa: E402

COUNTRIES = ["FR", "BE", "CH", "CA", "SN", "DZ", "MA", "TN", "CI", "CM"]
TOPICS = ["la réforme des retraites", "la hausse des prix de l'énergie", "les violences policières",
          "le projet de loi immigration", "la fermeture de la maternité", "le réchauffement climatique",
          "les salaires des enseignants", "la guerre en Ukraine", "le manque de médecins", "la vie chère",
          "les coupures d'électricité", "le troisième mandat du président", "la privatisation du port",
          "les méga-bassines", "la fermeture de l'usine", "le prix du gazole agricole"]
MODES = ["demonstration", "march", "strike", "sit-in", "blockade", "vigil", "riot"]
EVENTS_PER_DAY = 100
START = date(2020, 1, 1)


def synthetic(n_events: int, seed: int = 1):
    """Yield Extractions (one per article) holding about n_events events in total."""
    rng = random.Random(seed)
    cities = [(f"Ville{i}", COUNTRIES[i % len(COUNTRIES)], 1_000_000 + i) for i in range(400)]
    days = max(1, n_events // EVENTS_PER_DAY)
    made, protest = 0, 0
    while made < n_events:
        protest += 1
        city, country, gid = rng.choice(cities[:40]) if rng.random() < 0.5 else rng.choice(cities)
        day = START + timedelta(days=rng.randrange(days))
        topic, mode = rng.choice(TOPICS), rng.choice(MODES)
        size = rng.choice([40, 300, 1000, 3000, 20000])
        for m in range(min(rng.randint(1, 4), n_events - made)):
            aid = f"p{protest}-m{m}"
            shift = 1 if rng.random() < 0.1 else 0  # a source a day off
            best = int(size * rng.uniform(0.5, 2))
            text = f"Environ {best} personnes ont manifesté à {city} contre {topic}. " + "Texte. " * 60
            ev = Event(article_id=aid, event_id=f"{aid}-e1", mode=mode if rng.random() < 0.8 else "demonstration",
                       status="occurred", date=DateSpan(start=(day + timedelta(days=shift)).isoformat()),
                       location=Location(text=city, city=city, admin1=None, country=country,
                                         lat=rng.uniform(-30, 60), lon=rng.uniform(-20, 40), geonameid=gid),
                       evidence=Evidence(text=text[:60], start=0, end=60), trigger=Span("manifesté", 20, 29),
                       size=Size(text=f"environ {best}", min=int(best * 0.9), max=int(best * 1.1), best=best),
                       participants=[Actor(text=rng.choice(["syndicats", "habitants", "étudiants", "agriculteurs"]))],
                       claims=[f"contre {topic}"] if rng.random() < 0.85 else [], outcome=Outcome())
            published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
            yield Extraction(Article(id=aid, text=text, published=published, source=f"Source{m}"), [ev])
            made += 1


def run(target: str, n: int, batch: int = 200) -> dict:
    store = Store.open(target)
    c0, t0 = time.process_time(), time.perf_counter()
    pending = []
    for result in synthetic(n):
        pending.append(result)
        if len(pending) == batch:
            store.save_many(pending)
            pending = []
    if pending:
        store.save_many(pending)
    t1 = time.perf_counter()
    stats = store.dedup(full=True)
    c2, t2 = time.process_time(), time.perf_counter()
    year = (START.isoformat(), (START + timedelta(days=364)).isoformat())
    times = []
    for _ in range(20):
        q0 = time.perf_counter()
        rows = store.counts("day", country="FR", date_from=year[0], date_to=year[1])
        times.append(time.perf_counter() - q0)
    problems = store.check()
    store.close()
    return {"events": n, "load": t1 - t0, "dedup": t2 - t1, "cpu": c2 - c0, "clusters": stats["clusters"],
            "query_ms": statistics.median(times) * 1000, "days_in_query": len(rows), "problems": problems}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="10000,50000,100000")
    p.add_argument("--pg", help="also run on this PostgreSQL database (its vigie tables are emptied first)")
    args = p.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    targets = [("sqlite", None)] + ([("postgresql", args.pg)] if args.pg else [])
    for backend, url in targets:
        print(f"\n{backend}: load = save_many in batches of 200 articles; dedup = full clustering")
        print(f"{'events':>8} {'load s':>8} {'dedup s':>8} {'total s':>8} {'ratio':>6} {'cpu s':>7} {'ratio':>6} "
              f"{'clusters':>9} {'day counts, 1 country, 1 year':>31}")
        base = None
        for n in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                target = url or str(Path(tmp) / "bench.db")
                if url:
                    _empty(url)
                r = run(target, n)
            wall, cpu = r["load"] + r["dedup"], r["cpu"]
            base = base or (wall / n, cpu / n)
            print(f"{n:>8} {r['load']:>8.2f} {r['dedup']:>8.2f} {wall:>8.2f} {wall / n / base[0]:>6.2f} "
                  f"{cpu:>7.2f} {cpu / n / base[1]:>6.2f} {r['clusters']:>9} "
                  f"{r['query_ms']:>24.1f} ms ({r['days_in_query']} days)"
                  + (f"  PROBLEMS: {r['problems']}" if r["problems"] else ""))
        print("ratio = time per event relative to the smallest run (1.00 = linear growth); cpu = this process's\n"
              "CPU time (SQLite runs in-process), which other programs on the machine do not inflate")
    return 0


def _empty(url: str) -> None:
    import sqlalchemy as sa

    from vigie.store.db import engine_for
    engine = engine_for(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS mentions, clusters, quotes, events, articles, alembic_version"))
    engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
