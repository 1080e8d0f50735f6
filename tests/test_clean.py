"""clean.py: junk-line removal, inline read-mores, paragraph joining and block structure."""

from __future__ import annotations

import pytest

from generator.clean import clean, paragraphs_of, structure

LEAD = "Russian troops arrived in Dushanbe on Monday for exercises near the Afghan border."
LONG = ("A last paragraph that is proper article text and has well over twenty five words in it, so it is "
        "kept after a trailer because it is long enough to be real text and not a signature line.")


def _text(*paragraphs: str) -> str:
    """One paragraph per line, blank lines between (the common layout of a pasted article)."""
    return "\n\n".join(paragraphs) + "\n"


def _removed(cleaned, why: str) -> list[str]:
    return [text for reason, text in cleaned.removed if reason == why]


def test_line_of_commas_removed():
    cleaned = clean(_text(LEAD, ",,,,,, ,,,", "The drills will last a week."))
    assert cleaned.paragraphs == (LEAD, "The drills will last a week.")
    assert _removed(cleaned, "no words") == [",,,,,, ,,,"]


def test_social_media_line_removed():
    social = "Follow us on Twitter, Facebook and Telegram for the latest news."
    cleaned = clean(_text(LEAD, social, "The drills will last a week."))
    assert social not in cleaned.paragraphs
    assert cleaned.paragraphs == (LEAD, "The drills will last a week.")
    assert _removed(cleaned, "social media") == [social]


def test_article_sentence_naming_one_network_is_kept():
    para = "The ministry announced the drills on its Telegram channel, the agency said on Monday."
    assert clean(_text(LEAD, para)).paragraphs == (LEAD, para)


def test_inline_read_more_headline_removed_and_next_sentence_kept():
    para = ("The drills will last a week. Read more: Putin Meets Rahmon at Summit in Dushanbe "
            "Tajikistan should not rely on one partner, analysts say.")
    cleaned = clean(_text(LEAD, para))
    assert cleaned.paragraphs[1] == ("The drills will last a week. "
                                     "Tajikistan should not rely on one partner, analysts say.")
    assert _removed(cleaned, "read more") == ["Read more: Putin Meets Rahmon at Summit in Dushanbe"]


def test_read_more_line_alone_removed():
    cleaned = clean(_text(LEAD, "Read more: Russia Boosts Its Base in Tajikistan"))
    assert cleaned.paragraphs == (LEAD,)


def test_disclaimer_removed():
    note = ("NOTE: The contents of this article are the sole responsibility of the author and do not "
            "reflect the views of the publisher.")
    cleaned = clean(_text(LEAD, note, "The drills will last a week."))
    assert cleaned.paragraphs == (LEAD, "The drills will last a week.")
    assert _removed(cleaned, "disclaimer") == [note]


def test_submitted_by_trailer_and_short_follower_removed_long_text_kept():
    cleaned = clean(_text(LEAD, "Submitted by John Smith", "Dushanbe office", LONG))
    assert cleaned.paragraphs == (LEAD, LONG)
    assert _removed(cleaned, "trailer") == ["Submitted by John Smith", "Dushanbe office"]


def test_spaced_label_becomes_related():
    cleaned = clean(_text(LEAD, "R E L A T E D :", "Another item follows here with more words."))
    assert cleaned.paragraphs == (LEAD, "Related:", "Another item follows here with more words.")


def test_glued_sentences_get_a_space():
    para = "They met near Afghanistan.This was the third meeting.Officials were pleased."
    cleaned = clean(_text(para))
    assert cleaned.paragraphs == ("They met near Afghanistan. This was the third meeting. Officials were pleased.",)


def test_glued_sentence_rule_leaves_abbreviations_and_decimals():
    para = "The U.S. envoy said 2.5 million dollars went to the base, e.g. for radar."
    assert clean(_text(para)).paragraphs == (para,)


def test_hard_wrapped_paragraphs_joined():
    wrapped = ("Russian and Tajik troops held joint\nexercises near the Afghan border this\nweek, the ministry said.\n"
               "\n"
               "The drills involved about 2,000\nsoldiers and 50 armoured vehicles.\n")
    assert paragraphs_of(wrapped) == [
        "Russian and Tajik troops held joint exercises near the Afghan border this week, the ministry said.",
        "The drills involved about 2,000 soldiers and 50 armoured vehicles.",
    ]


def test_long_lines_without_blank_lines_are_paragraphs():
    lines = [LONG, LONG.replace("last", "second"), LONG.replace("last", "third")]
    assert paragraphs_of("\n".join(lines)) == lines


def test_short_lines_without_blank_lines_are_not_merged_into_one_junk_paragraph():
    text = ("Troops arrived in Dushanbe on Monday.\nThe drills lasted a week.\n"
            "Follow us on Twitter and Facebook.\n")
    assert clean(text).paragraphs == ("Troops arrived in Dushanbe on Monday.", "The drills lasted a week.")


# --- structure ---------------------------------------------------------------------------------

def test_short_untitled_line_before_longer_paragraph_is_heading():
    blocks = structure(["Border tensions rise", LEAD, "Short.", "Another paragraph here."])
    assert [b.kind for b in blocks] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert [b.anchor for b in blocks] == ["p-1", "p-2", "p-3", "p-4"]
    assert [b.text for b in blocks][1] == LEAD


@pytest.mark.parametrize("para", [
    "The base was founded.",           # ends a sentence
    "Dushanbe, 23 March 2015",         # a dateline
    "and then the troops left",        # lower-case start
])
def test_not_a_heading(para):
    assert structure([para, LEAD])[0].kind == "paragraph"


def test_last_line_is_never_a_heading():
    assert structure([LEAD, "Border tensions rise"])[1].kind == "paragraph"


def test_related_label_is_heading():
    blocks = structure([LEAD, "Related:", "Another item here."])
    assert blocks[1].kind == "heading"


def test_interview_questions():
    paras = ["Intro paragraph about the interview with the general.",
             "– Why did Russia send troops?", "– Because the border is unsafe and we must help.",
             "– What comes next?", "– More drills, more training, more cooperation.",
             "– Is the base permanent?", "– Yes."]
    blocks = structure(paras)
    assert [b.kind for b in blocks] == ["paragraph", "question", "paragraph", "question", "paragraph",
                                        "question", "paragraph"]
    assert [b.anchor for b in blocks] == [f"p-{n}" for n in range(1, 8)]


def test_fewer_than_three_turns_is_not_an_interview():
    blocks = structure(["– Why did Russia send troops?", "– Because the border is unsafe.", LEAD])
    assert all(b.kind != "question" for b in blocks)


ARTICLE = ("Tajik and Kyrgyz officials met at the border on Monday to discuss the demarcation of the "
           "remaining disputed sections, the foreign ministry said in a statement.")


@pytest.mark.parametrize("line", [
    "• KGS/USD = 0.01146 0%", "USD 89.50 ▲0.2", "X", "×", "#Turkey", "#Erdoğan #Syria", "1 / 1", "$9.90/month",
    "5 yıl önce", "31 min ago", "3 часа назад", "Direkt zum Seiteninhalt springen", "İçeriğe geç", "Most viewed",
    "Already a subscriber?", "Other available languages: none", "Show less",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Se hai scelto di non accettare i cookie di profilazione, puoi aderire all’abbonamento.",
    "New: Gift this subscriber-only story to your friends and family",
    "Men bathe in a canal near Arka, Kyrgyzstan. (Photo: David Trilling)",
    "EU leaders will descend on Brussels this week | Carl Court/Getty Images",
])
def test_page_furniture_of_many_sites_and_languages_goes(line):
    cleaned = clean(f"{line}\n\n{ARTICLE}")
    assert cleaned.paragraphs == (ARTICLE,), cleaned


def test_a_list_of_headlines_is_not_joined_with_the_article_as_if_hard_wrapped():
    text = ("Baseball league announces its schedule\nAll News 16:24 December 16, 2020\n" + ARTICLE + "\n"
            "The league said the new season will begin on April 3, with the ten clubs each playing 144 games.\n"
            "Issue Keywords\nMost Liked\nBTS named entertainer of the year by Time magazine\n"
            "Samsung unveils new 110-inch Micro LED TV")
    paragraphs = paragraphs_of(text)
    assert ARTICLE in paragraphs and "Samsung unveils new 110-inch Micro LED TV" in paragraphs


def test_a_headline_given_twice_above_the_article_keeps_one_copy_a_doubled_caption_none():
    cleaned = clean("CSTO Defense Ministers' Council meeting kicks off in Bishkek\n\nCSTO Defense Ministers' Council "
                    f"meeting kicks off in Bishkek\nImages | kabar.kg\n{ARTICLE}\n\nA trooper patrols the border.\n"
                    f"A trooper patrols the border.\n{ARTICLE} More.")
    assert cleaned.paragraphs == ("CSTO Defense Ministers' Council meeting kicks off in Bishkek", ARTICLE,
                                  ARTICLE + " More.")


def test_a_box_of_headlines_after_a_pasted_article_goes_but_a_documents_own_list_stays():
    links = ["Border conflict: School in Maksat village comes under fire", "Prime Minister meets residents of the village",
             "Passage of citizens temporarily suspended on the border", "Rallies temporarily banned in Bishkek"]
    lead = f"{ARTICLE} {ARTICLE}"  # the article has begun: a paragraph of some length
    text = "\n\n".join([lead, *links, ARTICLE])
    assert clean(text).paragraphs == (lead, ARTICLE)
    assert clean(text, pasted=False).paragraphs == (lead, *links, ARTICLE)
    two = "\n\n".join([lead, *links[:2], ARTICLE])
    assert clean(two).paragraphs == (lead, *links[:2], ARTICLE)  # two are not a box


def test_an_article_about_cookie_law_is_not_a_cookie_notice():
    para = ("The regulator said websites must ask for consent before they set cookies, and that the policy "
            "would be enforced from January with fines for companies that ignore it.")
    assert clean(f"{para}\n\n{ARTICLE}").paragraphs == (para, ARTICLE)
