"""The read side the web page uses: filters, paging, counts, GeoJSON."""
import json

from store_factory import event, extraction


def _fill(store):
    store.save(extraction("a1", [
        event("a1", 1, "Paris", "2023-03-07", size=(200, 999, 300)),
        event("a1", 2, "Lyon", "2023-03-07", mode="march", size=(20000, 20000, 20000)),
        event("a1", 3, "Paris", "2023-03-11", status="planned", claims=("contre le report de l'âge légal",)),
    ]))
    store.save(extraction("a2", [
        event("a2", 1, "Berlin", "2023-04-02", claims=("gegen den Krieg", "pour la paix en Ukraine")),
        event("a2", 2, None, "2023-04-03", country="FR", mode="strike", size=(5000, 5000, 5000)),
    ], published="2023-04-04", source="Le Soir"))
    store.dedup()


def _ids(rows):
    return sorted(r["event_id"] for r in rows)


def test_filters(store):
    _fill(store)
    assert store.count_events() == 5
    assert _ids(store.query_events(country="fr")) == ["a1-e1", "a1-e2", "a1-e3", "a2-e2"]
    assert _ids(store.query_events(city="PARIS")) == ["a1-e1", "a1-e3"]
    assert _ids(store.query_events(date_from="2023-03-08", date_to="2023-04-02")) == ["a1-e3", "a2-e1"]
    assert _ids(store.query_events(mode="march")) == ["a1-e2"]
    assert _ids(store.query_events(status="planned")) == ["a1-e3"]
    assert _ids(store.query_events(q="UKRAINE")) == ["a2-e1"]
    assert _ids(store.query_events(min_size=1000)) == ["a1-e2", "a2-e2"]
    assert _ids(store.query_events(country="FR", min_size=1000, mode="strike")) == ["a2-e2"]
    assert store.count_events(country="FR", status="occurred") == 3
    cid = store.get_event("a1-e1")["cluster_id"]
    assert _ids(store.query_events(cluster_id=cid)) == ["a1-e1"]
    assert [c["id"] for c in store.query_clusters(cluster_id=cid)] == [cid]


def test_claims_search_ignores_case_and_accents(store):
    _fill(store)  # a1-e3: "contre le report de l'âge légal"; a2-e1: "gegen den Krieg; pour la paix en Ukraine"
    for q in ("âge légal", "AGE LEGAL", "Âge Légal", "l’âge", "l'age"):
        assert _ids(store.query_events(q=q)) == ["a1-e3"], q
        assert store.count_events(q=q) == 1, q
    assert _ids(store.query_events(q="retraites")) == ["a1-e1", "a1-e2", "a2-e2"]
    assert _ids(store.query_events(q="krieg; pour")) == ["a2-e1"]  # the claims as one text, as before
    assert store.query_events(q="nowhere") == [] and store.count_events(q="nowhere") == 0
    assert sum(r["events"] for r in store.counts("day", q="ukraine")) == 1
    assert [f["properties"]["event_id"] for f in store.geojson(q="RETRAITES", city="Lyon")["features"]] == ["a1-e2"]
    # clusters: a protest any of whose mentions has the words
    assert [c["city"] for c in store.query_clusters(q="AGE légal")] == ["Paris"]
    assert store.count_clusters(q="ukraine") == 1 and store.counts("day", unit="clusters", q="ukraine") == [
        {"key": "2023-04-02", "clusters": 1}]


def test_claims_search_follows_a_resave(store):
    store.save(extraction("a1", [event("a1", 1, "Paris", "2023-03-07", claims=("pour le climat",))]))
    assert store.count_events(q="climat") == 1
    store.save(extraction("a1", [event("a1", 1, "Paris", "2023-03-07", claims=("contre la vie chère",))],
                          text="Un autre texte."))
    assert store.count_events(q="climat") == 0 and store.count_events(q="vie chere") == 1


def test_paging_is_newest_first_and_stable(store):
    _fill(store)
    dates = [r["date_start"] for r in store.query_events(limit=None)]
    assert dates == sorted(dates, reverse=True)
    pages = store.query_events(limit=2) + store.query_events(limit=2, offset=2) + store.query_events(limit=2, offset=4)
    assert _ids(pages) == _ids(store.query_events(limit=None))
    assert len(store.query_clusters(limit=3)) == 3 and store.count_clusters() == 5


def test_counts(store):
    _fill(store)
    assert store.counts("country") == [{"key": "DE", "events": 1}, {"key": "FR", "events": 4}]
    assert store.counts("month", country="FR") == [{"key": "2023-03", "events": 3}, {"key": "2023-04", "events": 1}]
    assert store.counts("day", date_from="2023-03-07", date_to="2023-03-07") == [{"key": "2023-03-07", "events": 2}]
    assert {r["key"]: r["events"] for r in store.counts("mode")} == {"demonstration": 3, "march": 1, "strike": 1}
    assert store.counts("country", unit="clusters") == [{"key": "DE", "clusters": 1}, {"key": "FR", "clusters": 4}]
    assert store.counts("country", unit="participants") == [{"key": "DE", "participants": 0},
                                                             {"key": "FR", "participants": 300 + 20000 + 5000}]


def test_geojson_is_a_feature_collection_of_located_events(store):
    _fill(store)
    fc = json.loads(json.dumps(store.geojson(country="FR")))
    assert fc["type"] == "FeatureCollection"
    assert len(fc["features"]) == 3  # the country-only event has no point
    paris = next(f for f in fc["features"] if f["properties"]["event_id"] == "a1-e1")
    assert paris["geometry"] == {"type": "Point", "coordinates": [2.3488, 48.85341]}
    assert paris["properties"]["cluster_id"] is not None
    assert set(paris["properties"]) == {"event_id", "article_id", "mode", "status", "date_start", "date_end",
                                        "city", "country", "size_best", "cluster_id"}  # what a map needs only
    assert len(store.geojson(limit=1)["features"]) == 1


def test_clusters_carry_their_mentions(store):
    store.save(extraction("a1", [event("a1", 1, "Paris", "2023-03-07", size=(81000, 700000, 81000))]))
    store.save(extraction("a2", [event("a2", 1, "Paris", "2023-03-07", size=(300000, 300000, 300000))],
                          source="Le Soir", published="2023-03-09"))
    store.dedup()
    [c] = store.query_clusters(mentions=True)
    assert (c["n_mentions"], c["n_articles"], c["n_sources"]) == (2, 2, 2)
    assert (c["size_low"], c["size_high"]) == (81000, 700000)
    assert [(m["article_id"], m["source"], m["size_best"]) for m in c["mentions"]] == [
        ("a1", "Le Quotidien", 81000), ("a2", "Le Soir", 300000)]
    assert (c["first_seen"], c["last_seen"]) == ("2023-03-08", "2023-03-09")
