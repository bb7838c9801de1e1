"""The word lists' helpers: a gated regex finds exactly what its regex finds."""
import re

import pytest

from vigie.lexicon import GatedRegex, phrase_regex, required_words, table, words


def test_required_words_are_words_no_match_can_miss():
    assert required_words([r"(?:des|les) scènes (?:similaires|semblables)"]) == {"scènes"}
    assert required_words([r"\bmanifs?\b"]) == {"manif"}  # the optional letter is not required
    assert required_words([r"grève\s+générale"]) == {"générale"}
    assert required_words(["hier|demain"]) == {"hier", "demain"}  # either will do
    assert required_words([r"tué|(?:un|une) (?:millier|centaine)"]) == {"tué", ""}  # the second: every text


SENTENCES = [
    "Des scènes similaires ont été signalées à Sousse, où une centaine de jeunes ont défilé.",
    "Plusieurs milliers de personnes, des dizaines de milliers selon les organisateurs, étaient là hier.",
    "Le même scénario s'est répété le lendemain, quand QUELQUES DIZAINES de militants sont revenus.",
    "Aujourd'hui, le cortège a rassemblé une vingtaine de retraités, la veille une trentaine.",
    "La séance du conseil municipal a été reportée à la semaine prochaine.",
    "Rien de tel n'avait été vu depuis l'année dernière, ni même l'avant-veille.",
]


@pytest.mark.parametrize("patterns", [
    [r["pattern"] for r in table("vague_quantities.tsv")],
    sorted(words("same_again.txt")),
    [re.escape(r["pattern"]) for r in table("relative_dates.tsv")],
])
def test_a_gated_regex_finds_what_its_regex_finds(patterns):
    gated, plain = GatedRegex(patterns), phrase_regex(patterns)
    found = 0
    for s in SENTENCES:
        assert [m.span() for m in gated.finditer(s)] == [m.span() for m in plain.finditer(s)]
        assert bool(gated.search(s)) == bool(plain.search(s))
        found += bool(plain.search(s))
    assert 0 < found < len(SENTENCES)  # the sentences test both sides of the gate
