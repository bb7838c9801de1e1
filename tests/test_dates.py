import datetime as dt

import pytest

from vigie.dates import find_dates

WED = dt.date(2016, 12, 14)  # a Wednesday


@pytest.mark.parametrize("text,future,expected", [
    ("Ils se sont réunis mardi soir.", False, "2016-12-13"),
    ("Ils ont défilé samedi.", False, "2016-12-10"),
    ("Ils défileront samedi.", True, "2016-12-17"),
    ("Ils ont manifesté mercredi matin.", False, "2016-12-14"),
    ("Hier, ils étaient des milliers.", False, "2016-12-13"),
    ("Avant-hier, le cortège a défilé.", False, "2016-12-12"),
    ("Dans la nuit de samedi à dimanche, des voitures ont brûlé.", False, "2016-12-10"),
    ("Le 3 mars, ils avaient bloqué le port.", False, "2016-03-03"),
    ("Une grève est prévue le 3 mars.", True, "2017-03-03"),
    ("La semaine dernière, les taxis ont bloqué l'aéroport.", False, "2016-12-07"),
    ("Ils manifesteront lundi prochain.", False, "2016-12-19"),
    ("Ils ont manifesté samedi dernier.", False, "2016-12-10"),
    ("Ils ont défilé jeudi 8 décembre.", False, "2016-12-08"),
    ("Une marche est annoncée pour le 2 janvier.", True, "2017-01-02"),
    ("Le 14 juin 2019 restera dans les mémoires.", False, "2019-06-14"),
    ("Il y a deux semaines, un rassemblement avait eu lieu.", False, "2016-11-30"),
])
def test_day_expressions(text, future, expected):
    dates = find_dates(text, WED, future)
    assert dates and dates[0].day and dates[0].day.isoformat() == expected
    assert text[dates[0].start:dates[0].end] == dates[0].text


def test_month_or_year_alone_gives_an_approximate_date():
    d = find_dates("comme lors des émeutes de 2005", WED)[0]
    assert d.day is None and d.approx == dt.date(2005, 1, 1)
    d = find_dates("des élèves arrêtés en décembre 2018", WED)[0]
    assert d.approx == dt.date(2018, 12, 1)


def test_hyphenated_holiday():
    d = find_dates("Le défilé du 1er-Mai a réuni 2 000 personnes.", dt.date(2024, 5, 2))[0]
    assert d.day == dt.date(2024, 5, 1)


@pytest.mark.parametrize("expr,published,future,day", [
    ("le week-end dernier", "2023-03-22", False, "2023-03-18"),  # said on a Wednesday
    ("le week-end dernier", "2023-03-19", False, "2023-03-11"),  # said on a Sunday: the one before
    ("ce week-end", "2023-03-20", False, "2023-03-18"),  # Monday, past tense: the one just past
    ("ce week-end", "2023-03-22", True, "2023-03-25"),  # announced: the coming one
    ("le week-end prochain", "2023-03-18", True, "2023-03-25"),
])
def test_weekends_are_their_saturday(expr, published, future, day):
    (d,) = find_dates(expr, dt.date.fromisoformat(published), future)
    assert d.day.isoformat() == day


def test_la_veille_is_the_day_before_the_storys_day(run):
    text = ("Vendredi, des milliers de personnes se sont rassemblées à Izmir. La veille, à Ankara, des centaines "
            "d'étudiants avaient manifesté devant le rectorat.")
    days = {e.location.city: e.date.start for e in run(text, "2025-03-23").events}
    assert days == {"İzmir": "2025-03-21", "Ankara": "2025-03-20"}


def test_the_day_of_the_protest_not_the_day_of_what_it_mourns(run):
    text = "Jeudi, 200 personnes se sont réunies à Brest pour une veillée en hommage aux marins morts la veille."
    (event,) = run(text, "2025-03-22").events
    assert event.date.start == "2025-03-20"


def test_a_street_named_after_a_day_is_not_a_date():
    assert find_dates("Ils ont rejoint la place du 13-Mai avant d'être dispersés.", dt.date(2025, 9, 27)) == []


def test_a_date_inside_a_participle_clause_does_not_frame_the_story(run):
    text = ("Samedi, 3 000 personnes ont défilé à Rangoun. Une étudiante, blessée le 9 février dans la capitale, "
            "est morte vendredi. Devant l'ambassade de Chine à Rangoun, des centaines de personnes ont manifesté.")
    assert {e.date.start for e in run(text, "2021-02-22").events} == {"2021-02-20"}


def test_clashes_on_a_day_of_their_own(run):
    text = "Jeudi soir, des milliers de manifestants ont défilé à Tbilissi. Vendredi, les heurts ont duré jusqu'à l'aube."
    assert sorted(e.date.start for e in run(text, "2024-12-01").events) == ["2024-11-28", "2024-11-29"]
