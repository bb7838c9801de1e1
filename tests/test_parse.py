from vigie.parse import mark_candidates, selected, split_sentences


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


def test_abbreviations_do_not_end_a_sentence():
    sents = split_sentences("Selon M. Martin, Mme Durand et le Dr Lévy, rien n'a changé. Fin.")
    assert len(sents) == 2


def test_only_candidates_and_their_previous_sentence_are_selected():
    text = ("Le temps était doux. La ville préparait ses fêtes. Des centaines de personnes ont manifesté à Lyon. "
            "Le maire est rentré. Il a dîné.")
    sents = split_sentences(text)
    mark_candidates(sents)
    assert [s.index for s in selected(sents)] == [1, 2]
    assert len(selected(sents, selective=False)) == 5
