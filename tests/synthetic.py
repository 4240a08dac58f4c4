"""A synthetic multi-outlet war corpus with planted differences (for report, chart and browser tests).

``corpus(n_outlets, n_per)``: outlet 0 hedges ("may", "reportedly", "likely"),
outlet 1 distances ("claimed", "alleged"), outlet 2 writes "Kiev" where the
others write "Kyiv"; every outlet otherwise draws the same sentences.
Outlet names are long on purpose (labels must not overlap).
"""

from __future__ import annotations

import random
from functools import lru_cache

import pandas as pd

NAMES = ("Harbor Observer", "Eastern Telegraph Agency", "The Daily Meridian", "Northern Star Weekly",
         "Capital Broadcasting Network", "Republic News Service", "Frontline Gazette International",
         "The Morning Ledger", "Continental Wire", "Steppe Herald", "Baltic Courier",
         "Danube Today Online", "Coastal Review", "The Independent Monitor of Record", "Union Dispatch")

COMMON = (
    "The Ukrainian army said it had repelled an attack near {city}.",
    "Officials in {city} said 12 civilians were killed in the shelling overnight.",
    "Russia's defence ministry said its forces had taken a village east of {city}.",
    "Residents described queues for water and bread in {city}.",
    "The governor said power had been restored to 40% of homes.",
    "NATO foreign ministers met in Brussels to discuss further aid.",
    "Talks between the delegations ended without agreement.",
    "The United Nations said more than 3 million people had fled the country.",
    "Prices of grain rose by 5% after the port was closed.",
    "President Zelensky thanked allies for the new air-defence systems.",
)
HEDGED = ("The strike may have hit a fuel depot, officials reportedly said.",
          "Casualties are likely higher than reported, and the front may shift.",
          "The bridge was reportedly damaged and could possibly be closed.")
DISTANCED = ("Kyiv claimed that the attack had been repelled.",
             "Western officials alleged that the convoy carried weapons.",
             "The ministry claimed that 200 soldiers had surrendered.")
CITIES = ("Kharkiv", "Kyiv", "Odesa", "Mariupol", "Kherson")


def corpus(n_outlets: int = 15, n_per: int = 20, seed: int = 0) -> pd.DataFrame:
    """``doc_id, source, title, date, text`` for ``n_outlets x n_per`` articles."""
    rng = random.Random(seed)
    rows = []
    months = pd.date_range("2022-01-01", "2022-12-31", freq="D")
    for o in range(n_outlets):
        name = NAMES[o % len(NAMES)] + ("" if o < len(NAMES) else f" {o}")
        for i in range(n_per):
            sents = [rng.choice(COMMON).format(city=rng.choice(CITIES)) for _ in range(rng.randint(5, 9))]
            if o == 0:
                sents += rng.sample(HEDGED, 2)
            if o == 1:
                sents += rng.sample(DISTANCED, 2)
            rng.shuffle(sents)
            text = " ".join(sents)
            if o == 2:
                text = text.replace("Kyiv", "Kiev")
            rows.append({"doc_id": f"o{o:02d}-{i:03d}", "source": name, "title": sents[0][:80],
                         "date": months[rng.randrange(len(months))].strftime("%Y-%m-%d"), "text": text})
    return pd.DataFrame(rows)


@lru_cache(maxsize=4)
def study(n_outlets: int = 15, n_per: int = 20) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """corpus, evidence, articles table and pairwise table (each outlet vs the rest) of :func:`corpus`."""
    import contrast
    from contrast import findings, tables

    c = contrast.load_corpus(corpus(n_outlets, n_per))
    ev = contrast.extract(c)
    arts = tables.articles(ev, c)
    # ~800 tests: 2,000 permutations floor p at 0.0005, which Benjamini-Hochberg lifts above 0.05
    # unless many differ; 10,000 let the planted differences show on their own
    pw = tables.pairwise(arts, "source", evidence=ev, corpus=c, features=findings.default_features(arts),
                         n_perm=10_000)
    return c, ev, arts, pw
