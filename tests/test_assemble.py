"""Whole-article rules: frame dates, inherited places, lists of figures, summaries, follow-ups."""
PUB = "2024-03-13"  # a Wednesday


def occurred(result):
    return [e for e in result.events if e.status == "occurred"]


def test_a_sentence_initial_date_frames_the_sentences_after_it(run):
    text = ("Lundi, la colère a éclaté dans les grandes villes. A Lyon, plusieurs centaines de personnes se sont "
            "rassemblées devant la mairie. A Grenoble, 2 000 personnes ont défilé dans le centre-ville.")
    result = run(text, PUB)
    assert [(e.location.city, e.date.start) for e in occurred(result)] == [("Lyon", "2024-03-11"), ("Grenoble", "2024-03-11")]


def test_a_background_clause_does_not_set_the_date(run):
    text = ("Comme lors de la mobilisation à Nantes, la semaine dernière, des appels avaient circulé. "
            "Samedi, un millier de personnes ont défilé à Angers.")
    (event,) = occurred(run(text, "2024-03-17"))
    assert (event.location.city, event.date.start) == ("Angers", "2024-03-16")


def test_figures_paired_with_places_in_a_list(run):
    text = "Mardi, les cortèges ont réuni 9 000 personnes à Nantes, 6 000 à Rennes, autant à Brest et 2 000 à Vannes."
    got = {e.location.city: e.size.best for e in occurred(run(text, PUB))}
    assert got == {"Nantes": 9000, "Rennes": 6000, "Brest": 6000, "Vannes": 2000}


def test_places_then_figures(run):
    text = "Mardi, Lyon a compté au moins 20 000 manifestants, Grenoble et Valence 5 000 chacune, et Annecy 3 000."
    got = {e.location.city: e.size.best for e in occurred(run(text, PUB))}
    assert got == {"Lyon": 20000, "Grenoble": 5000, "Valence": 5000, "Annecy": 3000}


def test_the_figure_right_before_the_place(run):
    text = "Selon le ministère, 150 000 personnes ont manifesté mardi dans tout le pays, dont 12 000 à Toulouse."
    (event,) = occurred(run(text, PUB))
    assert (event.location.city, event.size.best) == ("Toulouse", 12000)


def test_a_country_wide_summary_folds_into_the_city_events(run):
    text = ("Des milliers de personnes ont manifesté mardi dans plusieurs villes d'Espagne. "
            "A Madrid, 10 000 personnes ont défilé. A Séville, un millier de personnes se sont rassemblées.")
    assert sorted(e.location.city or "" for e in occurred(run(text, PUB))) == ["Madrid", "Sevilla"]


def test_a_nationwide_strike_stays_a_country_event(run):
    text = ("Une grève générale a paralysé mardi la Belgique. A Bruxelles, 15 000 personnes ont défilé "
            "dans le centre-ville.")
    got = sorted((e.mode, e.location.city or "") for e in occurred(run(text, PUB)))
    assert got == [("march", "Brussels"), ("strike", "")]


def test_a_sentence_without_place_goes_on_about_the_last_event(run):
    text = ("Mardi, 3 000 personnes ont défilé à Rouen contre la fermeture de l'hôpital. "
            "La manifestation s'est déroulée dans le calme. La police a procédé à une dizaine d'interpellations.")
    (event,) = occurred(run(text, PUB))
    assert event.location.city == "Rouen" and event.outcome.arrests == 10


def test_an_announced_protest_without_place_is_the_country(run):
    text = ("Mardi, 3 000 personnes ont défilé à Rouen. Les syndicats appellent à une nouvelle journée de grève "
            "jeudi 21 mars.")
    planned = [e for e in run(text, PUB).events if e.status == "planned"]
    assert [(e.location.city, e.location.country, e.date.start) for e in planned] == [(None, "FR", "2024-03-21")]


def test_y_refers_to_the_last_town_named(run):
    text = ("Les appels à converger vers Besançon se multipliaient depuis des jours. "
            "Mardi, un millier de personnes s'y sont rassemblées.")
    (event,) = occurred(run(text, PUB))
    assert event.location.city == "Besançon"


def test_a_night_of_riots_seen_in_the_morning_began_the_evening_before(run):
    text = "Des voitures brûlées jonchaient mercredi matin les rues de Roubaix, après une nuit de violences."
    (event,) = occurred(run(text, PUB))
    assert (event.location.city, event.date.start, event.mode) == ("Roubaix", "2024-03-12", "riot")


def test_figures_with_a_source_beat_a_vague_count(run):
    text = ("Des centaines de milliers de personnes ont défilé mardi à Paris contre la réforme, "
            "81 000 selon la police, 700 000 selon la CGT.")
    (event,) = occurred(run(text, PUB))
    assert (event.size.min, event.size.max, event.size.best) == (81000, 700000, 81000)


def test_protesters_named_with_a_place_are_an_event_and_the_toll_follows(run):
    text = ("Les manifestants ont été dispersés par la police mardi à Dakar. "
            "Au moins trois personnes ont été tuées, selon Amnesty International.")
    (event,) = occurred(run(text, PUB))
    assert (event.location.city, event.outcome.killed) == ("Dakar", 3)


def test_a_city_state_after_a(run):
    (event,) = occurred(run("A Hong Kong, des dizaines de milliers de manifestants ont bloqué lundi l'aéroport.", PUB))
    assert (event.location.city, event.location.country, event.mode) == ("Hong Kong", "HK", "blockade")


def test_a_celebration_is_not_a_protest(run):
    text = "Des centaines de personnes se sont rassemblées dimanche place de la Bastille à Paris pour célébrer la victoire."
    assert not run(text, PUB).events


def test_a_precise_figure_told_later_replaces_a_vague_one(run):
    text = ("Des milliers de personnes ont défilé mardi à Paris contre les violences policières. "
            "Selon le ministère, 31 000 personnes ont manifesté dans tout le pays, dont 9 000 à Paris.")
    (event,) = occurred(run(text, PUB))
    assert (event.location.city, event.size.best) == ("Paris", 9000)


def test_a_figure_with_its_source_is_a_crowd_and_who_called_is_not_the_place(run):
    text = ("Des dizaines de milliers de jeunes ont manifesté mardi à travers le monde, à l'appel de la militante "
            "suédoise Greta Thunberg. A Paris, ils étaient 29 000 selon les organisateurs.")
    got = [(e.location.city, e.location.country, e.size and e.size.best) for e in occurred(run(text, PUB))]
    assert got == [("Paris", "FR", 29000)]


def test_a_strike_told_without_place_is_the_countrys(run):
    text = ("Jeudi, le cortège a rassemblé 80 000 personnes à Paris selon la préfecture de police. "
            "La SNCF et la RATP ont connu des perturbations importantes en raison de la grève.")
    got = sorted((e.mode, e.location.city or "") for e in occurred(run(text, "2023-01-20")))
    assert got == [("march", "Paris"), ("strike", "")]


def test_ils_etaient_and_figures_before_places(run):
    text = ("Près de quatre millions de personnes ont défilé dimanche dans toute la France. "
            "A Lyon, ils étaient 300 000, et 115 000 à Bordeaux.")
    got = {e.location.city: e.size.best for e in occurred(run(text, "2015-01-12"))}
    assert got == {"Lyon": 300000, "Bordeaux": 115000}


def test_a_purpose_clause_is_not_one_more_action(run):
    text = "Quelque 300 employés de l'usine Stellantis de Poissy ont débrayé mardi pour protester contre des suppressions de postes."
    got = [(e.mode, e.location.city) for e in occurred(run(text, PUB))]
    assert got == [("strike", "Poissy")]


def test_the_manifestation_of_a_festival_article_is_the_festival(run):
    text = ("Le festival de jazz de Vienne a accueilli 40 000 spectateurs samedi. La programmation était riche. "
            "Les organisateurs de la manifestation se disent comblés.")
    assert run(text, PUB).events == []


def test_a_manifestation_the_article_calls_cultural_elsewhere_is_that_festival(run):
    text = ("Colmar : le film qui divise la critique\n"
            "Les organisateurs de la manifestation ont dû refuser du monde pour le concert de clôture.\n"
            "Cette manifestation culturelle, créée il y a 40 ans, se tient chaque été.")
    assert run(text, PUB).events == []


def test_a_sports_event_named_in_a_protest_article_leaves_its_protest_alone(run):
    text = ("Les enseignants ont manifesté mardi à Lyon contre la réforme. La manifestation a réuni 2 000 "
            "personnes selon la police.\nLa manifestation sportive prévue dimanche a été maintenue.")
    assert [(e.location.city, e.size.best) for e in run(text, PUB).events] == [("Lyon", 2000)]


def test_a_sports_meeting_that_gathered_participants_is_not_a_protest(run):
    text = ("Le championnat régional d'athlétisme a réuni 800 participants samedi à Nantes. "
            "Les organisateurs de la manifestation se félicitent d'une belle édition.")
    assert run(text, PUB).events == []


def test_the_manifestation_after_a_protest_is_that_protest(run):
    text = ("Le salon de l'agriculture ouvre ses portes samedi. Des milliers d'éleveurs ont manifesté mardi à Lyon "
            "contre la baisse des prix. Les organisateurs de la manifestation revendiquent 20 000 participants.")
    (event,) = occurred(run(text, PUB))
    assert event.location.city == "Lyon"


def test_an_event_told_before_the_date_takes_the_date_of_the_report(run):
    text = ("« Nous irons jusqu'au bout », a lancé une syndicaliste en tête du cortège de Nantes. "
            "Mardi, des milliers de personnes ont aussi défilé à Rennes.")
    got = {e.location.city: e.date.start for e in occurred(run(text, PUB))}
    assert got == {"Nantes": "2024-03-12", "Rennes": "2024-03-12"}


def test_a_strike_that_is_the_occasion_of_marches_is_the_countrys(run):
    text = ("Des milliers de cheminots ont défilé mardi à Nancy, Metz et Reims à l'occasion d'une journée de grève "
            "contre la réforme du fret.")
    events = occurred(run(text, PUB))
    assert sorted((e.mode, e.location.city or "") for e in events) == [
        ("march", "Metz"), ("march", "Nancy"), ("march", "Reims"), ("strike", "")]


def test_each_town_keeps_its_own_figure_after_a_total(run):
    text = ("Plusieurs milliers de soignants ont manifesté mardi à Nancy et à Metz. À Nancy, les syndicats ont compté "
            "2 400 manifestants, la préfecture 1 100. À Metz, ils étaient une centaine devant l'hôpital.")
    sizes = {e.location.city: (e.size.min, e.size.max) for e in occurred(run(text, PUB))}
    assert sizes == {"Nancy": (1100, 2400), "Metz": (80, 120)}


def test_the_headline_joins_the_story_it_sums_up(run):
    text = ("Chili : la colère étudiante gagne la rue, heurts à Santiago\n"
            "Des milliers d'étudiants ont défilé mardi dans le centre de Santiago pour réclamer la gratuité de "
            "l'enseignement. En fin de journée, des heurts ont éclaté près du palais de la Moneda.")
    events = occurred(run(text, PUB))
    assert [(e.location.city, e.date.start) for e in events] == [("Santiago", "2024-03-12")]
    assert events[0].evidence.start < events[0].evidence.end


def test_a_general_word_for_the_movement_tells_no_event_of_its_own(run):
    text = ("Samedi, des centaines de personnes ont manifesté à Quito. Dimanche, la contestation a gagné "
            "d'autres villes. À Cuenca, des dizaines de jeunes ont bloqué la route panaméricaine.")
    events = occurred(run(text, PUB))
    assert sorted((e.location.city, e.date.start) for e in events) == [("Cuenca", "2024-03-10"), ("Quito", "2024-03-09")]


def test_a_protest_referred_back_to_is_not_a_new_one(run):
    text = ("Vendredi, un millier de personnes se sont rassemblées à Dakar. Joint par téléphone, un chercheur "
            "basé à Saint-Louis a qualifié cette manifestation d'avertissement.")
    assert [e.location.city for e in occurred(run(text, PUB))] == ["Dakar"]


def test_coordinated_actions_of_one_crowd_are_one_event(run):
    text = "Dimanche à Conakry, des centaines de jeunes ont saccagé une mairie et bloqué la route principale."
    assert len(occurred(run(text, PUB))) == 1


def test_a_hunger_strike_without_a_place_is_where_the_story_is(run):
    text = ("Lundi, 200 ouvriers ont occupé leur usine à Douai. Mercredi, quatre délégués ont entamé une grève "
            "de la faim à l'intérieur du site.")
    events = {e.mode: e for e in occurred(run(text, PUB))}
    assert (events["hunger-strike"].location.city, events["hunger-strike"].size.best) == ("Douai", 4)


def test_the_count_of_the_next_sentence_replaces_a_vague_one(run):
    text = ("Plusieurs centaines d'infirmiers se sont rassemblés mardi devant l'hôpital de Limoges. "
            "Ils étaient 900 selon les syndicats, 450 selon la police.")
    (event,) = occurred(run(text, PUB))
    assert (event.size.min, event.size.max) == (450, 900)


def test_a_region_in_the_headline_lets_the_dateline_place_the_story(run):
    text = ("Finistère : les marins-pêcheurs bloquent le port\n"
            "Quimper. Depuis lundi, une soixantaine de pêcheurs bloquent l'accès au port pour dénoncer le prix du gazole.")
    (event,) = occurred(run(text, PUB))
    assert event.location.city == "Quimper"


def test_barricades_and_a_blockade_by_one_crowd_are_one_event(run):
    text = "Mardi, à Kumasi et Tamale, des manifestants ont dressé des barricades et bloqué les routes nationales."
    assert sorted(e.location.city for e in occurred(run(text, PUB))) == ["Kumasi", "Tamale"]


def test_a_festival_counted_by_its_edition_is_not_a_protest(run):
    text = ("Gap. Pour sa dixième édition, la manifestation a attiré un public record. Le festival de théâtre a "
            "accueilli 20 000 spectateurs.")
    assert occurred(run(text, PUB)) == []


def test_a_march_in_mourning_is_aimed_at_no_state(run):
    (event,) = occurred(run("Dimanche, 2 000 personnes ont participé à une marche blanche à Montauban.", PUB))
    assert event.target is None or event.target.country is None


def test_a_clause_that_gives_a_figure_and_a_town_leaves_the_action_to_the_one_before(run):
    text = ("Mardi, environ 800 personnes ont défilé à Rennes contre la fermeture de la maternité, et quelques "
            "centaines à Vannes. A Lille, 2 000 enseignants ont manifesté, tandis qu'on en comptait près de 500 à Douai.")
    got = {e.location.city: (e.size.min, e.size.max) for e in occurred(run(text, PUB))}
    assert got == {"Rennes": (720, 880), "Vannes": (200, 999), "Lille": (2000, 2000), "Douai": (450, 550)}


def test_each_clause_keeps_its_own_figure(run):
    text = ("Mardi, deux cents agriculteurs se sont rassemblés à Agen et des centaines d'autres à Auch. "
            "Toulouse et Albi ont vu défiler plusieurs milliers de lycéens, et trois cents étudiants ont marché "
            "dans les rues de Tarbes. À Nantes, 1 200 soignants se sont rassemblés devant le CHU, tandis qu'à "
            "Angers, une cinquantaine d'infirmières ont formé une chaîne humaine.")
    got = {e.location.city: e.size.best for e in occurred(run(text, PUB))}
    assert got == {"Agen": 200, "Auch": 300, "Toulouse": 3000, "Albi": 3000, "Tarbes": 300, "Nantes": 1200, "Angers": 50}


def test_du_jamais_vu_is_no_negation(run):
    text = "Du jamais-vu dans la région : 40 000 personnes ont défilé samedi à Clermont-Ferrand."
    assert [e.location.city for e in occurred(run(text, PUB))] == ["Clermont-Ferrand"]


def test_a_flashback_in_the_pluperfect_dates_its_paragraph_not_the_story(run):
    text = ("Plusieurs milliers de personnes ont manifesté samedi à Paris pour le droit au logement. "
            "Dans la nuit de jeudi à vendredi, une cinquantaine de militants avaient investi un immeuble vide de Paris.\n"
            "En région, environ 600 personnes ont défilé à Lyon. Parmi les manifestants, Awa, mère de trois enfants, "
            "ne décolère pas.")
    got = {(e.location.city, e.mode): (e.date.start, e.size and e.size.best) for e in occurred(run(text, "2024-03-11"))}
    assert got == {("Paris", "demonstration"): ("2024-03-09", 3000), ("Paris", "occupation"): ("2024-03-07", 50),
                   ("Lyon", "march"): ("2024-03-09", 600)}


def test_a_flashback_dates_what_follows_it_in_the_pluperfect(run):
    text = ("Dimanche, une foule immense a défilé dans les rues de Hong Kong ; les organisateurs ont revendiqué "
            "deux millions de participants, la police ne dénombrant que 338 000 personnes. Mercredi, les abords du "
            "parlement avaient été le théâtre d'affrontements. Des dizaines de milliers de manifestants avaient "
            "encerclé le bâtiment.")
    got = sorted((e.date.start, e.size and (e.size.min, e.size.max)) for e in occurred(run(text, "2019-06-17")))
    assert got == [("2019-06-12", (20000, 99999)), ("2019-06-16", (338000, 2000000))]
    assert {e.location.city for e in occurred(run(text, "2019-06-17"))} == {"Hong Kong"}


def test_the_town_of_the_sentence_before_and_clashes_of_the_same_crowd(run):
    text = ("Le salon du livre a ouvert samedi à Nantes dans un climat tendu. Quelques heures avant l'arrivée du ministre, "
            "plusieurs centaines d'enseignants ont forcé les grilles et envahi les allées. Des échauffourées ont éclaté "
            "entre les manifestants et les CRS. Le syndicat menace désormais de bloquer les routes dans plusieurs "
            "départements.")
    events = run(text, "2024-03-11").events
    assert [(e.location.city, e.mode, e.date.start) for e in occurred(run(text, "2024-03-11"))] == [
        ("Nantes", "demonstration", "2024-03-09")]
    assert [(e.status, e.mode, e.location.city) for e in events if e.status == "planned"] == [
        ("planned", "blockade", None)]


def test_the_lede_sets_the_scene_for_the_next_paragraph(run):
    text = ("Drapeaux et banderoles flottaient samedi sur le parvis de l'hôtel de ville, à Bordeaux, une semaine après "
            "l'incendie qui a ravagé l'usine de Lormont.\n"
            "Plusieurs centaines de salariés se sont rassemblés en fin de matinée pour réclamer le maintien de "
            "leurs emplois.")
    assert [(e.location.city, e.date.start) for e in occurred(run(text, "2024-03-11"))] == [("Bordeaux", "2024-03-09")]
    # further on, a paragraph without a place no longer goes back to the lede's town
    later = text.replace("\nPlusieurs", "\nLe préfet a reçu les élus lundi.\nPlusieurs")
    assert [(e.location.city, e.location.country) for e in occurred(run(later, "2024-03-11"))] == [(None, "FR")]


def test_a_count_told_before_the_protest_it_is_of(run):
    text = ("Ils étaient 3 100 selon la police, 7 000 selon les syndicats. Hier, un long cortège a traversé le centre "
            "de Tours contre la fermeture de la maternité.")
    (event,) = occurred(run(text, "2024-03-13"))
    assert (event.location.city, event.size.min, event.size.max) == ("Tours", 3100, 7000)


def test_they_were_so_many_to_march(run):
    text = "Ils étaient deux mille, selon la police, à marcher en silence samedi dans les rues de Lens."
    (event,) = occurred(run(text, "2024-03-13"))
    assert (event.location.city, event.mode, event.size.best, event.date.start) == ("Lens", "march", 2000, "2024-03-09")


def test_the_crowd_of_a_past_march_recalled_in_a_relative_clause(run):
    text = ("Samedi, 4 000 personnes ont défilé à Rennes. Maëlle, étudiante à Rennes 2, brandissait une pancarte "
            "rappelant la grande marche de novembre 2019, qui avait réuni des dizaines de milliers de personnes à Paris.")
    got = [(e.location.city, e.size.best) for e in occurred(run(text, "2024-03-13"))]
    assert got == [("Rennes", 4000)]


def test_the_main_clause_dates_what_follows_not_the_start_of_the_strike(run):
    text = ("Les écoles sont restées fermées ce mardi, au deuxième jour de la grève lancée lundi par les syndicats "
            "d'enseignants. À Lomé, quelque 400 enseignants se sont rassemblés devant le ministère.")
    got = sorted((e.mode, e.location.city, e.date.start) for e in occurred(run(text, "2024-03-13")))
    assert got == [("demonstration", "Lomé", "2024-03-12"), ("strike", None, "2024-03-11")]


def test_the_same_scenes_elsewhere_are_more_events_of_the_same_kind(run):
    text = ("Dans la nuit de dimanche à lundi, des groupes de jeunes ont lancé des pierres sur les policiers à Douala. "
            "Des scènes similaires ont été signalées à Yaoundé et à Bafoussam.")
    got = sorted((e.location.city, e.mode, e.date.start) for e in occurred(run(text, "2024-03-12")))
    assert got == [("Bafoussam", "riot", "2024-03-10"), ("Douala", "riot", "2024-03-10"), ("Yaoundé", "riot", "2024-03-10")]


def test_a_count_by_two_sources_opening_the_next_paragraph(run):
    text = ("Samedi, une marée humaine a envahi le centre de Belgrade à l'appel des étudiants.\n"
            "Un observatoire indépendant a évalué la foule à 275 000 personnes ; la police n'en a compté que 100 000.")
    (event,) = occurred(run(text, "2025-03-16"))
    assert (event.location.city, event.size.min, event.size.max) == ("Belgrade", 100000, 275000)


def test_what_follows_a_flashback_in_its_paragraph_shares_its_day(run):
    text = ("Le président a retiré dimanche sa réforme. La veille, le 1er mai, des milliers de Colombiens étaient encore "
            "descendus dans la rue. A Bogota, plusieurs milliers de manifestants ont convergé vers la place Bolivar.")
    (event,) = [e for e in occurred(run(text, "2021-05-02")) if e.location.city]
    assert (event.location.city, event.date.start) == ("Bogotá", "2021-05-01")


def test_two_crowds_aimed_at_different_states_the_same_evening_are_two_events(run):
    text = ("Mercredi soir, des milliers de personnes se sont rassemblées à Erevan pour réclamer la démission du Premier "
            "ministre. Au même moment, plusieurs centaines de personnes se sont massées devant l'ambassade de Russie.")
    got = sorted((e.location.city, e.target.country, e.size.best) for e in occurred(run(text, "2023-09-21")))
    assert got == [("Yerevan", "AM", 3000), ("Yerevan", "RU", 300)]


def test_a_protest_recalled_under_lorsque_days_before_the_report_is_part_of_it(run):
    text = ("Samedi, des milliers de Libanais ont manifesté à Beyrouth. Le mouvement était parti dans la nuit de jeudi à "
            "vendredi, lorsque plusieurs centaines de jeunes s'étaient rassemblés devant le Grand Sérail.")
    got = sorted((e.location.city, e.date.start) for e in occurred(run(text, "2019-10-20")))
    assert got == [("Beirut", "2019-10-17"), ("Beirut", "2019-10-19")]


def test_the_crowd_of_the_next_sentence_and_a_comment_in_the_present(run):
    text = ("Ce matin, des dizaines de chalutiers ont bloqué l'entrée du port de Saint-Malo. Sur le quai, une centaine "
            "de pêcheurs ont allumé des fumigènes. Les professionnels protestent contre le refus de Londres d'accorder "
            "les licences. À Calais, une quarantaine de bateaux ont barré l'accès du port.")
    got = sorted((e.location.city, e.mode, e.size and e.size.best, e.target.country)
                 for e in occurred(run(text, "2021-11-26")))
    assert got == [("Calais", "blockade", None, "GB"), ("Saint-Malo", "blockade", 100, "GB")]  # the story's target


def test_where_violence_spread_and_the_night_from_saturday_to_sunday(run):
    text = ("Samedi, des jeunes ont affronté les policiers à Trappes. La nuit suivante, de samedi à dimanche, les "
            "violences ont repris à Trappes avant de s'étendre à Élancourt et à Guyancourt.")
    got = sorted((e.location.city, e.date.start) for e in occurred(run(text, "2013-07-21")))
    assert got == [("Guyancourt", "2013-07-20"), ("Trappes", "2013-07-20"), ("Élancourt", "2013-07-20")]


def test_the_capital_after_its_name_and_riots_of_a_past_summer(run):
    text = ("A Djakarta, des centaines de milliers d'Indonésiens ont manifesté dimanche au cœur de la capitale. Les "
            "autorités redoutent une répétition des émeutes de l'été 2018 à Bassora.")
    assert [e.location.city for e in occurred(run(text, "2023-11-06"))] == ["Jakarta"]


def test_protests_around_the_world_are_no_countrys_and_the_cause_is_not_the_place(run):
    text = ("Gaza : un week-end de mobilisation mondiale pour un cessez-le-feu\n"
            "Des centaines de milliers de personnes ont manifesté samedi à travers le monde pour réclamer un cessez-le-feu "
            "à Gaza. A Djakarta, des centaines de milliers d'Indonésiens ont envahi l'esplanade du Monas.")
    assert [e.location.city for e in occurred(run(text, "2023-11-06"))] == ["Jakarta"]


def test_a_protest_in_several_european_cities_is_no_one_countrys(run):
    text = ("Des dizaines de milliers de personnes ont manifesté samedi dans plusieurs villes européennes pour réclamer "
            "la levée des restrictions imposées par Israël.\nÀ Madrid, 30 000 personnes ont défilé. À Lisbonne, "
            "quelques centaines de personnes se sont rassemblées devant l'ambassade d'Israël.")
    got = sorted((e.location.city, e.location.country) for e in occurred(run(text, "2025-06-01")))
    assert got == [("Lisbon", "PT"), ("Madrid", "ES")]
