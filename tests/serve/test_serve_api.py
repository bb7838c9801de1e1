"""The HTTP API of `vigie serve`, through real requests to a real server process."""
from __future__ import annotations

import http.client
import json
import os
import shutil
import sqlite3
import subprocess
import sys

import httpx
import pytest

from serve_helpers import EXAMPLE_CITIES, REPO, TOKEN

LYON = ("Samedi, environ 2 000 personnes ont manifesté à Lyon contre la réforme des retraites, "
        "selon la préfecture. « Nous ne lâcherons rien », a déclaré Sophie Martin, secrétaire "
        "de l'union départementale CGT.")


def get(server, path, **params):
    return httpx.get(server.base + path, params=params, timeout=30)


def assert_error(r: httpx.Response, status: int) -> dict:
    """Every error has the same shape: {status, message, details} and nothing else."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"status", "message", "details"}, body
    assert body["status"] == status
    assert isinstance(body["message"], str) and body["message"]
    assert "Traceback" not in r.text and 'File "' not in r.text
    return body


# -- reading --------------------------------------------------------------------------

def test_health(server):
    body = get(server, "/api/health").json()
    assert body["status"] == "ok" and body["writes"] is False


def test_events_hold_the_founding_example(server, stored):
    body = get(server, "/api/events").json()
    assert body["total"] == len(stored["events"]) >= 5
    assert body["limit"] == 50 and body["offset"] == 0
    cities = {e["city"] for e in body["items"]}
    assert EXAMPLE_CITIES <= cities
    assert all(e["date_start"] == "2016-12-13" for e in body["items"] if e["city"] in EXAMPLE_CITIES)


def test_events_paging(server, stored):
    total = len(stored["events"])
    first = get(server, "/api/events", limit=2).json()
    second = get(server, "/api/events", limit=2, offset=2).json()
    assert len(first["items"]) == 2 and first["total"] == total
    assert {e["event_id"] for e in first["items"]}.isdisjoint(e["event_id"] for e in second["items"])
    assert get(server, "/api/events", offset=total).json()["items"] == []


@pytest.mark.parametrize("params, fields", [
    ({"limit": 501}, {"limit"}),
    ({"limit": 0}, {"limit"}),
    ({"offset": -1}, {"offset"}),
    ({"limit": "ten"}, {"limit"}),
    ({"date_from": "2016-13-01"}, {"date_from"}),
    ({"date_to": "yesterday"}, {"date_to"}),
    ({"country": "FRA"}, {"country"}),
    ({"country": "F1"}, {"country"}),
    ({"country": "ZZ"}, {"country"}),
    ({"mode": "picnic"}, {"mode"}),
    ({"status": "maybe"}, {"status"}),
    ({"min_size": -5}, {"min_size"}),
    ({"cluster_id": "abc"}, {"cluster_id"}),
    ({"q": "x" * 201}, {"q"}),
    ({"date_from": "2016-12-14", "date_to": "2016-12-01"}, {"date_from"}),
])
def test_invalid_query_parameters_are_422(server, params, fields):
    body = assert_error(get(server, "/api/events", **params), 422)
    assert fields <= {d["field"] for d in body["details"]}, body
    assert all(d["message"] for d in body["details"])


@pytest.mark.parametrize("params, cities", [
    ({"country": "fr"}, {"Paris"}),
    ({"country": "DE"}, {"Berlin"}),
    ({"city": "istanbul"}, {"Istanbul"}),
    ({"q": "évacuation"}, {"London"}),
    ({"date_from": "2016-12-14"}, set()),
    ({"date_from": "2016-12-13", "date_to": "2016-12-13", "country": "GB"}, {"London"}),
    ({"status": "planned", "country": "GB"}, set()),
])
def test_event_filters(server, params, cities):
    body = get(server, "/api/events", **params).json()
    assert {e["city"] for e in body["items"]} == cities
    assert body["total"] == len(body["items"])


def test_min_size_filter(server, stored):
    big = get(server, "/api/events", min_size=100, limit=500).json()["items"]
    assert big and all(e["size_best"] >= 100 for e in big)
    assert len(big) < len(stored["events"])


def test_one_event_with_its_evidence(server, stored):
    first = stored["events"][0]
    event = get(server, f"/api/events/{first['event_id']}").json()
    text = stored["article"]["text"]
    ev = event["evidence"]
    assert text[ev["start"]:ev["end"]] == ev["text"]
    assert event["location"]["city"] == first["city"]


def test_unknown_event_and_article_are_404(server):
    body = assert_error(get(server, "/api/events/no-such-event"), 404)
    assert body["details"] == {"event_id": "no-such-event"}
    assert_error(get(server, "/api/articles/no-such-article"), 404)


def test_article_with_events_and_quotes(server, stored, example):
    article = get(server, f"/api/articles/{example['id']}").json()
    assert article["text"] == example["text"]
    assert {e["location"]["city"] for e in article["events"]} >= EXAMPLE_CITIES
    speakers = {q["speaker"]["text"] for q in article["quotes"] if q.get("speaker")}
    assert {"Jean-Claude Juncker", "Manfred Weber", "Federica Mogherini"} <= speakers
    for q in article["quotes"]:
        assert article["text"][q["start"]:q["end"]] == q["text"]


def test_clusters(server, stored):
    body = get(server, "/api/clusters", mentions="true").json()
    assert body["total"] >= 5 and len(body["items"]) == body["total"]
    assert all(c["mentions"] for c in body["items"])
    fr = get(server, "/api/clusters", country="FR").json()
    assert [c["city"] for c in fr["items"]] == ["Paris"]
    cid = fr["items"][0]["id"]
    events = get(server, "/api/events", cluster_id=cid).json()["items"]
    assert [e["city"] for e in events] == ["Paris"]
    assert_error(get(server, "/api/clusters", limit=1000), 422)


@pytest.mark.parametrize("by", ["day", "month", "country", "mode"])
def test_counts(server, stored, by):
    body = get(server, "/api/counts", by=by).json()
    assert body["by"] == by
    assert sum(i["value"] for i in body["items"]) == len(stored["events"])
    if by == "day":
        assert {"key": "2016-12-13", "value": len(stored["events"])} in body["items"]
    if by == "country":
        assert {"GB", "DE", "FR", "TR", "SY"} <= {i["key"] for i in body["items"]}


def test_counts_filtered_and_invalid(server):
    body = get(server, "/api/counts", by="country", country="TR").json()
    assert body["items"] == [{"key": "TR", "value": 1}]
    assert_error(get(server, "/api/counts", by="week"), 422)
    assert_error(get(server, "/api/counts", unit="people"), 422)


def test_counts_of_participants(server):
    # Sums of best sizes need the store's unit="participants"; without it the server says so plainly.
    r = get(server, "/api/counts", by="day", unit="participants")
    if get(server, "/api/health").json()["participants"]:
        assert r.status_code == 200 and r.json()["items"][0]["value"] > 0
    else:
        assert_error(r, 501)


def test_geojson(server, stored):
    fc = get(server, "/api/geojson").json()
    assert fc["type"] == "FeatureCollection" and fc["limit"] == 3000  # the map's default
    assert len(fc["features"]) == sum(1 for e in stored["events"] if e["lat"] is not None)
    paris = get(server, "/api/geojson", city="Paris").json()["features"]
    assert len(paris) == 1
    lon, lat = paris[0]["geometry"]["coordinates"]
    assert 2 < lon < 3 and 48 < lat < 49  # GeoJSON order: lon, lat
    assert paris[0]["properties"]["mode"] and paris[0]["properties"]["event_id"]
    assert len(get(server, "/api/geojson", limit=2).json()["features"]) == 2
    assert_error(get(server, "/api/geojson", limit=20001), 422)


# -- extract ----------------------------------------------------------------------------

def test_extract_returns_records_without_storing(server, stored):
    r = httpx.post(server.base + "/api/extract", json={"text": LYON, "published": "2023-03-13"}, timeout=120)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is False and body["text"] == LYON
    assert any(e["location"]["city"] == "Lyon" for e in body["events"])
    assert all(e["date"]["start"] == "2023-03-11" for e in body["events"])
    assert get(server, "/api/events").json()["total"] == len(stored["events"])
    assert_error(get(server, f"/api/articles/{body['id']}"), 404)


def test_extract_takes_a_datetime_as_published(server):
    r = httpx.post(server.base + "/api/extract", json={"text": LYON, "published": "2023-03-13T18:30:00+01:00"},
                   timeout=120)
    assert r.status_code == 200, r.text
    assert r.json()["published"] == "2023-03-13"


def test_extract_plain_text(server):
    r = httpx.post(server.base + "/api/extract", content=LYON.encode(),
                   headers={"Content-Type": "text/plain; charset=utf-8"}, timeout=120)
    assert r.status_code == 200, r.text
    assert any(e["location"]["city"] == "Lyon" for e in r.json()["events"])


def test_extract_rejects_oversized_bodies(server):
    big = b'{"text": "' + b"a" * 1_000_100 + b'"}'
    body = assert_error(httpx.post(server.base + "/api/extract", content=big,
                                   headers={"Content-Type": "application/json"}, timeout=30), 413)
    assert body["details"] == {"limit": 1_000_000}

    def chunks():  # no Content-Length: the server must count as it reads
        for _ in range(11):
            yield b"a" * 100_000
    assert_error(httpx.post(server.base + "/api/extract", content=chunks(),
                            headers={"Content-Type": "text/plain"}, timeout=30), 413)


@pytest.mark.parametrize("content, ctype, status", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain", 415),
    (b"\xff\xfe\x00M\x00a\x00n", "text/plain", 415),
    (b'{"text": "Manifestation \\u0000 binaire"}', "application/json", 415),
    (b"Des manifestants", "application/octet-stream", 415),
    (b"Des manifestants", "", 415),
    (b'{"text": "unterminated', "application/json", 400),
    (b'["a list"]', "application/json", 422),
    (b'{"published": "2016-12-14"}', "application/json", 422),
    (b'{"text": "   "}', "application/json", 422),
    (b'{"text": "Des gens.", "published": "14/12/2016"}', "application/json", 422),
    (b"The quick brown fox jumps over the lazy dog. This is plainly English text.", "text/plain", 422),
])
def test_extract_rejects_bad_bodies(server, content, ctype, status):
    headers = {"Content-Type": ctype} if ctype else {}
    assert_error(httpx.post(server.base + "/api/extract", content=content, headers=headers, timeout=60), status)


def test_storing_is_refused_when_read_only(server):
    r = httpx.post(server.base + "/api/extract", json={"text": LYON, "store": True},
                   headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
    assert_error(r, 403)


def test_storing_needs_the_token(writer):
    url = writer.base + "/api/extract"
    payload = {"text": LYON, "published": "2023-03-13", "article_id": "lyon-2023-03-11", "store": True}
    assert get(writer, "/api/health").json()["writes"] is True
    r = httpx.post(url, json=payload, timeout=60)
    assert_error(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"
    assert_error(httpx.post(url, json=payload, headers={"Authorization": "Bearer wrong"}, timeout=60), 401)
    assert_error(httpx.post(url, json=payload, headers={"X-Vigie-Token": TOKEN[:-1]}, timeout=60), 401)
    assert_error(get(writer, "/api/articles/lyon-2023-03-11"), 404)

    r = httpx.post(url, json=payload, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert r.status_code == 200, r.text
    assert r.json()["stored"] is True
    article = get(writer, "/api/articles/lyon-2023-03-11").json()
    assert article["text"] == LYON
    assert any(e["location"]["city"] == "Lyon" for e in article["events"])
    lyon = get(writer, "/api/events", city="Lyon").json()["items"]
    assert lyon and all(e["cluster_id"] for e in lyon)  # clustered as soon as stored

    r = httpx.post(url, json={**payload, "article_id": "lyon-bis"}, headers={"X-Vigie-Token": TOKEN}, timeout=120)
    assert r.status_code == 200 and r.json()["stored"] is True
    # without store=true nothing is stored, token or not
    r = httpx.post(url, json={"text": LYON, "article_id": "lyon-ter"}, headers={"X-Vigie-Token": TOKEN}, timeout=120)
    assert r.status_code == 200 and r.json()["stored"] is False
    assert_error(get(writer, "/api/articles/lyon-ter"), 404)


# -- errors, static files, docs, binding ---------------------------------------------------

def test_error_shape_for_routing_errors(server):
    assert_error(get(server, "/api/nothing-here"), 404)
    assert_error(get(server, "/no/such/page"), 404)
    assert_error(httpx.post(server.base + "/api/events", timeout=10), 405)
    assert_error(httpx.delete(server.base + "/api/events/x", timeout=10), 405)
    assert_error(httpx.get(server.base + "/api/extract", timeout=10), 405)


def test_no_stack_trace_reaches_a_client(example_db, tmp_path, make_server):
    db = tmp_path / "broken.db"
    shutil.copy(example_db, db)
    s = make_server(db)
    with sqlite3.connect(db) as conn:  # the store breaks under the running server
        conn.execute("ALTER TABLE events RENAME TO events_gone")
    r = get(s, "/api/events")
    body = assert_error(r, 500)
    assert body == {"status": 500, "message": "internal server error", "details": None}
    assert "sqlite" not in r.text.lower() and "events_gone" not in r.text
    assert "Traceback" in s.output()  # logged on the server side instead


def raw_get(server, path: str) -> tuple[int, bytes]:
    """GET with the path sent byte for byte (httpx would normalise the dots away)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("GET", path, skip_accept_encoding=True)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, body


@pytest.mark.parametrize("path", [
    "/static/../app.py",
    "/static/../../cli.py",
    "/static/%2e%2e/app.py",
    "/static/%2E%2E%2Fapp.py",
    "/static/..%2f..%2fcli.py",
    "/static/vendor/../../app.py",
    "/static/..\\app.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/....//app.py",
])
def test_no_path_traversal_through_static_routes(server, path):
    status, body = raw_get(server, path)
    assert status in (400, 404), (status, body[:200])
    assert b"create_app" not in body and b"root:" not in body and b"def main" not in body
    assert set(json.loads(body)) == {"status", "message", "details"}


def test_static_files_and_page(server):
    status, body = raw_get(server, "/")
    assert status == 200 and b'<div id="map"' in body
    for path in ["/static/app.js", "/static/style.css", "/static/vendor/leaflet-1.9.4/leaflet-1.9.4.js",
                 "/static/vendor/natural-earth-110m/countries-110m.geojson"]:
        assert raw_get(server, path)[0] == 200, path
    r = get(server, "/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "server" not in r.headers


def test_docs_are_served_locally(server):
    html = get(server, "/docs").text
    assert "/static/vendor/swagger-ui-5.35.0/swagger-ui-bundle-5.35.0.js" in html
    assert "/static/vendor/swagger-ui-5.35.0/swagger-ui-5.35.0.css" in html
    assert "cdn" not in html and "https://" not in html
    spec = get(server, "/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/clusters", "/api/articles/{article_id}",
            "/api/counts", "/api/geojson", "/api/extract", "/api/health"} <= set(spec["paths"])
    assert get(server, "/redoc").status_code == 404


def test_binds_loopback_by_default(server):
    local = f"0100007F:{server.port:04X}"  # 127.0.0.1 as /proc/net/tcp writes it
    with open("/proc/net/tcp") as f:
        listening = [line.split()[1] for line in f if line.split()[3] == "0A"]
    assert local in listening
    assert not any(addr.endswith(f":{server.port:04X}") and addr != local for addr in listening)


def test_foreign_host_names_are_refused_on_loopback(server):
    # A page of another site, its name rebound to 127.0.0.1, must not read the store.
    body = assert_error(httpx.get(server.base + "/api/events", headers={"Host": "evil.example"}, timeout=10), 400)
    assert "Host" in body["message"]
    for host in (f"localhost:{server.port}", f"127.0.0.1:{server.port}", "localhost"):
        assert httpx.get(server.base + "/api/health", headers={"Host": host}, timeout=10).status_code == 200


@pytest.mark.parametrize("args, env, message", [
    (["--allow-writes"], {"VIGIE_TOKEN": ""}, "needs a token"),
    ([], {}, "no such database"),
])
def test_cli_refuses_to_start(tmp_path, args, env, message):
    r = subprocess.run([sys.executable, "-m", "vigie.cli", "serve", "--db", str(tmp_path / "none.db"), *args],
                       cwd=REPO, capture_output=True, text=True, timeout=60,
                       env={**os.environ, **env})
    assert r.returncode == 2 and message in r.stderr


def test_serves_a_postgresql_store(example, tmp_path, make_server):
    """The same API over PostgreSQL: a throwaway cluster from the store tests' helper."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("store_conftest", REPO / "tests" / "store" / "conftest.py")
    helpers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helpers)
    try:
        pg = helpers.PostgresServer()
    except (FileNotFoundError, KeyError, subprocess.CalledProcessError) as e:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL could not be started: {e}")
        pytest.skip(f"PostgreSQL could not be started: {e}")
    try:
        import vigie
        from vigie.store import Store

        url = pg.create_database()
        store = Store.open(url)
        for result in vigie.extract_many([example]):
            store.save(result)
        store.dedup()
        store.close()
        s = make_server(url)
        events = get(s, "/api/events").json()
        assert EXAMPLE_CITIES <= {e["city"] for e in events["items"]}
        assert len(get(s, "/api/geojson").json()["features"]) == events["total"]
        assert sum(i["value"] for i in get(s, "/api/counts", by="country").json()["items"]) == events["total"]
        article = get(s, f"/api/articles/{example['id']}").json()
        assert article["text"] == example["text"] and len(article["quotes"]) >= 3
        assert_error(get(s, "/api/events", country="ZZ"), 422)
        s.stop()
    finally:
        pg.stop()
