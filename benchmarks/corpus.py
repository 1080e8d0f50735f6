"""A deterministic corpus of N realistic articles for the scale benchmark (issue "Scale to 10,000").

Usage: .venv/bin/python benchmarks/corpus.py N DEST_FOLDER   (writes DEST_FOLDER/article-00001.txt ...)

Each article: a headline, a byline, a date line (dates over twenty years), ~800 words in ~10
paragraphs built from templates that name people, places and organisations (from the gazetteer and
invented ones), figures (money, distances, troops, shares), dated events, words of the three themes
in realistic proportions, and the usual noise ("Read more:", social-media lines, a disclaimer).
The same N and seed always give the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

MONTHS = "January February March April May June July August September October November December".split()
PUBLICATIONS = ["Asia-Plus", "Eurasianet", "Novastan", "Kommersant", "The Diplomat", "RFE/RL", "TASS", "Avesta",
                "Eurasia Daily Monitor", "Central Asia Analyst", "Jamestown", "Interfax", "Reuters", "AKIpress"]
FIRST = "Anna Boris Dilnoza Farrukh Gulnora Igor Jamshed Kamila Leonid Malika Nodir Olga Parviz Rustam Sabina " \
        "Timur Umida Viktor Zarina Alisher".split()
LAST = "Karimov Petrova Nazarov Smirnov Rahimova Ivanov Saidov Kuznetsova Yusupov Orlov Hakimova Sokolov " \
       "Mirzoev Volkova Sharipov Pavlov Qodirova Fedorov Davlatov Morozova".split()
KNOWN = ["Emomali Rahmon", "Vladimir Putin", "Sergei Shoigu", "Sergey Lavrov", "the CSTO", "the SCO", "Dushanbe",
         "Moscow", "Beijing", "Kabul", "the Taliban", "the Islamic State", "Gorno-Badakhshan", "Khatlon",
         "the 201st military base", "the Pamirs", "Khorog", "China", "Russia", "Afghanistan", "Kyrgyzstan",
         "Uzbekistan", "the Collective Rapid Response Forces", "Panjshir", "the Fergana Valley"]
PLACES = "Kulob Bokhtar Khujand Istaravshan Murghob Ishkashim Vanj Darvoz Shahritus Panj Rasht Isfara".split()
THEME_SENTENCES = {
    "military": [
        "Russian and Tajik troops held a joint military exercise near {place}, with {troops} soldiers taking part.",
        "{person} said military cooperation with {known} would grow, including air defence and training.",
        "The 201st military base received new equipment, and {troops} servicemen were trained this year.",
        "Officers from the CSTO discussed joint exercises and the modernization of the armed forces.",
        "Moscow pledged military-technical assistance worth {money} to strengthen border guards.",
    ],
    "afghan": [
        "Militants from across the Afghan border were reported near {place}, officials in Dushanbe said.",
        "{person} warned that the Taliban could not control ISIS fighters along the {km} km border.",
        "Drug trafficking from Afghanistan rose by {share}% last year, according to {org}.",
        "The deteriorating situation in Afghanistan pushed {known} to reinforce border security.",
    ],
    "china": [
        "China extended a loan of {money} for a road to {place}, and Chinese companies expanded gold mines.",
        "Beijing opened a new outpost in Gorno-Badakhshan, {person} told {pub}.",
        "Chinese and Tajik forces held joint drills, a sign of China's growing security footprint.",
        "Debt to China reached {share}% of the country's external debt, {org} reported.",
    ],
}
NEUTRAL = [
    "{person}, a researcher at the {org}, said the talks in {place} were constructive.",
    "On {date}, delegations met in {city} to discuss trade, energy and water.",
    "The government announced a programme worth {money} for schools and hospitals in {place}.",
    "Remittances from migrants in Russia fell by {share}% in the first half of the year.",
    "Local residents in {place} said prices for flour and fuel had risen sharply.",
    "The meeting in {city} ended without a joint statement, {pub} reported.",
    "{person} added that the {org} would publish its findings in {month}.",
]
ORGS = ["Institute of Strategic Studies", "Ministry of Economic Development", "Agency for Drug Control",
        "Central Asia Research Centre", "State Committee on Investments", "Border Troops Command"]
NOISE = ["Read more: {headline}", "Follow us on Twitter, Facebook and Telegram.",
         "The views expressed are those of the author.", "Share this article"]
HEADLINES = ["{known} and Tajikistan discuss {topic}", "Tajikistan braces for {topic}", "{known} pledges support on {topic}",
             "New tensions over {topic} in {place}", "Analysts weigh {topic} after talks in {city}",
             "{person} on {topic}: “{quote}”", "In {place}, {topic} tests the {org}", "{known} and {topic}: what {person} said",
             "{org} report puts {topic} first", "{person} visits {place} as {topic} dominates talks",
             "Why {topic} matters to {known}, according to {person}", "{city} talks on {topic} end without a deal"]
SUFFIXES = ["", ", {person} says", " in {place}", " — {person}", ", {org} warns", " as {month} deadline nears",
            "; {person} in {place}", ": {person} reports"]
QUOTES = ["we will not stand aside", "the border is our first line", "cooperation will grow", "the threat is real",
          "nothing was agreed", "talks will continue", "the situation is under control", "we need more help"]
TOPICS = ["border security", "air defence", "Chinese loans", "the Afghan threat", "joint exercises", "gold mines",
          "migrant workers", "water and energy", "drug trafficking", "military aid"]


def article(rng: random.Random, i: int) -> str:
    year = 2005 + rng.randrange(20)
    month, day = rng.randrange(12), rng.randint(1, 28)
    invented = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(4)]

    def fill(template: str) -> str:
        return template.format(
            person=rng.choice(invented + KNOWN[:4]), known=rng.choice(KNOWN), place=rng.choice(PLACES),
            city=rng.choice(["Dushanbe", "Moscow", "Beijing", "Tashkent", "Bishkek"]), org=rng.choice(ORGS),
            pub=rng.choice(PUBLICATIONS), troops=f"{rng.randint(2, 60) * 500:,}",
            money=rng.choice([f"${rng.randint(5, 900)} million", f"{rng.randint(1, 90)} billion rubles",
                              f"${rng.randint(1, 9)}.{rng.randint(1, 9)} billion"]),
            km=rng.choice(["1,344", "1,357", "1,400"]), share=rng.randint(2, 60), month=rng.choice(MONTHS),
            date=f"{MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {year - rng.randrange(3)}",
            topic=rng.choice(TOPICS), headline=fill_headline())

    def fill_headline() -> str:
        known = rng.choice(KNOWN[:8]).replace("the ", "")
        headline = rng.choice(HEADLINES).format(
            known=known[:1].upper() + known[1:], topic=rng.choice(TOPICS), place=rng.choice(PLACES),
            city=rng.choice(["Dushanbe", "Moscow", "Beijing"]), person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            org=rng.choice(ORGS), quote=rng.choice(QUOTES))
        suffix = rng.choice(SUFFIXES).format(person=f"{rng.choice(FIRST)} {rng.choice(LAST)}", place=rng.choice(PLACES),
                                             org=rng.choice(ORGS), month=rng.choice(MONTHS))
        return headline[:1].upper() + headline[1:] + suffix

    weights = {"military": rng.random(), "afghan": rng.random() * 0.8, "china": rng.random() * 0.5}
    paragraphs = []
    for _ in range(rng.randint(8, 12)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            pool = rng.choices(list(weights) + ["neutral"], weights=list(weights.values()) + [0.9])[0]
            sentences.append(fill(rng.choice(NEUTRAL if pool == "neutral" else THEME_SENTENCES[pool])))
        paragraphs.append(" ".join(sentences))
        if rng.random() < 0.08:
            paragraphs.append(fill(rng.choice(NOISE)))
    byline = f"By {rng.choice(FIRST)} {rng.choice(LAST)}"
    date_line = f"{MONTHS[month]} {day}, {year}"
    head = [fill_headline(), byline, f"Publication: {rng.choice(PUBLICATIONS)}", date_line]
    return "\n\n".join(head + paragraphs) + "\n"


def make_corpus(n: int, dest: Path, seed: int = 7, start: int = 0) -> list[Path]:
    """Write articles start+1 … start+n into dest; deterministic for (seed, index)."""
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        rng = random.Random(f"{seed}:{i}")
        path = dest / f"article-{i + 1:05d}.txt"
        path.write_text(article(rng, i), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    make_corpus(int(sys.argv[1]), Path(sys.argv[2]))
