import pytest

from vigie.size import find_sizes

# spec section 3, one row each, in sentences of our own
ROWS = [
    ("Quelques militants se sont rassemblés devant la mairie.", 3, 9, 5),
    ("Une dizaine de salariés ont débrayé.", 8, 14, 10),
    ("Une quinzaine de riverains ont bloqué la route.", 13, 17, 15),
    ("Une vingtaine de lycéens ont défilé.", 15, 25, 20),
    ("Une trentaine d'agriculteurs ont manifesté.", 25, 35, 30),
    ("Une soixantaine de personnes ont marché.", 55, 65, 60),
    ("Une centaine de manifestants étaient présents.", 80, 120, 100),
    ("Des dizaines de personnes ont manifesté.", 20, 99, 40),
    ("Plusieurs dizaines de militants ont occupé le hall.", 20, 99, 40),
    ("Des centaines de personnes se sont réunies.", 200, 999, 300),
    ("Plusieurs centaines d'étudiants ont défilé.", 200, 999, 300),
    ("Un millier de personnes ont défilé.", 800, 1200, 1000),
    ("Des milliers de manifestants ont défilé.", 2000, 9999, 3000),
    ("Des dizaines de milliers de personnes ont défilé.", 20000, 99999, 30000),
    ("Des centaines de milliers de personnes ont défilé.", 200000, 999999, 300000),
    ("Environ 300 personnes ont manifesté.", 270, 330, 300),
    ("Près de 1 000 personnes ont manifesté.", 900, 1100, 1000),
    ("Quelque 200 enseignants se sont rassemblés.", 180, 220, 200),
    ("Autour de 500 personnes ont défilé.", 450, 550, 500),
    ("Plus de 30 000 personnes ont défilé.", 30000, None, 30000),
    ("Au moins 40 000 manifestantes ont défilé.", 40000, None, 40000),
    ("Moins de 100 personnes se sont rassemblées.", 1, 100, 100),
    ("80 000 personnes selon la police, 140 000 selon les syndicats, ont défilé.", 80000, 140000, 80000),
    ("3 500 personnes, selon la préfecture, 9 000 selon la CGT, ont défilé.", 3500, 9000, 3500),
    ("7 000 manifestants (selon la police) et 12 000 selon les organisateurs ont défilé.", 7000, 12000, 7000),
    ("Cinq mille personnes ont défilé.", 5000, 5000, 5000),
    ("Entre 80 000 et 140 000 manifestants ont défilé.", 80000, 140000, 80000),
    ("3 500 personnes ont défilé.", 3500, 3500, 3500),
    ("1.500 manifestants ont défilé.", 1500, 1500, 1500),
    ("10 000 grévistes ont défilé.", 10000, 10000, 10000),
    ("Deux mille personnes se sont rassemblées.", 2000, 2000, 2000),
    ("Vingt-cinq mille personnes ont défilé.", 25000, 25000, 25000),
    ("Un million de personnes ont manifesté.", 1000000, 1000000, 1000000),
    ("1,3 million de personnes ont manifesté.", 1300000, 1300000, 1300000),
]


@pytest.mark.parametrize("text,lo,hi,best", ROWS)
def test_spec_table(text, lo, hi, best):
    sizes = [s for s in find_sizes(text) if s.crowd]
    assert sizes, text
    s = sizes[0]
    assert (s.min, s.max, s.best) == (lo, hi, best)
    assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("text", [
    "Quelque 150 tracteurs étaient alignés sur l'autoroute.",
    "La grève a touché 70 % des bus à 16 heures.",
    "Dix-sept personnes ont été interpellées.",
    "Le rassemblement a eu lieu le 14 juin 2019.",
    "Des centaines de vols ont été annulés.",
    "Un jeune de 17 ans a été tué.",
])
def test_counts_that_are_not_crowds(text):
    assert not [s for s in find_sizes(text) if s.crowd]


def test_standalone_figures_in_a_list_and_autant():
    sizes = find_sizes("Les cortèges ont réuni 70 000 personnes à Turin, 50 000 à Milan, autant à Naples.")
    assert [s.best for s in sizes] == [70000, 50000, None]
    assert sizes[2].same


def test_a_group_named_by_a_proper_noun():
    (s,) = [z for z in find_sizes("Quelque 5 000 Kurdes ont manifesté samedi.") if z.crowd]
    assert (s.min, s.max, s.best) == (4500, 5500, 5000)


def test_a_range_of_millions_and_figures_before_a_comma():
    (s,) = [z for z in find_sizes("A Paris, entre 1,2 et 1,6 million de personnes ont marché.") if z.crowd]
    assert (s.min, s.max, s.best) == (1200000, 1600000, 1200000)
    assert [z.best for z in find_sizes("A Lyon, ils étaient 300 000, et 115 000 à Bordeaux.")] == [300000, 115000]


@pytest.mark.parametrize("text,lo,hi,best", [
    ("La CGT a revendiqué 8 000 participants, la préfecture de police 2 500.", 2500, 8000, 2500),
    ("Les syndicats en ont compté 15 000 ; la police 6 000.", 6000, 15000, 6000),
    ("Le défilé a réuni 4 200 personnes selon les organisateurs, 1 900 pour la police.", 1900, 4200, 1900),
    ("Ils étaient 700 d'après la mairie, 1 500 selon le collectif.", 700, 1500, 700),
])
def test_who_counted_before_the_figure_or_with_pour(text, lo, hi, best):
    (s,) = [z for z in find_sizes(text) if z.crowd]
    assert (s.min, s.max, s.best) == (lo, hi, best)


def test_a_ratio_is_not_a_crowd():
    assert not [s for s in find_sizes("Selon les syndicats, un agent sur trois était en grève.") if s.crowd]


def test_figures_of_two_towns_are_not_one_range():
    text = "Bordeaux a rassemblé 6 000 personnes selon la police, Nantes plus de 9 000 selon les syndicats."
    assert [(z.min, z.max) for z in find_sizes(text) if z.crowd] == [(6000, 6000), (9000, None)]


def test_a_count_followed_by_where_it_was_made():
    (s,) = [z for z in find_sizes("La police en a compté 4 300 entre la gare et la mairie.") if z.crowd]
    assert s.best == 4300


def test_figures_with_no_break_spaces():
    text = "Plus de 12\u00a0000 personnes selon la police, 30\u202f000 selon les syndicats."
    (s,) = [z for z in find_sizes(text) if z.crowd]
    assert (s.min, s.max) == (12000, 30000)


@pytest.mark.parametrize("text,best", [
    ("Les lycéens ont défilé, et trois mille étudiants ont rejoint le cortège.", 3000),  # "et" does not start a number
    ("Deux cents agriculteurs à Agen et des centaines d'autres à Auch.", 300),  # "d'autres": more people
    ("A Lille, tandis qu'on en comptait près de 500 à Douai.", 500),  # "on en comptait": people counted
])
def test_figures_after_et_d_autres_and_en_comptait(text, best):
    assert best in [z.best for z in find_sizes(text) if z.crowd]


@pytest.mark.parametrize("text", [
    "Les syndicats, qui représentent 420 000 employés de l'Etat, ont tenu congrès.",
    "Parmi eux, Fatou, mère de trois enfants, a perdu son logement.",
])
def test_who_a_group_stands_for_and_a_family_are_not_the_crowd(text):
    assert [z for z in find_sizes(text) if z.crowd] == []


@pytest.mark.parametrize("text,lo,hi", [
    ("Le collectif, à l'origine de la marche, a revendiqué 40 000 participants, la police ne dénombrant que "
     "12 000 personnes.", 12000, 40000),
    ("L'observatoire a évalué la foule à 25 000 personnes ; la préfecture n'en a compté que 9 000.", 9000, 25000),
    ("Plusieurs centaines de ses partisans ont érigé des barricades.", 200, 999),
])
def test_counts_claimed_by_organisers_and_by_the_police(text, lo, hi):
    (z,) = [z for z in find_sizes(text) if z.crowd]
    assert (z.min, z.max) == (lo, hi)


def test_a_count_by_a_body_named_in_two_words_pairs_with_the_organisers():
    (size,) = [s for s in find_sizes("Les organisateurs ont revendiqué 6 000 manifestants, la Garde civile en a compté 2.500.")
               if s.crowd]
    assert (size.min, size.max) == (2500, 6000)
    assert not [s for s in find_sizes("Le collectif Jeunesse 2030, né sur les réseaux sociaux, a appelé au calme.")
                if s.crowd]


def test_people_arrested_after_adverbs_are_an_outcome_not_the_crowd():
    assert not [s for s in find_sizes("Une vingtaine de personnes avaient alors été brièvement interpellées.") if s.crowd]
    assert [s.best for s in find_sizes("Une centaine de personnes ont été rapidement dispersées.") if s.crowd] == [100]
