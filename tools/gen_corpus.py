#!/usr/bin/env python3
"""Synthetic news-corpus generator for aikg speed and recall benchmarks.

Writes N made-up news articles about AI partnerships, in Korean (about 70 %)
and English, as JSON Lines in aikg's input format, together with a gold file
(samples/gold.tsv format) that lists every relation each article states.

    tools/gen_corpus.py --articles 100000 --seed 7 --out corpus.jsonl --gold gold.tsv
    aikg ingest --db c.db corpus.jsonl && aikg eval --db c.db --gold gold.tsv

Everything here is invented: the organisations and people are real names from
the project's gazetteer (data/gazetteer/, read relative to this script), but
the deals between them are random. All sentences come from this file's own
templates. Standard library only; output is byte-identical for the same
arguments (Python 3.8+), and article n does not depend on --articles or
--shards, so a small corpus is a prefix of a larger one with the same seed.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZETTEER_DIR = os.path.join(ROOT, "data", "gazetteer")

STATUSES = ("done", "planned", "talks", "speculated", "ended")
STATUS_WEIGHTS = (0.44, 0.2, 0.13, 0.13, 0.1)
DIRECTED = {"investment", "supply", "reseller", "acquisition", "participation", "subsidiary_of"}
PARTY_KINDS = ("company", "group", "government")

# How often each relation type leads an article, and appears later in it (relative weights).
LEAD_TYPES = (
    ("mou", 14), ("partnership", 12), ("investment", 12), ("supply", 9), ("contract", 8),
    ("loi", 5), ("joint_development", 7), ("acquisition", 7), ("meeting", 7), ("participation", 6),
    ("joint_venture", 4), ("reseller", 3), ("merger", 2), ("competition", 2),
)
SECONDARY_TYPES = (
    ("mou", 8), ("partnership", 8), ("investment", 10), ("supply", 7), ("contract", 6), ("loi", 3),
    ("joint_development", 5), ("acquisition", 5), ("participation", 6), ("joint_venture", 3),
    ("reseller", 3), ("merger", 2), ("competition", 9), ("subsidiary_of", 9),
)
LEAD_TYPE_NAMES, LEAD_TYPE_WEIGHTS = tuple(t for t, _ in LEAD_TYPES), tuple(w for _, w in LEAD_TYPES)
SECONDARY_TYPE_NAMES = tuple(t for t, _ in SECONDARY_TYPES)
SECONDARY_TYPE_WEIGHTS = tuple(w for _, w in SECONDARY_TYPES)
# Leads after which "the deal" can be talked about ("양사는 이번 합의에 따라 ...").
DEAL_TYPES = {"loi", "mou", "partnership", "contract", "investment", "supply", "reseller",
              "joint_development", "joint_venture"}
NO_RELATION_SHARE = 0.04  # articles that state no relation at all (gold "none")

# Statuses each type can sensibly take (rivalry and ownership are states, not deals).
TYPE_STATUSES = {
    "competition": ("done", "speculated"),
    "subsidiary_of": ("done",),
}

# Kinds allowed on each side: c company, g business group, v government.
TYPE_KINDS = {
    "loi": ("cgv", "cg"), "mou": ("cgv", "cgv"), "partnership": ("cgv", "cg"), "contract": ("cgv", "c"),
    "investment": ("cgv", "c"), "supply": ("c", "cv"), "reseller": ("c", "c"),
    "joint_development": ("cgv", "c"), "joint_venture": ("cg", "c"), "merger": ("c", "c"),
    "acquisition": ("cg", "c"), "meeting": ("cg", "cg"), "participation": ("cgv", ""),
    "subsidiary_of": ("c", "cg"), "competition": ("c", "c"),
}
KIND_LETTER = {"company": "c", "group": "g", "government": "v"}
# Mostly companies; business groups and governments now and then (draw one letter).
KIND_DRAWS = {"c": "c", "cg": "c" * 8 + "gg", "cv": "c" * 17 + "vvv", "cgv": "c" * 14 + "gggvvv"}

UNKNOWN_SHARE = 0.1  # share of company slots filled by an invented organisation

# ------------------------------------------------------------ Korean sounds --

# 0: the word ends in a vowel, 1: in a final consonant (batchim), 2: in ㄹ
# (which takes 로, not 으로). Latin acronyms are read letter by letter (엠, 엘).
LETTER_SOUND = {"L": 2, "R": 2, "M": 1, "N": 1}
DIGIT_SOUND = {"0": 1, "1": 2, "3": 1, "6": 1, "7": 2, "8": 2}
WORD_SOUND = {"ARM": 1, "Arm": 1, "LS ELECTRIC": 1, "Groq": 1, "Alphabet": 1, "Capital": 2}


_SOUNDS = {}


def final_sound(word: str) -> int:
    """How a Korean particle after `word` must start: 0 vowel, 1 consonant, 2 ㄹ."""
    sound = _SOUNDS.get(word)
    if sound is None:
        sound = reading_sound(word)
        if len(_SOUNDS) < 50000:  # aliases and common phrases; bounded memory
            _SOUNDS[word] = sound
    return sound


def reading_sound(word: str) -> int:
    w = word.rstrip(")]'\"")
    if not w:
        return 0
    if w in WORD_SOUND:
        return WORD_SOUND[w]
    last_token = w.rsplit(" ", 1)[-1]
    if last_token in WORD_SOUND:
        return WORD_SOUND[last_token]
    ch = w[-1]
    code = ord(ch) - 0xAC00
    if 0 <= code < 11172:
        jong = code % 28
        return 0 if jong == 0 else 2 if jong == 8 else 1
    if ch in DIGIT_SOUND:
        return DIGIT_SOUND[ch]
    if "0" <= ch <= "9":
        return 0
    if ch.isascii() and ch.isalpha():
        run = len(w)
        while run > 0 and w[run - 1].isascii() and w[run - 1].isalpha():
            run -= 1
        letters = w[run:]
        if letters.isupper() or len(letters) == 1:
            return LETTER_SOUND.get(ch.upper(), 0)
    return 0  # mixed-case words and symbols: the vowel forms, as the press mostly writes them


# particle key -> (after a vowel, after a consonant, after ㄹ)
KO_PARTICLES = {
    "": ("", "", ""),
    "은": ("는", "은", "은"),
    "이": ("가", "이", "이"),
    "와": ("와", "과", "과"),
    "을": ("를", "을", "을"),
    "의": ("의", "의", "의"),
    "에": ("에", "에", "에"),
    "도": ("도", "도", "도"),
    "에서": ("에서", "에서", "에서"),
    "로": ("로", "으로", "로"),
    "로부터": ("로부터", "으로부터", "로부터"),
    "와의": ("와의", "과의", "과의"),
    "와도": ("와도", "과도", "과도"),
}


def with_particle(word: str, key: str) -> str:
    return word + KO_PARTICLES[key][final_sound(word)]


# ---------------------------------------------------------------- gazetteer --


class Org:
    __slots__ = ("name", "kind", "parent", "ko", "en")

    def __init__(self, name, kind, parent, ko, en):
        self.name, self.kind, self.parent, self.ko, self.en = name, kind, parent, ko, en


class Person:
    __slots__ = ("name", "org", "ko", "en", "ko_title", "en_title", "ko_short", "korean")

    def __init__(self, name, org, ko, en, ko_title, en_title, ko_short, korean):
        self.name, self.org, self.ko, self.en = name, org, ko, en
        self.ko_title, self.en_title, self.ko_short, self.korean = ko_title, en_title, ko_short, korean


# Titles as the press uses them; people not listed get 회장/Chairman when they
# lead a business group, else 대표/CEO (Korean names) or CEO (others).
TITLES = {
    "Lee Jae-yong": ("회장", "Chairman"), "Chey Tae-won": ("회장", "Chairman"),
    "Koo Kwang-mo": ("회장", "Chairman"), "Chung Euisun": ("회장", "Chairman"),
    "Masayoshi Son": ("회장", "Chairman"), "Larry Ellison": ("회장", "Chairman"),
    "Michael Dell": ("회장", "Chairman"), "Shin Dong-bin": ("회장", "Chairman"),
    "Kim Beom-su": ("창업자", "founder"), "Lee Hae-jin": ("창업자", "founder"),
    "Jeff Bezos": ("창업자", "founder"), "Ren Zhengfei": ("창업자", "founder"),
    "Alexandr Wang": ("창업자", "founder"), "Greg Brockman": ("사장", "President"),
    "Brad Smith": ("부회장", "Vice Chairman"), "Jun Young-hyun": ("부회장", "Vice Chairman"),
    "Kim Dong-kwan": ("부회장", "Vice Chairman"), "Kyung Kye-hyun": ("사장", "President"),
    "Roh Tae-moon": ("사장", "President"), "Bret Taylor": ("이사회 의장", "Chairman"),
    "Sarah Friar": ("CFO", "CFO"), "Brad Lightcap": ("COO", "COO"),
}
NO_TITLE = {"Jason Kwon", "Fidji Simo"}  # roles the title lexicon does not cover


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def split_aliases(field):
    return tuple(a for a in field.split("|") if a)


def is_korean_name(alias: str) -> bool:
    return len(alias) == 3 and all("\uac00" <= c <= "\ud7a3" for c in alias)


class World:
    """The gazetteer, arranged for picking parties quickly."""

    def __init__(self, directory: str):
        self.orgs = {}
        for row in read_tsv(os.path.join(directory, "organisations.tsv")):
            name, kind, parent, ko, en = (row + [""] * 5)[:5]
            self.orgs[name] = Org(name, kind, parent, split_aliases(ko), split_aliases(en))
        self.ancestors = {name: self._ancestors(name) for name in self.orgs}
        # An organisation, its parents and its affiliates: never two parties of one deal.
        self.family = {name: {name} | anc for name, anc in self.ancestors.items()}
        for name, anc in self.ancestors.items():
            for a in anc:
                self.family[a].add(name)
        self.aliases = {a for o in self.orgs.values() for a in o.ko + o.en}
        self.pools = {}  # (lang, kind letter) -> [Org]
        for org in self.orgs.values():
            if org.kind not in PARTY_KINDS:
                continue
            for lang in ("ko", "en"):
                if getattr(org, lang):
                    self.pools.setdefault((lang, KIND_LETTER[org.kind]), []).append(org)
        self.projects = {lang: [o for o in self.orgs.values() if o.kind == "project" and getattr(o, lang)]
                         for lang in ("ko", "en")}
        self.media = {lang: [o for o in self.orgs.values() if o.kind == "media" and getattr(o, lang)]
                      for lang in ("ko", "en")}
        # Affiliates whose parent can be named in both languages.
        self.affiliates = {lang: [o for o in self.orgs.values() if o.kind == "company" and o.parent
                                  and getattr(o, lang) and self.orgs.get(o.parent)
                                  and self.orgs[o.parent].kind in ("company", "group")
                                  and getattr(self.orgs[o.parent], lang)] for lang in ("ko", "en")}
        self.people = {}  # org name -> [Person]
        for row in read_tsv(os.path.join(directory, "people.tsv")):
            name, _, org, ko, en = (row + [""] * 5)[:5]
            o = self.orgs.get(org)
            if not o or o.kind not in ("company", "group") or name in NO_TITLE:
                continue
            ko_names, en_names = split_aliases(ko), split_aliases(en)
            if not ko_names or not en_names:
                continue
            korean = is_korean_name(ko_names[0])
            ko_title, en_title = TITLES.get(name) or (
                ("회장", "Chairman") if o.kind == "group" else ("대표", "CEO") if korean else ("CEO", "CEO"))
            if korean:
                short = ko_names[0][0]  # "이 회장": surname and title
            else:  # "올트먼 CEO": the surname alias, when the gazetteer has one
                short = next((a for a in ko_names[1:] if " " not in a), "")
            self.people.setdefault(org, []).append(
                Person(name, org, ko_names[0], en_names[0], ko_title, en_title, short, korean))
        self.people_orgs = {lang: [self.orgs[n] for n in self.people if getattr(self.orgs[n], lang)]
                            for lang in ("ko", "en")}
        self.unknown = {"ko": self._unknown_korean(), "en": self._unknown_english()}

    def _ancestors(self, name):
        seen, org = set(), self.orgs.get(name)
        while org and org.parent and org.parent not in seen:
            seen.add(org.parent)
            org = self.orgs.get(org.parent)
        return seen

    def _fresh(self, name):
        """Neither an alias nor an alias followed by more letters."""
        return not any(name[:k] in self.aliases for k in range(2, len(name) + 1))

    def _unknown_korean(self):
        """Hangul names with a company ending, and some Latin ones ("Nimbus Labs가")."""
        names = [h + t for h in KO_UNKNOWN_HEADS for t in KO_UNKNOWN_TAILS]
        names += [h + " " + t for h in EN_UNKNOWN_HEADS for t in ("Labs", "Robotics")]
        return [n for n in names if self._fresh(n) and self._fresh(n.split()[0])]

    def _unknown_english(self):
        names = [h + " " + t for h in EN_UNKNOWN_HEADS for t in EN_UNKNOWN_TAILS]
        return [n for n in names if self._fresh(n) and self._fresh(n.split()[0])]


# Invented organisations: heads and company endings the extractor treats as
# candidate names (data/lexicon/candidates.tsv).
KO_UNKNOWN_HEADS = ("한빛", "새봄", "누리", "다온", "가온", "라온", "미르", "하람", "해솔", "나래", "소담", "윤슬",
                    "도담", "초롱", "별하", "늘봄", "이룸", "채움", "여울", "한결", "푸르미", "온새미", "다솜", "비채")
KO_UNKNOWN_TAILS = ("테크", "랩스", "바이오", "로보틱스", "에이아이", "소프트", "모빌리티", "솔루션즈",
                    "테크놀로지스", "시스템즈", "네트웍스", "AI")
EN_UNKNOWN_HEADS = ("Nimbus", "Kestrel", "Aperture", "Halcyon", "Verdant", "Quillon", "Arborline", "Meridian",
                    "Brightwater", "Northwind", "Ironwood", "Bluefin", "Silverline", "Corvid", "Tessera", "Vireo",
                    "Solstice", "Lattice", "Cinder", "Marlowe", "Oriel", "Pallas", "Runestone", "Sableview")
EN_UNKNOWN_TAILS = ("Labs", "Robotics", "Systems", "Technologies", "Holdings", "Ventures", "Inc.", "Corp.")

# ------------------------------------------------------------------ parties --


class Party:
    """One name as written in an article, with the gold names it stands for."""

    __slots__ = ("names", "text", "sound", "ko", "kind")

    def __init__(self, names, text, ko, kind="company"):
        self.names, self.text, self.ko, self.kind = names, text, ko, kind
        self.sound = final_sound(text) if ko else 0

    def form(self, key: str) -> str:
        if self.ko:
            return self.text + KO_PARTICLES[key][self.sound]
        if key == "'s" and self.text.endswith("s"):
            return self.text + "'"
        return self.text + key  # English: "" or "'s"


class Fields(dict):
    """Template fields, made when a template asks for them: "{A은}" is party A
    with the right form of 은/는, "{topic}" a topic drawn once per sentence."""

    __slots__ = ("parties", "rng", "date", "makers")

    def __init__(self, parties, rng, date, makers):
        super().__init__()
        self.parties, self.rng, self.date, self.makers = parties, rng, date, makers

    def __missing__(self, key):
        maker = self.makers.get(key)
        value = maker(self) if maker else self.parties[key[0]].form(key[1:])
        self[key] = value
        return value


def choice(rng, seq):
    return seq[int(rng.random() * len(seq))]


def weighted(rng, items, weights):
    x = rng.random() * sum(weights)
    for item, w in zip(items, weights):
        x -= w
        if x < 0:
            return item
    return items[-1]


NO_ARTICLE = ("Mubadala", "Korea Eximbank")


def english_form(org: Org, alias: str) -> str:
    """ "the Ministry of Science and ICT", "the EU" but "Mubadala"."""
    if org.kind != "government" or alias.startswith(NO_ARTICLE):
        return alias
    return "the " + alias


def korean_list(members, rng, with_count):
    """ "A, B, C 등 3사", "A, B, C" or "A·B" (the members sign together, or each with a third)."""
    texts = [m.text for m in members]
    names = tuple(n for m in members for n in m.names)
    if with_count:
        companies = all(m.kind in ("company", "group") for m in members)
        noun = choice(rng, ("사", "개사")) if companies else "곳"
        return Party(names, ", ".join(texts) + " 등 " + str(len(texts)) + noun, True)
    if len(texts) == 2 and rng.random() < 0.5:
        return Party(names, texts[0] + "·" + texts[1], True)
    return Party(names, ", ".join(texts[:-1]) + ", " + texts[-1], True)


def english_list(members):
    texts = [m.text for m in members]
    head = ", ".join(texts[:-1])
    return Party(tuple(n for m in members for n in m.names), head + " and " + texts[-1], False)


# ---------------------------------------------------------------- the story --


class Story:
    """What one article says: its parties so far and its gold relations."""

    def __init__(self, world: World, lang: str, rng: random.Random):
        self.world, self.lang, self.rng = world, lang, rng
        self.ko = lang == "ko"
        self.used = set()  # gold names already in the article
        self.blocked = set()  # those and their parents and affiliates
        self.gold = {}  # (type, a, b) -> status
        self.pair = None  # the latest bilateral pair, for 양사 / the two companies
        self.last_person = None  # for "이 회장" later in the article
        self.group = 0  # size of the lead's signatory list, if any
        self.single = None  # the one party of a "각각" lead
        self.lead_type = self.lead_status = None

    # -- gold --
    def add(self, rtype, sources, targets, status):
        for s in sources:
            for t in targets:
                if s == t:
                    continue
                a, b = (s, t) if rtype in DIRECTED or s < t else (t, s)
                key = (rtype, a, b)
                old = self.gold.get(key)
                if old is None or STATUSES.index(status) < STATUSES.index(old):
                    self.gold[key] = status

    def add_all_pairs(self, rtype, names, status):
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                self.add(rtype, (a,), (b,), status)

    def has(self, rtype, a, b):
        if rtype not in DIRECTED and b < a:
            a, b = b, a
        return (rtype, a, b) in self.gold

    # -- parties --
    def free(self, name):
        return name not in self.blocked

    def take(self, name):
        self.used.add(name)
        self.blocked |= self.world.family.get(name) or {name}

    def org(self, kinds: str, allow_unknown=True) -> Party:
        rng, world = self.rng, self.world
        if allow_unknown and "c" in kinds and rng.random() < UNKNOWN_SHARE:
            for _ in range(8):
                name = choice(rng, world.unknown[self.lang])
                if name not in self.used:
                    self.take(name)
                    return self.unknown_party(name)
        for _ in range(50):
            pool = world.pools[(self.lang, choice(rng, KIND_DRAWS[kinds]))]
            org = choice(rng, pool)
            if self.free(org.name):
                return self.known(org)
        raise RuntimeError("gazetteer too small to pick distinct organisations")

    def unknown_party(self, name):
        gold = name[:-1] if name.endswith(".") else name  # the extractor drops the full stop
        return Party((gold,), name, self.ko)

    def known(self, org: Org) -> Party:
        self.take(org.name)
        if self.ko:
            return Party((org.name,), choice(self.rng, org.ko), True, org.kind)
        return Party((org.name,), english_form(org, choice(self.rng, org.en)), False, org.kind)

    def project(self) -> Party:
        for _ in range(20):
            org = choice(self.rng, self.world.projects[self.lang])
            if org.name not in self.used:
                return self.known(org)
        return self.known(org)

    def media(self) -> str:
        org = choice(self.rng, self.world.media[self.lang])
        return choice(self.rng, org.ko if self.ko else org.en)


# ------------------------------------------------------------ Korean verbs --


class Verb:
    __slots__ = ("past", "quoted", "fut", "decided", "adn", "adn_past", "intent")

    def __init__(self, past, quoted, fut, decided, adn, adn_past, intent):
        self.past, self.quoted, self.fut, self.decided = past, quoted, fut, decided
        self.adn, self.adn_past, self.intent = adn, adn_past, intent


def hada(stem):
    """Forms of a 하다 verb: 체결 -> 체결했다, 체결할, 체결하기로, ..."""
    return Verb(stem + "했다", stem + "했다고", stem + "할", stem + "하기로", stem + "하는", stem + "한", stem + "하려던")


KO_VERBS = {stem: hada(stem) for stem in (
    "체결", "투자", "공급", "납품", "인수", "합병", "참여", "합류", "설립", "공동 개발", "공동으로 개발", "공동 구축", "재판매",
    "회동", "취득", "유치")}
KO_VERBS.update({
    "맺": Verb("맺었다", "맺었다고", "맺을", "맺기로", "맺는", "맺은", "맺으려던"),
    "손잡": Verb("손잡았다", "손잡았다고", "손잡을", "손잡기로", "손잡는", "손잡은", "손잡으려던"),
    "만나": Verb("만났다", "만났다고", "만날", "만나기로", "만나는", "만난", "만나려던"),
    "세우": Verb("세웠다", "세웠다고", "세울", "세우기로", "세우는", "세운", "세우려던"),
    "맡": Verb("맡았다", "맡았다고", "맡을", "맡기로", "맡는", "맡은", "맡으려던"),
    "공급받": Verb("공급받았다", "공급받았다고", "공급받을", "공급받기로", "공급받는", "공급받은", "공급받으려던"),
    "투자받": Verb("투자받았다", "투자받았다고", "투자받을", "투자받기로", "투자받는", "투자받은", "투자받으려던"),
})

# Predicates by status, over a verb's forms. "reported" is done, as told by
# others (the taxonomy keeps the status of a reported fact).
KO_PREDICATES = {
    "done": ("{past}", "{quoted} {{day}}일 밝혔다", "{quoted} 발표했다", "{past}"),
    "reported": ("{adn_past} 것으로 알려졌다", "{adn_past} 것으로 전해졌다"),
    "planned": ("{fut} 예정이다", "{fut} 계획이다", "{decided} 했다", "{decided} 합의했다", "{fut} 방침이다"),
    "talks": ("{adn} 방안을 논의하고 있다", "{adn} 방안을 협의 중이다", "{adn} 방안을 검토하고 있다"),
    "speculated": ("{fut} 것으로 보인다", "{fut} 가능성이 거론된다", "{fut} 것이라는 관측이 나온다",
                   "{fut} 전망이다", "{fut} 계획인 것으로 알려졌다"),
    "ended": ("{intent} 계획을 철회했다", "{intent} 계획을 백지화했다", "{intent} 계획이 무산됐다"),
}


def ko_predicates(verb: Verb):
    forms = {k: getattr(verb, k) for k in Verb.__slots__}
    return {status: tuple(p.format(**forms) for p in preds) for status, preds in KO_PREDICATES.items()}


KO_PRED = {stem: ko_predicates(v) for stem, v in KO_VERBS.items()}

# ------------------------------------------------------------ English verbs --

EN_VERBS = {  # base, past, participle
    "sign": ("sign", "signed", "signed"), "strike": ("strike", "struck", "struck"),
    "form": ("form", "formed", "formed"), "enter": ("enter into", "entered into", "entered into"),
    "team": ("team up with", "teamed up with", "teamed up with"),
    "codevelop": ("co-develop", "co-developed", "co-developed"),
    "jointly": ("jointly develop", "jointly developed", "jointly developed"),
    "setup": ("set up", "set up", "set up"), "merge": ("merge", "merged", "merged"),
    "merge_with": ("merge with", "merged with", "merged with"), "meet": ("meet", "met", "met"),
    "invest": ("invest", "invested", "invested"), "take": ("take", "took", "taken"),
    "raise": ("raise", "raised", "raised"), "supply": ("supply", "supplied", "supplied"),
    "provide": ("provide", "provided", "provided"), "resell": ("resell", "resold", "resold"),
    "become": ("become", "became", "become"), "acquire": ("acquire", "acquired", "acquired"),
    "join": ("join", "joined", "joined"),
}

# (singular, plural) predicates by status.
EN_PREDICATES = {
    "done": (("{past}", "{past}"), ("has {pp}", "have {pp}"), ("{past}", "{past}")),
    "reported": (("reportedly {past}", "reportedly {past}"),),
    "planned": (("will {base}", "will {base}"), ("plans to {base}", "plan to {base}"),
                ("is set to {base}", "are set to {base}"), ("agreed to {base}", "agreed to {base}"),
                ("intends to {base}", "intend to {base}")),
    "talks": (("is in talks to {base}", "are in talks to {base}"),
              ("is in discussions to {base}", "are in discussions to {base}"),
              ("is exploring whether to {base}", "are exploring whether to {base}")),
    "speculated": (("may {base}", "may {base}"), ("could {base}", "could {base}"),
                   ("is expected to {base}", "are expected to {base}"), ("is likely to {base}", "are likely to {base}"),
                   ("reportedly plans to {base}", "reportedly plan to {base}")),
    "ended": (("called off plans to {base}", "called off plans to {base}"),
              ("scrapped plans to {base}", "scrapped plans to {base}"),
              ("abandoned plans to {base}", "abandoned plans to {base}"),
              ("dropped plans to {base}", "dropped plans to {base}")),
}


def en_predicates(forms):
    base, past, pp = forms
    return {status: tuple((s.format(base=base, past=past, pp=pp), p.format(base=base, past=past, pp=pp))
                          for s, p in preds) for status, preds in EN_PREDICATES.items()}


EN_PRED = {key: en_predicates(forms) for key, forms in EN_VERBS.items()}

# ------------------------------------------------------------------- frames --
# A frame is (template, verbs) or (template, None, status). In a template, A is
# the source and B the target of the relation (whatever the word order), G a
# list of parties that all take part, P a project; {V} is the predicate.

KO_FRAMES = {
    "loi": (("{A은} {B와} {topic} 협력을 위한 의향서(LOI)를 {V}", ("체결",)),
            ("{A은} {B와} {topic} 사업에 관한 의향서를 {V}", ("체결", "맺")),
            ("{A은} {B와} {topic} 분야 LOI를 {V}", ("체결", "맺"))),
    "mou": (("{A은} {B와} {topic} 분야 업무협약(MOU)을 {V}", ("체결",)),
            ("{A은} {B와} {topic} 사업 협력을 위한 양해각서(MOU)를 {V}", ("체결", "맺")),
            ("{A은} {place}에서 {B와} {topic} 업무협약을 {V}", ("체결",)),
            ("{A은} {B와} {topic} 생태계 조성을 위한 MOU를 {V}", ("체결", "맺"))),
    "partnership": (("{A은} {B와} {topic} 분야에서 전략적 파트너십을 {V}", ("맺", "체결")),
                    ("{A은} {topic} 사업을 위해 {B와} {V}", ("손잡",)),
                    ("{A은} {B와} {topic} 분야 전략적 제휴를 {V}", ("맺", "체결"))),
    "contract": (("{A은} {B와} {amount} 규모의 {topic} 계약을 {V}", ("체결", "맺")),
                 ("{A은} {B와} {topic} 관련 {years}년 장기 계약을 {V}", ("체결",)),
                 ("{A은} {B와} {topic} 인프라 이용 계약을 {V}", ("체결", "맺"))),
    "joint_development": (("{A은} {B와} {prod을} {V}", ("공동 개발",)),
                          ("{A은} {B와} {topic} 플랫폼을 {V}", ("공동 구축",)),
                          ("{A은} {B와} 차세대 {prod을} {V}", ("공동으로 개발",))),
    "joint_venture": (("{A은} {B와} {topic} 합작법인을 {V}", ("설립", "세우")),
                      ("{A은} {B와} 조인트벤처(JV)를 {V}", ("설립", "세우")),
                      ("{A은} {B와} 국내에 {topic} 합작사를 {V}", ("설립", "세우"))),
    "merger": (("{A은} {B와} {V}", ("합병",)),
               ("{A은} {topic} 경쟁력을 높이기 위해 {B와} {V}", ("합병",))),
    "meeting": (("{A은} {B와} {place}에서 {V}", ("회동", "만나")),
                ("{A} 경영진은 {place}에서 {B} 경영진과 {V}", ("회동", "만나"))),
    "investment": (("{A은} {B에} {amount을} {V}", ("투자",)),
                   ("{A은} {topic} 사업을 키우기 위해 {B에} {V}", ("투자",)),
                   ("{A은} {B의} 지분 {pct}%를 {V}", ("취득",)),
                   ("{B은} {A로부터} {amount} 규모의 투자를 {V}", ("유치",)),
                   ("{B은} {A로부터} {amount을} {V}", ("투자받",))),
    "supply": (("{A은} {B에} {prod을} {V}", ("공급", "납품")),
               ("{A은} {B의} {topic} 사업에 쓰일 {prod을} {V}", ("공급",)),
               ("{B은} {A로부터} {prod을} {V}", ("공급받",))),
    "reseller": (("{A은} {B와} 리셀러 파트너십을 {V}", ("체결", "맺")),
                 ("{A은} {B의} {prod} 국내 총판을 {V}", ("맡",)),
                 ("{A은} {B의} {prod을} 국내에서 {V}", ("재판매",))),
    "acquisition": (("{A은} {B을} {V}", ("인수",)),
                    ("{A은} {amount}에 {B을} {V}", ("인수",)),
                    ("{B은} {A에} 인수됐다", None, "done"),
                    ("{A은} {B} 인수설을 부인했다", None, "ended")),
    "participation": (("{A은} {P에} {V}", ("참여", "합류")),
                      ("{A은} {P에} 핵심 파트너로 {V}", ("참여",)),
                      ("{P} 참여 기업 명단에서 {A이} 제외됐다", None, "ended")),
    "subsidiary_of": (("{A은} {B의} 자회사다", None, "done"),
                      ("{B} 계열사인 {A은} 최근 {topic} 사업 조직을 확대 개편했다", None, "done"),
                      ("{B은} {A의} 최대주주다", None, "done")),
    "competition": (("{A은} {topic} 시장에서 {B와} 경쟁하고 있다", None, "done"),
                    ("{A은} {topic} 시장을 놓고 {B와} 치열하게 맞서고 있다", None, "done"),
                    ("{A와} {B은} {topic} 시장의 대표적인 경쟁사로 꼽힌다", None, "done"),
                    ("{A와} {B의} {topic} 경쟁이 한층 치열해질 전망이다", None, "speculated"),
                    ("{A은} {topic} 시장에서 {B와} 경쟁하게 될 것으로 보인다", None, "speculated")),
}

# All parties in G sign together: every pair is a relation.
KO_GROUP_FRAMES = {
    "loi": (("{G은} {topic} 협력을 위한 의향서(LOI)를 {V}", ("체결",)),),
    "mou": (("{G은} {topic} 생태계 조성을 위한 업무협약을 {V}", ("체결",)),
            ("{G은} {place}에서 {topic} 분야 업무협약(MOU)을 {V}", ("체결",))),
    "partnership": (("{G은} {topic} 동맹을 {V}", ("맺",)),),
    "joint_development": (("{G은} {prod을} {V}", ("공동 개발",)),),
    "joint_venture": (("{G은} {topic} 합작법인을 {V}", ("설립",)),),
    "participation": (("{G이} {P에} {V}", ("참여",)),),
}

# "A는 B, C와 각각 ...": separate bilateral deals, A with each.
KO_EACH_FRAMES = {
    "mou": (("{A은} {G와} 각각 {topic} 분야 업무협약을 {V}", ("체결",)),),
    "partnership": (("{A은} {G와} 각각 전략적 파트너십을 {V}", ("맺",)),),
    "contract": (("{A은} {G와} 각각 {topic} 계약을 {V}", ("체결",)),),
    "investment": (("{A은} {G에} 각각 {amount을} {V}", ("투자",)),),
    "supply": (("{A은} {G에} {prod을} {V}", ("공급",)),),
}

EN_FRAMES = {
    "loi": (("{A} {V} a letter of intent with {B} to cooperate on {topic}", ("sign",)),
            ("{A} {V} a letter of intent (LOI) with {B} covering {topic}", ("sign",))),
    "mou": (("{A} {V} a memorandum of understanding with {B} on {topic}", ("sign",)),
            ("{A} {V} an MOU with {B} to work together on {topic}", ("sign",))),
    "partnership": (("{A} {V} a strategic partnership with {B} in {topic}", ("form", "enter")),
                    ("{A} {V} {B} on {topic}", ("team",)),
                    ("{A} {V} an alliance with {B} to promote {topic}", ("form",))),
    "contract": (("{A} {V} a {amount} contract with {B} for {topic}", ("sign",)),
                 ("{A} {V} a multi-year {topic} deal with {B}", ("sign", "strike"))),
    "joint_development": (("{A} {V} {prod} with {B}", ("codevelop",)),
                          ("{A} and {B} {V} {prod}", ("jointly",), "plural")),
    "joint_venture": (("{A} {V} a joint venture with {B} focused on {topic}", ("setup", "form")),
                      ("{A} {V} a joint venture with {B} for {topic}", ("setup",))),
    "merger": (("{A} {V} {B}", ("merge_with",)),
               ("{A} and {B} {V} to create a larger {topic} company", ("merge",), "plural")),
    "meeting": (("{A} executives {V} their counterparts from {B} in {place}", ("meet",)),
                ("Senior managers of {A} {V} {B} leaders in {place} to discuss {topic}", ("meet",), "plural")),
    "investment": (("{A} {V} {amount} in {B}", ("invest",)),
                   ("{A} {V} a {pct}% stake in {B}", ("take",)),
                   ("{B} {V} {amount} in funding from {A}", ("raise",))),
    "supply": (("{A} {V} {prod} to {B}", ("supply",)),
               ("{A} {V} {B} with {prod}", ("supply", "provide"))),
    "reseller": (("{A} {V} an authorised reseller of {B's} {prod} in South Korea", ("become",)),
                 ("{A} {V} {B's} {prod} in South Korea", ("resell",))),
    "acquisition": (("{A} {V} {B}", ("acquire",)),
                    ("{A} {V} {B} for {amount}", ("acquire",)),
                    ("{B} was acquired by {A} for {amount}", None, "done"),
                    ("{B} agreed to be acquired by {A}", None, "planned"),
                    ("{A} denied reports that it plans to acquire {B}", None, "ended")),
    "participation": (("{A} {V} {P}", ("join",)),
                      ("{A} {V} {P} as a technology partner", ("join",)),
                      ("{A} pulled out of {P}, ending its participation", None, "ended")),
    "subsidiary_of": (("{A} is a subsidiary of {B}", None, "done"),
                      ("{A} is a unit of {B}", None, "done"),
                      ("{A} is owned by {B}", None, "done")),
    "competition": (("{A} competes with {B} in {topic}", None, "done"),
                    ("{A} and {B} are rivals in {topic}", None, "done"),
                    ("{A} is expected to compete with {B} in {topic}", None, "speculated"),
                    ("{A} could challenge rival {B} in {topic}", None, "speculated")),
}

EN_GROUP_FRAMES = {
    "loi": (("{G} {V} a letter of intent to cooperate on {topic}", ("sign",)),),
    "mou": (("{G} {V} a memorandum of understanding on {topic}", ("sign",)),),
    "partnership": (("{G} {V} an alliance to promote {topic}", ("form",)),),
    "joint_development": (("{G} {V} {prod}", ("jointly",)),),
    "joint_venture": (("{G} {V} a joint venture focused on {topic}", ("setup",)),),
    "participation": (("{G} {V} {P}", ("join",)),),
}

# ------------------------------------------------------------ vocabulary --

KO_TOPICS = ("AI 데이터센터", "생성형 AI", "AI 반도체", "클라우드", "자율주행", "AI 에이전트", "소버린 AI", "로봇",
             "AI 헬스케어", "차세대 메모리", "AI 인프라", "온디바이스 AI", "스마트 팩토리", "AI 보안", "디지털 트윈")
EN_TOPICS = ("AI data centres", "generative AI", "AI chips", "cloud computing", "autonomous driving", "AI agents",
             "sovereign AI", "robotics", "AI in healthcare", "next-generation memory", "AI infrastructure",
             "on-device AI", "smart factories", "AI security", "digital twins")
KO_PRODUCTS = ("HBM", "AI 가속기", "GPU 서버", "AI 칩", "클라우드 서비스", "AI 솔루션", "데이터센터 냉각 설비",
               "대규모언어모델(LLM)", "AI 모델", "신경망처리장치(NPU)", "AI 소프트웨어", "보안 솔루션")
EN_PRODUCTS = ("HBM chips", "AI accelerators", "GPU servers", "AI chips", "cloud services", "AI software",
               "data-centre cooling systems", "large language models", "neural processing units", "security software")
KO_PLACES = ("서울", "판교", "부산", "미국 실리콘밸리", "라스베이거스", "도쿄", "싱가포르", "대전")
EN_PLACES = ("Seoul", "San Francisco", "Tokyo", "Singapore", "Las Vegas", "Busan", "London")
KO_OUTLETS = ("예시경제", "가상일보", "샘플뉴스", "테스트통신", "예제IT", "모의경제신문")
EN_OUTLETS = ("Example Wire", "Sample Tribune", "Demo Business Daily", "Placeholder Times", "Mock Tech News")
KO_SURNAMES = ("김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권")
KO_GIVEN = ("민수", "지현", "서연", "준호", "하은", "도윤", "수빈", "예린", "현우", "지훈", "유진", "성민")
EN_FIRST = ("Jane", "Tom", "Hannah", "David", "Mina", "Joon", "Laura", "Peter", "Grace", "Ken")
EN_LAST = ("Doe", "Park", "Miller", "Kim", "Lee", "Brown", "Choi", "Walker", "Yoon", "Evans")
ROMAN = {"김": "kim", "이": "lee", "박": "park", "최": "choi", "정": "jung", "강": "kang", "조": "cho",
         "윤": "yoon", "장": "jang", "임": "lim", "한": "han", "오": "oh", "서": "seo", "신": "shin", "권": "kwon"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

# Sentences that state no relation (no trigger word of data/lexicon/triggers.tsv).
# {S} is who the deal is about: "양사는", "참여 기업들은", the lead's subject.
KO_DEAL_DETAILS = (
    "{S} 이번 합의에 따라 {topic} 분야의 기술과 인력을 교류할 방침이다.",
    "{S} 실무 협의체를 꾸려 세부 과제를 정할 예정이다.",
    "{S} 연내 시범 서비스를 선보이는 것을 목표로 하고 있다.",
    "{S} 이번 합의를 계기로 해외 시장 공략에도 속도를 낼 계획이다.",
    "업계에서는 이번 합의가 국내 {topic} 시장의 판도를 바꿀 수 있다는 평가가 나온다.",
)
KO_NEUTRAL_DETAILS = (
    "구체적인 금액과 일정은 공개되지 않았다.",
    "세부 조건은 알려지지 않았다.",
    "업계는 {topic} 시장의 주도권을 둘러싼 움직임이 한층 빨라질 것으로 보고 있다.",
    "{topic} 분야는 최근 국내외 기업들이 앞다퉈 뛰어드는 시장이다.",
)
EN_DEAL_DETAILS = (
    "{S} will set up a working group to define the first projects.",
    "{S} aim to roll out a pilot service later this year.",
    "{S} expect the first results within a year, according to the statement.",
)
EN_NEUTRAL_DETAILS = (
    "Financial terms were not disclosed.",
    "Neither side gave details of the financial terms.",
    "Analysts said demand for {topic} is still growing quickly in Asia.",
    "The announcement comes as governments race to build {topic} capacity at home.",
)
KO_BACKGROUND = (
    "{C은} 지난해 매출 {n}조원을 기록했다.",
    "{C의} 주가는 이날 전 거래일보다 {pct}% 오른 채 거래를 마쳤다.",
    "{C은} 최근 {topic} 사업 조직을 확대 개편했다.",
    "글로벌 {topic} 시장 규모는 {year}년 {n}00억 달러에 이를 것으로 예상된다.",
    "생성형 AI 확산으로 데이터센터 전력 수요도 빠르게 늘고 있다.",
    "{C은} 올해 상반기 {topic} 관련 인력을 {n}00명 넘게 채용했다.",
    "{C은} 그동안 {topic} 분야에서 독자 기술 확보에 힘을 쏟아 왔다.",
    "국내 {topic} 시장은 최근 3년 동안 연평균 {pct}%씩 성장했다.",
)
KO_QUOTES = (
    "{topic} 분야에서 의미 있는 성과를 내겠다",
    "고객이 체감하는 AI 서비스를 빠르게 선보이겠다",
    "이번 합의가 새로운 성장의 발판이 될 것으로 기대한다",
    "국내 AI 생태계를 키우는 데 힘을 보태겠다",
)
EN_BACKGROUND = (
    "{C} reported revenue of ${n} billion last year.",
    "Shares of {C} rose {pct}% in early trading.",
    "{C} has been hiring hundreds of engineers for {topic} this year.",
    "The global market for {topic} is expected to exceed ${n}0 billion by {year}, analysts estimate.",
    "Spending on {topic} has climbed sharply over the past two years.",
    "{C} has spent heavily on research in {topic} since {year0}.",
)
EN_QUOTES = (
    "This is an important step for our customers",
    "We see enormous potential in {topic}",
    "Korea is becoming one of the most important AI markets in the world",
)
KO_RELATED = ("{X}, {Y와} {topic} 협력 확대", "{X}·{Y}, {topic} MOU 체결", "{X}, {topic} 신사업 본격화",
              "[단독] {X}, {Y} 인수 추진", "{X}, {Y에} {amount} 투자", "{X} {topic} 전략 발표 임박")
EN_RELATED = ("{X} and {Y} expand {topic} partnership", "{X} to invest {amount} in {Y}",
              "{X} unveils {topic} strategy", "{X} in talks to acquire {Y}", "{X} signs MOU with {Y}")

# ---------------------------------------------------------------- rendering --


def below(rng, n):
    """A random integer in [0, n)."""
    return int(rng.random() * n)


def ko_amount(rng):
    x = rng.random()
    if x < 0.6:
        return str((1 + below(rng, 99)) * 100) + "억원"
    if x < 0.85:
        return str(1 + below(rng, 30)) + "억 달러"
    return str(1 + below(rng, 5)) + "조원"


def en_amount(rng):
    if rng.random() < 0.7:
        return "$" + str((1 + below(rng, 19)) * 50) + " million"
    return "$" + str(1 + below(rng, 20)) + " billion"


COMMON_MAKERS = {
    "pct": lambda f: 2 + below(f.rng, 48),
    "n": lambda f: 2 + below(f.rng, 89),
    "years": lambda f: 2 + below(f.rng, 6),
    "day": lambda f: f.date.day,
    "year": lambda f: f.date.year + 2 + below(f.rng, 5),
    "year0": lambda f: f.date.year - 2 - below(f.rng, 5),
}
KO_MAKERS = dict(COMMON_MAKERS, **{
    "topic": lambda f: choice(f.rng, KO_TOPICS),
    "prod": lambda f: choice(f.rng, KO_PRODUCTS),
    "prod을": lambda f: with_particle(f["prod"], "을"),
    "amount": lambda f: ko_amount(f.rng),
    "amount을": lambda f: with_particle(f["amount"], "을"),
    "place": lambda f: choice(f.rng, KO_PLACES),
})
EN_MAKERS = dict(COMMON_MAKERS, **{
    "topic": lambda f: choice(f.rng, EN_TOPICS),
    "prod": lambda f: choice(f.rng, EN_PRODUCTS),
    "amount": lambda f: en_amount(f.rng),
    "place": lambda f: choice(f.rng, EN_PLACES),
})


def fields_for(story, parties, date):
    return Fields(parties, story.rng, date, KO_MAKERS if story.ko else EN_MAKERS)


def pick_status(rng, rtype):
    allowed = TYPE_STATUSES.get(rtype)
    if allowed:
        return allowed[0] if rng.random() < 0.7 or len(allowed) == 1 else choice(rng, allowed[1:])
    return weighted(rng, STATUSES, STATUS_WEIGHTS)


def frame_for(rng, frames, status):
    """A frame that can state `status`: fixed frames only for their own status."""
    usable = [f for f in frames if f[1] is not None or f[2] == status]
    return choice(rng, usable) if usable else None


def ko_predicate(rng, verbs, status, plain=False):
    """The predicate and the gold status it states. `plain`: no "…했다고 밝혔다"
    (the sentence is attributed to someone else, or has its own date)."""
    preds = KO_PRED[choice(rng, verbs)]
    if status == "done" and (plain or rng.random() < 0.2):
        if rng.random() < 0.5:
            return preds["done"][0], "done"
        return choice(rng, preds["reported"]), "done"
    return choice(rng, preds[status]), status


def en_predicate(rng, verbs, status, plural):
    preds = EN_PRED[choice(rng, verbs)]
    if status == "done" and rng.random() < 0.15:
        return choice(rng, preds["reported"])[plural], "done"
    return choice(rng, preds[status])[plural], status


def attribution(story, status):
    """A hedge that keeps the status: who reported it ("블룸버그에 따르면")."""
    rng = story.rng
    if status not in ("done", "talks", "ended"):
        return "", ""
    if story.ko:
        who = story.media() if rng.random() < 0.5 else choice(rng, ("업계", "업계 관계자", "소식통"))
        return who + "에 따르면 ", ""
    who = story.media() if rng.random() < 0.6 else "people familiar with the matter"
    return "", ", according to " + who


def render(story, frame, status, parties, date, plural=False):
    """One sentence from a frame; returns (sentence, gold status)."""
    rng = story.rng
    template, verbs = frame[0], frame[1]
    if verbs is None:
        text, gold_status = template, frame[2]
        prefix = suffix = ""
    else:
        attributed = rng.random() < 0.15
        if story.ko:
            pred, gold_status = ko_predicate(rng, verbs, status, plain=attributed)
        else:
            many = plural or (len(frame) > 2 and frame[2] == "plural")
            pred, gold_status = en_predicate(rng, verbs, status, 1 if many else 0)
        text = template.replace("{V}", pred)
        prefix, suffix = attribution(story, gold_status) if attributed else ("", "")
    sentence = text.format_map(fields_for(story, parties, date))
    if not story.ko:
        sentence = sentence[0].upper() + sentence[1:]
    sentence = prefix + sentence + suffix
    if not sentence.endswith("."):  # "... from Verdant Inc." has its full stop already
        sentence += "."
    return sentence, gold_status


# ------------------------------------------------------------------ events --


def side_kinds(rtype, index):
    return TYPE_KINDS[rtype][index]


def is_project(story, party):
    org = story.world.orgs.get(party.names[0])
    return org is not None and org.kind == "project"


def pick_pair(story, rtype):
    """Source and target parties for a relation of this type."""
    if rtype == "subsidiary_of":
        return pick_affiliate(story)
    a = story.org(side_kinds(rtype, 0))
    if rtype == "participation":
        return a, story.project()
    if rtype in ("investment", "supply") and story.rng.random() < 0.12:
        return a, story.project()
    return a, story.org(side_kinds(rtype, 1))


def pick_affiliate(story):
    """A child and its parent: from the gazetteer, or an invented child."""
    rng, world = story.rng, story.world
    if rng.random() < 0.75:
        for _ in range(20):
            child = choice(rng, world.affiliates[story.lang])
            parent = world.orgs[child.parent]
            if story.free(child.name) and story.free(parent.name):
                return story.known(child), story.known(parent)
    parent = story.org("cg", allow_unknown=False)
    for _ in range(8):
        name = choice(rng, world.unknown[story.lang])
        if name not in story.used:
            story.take(name)
            return story.unknown_party(name), parent
    return story.org("c", allow_unknown=False), parent


def bilateral_event(story, rtype, date, parties=None, lead=True):
    """A sentence stating one relation between two parties; returns (sentence, gold status)."""
    rng = story.rng
    status = pick_status(rng, rtype)
    frames = (KO_FRAMES if story.ko else EN_FRAMES)[rtype]
    frame = frame_for(rng, frames, status)
    if frame is None:
        status = "done"
        frame = frame_for(rng, frames, status)
    a, b = parties or pick_pair(story, rtype)
    sentence, gold_status = render(story, frame, status, {"A": a, "B": b, "P": b}, date)
    story.add(rtype, a.names, b.names, gold_status)
    if lead and rtype not in ("participation", "subsidiary_of") and not is_project(story, b):
        story.pair = (a, b)
    return sentence, gold_status


def group_event(story, rtype, date):
    """Three or four parties signing together (every pair in gold)."""
    rng = story.rng
    frames = (KO_GROUP_FRAMES if story.ko else EN_GROUP_FRAMES)[rtype]
    status = weighted(rng, ("done", "planned", "talks"), (0.7, 0.2, 0.1))
    frame = frame_for(rng, frames, status)
    kinds = side_kinds(rtype, 0)
    count = 2 + below(rng, 2) if rtype == "participation" else 3 + below(rng, 2)
    unknown_slot = below(rng, count)  # at most one invented name in a list
    members = [story.org(kinds, allow_unknown=i == unknown_slot) for i in range(count)]
    if story.ko:
        group = korean_list(members, rng, with_count=rtype != "participation" and rng.random() < 0.7)
    else:
        group = english_list(members)
    letters = {"G": group}
    if rtype == "participation":
        letters["P"] = story.project()
    sentence, gold_status = render(story, frame, status, letters, date, plural=True)
    if rtype == "participation":
        story.add(rtype, group.names, letters["P"].names, gold_status)
    else:
        story.add_all_pairs(rtype, group.names, gold_status)
        story.group = len(members)
    return sentence, gold_status


def each_event(story, rtype, date):
    """One party with two others, separately ("각각")."""
    rng = story.rng
    status = weighted(rng, ("done", "planned"), (0.7, 0.3))
    frame = frame_for(rng, KO_EACH_FRAMES[rtype], status)
    a = story.org(side_kinds(rtype, 0))
    others = [story.org(side_kinds(rtype, 1)) for _ in range(2)]
    group = korean_list(others, rng, with_count=False)
    sentence, gold_status = render(story, frame, status, {"A": a, "G": group}, date)
    story.add(rtype, a.names, group.names, gold_status)
    story.single = a
    return sentence, gold_status


def free_people_org(story):
    for _ in range(20):
        org = choice(story.rng, story.world.people_orgs[story.lang])
        if story.free(org.name):
            story.take(org.name)
            return org
    return None


def meeting_with_people(story, date, orgs=None):
    """Executives meet: the meeting is between their organisations. Returns (sentence, status) or None."""
    rng = story.rng
    if orgs is None:
        first = free_people_org(story)
        second = free_people_org(story) if first else None
        if second is None:
            return None
        orgs = (first, second)
    x, y = person_party(story, orgs[1]), person_party(story, orgs[0])
    status = weighted(rng, ("done", "planned", "speculated", "ended"), (0.7, 0.15, 0.08, 0.07))
    fields = fields_for(story, {"X": x, "Y": y}, date)
    also_talks = False
    if story.ko:
        if status == "done" and rng.random() < 0.4:
            template, also_talks = "{X은} {day}일 {place}에서 {Y와} 만나 {topic} 분야 협력 방안을 논의했다.", True
        elif status == "done" and rng.random() < 0.3 and not story.last_person.korean:
            template = "{X은} 최근 방한한 {Y을} 접견했다."  # Y, the foreign visitor
        else:
            pred, status = ko_predicate(rng, ("회동", "만나") if status != "ended" else ("회동",), status, plain=True)
            when = "{day}일" if status == "done" else choice(rng, ("다음 주", "이달 중", "조만간"))
            template = choice(rng, ("{X와} {Y이} " + when + " {place}에서 ", "{X은} " + when + " {place}에서 {Y와} ")) + pred + "."
    else:
        if status == "done" and rng.random() < 0.35:
            template, also_talks = "{X} met {Y} in {place} to discuss a possible partnership in {topic}.", True
        else:
            pred, status = en_predicate(rng, ("meet",), status, 0)
            template = "{X} " + pred + " {Y} in {place}."
    sentence = template.format_map(fields)
    story.add("meeting", x.names, y.names, status)
    if also_talks:
        story.add("partnership", x.names, y.names, "talks")
    story.pair = (Party(x.names, local_name(story, x.names[0]), story.ko),
                  Party(y.names, local_name(story, y.names[0]), story.ko))
    later = later_reference(story, fields)
    return sentence + (" " + later if later else ""), status


def person_party(story, org: Org):
    """ "이재용 삼성전자 회장" / "Samsung Electronics Chairman Lee Jae-yong"."""
    rng = story.rng
    p = choice(rng, story.world.people[org.name])
    story.last_person = p
    if story.ko:
        alias = choice(rng, org.ko)
        title = p.ko_title
        if title == "CEO" and rng.random() < 0.5:
            title = "최고경영자(CEO)"
        text = (p.ko + " " + alias if rng.random() < 0.7 else alias + " " + p.ko) + " " + title
        return Party((org.name,), text, True)
    return Party((org.name,), choice(rng, org.en) + " " + p.en_title + " " + p.en, False)


def later_reference(story, fields):
    """ "이 회장은 ..." after a first mention: no relation."""
    p = story.last_person
    if not story.ko or p is None or not p.ko_short or story.rng.random() < 0.5:
        return ""
    who = p.ko_short + " " + p.ko_title.split(" ")[-1]
    quote = choice(story.rng, KO_QUOTES).format_map(fields)
    return with_particle(who, "은") + " 이 자리에서 \"" + quote + "\"고 말했다."


# ---------------------------------------------------------------- articles --


def lead_type(rng):
    return weighted(rng, LEAD_TYPE_NAMES, LEAD_TYPE_WEIGHTS)


def lead_sentence(story, rtype, date):
    """The article's first news sentence; records what it was about."""
    rng = story.rng
    story.lead_type = rtype
    if rtype == "meeting" and rng.random() < 0.7:
        made = meeting_with_people(story, date)
        if made:
            story.lead_status = made[1]
            return made[0]
    groups = KO_GROUP_FRAMES if story.ko else EN_GROUP_FRAMES
    if rtype in groups and rng.random() < 0.2:
        sentence, story.lead_status = group_event(story, rtype, date)
    elif story.ko and rtype in KO_EACH_FRAMES and rng.random() < 0.1:
        sentence, story.lead_status = each_event(story, rtype, date)
    else:
        sentence, story.lead_status = bilateral_event(story, rtype, date)
    return sentence


def signed_deal(story):
    return story.lead_type in DEAL_TYPES and story.lead_status in ("done", "planned")


def follow_up(story, date):
    """The pair goes on ("양사는 ... 공동 개발하기로 했다"): a second relation."""
    rng = story.rng
    met = story.lead_type == "meeting" and story.lead_status == "done"
    if not story.pair or not (signed_deal(story) or met):
        return None
    a, b = story.pair
    rtype = choice(rng, ("joint_development", "partnership", "joint_venture"))
    if story.has(rtype, a.names[0], b.names[0]):
        return None
    status = weighted(rng, ("planned", "done"), (0.8, 0.2))
    if story.ko:
        both = Party(a.names + b.names, choice(rng, ("양사", "두 회사")), True)
        frame = {"joint_development": ("{G은} {prod을} {V}", ("공동 개발",)),
                 "partnership": ("{G은} {topic} 분야에서도 {V}", ("손잡",)),
                 "joint_venture": ("{G은} {topic} 합작법인을 {V}", ("설립",))}[rtype]
    else:
        both = Party(a.names + b.names, "the two companies", False)
        frame = {"joint_development": ("{G} {V} {prod}", ("jointly",)),
                 "partnership": ("{G} {V} a broader partnership in {topic}", ("form",)),
                 "joint_venture": ("{G} {V} a joint venture for {topic}", ("setup",))}[rtype]
    sentence, gold_status = render(story, frame, status, {"G": both}, date, plural=True)
    story.add(rtype, a.names, b.names, gold_status)
    return sentence


def secondary_event(story, date, rtype=None):
    """Another relation in the same article (background or related news)."""
    rng = story.rng
    rtype = rtype or weighted(rng, SECONDARY_TYPE_NAMES, SECONDARY_TYPE_WEIGHTS)
    parties = None
    if rtype == "competition" and story.pair and rng.random() < 0.6:
        parties = (story.pair[0], story.org(side_kinds(rtype, 1)))
        if not story.world.orgs.get(parties[0].names[0]) and not parties[0].text:
            parties = None
    before = dict(story.gold)
    sentence, _ = bilateral_event(story, rtype, date, parties, lead=False)
    if len(story.gold) == len(before) and rtype != "subsidiary_of":
        story.gold = before  # restated a relation already in the article: drop it
        return None
    if story.ko:
        return choice(rng, ("한편 ", "이와 별도로 ", "", "")) + sentence
    return choice(rng, ("Separately, ", "", "")) + sentence


def distinct(rng, templates, count):
    """`count` different templates (fewer if there are not enough)."""
    picked, pool = [], list(templates)
    for _ in range(min(count, len(pool))):
        picked.append(pool.pop(int(rng.random() * len(pool))))
    return picked


def background(story, date, count):
    out = []
    for t in distinct(story.rng, KO_BACKGROUND if story.ko else EN_BACKGROUND, count):
        letters = {"C": story.org("cg", allow_unknown=False)} if "{C" in t else {}
        out.append(t.format_map(fields_for(story, letters, date)))
    return out


def details(story, date, count):
    """Sentences about the lead deal that state no relation."""
    rng = story.rng
    pool = (KO_NEUTRAL_DETAILS if story.ko else EN_NEUTRAL_DETAILS)
    if signed_deal(story) and (story.pair or story.group or story.single):
        pool = pool + (KO_DEAL_DETAILS if story.ko else EN_DEAL_DETAILS)
    out = []
    for t in distinct(rng, pool, count):
        fields = fields_for(story, {}, date)
        fields["S"] = deal_subject(story)
        s = t.format_map(fields)
        out.append(s[0].upper() + s[1:])
    return out


def deal_subject(story):
    """Who the detail sentences talk about: "양사는", "3사는", the lead's subject."""
    rng = story.rng
    if story.group:
        return choice(rng, ("참여 기업들은", "이들 기업은")) if story.ko else "the companies"
    if story.single:
        return story.single.form("은") if story.ko else story.single.text
    if story.pair:
        if rng.random() < 0.3:
            return story.pair[0].form("은") if story.ko else story.pair[0].text
        return choice(rng, ("양사는", "두 회사는")) if story.ko else choice(rng, ("the two companies", "both companies"))
    return "업계는" if story.ko else "the industry"


def quote(story, date):
    rng = story.rng
    fields = fields_for(story, {}, date)
    q = choice(rng, KO_QUOTES if story.ko else EN_QUOTES).format_map(fields)
    who = story.pair[0].text if story.pair and story.pair[0].text else ""
    if story.ko:
        return ((who + " 관계자는") if who else "한 업계 관계자는") + " \"" + q + "\"고 말했다."
    return "\"" + q + ",\" " + (("a spokesperson for " + who) if who else "an industry analyst") + " said."


def related_lines(story, count):
    """Headlines of other stories, naming other organisations (never gold)."""
    rng, world = story.rng, story.world
    lines = []
    for _ in range(count):
        x, y = (Party(("-",), choice(rng, getattr(choice(rng, world.pools[(story.lang, "c")]), story.lang)), story.ko)
                for _ in range(2))
        t = choice(rng, KO_RELATED if story.ko else EN_RELATED)
        lines.append(t.format_map(fields_for(story, {"X": x, "Y": y}, None)))
    return lines


def reporter(rng, ko):
    if ko:
        surname = choice(rng, KO_SURNAMES)
        return surname + choice(rng, KO_GIVEN), ROMAN[surname] + str(1 + below(rng, 99))
    first, last = choice(rng, EN_FIRST), choice(rng, EN_LAST)
    return first + " " + last, (first[0] + "." + last).lower()


def news_sentences(story, date):
    """The article's sentences, lead first."""
    rng = story.rng
    lead = lead_sentence(story, lead_type(rng), date)
    body = []
    if rng.random() < 0.3:
        s = follow_up(story, date)
        if s:
            body.append(s)
    body.extend(details(story, date, weighted(rng, (0, 1, 2), (0.3, 0.45, 0.25))))
    if story.ko and story.lead_type != "meeting" and story.pair and rng.random() < 0.15:
        orgs = [story.world.orgs.get(p.names[0]) for p in story.pair]
        if all(o is not None and o.name in story.world.people and o.ko for o in orgs):
            made = meeting_with_people(story, date, orgs)
            if made:
                body.append(made[0])
    for _ in range(weighted(rng, (0, 1, 2), (0.45, 0.4, 0.15))):
        s = secondary_event(story, date)
        if s:
            body.append(s)
    body.extend(background(story, date, weighted(rng, (0, 1, 2), (0.3, 0.5, 0.2))))
    if rng.random() < 0.4:
        body.append(quote(story, date))
    return [lead] + group_sentences(rng, body)


def group_sentences(rng, sentences):
    """Paragraphs of one or two sentences."""
    out, i = [], 0
    while i < len(sentences):
        take = 2 if rng.random() < 0.35 and i + 1 < len(sentences) else 1
        out.append(" ".join(sentences[i:i + take]))
        i += take
    return out


def korean_article(story, date, outlet):
    rng = story.rng
    name, mail = reporter(rng, True)
    if rng.random() < NO_RELATION_SHARE:
        paragraphs = background(story, date, 3 + below(rng, 3))
        title = choice(rng, KO_ROUNDUP_TITLES).format(topic=choice(rng, KO_TOPICS))
    else:
        paragraphs = news_sentences(story, date)
        title = korean_title(story)
    dateline = choice(rng, ("({city}={outlet}) {name} 기자 = ", "[{outlet}={name} 기자] ", ""))
    paragraphs[0] = dateline.format(city=choice(rng, ("서울", "부산", "세종")), outlet=outlet, name=name) + paragraphs[0]
    lines = []
    if not dateline or rng.random() < 0.3:
        lines.append("입력 {:04d}.{:02d}.{:02d} {:02d}:{:02d}".format(
            date.year, date.month, date.day, 6 + below(rng, 17), below(rng, 60)))
    if rng.random() < 0.2:
        lines.append("사진=" + outlet + " DB")
    lines.extend(paragraphs)
    if rng.random() < 0.8:
        lines.append(name + " 기자 " + mail + "@example.com")
    if rng.random() < 0.8:
        lines.append(choice(rng, ("ⓒ {o} 무단전재 및 재배포 금지", "<저작권자 ⓒ {o}, 무단 전재 및 재배포 금지>",
                                  "Copyright ⓒ {o}. All rights reserved.")).format(o=outlet))
    if rng.random() < 0.5:
        lines.append(choice(rng, ("관련기사", "관련 기사", "[관련기사]")))
        lines.extend("▶ " + h for h in related_lines(story, 2 + below(rng, 3)))
    return title, "\n".join(lines)


def english_article(story, date, outlet):
    rng = story.rng
    name, mail = reporter(rng, False)
    if rng.random() < NO_RELATION_SHARE:
        paragraphs = background(story, date, 3 + below(rng, 3))
        title = choice(rng, EN_ROUNDUP_TITLES).format(topic=choice(rng, EN_TOPICS))
    else:
        paragraphs = news_sentences(story, date)
        title = english_title(story)
    if rng.random() < 0.6:
        city = choice(rng, ("SEOUL", "SAN FRANCISCO", "TOKYO", "SINGAPORE"))
        paragraphs[0] = "{}, {} {} ({}) - ".format(city, MONTHS[date.month - 1], date.day, outlet) + paragraphs[0]
    lines = []
    if rng.random() < 0.5:
        lines.append("By " + name)
    lines.extend(paragraphs)
    if rng.random() < 0.5:
        lines.append("Reporting by " + name + "; editing by " + choice(rng, EN_FIRST) + " " + choice(rng, EN_LAST))
    if rng.random() < 0.5:
        lines.append("Contact: " + mail + "@example.com")
    if rng.random() < 0.8:
        lines.append("Copyright {} {}. All rights reserved.".format(date.year, outlet))
    if rng.random() < 0.5:
        lines.append(choice(rng, ("Related articles", "Read more")))
        lines.extend("- " + h for h in related_lines(story, 2 + below(rng, 3)))
    return title, "\n".join(lines)


# ------------------------------------------------------------------ titles --

KO_TITLE_DONE = {"loi": "LOI 체결", "mou": "MOU 체결", "partnership": "전략적 제휴", "contract": "계약 체결",
                 "investment": "투자 단행", "supply": "공급 합의", "reseller": "리셀러 계약",
                 "joint_development": "공동 개발", "joint_venture": "합작법인 설립", "merger": "합병 합의",
                 "acquisition": "인수 완료", "meeting": "회동", "participation": "참여", "competition": "경쟁 본격화"}
KO_TITLE_NOUN = {"loi": "LOI", "mou": "MOU", "partnership": "제휴", "contract": "계약", "investment": "투자",
                 "supply": "공급", "reseller": "리셀러 계약", "joint_development": "공동 개발",
                 "joint_venture": "합작법인", "merger": "합병", "acquisition": "인수", "meeting": "회동",
                 "participation": "참여", "competition": "경쟁"}
KO_TITLE_STATUS = {"planned": "추진", "talks": "논의", "speculated": "가능성", "ended": "무산"}
EN_TITLE_DONE = {"loi": "sign letter of intent", "mou": "sign MOU", "partnership": "form partnership",
                 "contract": "sign contract", "investment": "agree investment", "supply": "agree supply deal",
                 "reseller": "sign reseller deal", "joint_development": "to co-develop products",
                 "joint_venture": "set up joint venture", "merger": "agree merger", "acquisition": "agree takeover",
                 "meeting": "meet", "participation": "join project", "competition": "step up rivalry"}
EN_TITLE_NOUN = {"loi": "letter of intent", "mou": "MOU", "partnership": "partnership", "contract": "contract",
                 "investment": "investment", "supply": "supply deal", "reseller": "reseller deal",
                 "joint_development": "joint development", "joint_venture": "joint venture", "merger": "merger",
                 "acquisition": "takeover", "meeting": "meeting", "participation": "project",
                 "competition": "rivalry"}
EN_TITLE_STATUS = {"planned": "plan", "talks": "in talks on", "speculated": "eye", "ended": "call off"}
KO_ROUNDUP_TITLES = ("{topic} 시장, 올해도 고성장 예고", "AI 업계, {topic} 인재 확보 총력", "[시장 동향] {topic} 투자 열기 지속")
EN_ROUNDUP_TITLES = ("{topic}: the week in review", "Markets: {topic} names rally", "Hiring for {topic} heats up")


def local_name(story, name):
    org = story.world.orgs.get(name)
    if org is None:
        return name
    aliases = org.ko if story.ko else org.en
    return aliases[0] if aliases else name


def lead_names(story):
    (rtype, a, b), status = next(iter(story.gold.items()))
    return rtype, local_name(story, a), local_name(story, b), status


def korean_title(story):
    rtype, a, b, status = lead_names(story)
    if status == "done":
        return a + "·" + b + ", " + KO_TITLE_DONE[rtype]
    return a + "·" + b + ", " + KO_TITLE_NOUN[rtype] + " " + KO_TITLE_STATUS[status]


def english_title(story):
    rtype, a, b, status = lead_names(story)
    if status == "done":
        return a + " and " + b + " " + EN_TITLE_DONE[rtype]
    return a + " and " + b + " " + EN_TITLE_STATUS[status] + " " + EN_TITLE_NOUN[rtype]


# ------------------------------------------------------------------ output --

FIRST_DAY = datetime.date(2019, 1, 1).toordinal()
LAST_DAY = datetime.date(2025, 12, 31).toordinal()


class Generator:
    def __init__(self, world, seed, english_share):
        self.world, self.seed, self.english_share = world, seed, english_share
        self.rng = random.Random(seed)
        self.encode = json.JSONEncoder(ensure_ascii=False).encode

    def article(self, n):
        """Article n: (JSON line, gold lines)."""
        rng = self.rng
        english = rng.random() < self.english_share
        lang = "en" if english else "ko"
        date = datetime.date.fromordinal(FIRST_DAY + below(rng, LAST_DAY - FIRST_DAY + 1))
        story = Story(self.world, lang, rng)
        outlet = choice(rng, EN_OUTLETS if english else KO_OUTLETS)
        title, text = (english_article if english else korean_article)(story, date, outlet)
        doc = "syn-{}-{}".format(self.seed, n)
        record = {"id": doc, "title": title, "published": date.isoformat(),
                  "url": "https://news.example.com/{}/{:02d}/{:02d}/{}".format(date.year, date.month, date.day, doc),
                  "source": outlet, "text": text}
        if story.gold:
            gold = "".join("{}\t{}\t{}\t{}\t{}\n".format(doc, t, a, b, s) for (t, a, b), s in story.gold.items())
        else:
            gold = doc + "\tnone\t-\t-\t-\n"
        return self.encode(record) + "\n", gold


def shard_paths(out, shards):
    if shards <= 1:
        return [out]
    stem, ext = os.path.splitext(out)
    return ["{}-{:05d}{}".format(stem, i, ext or ".jsonl") for i in range(shards)]


def generate(args, world):
    gen = Generator(world, args.seed, args.english_share)
    paths = shard_paths(args.out, args.shards)
    for p in paths + [args.gold]:
        d = os.path.dirname(os.path.abspath(p))
        os.makedirs(d, exist_ok=True)
    total_bytes = 0
    with open(args.gold, "w", encoding="utf-8", newline="\n") as gold:
        gold.write("doc\ttype\tsource\ttarget\tstatus\n")
        n = 0
        for index, path in enumerate(paths):
            end = args.articles * (index + 1) // len(paths)
            with open(path, "w", encoding="utf-8", newline="\n") as out:
                batch, gold_batch = [], []
                while n < end:
                    n += 1
                    line, rows = gen.article(n)
                    batch.append(line)
                    gold_batch.append(rows)
                    if len(batch) >= 2000:
                        chunk = "".join(batch)
                        total_bytes += len(chunk.encode("utf-8"))
                        out.write(chunk)
                        gold.write("".join(gold_batch))
                        batch, gold_batch = [], []
                chunk = "".join(batch)
                total_bytes += len(chunk.encode("utf-8"))
                out.write(chunk)
                gold.write("".join(gold_batch))
    return paths, total_bytes


# -------------------------------------------------------------------- main --

EPILOG = """\
what it writes:
  OUT (or OUT-00000.jsonl ... with --shards K; articles split in order, gold still one file):
  one JSON object a line with id ("syn-<seed>-<n>", n from 1), title, published (ISO date),
  url, source and text, the input aikg ingest reads. The title is kept out of the text.
  GOLD: tab-separated, header "doc type source target status" as in samples/gold.tsv, one row
  per relation the text states (canonical English gazetteer names; invented organisations by
  the name as written, without a final full stop; undirected types in either order; the most
  definite status when a relation is stated twice; "none" rows for articles with no relation).

what the articles contain:
  Korean (share 1 - --english-share) or English news from templates: every relation type
  (loi mou partnership contract investment supply reseller joint_development joint_venture
  merger acquisition meeting participation subsidiary_of competition) and status (done
  planned talks speculated ended) with the taxonomy's cue words (체결했다 / 체결할 예정이다 /
  논의하고 있다 / 전망이다 / 무산됐다; signed / will sign / in talks / reportedly / called
  off), Korean particles chosen by the final consonant, directed types both ways round
  ("A가 B에 투자" and "B가 A로부터 투자를 유치": gold investor -> investee either way),
  signatory lists ("A, B, C 등 3사는 ..." gives every pair), executives standing for their
  companies ("이재용 삼성전자 회장과 ..."), "양사" follow-ups, reported facts and hedges,
  invented companies (한빛테크, Nimbus Robotics), sentences without relations, and
  boilerplate that must yield nothing: datelines, bylines, reporter e-mails, copyright
  lines and related-article lists naming other organisations (never in gold).
  Organisations and people come from the repository's data/gazetteer/ (found from this
  script's location); the deals between them are fiction.

reproducibility and speed:
  The same arguments give byte-identical files; article n is the same whatever --articles
  or --shards (shard i holds a contiguous run of articles). Output is streamed (about 40 MB
  of memory whatever N); about 15,000 articles (12 MB of JSON Lines) a second on one busy
  core, so a million articles take a little over a minute.

example:
  tools/gen_corpus.py --articles 1000 --seed 1 --out /tmp/c.jsonl --gold /tmp/g.tsv
  aikg ingest --db /tmp/c.db /tmp/c.jsonl && aikg eval --db /tmp/c.db --gold /tmp/g.tsv
"""


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="gen_corpus.py", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Generate a reproducible synthetic Korean/English news corpus about AI partnerships, "
                    "with gold relations, for aikg speed and recall benchmarks.",
        epilog=EPILOG)
    ap.add_argument("--articles", type=int, required=True, metavar="N", help="number of articles (1 to 1,000,000)")
    ap.add_argument("--seed", type=int, required=True, metavar="S", help="random seed (same seed, same corpus)")
    ap.add_argument("--out", required=True, metavar="CORPUS.jsonl", help="JSON Lines output (a shard name stem with --shards)")
    ap.add_argument("--gold", required=True, metavar="GOLD.tsv", help="gold relations output (TSV)")
    ap.add_argument("--english-share", type=float, default=0.3, metavar="F",
                    help="share of English articles, 0 to 1 (default 0.3)")
    ap.add_argument("--shards", type=int, default=1, metavar="K",
                    help="write K files OUT-00000.jsonl ... instead of OUT (default 1)")
    ap.add_argument("--quiet", action="store_true", help="do not print the summary on stderr")
    args = ap.parse_args(argv)
    if not 1 <= args.articles <= 1_000_000:
        ap.error("--articles must be between 1 and 1,000,000")
    if not 0.0 <= args.english_share <= 1.0:
        ap.error("--english-share must be between 0 and 1")
    if not 1 <= args.shards <= args.articles:
        ap.error("--shards must be between 1 and --articles")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    world = World(GAZETTEER_DIR)
    start = time.perf_counter()
    paths, size = generate(args, world)
    elapsed = time.perf_counter() - start
    if not args.quiet:
        print("{} articles, {:.1f} MB in {} file(s), {:.1f} s ({:.0f} articles/s, {:.1f} MB/s); gold: {}".format(
            args.articles, size / 1e6, len(paths), elapsed, args.articles / elapsed if elapsed else 0,
            size / 1e6 / elapsed if elapsed else 0, args.gold), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
