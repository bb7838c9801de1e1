"""Record builders for the store tests: real vigie.records objects, as the extractor makes them."""
from __future__ import annotations

from typing import Optional

from vigie.records import (Actor, Article, DateSpan, Evidence, Event, Extraction, Location, Outcome, Quote, Size,
                           Span, Speaker)

CITIES = {
    "Paris": ("FR", "Île-de-France", 48.85341, 2.3488, 2988507),
    "Lyon": ("FR", "Auvergne-Rhône-Alpes", 45.74846, 4.84671, 2996944),
    "Berlin": ("DE", "Berlin", 52.52437, 13.41053, 2950159),
    "London": ("GB", "England", 51.50853, -0.12574, 2643743),
}


def event(article_id: str, n: int, city: Optional[str], date: str, mode: str = "demonstration",
          status: str = "occurred", claims: tuple = ("contre la réforme des retraites",),
          size: Optional[tuple] = None, country: Optional[str] = None, target: Optional[str] = None,
          arrests: Optional[int] = None) -> Event:
    c_country, admin1, lat, lon, gid = CITIES.get(city, (country, None, None, None, None))
    loc = Location(text=city or country, city=city, admin1=admin1, country=country or c_country,
                   lat=lat, lon=lon, geonameid=gid)
    return Event(article_id=article_id, event_id=f"{article_id}-e{n}", mode=mode, status=status,
                 date=DateSpan(start=date, text="mardi"), location=loc,
                 evidence=Evidence(text="Des manifestants.", start=0, end=17),
                 trigger=Span(text="manifestants", start=4, end=16),
                 size=Size(text="des centaines", min=size[0], max=size[1], best=size[2]) if size else None,
                 participants=[Actor(text="syndicats")], target=Actor(text="l'ambassade", country=target)
                 if target else None, claims=list(claims), outcome=Outcome(arrests=arrests))


def extraction(article_id: str, events: list, text: str = "Des manifestants. « Nous resterons », dit-il.",
               published: str = "2023-03-08", source: str = "Le Quotidien", quotes: int = 1) -> Extraction:
    article = Article(id=article_id, text=text, published=published, title=f"Titre {article_id}",
                      source=source, url=f"https://example.org/{article_id}", lang="fr")
    qs = [Quote(article_id=article_id, text="Nous resterons", start=20, end=34,
                speaker=Speaker(text="un syndicaliste"), verb="dit", date=published)][:quotes]
    return Extraction(article=article, events=events, quotes=qs)
