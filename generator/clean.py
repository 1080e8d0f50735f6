"""Split text into paragraphs and remove what is not article text; then give blocks their kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator import patterns as P
from generator.models import Block, BlockKind
from generator.text import ends_sentence, sentences, squash, word_count


@dataclass(frozen=True)
class Cleaned:
    paragraphs: tuple[str, ...]
    removed: tuple[tuple[str, str], ...]  # (why, text), for tests and the build report


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs: one per line, unless the lines are hard-wrapped, then joined back into paragraphs.

    Wrapped text is recognised by short lines most of which stop mid-sentence. With blank lines
    the paragraphs are the blank-line-separated blocks; without, a paragraph ends at a line that
    ends a sentence and stops well short of the wrapping width.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return []
    if any(P.NO_WORDS.match(line) for line in lines):
        # A line of only punctuation ("---", ", , ,") is a separator, never part of a paragraph.
        text = "\n".join(f"\n{line}\n" if P.NO_WORDS.match(line) else line for line in text.split("\n"))
    average = sum(len(line) for line in lines) / len(lines)
    blocks = [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    if len(blocks) > 1 and len(blocks) < len(lines) and average < 100:
        # Blank lines between paragraphs: a block's lines are one paragraph when they are wrapped
        # text; short lines that do not run on (a menu, a ticker, a list of links) stay apart.
        return [p for b in blocks for p in ([squash(b)] if _wrapped_block(b) else
                                            [squash(line) for line in b.split("\n") if line.strip()])]
    width = sorted(len(line) for line in lines)[int(0.9 * (len(lines) - 1))]
    # cut at a width: the lines that stop mid-sentence run near that width (a page's headlines,
    # menus and labels also stop without a full stop, but are short)
    cut_lines = sum(1 for line in lines[:-1] if not ends_sentence(line) and len(line) >= P.CUT_NEAR * width)
    if len(blocks) == 1 and len(lines) >= 3 and average < 100 and cut_lines >= 0.5 * (len(lines) - 1):
        paragraphs, current = [], []
        for line in lines:
            current.append(line)
            if ends_sentence(line) and len(line) < 0.75 * width:
                paragraphs.append(squash(" ".join(current)))
                current = []
        if current:
            paragraphs.append(squash(" ".join(current)))
        return paragraphs
    return [squash(line) for line in lines]


def _wrapped_block(block: str) -> bool:
    """Lines cut at a width: most of them stop mid-sentence, and they are long or the next line
    runs on in lowercase ("...about 2,000 / soldiers and..."), where a menu's items are short and
    each starts anew ("Home / News / Politics")."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) < 2:
        return True
    lengths = sorted(len(line) for line in lines[:-1])
    width = max(len(line) for line in lines)
    half = 0.5 * (len(lines) - 1)
    open_lines = sum(1 for line in lines[:-1] if not ends_sentence(line))
    cut_lines = sum(1 for line in lines[:-1] if not ends_sentence(line) and len(line) >= P.CUT_NEAR * width)
    runs_on = sum(1 for line in lines[1:] if line[:1].islower() or line[:1].isdigit())
    return (cut_lines >= half and lengths[len(lengths) // 2] >= P.WRAPPED_LINE) or (
        open_lines >= half and runs_on >= half)


def clean(text: str, pasted: bool = True) -> Cleaned:
    """Drop junk lines (stray punctuation, social calls, disclaimers, trailers) and inline read-mores.

    Args:
        text: decoded text of one seed.
        pasted: text pasted from a page (.txt, .md), which may hold boxes of links to other articles;
            a PDF's or a Word document's lists and contents, and a web page's text (trafilatura has
            taken its boxes off), are the document's own.
    Returns:
        The paragraphs that are article text, and what was removed with the reason.
    """
    kept: list[str] = []
    removed: list[tuple[str, str]] = []
    in_trailer = False
    for para in _split_long(paragraphs_of(text)):
        why = _junk(para)
        if why == "trailer":
            in_trailer = True
        if in_trailer and (why or word_count(para) < 25):
            removed.append((why or "trailer", para))
            continue
        in_trailer = False
        if why:
            removed.append((why, para))
            continue
        spaced = P.SPACED_LABEL.match(para)
        if spaced:
            para = spaced.group(1).replace(" ", "").capitalize() + ":"
        para, cut = _drop_read_more(P.GLUED_SENTENCE.sub(" ", para))
        removed.extend(("read more", c) for c in cut)
        if para:
            kept.append(para)
    kept, doubled = _without_doubled(kept)
    removed.extend(("doubled line", line) for line in doubled)
    if pasted:
        kept, listed = _without_headline_lists(kept)
        removed.extend(("list of headlines", line) for line in listed)
    return Cleaned(tuple(kept), tuple(removed))


def _without_headline_lists(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """After the article's text has begun, a run of headlines (three or more short lines in a row
    that read like titles: "Related", "Most read" and "Popular" boxes, a site's latest news) links
    to other articles: it goes."""
    out: list[str] = []
    removed: list[str] = []
    run: list[str] = []
    started = False
    for para in paragraphs + [""]:
        if started and _listed_headline(para):
            run.append(para)
            continue
        if len(run) >= P.HEADLINE_RUN:
            removed += run
        else:
            out += run
        run = []
        if para:
            started = started or word_count(para) >= P.LEAD_WORDS
            out.append(para)
    return out, removed


def _listed_headline(para: str) -> bool:
    text = re.sub(r"^\((?:[^()]{1,12})\)\s*", "", para)  # "(LEAD) ", "(2nd LD) ": a wire's version tag
    return (3 <= word_count(text) <= 25 and text[:1].isupper() and not ends_sentence(text)
            and not text.endswith(":") and not P.ENDS_WITH_YEAR.search(text))


def _without_doubled(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """A short line given twice in a row is a photo's caption and its alt text (or a heading and
    its link): both go; but above the article's text, a headline given twice (the page's title and
    its heading) keeps one copy."""
    out, doubled, n = [], [], 0
    started = False  # the article's text has begun
    while n < len(paragraphs):
        para = paragraphs[n]
        if n + 1 < len(paragraphs) and paragraphs[n + 1] == para and word_count(para) <= 40:
            if started or ends_sentence(para):
                doubled += [para, para]
            else:
                doubled.append(para)
                out.append(para)
            n += 2
            continue
        started = started or word_count(para) >= P.LEAD_WORDS
        out.append(para)
        n += 1
    return out, doubled


def _split_long(paragraphs: list[str]) -> list[str]:
    """Cut a paragraph of thousands of characters into readable ones, at sentence ends."""
    out: list[str] = []
    for para in paragraphs:
        if len(para) <= P.LONG_LINE:
            out.append(para)
            continue
        current = ""
        for sentence in (piece for whole in sentences(para) for piece in _wrapped(whole)):
            if current and len(current) + len(sentence) > PARAGRAPH:
                out.append(current)
                current = ""
            current = f"{current} {sentence}".strip()
        if current:
            out.append(current)
    return out


PARAGRAPH = 1000  # characters: the length a long line is cut into


def _wrapped(sentence: str) -> list[str]:
    """A "sentence" of thousands of characters (no full stop anywhere: a list, a dump) cut at spaces,
    so that no paragraph is longer than LONG_LINE: work per paragraph stays bounded."""
    if len(sentence) <= P.LONG_LINE:
        return [sentence]
    pieces, start = [], 0
    while len(sentence) - start > PARAGRAPH:
        cut = sentence.rfind(" ", start + PARAGRAPH // 2, start + PARAGRAPH)
        cut = cut if cut > start else start + PARAGRAPH
        pieces.append(sentence[start:cut].strip())
        start = cut
    pieces.append(sentence[start:].strip())
    return [p for p in pieces if p]


def _furniture(line: str) -> bool:
    """A menu, a counter, a clock, a ticker, or a row of them ("Тоҷикӣ | Русский | English")."""
    pieces = [p for p in P.MENU_SEPARATORS.split(line) if p.strip(" :.")]
    if len(pieces) == 1:
        one = pieces[0].strip()
        return bool(_key(one.strip(" :.|»›>")) in P.FURNITURE_LINES or P.VIEW_COUNTER.match(one)
                    or P.CLOCK.match(one) or P.TICKER.match(one) or P.NUMBER_LINE.match(one)
                    or P.ONE_CHARACTER.match(one) or P.HASHTAGS.match(one) or P.GALLERY_COUNTER.match(one)
                    or P.RELATIVE_TIME.match(one) or P.PRICE_LINE.match(one))
    # a row: a language or section menu ("Тоҷикӣ | Русский | English"), or breadcrumbs ("Home → News →");
    # never a table row of figures ("1 | 2 | 3")
    named = [p for p in pieces if _key(p.strip(" :.")) in P.FURNITURE_LINES]
    crumbs = "→" in line or "»" in line or "›" in line
    return bool(pieces) and (bool(named) or crumbs) and all(
        p in named or (crumbs and len(p.split()) <= 4) or P.VIEW_COUNTER.match(p) or P.CLOCK.match(p)
        for p in pieces)


def _key(text: str) -> str:
    """How a line is looked up in the furniture vocabulary: any case ("İçeriğe geç" too)."""
    return text.casefold().replace("\u0307", "")


def _junk(para: str) -> str:
    if P.NO_WORDS.match(para):
        return "no words"
    if len(para) <= 160 and _furniture(para):
        return "page furniture"
    if P.CAPTION.match(para) and word_count(para) <= 30:
        return "photo credit"
    if word_count(para) <= P.CAPTION_WORDS and P.CREDIT_ENDING.search(para) and not P.COPYRIGHT.match(para):
        return "photo caption"
    if len(para) <= 160 and (P.LANGUAGE_SWITCH.match(para) or P.PAYWALL.search(para)):
        return "page furniture"
    if word_count(para) <= 80 and P.COOKIE_NOTICE.search(para) and P.NOTICE_VOICE.search(para):
        return "cookie notice"
    if len(P.SOCIAL_NETWORKS.findall(para)) >= 2 and (P.SOCIAL_CALL.search(para) or word_count(para) < 30):
        return "social media"
    if P.DISCLAIMER.search(para) and word_count(para) < 150:
        return "disclaimer"
    if P.COPYRIGHT.match(para):
        return "copyright"
    if P.TRAILER.match(para):
        return "trailer"
    if P.READ_MORE.match(para) and word_count(para) <= 25 and not ends_sentence(para[:-1]):
        return "read more"
    return ""


def _drop_read_more(para: str) -> tuple[str, list[str]]:
    """Remove 'Read more: <linked headline>' inside a paragraph, keeping the sentence that follows."""
    if P.SECTION_LABELS.match(para) or not P.READ_MORE.search(para):
        return para.strip(), []
    cut: list[str] = []
    kept: list[str] = []
    pos = 0
    for match in P.READ_MORE.finditer(para):
        if match.start() < pos:
            continue  # inside a headline already cut
        tokens = para[match.end():].split(" ", 26)[:26]  # a headline is short: look no further
        end = _headline_end(tokens)
        headline = " ".join(tokens[:end])
        cut.append(match.group(0) + headline)
        kept.append(para[pos:match.start()])
        pos = match.end() + len(headline)
    kept.append(para[pos:])
    return re.sub(r"\s{2,}", " ", "".join(kept)).strip(), cut


def _headline_end(tokens: list[str]) -> int:
    """Where a run-in headline stops: before the capitalised word that opens a sentence.

    Headlines have at most single lowercase words between capitalised ones; a sentence soon has
    two lowercase words in a row. So the headline ends before the last capitalised word preceding
    the first such pair ("... Summit in Dushanbe | Tajikistan should not ...").
    """
    limit = min(len(tokens), 25)
    for i in range(1, limit):
        word = tokens[i]
        if not word[:1].isupper() or word.endswith(":"):
            continue
        following = tokens[i + 1:i + 3]
        if len(following) == 2 and all(w[:1].islower() for w in following):
            return i
    return len(tokens) if len(tokens) <= 25 else 0


def structure(paragraphs: list[str] | tuple[str, ...]) -> tuple[Block, ...]:
    """Give each paragraph a kind (heading, question, paragraph) and a stable anchor p-1, p-2, ..."""
    interview = sum(1 for p in paragraphs if P.INTERVIEW_TURN.match(p)) >= 3
    blocks = []
    for n, para in enumerate(paragraphs):
        following = _next_text(paragraphs, n)
        if interview and P.INTERVIEW_TURN.match(para) and para.rstrip().endswith("?"):
            kind = BlockKind.QUESTION
        elif _is_heading(para, following):
            kind = BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
        blocks.append(Block(kind=kind, text=para, anchor=f"p-{n + 1}"))
    return tuple(blocks)


def _next_text(paragraphs, n: int) -> str:
    """The paragraph after n, looking past a short dateline ("Radio of Armenia, 23 March 2015")."""
    for para in paragraphs[n + 1:n + 3]:
        if not (word_count(para) <= 8 and P.ENDS_WITH_YEAR.search(para)):
            return para
    return ""


def _is_heading(para: str, following: str) -> bool:
    if para.endswith(":"):
        return P.SECTION_LABELS.match(para) is not None  # "Related:" opens a section; other labels do not
    return (
        bool(following)
        and 2 <= word_count(para) <= 12
        and para[:1].isupper()
        and not ends_sentence(para)
        and not P.ENDS_WITH_YEAR.search(para)
        and not para.endswith(",")
        and word_count(following) > word_count(para)
    )
