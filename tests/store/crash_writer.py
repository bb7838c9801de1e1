"""Writes articles to a store forever, printing each id once its transaction committed (killed by a test)."""
import sys

from store_factory import event, extraction
from vigie.store import Store

CITIES = ["Paris", "Lyon", "Berlin", "London"]


def article(i: int):
    aid = f"art{i:05d}"
    evs = [event(aid, n, CITIES[(i + n) % 4], f"2023-03-{1 + (i + n) % 28:02d}", size=(100, 200, 150))
           for n in range(1 + i % 7)]
    return extraction(aid, evs, text="Des manifestants. « Nous resterons », dit-il. " + "x" * 2000)


def main(target: str) -> None:
    store = Store.open(target)
    i = 0
    while True:
        batch = [article(i + k) for k in range(1 + i % 3)]  # single saves and small batches
        store.save_many(batch)
        print(" ".join(r.article.id for r in batch), flush=True)
        i += len(batch)
        if i % 20 < len(batch):
            store.dedup()


if __name__ == "__main__":
    main(sys.argv[1])
