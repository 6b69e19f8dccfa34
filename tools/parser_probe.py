#!/usr/bin/python3
"""Measure Debian's link-grammar parser against aikg's English chunker (a
measurement, not a test): what a parser would cost and what it would find.

Run (after building aikg and installing link-grammar with
`tools/setup.sh build Release --with-bench`, or `apt-get install python3-link-grammar`):

    /usr/bin/python3 tools/parser_probe.py [--aikg build-test/aikg] \
        [--dev ../shared/eval/dev] [--gold ../shared/eval/dev.gold.tsv] [--corpus-articles 3000]

It reads the English articles of the dev set at run time and prints counts
only, never their sentences.

Which sentences: `AIKG_TRACE=1 aikg extract FILE` prints each sentence
('## ...'), the chunker's name groups with their roles and its cues. A sentence
is parsed when it holds a trigger cue and at least two organisation names (a
person stands for the organisation they lead, as in the gold rules). That is
the "parse only what pays" plan of the issue, so it is also what is timed.

Cost: link-grammar (first pass: complete linkages only; when there is none, a
second pass that allows null links, as link-parser does) CPU time per parsed
sentence, median and p95, the sentences with no complete linkage or that hit
the time limit, and the throughput that chunker + parser would have on English:
chunker CPU s/MB (aikg extract --jsonl on the English part of a
tools/gen_corpus.py corpus, the README's speed figure) plus the parser's CPU
seconds per MB of dev English text (only the selected sentences are parsed).

Accuracy rule ("the parser connects A and B through trigger T"): in the best
linkage, the trigger's words (the cue's bytes) are extended along the verb
chain: I*, TO*, IV*, PP*, Pv*, Pg* links ("agreed to acquire", "has invested",
"was acquired"), and a noun trigger also takes the verb whose O* object it is
("signed a deal") and the copula it is the subject of ("A's supplier is B").
A name's words are extended along G*/SJ*/AN* links (proper names, "A and B",
"the A chairman", "A CEO Jane Doe": a person stands for the organisation). A name is an argument of the trigger when its words are
joined to the chain by S* (subject, SJ excluded), O* (object, OF excluded),
MV*/M* then J* (prepositional argument: "with", "by", "in", "of"), YS/YP then
D* (possessive: "A's acquisition"), or when the name's words reach the chain
through their own AN/G links (noun modifier: "the A deal"). A
gold relation is parser-right when, in some selected sentence, one trigger
of the gold type has both names as arguments. Direction is NOT checked (that
would need a case frame per verb), so the rule is generous to the parser.
Chunker-right: `aikg extract` on the article gives that type and pair (any
direction too, so both sides are scored alike).

Subject agreement: for every trigger of a selected sentence where
link-grammar finds an organisation as S-subject, whether the chunker put the
same organisation in a [subj] group of that sentence.
"""
import argparse
import json
import pathlib
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TYPES = ["loi", "mou", "partnership", "contract", "investment", "supply", "reseller", "joint_development",
         "joint_venture", "merger", "acquisition", "meeting", "participation", "subsidiary_of", "competition"]
TRIGGER_KIND = 0


# --- gazetteer: canonical names, English surfaces, people -> organisation ---

def load_gazetteer():
    canon, surfaces, person_org = set(), {}, {}
    for f in ("organisations.tsv", "people.tsv"):
        for line in (ROOT / "data" / "gazetteer" / f).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            name, kind, parent, en = cols[0], cols[1], cols[2], cols[4] if len(cols) > 4 else ""
            canon.add(name)
            surfaces[name] = {name} | {a for a in en.split("|") if a}
            if kind == "person" and parent:
                person_org[name] = parent
    return canon, surfaces, person_org


def split_names(text, canon):
    """The trace joins names with spaces and names hold spaces: longest known name first."""
    toks, out, i = text.replace("(등)", "").split(), [], 0
    while i < len(toks):
        for j in range(len(toks), i, -1):
            if " ".join(toks[i:j]) in canon:
                out.append(" ".join(toks[i:j]))
                i = j
                break
        else:  # an unknown candidate ('?Name'): up to the next known name
            j = i + 1
            while j < len(toks) and not any(" ".join(toks[j:k]) in canon for k in range(j + 1, len(toks) + 1)):
                j += 1
            out.append(" ".join(toks[i:j]))
            i = j
    return out


# --- the chunker's trace ---

CUE = re.compile(r"^   cue (\d+)/(-?\d+) '(.*)' @(\d+)$")
GROUP = re.compile(r"^   group \[(\w+)\] (.*)$")


def trace_sentences(aikg, path, canon):
    env = {"AIKG_TRACE": "1", "PATH": "/usr/bin:/bin"}
    run = subprocess.run([aikg, "extract", str(path)], env=env, capture_output=True, text=True, check=True)
    sentences = []
    for line in run.stderr.splitlines():
        if line.startswith("## "):
            sentences.append({"text": line[3:], "groups": [], "cues": []})
        elif not sentences:
            continue
        elif m := GROUP.match(line):
            sentences[-1]["groups"].append((m[1], split_names(m[2], canon)))
        elif m := CUE.match(line):
            sentences[-1]["cues"].append((int(m[1]), int(m[2]), m[3], int(m[4])))
        elif not line.startswith("   "):  # a sentence that ran over a line break
            sentences[-1]["text"] += "\n" + line
    mentions = [m for art in map(json.loads, run.stdout.splitlines()) for m in art.get("mentions", [])]
    return sentences, mentions


def organisation(name, person_org):
    return person_org.get(name, name)


# --- link-grammar ---

def parse(lg, dictionary, text, max_seconds=10):
    """Best linkage (or None), CPU seconds, whether it needed null links, whether it timed out."""
    start = time.process_time()
    timed_out, nulls, linkage = False, False, None
    for min_null, max_null in ((0, 0), (1, 250)):
        opts = lg.ParseOptions(min_null_count=min_null, max_null_count=max_null, max_parse_time=max_seconds)
        sentence = lg.Sentence(text, dictionary, opts)
        try:
            linkages = sentence.parse()
        except lg.LG_TimerExhausted:
            timed_out = True
            break
        linkage = next(iter(linkages), None)
        if linkage is not None:
            break
        nulls = True
    return linkage, time.process_time() - start, nulls, timed_out


def links_of(lg, linkage):
    clg = lg.clinkgrammar
    obj = linkage._obj
    return [(clg.linkage_get_link_lword(obj, i), clg.linkage_get_link_label(obj, i), clg.linkage_get_link_rword(obj, i))
            for i in range(linkage.num_of_links())]


def words_in(linkage, begin, end):
    return {w for w in range(linkage.num_of_words())
            if linkage.word_byte_start(w) < end and linkage.word_byte_end(w) > begin}


def closure(words, links, prefixes, exclude=()):
    words, grew = set(words), True
    while grew:
        grew = False
        for l, label, r in links:
            if label.startswith(prefixes) and not label.startswith(exclude) and (l in words) != (r in words):
                words |= {l, r}
                grew = True
    return words


VERB_CHAIN = ("I", "TO", "IV", "PP", "Pv", "Pg")
COPULA = re.compile(r"^(is|are|was|were|be|been)\.")


def verb_chain(trigger, links, linkage):
    chain = closure(trigger, links, VERB_CHAIN)
    if any(".v" not in linkage.word(w) for w in trigger):
        # A noun trigger: the verb it is the object of ("signed a deal"), or
        # the copula it is the subject of ("A's supplier is B").
        chain |= {l for l, label, r in links if r in trigger and label.startswith("O") and not label.startswith("OF")}
        chain |= {r for l, label, r in links if l in trigger and label.startswith("S") and not label.startswith("SJ")
                  and COPULA.match(linkage.word(r))}
        chain = closure(chain, links, VERB_CHAIN)
    return chain


def argument_role(np, chain, links):
    """How a name's words attach to the trigger's chain, or None."""
    def s(label):
        return label.startswith("S") and not label.startswith("SJ")
    for l, label, r in links:
        if s(label) and ((l in np and r in chain) or (r in np and l in chain)):
            return "subj"
        if label.startswith("O") and not label.startswith("OF") and l in chain and r in np:
            return "obj"
    for l, label, r in links:
        if label.startswith(("MV", "M")) and l in chain:
            if any(l2 == r and lab2.startswith("J") and r2 in np for l2, lab2, r2 in links):
                return "prep"
        if label.startswith(("YS", "YP")) and l in np:
            if any(l2 == r and lab2.startswith("D") and r2 in chain for l2, lab2, r2 in links):
                return "poss"
    return None


def name_spans(text, names, surfaces, person_org):
    """Byte spans of each organisation's surfaces in the sentence (people count for their organisation)."""
    data, spans = text.encode("utf-8"), {}
    for name in names:
        forms = surfaces.get(name, {name.lstrip("?")})
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(rb"(?<![A-Za-z0-9])" + re.escape(form.encode("utf-8")) + rb"(?![A-Za-z0-9])", data):
                spans.setdefault(organisation(name, person_org), []).append((m.start(), m.end()))
    return spans


# --- the measurement ---

def english_docs(gold_path, canonical):
    docs, gold = set(), []
    for line in pathlib.Path(gold_path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# d") and "(English" in line:
            docs.add(line[2:].split(":")[0].split("_")[0])
        elif line and not line.startswith(("#", "doc\t")):
            doc, kind, source, target, status = line.split("\t")[:5]
            gold.append((doc, kind, canonical.get(source, source), canonical.get(target, target)))
    return docs, [g for g in gold if g[0].split("_")[0] in docs and g[1] in TYPES]


def analyse_sentence(lg, dictionary, sent, spans, stats):
    linkage, seconds, nulls, timed_out = parse(lg, dictionary, sent["text"], stats["max_seconds"])
    stats["times"].append(seconds)
    stats["nulls"] += nulls
    stats["timeouts"] += timed_out
    found = []  # (type, {organisation: role})
    if linkage is None:
        return found
    links = links_of(lg, linkage)
    chunker_subjects = {n for role, names in sent["groups"] if role == "subj" for n in names}
    for kind, label, text, offset in sent["cues"]:
        if kind != TRIGGER_KIND or not 0 <= label < len(TYPES):
            continue
        trigger = words_in(linkage, offset, offset + max(len(text.rstrip("*")), 1))
        if not trigger:
            continue
        chain = verb_chain(trigger, links, linkage)
        roles = {}
        for org, org_spans in spans.items():
            own = set().union(*(words_in(linkage, b, e) for b, e in org_spans))
            if own & trigger:  # a cue inside the name
                continue
            np = closure(own, links, ("G", "SJ", "AN"))  # "A and B", "the A chairman", "A CEO Jane Doe"
            if role := "mod" if np & chain else argument_role(np, chain, links):
                roles[org] = role
        found.append((TYPES[label], roles))
        for org, role in roles.items():
            if role == "subj":
                stats["subj_total"] += 1
                stats["subj_agree"] += org in chunker_subjects or any(
                    stats["person_org"].get(n) == org for n in chunker_subjects)
    return found


def chunker_rate(aikg, articles):
    """Chunker CPU seconds per MB of English (gen_corpus English articles through aikg extract --jsonl)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus, gold = pathlib.Path(tmp) / "c.jsonl", pathlib.Path(tmp) / "g.tsv"
        subprocess.run([sys.executable, str(ROOT / "tools" / "gen_corpus.py"), "--articles", str(articles), "--seed", "7",
                        "--english-share", "1", "--out", str(corpus), "--gold", str(gold), "--quiet"], check=True)
        size = sum(len(json.loads(l)["text"].encode("utf-8")) for l in corpus.open(encoding="utf-8"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with corpus.open("rb") as stdin:
            subprocess.run([aikg, "extract", "--jsonl"], stdin=stdin, stdout=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / (size / 1e6), size


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aikg", default=str(ROOT / "build-test" / "aikg"))
    ap.add_argument("--dev", default=str(ROOT.parent / "shared" / "eval" / "dev"))
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "eval" / "dev.gold.tsv"))
    ap.add_argument("--corpus-articles", type=int, default=3000, help="English gen_corpus articles for the chunker's speed")
    ap.add_argument("--max-seconds", type=int, default=10, help="link-grammar's time limit per parse (a whole number)")
    args = ap.parse_args()
    try:
        import linkgrammar as lg
    except ImportError:
        sys.exit("parser_probe: needs Debian's python3-link-grammar (tools/setup.sh ... --with-bench); run with /usr/bin/python3")
    lg.LG_Error.set_handler(lambda *_: None)  # the dictionary's locale notice is not a finding
    dictionary = lg.Dictionary("en")
    canon, surfaces, person_org = load_gazetteer()
    canonical = {form: name for name, forms in surfaces.items() for form in sorted(forms) if name not in person_org}
    canonical.update({name: name for name in surfaces})
    docs, gold = english_docs(args.gold, canonical)
    stats = {"times": [], "nulls": 0, "timeouts": 0, "subj_total": 0, "subj_agree": 0, "person_org": person_org,
             "max_seconds": args.max_seconds}
    english_bytes, all_sentences, selected = 0, 0, 0
    table = {(p, c): 0 for p in (True, False) for c in (True, False)}
    in_scope = 0
    for path in sorted(pathlib.Path(args.dev).glob("*.txt")):
        doc = path.stem.split("_")[0]
        if doc not in docs:
            continue
        english_bytes += path.stat().st_size
        sentences, mentions = trace_sentences(args.aikg, path, canon)
        all_sentences += len(sentences)
        parsed = []  # (organisations of the sentence, triggers found)
        for sent in sentences:
            orgs = {organisation(n, person_org) for _, names in sent["groups"] for n in names}
            if len(orgs) < 2 or not any(k == TRIGGER_KIND and l >= 0 for k, l, _, _ in sent["cues"]):
                continue
            selected += 1
            spans = name_spans(sent["text"], {n for _, names in sent["groups"] for n in names}, surfaces, person_org)
            parsed.append((orgs, analyse_sentence(lg, dictionary, sent, spans, stats)))
        chunker_pairs = {(m["type"], frozenset((m["source"]["name"], m["target"]["name"]))) for m in mentions}
        for gdoc, kind, source, target in gold:
            if gdoc.split("_")[0] != doc or not any({source, target} <= orgs for orgs, _ in parsed):
                continue
            in_scope += 1
            parser_right = any(t == kind and source in roles and target in roles
                               for _, found in parsed for t, roles in found)
            table[(parser_right, (kind, frozenset((source, target))) in chunker_pairs)] += 1
    report(args, stats, english_bytes, all_sentences, selected, in_scope, len(gold), table)


def report(args, stats, english_bytes, all_sentences, selected, in_scope, gold_total, table):
    times = sorted(stats["times"])
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else 0.0
    parser_s_per_mb = sum(times) / (english_bytes / 1e6)
    chunker_s_per_mb, corpus_bytes = chunker_rate(args.aikg, args.corpus_articles)
    print(f"English dev articles: {english_bytes / 1e3:.1f} kB, {all_sentences} sentences, "
          f"{selected} with a trigger and two organisations (parsed)")
    print(f"link-grammar CPU per parsed sentence: median {statistics.median(times) * 1e3:.0f} ms, "
          f"p95 {p95 * 1e3:.0f} ms, max {times[-1] * 1e3:.0f} ms, total {sum(times):.1f} s" if times else "nothing parsed")
    print(f"no complete linkage (null links needed): {stats['nulls']}/{selected}; "
          f"timed out ({args.max_seconds} s): {stats['timeouts']}/{selected}")
    print(f"chunker alone: {1 / chunker_s_per_mb:.2f} MB/s per CPU second "
          f"(aikg extract --jsonl, {corpus_bytes / 1e6:.1f} MB of gen_corpus English)")
    print(f"parser on the selected sentences: {parser_s_per_mb:.1f} CPU s per MB of dev English; "
          f"chunker + parser: {1 / (chunker_s_per_mb + parser_s_per_mb):.3f} MB/s per CPU second (target 3)")
    print(f"\ngold English relations: {gold_total}; with both names in one parsed sentence: {in_scope}")
    print("| | chunker right | chunker wrong |\n|---|---|---|")
    for p in (True, False):
        print(f"| parser {'right' if p else 'wrong'} | {table[(p, True)]} | {table[(p, False)]} |")
    print(f"\nsubject agreement: {stats['subj_agree']}/{stats['subj_total']} link-grammar S-subjects "
          f"(organisations) are in the chunker's [subj] group of the sentence")


if __name__ == "__main__":
    main()
