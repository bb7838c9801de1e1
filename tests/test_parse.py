import pytest

from vigie.parse import for_parser, prepare, selected, split_sentences


def test_newlines_split_headline_from_paragraph():
    text = "Colère des agriculteurs\nDes centaines de tracteurs ont bloqué l'A7. Le préfet a réagi."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Colère des agriculteurs", "Des centaines de tracteurs ont bloqué l'A7.",
                                       "Le préfet a réagi."]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_a_quotation_stays_with_its_attribution():
    text = "« C'est fini. Nous partons », a déclaré M. Dupont. Il est parti."
    sents = split_sentences(text)
    assert sents[0].text == "« C'est fini. Nous partons », a déclaré M. Dupont."
    assert len(sents) == 2


def test_a_quotation_that_ends_a_sentence_ends_it():
    text = "Il a conclu : « Nous reviendrons. » Le cortège s'est dispersé. « Assez ! » a-t-elle crié."
    assert [s.text for s in split_sentences(text)] == [
        "Il a conclu : « Nous reviendrons. »", "Le cortège s'est dispersé.", "« Assez ! » a-t-elle crié."]


def test_abbreviations_do_not_end_a_sentence():
    sents = split_sentences("Selon M. Martin, Mme Durand et le Dr Lévy, rien n'a changé. Fin.")
    assert len(sents) == 2


def test_only_candidates_and_their_previous_sentence_are_selected():
    text = ("Le temps était doux. La ville préparait ses fêtes. Des centaines de personnes ont manifesté à Lyon. "
            "Le maire est rentré. Il a dîné.")
    article = prepare(text)
    sents, eventful = article.sentences, article.eventful
    assert eventful
    assert [s.index for s in selected(sents, eventful)] == [1, 2]
    assert len(selected(sents, eventful, selective=False)) == 5


def test_an_article_without_an_event_word_parses_only_its_quotations():
    text = ("Le conseil municipal a voté le budget. Plus de 300 personnes assistaient à la séance. "
            "« Nous tiendrons nos engagements jusqu'au bout », a déclaré la maire. La séance a été levée.")
    article = prepare(text)
    sents, eventful = article.sentences, article.eventful
    assert not eventful
    assert [s.index for s in selected(sents, eventful)] == [2]


@pytest.mark.parametrize("sentence", [
    "Les salariés ont débrayé mardi.",
    "Les agriculteurs bloquaient l'autoroute.",
    "Ils se réunissaient chaque soir devant la mairie.",
    "Des milliers de personnes sont descendues dans la rue.",
    "Une chaîne humaine a relié les deux rives.",
    "Les grévistes de la faim tiennent bon.",
    "Un sit-in s'est tenu devant le rectorat.",
    "Les manifestantes ont défilé dans le calme.",
])
def test_inflected_trigger_words_make_a_sentence_eventful(sentence):
    article = prepare(sentence)
    assert article.eventful
    assert article.sentences[0].trigger


@pytest.mark.parametrize("sentence", [
    "Les supporters ont fêté la victoire jusque tard dans la nuit.",  # nuit alone is no "nuit d'émeutes"
    "Les coureurs se sont rassemblés sur la ligne de départ.",  # runners: a race, not a protest
    "Le salon a réuni 300 exposants venus de douze pays.",  # a fair
    "La réunion du conseil a duré trois heures.",  # réunion is not réunir
    "Une nuit blanche pour les étudiants.",  # nuit alone is not a night of riots
])
def test_words_that_only_look_like_triggers_are_not(sentence):
    assert not prepare(sentence).eventful


def test_a_short_term_in_quotes_is_not_a_quotation():
    text = "Les « gilets jaunes » étaient absents. « Nous reviendrons la semaine prochaine », a dit Paul Durand."
    sents = prepare(text).sentences
    assert [s.quote for s in sents] == [False, True]


def test_the_parser_reads_a_quotation_as_one_placeholder_word_at_the_same_offsets():
    text = "« Nous ne lâcherons rien, jamais », a lancé Paul Durand devant 300 grévistes."
    sents = prepare(text).sentences
    masked = for_parser(sents[0])
    assert len(masked) == len(text)
    assert "lâcherons" not in masked and masked.endswith("a lancé Paul Durand devant 300 grévistes.")
    assert masked[masked.index("x"):].split()[0].strip("x") == ""
