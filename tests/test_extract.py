"""The public API on whole articles: the founding example, batches, the dev set bars."""
import json
from pathlib import Path

import pytest

import vigie
from vigie.evaluate import score
from vigie.pipeline import Extractor
from vigie.records import Article, Failure

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "alep-2016-12-14.jsonl"
DEV = ROOT / "tests" / "data" / "dev-articles.jsonl"  # a copy of ../shared/data/dev/articles.jsonl


def example():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_founding_example_comes_out_exactly():
    art = example()
    result = vigie.extract(art["text"], published=art["published"], article_id=art["id"])
    got = [(e.location.city, e.location.country, e.date.start, e.size.min, e.size.max, e.target and e.target.country)
           for e in result.events]
    gold = art["gold"]["events"]
    assert len(got) == len(gold) == 5
    for (city, country, date, lo, hi, target), g in zip(got, gold):
        assert (city, country) == (g["city"], g["country"])
        assert [lo, hi] == g["size"]
        if g["date"]:
            assert date == g["date"]
        assert target == g["target_country"]
    assert [(q.text[:30], q.speaker.text) for q in result.quotes] == [
        (q["starts"][:30], q["speaker"]) for q in art["gold"]["quotes"]]
    assert all(e.status == "occurred" and e.type == "PROTEST" for e in result.events)


def test_every_field_points_back_to_the_text():
    art = example()
    text = art["text"]
    for e in vigie.extract(text, published=art["published"]).events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert text[e.location.char_start:e.location.char_end] == e.location.text
        assert text[e.size.char_start:e.size.char_end] == e.size.text
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        if e.date.text:
            assert text[e.date.char_start:e.date.char_end] == e.date.text
    for q in vigie.extract(text, published=art["published"]).quotes:
        assert text[q.start:q.end] == q.text


def test_records_serialise_to_the_spec_json():
    art = example()
    records = vigie.extract(art["text"], published=art["published"], article_id="a").records()
    event = next(r for r in records if r["kind"] == "event")
    for key in ("article_id", "event_id", "type", "mode", "status", "date", "location", "size", "participants",
                "target", "claims", "outcome", "evidence", "confidence"):
        assert key in event
    assert set(event["outcome"]) == {"arrests", "injured", "killed"}
    json.dumps(records)


def test_extract_many_keeps_order_and_reports_failures():
    art = example()
    items = [{"id": "one", "text": art["text"], "published": art["published"]},
             {"id": "empty", "text": "   "},
             Article(id="en", text="The protesters marched through the city centre on Tuesday and the police "
                                   "said that the rally was peaceful and that they were happy with it."),
             {"id": "two", "text": "Des centaines de personnes ont manifesté mardi à Lyon.", "published": "2024-03-13"}]
    results = list(vigie.extract_many(items))
    assert [getattr(r, "article_id", None) or r.article.id for r in results] == ["one", "empty", "en", "two"]
    assert isinstance(results[1], Failure) and "empty" in results[1].message
    assert isinstance(results[2], Failure) and "not French" in results[2].message
    assert len(results[0].events) == 5 and len(results[3].events) == 1


def test_extract_raises_a_clear_error_on_unusable_text():
    with pytest.raises(ValueError, match="empty"):
        vigie.extract("")


def test_dev_set_bars():
    gold = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for res in vigie.extract_many(gold) for r in res.records()]
    metrics, errors = score(gold, records)
    bars = {"event_f1": 0.85, "strict_event_f1": 0.75, "city_accuracy": 0.90, "date_accuracy": 0.85,
            "size_accuracy": 0.85, "target_accuracy": 0.80, "quote_f1": 0.90, "speaker_accuracy": 0.85}
    for name, bar in bars.items():
        assert metrics[name] >= bar, (name, metrics[name], errors)


def test_selective_parsing_does_not_change_the_records(extractor):
    corpus = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    full = Extractor(nlp=extractor.nlp, selective=False)
    items = [Article(id=a["id"], text=a["text"], published=a.get("published")) for a in corpus]
    selective = [r.records() for r in extractor.extract_many(items)]
    everything = [r.records() for r in full.extract_many(items)]
    assert selective == everything


@pytest.mark.parametrize("text,language", [
    ("La protesta en Madrid fue grande y muchas personas estaban en la calle con carteles.", "Spanish"),
    ("Der Protest in Berlin war groß und viele Menschen waren mit Schildern auf der Straße.", "German"),
])
def test_other_languages_are_named(text, language):
    from vigie.ingest import language_problem

    assert language_problem(text) == f"not French (looks like {language})"


def test_a_short_french_headline_is_french():
    from vigie.ingest import language_problem

    assert language_problem("Sit-in devant l'Assemblée nationale à Niamey : les enseignants réclament leurs salaires.") is None
