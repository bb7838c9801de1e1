"""A generator of real-looking French news, most of it not about protests.

    python bench/corpus.py 2000 --protest-share 0.05 > mixed.jsonl

Non-protest articles (sport, economy, culture, politics, local news) are built
from templates and word lists; some name cities and use "manifestation",
"rassemblement" or "mobilisation" in their non-protest senses (a trade fair, a
festival, a sports event, fans gathering, a vaccination drive), so that a
keyword prefilter has to look twice. Protest articles are the dev-set articles
(`/work/shared/data/dev/articles.jsonl`, new ids) and templated reports of
rallies, marches and strikes. Output: spec section 1 JSON Lines, with a
`topic` field ("protest" or the rubric).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path
from typing import Iterator, Optional

DEV = Path("/work/shared/data/dev/articles.jsonl")

CITIES = ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux", "Lille", "Strasbourg", "Rennes",
          "Montpellier", "Grenoble", "Dijon", "Angers", "Reims", "Le Havre", "Saint-Étienne", "Clermont-Ferrand",
          "Tours", "Limoges", "Amiens", "Metz", "Besançon", "Perpignan", "Orléans", "Rouen", "Caen", "Nancy",
          "Brest", "Poitiers", "Pau", "La Rochelle", "Annecy", "Genève", "Lausanne", "Fribourg", "Neuchâtel",
          "Sion", "Bruxelles", "Liège", "Namur", "Charleroi", "Mons", "Luxembourg", "Montréal", "Québec",
          "Dakar", "Abidjan", "Tunis", "Casablanca", "Alger", "Beyrouth"]
FIRST = ["Jean", "Marie", "Pierre", "Sophie", "Nicolas", "Isabelle", "Thomas", "Camille", "Julien", "Claire",
         "Antoine", "Élodie", "Mathieu", "Laure", "François", "Nathalie", "Karim", "Amina", "Olivier", "Céline",
         "Hugo", "Léa", "Yannick", "Sandrine", "Mamadou", "Fatou", "Luc", "Anne-Sophie", "Benoît", "Inès"]
LAST = ["Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Garcia",
        "Fontaine", "Rousseau", "Vincent", "Muller", "Lambert", "Bonnet", "Girard", "Mercier", "Dupont",
        "Chevalier", "Benali", "Diallo", "Haddad", "Perret", "Schmid", "Favre", "Nguyen", "Roux", "Blanc", "Gauthier"]
SOURCES = ["Le Courrier du Centre", "La Dépêche de l'Ouest", "Le Journal de la Vallée", "L'Écho régional",
           "RTS", "Le Temps", "La Libre", "Le Soir", "Ouest-Info", "Sud Matin", "Le Quotidien", "24 heures",
           "Le Républicain", "La Tribune", "Nord Éclair", "Le Devoir"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]

# ---------------------------------------------------------------- sport
CLUBS = ["l'Olympique lyonnais", "le FC Nantes", "les Girondins", "le Stade rennais", "le RC Lens", "le LOSC",
         "Montpellier HSC", "le Stade toulousain", "l'ASM Clermont", "le Racing 92", "l'Union Bordeaux-Bègles",
         "le Servette FC", "le FC Sion", "le Standard de Liège", "le Sporting de Charleroi", "l'AS Monaco",
         "le Stade brestois", "l'OGC Nice", "le HC Fribourg-Gottéron", "le Lausanne HC"]
SPORTS = [("football", "match", "but", "buts", "l'entraîneur"), ("rugby", "rencontre", "essai", "essais", "le manager"),
          ("basket", "match", "panier", "points", "le coach"), ("hockey sur glace", "match", "but", "buts", "l'entraîneur"),
          ("handball", "rencontre", "but", "buts", "l'entraîneur")]
ATHLETES_ROLE = ["l'attaquant", "le demi d'ouverture", "le capitaine", "le gardien", "l'ailier", "le meneur",
                 "la capitaine", "la pivot", "le défenseur central", "le jeune milieu de terrain"]
RACES = ["le marathon", "le semi-marathon", "la course cycliste", "le triathlon", "la course en montagne",
         "le tournoi de tennis", "le meeting d'athlétisme", "la régate", "le rallye automobile", "les championnats de natation"]

SPORT_TITLES = [
    "{Club} s'impose face à {club2} ({s1}-{s2})",
    "{Sport} : {club} enchaîne une {nth} victoire",
    "{Club} tenu en échec à domicile",
    "Mercato : {club} recrute {person}",
]
SPORT_SENTENCES = [
    "{Club} s'est imposé {day} soir face à {club2} ({s1}-{s2}) au terme d'une rencontre longtemps indécise.",
    "Devant {crowd} spectateurs, {role} {person} a inscrit {count} {points_pl} et offert la victoire aux siens.",
    "« On a montré du caractère, même si tout n'a pas été parfait », a reconnu {coach}, {person2}, après la rencontre.",
    "Au classement, {club} remonte à la {rank}e place, à {gap} points du leader.",
    "La prochaine journée verra {club} se déplacer à {city2}, un terrain qui lui réussit rarement.",
    "Blessé à la cheville, {person2} devrait manquer les trois prochaines semaines de compétition.",
    "Le club a annoncé la prolongation du contrat de {person} jusqu'en {year2}.",
    "Les supporters, venus en nombre, se sont rassemblés dès le début d'après-midi aux abords du stade pour encourager leurs joueurs.",
    "Plusieurs milliers de supporters ont envahi la place centrale de {city} pour fêter la victoire jusque tard dans la nuit.",
    "Les billets pour la finale, prévue en {month} à {city2}, se sont arrachés en quelques heures.",
    "Le président du club, {person3}, a salué « une saison exceptionnelle » et promis des renforts pour l'été.",
    "L'arbitre a expulsé {person3} à la {minute}e minute, laissant son équipe à dix.",
]
RACE_TITLES = [
    "{Race} de {city} a réuni {n_runners} participants",
    "{city} accueillera {race_lc} en {month}",
    "{Race} de {city} : record de participation",
]
RACE_SENTENCES = [
    "{Race} de {city} a réuni {n_runners} participants {day}, sous un soleil radieux.",
    "Cette manifestation sportive, devenue un rendez-vous incontournable, mobilise chaque année près de {volunteers} bénévoles.",
    "Les organisateurs de la manifestation se félicitent d'une participation en hausse de {pct} % par rapport à l'an dernier.",
    "Le parcours, long de {km} kilomètres, traversait le centre historique avant de longer les quais.",
    "Chez les femmes, {person2} l'emporte en {minutes} minutes, un nouveau record de l'épreuve.",
    "La mairie de {city} a prévu des restrictions de circulation et de stationnement tout au long du week-end.",
    "Des milliers de spectateurs se sont massés le long du parcours pour encourager les concurrents.",
    "« L'ambiance était incroyable du départ à l'arrivée », confie {person}, qui courait pour la première fois.",
    "Les inscriptions pour l'édition {year2} ouvriront dès le mois de {month}.",
    "Une partie des droits d'inscription sera reversée à une association de lutte contre le cancer.",
]

# ---------------------------------------------------------------- economy
COMPANIES = ["le groupe Lumaris", "la société Vectora", "le fabricant Alpitec", "le distributeur Marchéplus",
             "l'assureur Sécurivia", "la start-up Datavert", "le constructeur Ferrand Automobiles",
             "la banque Crédit du Rhône", "le transporteur Logirail", "le chimiste Novachem",
             "la coopérative laitière des Alpes", "l'éditeur de logiciels Softal", "la compagnie aérienne Azuria"]
SECTORS = ["l'automobile", "la construction", "l'agroalimentaire", "le tourisme", "le commerce de détail",
           "l'industrie pharmaceutique", "le numérique", "l'énergie", "la logistique", "l'hôtellerie-restauration"]
ECO_TITLES = [
    "{Company} relève ses prévisions après un bon {quarter}",
    "Inflation : les prix ont augmenté de {pct_small} % sur un an",
    "Emploi : le chômage recule légèrement au {quarter}",
    "{city} : le salon {fair} attend {visitors} visiteurs",
    "Immobilier : les prix marquent le pas à {city}",
    "{Company} investit {money} millions d'euros à {city}",
]
ECO_SENTENCES = [
    "{Company} a annoncé {day} un chiffre d'affaires de {money} millions d'euros pour le {quarter}, en hausse de {pct} %.",
    "Selon l'institut national de la statistique, les prix à la consommation ont progressé de {pct_small} % sur un an en {month}.",
    "Le taux de chômage s'établit à {pct_small} % de la population active, un niveau inédit depuis {year_old}.",
    "« Nous restons prudents pour le second semestre », a indiqué le directeur financier, {person}, lors d'une conférence téléphonique.",
    "La direction prévoit de créer {jobs} emplois sur le site de {city} d'ici {year2}.",
    "Dans {sector}, les carnets de commandes se regarnissent lentement après une année difficile.",
    "L'action a gagné {pct_small} % à la Bourse {day}, dans un marché globalement stable.",
    "La banque centrale a laissé ses taux directeurs inchangés, comme l'anticipaient les économistes.",
    "Le salon {fair} ouvre ses portes {day} au parc des expositions de {city}, avec {exhibitors} exposants.",
    "La manifestation, organisée par la chambre de commerce et d'industrie, attend cette année {visitors} visiteurs professionnels.",
    "Les organisateurs de cette manifestation commerciale misent sur l'international, avec des délégations venues de {n_countries} pays.",
    "À {city}, le prix moyen du mètre carré dans l'ancien atteint {sqm} euros, en léger recul sur trois mois.",
    "Les ménages modestes restent les plus exposés à la hausse des dépenses contraintes, souligne une étude publiée {day}.",
    "{Company} et {company2} ont signé un accord de partenariat pour développer une nouvelle gamme de produits.",
    "L'usine, qui emploie {jobs} salariés, tournera à plein régime dès le mois de {month}.",
    "Les exportations ont reculé de {pct_small} % au troisième trimestre, pénalisées par la faiblesse de la demande européenne.",
    "Le ministre de l'Économie a salué « des signaux encourageants » tout en appelant à la vigilance sur la dette.",
]
FAIRS = ["de l'agriculture", "du livre", "de l'habitat", "de l'automobile", "du tourisme", "des vins",
         "de la gastronomie", "de l'innovation", "du mariage", "des métiers d'art", "de l'étudiant", "du jeu vidéo"]

# ---------------------------------------------------------------- culture
CULTURE_KIND = ["le festival de jazz", "le festival de musiques actuelles", "le festival du film", "la biennale d'art contemporain",
                "les rencontres photographiques", "le festival de théâtre de rue", "la fête du livre",
                "le festival de bande dessinée", "les nuits de la lecture", "le festival des lumières"]
ARTISTS = ["la chanteuse Lila Moreau", "le groupe Les Ombres", "le pianiste Arthur Keller", "la romancière Hélène Vasseur",
           "le cinéaste Paul Descamps", "la troupe du Théâtre de l'Aube", "le rappeur Kemso", "l'orchestre national",
           "la photographe Inès Lamarque", "le dessinateur Tom Roussel"]
CULTURE_TITLES = [
    "{Festival} de {city} : une {nth} édition placée sous le signe de la fête",
    "{Artist} en concert à {city}",
    "Exposition : {city} rend hommage à {person}",
    "Cinéma : « {film} », le film qui divise la critique",
    "Le musée de {city} rouvre après deux ans de travaux",
]
CULTURE_SENTENCES = [
    "{Festival} de {city} a refermé ses portes {day} après avoir accueilli près de {visitors} festivaliers.",
    "Cette manifestation culturelle, créée il y a {years} ans par une poignée de bénévoles, est devenue l'une des plus courues de la région.",
    "Les organisateurs de la manifestation ont dû refuser du monde pour le concert de clôture.",
    "{Artist} a enflammé la grande scène devant un public conquis.",
    "L'exposition, visible jusqu'au {dom} {month}, réunit plus de {works} œuvres prêtées par des collections privées.",
    "« C'est un travail sur la mémoire et sur le temps qui passe », explique {person}, commissaire de l'exposition.",
    "Le film, tourné en partie à {city2}, sortira en salles le {dom} {month}.",
    "La programmation fait la part belle aux jeunes talents, avec {n_artists} artistes invités.",
    "Le public s'est rassemblé en nombre sur les quais pour assister au feu d'artifice final.",
    "La mairie a débloqué une subvention exceptionnelle de {money_k} 000 euros pour la restauration de l'édifice.",
    "Le roman, salué par la critique, s'est déjà vendu à {copies} exemplaires.",
    "Des ateliers pour les enfants sont proposés chaque mercredi après-midi, sur réservation.",
    "La billetterie ouvrira en ligne le {dom} {month}, avec des tarifs réduits pour les étudiants.",
    "Le metteur en scène {person2} signe ici sa troisième création au théâtre municipal.",
]
FILMS = ["Les Heures claires", "Sous la neige", "Le Dernier Été", "Rivages", "La Maison du lac", "Nuit blanche à Lyon"]

# ---------------------------------------------------------------- politics (institutional, no protest)
POL_TITLES = [
    "Budget : le conseil municipal de {city} adopte un plan d'investissement",
    "Réforme de {policy} : le texte examiné en commission",
    "{city} : la maire présente son projet de rénovation du centre-ville",
    "Élections : {person} candidat à la présidence de la région",
    "Le gouvernement dévoile son plan pour {policy}",
]
POLICIES = ["l'assurance chômage", "la formation professionnelle", "la fiscalité locale", "la politique du logement",
            "les transports régionaux", "l'école primaire", "la transition énergétique", "l'hôpital public"]
POL_SENTENCES = [
    "Le conseil municipal de {city} a adopté {day} soir un budget de {money} millions d'euros, par {votes_for} voix contre {votes_against}.",
    "Le projet de loi sur {policy} sera examiné en séance publique à partir du {dom} {month}.",
    "« Nous voulons un texte équilibré, qui protège sans décourager », a déclaré le rapporteur, {person}.",
    "L'opposition dénonce un calendrier « précipité » et annonce le dépôt de {amendments} amendements.",
    "La maire, {person2}, a présenté les grandes lignes du projet devant la presse.",
    "Les travaux, d'un montant de {money} millions d'euros, devraient débuter au printemps {year2}.",
    "Le ministre a reçu les représentants des collectivités pour une concertation qui doit durer jusqu'à l'été.",
    "Selon un sondage publié {day}, {pct} % des personnes interrogées approuvent cette mesure.",
    "Le sénateur {person3} a demandé la création d'une commission d'enquête parlementaire.",
    "Le conseil régional a voté une aide de {money_k} 000 euros aux communes touchées par les intempéries.",
    "Une réunion publique d'information se tiendra le {dom} {month} à la salle des fêtes.",
    "La mobilisation des électeurs reste l'inconnue principale du scrutin, selon les politologues.",
    "Le préfet a signé un arrêté autorisant l'extension de la zone d'activités.",
]

# ---------------------------------------------------------------- local news (faits divers, weather, health)
LOCAL_TITLES = [
    "{city} : un nouveau centre de santé ouvre ses portes",
    "Météo : vigilance orange aux orages sur {region}",
    "{city} : la campagne de vaccination mobilise les pharmaciens",
    "Accident sur l'autoroute près de {city} : deux blessés",
    "{city} : la fête foraine de retour sur l'esplanade",
]
REGIONS = ["le Rhône", "la Gironde", "le Nord", "les Alpes-Maritimes", "le Bas-Rhin", "le canton de Vaud",
           "la Wallonie", "la Bretagne", "l'Occitanie", "le Valais"]
LOCAL_SENTENCES = [
    "Un nouveau centre de santé a ouvert ses portes {day} à {city}, avec {doctors} médecins généralistes.",
    "Météo-France a placé {region} en vigilance orange aux orages à partir de {hour} heures.",
    "Les pompiers sont intervenus à {n_interventions} reprises dans la nuit pour des inondations de caves.",
    "La campagne de vaccination contre la grippe mobilise cette année les pharmaciens et les infirmiers libéraux.",
    "Une collision entre deux véhicules a fait deux blessés légers {day} matin sur l'autoroute, près de {city}.",
    "La circulation a été rétablie en fin de matinée après l'intervention des services de dépannage.",
    "La fête foraine s'installe sur l'esplanade de {city} jusqu'au {dom} {month}, avec {rides} manèges.",
    "Les habitants sont invités à limiter leurs déplacements pendant l'épisode orageux.",
    "Le marché de Noël de {city} attend plus de {visitors} visiteurs sur cinq semaines.",
    "Cette manifestation festive est l'occasion pour les commerçants de réaliser une part importante de leur chiffre d'affaires.",
    "« On n'avait jamais vu autant d'eau en si peu de temps », témoigne {person}, riverain.",
    "La police municipale rappelle que le stationnement sera interdit aux abords du site.",
    "L'enquête a été confiée à la gendarmerie, qui lance un appel à témoins.",
]

# ---------------------------------------------------------------- protests (templated)
PROTEST_TITLES = [
    "{city} : des milliers de manifestants contre {cause}",
    "Grève à {city} : les {workers} réclament {claim}",
    "{city} : rassemblement devant la préfecture contre {cause}",
    "Mobilisation contre {cause} : cortèges dans plusieurs villes",
]
CAUSES = ["la réforme des retraites", "la fermeture de la maternité", "la hausse des loyers", "le projet d'autoroute",
          "la suppression de postes d'enseignants", "les violences policières", "la loi sur l'immigration",
          "l'inaction climatique", "la fermeture de l'usine"]
WORKERS = ["cheminots", "enseignants", "infirmiers", "contrôleurs aériens", "éboueurs", "livreurs", "agents territoriaux"]
CLAIMS = ["une revalorisation des salaires", "l'embauche de personnel", "de meilleures conditions de travail",
          "le maintien des effectifs", "l'abandon du projet"]
PROTEST_SENTENCES = [
    "{crowd_text} ont manifesté {day} à {city} contre {cause}, à l'appel de plusieurs syndicats.",
    "Le cortège s'est élancé de la place de la gare en début d'après-midi avant de rejoindre la préfecture.",
    "Selon la police, ils étaient {n_police} ; les organisateurs en revendiquent {n_orgs}.",
    "« On ne lâchera rien tant que le gouvernement ne reculera pas », a lancé {person}, secrétaire départementale d'un syndicat.",
    "Les {workers} de {city} sont en grève depuis {day} pour réclamer {claim}.",
    "Un rassemblement s'est tenu devant la mairie de {city2}, où une centaine de personnes ont déployé des banderoles.",
    "Quelques heurts ont éclaté en fin de journée entre des manifestants et les forces de l'ordre ; {arrests} personnes ont été interpellées.",
    "Une nouvelle journée de mobilisation est prévue le {dom} {month} dans toute la région.",
    "Les manifestants ont bloqué le périphérique pendant près d'une heure avant d'être dispersés.",
]
CROWDS = ["Des milliers de personnes", "Plusieurs centaines de personnes", "Près de {n} personnes", "Environ {n} manifestants",
          "Une cinquantaine de militants", "Des dizaines de milliers de personnes"]


def french(s: str) -> str:
    """Elisions and contractions that filling templates breaks ("de Amiens", "à Le Havre")."""
    s = re.sub(r"\b([Dd])e ([AEIOUYÉÈÂÎaeiouéèâî])", r"\1'\2", s)
    s = re.sub(r"\b([Dd])e Le ", r"\1u ", s)
    s = re.sub(r"\b([Dd])e Les ", r"\1es ", s)
    s = re.sub(r"\b([Àà]) Le ", lambda m: "Au " if m.group(1) == "À" else "au ", s)
    s = re.sub(r"\b([Dd])e le ", r"\1u ", s)
    s = re.sub(r"\b([Dd])e les ", r"\1es ", s)
    s = re.sub(r"\b([Àà]) le ", lambda m: "Au " if m.group(1) == "À" else "au ", s)
    s = re.sub(r"\b([Àà]) les ", lambda m: "Aux " if m.group(1) == "À" else "aux ", s)
    return s[0].upper() + s[1:]


class Generator:
    def __init__(self, seed: int = 1):
        self.rng = random.Random(seed)
        self.n = 0

    def _vals(self) -> dict:
        r = self.rng
        city, city2 = r.sample(CITIES, 2)
        club, club2 = r.sample(CLUBS, 2)
        company, company2 = r.sample(COMPANIES, 2)
        sport = r.choice(SPORTS)
        race = r.choice(RACES)
        fest = r.choice(CULTURE_KIND)
        artist = r.choice(ARTISTS)
        v = {
            "city": city, "city2": city2, "club": club, "club2": club2,
            "Club": club[0].upper() + club[1:], "company": company, "company2": company2,
            "Company": company[0].upper() + company[1:], "sport": sport[0], "Sport": sport[0].capitalize(),
            "match": sport[1], "points_pl": sport[3], "coach": sport[4], "role": r.choice(ATHLETES_ROLE),
            "race": race, "Race": race[0].upper() + race[1:], "race_lc": race,
            "Festival": fest[0].upper() + fest[1:], "Artist": artist[0].upper() + artist[1:],
            "person": self._person(), "person2": self._person(), "person3": self._person(),
            "day": r.choice(DAYS), "month": r.choice(MONTHS), "dom": r.randint(1, 28),
            "s1": r.randint(1, 5), "s2": 0, "crowd": f"{r.randint(5, 60)} {r.randint(100, 999)}",
            "count": r.choice(["deux", "trois", "un doublé de", "quatre"]).replace("un doublé de", "deux"),
            "rank": r.randint(2, 18), "gap": r.randint(1, 15), "year2": r.randint(2025, 2030),
            "year_old": r.randint(1995, 2015), "n_runners": f"{r.randint(2, 40)} {r.randint(100, 999)}",
            "volunteers": r.randint(150, 1500), "pct": r.randint(2, 35), "pct_small": f"{r.randint(0, 9)},{r.randint(1, 9)}",
            "km": r.choice([10, 21, 42, 15, 60, 120]), "minutes": r.randint(31, 170), "minute": r.randint(5, 89),
            "money": r.randint(3, 900), "money_k": r.randint(20, 900), "quarter": r.choice(["premier trimestre", "deuxième trimestre", "troisième trimestre", "quatrième trimestre"]),
            "jobs": r.randint(20, 800), "sector": r.choice(SECTORS), "fair": r.choice(FAIRS),
            "visitors": f"{r.randint(5, 300)} 000", "exhibitors": r.randint(80, 1200), "n_countries": r.randint(5, 40),
            "sqm": f"{r.randint(2, 11)} {r.randint(100, 999)}", "years": r.randint(5, 45), "works": r.randint(40, 300),
            "n_artists": r.randint(20, 150), "copies": f"{r.randint(20, 400)} 000", "film": r.choice(FILMS),
            "policy": r.choice(POLICIES), "votes_for": r.randint(25, 45), "votes_against": r.randint(3, 20),
            "amendments": r.randint(40, 2000), "region": r.choice(REGIONS), "doctors": r.randint(3, 12),
            "hour": r.randint(12, 22), "n_interventions": r.randint(12, 140), "rides": r.randint(30, 120),
            "nth": r.choice(["troisième", "quatrième", "cinquième", "dixième", "vingtième", "trentième"]),
            "cause": r.choice(CAUSES), "workers": r.choice(WORKERS), "claim": r.choice(CLAIMS),
            "n_police": f"{r.randint(1, 20)} {r.randint(100, 999)}", "n_orgs": f"{r.randint(20, 60)} 000",
            "arrests": r.randint(2, 30), "n": r.choice([300, 500, 800, 1200, 2000, 5000]),
        }
        v["crowd_text"] = r.choice(CROWDS).format(n=v["n"])
        v["s2"] = r.randint(0, v["s1"] - 1)  # the winner scored more
        return v

    def _person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def _text(self, titles, sentences, paragraphs=(4, 7)) -> tuple[str, str]:
        r = self.rng
        v = self._vals()
        title = french(r.choice(titles).format(**v))
        chosen = r.sample(sentences, min(len(sentences), r.randint(paragraphs[0] * 2, paragraphs[1] * 2)))
        paras, i = [], 0
        while i < len(chosen):
            k = r.randint(1, 3)
            paras.append(" ".join(self._fill(s, v) for s in chosen[i:i + k]))
            i += k
        return title, "\n".join([title] + paras)

    def _fill(self, template: str, v: dict) -> str:
        return french(template.format(**v))

    def article(self, topic: Optional[str] = None, published: Optional[str] = None) -> dict:
        r = self.rng
        topic = topic or r.choice(["sport", "economy", "culture", "politics", "local"])
        if topic == "sport" and r.random() < 0.4:
            topic = "sport-event"
        table = {"sport": (SPORT_TITLES, SPORT_SENTENCES), "sport-event": (RACE_TITLES, RACE_SENTENCES), "economy": (ECO_TITLES, ECO_SENTENCES),
                 "culture": (CULTURE_TITLES, CULTURE_SENTENCES), "politics": (POL_TITLES, POL_SENTENCES),
                 "local": (LOCAL_TITLES, LOCAL_SENTENCES), "protest": (PROTEST_TITLES, PROTEST_SENTENCES)}
        titles, sentences = table[topic]
        title, text = self._text(titles, sentences)
        self.n += 1
        day = published or (dt.date(2015, 1, 1) + dt.timedelta(days=r.randint(0, 3650))).isoformat()
        return {"id": f"gen-{self.n:07d}-{topic}", "text": text, "published": day, "title": title,
                "source": r.choice(SOURCES), "lang": "fr", "topic": topic}


def dev_articles() -> list[dict]:
    if not DEV.exists():
        return []
    out = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            a.pop("gold", None)
            out.append(a)
    return out


def mixed_stream(n: int, protest_share: float = 0.05, seed: int = 1, dev_share: float = 0.5) -> Iterator[dict]:
    """n articles, protest_share of them about protests (half from the dev set), shuffled, streamed."""
    gen = Generator(seed)
    rng = random.Random(seed + 1)
    dev = dev_articles()
    n_protest = round(n * protest_share)
    protest_at = set(rng.sample(range(n), n_protest))
    k = 0
    for i in range(n):
        if i in protest_at:
            k += 1
            if dev and rng.random() < dev_share:
                a = dict(rng.choice(dev))
                a["id"] = f"dev-{k:06d}-{a['id']}"
                a["topic"] = "protest"
                yield a
            else:
                yield gen.article("protest")
        else:
            yield gen.article()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="how many articles")
    p.add_argument("--protest-share", type=float, default=0.05)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-o", "--output", default="-")
    args = p.parse_args(argv)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    for a in mixed_stream(args.n, args.protest_share, args.seed):
        out.write(json.dumps(a, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
