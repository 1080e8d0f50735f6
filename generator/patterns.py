"""Rules as data: the patterns that tell boilerplate and metadata lines from article text.

Nothing here is about a topic; topics live in briefing.yml.
"""

import re

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
SEASONS = "spring|summer|autumn|fall|winter"
YEAR = r"(?:19|20)\d\d"

LONG_LINE = 5000  # characters; beyond this a "paragraph" is a file without line breaks
CUT_NEAR = 0.6  # of the text's width (its 90th-percentile line): a hard-wrapped line is at least this long
WRAPPED_LINE = 40  # characters: the median line of hard-wrapped text is at least this long
ENDS_WITH_YEAR = re.compile(YEAR + r"\W*$")  # "Radio of Armenia, 23 March 2015": a dateline, not a heading
DATELINE_WORDS = 8  # a line ending in a year is a dateline up to this length; longer, it may be a headline
CAPITAL_LINE_WORDS = 6  # words: a line of capitals this short may be part of a headline broken over lines
HALF_HEADLINE_WORDS = 12  # words: the first line of a headline cut at its colon ("The Next Flight of the Bumblebee:")

# --- cleaning: whole lines that are not article text -------------------------------------------
NO_WORDS = re.compile(r"^[\W_]*$")  # a line of commas, dashes, bullets...
SPACED_LABEL = re.compile(r"^((?:[A-Za-z] ){2,}[A-Za-z])\s*:?\s*$")  # "R E L A T E D :"
SECTION_LABELS = re.compile(r"^(related|see also|read also|more on this)\s*:?\s*$", re.I)
# The label of a box of other items ("Also in this section", "More stories", "Most read"): what follows is theirs
OTHER_ITEMS = re.compile(r"^(?:related(?: (?:articles?|stories|news|posts))?|see also|read also|also read|more on this(?: topic)?|"
                         r"also in this (?:section|issue)|more (?:from|in|stories|news)\b.{0,40}|latest(?: news)?|most (?:read|popular)|"
                         r"recommended(?: for you)?|you may also like|popular(?: now)?|editor'?s picks?|top stories)\s*:?\s*$", re.I)
SOCIAL_NETWORKS = re.compile(
    r"\b(twitter|facebook|telegram|linkedin|instagram|youtube|whatsapp|tiktok|vkontakte|mastodon)\b", re.I
)
SOCIAL_CALL = re.compile(r"\b(follow us|like us|share (this|on)|subscribe|join us|find us)\b", re.I)
READ_MORE = re.compile(r"\b(?:read more|read also|also read|see also|related|continue reading)\s*:\s*", re.I)
DISCLAIMER = re.compile(
    r"^(?:note|disclaimer|editor'?s note)?\s*:?\s*.{0,80}\b(?:sole responsibility|do not necessarily|"
    r"does not necessarily|not responsible for|views expressed|opinions expressed)\b",
    re.I,
)
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved)", re.I)
TRAILER = re.compile(r"^(?:submitted by|posted by|shared by)\b", re.I)
CREDIT = re.compile(r"^translated\s+(?:on\s+(?P<pub>.+?)\s+)?by\s+(?P<who>[^,;]+?)\s*\.?$", re.I)
GLUED_SENTENCE = re.compile(r"(?<=[a-z\u00e0-\u024f][.!?])(?=[A-Z][a-z])")  # "Afghanistan.This"

# --- page furniture: lines of a pasted web page that are not the article ------------------------
# Whole lines (any case): navigation, accessibility, interface and sharing words, in the languages
# analysts paste from. Nothing here is about a topic.
FURNITURE_LINES = frozenset(line.strip().casefold() for line in """
accessibility links|skip to main content|skip to content|skip to navigation|jump to content|jump to navigation
breaking news|all news|latest news|last minute|top stories|most read|most popular|main menu|menu|navigation
search|home|homepage|news|share|share this|share this article|share on facebook|share on twitter|print
email|e-mail|comments|comment|leave a comment|related|related articles|related news|related stories|more news
read more|read the full story|full story|continue reading|tags|topics|subscribe|log in|login|sign in|sign up
register|close|advertisement|advertising|sponsored|cookies|accept cookies|accept|english|eng|en|русский|рус
тоҷикӣ|ўзбекча|o'zbekcha|oʻzbekcha|қазақша|кыргызча|кыргыз тили|türkçe|العربية|فارسی|中文
главная|новости|все новости|лента новостей|войти|войти в почту|авторизация|регистрация|поиск|меню
подписаться|поделиться|читайте также|читать также|похожие новости|комментарии|реклама|печать
версия для печати|подробнее|читать далее|link|ссылка|back to top|to top|top|next|previous|more
site map|sitemap|rss|регистрация на сайте|восстановление пароля|забыли пароль?|запомнить меня|новостные каналы
карта сайта|контакты|о нас|about us|contact us|contact|privacy policy|terms of use|newsletter
show less|show more|read less|see more|load more|most viewed|most shared|most saved|most commented|most watched|editor's picks|editors' picks|trending|trending now
popular|popular news|recommended|other news|other news for today|more stories|more from|you may also like
already a subscriber?|subscribe now|subscribe today|no contract|unlock these benefits|back to the top|go to top
available for|available in|download the app|get the app|listen|listen to this article|play live radio|next up:
direkt zum seiteninhalt springen|zum inhalt springen|zur navigation springen|zur suche springen|startseite|suche
teilen|drucken|mehr zum thema|aller au contenu|passer au contenu|accueil|rechercher|partager|imprimer|lire aussi
ir al contenido|saltar al contenido|inicio|buscar|compartir|imprimir|lea también|içeriğe geç|ana sayfa|haberler
paylaş|yazdır|ilgili haberler|son dakika|bosh sahifa|yangiliklar|qidiruv|ulashish
""".replace("\n", "|").split("|") if line.strip())
VIEW_COUNTER = re.compile(r"^(?:(?:views?|reads?|просмотр\w*|прочитано)\s*:?\s*[\d\s,.]+|[\d\s,.]+\s*"
                          r"(?:views?|reads?|просмотр\w*))$", re.I)
CLOCK = re.compile(r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$", re.I)
# A currency or market ticker: "USD 89.5 ▲0.2", "KGS/USD = 0.01146 0%", "GLD 375.96 -1.8%"
TICKER = re.compile(r"^[A-Z]{3}(?:/[A-Z]{3})?\s*[=:]?\s*[\d.,]+\s*[▲▼↑↓+-]?\s*[\d.,]*\s*%?$")
HEADLINE_RUN = 3  # short title-like lines in a row, after the article began: a box of links to other articles
ONE_CHARACTER = re.compile(r"^\S$")  # "X" or "×" (a close button), "1" (a rank in a list)
HASHTAGS = re.compile(r"^(?:#[^\W\d_][\w-]*\s*)+$")  # "#Turkey", "#Erdoğan #Syria": tag links
GALLERY_COUNTER = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}$")  # "1 / 1": a photo gallery's position
# "5 hours ago", "31 min ago", "5 yıl önce", "3 часа назад", "vor 2 Stunden", "il y a 3 heures"
RELATIVE_TIME = re.compile(
    r"^(?:(?:updated|published|posted)\s+)?(?:\d+|an?|one)\s*(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|"
    r"months?|years?)\s+ago$|^\d+\s+(?:saniye|dakika|saat|gün|hafta|ay|yıl)\s+önce$|"
    r"^\d+\s+(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*|год\w*|лет)\s+назад$|"
    r"^vor\s+\d+\s+(?:Sekunden?|Minuten?|Stunden?|Tagen?|Wochen?|Monaten?|Jahren?)$|"
    r"^il y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)$|"
    r"^hace\s+\d+\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses|años?)$",
    re.I,
)
# A photo's caption ends with its credit: "(Photo: David Trilling)", "| Carl Court/Getty Images",
# "© 2019 Associated Press", "(Harvard-Smithsonian Center for Astrophysics)" after "Artist conception:".
CREDIT_ENDING = re.compile(
    r"(?:\((?:photo|image|picture|фото|credit)s?\s*:[^()]{2,80}\)|\b(?:photo|image)\s+credits?\s*:\s*[^.:]{2,60}|\|\s*[^|]{2,60}/(?:getty images|afp|reuters|ap|epa|"
    r"shutterstock|alamy|ria novosti|sputnik|tass|xinhua)|(?:getty images|shutterstock|alamy)(?:\s+\w+)?|"
    rf"©\s*(?:{YEAR}\s+)?[^©]{{2,60}})\s*\)?\.?$",
    re.I,
)
CAPTION_WORDS = 40  # a caption with its credit is at most this long
PRICE_LINE = re.compile(r"^(?:[$€£¥]\s?[\d.,]+|[\d.,]+\s?(?:[$€£¥]|usd|eur))\s*(?:/|per|a)\s*(?:month|year|week|mo|yr)$",
                        re.I)  # "$9.90/month": a subscription offer
NUMBER_LINE = re.compile(r"^[\d\s,.]+$")  # a view count, a page number, a like counter
MENU_SEPARATORS = re.compile(r"\s*(?:[|•·→»›]|\s{3,})\s*")  # "Тоҷикӣ | Русский | English", "Home → News →"
GLUED_WORDS = re.compile(r"[a-zа-яё]{3}[A-ZА-ЯЁ][a-zа-яё]")  # "TajikistanProfessors": two links run together
# "Other available languages: none", "Read in: English | Русский": a page's language switcher
LANGUAGE_SWITCH = re.compile(r"^(?:other\s+)?(?:available\s+)?(?:languages?|read in|also available in)\s*:", re.I)
# A cookie or consent notice, in the languages of the sites analysts read.
_CONSENT = (r"(?:accept|consent|polic|setting|preferenc|accett|consens|informativa|akzept|einstellung|datenschutz|"
            r"accepter|paramètre|consentement|aceptar|política|configuración)")
COOKIE_NOTICE = re.compile(rf"\bcookies?\b.{{0,300}}\b{_CONSENT}|\b{_CONSENT}.{{0,300}}\bcookies?\b", re.I)
# ... spoken by the site to its reader (an article about cookie law is not a notice)
NOTICE_VOICE = re.compile(r"\b(?:we use|this (?:site|website) uses|by (?:continuing|using)|you (?:accept|agree|can)|"
                          r"se hai scelto|utilizziamo|questo sito|puoi|wir verwenden|diese website|sie können|"
                          r"nous utilisons|ce site|vous pouvez|utilizamos|este sitio|usted puede)\b", re.I)
# "New: Gift this subscriber-only story to your friends and family", "Read the full story and more at $9.90/month"
PAYWALL = re.compile(r"\b(?:gift this (?:subscriber-only )?(?:story|article)|subscriber-only|read the full story and more"
                     r"|to read the full story|sign up to read|subscribe to (?:read|continue|unlock))\b", re.I)
CAPTION = re.compile(r"^(?:photo|photos|фото|image|images|picture|pictures|credit|photograph|illustration|иллюстрация|video|видео|"
                     r"источник изображения|источник фото)"
                     r"(?:\s+credits?)?(?:\s+by\b|\s*[:/©|-])", re.I)  # "Photo by Sgt. ...", "Photo credit: ..."
# Capitalised words with no word between that a sentence or a headline needs: "Kyrgyzstan Sadyr
# Zhaparov Minsk CSTO", a run of tags or menu items.
TOP_LINES = 12  # paragraphs: how far down a pasted page its headline is looked for
LEAD_WORDS = 30  # words: a paragraph this long is article text (the headline is above it, if any)
LEAD_WITHIN = 4  # paragraphs: the article's text starts this soon after its headline
SENTENCE_BREAK = re.compile(r"[.!?…]\s+\S")  # "1. What are your expectations ...?": a numbered question, not a headline
HEADLINE_TOLD = 0.34  # of a headline's words, the share its article says again (a menu item or slogan: none)
# A wire service's label before a headline it updates: "(Update 2)", "(LEAD)", "(2nd LD)", "(URGENT)"
WIRE_LABEL = re.compile(r"^\((?:update|lead|urgent|corrected|refile|\d+(?:st|nd|rd|th)\s+ld)(?:\s*\d+)?\)\s+(?=\S)", re.I)
HEADLINE_UNDER_TOLD = 0.5  # of a headline under its text: the share of its words the text above says
HEADLINE_TEXT_LINES = 25  # paragraphs below a headline that it is compared with
FUNCTION_WORDS = frozenset("""a an the of to in on at for with by from and or as is are was were be has have had
will would not no its their his her this that than over after into about against amid says said""".split())

# The other closed-class words a headline in Title Case may hold ("How Defense Choices Affect Military
# Readiness", "Choking Off China's AI Access"), and a run of tags never does.
CLOSED_WORDS = frozenset("""how why what when where who whom whose which while off up out down through under between
before during without within since until can could should may might must do does did it we you they he she i my our
your us them him me if but so yet nor all any each every some more most few many much very also just only new""".split())

LABEL_WORDS = frozenset("this that these share read follow related see also like more".split())  # "Share this article:"

# --- wire datelines: "DUSHANBE, July 13 (Xinhua) --", "MOSCOW, April 27. /TASS/.", "ДУШАНБЕ, 20 янв –
# РИА Новости, Лидия Исамова.", "Bishkek, Nov. 22, 2023. / Kabar/.", "Astana, Kazakhstan (AFP) June 16, 2025"
RU_MONTHS = r"янв\w*|фев\w*|мар\w*|апр\w*|ма[йя]\w*|июн\w*|июл\w*|авг\w*|сен\w*|окт\w*|ноя\w*|дек\w*"
_DAY = (rf"(?:(?i:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{YEAR}|/{YEAR})?|\d{{1,2}}\s+(?i:{MONTHS}|{RU_MONTHS})\.?"
        rf"(?:\s+{YEAR})?|\d{{1,2}}\.\d{{1,2}}\.{YEAR})")
_PLACE = r"[A-ZА-ЯЁ][^\W\d_'’-]*(?:['’-][^\W\d_]+)*(?:[ -][A-ZА-ЯЁ][^\W\d_'’-]*(?:['’-][^\W\d_]+)*){0,2}"
_AGENCY = r"[A-ZА-ЯЁ][\w&.’' -]{0,38}[\w.]"
_BRACKETED = r"[A-Za-zА-ЯЁ][\w&.’' -]{0,38}[\w.]"  # "(dpa-AFX)": in brackets an agency may start in lowercase
DATELINE = re.compile(
    rf"^(?:[Bb]y\s+(?P<by>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){{1,2}})\s+(?=[A-Z]{{3}}))?"  # "By Jane Roe BISHKEK (Reuters)"
    rf"(?P<place>{_PLACE})(?:,\s*(?P<country>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)|\s*\[[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\])?"
    rf"(?:[,.]?\s*(?P<day>{_DAY}))?[,.]?\s*"
    rf"(?:\(\s*(?P<a1>{_BRACKETED})\s*\)|/\s*(?P<a2>{_AGENCY})\s*/\.?"
    rf"|(?<=[,.] )(?P<a3>{_AGENCY})(?=\s*[–—]|\s+-+\s|,\s(?!\s*{_DAY})|\.\s|\.?$)"
    rf"|[–—]\s*(?P<a4>{_AGENCY})(?=,\s|\.\s))"
    rf"(?:\s*(?P<day2>{_DAY}))?"
    rf"(?:\s*[,.]\s*(?P<author>[A-ZА-ЯЁ][a-zа-яё]+\s[A-ZА-ЯЁ][a-zа-яё]+)\.)?"
    rf"\s*(?:[–—:.]|-{{1,2}})?",
)
# Without a place: "Sept 14 (Reuters) -".
DAY_DATELINE = re.compile(rf"^(?P<day>{_DAY})\s*\(\s*(?P<a1>{_AGENCY})\s*\)\s*(?:[–—:]|-{{1,2}})")
NOT_AGENCIES = re.compile(r"^(?:R|L|C|AP Photo|File|Photo|Reuters Photo|Video|Update|Updated|Corrected|"
                          r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)$|\d", re.I)  # a weekday is a date's
STAFF_BYLINE = re.compile(r"\b(?:staff|writers?|correspondents?|reporters?|editorial|agency|desk|newsroom|team)\b",
                          re.I)

# --- metadata lines ----------------------------------------------------------------------------
PUBLICATION_LINE = re.compile(
    r"^(?:publication|publisher|published in|source)\s*:\s*(?P<pub>.+?)"
    r"(?:,?\s+(?P<extra>(?:vol(?:ume)?|issue|no)\.?\s*:?\s*\d.*))?$",
    re.I,
)
BYLINE = re.compile(r"^[Bb]y(?:\s+|(?=[A-Z][a-z]))(?P<names>[A-Z\u0400-\u04ff][^.!?]{2,150})$")  # "ByBrian Bichang'a" too
# A memo's header lines: "From: Samuel Zierler", "Date: October 8th, 2020", "Re: E-Voting Initiative".
# A labelled field of the publication date: "Date Originally Published: November 27, 2017.", "Published on: ..."
PUBLISHED_FIELD = re.compile(r"^(?:date (?:originally |first )?published|(?:originally |first )?published(?: on)?|"
                             r"publication date|date of publication|posted on)\s*:\s*(?P<date>\S.{3,60}?)\.?$", re.I)
MEMO_LINE = re.compile(r"^(?P<label>from|date|re|subject|to|cc)\s*:\s*(?P<value>\S.{0,200})$", re.I)
MEMO_HEADER = 15  # paragraphs: where memo header lines are looked for
# Two or more personal names and nothing else, right under the title: "Jane Roe and John Doe".
NAMES_LINE = re.compile(r"^[^.!?:;]{3,120}(?:\s+and\s+|\s*&\s*|,\s+)[^.!?:;]{3,60}$")
SIGNATURE = re.compile(
    r"^(?P<name>[A-Z][\w’'.-]+(?:\s[A-Z][\w’'.-]+){1,3}),?\s+"
    r"(?P<role>editor|journalist|correspondent|reporter|analyst|contributor|writer|author|columnist)\b"
    r"(?:\s+(?:of|at|for)\s+(?P<pub>.+?))?\.?$",
    re.I,
)
ORIGINALLY_PUBLISHED = re.compile(
    r"(?:(?:This|The) (?:article|story|piece|interview|text|report)(?: by (?P<by>[A-Z][^.]{1,80}?))? (?:was|is|has been) )?"
    r"(?:originally|first) published(?: in (?:English|French|Russian|German|Spanish|Portuguese|Italian|Arabic|Chinese|"
    r"Turkish|Persian|Farsi|Ukrainian|Japanese|Korean|Dutch|Polish)\b)?"
    rf"(?: (?:on|in|by) (?P<where>(?!(?:{MONTHS})\b|\d)[^.]{{1,200}}?))?"
    rf"(?: on (?P<date>\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTHS}) {YEAR}|(?:{MONTHS}) \d{{1,2}},? {YEAR}))?\s*\.",
)
NAME_WORDS = re.compile(r"^[A-Z\u0400-\u04ff][\w’'.-]*(?:\s+(?:[A-Z\u0400-\u04ff][\w’'.-]*|de|van|von|al|bin)){1,3}$")
WEBSITE_WORDS = re.compile(r"(?:’s|'s)?\s+(?:(?:french|english|russian|german|official)\s+)?"
                           r"(?:website|site|web site|page|edition|blog)\b.*$", re.I)
IMPRINT = re.compile(  # "Published in 2024 by the United Nations ...", "Published on 4 May 2021."
    rf"(?:^|[.!?]\s+)(?:First )?Published (?:in|on) (?P<date>(?:\d{{1,2}}(?:st|nd|rd|th)? )?(?:(?:{MONTHS}) )?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?, )?{YEAR})\b(?! *[-–])")
SITE_NAME_CHARS = 20_000  # characters of a text searched for the name its address spells
NAME_JOINERS = frozenset("of the and for de la du des del di &".split())  # inside a name: "Office of the Mayor"
HEADLINE_SPLIT = re.compile(r"\s+[~|]\s+")

# --- who published it: credit lines a page or a wire story carries --------------------------------
# A metadata label alone on its line, its value on the next ("Source:" / "Connections: The Quarterly
# Journal, Volume 17"): the two are one line. Record pages (repositories, catalogues) print them so.
LABEL_ALONE = re.compile(r"^(?:source|publication|publication type|publisher|published|published in|journal|"
                         r"keywords|authors?|date|источник|manba)\s*:$", re.I)
# "Источник 24.kg", "Source: Xinhua" inside a short line of the page's opening or end.
SOURCE_LABEL = re.compile(r"(?:^|\s)(?:(?i:source|manba)\s*:|(?i:источник)\s*:?)\s*(?P<pub>[^\s:a-zа-яё].{0,60}?)\s*$")
BARE_LINK = re.compile(r"^https?://[^\s/]+\.[^\s/]+/\S*$")  # an address alone on its line
HOSTING_SITES = frozenset("blogspot wordpress substack medium livejournal tumblr github gitlab".split())
# A wire story's closing credits: "(Reporting by Nazarali Pirnazarov; Writing by Olzhas Auyezov;
# Editing by Raissa Kasolowsky)". Who reported and wrote it are its authors; editors are not.
# "Edited by Kenneth Odeng Adade", "Compiled by ...", "Translated by ...": who did what, not a headline
ROLE_CREDIT = re.compile(r"^(?:[A-Z][a-z]+ed|[Bb]y)\s+(?:by\s+)?[A-Z]")
CREDIT_LINE = re.compile(r"\((?P<credits>(?:additional\s+)?reporting by [^()]{3,300})\)\s*$", re.I)
AUTHOR_CREDITS = re.compile(r"^(?:additional\s+)?(?:reporting|writing|written|compiled)\s+by\s+(?P<names>.+)$", re.I)
# An aggregator's credit before a wire story: "(MENAFN- Kuwait News Agency (KUNA)) KUWAIT -".
AGGREGATOR_CREDIT = re.compile(r"^\((?P<carrier>[A-Z][A-Za-z.]{2,20})\s*-\s*(?P<pub>[^()]{2,60}(?:\([^()]{2,20}\))?)\)")
# The agency's credit closing a story: "... red palm oil would continue to be promoted. – Bernama"
CLOSING_AGENCY = re.compile(r"[.!?”\"]\s+[–—-]{1,2}\s*(?P<pub>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2})\s*$")
# A press release as a wire service carries it: "GENEVA, Switzerland, Jan. 22 -- The World
# Meteorological Organization issued the following news release:".
RELEASE_OF = re.compile(r"\b(?:[Tt]he\s+)?(?P<pub>[A-Z][\w.&’'-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w.&’'-]*)){0,8}?)\s+"
                        r"(?:issued|released|published)\s+the\s+following\s+(?:news release|press release|statement|"
                        r"release|report|fact sheet)\b")
# An editorial's label: "The Straits Times says", "The Irish Times view on the housing crisis: ...".
EDITORIAL_LABEL = re.compile(r"^(?P<pub>The\s+(?:[A-Z][\w.&-]*\s+){0,3}?[A-Z][\w.&-]*)\s+(?:says$|view\s+on\b)")
# A headline with its periodical's citation after it: "Frontier Descending Into Deadly Violence,
# Eurasia Daily Monitor Volume: 16 Issue: 111".
CITED_HEADLINE = re.compile(r"^(?P<title>.{10,200}?),\s+(?P<pub>[A-Z][^,]{2,60}?)\s+Vol(?:ume)?\.?:?\s*\d+"
                            r"(?:,?\s+(?:Issue|No\.?|Number):?\s*\d+)?$")
# About the author: "David Trilling is EurasiaNet's Central Asia editor.", "Dr Daria Isachenko is
# an Associate at the Centre for Applied Turkey Studies (CATS)."
BIO_SENTENCE = re.compile(
    r"^(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w.’'-]+){1,2})\s+is\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?P<pub>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})[’']s\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?i:editor|correspondent|reporter|writer|journalist|analyst|columnist|contributor|fellow|associate|researcher|"
    r"professor|lecturer|scholar|author|expert|founder)\b"
)
# A think tank's paper series line: "SWP Research Paper 2023/RP 12, 17.10.2023, 32 Seiten".
PAPER_SERIES = re.compile(r"^(?P<pub>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}?)\s+(?:Research|Working|Policy|Discussion|"
                          r"Occasional|Briefing|Analysis)\s+(?:Paper|Brief|Note)\b")
BIO_WORDS = 60  # a paragraph about its author is at most this long
# A journal's citation or masthead line: "CENTRAL ASIA AND THE CAUCASUS No. 3(57), 2009",
# "Connections: The Quarterly Journal, Volume 17, Issue 1, p.21-41 (2018)".
JOURNAL_LINE = re.compile(
    rf"^(?P<pub>[^,()]{{3,80}}?)[,.]?\s+(?:vol(?:ume)?\.?|no\.|issue|№)\s*\d[^\n]{{0,60}}?\(?(?P<year>{YEAR})\)?\.?$",
    re.I,
)
# "(07/02/2014 issue of the CACI Analyst)": the issue of a periodical the text appeared in.
ISSUE_OF = re.compile(r"\b(?:issue|edition|number) of (?:the )?(?P<pub>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,5})")
# The agency's own credit at the end of a lead sentence: "..., Trend reports.", "..., RFE/RL's
# Tajik Service reports.", "..., reports Kabar." Present tense only: "X reported" cites another outlet.
REPORTS = re.compile(
    r",\s+(?:(?P<pub>[A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*){0,3}?)(?:[’']s\s+(?:[A-Z][\w-]*\s+){1,3}"
    r"(?:Service|Bureau|Desk|Edition))?\s+(?:reports|informs|writes)"
    r"|(?:reports|informs|writes)\s+(?P<pub2>[A-Z][\w/&.’'-]*(?:\s+[A-Z][\w/&.’'-]*){0,3}))\s*\.?$"
)
# A notice on the page: "© 2025 Kabar", "Copyright of materials of News Agency Kazakhstan Today.",
# "may not be reproduced without reference to Kazakhstan Today", "ссылка на Kabar обязательна".
COPYRIGHT_HOLDER = re.compile(
    rf"^(?:©|(?:\(c\)|copyright)\s*(?=©|{YEAR}|of\s|by\s))\s*(?:©\s*)?(?:of (?:the )?materials of\s+)?"
    rf"(?:{YEAR}(?:\s*[-–]\s*{YEAR})?\s*,?\s*)?(?:by\s+)?"
    rf"(?P<pub>[A-Z\u0400-\u04ff][^.,;|©]{{1,60}}?)(?:\s+{YEAR})?\s*(?:[.,;|]|all rights reserved|$)",
    re.I,
)
REPRODUCTION = re.compile(
    r"\b(?:reproduc\w*|reprint\w*|republish\w*|cop(?:y|ied)|quot\w+|use[ds]?)\b[^.]{0,80}?"
    r"\b(?:without|with)\s+(?:a\s+)?(?:reference|link|hyperlink|credit|attribution)\s+to\s+(?:the\s+)?"
    r"(?P<pub>[A-Z\u0400-\u04ff][^.,;]{1,60}?)\s*(?:[.,;]|is\b|$)"
    r"|ссылка на (?P<pub2>[^\s.,;]+(?:\s[^\s.,;]+){0,3}) обязательна",
)
AGENCY_WORDS = re.compile(r"^(?:(?:the\s+)?(?:news|information|press)\s+agency\s+)|\s+(?:news|information|press)\s+"
                          r"agency$|\s+(?:newspaper|magazine|daily|weekly)$", re.I)
# An interview and the outlet it was given to: "gave an interview to AKIpress", "interview ... to
# Jumhuriyat newspaper", "interview with Navbahor Imamova of Voice of America" (the interviewer of an outlet).
INTERVIEW_QUOTED = re.compile(r"\b(?i:interview)\s+(?:to|for|with)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+){0,2}"
                              r"(?:newspaper|daily|weekly|magazine|news agency|agency|channel|radio|TV|website)\s+"
                              r"[“\"«](?P<pub>[^”\"»]{2,60})[”\"»]")
INTERVIEW_TO = re.compile(
    r"\b(?i:interview)(?:ed)?\s+(?:of\s+[^.]{0,80}?\s+)?(?:to|for|with)\s+(?:the\s+)?"
    r"(?:(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+of\s+(?:the\s+)?)?"
    r"(?P<pub>[A-Z][\w.&-]*(?:\s+(?:of|for|and)\s+[A-Z][\w.&-]*|\s+[A-Z][\w.&-]*){0,5})"
    r"(?:’s|'s)?(?=\s+(?:newspaper|news agency|agency|magazine|channel|radio|website|daily|weekly)\b|\s*[,.;:(]|"
    r"\s+(?:in|on|at|about|which|who|that|and|to|from|under|marking|ahead|before|after|during)\b|\s*$)"
)
# Who was interviewed: "Foreign Minister Sergey Lavrov's interview", "Ruslan Kazakbayev gave an
# interview", "interview of X with Sirojidin Aslov, Minister", "Sirodjidin Aslov was interviewed by".
_PERSON = r"[A-Z][a-z’'-]+\s+[A-Z][a-z’'-]+"  # given name and surname
INTERVIEWEE = re.compile(
    rf"(?P<a>{_PERSON})(?:[’']s\s+(?:exclusive\s+)?interview\b|\s+(?:gave|has given|granted)\s+an?\s+(?:exclusive\s+)?"
    rf"interview\b|\s+was\s+interviewed\b|\s+in\s+an?\s+(?:exclusive\s+)?interview\s+with\b)"
    rf"|\binterview\s+of\s+[^.]{{0,120}}?\bwith\s+(?:(?:[A-Z][a-z]+\s+){{0,3}})?(?P<b>{_PERSON})(?=,|\s+\()"
    rf"|\b(?:Q\s?&\s?A|(?i:interview))\s+with\s+[^.:;]{{0,80}}?(?P<c>{_PERSON})\s*$",  # a headline: "Q&A with ... Elizabeth Truss"
)

# --- dates ------------------------------------------------------------------------------------
DATE_ONLY_LINE = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}),?\s+{YEAR}"
    rf"|{YEAR}-\d\d-\d\d|\d{{1,2}}[./]\d{{1,2}}[./]{YEAR})\.?$",
    re.I,
)
# A short line in the opening that starts with a date ("September 17, 2019, 12:51  Source 24.kg",
# "07.08.201413:24", "Wednesday, 02 July 2014 12:32"): the page's date, and furniture around it.
DATE_LEAD = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?P<date>(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}),?\s+{YEAR}"
    rf"|{YEAR}-\d\d-\d\d|\d{{1,2}}[./]\d{{1,2}}[./]{YEAR})(?![\d./-]\d)",
    re.I,
)
# A date with its year anywhere in a short opening line whose other words are few: a time, a source
# label, an interface word glued on ("time29-05-2025", "Xinhua) 13:48, July 14, 2021").
DATE_IN_LINE = re.compile(
    rf"(?P<date>(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}),?\s+{YEAR}"
    rf"|{YEAR}-\d\d-\d\d|\d{{1,2}}[./-]\d{{1,2}}[./-]{YEAR})(?![\d./-]\d)",
    re.I,
)
# Where a dateline ends and the article's first sentence begins: a dash, or its closing bracket.
DATELINE_END = re.compile(r"\s(?:-{1,2}|[–—])\s+(?=[A-ZА-ЯЁ«“\"])|\)\s*(?:[–—:]|-{1,2})?\s*(?=[A-ZА-ЯЁ«“\"])")
DATELINE_CHARS = 120  # a dateline ends this near the start of its paragraph
DATELINE_PREFIX_WORDS = 16  # words of place, date and agency before the dash: more, and it is a sentence
# A headline's closing date, after a comma: "..., Moscow, May 31, 2016", "..., 5 June 2023"
CLOSING_DATE = re.compile(rf",\s+(?P<date>(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|\d{{1,2}}\s+(?:{MONTHS}),?\s+{YEAR})\.?$",
                          re.I)
DATE_IN_LINE_OTHER_WORDS = 2  # words beside the date and a time: more, and the line is a sentence or a headline
DATE_LEAD_WORDS = 12  # a line longer than this that starts with a date is a sentence ("May 4, 2021 saw...")
MONTH_YEAR_LINE = re.compile(rf"^(?:{MONTHS}),?\s+{YEAR}\.?$", re.I)  # "December 2025" under a report's title
OPENING = 10  # paragraphs: where a line of a month and a year alone is a date line, not a heading
# A year given with a month, a day or a season: evidence of when the text was written.
DATED_REFERENCE = re.compile(
    rf"\b(?:(?:{MONTHS})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:of\s+)?(?P<y1>{YEAR})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS}),?\s+(?P<y2>{YEAR})"
    rf"|(?:{SEASONS})\s+(?:of\s+)?(?P<y3>{YEAR})"
    rf"|\d{{1,2}}/\d{{1,2}}/(?P<y4>{YEAR})"
    rf"|[A-Z][\w]+-(?P<y5>{YEAR}))\b",
)
# Words before a dated reference that make it a deadline or a plan, not something that happened.
FUTURE_CONTEXT = re.compile(
    r"\b(?:until|till|by|before|through|scheduled for|planned for|expected in|due in|to run to|expires? in|"
    r"from now to|up to)\s+(?:the\s+)?(?:(?:end|spring|summer|autumn|fall|winter|beginning|start) of\s+)?\S*\s*$",
    re.I,
)
# Dates without a year ("On April 2", "March 28-29", "last month"): the text speaks of its present.
YEARLESS_REFERENCE = re.compile(
    rf"\b(?:(?:on|since|from|by|until|of|in late|in early|end of|the)\s+(?:{MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"(?![\w,]*\s*,?\s*(?:of\s+)?{YEAR})"
    r"|this year|last (?:month|week|year)|yesterday|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)

# --- source type cues ---------------------------------------------------------------------------
# A transcript's turn: "Mayor Eric Adams: ...", "BRIAN LEHRER: ...", "Question: ..." (a label of one to
# four capitalised words, a colon, the words said)
SPEAKER_TURN = re.compile(r"^(?P<who>(?:[A-Z][\w.’'-]*|de|van|von|al|bin)(?: (?:[A-Z][\w.’'-]*|de|van|von|al|bin)){0,3}):\s+(?=\S)")
ASKER_LABELS = frozenset("question q interviewer host answer a reporter journalist audience".split())
FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b")  # "Max Kozlov", "Bill de" not
INTERVIEW_TURN = re.compile(r"^(?:[–—-]\s|Q\s*[:.]|Question\s*:)")
NEWS_CUES = re.compile(
    r"\b(?:said|says|announced|told|declared|stated|reported|according to|yesterday|on (?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)
ANALYSIS_CUES = re.compile(
    r"\b(?:however|therefore|nonetheless|moreover|in this context|must be seen|in contrast|in many ways|"
    r"indeed|of course|arguably|it is likely|may well|suggests?|signal|implications?|thus)\b",
    re.I,
)

# --- key points ---------------------------------------------------------------------------------
# A sentence that opens like this leans on the one before it; quoted alone it loses its meaning.
# A sentence that opens on a connective ("In addition, ...", "By the way, ...") leans on the one before:
# as a statement on its own it counts for less (brief.py).
CONNECTIVE_START = re.compile(
    r"^[“\"‘]?(?:In addition|Besides|Moreover|Furthermore|However|Indeed|Nevertheless|Still|Thus|Therefore|Hence|"
    r"By the way|At the same time|On the one hand|On the other hand|Meanwhile|Similarly|Likewise|Instead|Otherwise|"
    r"As a result|For example|For instance|In turn|In contrast|Probably|Perhaps|Of course)\b"
)
DANGLING_START = re.compile(
    r"^[“\"‘]?(?:But|And|Or|So|Yet|Also|He|She|It|They|Them|His|Her|Its|Their|This|These|Those|That|Such|"
    r"The latter|The former|Both)\b"
)


# ── Names (entities.discover): English usage, not any topic ────────────────────────────────
# Lowercase words that may join the capitalised words of one name: "Ministry of the Interior".
NAME_CONNECTORS = frozenset({"of", "the", "for", "de", "du", "la", "al", "el", "bin", "ibn", "von", "van", "der"})
# Capitalised at a sentence start, these are ordinary words, not the start of a name.
COMMON_WORDS = frozenset("""
a an the this that these those it its he she they we i you his her their our my your there here
in on at by for from to with into onto over under after before since until during while when where
why how what which who whom whose whether if unless although though because as so yet but and or
nor not no yes also even only just still already again however moreover meanwhile furthermore
therefore thus hence indeed besides instead perhaps maybe probably certainly surely recently now
today yesterday tomorrow tonight last next first second third then finally both each every all some
many most much more few several such other another according unlike like despite given following
among between within without about above below across along around near toward towards of
agree agreed being having once twice earlier later soon lately currently
""".split())
CALENDAR_WORDS = frozenset("""
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
""".split())
# Capitalised titles before a name: dropped from the name, and a sign that it names a person.
TITLES = frozenset("""
President Vice Prime Minister Ministers Deputy Foreign Defence Defense Interior General Colonel-General
Lieutenant-General Major-General Colonel Lieutenant Major Captain Admiral Marshal Sergeant Commander
Secretary Secretary-General Chairman Chairwoman Chair Chief Head Director Ambassador Envoy Spokesman
Spokeswoman Senator Governor Mayor King Queen Prince Princess Sheikh Emir Mufti Grand Mr Mrs Ms Dr Prof
Professor Sir Lord Editor Correspondent Colonel-general Premier Vice-Premier
""".split())
TITLE_WORDS = frozenset(t.lower() for t in TITLES) | {"leader", "journalist", "analyst", "expert", "counterpart"}
# A single capitalised word followed by one of these is used as a noun ("Khorog, while", "Sharipov said").
NOUN_FOLLOWERS = frozenset("""
is was are were has had have will would could can may might must shall should did does do
said says told added explained declared stated noted announced reported believes believed
and or to in on at of for with by from as that who which whose where when than but
""".split())
# Small words skipped when an acronym is matched to its expansion: "Partnership for Peace (PfP)".
ACRONYM_SMALL_WORDS = frozenset("of the and for in on at to with de des du la".split())
# "Central Asian states", "North American markets": a region's adjective before a noun is no name.
COMPASS_WORDS = frozenset("""
North South East West Central Northern Southern Eastern Western Northeast Northwest Southeast Southwest
""".split())
DEMONYM_ENDINGS = ("an", "ese", "ish")
# "President of the Republic of Belarus Alexander Lukashenko": a state named by its form, then a place.
STATE_FORMS = frozenset("Republic Kingdom Emirate Sultanate Principality Federation Commonwealth State".split())
# A name before one of these is a place's: "Batken region", "Logar province", "Leilek district".
AREA_WORDS = frozenset("region province district oblast county prefecture governorate municipality".split())
# A single capitalised word after one of these, used as a noun, is probably a place: "in Almaty".
PLACE_PREPOSITIONS = frozenset("in from to near at via across outside inside into towards toward".split())
SPEECH_VERBS = frozenset("said says told added explained declared stated noted announced believes believed".split())
ORG_HEADS = frozenset("""
Ministry Committee Organisation Organization Union Council Agency Forces Army Navy Group Party Movement
Institute University Universities Academy Bank Company Corporation Staff Directorate Embassy Service
Front Alliance Federation Commission Assembly Parliament Court Office Department Bureau Centre Center
Association Foundation Fund Guard Guards Brigade Regiment Division Battalion Corps News Agency Press
Times Post Gazette Gazeta Radio Television TV Airlines
""".split())
PLACE_HEADS = frozenset("""
Region District Province Valley River Mountains Mountain Lake Sea Gulf Oblast Pass Range City County
Island Islands Desert Plateau Airport Base Airbase Dam Bridge Port Border Crossing
""".split())
