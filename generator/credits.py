"""Who wrote, published and carried a text: labelled lines, bylines, credits, notices, interviews.

The steps of metadata.extract_metadata that read who: each takes the body and what was found so
far, records what it finds (with how it was found) and returns the body without those lines.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from generator import patterns as P
from generator.dates import parse_date
from generator.models import INFERRED, STATED, DateField, Field
from generator.text import sentences, squash, word_count


def labelled_lines(body: list[str], found: dict) -> list[str]:
    """Lines that say what they give: "Publication: X", "By X", "Source: X", "Translated by X", a memo's
    From/Date lines, a signature; each label's value is recorded and the line leaves the body."""
    out = []
    last = len(body) - 1
    for n, para in enumerate(body):
        if word_count(para) > 25:
            out.append(para)
            continue
        if (m := P.PUBLISHED_FIELD.match(para)) and (date := parse_date(m.group("date"), STATED, para)).value:
            found.setdefault("date", date)  # "Date Originally Published: November 27, 2017."
            continue
        if m := P.PUBLICATION_LINE.match(para):
            found.setdefault("publication", Field(clean_name(m.group("pub")), STATED, para))
            if m.group("extra") and (year := re.search(rf"\b{P.YEAR}\b", m.group("extra"))):
                found.setdefault("date", DateField(year.group(0), "year", STATED, para))
            continue
        if (n < P.TOP_LINES or n >= last - 2) and word_count(para) <= P.DATE_LEAD_WORDS and \
                (m := P.SOURCE_LABEL.search(para)) and (pub := _credited(_unfurnished(m.group("pub")))):
            found.setdefault("publication", Field(pub, STATED, para))
            if m.start() == 0:
                continue  # the line is the credit alone; else it also holds a date or other furniture
        if (m := P.BYLINE.match(para)) and P.STAFF_BYLINE.search(m.group("names")):
            continue  # "by AFP Staff Writers": a byline that names no one
        if (m := P.BYLINE.match(para)) and (names := _names(re.sub(r"\s*\([^)]*\)", "", m.group("names")))):
            found.setdefault("authors", Field(names, STATED, para))
            if issue := P.ISSUE_OF.search(para):  # "By Oleg Salimov (07/02/2014 issue of the CACI Analyst)"
                found.setdefault("publication", Field(clean_name(issue.group("pub")), STATED, para))
            continue
        if m := P.CREDIT.match(para):
            found.setdefault("translator", Field(squash(m.group("who")), STATED, para))
            if m.group("pub"):
                found.setdefault("publication", Field(clean_name(m.group("pub")), STATED, para))
            continue
        if n < P.MEMO_HEADER and (m := P.MEMO_LINE.match(para)) and _memo_line(m, para, found):
            continue
        if n >= last - 2 and (m := P.SIGNATURE.match(para)):
            found.setdefault("authors", Field((squash(m.group("name")),), STATED, para))
            if m.group("pub"):
                found.setdefault("publication", Field(clean_name(m.group("pub")), STATED, para))
            continue
        out.append(para)
    return out


def joined_labels(body: list[str], found: dict) -> list[str]:
    """A metadata label alone on its line and its value on the next are one line ("Source:" / "X")."""
    out: list[str] = []
    for para in body:
        if out and P.LABEL_ALONE.match(out[-1]) and word_count(para) <= 25:
            out[-1] = f"{out[-1]} {para}"
        else:
            out.append(para)
    return out


def journal_line(body: list[str], found: dict) -> list[str]:
    """A journal's masthead or citation line in the opening: the journal, and the year of its issue;
    a paper series' line: the institute, and the paper's date (the line stays)."""
    for para in body[:P.OPENING]:
        if word_count(para) <= 20 and (m := P.PAPER_SERIES.match(para)):
            found.setdefault("publication", Field(_credited(m.group("pub")), STATED, para))
            if (day := P.DATE_IN_LINE.search(para)) and (date := parse_date(day.group("date"), STATED, para)).value:
                found.setdefault("date", date)
            break
    for n, para in enumerate(body[:P.OPENING]):
        if word_count(para) <= 20 and (m := P.JOURNAL_LINE.match(para)) and not P.DATE_ONLY_LINE.match(para):
            found.setdefault("publication", Field(_credited(m.group("pub")), STATED, para))
            found.setdefault("date", DateField(m.group("year"), "year", STATED, para))
            return body[:n] + body[n + 1:]
    return body


def agency_credit(body: list[str], found: dict) -> list[str]:
    """An agency crediting itself at the end of the lead ("..., Trend reports."): the publication."""
    for para in [p for p in body if word_count(p) >= 10][:2]:
        if (m := P.REPORTS.search(para)) and (pub := _credited(m.group("pub") or m.group("pub2"))):
            found.setdefault("publication", Field(pub, STATED, m.group(0).lstrip(", ")))
            break
    return body


def editorial_label(body: list[str], found: dict) -> list[str]:
    """An editorial's label names the paper: "The Straits Times says" (a line of its own, which goes),
    "The Irish Times view on ..." (the headline, which stays)."""
    for n, para in enumerate(body[:P.TOP_LINES]):
        if word_count(para) <= 25 and (m := P.EDITORIAL_LABEL.match(para)):
            found.setdefault("publication", Field(m.group("pub"), STATED, para))
            return body[:n] + body[n + 1:] if para.endswith("says") else body
    return body


def aggregator_credit(body: list[str], found: dict) -> list[str]:
    """"(MENAFN- Kuwait News Agency (KUNA)) KUWAIT - ...": the agency is the publication, the
    aggregator the site that carried it; "... – Bernama" closing the text names the agency too."""
    for para in body[:P.LEAD_WITHIN]:
        if m := P.AGGREGATOR_CREDIT.match(para):
            found.setdefault("publication", Field(clean_name(m.group("pub")), STATED, m.group(0)))
            found.setdefault("carried_by", Field(m.group("carrier"), STATED, m.group(0)))
            return body
    if body and (m := P.CLOSING_AGENCY.search(body[-1])) and (pub := _credited(m.group("pub"))) and \
            not _is_person(pub):  # "... – Jane Roe" signs a letter or a column
        found.setdefault("publication", Field(pub, STATED, m.group(0).lstrip(".!?”\" ")))
    return body


def release(body: list[str], found: dict) -> list[str]:
    """A press release carried by a wire service: the body that issued it is the publication."""
    for para in body[:P.LEAD_WITHIN]:
        if (m := P.RELEASE_OF.search(para)) and (pub := _credited(m.group("pub"))):
            found.setdefault("publication", Field(pub, STATED, m.group(0)))
            break
    return body


def about_the_authors(body: list[str], found: dict) -> list[str]:
    """A short paragraph about the authors, in the opening or at the end ("David Trilling is
    EurasiaNet's Central Asia editor."): their names are the authors, an outlet named so the
    publication. The paragraph stays."""
    if "authors" in found:
        return body
    for para in body[:P.OPENING] + body[-3:]:
        if word_count(para) > P.BIO_WORDS:
            continue
        bios = [P.BIO_SENTENCE.match(s) for s in sentences(para)]
        if bios and all(bios):
            names = tuple(dict.fromkeys(squash(m.group("name")) for m in bios))
            found["authors"] = Field(names, STATED, para)
            if named := next((m for m in bios if m.group("pub")), None):  # the sentence that names it
                found.setdefault("publication", Field(_credited(named.group("pub")), STATED, named.string))
            break
    return body


def closing_credits(body: list[str], found: dict) -> list[str]:
    """A wire story's closing credits give its reporters and writers as authors (the line stays)."""
    if "authors" in found or not body or not (m := P.CREDIT_LINE.search(body[-1])):
        return body
    names: list[str] = []
    for part in m.group("credits").split(";"):
        if credit := P.AUTHOR_CREDITS.match(part.strip()):
            who = re.sub(r"\s+in\s+[A-Z][\w' -]*?(?=,|\s+and\s+|$)", "", credit.group("names"))
            names += [n for n in _names(who) if n not in names]
    if names:
        found["authors"] = Field(tuple(names), STATED, m.group(0))
    return body


def link_to_original(body: list[str], found: dict) -> list[str]:
    """A bare address on its own line in the opening, as a repost gives the original's: its site is
    the publication when none is stated (inferred), and the line leaves the text."""
    for n, para in enumerate(body[:P.LEAD_WITHIN]):
        if P.BARE_LINK.match(para):
            if "publication" not in found:
                found["publication"] = Field(site_of(para), INFERRED, f"the link to the original, {para}")
            return body[:n] + body[n + 1:]
    return body


def interview(body: list[str], found: dict) -> list[str]:
    """An interview: the person interviewed, and the outlet it was given to (when no other is stated)."""
    title = found.get("title")
    opening = ([title.value] if title and title.value else []) + body[:P.LEAD_WITHIN + 1]
    for para in opening:
        for m in P.INTERVIEW_TO.finditer(para):
            pub = _credited(m.group("pub"))
            if pub and not m.group("who") and _is_person(pub):
                found.setdefault("interviewee", Field(_person(pub), STATED, m.group(0)))
        for m in P.INTERVIEWEE.finditer(para):
            who = _person(m.group("a") or m.group("b") or m.group("c"))
            known = found.get("interviewee")
            if who and (known is None or _fuller(who, known.value)):
                found["interviewee"] = Field(who, STATED, m.group(0))
    if "interviewee" not in found and (speaker := _main_speaker(body)):
        found["interviewee"] = speaker
    # Only an interview names the outlet it was given to as its publisher: in a news story, "she
    # said in an interview with CNN" cites another outlet. "An interview with Navbahor Imamova of
    # Voice of America" names the outlet's own interviewer.
    interview = "interviewee" in found or sum(1 for p in body if P.INTERVIEW_TURN.match(p)) >= 2 or \
        bool(title and re.search(r"(?i)\binterview", title.value or ""))
    for para in opening:
        if interview and (m := P.INTERVIEW_QUOTED.search(para)):
            found.setdefault("publication", Field(clean_name(m.group("pub")), STATED, m.group(0)))
        for m in P.INTERVIEW_TO.finditer(para):
            if (pub := _credited(m.group("pub"))) and (m.group("who") or (interview and not _is_person(pub))):
                found.setdefault("publication", Field(pub, STATED, m.group(0)))
    return body


def _main_speaker(body: list[str]) -> Field | None:
    """A transcript's interviewee: of the people whose turns it labels ("Mayor Eric Adams: ...",
    "Kozlov: ..."), the one who says most in turns that are not questions, when the turns go back
    and forth (A, B, A) or answer a "Question:" label; a run of labelled fields ("Title: ...",
    "Summary: ...") does not. The name in full where the text writes it."""
    turns = [(m, para) for para in body if (m := P.SPEAKER_TURN.match(para))]
    if len(turns) < 2:
        return None  # most texts: no transcript, and the text is not scanned again
    said: dict[str, int] = {}
    labels: dict[str, set[str]] = {}
    asked = False
    order: list[str] = []  # who speaks, turn by turn
    answers: dict[str, int] = {}  # turns that are not questions, by speaker
    common = {w for p in body for w in re.findall(r"\b[a-z][\w’'-]+", p)}  # words the text writes in lower case
    for m, para in turns:
        label, words = m.group("who").strip(), word_count(para[m.end():])
        if label.casefold() in P.ASKER_LABELS:
            asked = True
            continue
        name = " ".join(w for w in label.split() if w not in P.TITLES) or label
        if any(w.casefold() in common for w in name.split() if w[:1].isupper()) or re.search(r"\d", name):
            continue  # "Executive Summary:", "Background:", "R5:": a heading, not a person
        surname = name.split()[-1].casefold()
        order.append(surname)
        labels.setdefault(surname, set()).add(name)
        question = para.rstrip().endswith("?")
        said[surname] = said.get(surname, 0) + (0 if question else words)
        answers[surname] = answers.get(surname, 0) + (not question)
    back_and_forth = any(order[i] == order[i + 2] != order[i + 1] for i in range(len(order) - 2))
    asked = asked or (len(said) >= 2 and any(not n for n in answers.values()))  # "Sequencer: ...?" / "Kozlov: ..."
    if not said or not (asked or back_and_forth):
        return None
    surname = max(said, key=lambda k: (said[k], k))
    if not said[surname]:
        return None
    names = labels[surname] | {n for n in P.FULL_NAME.findall(" ".join(body)) if n.split()[-1].casefold() == surname}
    name = max(names, key=lambda n: (len(n.split()) <= 3, len(n), n))
    return Field(_person(name) or name, STATED, f"the speaker with most to say in the transcript ({name}:)")


def _fuller(name: str, than: str) -> bool:
    """'Ruslan Kazakbayev' for 'R. Kazakbayev': the same surname, written out."""
    return name.split()[-1] == than.split()[-1] and len(name) > len(than)


def notices_in(notices: tuple[str, ...]):
    """The step that reads the copyright notices the cleaner took out (they may name the publisher)."""
    return lambda body, found: _notices(body, notices, found)


def _notices(body: list[str], notices: tuple[str, ...], found: dict) -> list[str]:
    """A copyright or reproduction notice names the publisher: the publication when none is stated
    (before an agency's credit in the text, which may be the source it rewrote), else the site that
    carried the text when it names another."""
    for n, para in enumerate(list(notices) + body):
        last = n < len(notices) or n >= len(notices) + len(body) - 3
        m = P.COPYRIGHT_HOLDER.match(para) if last and word_count(para) <= 25 else None
        m = m or P.REPRODUCTION.search(para)
        holder = m and _credited(m.groupdict().get("pub") or m.groupdict().get("pub2"))
        if not holder:
            continue
        if "publication" not in found:
            found["publication"] = Field(holder, STATED, para)
        elif not same_outlet(found["publication"].value, holder):
            found.setdefault("carried_by", Field(holder, STATED, para))
    return body


def site_of(url: str) -> str:
    """The host of an address without its www., m. or amp.: 'https://www.bbc.co.uk/x' → 'bbc.co.uk'."""
    host = urlsplit(url).hostname or url
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)


def name_of_site(host: str, text: str) -> str | None:
    """The name in a text that its site's address spells, written out or as initials: "Yeni Şafak"
    for yenisafak.com, "Financial Times" for ft.com, "Mongolian National Broadcaster" for
    news.mnb.mn. A name of two words or more (one word says no more than the address); the longest."""
    label = re.sub(r"[\W_]", "", site_label(host))
    if len(label) < 2:
        return None
    best: list[str] = []
    for run in _capitalised_runs(text):
        folded = [_letters(w) for w in run]
        for i in range(len(run)):
            for j in range(i + 2, len(run) + 1):
                if not (run[i][:1].isupper() and run[j - 1][:1].isupper()) or j - i <= len(best):
                    continue
                spelled = "".join(folded[i:j]) == label
                capitals = [(w, raw) for w, raw in zip(folded[i:j], run[i:j], strict=True) if w and raw[:1].isupper()]
                initials = "".join(w[0] for w, _ in capitals)
                worded = all(raw[1:].islower() for _, raw in capitals)  # not "FT’s Tokyo": initials of words
                if spelled or (initials == label and worded):
                    best = run[i:j]
    return " ".join(best) or None


def _capitalised_runs(text: str) -> list[list[str]]:
    """Runs of capitalised words on one line, with the small words a name may hold inside ("Office
    of the Mayor")."""
    runs = []
    for line in text[:P.SITE_NAME_CHARS].split("\n"):
        run: list[str] = []
        for word in re.findall(r"[^\W\d_][\w’'&-]*|[^\w\s]", line) + ["."]:
            if word[:1].isupper() or (run and word.casefold() in P.NAME_JOINERS):
                run.append(word)
                continue
            while run and not run[-1][:1].isupper():
                run.pop()
            if len(run) >= 2:
                runs.append(run)
            run = []
    return runs


def _letters(word: str) -> str:
    """A word's letters without accents, in lower case: "Şafak" → "safak"."""
    plain = unicodedata.normalize("NFKD", word)
    return re.sub(r"[\W_]", "", "".join(c for c in plain if not unicodedata.combining(c))).casefold()


def same_outlet(a: str, b: str) -> bool:
    """'Reuters' and 'Thomson Reuters', 'The Moscow Times' and 'themoscowtimes.com', 'NIAT Khovar'
    and 'eng.khovar.tj': one outlet (an address by its main name, without its country or language part)."""
    fold = [re.sub(r"\W+|^the", "", site_label(x) if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", x) else x.casefold())
            for x in (a, b)]
    return bool(fold[0] and fold[1]) and (fold[0] in fold[1] or fold[1] in fold[0])


def _credited(text: str | None) -> str:
    """An outlet's name as a credit gives it: agency words off, capitals kept unless all capitals."""
    if not text:
        return ""
    name = P.AGENCY_WORDS.sub("", clean_name(text)).strip()
    if name.casefold() in P.COMMON_WORDS or name.casefold() in P.FUNCTION_WORDS or not name[:1].isalnum():
        return ""
    if name.isupper() and len(name.split()) >= 3:  # "CENTRAL ASIA AND THE CAUCASUS"
        name = " ".join(w if n and w.casefold() in P.FUNCTION_WORDS else w.capitalize()
                        for n, w in enumerate(name.casefold().split()))
    return name


def _unfurnished(text: str) -> str:
    """'24.kg Комментарии' → '24.kg': interface words after a credit on the same line go."""
    words = text.split()
    while words and words[-1].casefold() in P.FURNITURE_LINES:
        words.pop()
    return " ".join(words)


def _is_person(text: str) -> bool:
    """'Foreign Minister R. Kazakbayev', 'Ahmed Rashid': a personal name, maybe with titles and initials."""
    words = _person(text).split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and (w.isalpha() or re.fullmatch(r"[A-Z]\.", w))
                                        for w in words) and not any(w in P.ORG_HEADS for w in words)


def _person(text: str) -> str:
    """'Minister Sergey Lavrov' → 'Sergey Lavrov': titles before a name go."""
    words = text.split()
    while words and words[0] in P.TITLES:
        words.pop(0)
    return " ".join(words) if len(words) >= 2 else ""


def _memo_line(m: re.Match, para: str, found: dict) -> bool:
    """A memo header line read into its field; False when it holds no usable value (kept as text)."""
    label, value = m.group("label").lower(), squash(m.group("value"))
    if label == "from" and (names := _names(value)):
        found.setdefault("authors", Field(names, STATED, para))
    elif label == "date" and (date := parse_date(value, STATED, para)).value:
        found.setdefault("date", date)
    elif label in ("re", "subject"):
        found.setdefault("title", Field(value, STATED, para))
    elif label not in ("to", "cc"):
        return False
    return True  # "To:" and "Cc:" say who the memo is for: metadata, not the text


def byline_under_title(body: list[str], found: dict) -> list[str]:
    """A line of two or more personal names and nothing else right under a first-line title."""
    title = found.get("title")
    if not body or "authors" in found or title is None or title.evidence != "first line":
        return body
    if P.NAMES_LINE.match(body[0]) and len(names := _names(body[0])) >= 2 and \
            len(names) == len(re.split(r"\s+and\s+|\s*&\s*|,\s+", body[0])):
        found["authors"] = Field(names, STATED, body[0])
        return body[1:]
    return body


def _names(text: str) -> tuple[str, ...]:
    """'Elena Chernenko, Dushanbe; Ivan Safronov' → (Elena Chernenko, Ivan Safronov)."""
    names = []
    for part in re.split(r";|\band\b|&", text):
        for piece in part.split(","):
            piece = squash(piece)
            if P.NAME_WORDS.match(piece):
                names.append(piece)
                break  # what follows a comma is a place or a role
    return tuple(names)


def clean_name(text: str) -> str:
    """'Novastan’s French website' → 'Novastan'; strip quotes and trailing punctuation."""
    text = P.WEBSITE_WORDS.sub("", squash(text))
    return text.strip(" .,:;\"“”‘’'")


def originally_published(body: list[str], found: dict) -> list[str]:
    """"This article was originally published by X": X published it first, the stated outlet carried it."""
    out = []
    for para in body:
        m = P.ORIGINALLY_PUBLISHED.search(para)
        if m and (m.group("where") or m.group("by") or m.group("date")):
            # "This report by The Canadian Press was first published in French on July 3, 2023"
            where = clean_name(m.group("by") or "") or clean_name(m.group("where") or "")
            if where:
                found.setdefault("publication", Field(where, STATED, m.group(0)))
            if m.group("date"):
                date = parse_date(m.group("date"), STATED, m.group(0))
                if date.value:
                    found.setdefault("date", date)
            para = squash(para[:m.start()] + " " + para[m.end():])
        out.append(para)
    return out


def site_label(host: str) -> str:
    """'www.dailymail.co.uk' → 'dailymail', 'eng.khovar.tj' → 'khovar': the name a site's address gives."""
    labels = host.casefold().split(".")
    if len(labels) > 1:
        labels.pop()  # the top-level domain
    if len(labels) > 1 and labels[-1] in ("co", "com", "org", "net", "gov", "ac", "edu"):
        labels.pop()  # "co.uk", "com.tr"
    if len(labels) > 1 and labels[-1] in P.HOSTING_SITES:
        labels.pop()  # "strategicstudyindia.blogspot.de": the blog, not its host
    return labels[-1]
