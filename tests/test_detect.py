"""Which sentences are protests, of what mode and status: sentences written for each phenomenon."""
import pytest

PUB = "2024-03-13"  # a Wednesday


@pytest.mark.parametrize("text,mode", [
    ("Des centaines de personnes ont manifesté mardi à Lyon contre la réforme.", "demonstration"),
    ("Une centaine de militants se sont rassemblés lundi devant la mairie de Nantes.", "demonstration"),
    ("Plusieurs milliers de personnes ont défilé samedi dans les rues de Marseille.", "march"),
    ("Des agriculteurs ont marché mardi vers la préfecture de Rennes.", "march"),
    ("Les cheminots se sont mis en grève mardi à Toulouse.", "strike"),
    ("Une trentaine de sans-papiers ont entamé lundi une grève de la faim à Lille.", "hunger-strike"),
    ("Une cinquantaine d'étudiants ont organisé un sit-in lundi devant l'université de Grenoble.", "sit-in"),
    ("Des centaines de taxis ont bloqué mardi l'accès à l'aéroport de Nice.", "blockade"),
    ("Une quarantaine de militants ont occupé lundi le hall de la mairie de Dijon.", "occupation"),
    ("Un rassemblement a réuni lundi 300 personnes devant la préfecture de Caen.", "demonstration"),
    ("Le cortège, fort de 5 000 personnes, a traversé Bordeaux mardi.", "march"),
    ("Des émeutes ont éclaté lundi soir à Marseille après la mort d'un jeune.", "riot"),
    ("Une veillée a réuni mardi soir 200 personnes à Calais en hommage aux victimes.", "vigil"),
])
def test_protest_modes(run, text, mode):
    events = [e for e in run(text, PUB).events if e.status == "occurred"]
    assert len(events) == 1, text
    assert events[0].mode == mode
    assert events[0].trigger.text and text[events[0].trigger.start:events[0].trigger.end] == events[0].trigger.text


@pytest.mark.parametrize("text", [
    "Le salon de l'agriculture, grande manifestation populaire, a ouvert samedi à Paris.",
    "La manifestation sportive a réuni 3 000 coureurs dimanche à Lyon.",
    "Le festival, principale manifestation culturelle de l'été, se tient à Avignon.",
    "Le Rassemblement national a présenté mardi sa liste à Paris.",
    "Le ministre a manifesté mardi son soutien aux victimes à Paris.",
    "Le défilé de mode a attiré mardi le tout-Paris.",
    "La marche de l'économie reste fragile à Lyon, selon la Banque de France.",
])
def test_not_protests(run, text):
    assert not run(text, PUB).events, text


@pytest.mark.parametrize("text", [
    "Comme lors des manifestations de 2011, la place était pleine à Tunis.",
    "La grève de 1995 avait paralysé Paris pendant trois semaines.",
    "Ces scènes rappellent les émeutes qui avaient embrasé les banlieues à l'automne 2005.",
])
def test_background_mentions_are_not_events(run, text):
    assert not [e for e in run(text, PUB).events if e.status == "occurred"], text


@pytest.mark.parametrize("text,day", [
    ("Les syndicats appellent à manifester samedi à Paris.", "2024-03-16"),
    ("Une grève est prévue jeudi à la SNCF, à Lyon.", "2024-03-14"),
    ("Les agriculteurs menacent de bloquer Rouen lundi.", "2024-03-18"),
    ("Les enseignants manifesteront vendredi à Lille.", "2024-03-15"),
    ("Une nouvelle journée de mobilisation et de grève aura lieu le 21 mars à Nantes.", "2024-03-21"),
])
def test_planned_protests(run, text, day):
    events = run(text, PUB).events
    assert events and all(e.status == "planned" for e in events), text
    assert events[0].date.start == day


def test_one_event_per_place(run, places):
    result = run("Mardi, des milliers de personnes ont manifesté à Paris, Lyon et Marseille contre la réforme.", PUB)
    assert places(result) == [("Lyon", "FR"), ("Marseille", "FR"), ("Paris", "FR")]
    assert {e.date.start for e in result.events} == {"2024-03-12"}


def test_same_crowd_marching_then_rallying_is_one_event(run, places):
    text = ("Samedi, 2 000 personnes ont défilé à Rennes. Le cortège s'est ensuite rassemblé devant la préfecture, "
            "où les manifestants ont scandé des slogans.")
    assert places(run(text, PUB)) == [("Rennes", "FR")]


def test_a_multiword_trigger_with_a_date_inside(run, places):
    text = "Des centaines de milliers de Libanais sont descendus dimanche dans la rue à Beyrouth et Saïda."
    assert places(run(text, "2019-10-21")) == [("Beirut", "LB"), ("Sidon", "LB")]


def test_last_year_is_background(run):
    text = "L'an dernier, 15 000 personnes avaient défilé à Paris, selon les organisatrices."
    assert not [e for e in run(text, PUB).events if e.status == "occurred"]


def test_ce_vendredi_is_this_weeks(run):
    (event,) = run("Des rassemblements sont prévus ce vendredi à Lyon et à Paris.", "2024-03-08").events[:1]
    assert event.status == "planned" and event.date.start == "2024-03-08"


@pytest.mark.parametrize("text,mode,city", [
    ("Une chaîne humaine de 2 000 personnes a relié mardi les deux rives de Strasbourg.", "demonstration", "Strasbourg"),
    ("Des agriculteurs ont mené mardi une opération escargot sur le périphérique de Toulouse.", "blockade", "Toulouse"),
    ("Un piquet de grève a été installé mardi devant l'usine de Douai.", "strike", "Douai"),
    ("Un concert de casseroles a retenti mardi soir à Montréal.", "demonstration", "Montréal"),
])
def test_less_common_forms_of_protest(run, text, mode, city):
    (event,) = run(text, PUB).events
    assert (event.mode, event.location.city) == (mode, city)


@pytest.mark.parametrize("text", [
    "La manifestation, organisée par la chambre de commerce, attend cette année 300 000 visiteurs à Lyon.",
    "Les supporters se sont rassemblés mardi aux abords du stade de Lens pour encourager leurs joueurs.",
    "Le tournoi de tennis de Charleroi a réuni 17 000 participants samedi.",
])
def test_gatherings_that_are_not_protests(run, text):
    assert not run(text, PUB).events


def test_clashes_between_a_crowd_and_the_police_are_a_riot(run):
    text = ("A Conakry, des heurts ont opposé vendredi des partisans de l'opposition aux forces de l'ordre ; "
            "au moins trois personnes ont été tuées.")
    (event,) = run(text, "2023-06-03").events
    assert (event.mode, event.location.city, event.date.start, event.outcome.killed) == ("riot", "Conakry", "2023-06-02", 3)


def test_clashes_between_armies_are_not_a_protest(run):
    text = "Des affrontements ont opposé vendredi l'armée malienne à des groupes armés près de Gao."
    assert run(text, "2023-06-03").events == []


def test_barricades_raised_by_residents_are_a_riot(run):
    (event,) = run("Des habitants en colère ont érigé des barricades lundi à Port-au-Prince.", "2023-05-24").events
    assert (event.mode, event.location.country) == ("riot", "HT")


def test_a_protest_planned_then_banned_is_planned(run):
    (event,) = run("Une manifestation prévue samedi à Paris a été interdite par la préfecture.", "2023-11-24").events
    assert (event.status, event.date.start) == ("planned", "2023-11-25")


@pytest.mark.parametrize("text,mode,city", [
    ("Des milliers de personnes ont battu le pavé samedi à Genève.", "march", "Geneva"),
    ("Une journée « ville morte » a paralysé lundi Conakry à l'appel de l'opposition.", "strike", "Conakry"),
    ("Les gilets jaunes ont envahi samedi les Champs-Élysées à Paris.", "occupation", "Paris"),
    ("Les infirmières se sont mobilisées jeudi à Rouen pour réclamer des renforts.", "demonstration", "Rouen"),
    ("Sit-in devant l'Assemblée nationale à Niamey : les enseignants contractuels réclament leurs salaires.",
     "sit-in", "Niamey"),
])
def test_more_ways_to_tell_a_protest(run, text, mode, city):
    (event,) = run(text, "2023-05-24").events
    assert (event.mode, event.location.city) == (mode, city)


def test_burning_tyres_in_a_day_of_protest_are_blockades(run):
    text = ("Des milliers de personnes ont manifesté lundi à Abidjan contre la vie chère. Des jeunes ont mis le feu à "
            "des pneus à Bouaké, et des pneus ont brûlé toute la nuit à Korhogo.")
    got = sorted((e.mode, e.location.city) for e in run(text, "2023-05-24").events)
    assert got == [("blockade", "Bouaké"), ("blockade", "Korhogo"), ("demonstration", "Abidjan")]


def test_tyres_not_on_fire_tell_no_protest(run):
    text = ("Des milliers de personnes ont manifesté lundi à Abidjan contre la vie chère, dont le prix des pneus a "
            "flambé. À Bouaké, des pneus neufs ont été volés dans un entrepôt.")
    assert [e.location.city for e in run(text, "2023-05-24").events] == ["Abidjan"]


def test_mobilising_volunteers_is_not_a_protest(run):
    assert run("Le festival mobilise chaque année 700 bénévoles à Nantes.", "2023-05-24").events == []


def test_a_company_investing_millions_is_not_a_protest(run):
    assert run("La société Vectora a envahi le marché et investit 67 millions d'euros à Lille.", "2023-05-24").events == []


@pytest.mark.parametrize("text", [
    "Les transporteurs ont investi 112 millions d'euros à Metz l'an dernier.",
    "À Agen, les agriculteurs ont investi des sommes considérables dans leurs serres.",
])
def test_people_who_invest_money_occupy_nothing(run, text):
    assert run(text, "2023-05-24").events == []


def test_people_who_invest_a_building_occupy_it(run):
    events = run("Des militants ont investi mardi le siège du parti à Tunis.", "2023-05-24").events
    assert [(e.mode, e.location.city) for e in events] == [("occupation", "Tunis")]


@pytest.mark.parametrize("text", [
    "Cette manifestation sportive, devenue un rendez-vous incontournable, mobilise près de 1 300 bénévoles à Annecy.",
    "Le festival a mobilisé samedi 300 bénévoles à Lyon.",
])
def test_a_gathering_of_another_kind_does_not_protest(run, text):
    # the second sentence's "la manifestation" would let a weak trigger make an event in the first
    text += " Les organisateurs de la manifestation se félicitent d'une participation en hausse."
    assert run(text, "2023-05-24").events == []


def test_a_protest_that_gathered_people_is_one(run):
    events = run("La manifestation a réuni samedi 3 000 personnes à Lyon contre la réforme.", "2023-05-24").events
    assert [(e.location.city, e.size.best) for e in events] == [("Lyon", 3000)]


def test_no_protest_took_place(run):
    assert run("Aucune manifestation n'a eu lieu dimanche à Alger, quadrillée par la police.", "2023-03-30").events == []


def test_a_march_the_police_dispersed(run):
    text = "A Kinshasa, la police a tiré des gaz lacrymogènes mardi pour disperser une marche de l'opposition."
    (event,) = run(text, "2023-05-24").events
    assert (event.mode, event.location.city) == ("march", "Kinshasa")


def test_a_comparison_with_the_past_does_not_make_the_news_background(run):
    (event,) = run("Comme en 2016, les opposants à la loi Travail ont défilé jeudi à Rennes.", "2023-03-24").events
    assert (event.status, event.location.city, event.date.start) == ("occurred", "Rennes", "2023-03-23")


def test_a_strike_called_for_a_date(run):
    text = "Les syndicats de la RATP appellent à une grève illimitée à partir du 5 décembre à Paris."
    (event,) = run(text, "2019-11-20").events
    assert (event.status, event.date.start, event.location.city) == ("planned", "2019-12-05", "Paris")


def test_barriers_the_crowd_tried_to_force_are_not_a_blockade(run):
    text = "Samedi à Santiago, des manifestants ont tenté de forcer les barrages de police devant le palais."
    assert [e.mode for e in run(text, "2023-05-24").events] == ["demonstration"]


def test_a_pluperfect_under_quand_recalls_an_earlier_protest(run):
    text = ("Vendredi, 2 000 personnes ont défilé à Niamey. On est loin de la marche du 3 mars, quand "
            "des dizaines de milliers de Nigériens avaient envahi les rues de la capitale.")
    (event,) = run(text, "2023-03-25").events
    assert (event.location.city, event.date.start, event.size.best) == ("Niamey", "2023-03-24", 2000)


def test_a_march_that_was_dispersed(run):
    text = "A Lomé, une marche de l'opposition a été dispersée samedi par les forces de l'ordre."
    (event,) = run(text, "2023-05-24").events
    assert (event.mode, event.location.city) == ("march", "Lomé")


def test_a_rule_about_protests_is_not_a_protest(run):
    text = "Samedi, 500 personnes ont défilé à Minsk. En Biélorussie, où les rassemblements sont interdits, le risque est grand."
    assert [e.location.city for e in run(text, "2023-05-24").events] == ["Minsk"]


def test_a_crowd_recalled_under_lorsque_is_background(run):
    text = ("Mardi, 40 000 personnes ont défilé à Lisbonne, loin de 2012, lorsque la crise avait fait descendre "
            "dans la rue un million de Portugais selon les syndicats.")
    (event,) = run(text, "2023-05-24").events
    assert (event.location.city, event.size.best) == ("Lisbon", 40000)


@pytest.mark.parametrize("text", [
    "Au Parlement, à Bogota, l'opposition a bloqué jeudi le vote du budget.",
    "À Hanoï, le Vietnam a manifesté mardi son inquiétude face aux manœuvres navales.",
    "Dimanche soir à Alger, des milliers de supporters ont envahi les rues dans un concert de klaxons.",
])
def test_words_of_protest_in_other_senses(run, text):
    assert run(text, "2023-05-24").events == []


def test_a_strike_in_the_conditional_did_not_happen(run):
    text = "Une grève des routiers, redoutée par les industriels, paralyserait les ports de Rotterdam."
    events = run(text, "2023-05-24").events
    assert events and all(e.status == "planned" for e in events)


def test_a_protest_that_did_not_come_with_the_strike(run):
    text = "Jeudi, la grève a paralysé le Chili. Elle ne s'est pas accompagnée d'une manifestation à Santiago."
    assert [e.mode for e in run(text, "2023-05-26").events] == ["strike"]


@pytest.mark.parametrize("text", [
    "Un éboulement bloque depuis mardi la route nationale près de Martigny.",
    "À Sion, une quarantaine de pompiers ont été mobilisés mardi pour éteindre l'incendie.",
    "À Dieppe, la grève de galets a reculé de trois mètres cet hiver.",
    "À Paris, le Sénat a voté mardi l'encadrement du droit de grève dans les transports.",
])
def test_more_words_of_protest_in_other_senses(run, text):
    assert run(text, "2023-05-24").events == []


def test_answering_a_call_to_strike_is_striking(run):
    text = "Ce lundi, des centaines de milliers de Birmans ont répondu à l'appel à la grève générale à Rangoun."
    assert [e.status for e in run(text, "2021-02-22").events] == ["occurred"]


@pytest.mark.parametrize("text", [
    "À Rimouski, Ginette Roy fait sa marche quotidienne sur la grève depuis trente ans.",
    "À Lyon, les conducteurs ne pourraient alors pas cesser le travail pendant les vacances.",
])
def test_a_walk_on_the_shore_and_a_strike_they_could_not_hold(run, text):
    assert run(text, "2024-03-13").events == []


@pytest.mark.parametrize("text,mode,city", [
    ("Samedi, une foule immense a déferlé dans les rues de Lisbonne pour réclamer la démission du gouvernement.",
     "demonstration", "Lisbon"),
    ("Vendredi, plus de 20 000 personnes ont afflué sur la place de l'Indépendance, à Bamako, à l'appel de l'opposition.",
     "demonstration", "Bamako"),
    ("Dimanche, des milliers d'habitants ont convergé vers la place centrale de Valparaíso au son des casseroles.",
     "demonstration", "Valparaíso"),
    ("Jeudi, des centaines de jeunes ont affronté les forces de l'ordre à Abidjan après l'annonce des résultats.",
     "riot", "Abidjan"),
    ("Lundi, à Douala, des groupes de jeunes ont lancé des pierres sur les policiers, qui ont riposté.", "riot", "Douala"),
    ("Mercredi, une cinquantaine de militants ont investi un immeuble vide de Lyon pour y loger des familles.",
     "occupation", "Lyon"),
    ("Lundi, une vingtaine de manifestants ont coupé la route nationale à l'entrée de Thiès.", "blockade", "Thiès"),
    ("Mardi, une centaine de grévistes tenaient une ligne de piquetage devant l'usine, à Sherbrooke.", "strike",
     "Sherbrooke"),
    ("Lundi, Abidjan s'est réveillée comme une ville fantôme : la journée ville morte a été largement suivie.",
     "strike", "Abidjan"),
])
def test_crowds_that_flow_clash_and_take_over(run, text, mode, city):
    (event,) = [e for e in run(text, PUB).events if e.status == "occurred"]
    assert (event.mode, event.location.city) == (mode, city)


@pytest.mark.parametrize("text", [
    "Le groupe a investi 300 millions d'euros dans son usine de Lyon.",
    "Samedi, les deux équipes se sont affrontées au stade de Lens devant 40 000 supporters.",
    "Les ministres de l'Union européenne se sont réunis mardi à Bruxelles.",
])
def test_investing_and_teams_that_clash_are_not_protests(run, text):
    assert run(text, PUB).events == []


@pytest.mark.parametrize("text", [
    "Selon l'Observatoire des manifestations, un institut indépendant, la participation a baissé à Lyon.",
    "Les colons de Cisjordanie occupée ont été visés par des sanctions, a annoncé Bruxelles.",
    "Le gouvernement a interdit tout rassemblement à Tunis du 14 au 17 janvier.",
])
def test_a_bodys_name_an_occupied_territory_and_a_ban_are_no_protest(run, text):
    assert [e for e in run(text, PUB).events if e.status == "occurred"] == []


def test_joining_a_sit_in_is_not_a_new_one(run):
    text = ("Vendredi, des milliers de Soudanais ont convergé vers le quartier général de l'armée, à Khartoum. "
            "A Omdurman, un cortège de 3 000 personnes s'est ébranlé pour rejoindre le sit-in.")
    got = sorted((e.location.city, e.mode) for e in run(text, PUB).events if e.status == "occurred")
    assert got == [("Khartoum", "demonstration"), ("Omdurman", "march")]


def test_a_protest_called_for_needs_no_crowd_and_the_movement_is_no_event(run):
    text = "Le collectif, fer de lance de la contestation, appelle à une grande marche jeudi à Bamako."
    assert [(e.status, e.mode, e.location.city) for e in run(text, PUB).events] == [("planned", "march", "Bamako")]


def test_a_town_made_blockaded_by_drivers(run):
    text = "La semaine dernière, des chauffeurs de taxi-moto avaient paralysé Saint-Marc pendant deux jours."
    assert [(e.mode, e.location.city) for e in run(text, PUB).events] == [("blockade", "Saint-Marc")]


def test_a_gathering_named_in_another_sense_stays_in_it(run):
    text = ("A un mois de l'ouverture de la grande manifestation cinématographique, son directeur a assuré jeudi à "
            "Ouagadougou que la manifestation se tiendrait comme prévu.")
    assert run(text, PUB).events == []


def test_a_judgement_of_the_authorities_and_honking_drivers(run):
    text = ("Des milliers d'Iraniens ont marché mercredi vers le cimetière de Saghez. A Téhéran, des dizaines "
            "d'étudiants se sont rassemblés devant l'université, sous les klaxons des automobilistes. Les commerçants "
            "ont par ailleurs baissé le rideau dans plusieurs villes du pays. Les autorités dénoncent des émeutes "
            "orchestrées depuis l'étranger.")
    got = sorted((e.location.city or "", e.mode) for e in run(text, "2022-10-27").events)
    assert got == [("", "strike"), ("Saqqez", "march"), ("Tehran", "demonstration")]


@pytest.mark.parametrize("text,expected", [
    # the police's barriers, and the sit-in the police dismantled, are no new protest
    ("Mardi, à Dacca, plus de 40 000 personnes ont tenté de marcher vers l'ambassade de France, avant d'être arrêtées "
     "par des barrages.", [("march", "Dhaka")]),
    ("Mercredi, 8 000 personnes ont marché jusqu'au siège du gouvernement à Bangkok. Dans la nuit de mercredi à jeudi, "
     "les forces antiémeutes ont démantelé le sit-in.", [("march", "Bangkok")]),
    # who speaks is no new protest
    ("Des milliers de personnes ont défilé mercredi à Saqqez. « On lui a pris la vie », a lancé une manifestante de "
     "Saqqez jointe par téléphone.", [("march", "Saqqez")]),
    # a road cut by barricades is the protesters'
    ("Lundi, des manifestants ont dressé des barricades à Port-au-Prince. Aux Gonaïves, la route nationale était coupée "
     "par des barrages.", [("blockade", "Gonaïves"), ("riot", "Port-au-Prince")]),
])
def test_the_polices_barriers_a_dismantled_sit_in_and_a_speaker(run, text, expected):
    assert sorted((e.mode, e.location.city) for e in run(text, PUB).events if e.status == "occurred") == expected


def test_a_protest_noun_after_a_list_of_towns_is_no_body_name(run):
    text = "À Sfax et à Gabès, des sit-in se sont également tenus lundi devant les facultés."
    got = sorted((e.location.city, e.mode) for e in run(text, "2024-03-13").events)
    assert got == [("Gabès", "sit-in"), ("Sfax", "sit-in")]


def test_what_is_usual_is_not_a_protest(run):
    text = "Les grèves sont récurrentes à Toliara, où le campus avait été fermé un mois en 2019."
    assert run(text, "2024-03-13").events == []


def test_y_in_the_main_clause_places_a_strike_voted_in_a_participle_clause(run):
    text = ("Mardi, des centaines d'étudiants ont bloqué l'entrée de l'université de Toliara. Les cours y sont suspendus "
            "depuis trois semaines, les étudiants ayant voté une grève illimitée.")
    got = sorted((e.location.city, e.mode) for e in run(text, "2024-03-13").events)
    assert got == [("Toliara", "blockade"), ("Toliara", "strike")]


def test_a_participle_the_parser_hangs_on_another_noun_under_an_auxiliary_root(run):
    text = ("Samedi, des milliers de personnes ont manifesté à Saqqez. Ce dimanche, plusieurs dizaines d'étudiants se "
            "sont à leur tour rassemblés devant l'université de Tabriz.")
    got = sorted((e.location.city, e.date.start) for e in run(text, "2022-09-19").events)
    assert got == [("Saqqez", "2022-09-17"), ("Tabriz", "2022-09-18")]
