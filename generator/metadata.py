"""Read title, publication, authors, date and type from the text as a careful reader would.

Each field is a chain of small named fallbacks, and records how it was found (stated, inferred,
sidecar, none) with the words that showed it. Lines that are metadata leave the body.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from generator import patterns as P
from generator.models import INFERRED, METADATA, NONE, SIDECAR, STATED, DateField, Field, Metadata, Source
from generator.text import ends_sentence, is_title_case, sentences, squash, word_count, words as words_of

TITLE_MAX = 120


def extract_metadata(source: Source, paragraphs: tuple[str, ...],
                     notices: tuple[str, ...] = ()) -> tuple[Metadata, tuple[str, ...]]:
    """Find the metadata of one cleaned source and take metadata lines out of its body.

    Args:
        source: the seed as loaded (its sidecar and embedded metadata override the text).
        paragraphs: the cleaned paragraphs.
        notices: copyright lines the cleaner took out of the text (they may name the publisher).
    Returns:
        The metadata, and the body paragraphs without headline, byline, date line and credits.
    """
    found: dict[str, Any] = {}
    body = list(paragraphs)
    # A pasted text's headline may stand under page furniture; a web page, a PDF or a Word document
    # has had its furniture taken off by its reader, and its title is known (or its first line).
    pasted = source.fmt in ("txt", "md") and "title" not in source.embedded
    for step in (_joined_labels, _labelled_lines, _journal_line, _editorial_label, _originally_published,
                 _headline if pasted else _first_line_headline, _byline_under_title, _dateline, _date_line,
                 _notices_in(notices), _aggregator_credit, _release, _agency_credit, _interview, _link_to_original, _closing_credits,
                 _about_the_authors):
        body = step(body, found)
    body = [p for p in body if p]
    title = found.get("title") or _title_from_first_sentence(body)
    date = found.get("date") or _inferred_date(body)
    meta = Metadata(
        title=title,
        subtitle=found.get("subtitle", Field(None)),
        publication=found.get("publication", Field(None)),
        authors=found.get("authors", Field(())),
        date=date,
        source_type=_source_type(body, paragraphs, found.get("interviewee")),
        summary=found.get("summary", Field(None)),
        translator=found.get("translator", Field(None)),
        url=Field(None),
        carried_by=found.get("carried_by", Field(None)),
        interviewee=found.get("interviewee", Field(None)),
    )
    return _from_address(_override(meta, source)), tuple(body)


# --- labelled lines: "Publication:", "By ...", "Source :", "Translated by", signatures -----------

def _labelled_lines(body: list[str], found: dict) -> list[str]:
    out = []
    last = len(body) - 1
    for n, para in enumerate(body):
        if word_count(para) > 25:
            out.append(para)
            continue
        if m := P.PUBLICATION_LINE.match(para):
            found.setdefault("publication", Field(_clean_name(m.group("pub")), STATED, para))
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
                found.setdefault("publication", Field(_clean_name(issue.group("pub")), STATED, para))
            continue
        if m := P.CREDIT.match(para):
            found.setdefault("translator", Field(squash(m.group("who")), STATED, para))
            if m.group("pub"):
                found.setdefault("publication", Field(_clean_name(m.group("pub")), STATED, para))
            continue
        if n < P.MEMO_HEADER and (m := P.MEMO_LINE.match(para)) and _memo_line(m, para, found):
            continue
        if n >= last - 2 and (m := P.SIGNATURE.match(para)):
            found.setdefault("authors", Field((squash(m.group("name")),), STATED, para))
            if m.group("pub"):
                found.setdefault("publication", Field(_clean_name(m.group("pub")), STATED, para))
            continue
        out.append(para)
    return out


def _joined_labels(body: list[str], found: dict) -> list[str]:
    """A metadata label alone on its line and its value on the next are one line ("Source:" / "X")."""
    out: list[str] = []
    for para in body:
        if out and P.LABEL_ALONE.match(out[-1]) and word_count(para) <= 25:
            out[-1] = f"{out[-1]} {para}"
        else:
            out.append(para)
    return out


def _journal_line(body: list[str], found: dict) -> list[str]:
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


def _agency_credit(body: list[str], found: dict) -> list[str]:
    """An agency crediting itself at the end of the lead ("..., Trend reports."): the publication."""
    for para in [p for p in body if word_count(p) >= 10][:2]:
        if (m := P.REPORTS.search(para)) and (pub := _credited(m.group("pub") or m.group("pub2"))):
            found.setdefault("publication", Field(pub, STATED, m.group(0).lstrip(", ")))
            break
    return body


def _editorial_label(body: list[str], found: dict) -> list[str]:
    """An editorial's label names the paper: "The Straits Times says" (a line of its own, which goes),
    "The Irish Times view on ..." (the headline, which stays)."""
    for n, para in enumerate(body[:P.TOP_LINES]):
        if word_count(para) <= 25 and (m := P.EDITORIAL_LABEL.match(para)):
            found.setdefault("publication", Field(m.group("pub"), STATED, para))
            return body[:n] + body[n + 1:] if para.endswith("says") else body
    return body


def _aggregator_credit(body: list[str], found: dict) -> list[str]:
    """"(MENAFN- Kuwait News Agency (KUNA)) KUWAIT - ...": the agency is the publication, the
    aggregator the site that carried it; "... – Bernama" closing the text names the agency too."""
    for para in body[:P.LEAD_WITHIN]:
        if m := P.AGGREGATOR_CREDIT.match(para):
            found.setdefault("publication", Field(_clean_name(m.group("pub")), STATED, m.group(0)))
            found.setdefault("carried_by", Field(m.group("carrier"), STATED, m.group(0)))
            return body
    if body and (m := P.CLOSING_AGENCY.search(body[-1])) and (pub := _credited(m.group("pub"))) and \
            not _is_person(pub):  # "... – Jane Roe" signs a letter or a column
        found.setdefault("publication", Field(pub, STATED, m.group(0).lstrip(".!?”\" ")))
    return body


def _release(body: list[str], found: dict) -> list[str]:
    """A press release carried by a wire service: the body that issued it is the publication."""
    for para in body[:P.LEAD_WITHIN]:
        if (m := P.RELEASE_OF.search(para)) and (pub := _credited(m.group("pub"))):
            found.setdefault("publication", Field(pub, STATED, m.group(0)))
            break
    return body


def _about_the_authors(body: list[str], found: dict) -> list[str]:
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


def _closing_credits(body: list[str], found: dict) -> list[str]:
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


def _link_to_original(body: list[str], found: dict) -> list[str]:
    """A bare address on its own line in the opening, as a repost gives the original's: its site is
    the publication when none is stated (inferred), and the line leaves the text."""
    for n, para in enumerate(body[:P.LEAD_WITHIN]):
        if P.BARE_LINK.match(para):
            if "publication" not in found:
                found["publication"] = Field(_site(para), INFERRED, f"the link to the original, {para}")
            return body[:n] + body[n + 1:]
    return body


def _interview(body: list[str], found: dict) -> list[str]:
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
    # Only an interview names the outlet it was given to as its publisher: in a news story, "she
    # said in an interview with CNN" cites another outlet. "An interview with Navbahor Imamova of
    # Voice of America" names the outlet's own interviewer.
    interview = "interviewee" in found or sum(1 for p in body if P.INTERVIEW_TURN.match(p)) >= 2 or \
        bool(title and re.search(r"(?i)\binterview", title.value or ""))
    for para in opening:
        if interview and (m := P.INTERVIEW_QUOTED.search(para)):
            found.setdefault("publication", Field(_clean_name(m.group("pub")), STATED, m.group(0)))
        for m in P.INTERVIEW_TO.finditer(para):
            if (pub := _credited(m.group("pub"))) and (m.group("who") or (interview and not _is_person(pub))):
                found.setdefault("publication", Field(pub, STATED, m.group(0)))
    return body


def _fuller(name: str, than: str) -> bool:
    """'Ruslan Kazakbayev' for 'R. Kazakbayev': the same surname, written out."""
    return name.split()[-1] == than.split()[-1] and len(name) > len(than)


def _notices_in(notices: tuple[str, ...]):
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
        elif not _same_outlet(found["publication"].value, holder):
            found.setdefault("carried_by", Field(holder, STATED, para))
    return body


def _from_address(meta: Metadata) -> Metadata:
    """The site a text was saved from: the publication when no other is known (its address, as
    the reader can check it), else the site that carried it when the text names another publisher."""
    if not meta.url.value:
        return meta
    site = _site(meta.url.value)
    evidence = "the address it was saved from, under Online"
    if not meta.publication.value:
        return replace(meta, publication=Field(site, INFERRED, evidence))
    if meta.publication.basis in (STATED, INFERRED) and not meta.carried_by.value and \
            not _same_outlet(meta.publication.value, site):
        return replace(meta, carried_by=Field(site, INFERRED, evidence))
    return meta


def _site(url: str) -> str:
    host = urlsplit(url).hostname or url
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)


def _same_outlet(a: str, b: str) -> bool:
    """'Reuters' and 'Thomson Reuters', 'The Moscow Times' and 'themoscowtimes.com', 'NIAT Khovar'
    and 'eng.khovar.tj': one outlet (an address by its main name, without its country or language part)."""
    fold = [re.sub(r"\W+|^the", "", site_label(x) if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", x) else x.casefold())
            for x in (a, b)]
    return bool(fold[0] and fold[1]) and (fold[0] in fold[1] or fold[1] in fold[0])


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


def _credited(text: str | None) -> str:
    """An outlet's name as a credit gives it: agency words off, capitals kept unless all capitals."""
    if not text:
        return ""
    name = P.AGENCY_WORDS.sub("", _clean_name(text)).strip()
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


def _byline_under_title(body: list[str], found: dict) -> list[str]:
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


def _clean_name(text: str) -> str:
    """'Novastan’s French website' → 'Novastan'; strip quotes and trailing punctuation."""
    text = P.WEBSITE_WORDS.sub("", squash(text))
    return text.strip(" .,:;\"“”‘’'")


def _originally_published(body: list[str], found: dict) -> list[str]:
    out = []
    for para in body:
        m = P.ORIGINALLY_PUBLISHED.search(para)
        if m:
            where = _clean_name(m.group("where"))
            if where:
                found.setdefault("publication", Field(where, STATED, m.group(0)))
            if m.group("date"):
                date = parse_date(m.group("date"), STATED, m.group(0))
                if date.value:
                    found.setdefault("date", date)
            para = squash(para[:m.start()] + " " + para[m.end():])
        out.append(para)
    return out


# --- headline: a title-like first line, or a Title Case line near the end -----------------------

def _headline(body: list[str], found: dict, top: int = P.TOP_LINES) -> list[str]:
    """The headline: the first line, or the first headline-like line near the top that the article's
    text follows (what stands above it is page furniture, and goes); else a Title Case line near
    the end."""
    if not body or "title" in found:
        return body
    body = _capitals_joined(body, top)
    for n, para in enumerate(body[:top]):
        if _headline_at(body, n):
            parts = P.HEADLINE_SPLIT.split(para, maxsplit=1)
            where = "first line" if n == 0 else f"line {n + 1}, under {n} line(s) of page furniture"
            if cited := P.CITED_HEADLINE.match(parts[0].strip()):  # "Headline, Eurasia Daily Monitor Volume: 16"
                parts[0] = cited.group("title")
                found.setdefault("publication", Field(cited.group("pub"), STATED, para))
            found["title"] = Field(parts[0].strip(), STATED, where)
            if len(parts) > 1:
                found["subtitle"] = Field(parts[1].strip(), STATED, f"{where}, after the separator")
            # What stands above goes, but for a date line (the page's date, read next). One under
            # the headline comes first: above it, a date may be the site's clock ("• Mon. Jun 17th, 2024").
            above = [p for p in body[:n] if _date_lead(p)]
            below = body[n + 1:]
            under = next((i for i, p in enumerate(below[:P.LEAD_WITHIN]) if _date_lead(p)), None)
            return below if under is not None else above + below
        if word_count(para) >= P.LEAD_WORDS:
            break  # the article began without a headline
    for n in range(len(body) - 1, max(len(body) - 5, 0), -1):
        para = body[n]
        if _title_like(para) and is_title_case(para) and 4 <= word_count(para) <= 20:
            found["title"] = Field(para, STATED, f"headline line {n + 1} of {len(body)}")
            return body[:n] + _end_matter(body[n + 1:], found)
    return body


def _capitals_joined(body: list[str], top: int) -> list[str]:
    """A headline in capitals broken over short lines ("AFGHANISTAN:" / "POTENTIAL FIELD OF" /
    "COOPERATION", as a journal's PDF pastes) is one line."""
    out: list[str] = []
    run = False  # the last line out is a line of capitals (maybe joined already)
    for n, para in enumerate(body):
        capitals = n < top and para.isupper() and word_count(para) <= P.CAPITAL_LINE_WORDS and (
            para.endswith(":") or not ends_sentence(para))
        if capitals and run:
            out[-1] = f"{out[-1]} {para}"
        else:
            out.append(para)
        run = capitals
    return out


def _dateline(body: list[str], found: dict) -> list[str]:
    """A wire story's dateline in its opening: the agency is the publication; a byline or an author
    in it, the authors; its day, the date when it gives the year (a day without a year is left
    unresolved, never guessed). The dateline stays in the text."""
    for para in body[:P.LEAD_WITHIN]:
        m = P.DATELINE.match(para) or P.DAY_DATELINE.match(para)
        g = m.groupdict() if m else {}
        agency = next((g[k] for k in ("a1", "a2", "a3", "a4") if g.get(k)), None)
        place = g.get("place") or ""
        if m and g.get("a1") and m.end() >= len(para.rstrip()) and any(w in P.ORG_HEADS for w in place.split()):
            # "Dalsan Radio (Mogadishu)" alone on its line: an outlet and its city (as AllAfrica
            # credits the papers it carries), not a place and an agency
            found.setdefault("publication", Field(_clean_name(place), STATED, f"source line “{para}”"))
            return body
        if m and agency and not P.NOT_AGENCIES.search(agency.strip()) and (
                place.isupper() or g.get("a1") or g.get("a2") or (agency.isupper() and len(agency) > 2)):
            evidence = squash(m.group(0)).rstrip(" –—-:")
            found.setdefault("publication", Field(_clean_name(agency), STATED, f"dateline “{evidence}”"))
            names = g.get("by") or g.get("author")
            if names and not P.STAFF_BYLINE.search(names):
                found.setdefault("authors", Field((squash(names),), STATED, f"dateline “{evidence}”"))
            day = g.get("day") or g.get("day2")
            if day and re.search(P.YEAR, day) and (date := parse_date(day, STATED, evidence)).value:
                found.setdefault("date", date)
            return body
    return body


def _first_line_headline(body: list[str], found: dict) -> list[str]:
    """Only the first line may be the headline (the text was extracted from a page or document)."""
    return _headline(body, found, top=1)


def _headline_at(body: list[str], n: int) -> bool:
    """Is body[n] the headline? Title-like, of headline length, not a run of tags, and followed
    soon by the article's text (a lead of some length, past a standfirst, byline or date line)."""
    para = body[n]
    if not (_title_like(para) or (n and para.endswith(("?", "!")) and para[:1].isupper())):
        return False
    words = words_of(para)
    if not (2 if n == 0 else 3) <= len(words) <= 40 or P.BYLINE.match(para) or P.GLUED_WORDS.search(para):
        return False  # too short or long, a byline, or two links run together ("...TajikistanProfessors...")
    if len(words) >= 3 and all(w[:1].isupper() or w.isdigit() for w in words) and \
            not any(w.casefold() in P.FUNCTION_WORDS for w in words):
        return False  # "Kyrgyzstan Sadyr Zhaparov Minsk CSTO": tags, not a headline
    following = body[n + 1:n + 1 + P.LEAD_WITHIN]
    return any(word_count(p) >= P.LEAD_WORDS // 2 for p in following) or (n == 0 and 1 < len(body) <= 3)


def _title_like(para: str) -> bool:
    return (
        not ends_sentence(para.rstrip("”’\"'»"))
        and not P.DATE_ONLY_LINE.match(para)
        and not (P.ENDS_WITH_YEAR.search(para) and word_count(para) <= P.DATELINE_WORDS)
        and para.lstrip("“‘\"'«")[:1].isupper()  # a quoted headline: "“We cannot save our way out of this Crisis”"
    )


def _end_matter(tail: list[str], found: dict) -> list[str]:
    """What follows a closing headline: a standfirst and a date line; both are metadata."""
    rest = []
    for para in tail:
        if P.DATE_ONLY_LINE.match(para):
            date = parse_date(para, STATED, para)
            if date.value:
                found.setdefault("date", date)
                continue
        if "summary" not in found and word_count(para) <= 60 and ends_sentence(para):
            found["summary"] = Field(para, STATED, "standfirst after the headline")
            continue
        rest.append(para)
    return rest


def _date_lead(para: str) -> bool:
    """A line that _date_line will read as the page's date."""
    return _lead_date(para) is not None


@lru_cache(maxsize=512)
def _lead_date(para: str) -> DateField | None:
    """The date of a short opening date line ("September 17, 2019, 12:51 Источник 24.kg",
    "time29-05-2025", "Xinhua) 13:48, July 14, 2021"), parsed once however often it is asked."""
    if word_count(para) <= P.DATE_LEAD_WORDS and (m := P.DATE_LEAD.match(para)):
        date = parse_date(m.group("date"), STATED, para)
    elif word_count(para) <= 8 and (m := P.DATE_IN_LINE.search(para)) and _few_words_beside(para, m):
        date = parse_date(m.group("date"), STATED, para)
    else:
        return None
    return date if date.value else None


def _few_words_beside(para: str, m: re.Match) -> bool:
    rest = re.sub(r"\d{1,2}:\d{2}(?::\d{2})?", " ", para[:m.start()] + " " + para[m.end():])
    return len(re.findall(r"[^\W\d_]+", rest)) <= P.DATE_IN_LINE_OTHER_WORDS


def _date_line(body: list[str], found: dict) -> list[str]:
    if "date" not in found:
        # Two date lines before the article's lead: the one nearer the lead is the article's; the
        # first may be the site's clock in its header ("• Mon. Jun 17th, 2024" above "May 30, 2024").
        lead = next((i for i, p in enumerate(body) if word_count(p) >= P.LEAD_WORDS), len(body))
        dated = [i for i in range(min(lead, P.TOP_LINES)) if _date_lead(body[i]) or P.DATE_ONLY_LINE.match(body[i])]
        if len(dated) >= 2:
            body = [body[dated[-1]]] + body[:dated[-1]] + body[dated[-1] + 1:]
    out = []
    for n, para in enumerate(body):
        if n < P.TOP_LINES and "date" not in found and (date := _lead_date(para)):
            found["date"] = date  # the page's date line, maybe with a time or a source beside it
            continue
        if (P.DATE_ONLY_LINE.match(para) or (n < P.OPENING and P.MONTH_YEAR_LINE.match(para))) and "date" not in found:
            date = parse_date(para, STATED, para)
            if date.value:
                found["date"] = date
                continue
        out.append(para)
    return out


# --- fallbacks ----------------------------------------------------------------------------------

def _title_from_first_sentence(body: list[str]) -> Field:
    for para in body:
        if word_count(para) >= 8:
            first = sentences(para)[0]
            # "On April 27 of this year, the Russian Minister..." → "The Russian Minister..."
            first = re.sub(r"^(?:On|In|At|By|Last|This)\b[^,]{0,40},\s+(?=[a-z])", "", first)
            first = first[:1].upper() + first[1:]
            return Field(_shorten(first.rstrip(".")), INFERRED, "first sentence of the text")
    return Field("Untitled source", NONE, "")


def _shorten(text: str) -> str:
    if len(text) <= TITLE_MAX:
        return text
    cut = text[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def _inferred_date(body: list[str]) -> DateField:
    """The latest year given with a month, day or season, when the text also speaks of its present.

    A year alone ("independence in 1991", "since 1994") says when something happened, not when the
    text was written, so it never counts; nor does a dated reference in a text without yearless,
    present-tense dates ("On April 2", "last month", "yesterday").
    """
    text = "\n".join(body)
    present = P.YEARLESS_REFERENCE.search(text)
    if not present:
        return DateField(None, None, NONE, "")
    best: tuple[int, str] | None = None
    for m in P.DATED_REFERENCE.finditer(text):
        if P.FUTURE_CONTEXT.search(text[max(0, m.start() - 40):m.start()]):
            continue  # "until May 2042", "scheduled for September 2021": a plan, not the present
        year = int(next(g for g in m.groups() if g))
        if best is None or year > best[0]:
            best = (year, m.group(0))
    if best is None:
        return DateField(None, None, NONE, "")
    context = re.match(r"(?:[ \t]+[\w’'-]+){0,2}", text[present.end():]).group(0)
    evidence = f"latest dated reference “{best[1]}”, in a text that speaks of “{(present.group(0) + context).strip()}”"
    return DateField(str(best[0]), "year", INFERRED, evidence)


def _source_type(body: list[str], original: tuple[str, ...], interviewee: Field | None = None) -> Field:
    related = [p for p in original if P.SECTION_LABELS.match(p)]
    if related:
        return Field("compilation", INFERRED, f"{len(related)} “{related[0]}” section(s) joining several items")
    turns = [p for p in body if P.INTERVIEW_TURN.match(p)]
    if len(turns) >= 3:
        return Field("interview", INFERRED, f"{len(turns)} question-and-answer turns")
    if interviewee is not None:
        return Field("interview", INFERRED, f"an interview with {interviewee.value}, as the text says")
    text = " ".join(body)
    words = max(1, word_count(text))
    news = len(P.NEWS_CUES.findall(text)) * 1000 / words
    analysis = len(P.ANALYSIS_CUES.findall(text)) * 1000 / words
    kind = "analysis" if analysis > news else "news"
    return Field(kind, INFERRED, f"reporting cues {news:.1f}, argument cues {analysis:.1f} per 1,000 words")


# --- dates --------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["year"]},
    )


_FAST_FORMATS = (("%B %d %Y", "day"), ("%d %B %Y", "day"), ("%b %d %Y", "day"), ("%d %b %Y", "day"),
                 ("%Y-%m-%d", "day"), ("%B %Y", "month"), ("%b %Y", "month"), ("%Y-%m", "month"), ("%Y", "year"))
ISO_LENGTH = {"day": 10, "month": 7, "year": 4}  # "2021-05-04", "2021-05", "2021"


def parse_date(text: str, basis: str, evidence: str) -> DateField:
    """A written date → DateField with its precision; DateField(None) when it is not a date.

    The common written forms are read directly (dateparser costs ~5 ms a call); the rest go to it.
    """
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip().rstrip("."))
    plain = re.sub(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?", "", cleaned.replace(",", " "))
    plain = " ".join(plain.replace("Sept ", "Sep ").split())
    for fmt, precision in _FAST_FORMATS:
        try:
            parsed = datetime.strptime(plain, fmt)
        except ValueError:
            continue
        return DateField(parsed.date().isoformat()[:ISO_LENGTH[precision]], precision, basis, evidence)
    data = _date_parser().get_date_data(cleaned)
    if data.date_obj is None:
        return DateField(None, None, NONE, "")
    precision = data.period if data.period in ISO_LENGTH else "day"
    return DateField(data.date_obj.date().isoformat()[:ISO_LENGTH[precision]], precision, basis, evidence)


# --- sidecar and embedded metadata override the text ---------------------------------------------

def _override(meta: Metadata, source: Source) -> Metadata:
    """Embedded metadata (front matter, html meta), then the sidecar, replace what the text said.

    Their values were checked by the loader (sources.validate_fields); text is squashed again here
    because a Source may also be built by hand.
    """
    fields = dict(meta.__dict__)
    for origin, basis, where in ((source.embedded, METADATA, source.provenance),
                                 (source.sidecar, SIDECAR, {})):
        for key, value in origin.items():
            evidence = where.get(key, "front matter" if basis == METADATA else "")  # "from the sidecar file" says it
            if key == "date":
                date = (DateField(*value, basis, evidence) if isinstance(value, tuple)  # (iso, precision)
                        else parse_date(str(value), basis, evidence))  # an html meta date, any form
                if date.value:
                    fields["date"] = date
            elif key in fields:
                if isinstance(value, str):
                    value = squash(value)
                elif isinstance(value, list):
                    value = tuple(value)
                fields[key] = Field(value, basis, evidence)
    return Metadata(**fields)
