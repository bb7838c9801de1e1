"""How fast `vigie serve` answers the page over 100,000 events in SQLite.

Builds (once, then reuses) bench/out/serve-100k.db with synthetic articles saved and clustered
through the store's public interface, starts a real `vigie serve` process, and times what the page asks for:

- the first data load: counts per day, the first page of the table and the map's points,
  sent together as the page does;
- a filter change (country and mode), and a timeline brush (a date range).

Prints each request's time and the wall time of each load (median and worst of the runs).
The bar: each load under 300 ms. Not a test: timings depend on the machine.

    .venv/bin/python bench/serve_bench.py [--events 100000] [--runs 7] [--rebuild] [--db TARGET]
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
CITIES = [  # city, country, lat, lon
    ("Paris", "FR", 48.85, 2.35), ("Lyon", "FR", 45.76, 4.84), ("Marseille", "FR", 43.30, 5.37),
    ("Toulouse", "FR", 43.60, 1.44), ("Nantes", "FR", 47.22, -1.55), ("Lille", "FR", 50.63, 3.06),
    ("Bordeaux", "FR", 44.84, -0.58), ("Rennes", "FR", 48.11, -1.68), ("Brussels", "BE", 50.85, 4.35),
    ("Liège", "BE", 50.63, 5.57), ("Geneva", "CH", 46.20, 6.15), ("Lausanne", "CH", 46.52, 6.63),
    ("Montreal", "CA", 45.51, -73.59), ("Quebec", "CA", 46.81, -71.21), ("Dakar", "SN", 14.69, -17.44),
    ("Abidjan", "CI", 5.36, -4.01), ("Bamako", "ML", 12.65, -8.00), ("Algiers", "DZ", 36.75, 3.04),
    ("Tunis", "TN", 36.82, 10.17), ("Rabat", "MA", 34.01, -6.83), ("Beirut", "LB", 33.89, 35.50),
    ("London", "GB", 51.51, -0.13), ("Berlin", "DE", 52.52, 13.41), ("Madrid", "ES", 40.42, -3.70),
    ("Rome", "IT", 41.89, 12.48), ("Istanbul", "TR", 41.01, 28.95), ("Cairo", "EG", 30.04, 31.24),
    ("Kinshasa", "CD", -4.32, 15.31), ("Port-au-Prince", "HT", 18.54, -72.34), ("Antananarivo", "MG", -18.91, 47.54),
]
MODES = ["demonstration"] * 6 + ["march"] * 3 + ["strike"] * 3 + ["sit-in", "blockade", "riot", "vigil",
                                                                   "occupation", "petition", "other"]
SIZES = [("une centaine de personnes", 80, 120, 100), ("des centaines de personnes", 200, 999, 300),
         ("un millier de manifestants", 800, 1200, 1000), ("des milliers de personnes", 2000, 9999, 3000),
         ("une vingtaine de militants", 15, 25, 20), ("5 000 personnes", 5000, 5000, 5000)]
CLAIMS = ["contre la réforme des retraites", "pour la hausse des salaires", "contre la guerre",
          "pour le climat", "contre la vie chère", "pour la libération des détenus"]
START = date(2012, 1, 1)
DAYS = 13 * 365


def build(path: Path, n_events: int, per_article: int = 5) -> None:
    from vigie.records import Article
    from vigie.store import Store

    rnd = random.Random(4)
    store = Store.open(str(path))
    n_articles = n_events // per_article
    t0 = time.perf_counter()
    for a in range(n_articles):
        day = START + timedelta(days=rnd.randrange(DAYS))
        parts, events = [], []
        offset = 0
        for i in range(per_article):
            city, cc, lat, lon = rnd.choice(CITIES)
            size_text, lo, hi, best = rnd.choice(SIZES)
            claim = rnd.choice(CLAIMS)
            sentence = f"À {city}, {size_text} ont manifesté samedi {claim}. "
            ev_day = day - timedelta(days=rnd.randrange(3))
            events.append({
                "kind": "event", "article_id": f"bench-{a}", "event_id": f"bench-{a}-{i}",
                "type": "PROTEST", "mode": rnd.choice(MODES),
                "status": "planned" if rnd.random() < 0.1 else "occurred",
                "date": {"start": ev_day.isoformat(), "end": None, "text": "samedi"},
                "location": {"text": city, "city": city, "admin1": None, "country": cc,
                             "lat": lat + rnd.uniform(-.05, .05), "lon": lon + rnd.uniform(-.05, .05),
                             "geonameid": None, "venue": None},
                "size": {"text": size_text, "min": lo, "max": hi, "best": best},
                "participants": [], "target": None, "claims": [claim.split(" ", 1)[1]],
                "outcome": {"arrests": None, "injured": None, "killed": None},
                "evidence": {"text": sentence.strip(), "start": offset, "end": offset + len(sentence) - 1},
                "confidence": round(rnd.uniform(.5, 1), 2),
            })
            parts.append(sentence)
            offset += len(sentence)
        article = Article(id=f"bench-{a}", text="".join(parts).strip(), published=day.isoformat(),
                          title=f"Article {a}", source="bench", lang="fr")
        store.save_records(article, events, [])
        if (a + 1) % 1000 == 0:
            print(f"\r  saved {(a + 1) * per_article:,} events ({time.perf_counter() - t0:.0f} s)",
                  end="", file=sys.stderr, flush=True)
    print(f"\n  clustering ...", file=sys.stderr, flush=True)
    stats = store.dedup()
    print(f"  {stats['clusters']:,} clusters ({time.perf_counter() - t0:.0f} s in all)", file=sys.stderr)
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(client: httpx.Client, path: str, params: dict) -> tuple[str, float, int]:
    t0 = time.perf_counter()
    r = client.get(path, params=params)
    r.raise_for_status()
    return path, (time.perf_counter() - t0) * 1000, len(r.content)


def load(client: httpx.Client, pool: ThreadPoolExecutor, requests: list[tuple[str, dict]]):
    """Send the requests together, as the page does; the wall time is what a person waits."""
    t0 = time.perf_counter()
    results = list(pool.map(lambda pr: timed(client, *pr), requests))
    return (time.perf_counter() - t0) * 1000, results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--db", help="time an existing store instead (SQLite path or postgresql:// URL)")
    args = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    db = args.db or OUT / f"serve-{args.events // 1000}k.db"
    if not args.db and (args.rebuild or not db.exists()):
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
        print(f"building {db} ...", file=sys.stderr)
        build(db, args.events)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "vigie.cli", "serve", "--db", str(db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/health", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    print(proc.stderr.read().decode(errors="replace") if proc.poll() is not None else "no answer",
                          file=sys.stderr)
                    return 1
                time.sleep(0.1)

        page = {"limit": 50, "offset": 0}
        scenarios = {
            "first data load": [("/api/counts", {"by": "day", "unit": "events"}), ("/api/events", page),
                                ("/api/geojson", {})],
            "filter change (country=FR)": [
                ("/api/counts", {"by": "day", "unit": "events", "country": "FR"}),
                ("/api/events", {**page, "country": "FR"}),
                ("/api/geojson", {"country": "FR"})],
            "filter change (country=FR, mode=strike)": [
                ("/api/counts", {"by": "day", "unit": "events", "country": "FR", "mode": "strike"}),
                ("/api/events", {**page, "country": "FR", "mode": "strike"}),
                ("/api/geojson", {"country": "FR", "mode": "strike"})],
            "timeline brush (one month)": [
                ("/api/events", {**page, "date_from": "2018-05-01", "date_to": "2018-05-31"}),
                ("/api/geojson", {"date_from": "2018-05-01", "date_to": "2018-05-31"})],
            "filter change (claims contain 'climat')": [
                ("/api/counts", {"by": "day", "unit": "events", "q": "climat"}),
                ("/api/events", {**page, "q": "climat"}),
                ("/api/geojson", {"q": "climat"})],
        }
        with httpx.Client(base_url=base, timeout=60) as client, ThreadPoolExecutor(4) as pool:
            total = client.get("/api/events", params={"limit": 1}).json()["total"]
            print(f"{total:,} events in {Path(str(db)).name}; {args.runs} runs per load; times in ms\n")
            worst_overall = 0.0
            for name, requests in scenarios.items():
                walls, per = [], {}
                for _ in range(args.runs):
                    wall, results = load(client, pool, requests)
                    walls.append(wall)
                    for path, ms, size in results:
                        per.setdefault(path, []).append((ms, size))
                first = walls[0]
                median, worst = statistics.median(walls), max(walls[1:] or walls)
                worst_overall = max(worst_overall, median)
                verdict = "ok" if median < 300 else "SLOW"
                print(f"{name}: first {first:.0f}, median {median:.0f}, worst {worst:.0f}  [{verdict}]")
                for path, values in per.items():
                    ms = [v[0] for v in values]
                    print(f"    {path:<14} median {statistics.median(ms):6.0f}  worst {max(ms):6.0f}"
                          f"  ({values[0][1] / 1024:.0f} KiB)")
            print(f"\nbar: each load under 300 ms (median): {'met' if worst_overall < 300 else 'NOT met'}")
    finally:
        proc.terminate()
        proc.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
