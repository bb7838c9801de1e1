"""Writes corpus.jsonl: hand-written French articles with hand-annotated event records.

Each event record is in the spec's format plus `cluster`, the gold label of the
protest it reports. Offsets are computed here from the evidence sentence, so
that text[start:end] == evidence.text holds. Run: python make_corpus.py
"""
import json
from pathlib import Path

CITIES = {  # GeoNames: admin1, lat, lon, geonameid
    "Paris": ("Île-de-France", 48.85341, 2.3488, 2988507),
    "Lyon": ("Auvergne-Rhône-Alpes", 45.74846, 4.84671, 2996944),
    "Marseille": ("Provence-Alpes-Côte d'Azur", 43.29695, 5.38107, 2995469),
    "Toulouse": ("Occitanie", 43.60426, 1.44367, 2972315),
    "Saint-Étienne": ("Auvergne-Rhône-Alpes", 45.43389, 4.39, 2980291),
    "Sainte-Soline": ("Nouvelle-Aquitaine", 46.25, -0.06, None),
    "Geneva": ("Geneva", 46.20222, 6.14569, 2660646),
    "Lausanne": ("Vaud", 46.516, 6.63282, 2659994),
    "Brussels": ("Brussels Capital", 50.85045, 4.34878, 2800866),
    "Algiers": ("Algiers", 36.73225, 3.08746, 2507480),
    "Dakar": ("Dakar", 14.6937, -17.44406, 2253354),
    "London": ("England", 51.50853, -0.12574, 2643743),
    "Montreal": ("Quebec", 45.50884, -73.58781, 6077243),
    None: (None, None, None, None),
}


def E(cluster, evidence, mode, date, city, country, loc, size=None, claims=(), part=(), target=None,
      status="occurred", date_text=None, venue=None, outcome=None, geonames=True, city_as=None):
    return dict(cluster=cluster, evidence=evidence, mode=mode, date=date, city=city, country=country, loc=loc,
                size=size, claims=list(claims), part=list(part), target=target, status=status,
                date_text=date_text, venue=venue, outcome=outcome or {}, geonames=geonames, city_as=city_as)


ARTICLES = [
    # --- 7 March 2023, pension reform: Paris, Lyon, Marseille, and "across France" ---
    dict(id="quotidien-2023-03-07-retraites", published="2023-03-07", source="Le Quotidien",
         title="Retraites : une mobilisation historique à Paris",
         text="Retraites : une mobilisation historique à Paris. Des centaines de milliers de personnes ont défilé "
              "mardi à Paris contre la réforme des retraites, 81 000 selon la police, 700 000 selon la CGT. Le "
              "cortège est parti de la place de la République en milieu d'après-midi. L'intersyndicale a déjà "
              "appelé à une nouvelle journée de mobilisation samedi à Paris contre le report de l'âge légal.",
         events=[E("retraites-paris-0307", "Des centaines de milliers de personnes ont défilé mardi à Paris contre "
                   "la réforme des retraites, 81 000 selon la police, 700 000 selon la CGT.", "march", "2023-03-07",
                   "Paris", "FR", "Paris", ("81 000 selon la police, 700 000 selon la CGT", 81000, 700000, 81000),
                   claims=["contre la réforme des retraites"], date_text="mardi", venue="place de la République"),
                 E("retraites-paris-0311-planned", "L'intersyndicale a déjà appelé à une nouvelle journée de "
                   "mobilisation samedi à Paris contre le report de l'âge légal.", "demonstration", "2023-03-11",
                   "Paris", "FR", "Paris", claims=["contre le report de l'âge légal"], status="planned",
                   part=["L'intersyndicale"], date_text="samedi")]),
    dict(id="matin-2023-03-08-cortege", published="2023-03-08", source="Le Matin de Paris",
         title="Le cortège parisien a fait le plein",
         text="Hier, à Paris, le cortège parti de la place de la République a rassemblé 81 000 manifestants selon "
              "la préfecture de police. Les manifestants dénonçaient le report de l'âge légal de départ à la "
              "retraite à 64 ans. Quelques vitrines ont été brisées et 32 personnes interpellées.",
         events=[E("retraites-paris-0307", "Hier, à Paris, le cortège parti de la place de la République a "
                   "rassemblé 81 000 manifestants selon la préfecture de police.", "march", "2023-03-07", "Paris",
                   "FR", "à Paris", ("81 000 manifestants", 81000, 81000, 81000),
                   claims=["le report de l'âge légal de départ à la retraite à 64 ans"], date_text="Hier",
                   venue="place de la République", outcome={"arrests": 32})]),
    dict(id="regions-2023-03-08-retraites", published="2023-03-08", source="Journal des Régions",
         title="Réforme des retraites : la France dans la rue",
         text="Réforme des retraites : la France dans la rue. Des manifestations ont eu lieu mardi dans plusieurs "
              "villes du pays contre la réforme des retraites. À Paris, la CGT a revendiqué 700 000 manifestants "
              "contre le projet de réforme des retraites. À Lyon, le cortège a réuni 22 000 personnes selon la "
              "préfecture contre la réforme. À Marseille, la police a compté 30 000 manifestants opposés au "
              "recul de l'âge de la retraite.",
         events=[E("retraites-france-0307", "Des manifestations ont eu lieu mardi dans plusieurs villes du pays "
                   "contre la réforme des retraites.", "demonstration", "2023-03-07", None, "FR",
                   "plusieurs villes du pays", claims=["contre la réforme des retraites"], date_text="mardi"),
                 E("retraites-paris-0307", "À Paris, la CGT a revendiqué 700 000 manifestants contre le projet de "
                   "réforme des retraites.", "demonstration", "2023-03-07", "Paris", "FR", "À Paris",
                   ("700 000 manifestants", 700000, 700000, 700000), claims=["contre le projet de réforme des "
                   "retraites"]),
                 E("retraites-lyon-0307", "À Lyon, le cortège a réuni 22 000 personnes selon la préfecture "
                   "contre la réforme.", "march", "2023-03-07", "Lyon", "FR", "À Lyon",
                   ("22 000 personnes", 22000, 22000, 22000), claims=["contre la réforme"]),
                 E("retraites-marseille-0307", "À Marseille, la police a compté 30 000 manifestants opposés au "
                   "recul de l'âge de la retraite.", "demonstration", "2023-03-07", "Marseille", "FR",
                   "À Marseille", ("30 000 manifestants", 30000, 30000, 30000),
                   claims=["opposés au recul de l'âge de la retraite"])]),
    dict(id="soir-2023-03-09-france", published="2023-03-09", source="Le Soir",
         title="En France, la contestation ne faiblit pas",
         text="En France, la contestation ne faiblit pas. Mardi, la capitale française a connu une mobilisation "
              "massive : des centaines de milliers de personnes ont battu le pavé contre la réforme des "
              "retraites voulue par Emmanuel Macron. Partout dans le pays, les cortèges se sont multipliés "
              "contre le recul de l'âge de départ à la retraite.",
         events=[E("retraites-paris-0307", "Mardi, la capitale française a connu une mobilisation massive : des "
                   "centaines de milliers de personnes ont battu le pavé contre la réforme des retraites voulue "
                   "par Emmanuel Macron.", "march", "2023-03-07", "Paris", "FR", "la capitale française",
                   ("des centaines de milliers de personnes", 200000, 999999, 300000),
                   claims=["contre la réforme des retraites voulue par Emmanuel Macron"], date_text="Mardi"),
                 E("retraites-france-0307", "Partout dans le pays, les cortèges se sont multipliés contre le "
                   "recul de l'âge de départ à la retraite.", "march", "2023-03-07", None, "FR",
                   "Partout dans le pays", claims=["contre le recul de l'âge de départ à la retraite"])]),
    dict(id="progres-2023-03-07-lyon", published="2023-03-07", source="Le Progrès",
         title="Lyon : une marée humaine contre la réforme",
         text="Lyon : une marée humaine contre la réforme. À Lyon, 22 000 personnes selon la préfecture, 55 000 "
              "selon les syndicats, ont défilé ce mardi entre la Manufacture des tabacs et la place Bellecour "
              "pour dire non à la réforme des retraites.",
         events=[E("retraites-lyon-0307", "À Lyon, 22 000 personnes selon la préfecture, 55 000 selon les "
                   "syndicats, ont défilé ce mardi entre la Manufacture des tabacs et la place Bellecour pour dire "
                   "non à la réforme des retraites.", "march", "2023-03-07", "Lyon", "FR", "À Lyon",
                   ("22 000 personnes selon la préfecture, 55 000 selon les syndicats", 22000, 55000, 22000),
                   claims=["non à la réforme des retraites"], date_text="ce mardi", venue="place Bellecour")]),
    dict(id="provence-2023-03-08-marseille", published="2023-03-08", source="La Provence",
         title="Marseille : la CGT revendique 245 000 manifestants",
         text="Marseille : la CGT revendique 245 000 manifestants. Hier à Marseille, 30 000 manifestants selon la "
              "police et 245 000 selon la CGT ont défilé du Vieux-Port à la porte d'Aix contre la réforme des "
              "retraites.",
         events=[E("retraites-marseille-0307", "Hier à Marseille, 30 000 manifestants selon la police et 245 000 "
                   "selon la CGT ont défilé du Vieux-Port à la porte d'Aix contre la réforme des retraites.",
                   "march", "2023-03-07", "Marseille", "FR", "à Marseille",
                   ("30 000 manifestants selon la police et 245 000 selon la CGT", 30000, 245000, 30000),
                   claims=["contre la réforme des retraites"], date_text="Hier")]),
    dict(id="progres-2023-03-10-lyon-lyceens", published="2023-03-10", source="Le Progrès",
         title="Lyon : des lycéens bloquent leur établissement",
         text="Lyon : des lycéens bloquent leur établissement. Jeudi matin, une cinquantaine de lycéens ont bloqué "
              "l'entrée du lycée Ampère, à Lyon, contre la réforme des retraites.",
         events=[E("retraites-lyon-0309-lyceens", "Jeudi matin, une cinquantaine de lycéens ont bloqué l'entrée du "
                   "lycée Ampère, à Lyon, contre la réforme des retraites.", "blockade", "2023-03-09", "Lyon", "FR",
                   "à Lyon", ("une cinquantaine de lycéens", 45, 55, 50), claims=["contre la réforme des retraites"],
                   part=["lycéens"], date_text="Jeudi matin", venue="lycée Ampère")]),
    # --- January 2024: farmers' blockade and a teachers' march in Toulouse ---
    dict(id="depeche-2024-01-24-a64", published="2024-01-24", source="La Dépêche",
         title="Colère agricole : l'A64 bloquée près de Toulouse",
         text="Colère agricole : l'A64 bloquée près de Toulouse. Des centaines d'agriculteurs bloquent depuis ce "
              "mercredi matin l'autoroute A64 à Toulouse pour dénoncer la hausse de la taxe sur le gazole non "
              "routier et l'empilement des normes environnementales.",
         events=[E("agriculteurs-toulouse-0124", "Des centaines d'agriculteurs bloquent depuis ce mercredi matin "
                   "l'autoroute A64 à Toulouse pour dénoncer la hausse de la taxe sur le gazole non routier et "
                   "l'empilement des normes environnementales.", "blockade", "2024-01-24", "Toulouse", "FR",
                   "à Toulouse", ("des centaines d'agriculteurs", 200, 999, 300),
                   claims=["la hausse de la taxe sur le gazole non routier",
                           "l'empilement des normes environnementales"],
                   part=["agriculteurs"], date_text="ce mercredi matin", venue="l'autoroute A64")]),
    dict(id="midi-2024-01-25-barrage", published="2024-01-25", source="Midi Info",
         title="Les agriculteurs tiennent leur barrage",
         text="Les agriculteurs tiennent leur barrage. Hier, à Toulouse, quelque 400 exploitants agricoles ont "
              "installé un barrage de tracteurs sur l'A64. Ils réclament l'abandon de la hausse des taxes sur le "
              "gazole agricole.",
         events=[E("agriculteurs-toulouse-0124", "Hier, à Toulouse, quelque 400 exploitants agricoles ont installé "
                   "un barrage de tracteurs sur l'A64.", "blockade", "2024-01-24", "Toulouse", "FR", "à Toulouse",
                   ("quelque 400 exploitants agricoles", 360, 440, 400),
                   claims=["l'abandon de la hausse des taxes sur le gazole agricole"],
                   part=["exploitants agricoles"], date_text="Hier", venue="l'A64")]),
    dict(id="occitanie-2024-01-26-colere", published="2024-01-26", source="Occitanie Matin",
         title="Trois jours de colère paysanne",
         text="Trois jours de colère paysanne. Mercredi, les agriculteurs en colère ont bloqué l'autoroute à "
              "Toulouse pour protester contre les normes et les taxes. Le mouvement s'étend désormais à toute la "
              "région.",
         events=[E("agriculteurs-toulouse-0124", "Mercredi, les agriculteurs en colère ont bloqué l'autoroute à "
                   "Toulouse pour protester contre les normes et les taxes.", "blockade", "2024-01-24", "Toulouse",
                   "FR", "à Toulouse", claims=["contre les normes et les taxes"], part=["les agriculteurs"],
                   date_text="Mercredi")]),
    dict(id="depeche-2024-01-25-enseignants", published="2024-01-25", source="La Dépêche",
         title="Toulouse : les enseignants dans la rue",
         text="Toulouse : les enseignants dans la rue. Ce jeudi à Toulouse, environ 2 000 enseignants ont "
              "manifesté contre les groupes de niveau au collège prévus par le « choc des savoirs ».",
         events=[E("enseignants-toulouse-0125", "Ce jeudi à Toulouse, environ 2 000 enseignants ont manifesté "
                   "contre les groupes de niveau au collège prévus par le « choc des savoirs ».", "demonstration",
                   "2024-01-25", "Toulouse", "FR", "à Toulouse", ("environ 2 000 enseignants", 1800, 2200, 2000),
                   claims=["contre les groupes de niveau au collège prévus par le « choc des savoirs »"],
                   part=["enseignants"], date_text="Ce jeudi")]),
    dict(id="midi-2024-01-26-profs", published="2024-01-26", source="Midi Info",
         title="Les professeurs défilent contre le choc des savoirs",
         text="Les professeurs défilent contre le choc des savoirs. Hier, quelques milliers de professeurs et "
              "d'enseignants ont défilé à Toulouse contre la réforme du collège et les groupes de niveau.",
         events=[E("enseignants-toulouse-0125", "Hier, quelques milliers de professeurs et d'enseignants ont "
                   "défilé à Toulouse contre la réforme du collège et les groupes de niveau.", "march", "2024-01-25",
                   "Toulouse", "FR", "à Toulouse", ("quelques milliers", 2000, 9999, 3000),
                   claims=["contre la réforme du collège et les groupes de niveau"],
                   part=["professeurs et enseignants"], date_text="Hier")]),
    # --- 25 March 2023: Sainte-Soline (no GeoNames id: matched by name) ---
    dict(id="ouest-2023-03-25-bassines", published="2023-03-25", source="Ouest Info",
         title="Sainte-Soline : affrontements autour de la méga-bassine",
         text="Sainte-Soline : affrontements autour de la méga-bassine. Plusieurs milliers d'opposants aux "
              "méga-bassines se sont rassemblés samedi à Sainte-Soline (Deux-Sèvres), où de violents "
              "affrontements les ont opposés aux gendarmes. Les organisateurs font état de 200 blessés.",
         events=[E("bassines-saintesoline-0325", "Plusieurs milliers d'opposants aux méga-bassines se sont "
                   "rassemblés samedi à Sainte-Soline (Deux-Sèvres), où de violents affrontements les ont opposés "
                   "aux gendarmes.", "demonstration", "2023-03-25", "Sainte-Soline", "FR",
                   "Sainte-Soline (Deux-Sèvres)", ("Plusieurs milliers", 2000, 9999, 3000),
                   claims=["contre les méga-bassines"], part=["opposants aux méga-bassines"],
                   date_text="samedi", outcome={"injured": 200})]),
    dict(id="nr-2023-03-26-soline", published="2023-03-26", source="La Nouvelle République",
         title="Bassines : la manifestation tourne à l'émeute",
         text="Bassines : la manifestation tourne à l'émeute. Samedi, entre 6 000 personnes (selon la préfecture) "
              "et 30 000 (selon les organisateurs) ont manifesté à Sainte Soline contre les réserves d'eau de "
              "substitution, dites méga-bassines. Des grenades ont été tirées par centaines.",
         events=[E("bassines-saintesoline-0325", "Samedi, entre 6 000 personnes (selon la préfecture) et 30 000 "
                   "(selon les organisateurs) ont manifesté à Sainte Soline contre les réserves d'eau de "
                   "substitution, dites méga-bassines.", "riot", "2023-03-25", "Sainte-Soline", "FR",
                   "à Sainte Soline", ("entre 6 000 personnes et 30 000", 6000, 30000, 6000),
                   claims=["contre les réserves d'eau de substitution, dites méga-bassines"], date_text="Samedi",
                   city_as="Sainte Soline")]),
    dict(id="hebdo-2023-03-27-gendarmes", published="2023-03-27", source="L'Hebdo",
         title="Le bilan s'alourdit après Sainte-Soline",
         text="Le bilan s'alourdit après Sainte-Soline. Lors de la manifestation de samedi à Sainte-Soline contre "
              "le projet de bassines agricoles, 47 gendarmes ont été blessés selon le ministère de l'Intérieur.",
         events=[E("bassines-saintesoline-0325", "Lors de la manifestation de samedi à Sainte-Soline contre le "
                   "projet de bassines agricoles, 47 gendarmes ont été blessés selon le ministère de l'Intérieur.",
                   "demonstration", "2023-03-25", "Sainte-Soline", "FR", "à Sainte-Soline",
                   claims=["contre le projet de bassines agricoles"], date_text="samedi",
                   outcome={"injured": 47})]),
    # --- 15 September 2023: climate strike in Geneva; Lausanne the same day ---
    dict(id="tdg-2023-09-15-climat", published="2023-09-15", source="Tribune de Genève",
         title="Genève : des milliers de jeunes pour le climat",
         text="Genève : des milliers de jeunes pour le climat. Quelque 3 000 personnes ont défilé vendredi dans les "
              "rues de Genève pour réclamer des mesures contre le réchauffement climatique.",
         events=[E("climat-geneve-0915", "Quelque 3 000 personnes ont défilé vendredi dans les rues de Genève pour "
                   "réclamer des mesures contre le réchauffement climatique.", "march", "2023-09-15", "Geneva",
                   "CH", "Genève", ("Quelque 3 000 personnes", 2700, 3300, 3000),
                   claims=["des mesures contre le réchauffement climatique"], date_text="vendredi")]),
    dict(id="rts-2023-09-16-greve-climat", published="2023-09-16", source="RTS",
         title="La grève du climat a mobilisé en Suisse romande",
         text="La grève du climat a mobilisé en Suisse romande. Hier, la grève du climat a mobilisé environ 2 500 "
              "personnes à Genève pour la justice climatique. À Lausanne, un millier de personnes ont défilé "
              "pour le climat.",
         events=[E("climat-geneve-0915", "Hier, la grève du climat a mobilisé environ 2 500 personnes à Genève pour "
                   "la justice climatique.", "march", "2023-09-15", "Geneva", "CH", "à Genève",
                   ("environ 2 500 personnes", 2250, 2750, 2500), claims=["pour la justice climatique"],
                   date_text="Hier"),
                 E("climat-lausanne-0915", "À Lausanne, un millier de personnes ont défilé pour le climat.",
                   "march", "2023-09-15", "Lausanne", "CH", "À Lausanne", ("un millier de personnes", 800, 1200,
                   1000), claims=["pour le climat"])]),
    # --- 1 October 2023, Brussels: Uyghurs at the Chinese embassy; Ukraine at the Russian one ---
    dict(id="soir-2023-10-01-ouighours", published="2023-10-01", source="Le Soir",
         title="Bruxelles : rassemblement pour les Ouïghours",
         text="Bruxelles : rassemblement pour les Ouïghours. Une centaine de personnes se sont rassemblées dimanche "
              "devant l'ambassade de Chine à Bruxelles pour dénoncer la répression des Ouïghours. Au même moment, "
              "quelques dizaines de manifestants protestaient devant l'ambassade de Russie contre la guerre en "
              "Ukraine.",
         events=[E("ouighours-bruxelles-1001", "Une centaine de personnes se sont rassemblées dimanche devant "
                   "l'ambassade de Chine à Bruxelles pour dénoncer la répression des Ouïghours.", "demonstration",
                   "2023-10-01", "Brussels", "BE", "à Bruxelles", ("Une centaine de personnes", 80, 120, 100),
                   claims=["la répression des Ouïghours"], target=("l'ambassade de Chine", "CN"),
                   date_text="dimanche", venue="devant l'ambassade de Chine"),
                 E("ukraine-bruxelles-1001", "Au même moment, quelques dizaines de manifestants protestaient devant "
                   "l'ambassade de Russie contre la guerre en Ukraine.", "demonstration", "2023-10-01", "Brussels",
                   "BE", "Bruxelles", ("quelques dizaines de manifestants", 20, 99, 40),
                   claims=["contre la guerre en Ukraine"], target=("l'ambassade de Russie", "RU"),
                   venue="devant l'ambassade de Russie")]),
    dict(id="libre-2023-10-02-chine", published="2023-10-02", source="La Libre",
         title="Des militants ouïghours devant l'ambassade chinoise",
         text="Des militants ouïghours devant l'ambassade chinoise. Hier à Bruxelles, 120 militants ont manifesté "
              "devant la représentation chinoise en soutien au peuple ouïghour.",
         events=[E("ouighours-bruxelles-1001", "Hier à Bruxelles, 120 militants ont manifesté devant la "
                   "représentation chinoise en soutien au peuple ouïghour.", "demonstration", "2023-10-01",
                   "Brussels", "BE", "à Bruxelles", ("120 militants", 120, 120, 120),
                   claims=["en soutien au peuple ouïghour"], target=("la représentation chinoise", "CN"),
                   date_text="Hier")]),
    # --- Algiers, the Hirak: two Fridays a week apart ---
    dict(id="watan-2019-03-01-hirak", published="2019-03-01", source="El Watan",
         title="Alger : nouvelle marche contre le cinquième mandat",
         text="Alger : nouvelle marche contre le cinquième mandat. Des dizaines de milliers d'Algériens ont "
              "manifesté vendredi à Alger contre un cinquième mandat du président Abdelaziz Bouteflika.",
         events=[E("hirak-alger-0301", "Des dizaines de milliers d'Algériens ont manifesté vendredi à Alger contre "
                   "un cinquième mandat du président Abdelaziz Bouteflika.", "demonstration", "2019-03-01",
                   "Algiers", "DZ", "à Alger", ("Des dizaines de milliers d'Algériens", 20000, 99999, 30000),
                   claims=["contre un cinquième mandat du président Abdelaziz Bouteflika"],
                   part=["Algériens"], date_text="vendredi", target=("le président Abdelaziz Bouteflika", "DZ"))]),
    dict(id="liberte-2019-03-02-maree", published="2019-03-02", source="Liberté",
         title="Une marée humaine dans les rues d'Alger",
         text="Une marée humaine dans les rues d'Alger. Vendredi, une marée humaine a envahi les rues d'Alger pour "
              "dire non au cinquième mandat.",
         events=[E("hirak-alger-0301", "Vendredi, une marée humaine a envahi les rues d'Alger pour dire non au "
                   "cinquième mandat.", "march", "2019-03-01", "Algiers", "DZ", "d'Alger",
                   claims=["non au cinquième mandat"], date_text="Vendredi")]),
    dict(id="tv5-2019-03-03-algerie", published="2019-03-03", source="TV5 Info",
         title="Algérie : la contestation s'amplifie",
         text="Algérie : la contestation s'amplifie. Des centaines de milliers de personnes ont défilé vendredi "
              "dans la capitale algérienne contre la candidature de Bouteflika à un cinquième mandat, selon des "
              "sources sécuritaires.",
         events=[E("hirak-alger-0301", "Des centaines de milliers de personnes ont défilé vendredi dans la capitale "
                   "algérienne contre la candidature de Bouteflika à un cinquième mandat, selon des sources "
                   "sécuritaires.", "march", "2019-03-01", "Algiers", "DZ", "la capitale algérienne",
                   ("Des centaines de milliers de personnes", 200000, 999999, 300000),
                   claims=["contre la candidature de Bouteflika à un cinquième mandat"], date_text="vendredi")]),
    dict(id="watan-2019-03-08-hirak", published="2019-03-08", source="El Watan",
         title="Troisième vendredi de mobilisation à Alger",
         text="Troisième vendredi de mobilisation à Alger. Pour le troisième vendredi consécutif, des centaines de "
              "milliers de manifestants ont marché ce vendredi à Alger contre le cinquième mandat de Bouteflika.",
         events=[E("hirak-alger-0308", "Pour le troisième vendredi consécutif, des centaines de milliers de "
                   "manifestants ont marché ce vendredi à Alger contre le cinquième mandat de Bouteflika.",
                   "march", "2019-03-08", "Algiers", "DZ", "à Alger",
                   ("des centaines de milliers de manifestants", 200000, 999999, 300000),
                   claims=["contre le cinquième mandat de Bouteflika"], date_text="ce vendredi")]),
    dict(id="liberte-2019-03-09-journee", published="2019-03-09", source="Liberté",
         title="Journée historique à Alger",
         text="Journée historique à Alger. Hier, journée internationale des droits des femmes, une foule immense a "
              "manifesté à Alger, où de nombreuses femmes ont rejoint les cortèges contre le cinquième mandat.",
         events=[E("hirak-alger-0308", "Hier, journée internationale des droits des femmes, une foule immense a "
                   "manifesté à Alger, où de nombreuses femmes ont rejoint les cortèges contre le cinquième mandat.",
                   "demonstration", "2019-03-08", "Algiers", "DZ", "à Alger", claims=["contre le cinquième mandat"],
                   part=["de nombreuses femmes"], date_text="Hier")]),
    # --- Dakar, 1 June 2023: riots after Ousmane Sonko's conviction ---
    dict(id="soleil-2023-06-02-dakar", published="2023-06-02", source="Le Soleil",
         title="Violentes émeutes à Dakar",
         text="Violentes émeutes à Dakar. De violentes émeutes ont éclaté jeudi à Dakar après la condamnation de "
              "l'opposant Ousmane Sonko à deux ans de prison ; au moins neuf personnes ont été tuées.",
         events=[E("sonko-dakar-0601", "De violentes émeutes ont éclaté jeudi à Dakar après la condamnation de "
                   "l'opposant Ousmane Sonko à deux ans de prison ; au moins neuf personnes ont été tuées.", "riot",
                   "2023-06-01", "Dakar", "SN", "à Dakar", claims=["la condamnation de l'opposant Ousmane Sonko"],
                   date_text="jeudi", outcome={"killed": 9})]),
    dict(id="rfi-2023-06-03-senegal", published="2023-06-03", source="Radio Monde",
         title="Sénégal : nuit de heurts dans la capitale",
         text="Sénégal : nuit de heurts dans la capitale. Dans la nuit de jeudi à vendredi, des centaines de jeunes "
              "partisans d'Ousmane Sonko ont affronté les forces de l'ordre dans plusieurs quartiers de Dakar. Le "
              "bilan s'élève désormais à 16 morts.",
         events=[E("sonko-dakar-0601", "Dans la nuit de jeudi à vendredi, des centaines de jeunes partisans "
                   "d'Ousmane Sonko ont affronté les forces de l'ordre dans plusieurs quartiers de Dakar.", "riot",
                   "2023-06-01", "Dakar", "SN", "de Dakar", ("des centaines de jeunes", 200, 999, 300),
                   part=["jeunes partisans d'Ousmane Sonko"], date_text="Dans la nuit de jeudi à vendredi",
                   outcome={"killed": 16})]),
    # --- Paris, 25 November 2023: NousToutes march; a taxi go-slow the same day ---
    dict(id="quotidien-2023-11-25-noustoutes", published="2023-11-25", source="Le Quotidien",
         title="Violences faites aux femmes : des milliers de manifestants à Paris",
         text="Violences faites aux femmes : des milliers de manifestants à Paris. Plusieurs milliers de personnes "
              "ont marché samedi à Paris à l'appel du collectif NousToutes contre les violences sexistes et "
              "sexuelles. Sur le périphérique, des dizaines de chauffeurs de taxi ont mené une opération escargot "
              "contre la concurrence des plateformes de VTC.",
         events=[E("noustoutes-paris-1125", "Plusieurs milliers de personnes ont marché samedi à Paris à l'appel du "
                   "collectif NousToutes contre les violences sexistes et sexuelles.", "march", "2023-11-25",
                   "Paris", "FR", "à Paris", ("Plusieurs milliers de personnes", 2000, 9999, 3000),
                   claims=["contre les violences sexistes et sexuelles"], part=["collectif NousToutes"],
                   date_text="samedi"),
                 E("taxis-paris-1125", "Sur le périphérique, des dizaines de chauffeurs de taxi ont mené une "
                   "opération escargot contre la concurrence des plateformes de VTC.", "blockade", "2023-11-25",
                   "Paris", "FR", "Sur le périphérique", ("des dizaines de chauffeurs de taxi", 20, 99, 40),
                   claims=["contre la concurrence des plateformes de VTC"], part=["chauffeurs de taxi"],
                   venue="le périphérique")]),
    dict(id="matin-2023-11-26-violences", published="2023-11-26", source="Le Matin de Paris",
         title="8 000 personnes contre les violences faites aux femmes",
         text="8 000 personnes contre les violences faites aux femmes. Hier, 8 000 personnes selon les "
              "organisatrices, 4 000 selon la police, ont défilé à Paris contre les violences faites aux femmes.",
         events=[E("noustoutes-paris-1125", "Hier, 8 000 personnes selon les organisatrices, 4 000 selon la police, "
                   "ont défilé à Paris contre les violences faites aux femmes.", "march", "2023-11-25", "Paris",
                   "FR", "à Paris", ("8 000 personnes selon les organisatrices, 4 000 selon la police", 4000, 8000,
                   4000), claims=["contre les violences faites aux femmes"], date_text="Hier")]),
    dict(id="nuit-2023-11-27-bilan", published="2023-11-27", source="Le Fil de nuit",
         title="NousToutes : le bilan d'une journée de mobilisation",
         text="NousToutes : le bilan d'une journée de mobilisation. Hier, le cortège parisien contre les violences "
              "sexistes et sexuelles a réuni plusieurs milliers de personnes entre République et Nation.",
         # published after midnight: "hier" resolves a day late, as an extractor would read it
         events=[E("noustoutes-paris-1125", "Hier, le cortège parisien contre les violences sexistes et sexuelles "
                   "a réuni plusieurs milliers de personnes entre République et Nation.", "march", "2023-11-26",
                   "Paris", "FR", "parisien", ("plusieurs milliers de personnes", 2000, 9999, 3000),
                   claims=["contre les violences sexistes et sexuelles"], date_text="Hier")]),
    # --- Saint-Étienne hospital, 14 February 2023 (place-name variants, one record without GeoNames id) ---
    dict(id="progres-2023-02-14-chu", published="2023-02-14", source="Le Progrès",
         title="Saint-Étienne : les soignants du CHU dans la rue",
         text="Saint-Étienne : les soignants du CHU dans la rue. Environ 300 soignants du CHU de Saint-Étienne ont "
              "manifesté ce mardi devant l'hôpital Nord pour réclamer des moyens et des embauches.",
         events=[E("chu-saintetienne-0214", "Environ 300 soignants du CHU de Saint-Étienne ont manifesté ce mardi "
                   "devant l'hôpital Nord pour réclamer des moyens et des embauches.", "demonstration",
                   "2023-02-14", "Saint-Étienne", "FR", "Saint-Étienne", ("Environ 300 soignants", 270, 330, 300),
                   claims=["des moyens et des embauches"], part=["soignants du CHU"], date_text="ce mardi",
                   venue="devant l'hôpital Nord")]),
    dict(id="f3-2023-02-15-stetienne", published="2023-02-15", source="France Régions",
         title="À St-Étienne, grève à l'hôpital",
         text="À St-Étienne, grève à l'hôpital. Hier, à St-Étienne, les soignants en grève du CHU se sont rassemblés "
              "pour dénoncer le manque de personnel.",
         events=[E("chu-saintetienne-0214", "Hier, à St-Étienne, les soignants en grève du CHU se sont rassemblés "
                   "pour dénoncer le manque de personnel.", "strike", "2023-02-14", "Saint-Étienne", "FR",
                   "à St-Étienne", claims=["le manque de personnel"], part=["soignants en grève du CHU"],
                   date_text="Hier", geonames=False, city_as="St-Etienne")]),
    # --- London and Paris, 13 December 2016: Aleppo ---
    dict(id="rts-2016-12-14-alep", published="2016-12-14", source="RTS",
         title="Alep : manifestations à Londres et à Paris",
         text="Alep : manifestations à Londres et à Paris. A Londres, des centaines de requérants d'asile syriens "
              "ont manifesté mardi soir devant la résidence de la Première ministre Theresa May pour dénoncer le "
              "régime de Bachar al-Assad. À Paris, quelques centaines de personnes se sont rassemblées place de la "
              "République en soutien aux habitants d'Alep.",
         events=[E("alep-londres-1213", "A Londres, des centaines de requérants d'asile syriens ont manifesté mardi "
                   "soir devant la résidence de la Première ministre Theresa May pour dénoncer le régime de Bachar "
                   "al-Assad.", "demonstration", "2016-12-13", "London", "GB", "Londres",
                   ("des centaines de requérants d'asile syriens", 200, 999, 300),
                   claims=["dénoncer le régime de Bachar al-Assad"], part=["requérants d'asile syriens"],
                   target=("la résidence de la Première ministre Theresa May", "GB"), date_text="mardi soir"),
                 E("alep-paris-1213", "À Paris, quelques centaines de personnes se sont rassemblées place de la "
                   "République en soutien aux habitants d'Alep.", "demonstration", "2016-12-13", "Paris", "FR",
                   "À Paris", ("quelques centaines de personnes", 200, 999, 300),
                   claims=["en soutien aux habitants d'Alep"], venue="place de la République")]),
    dict(id="courrier-2016-12-14-syriens", published="2016-12-14", source="Le Courrier",
         title="Londres : les Syriens interpellent Downing Street",
         text="Londres : les Syriens interpellent Downing Street. Mardi soir, plusieurs centaines de Syriens se sont "
              "rassemblés à Londres, devant le 10 Downing Street, pour exiger une intervention contre le régime "
              "syrien et ses alliés russes.",
         events=[E("alep-londres-1213", "Mardi soir, plusieurs centaines de Syriens se sont rassemblés à Londres, "
                   "devant le 10 Downing Street, pour exiger une intervention contre le régime syrien et ses alliés "
                   "russes.", "demonstration", "2016-12-13", "London", "GB", "à Londres",
                   ("plusieurs centaines de Syriens", 200, 999, 300),
                   claims=["une intervention contre le régime syrien et ses alliés russes"], part=["Syriens"],
                   target=("10 Downing Street", "GB"), date_text="Mardi soir", venue="devant le 10 Downing Street")]),
    dict(id="parisien-2016-12-14-alep", published="2016-12-14", source="Le Parisien libre",
         title="Place de la République, une veillée pour Alep",
         text="Place de la République, une veillée pour Alep. Hier soir, place de la République, environ 400 "
              "personnes ont manifesté leur solidarité avec les habitants d'Alep assiégée, bougies à la main.",
         events=[E("alep-paris-1213", "Hier soir, place de la République, environ 400 personnes ont manifesté leur "
                   "solidarité avec les habitants d'Alep assiégée, bougies à la main.", "vigil", "2016-12-13",
                   "Paris", "FR", "place de la République", ("environ 400 personnes", 360, 440, 400),
                   claims=["solidarité avec les habitants d'Alep assiégée"], date_text="Hier soir",
                   venue="place de la République")]),
    # --- Montreal, 22 March 2012 student strike march; a smaller one the next day on another issue ---
    dict(id="devoir-2012-03-22-etudiants", published="2012-03-22", source="Le Devoir",
         title="Montréal : marée rouge contre la hausse des droits de scolarité",
         text="Montréal : marée rouge contre la hausse des droits de scolarité. Plus de 100 000 étudiants ont "
              "défilé jeudi dans les rues de Montréal contre la hausse des droits de scolarité.",
         events=[E("etudiants-montreal-0322", "Plus de 100 000 étudiants ont défilé jeudi dans les rues de Montréal "
                   "contre la hausse des droits de scolarité.", "march", "2012-03-22", "Montreal", "CA",
                   "Montréal", ("Plus de 100 000 étudiants", 100000, None, 100000),
                   claims=["contre la hausse des droits de scolarité"], part=["étudiants"], date_text="jeudi")]),
    dict(id="presse-2012-03-23-greve", published="2012-03-23", source="La Presse",
         title="Grève étudiante : la plus grande manifestation",
         text="Grève étudiante : la plus grande manifestation. Hier, quelque 200 000 manifestants, selon les "
              "organisateurs, ont envahi le centre-ville de Montreal pour réclamer le gel des frais de scolarité. "
              "Ce vendredi, une centaine de chauffeurs de camion ont bloqué le port de Montréal pour dénoncer "
              "leurs conditions de travail.",
         events=[E("etudiants-montreal-0322", "Hier, quelque 200 000 manifestants, selon les organisateurs, ont "
                   "envahi le centre-ville de Montreal pour réclamer le gel des frais de scolarité.", "march",
                   "2012-03-22", "Montreal", "CA", "Montreal", ("quelque 200 000 manifestants", 180000, 220000,
                   200000), claims=["le gel des frais de scolarité"], date_text="Hier"),
                 E("camionneurs-montreal-0323", "Ce vendredi, une centaine de chauffeurs de camion ont bloqué le "
                   "port de Montréal pour dénoncer leurs conditions de travail.", "blockade", "2012-03-23",
                   "Montreal", "CA", "port de Montréal", ("une centaine de chauffeurs de camion", 80, 120, 100),
                   claims=["leurs conditions de travail"], part=["chauffeurs de camion"], date_text="Ce vendredi",
                   venue="le port de Montréal")]),
    dict(id="metro-2012-03-23-montreal", published="2012-03-23", source="Métro",
         title="Les étudiants envahissent Montréal",
         text="Les étudiants envahissent Montréal. Des dizaines de milliers d'étudiants en grève ont manifesté hier "
              "après-midi à Montréal contre la hausse des frais de scolarité décidée par le gouvernement Charest.",
         events=[E("etudiants-montreal-0322", "Des dizaines de milliers d'étudiants en grève ont manifesté hier "
                   "après-midi à Montréal contre la hausse des frais de scolarité décidée par le gouvernement "
                   "Charest.", "demonstration", "2012-03-22", "Montreal", "CA", "à Montréal",
                   ("Des dizaines de milliers d'étudiants", 20000, 99999, 30000),
                   claims=["contre la hausse des frais de scolarité décidée par le gouvernement Charest"],
                   part=["étudiants en grève"], date_text="hier après-midi")]),
    dict(id="ledevoir-2012-03-24-quebec", published="2012-03-24", source="Québec Hebdo",
         title="Le Québec étudiant dans la rue",
         text="Le Québec étudiant dans la rue. Jeudi, au Québec, des dizaines de milliers d'étudiants ont défilé "
              "contre la hausse des droits de scolarité.",
         # told at the province level only: city null, so by the rules it cannot join the Montreal cluster
         events=[E("etudiants-montreal-0322", "Jeudi, au Québec, des dizaines de milliers d'étudiants ont défilé "
                   "contre la hausse des droits de scolarité.", "march", "2012-03-22", None, "CA", "au Québec",
                   ("des dizaines de milliers d'étudiants", 20000, 99999, 30000),
                   claims=["contre la hausse des droits de scolarité"], part=["étudiants"], date_text="Jeudi")]),
]


def record(article: dict, n: int, e: dict) -> dict:
    text = article["text"]
    start = text.index(e["evidence"])
    admin1, lat, lon, gid = CITIES[e["city"]]
    size = None
    if e["size"]:
        s_text, s_min, s_max, s_best = e["size"]
        size = {"text": s_text, "min": s_min, "max": s_max, "best": s_best}
    target = {"text": e["target"][0], "country": e["target"][1]} if e["target"] else None
    outcome = {"arrests": None, "injured": None, "killed": None, **e["outcome"]}
    return {
        "kind": "event", "article_id": article["id"], "event_id": f"{article['id']}-e{n}",
        "type": "PROTEST", "mode": e["mode"], "status": e["status"],
        "date": {"start": e["date"], "end": None, "text": e["date_text"]},
        "location": {"text": e["loc"], "city": e["city_as"] or e["city"], "admin1": admin1, "country": e["country"],
                     "lat": lat, "lon": lon, "geonameid": gid if e["geonames"] else None, "venue": e["venue"]},
        "size": size, "participants": [{"text": p, "country": None} for p in e["part"]],
        "target": target, "claims": e["claims"], "outcome": outcome,
        "evidence": {"text": e["evidence"], "start": start, "end": start + len(e["evidence"])},
        "confidence": 1.0, "cluster": e["cluster"],
    }


def main() -> None:
    out = Path(__file__).with_name("corpus.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for a in ARTICLES:
            line = {k: a[k] for k in ("id", "published", "source", "title", "text")}
            line["url"] = f"https://example.org/{a['id']}"
            line["lang"] = "fr"
            line["events"] = [record(a, n, e) for n, e in enumerate(a["events"], 1)]
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
