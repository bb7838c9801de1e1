"""Target, claims, participants and outcome of a protest."""
import pytest

PUB = "2024-03-13"


@pytest.mark.parametrize("text,country", [
    ("Des centaines de personnes ont manifesté mardi devant l'ambassade russe à Paris.", "RU"),
    ("Une centaine de personnes se sont rassemblées mardi devant le consulat de Russie à Marseille.", "RU"),
    ("Des Ukrainiens ont manifesté mardi devant la mission permanente de la Russie à Genève.", "RU"),
    ("Plusieurs centaines de personnes ont manifesté mardi devant l'ambassade d'Iran à Berlin.", "IR"),
    ("Des centaines de personnes ont manifesté mardi devant le palais présidentiel à Dakar.", "SN"),
    ("Une centaine d'agriculteurs ont manifesté mardi devant la préfecture de Rennes.", "FR"),
    ("Des militants ont manifesté mardi devant le ministère de la Santé à Rome.", "IT"),
    ("Des centaines de Kurdes ont manifesté mardi à Paris pour dénoncer l'offensive de la Turquie.", "TR"),
])
def test_target_country(run, text, country):
    (event,) = run(text, PUB).events
    assert event.target.country == country


def test_claims_are_the_purpose_clause(run):
    (event,) = run("Des centaines de personnes ont manifesté mardi à Lyon pour dénoncer la fermeture de l'usine.",
                   PUB).events
    assert event.claims == ["dénoncer la fermeture de l'usine"]
    span = event.claim_spans[0]
    assert span.text == event.claims[0]
    (event,) = run("Des milliers d'enseignants ont défilé mardi à Nantes contre la réforme du collège.", PUB).events
    assert event.claims[0].startswith("contre la réforme du collège")


def test_participants_and_their_country(run):
    (event,) = run("A Berlin, des centaines de personnes, pour la plupart des requérants d'asile syriens, "
                   "ont marché mardi jusqu'à l'ambassade russe.", PUB).events
    assert any("requérants d'asile syriens" in p.text and p.country == "SY" for p in event.participants)


def test_organisers_called_it(run):
    (event,) = run("A l'appel de la CGT, 2 000 personnes ont défilé mardi à Lille.", PUB).events
    assert any(p.text == "CGT" for p in event.participants)


def test_outcome(run):
    text = ("Mardi, un millier de personnes ont défilé à Toulouse. Dix-sept personnes ont été interpellées "
            "et deux manifestants ont été blessés, selon la préfecture.")
    (event,) = run(text, PUB).events
    assert (event.outcome.arrests, event.outcome.injured, event.outcome.killed) == (17, 2, None)
    assert event.size.best == 1000


@pytest.mark.parametrize("text,counts", [
    ("A Conakry, les manifestations ont fait au moins seize morts depuis jeudi.", (None, None, 16)),
    ("A Lyon, des centaines de manifestants ont défilé mardi ; une vingtaine ont été blessés.", (None, 20, None)),
    ("A Rennes, des centaines de manifestants ont défilé mardi. Soixante-dix personnes ont été interpellées.",
     (70, None, None)),
])
def test_outcome_counts_in_words(run, text, counts):
    (event,) = run(text, PUB).events
    assert (event.outcome.arrests, event.outcome.injured, event.outcome.killed) == counts


def test_claim_offsets_point_at_the_claim(run):
    text = "A Berlin, des centaines de personnes ont marché mardi pour protester contre l'assaut militaire à Alep."
    (event,) = run(text, PUB).events
    (span,) = event.claim_spans
    assert span.text == "l'assaut militaire à Alep" and text[span.start:span.end] == span.text


@pytest.mark.parametrize("text", [
    "Une veillée a réuni mardi soir 300 personnes à Calais en hommage aux migrants morts en mer.",
    "Des dizaines de personnes ont manifesté mardi leur soutien aux civils à Idleb.",
    "Des milliers de personnes ont manifesté mardi à Londres en soutien aux Palestiniens.",
])
def test_rallies_of_support_have_no_target(run, text):
    (event,) = run(text, PUB).events
    assert event.target is None


def test_vendredi_dernier_is_the_week_before(run):
    (event,) = run("Des centaines de personnes ont manifesté vendredi dernier à Ouagadougou.", "2023-01-20").events
    assert event.date.start == "2023-01-13"


def test_a_toll_recalled_is_not_this_protests_outcome(run):
    text = "Environ 3 000 personnes ont défilé samedi à Lille, en mémoire des deux jeunes tués en 2019."
    (event,) = run(text, PUB).events
    assert event.outcome.killed is None and event.size.best == 3000


def test_people_arrested_are_an_outcome_not_the_crowd(run):
    text = "A Berne, la manifestation non autorisée a dégénéré samedi soir ; la police a interpellé 12 personnes."
    (event,) = run(text, PUB).events
    assert event.size is None and event.outcome.arrests == 12


def test_each_organisation_that_called(run):
    text = "Mardi, des milliers de cheminots ont défilé à Lyon à l'appel de la CGT-Cheminots et de SUD-Rail."
    (event,) = run(text, PUB).events
    assert {"CGT-Cheminots", "SUD-Rail"} <= {p.text for p in event.participants}
    assert all("selon" not in p.text for p in event.participants)


def test_the_source_of_a_figure_is_not_a_participant(run):
    (event,) = run("Samedi, environ 3 000 personnes selon la préfecture ont défilé à Rennes.", PUB).events
    assert all("préfecture" not in p.text for p in event.participants)


@pytest.mark.parametrize("text,iso", [
    # a plural institution, and the state attacked in the claim is not the target
    ("Jeudi, des milliers de personnes se sont rassemblées à Dublin devant les représentations diplomatiques de la "
     "Russie pour dénoncer l'invasion de l'Ukraine.", "RU"),
    # the attacker named by its adjective
    ("Jeudi, 2 000 personnes ont manifesté à Lisbonne pour dénoncer l'invasion russe de l'Ukraine.", "RU"),
    # a destination in the claim is not the target
    ("Dimanche, une foule immense a défilé à Hong Kong pour réclamer le retrait du projet de loi autorisant les "
     "extraditions vers la Chine.", "HK"),
    # nor where a good comes from
    ("Jeudi, deux mille personnes ont marché à Lomé contre la hausse du prix de l'essence importée du Ghana.", "TG"),
])
def test_targets_in_claims(run, text, iso):
    (event,) = [e for e in run(text, "2022-02-25").events if e.status == "occurred"]
    assert event.target.country == iso
