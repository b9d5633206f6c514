"""Hostile command lines for `fuzz_cli.py`: generated from a seed, one `Case` each.

A case is the arguments of one `factcheck` command and the files it reads, written into the
case's own folder. `{case}` in an argument is that folder, `{index}` the shared index. The
families cover what the hostile-input issue (14) names: encodings, JSON, CSV and YAML edge
cases, binary files, huge fields, special files (run as a subprocess: they could hang), claim
and speaker texts, report outputs and arguments.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field

GOOD = "The minister said the budget would rise by ten percent next year."
SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".csv")
ENCODINGS = ("latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030",
             "shift_jis", "koi8-r", "utf-8-sig")
ODD_TEXT = ("café “quoted” — dash", "Ünïcödé ẞ ǅ ﬁ", "עברית ‏RTL‏ العربية", "zero\u200bwidth\ufeff",
            "emoji 🧨👩‍👩‍👧 flags 🇺🇦", "e\u0301\u0301\u0301 combining",
            "\x07\x1b[31mcontrol\x1b[0m",
            "line\u2028sep\u2029para", "!!! ??? ...", "a", "the of and to", "12345 67",
            "tab\tand\vvertical\fform", "\ufffd replacement", "<script>alert(1)</script>",
            "=HYPERLINK(\"http://x\")", "' OR 1=1 --", "%s %d {0} ${x}")
BAD_BYTES = (b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xe2\x82")
JSON_VALUES = ("NaN", "Infinity", "-Infinity", "1e999", "9" * 5000, "[]", "[\"a\"]", "{}",
               "{\"a\": 1}", "true", "false", "null", "0", "-0.0", "1.5", "\"\"", "\"  \"",
               "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff x\"", "\"\\ud83d\\ude00 ok\"",
               "[" * 70 + "]" * 70, "[" * 3000 + "]" * 3000, "\"" + "x" * 200_000 + "\"")
JSON_LINES = ("{", "}", "[1, 2]", "\"just a string\"", "42", "{'text': 'single quotes'}",
              "{\"text\": \"a\",}", "{\"text\": \"a\"} trailing", "// comment", "\ufeff{}",
              "{\"text\": \"dup\", \"text\": \"dup2\"}", "{\"text\": \"ok\", \"id\": \"\"}",
              "{\"text\": \"line\\nbreak\\r\\ninside\"}", "\x00",
              "{\"text\": \"" + "é" * 3000 + "\"}")
YAML_BLOCKS = ("a: &a [x, x]\nb: [*a, *a]", "title: !!python/object/apply:os.system [ls]",
               "title: !!binary aGVsbG8=", "tags: !!set {a, b}", "published: 2020-02-30",
               "published: 2020-13-45", "published: yesterday", "published: .nan",
               "n: " + "9" * 5000, "n: 0x" + "f" * 4000, "title: " + "[" * 500 + "]" * 500,
               "title: {a: {b: {c: {d: {e: 1}}}}}", "title: [a, b]", "title: {a: 1}",
               "title: true", "id: [1, 2]", "id: 3.5", "? [a, b]\n: c", "title: a\ntitle: b",
               "\ttitle: tab", "title: \"\\ud800\"", "title: 'unterminated", "- a\n- b", "42",
               "title: " + "x" * 100_000, "published: 2001-12-14 21:59:43.10 -5", "%YAML 9.9",
               "!!str", "&anchor", "*alias", "title: *undefined", "title: \"\\x00\"")
CSV_TEXTS = ('text\n"never closed\nrow,2\nrow,3\n', 'text,"open header\na\nb\n',
             "text\x00,id\na,1\n", "text\n" + "a" * 200_000 + "\n", "id,title\n1,no text\n",
             "text,text\nA,B\n", "text\n", "text;id\nsemicolon;1\n", "text\tid\ntab\t1\n",
             "text\r\nCRLF row\r\n", "text\rCR only\r", 'text\n"a"b"c\nd\n',
             "text,id\na\nb,2,3,4\n",
             "\ufefftext\nBOM\n", "=cmd|' /C calc'!A0,text\nx,y\n", "text\n\n\n\n", ",,,\n,,,\n",
             "text\n" + "row\n" * 1000, 'text\n"' + '""' * 5000 + '"\n', "TEXT , ID \nupper,1\n")
CLAIMS = ("", " ", "\t\n", "!!!", "?", "“", "\"unbalanced", "a", GOOD, GOOD.upper(),
          "x" * 4999, "x " * 2600, "word " * 1200, "\udcff\udcfe", "claim \udcc3\udca9",
          "\u202eevil\u202c", "\x00", "\x1b[2J", "“The budget would rise,” Dan Scavino wrote",
          "Putin: “All arms shipments must stop”", "The call is going well — Dan Scavino",
          "… … …", "[the president] said [that]", "According to , the", ":", "— —", "🧨" * 100)
SPEAKERS = ("", " ", "Dan Scavino", "x" * 6000, "\udcff", "\x00", "Robert'); DROP TABLE--",
            "the", "💥", "A" * 201)
K_VALUES = ("0", "-1", "-3", "1", "5", "1000000000", "abc", "1e3", "", "99999999999999999999")
OUTS = (".csv", ".json", ".html", ".jsonld", ".txt", ".CSV", "", ".json.part")


@dataclass
class Case:
    """One command line and the files it needs."""

    command: str
    family: str
    args: list[str]
    files: dict[str, bytes] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # name -> target
    fifos: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    subprocess: bool = False


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _document(rng: random.Random, suffix: str, text: str) -> bytes:
    """`text` as a document of a format; the fields around it are sometimes odd too."""
    if suffix == ".jsonl":
        row = {"text": text, "id": f"d{rng.randrange(10**6)}", "title": rng.choice(ODD_TEXT)}
        return _utf8(json.dumps(row, ensure_ascii=rng.random() < 0.5) + "\n")
    if suffix == ".csv":
        quoted = text.replace('"', '""')
        return _utf8(f'id,text\nc{rng.randrange(10**6)},"{quoted}"\n')
    if suffix == ".md":
        return _utf8(f"---\ntitle: {json.dumps(rng.choice(ODD_TEXT))}\n---\n{text}\n")
    if suffix == ".html":
        return _utf8(f"<html><head><title>T</title></head><body><p>{text}</p></body></html>")
    return _utf8(text)


def _ingest(family: str, files: dict[str, bytes], index: str = "{index}") -> Case:
    return Case("ingest", family, ["ingest", *(f"{{case}}/{n}" for n in files), "--index", index],
                files)


def encoding_case(rng: random.Random) -> Case:
    suffix = rng.choice(SUFFIXES)
    data = _document(rng, suffix, f"{rng.choice(ODD_TEXT)} {GOOD}")
    if rng.random() < 0.5:
        data = data.decode("utf-8").encode(rng.choice(ENCODINGS), "replace")
    else:
        cut = rng.randrange(len(data))
        data = data[:cut] + rng.choice(BAD_BYTES) + data[cut:]
    return _ingest("encoding", {f"enc{suffix}": data})


def json_case(rng: random.Random) -> Case:
    rows = []
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.3:
            rows.append(rng.choice(JSON_LINES))
            continue
        fields = {"text": json.dumps(GOOD)}
        fields[rng.choice(("text", "id", "title", "published", "speaker", "url", "kind",
                           "extra"))] = rng.choice(JSON_VALUES)
        rows.append("{" + ", ".join(f"\"{k}\": {v}" for k, v in fields.items()) + "}")
    if rng.random() < 0.5:
        rows.append(json.dumps({"text": GOOD + f" Row {rng.randrange(10**6)}."}))
    return _ingest("json", {"rows.jsonl": _utf8("\n".join(rows) + "\n")})


def csv_case(rng: random.Random) -> Case:
    text = rng.choice(CSV_TEXTS)
    if rng.random() < 0.5:
        text = text + f"{GOOD} {rng.randrange(10**6)}\n"
    return _ingest("csv", {"rows.csv": _utf8(text)})


def yaml_case(rng: random.Random) -> Case:
    blocks = rng.sample(YAML_BLOCKS, rng.randint(1, 2))
    closing = "" if rng.random() < 0.1 else "---\n"
    body = f"---\n{chr(10).join(blocks)}\n{closing}{GOOD} {rng.randrange(10**6)}\n"
    return _ingest("yaml", {f"front{rng.choice(('.md', '.txt', '.markdown'))}": _utf8(body)})


def binary_case(rng: random.Random) -> Case:
    heads = (b"", b"\x1f\x8b\x08\x00", b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"PK\x03\x04",
             b"\x7fELF\x02\x01", b"\xff" * 64, b"\x00" * 64, b"SQLite format 3\x00")
    data = rng.choice(heads) + rng.randbytes(rng.randint(0, 4096))
    return _ingest("binary", {f"blob{rng.choice(SUFFIXES)}": data})


def huge_case(rng: random.Random) -> Case:
    kind = rng.choice(("long-text", "long-line", "many-rows", "long-field", "deep-json"))
    if kind == "long-text":  # over the 5,000,000-character document limit
        return _ingest("huge", {"long.txt": b"word " * 1_000_100})
    if kind == "long-line":
        return _ingest("huge", {"line.md": b"a" * rng.choice((300_000, 5_000_001))})
    if kind == "many-rows":
        rows = "".join(json.dumps({"text": f"Row {n} of many."}) + "\n" for n in range(2000))
        return _ingest("huge", {"many.jsonl": _utf8(rows)})
    if kind == "long-field":
        return _ingest("huge", {"field.csv": b"text\n" + b"b" * 6_000_000 + b"\n"})
    return _ingest("huge", {"deep.jsonl": b"{\"text\": " + b"[" * 200_000 + b"]" * 200_000
                            + b"}\n"})


def html_case(rng: random.Random) -> Case:
    pages = ("", "   <", "plain text, no tags", "<!-- only a comment -->", "<?xml version='1.0'?>",
             "<html><body></body></html>", "<p>" * 5000, "<script>" + GOOD + "</script>",
             f"<html><body><p>{GOOD}</p></body></html>", "<![CDATA[x]]>", "<html\x0b>",
             "<meta charset='utf-16'><p>" + GOOD + "</p>", "&#0; &#xD800; &#99999999;")
    page = rng.choice(pages) + rng.choice(("", GOOD, rng.choice(ODD_TEXT)))
    return _ingest("html", {f"page{rng.choice(('.html', '.htm'))}": _utf8(page)})


def special_case(rng: random.Random) -> Case:
    """Paths that are no regular file: run in a subprocess with a timeout."""
    kind = rng.choice(("fifo", "zero", "null", "folder", "broken", "loop", "claims-fifo",
                       "claims-zero", "index-fifo", "out-fifo", "newline", "long", "dev"))
    name = f"x{rng.choice(SUFFIXES)}"
    base = {"fifo": Case("ingest", "special", ["ingest", "{case}/" + name, "--index", "{index}"],
                         fifos=(name,)),
            "zero": Case("ingest", "special", ["ingest", "{case}/" + name, "--index", "{index}"],
                         links={name: "/dev/zero"}),
            "null": Case("ingest", "special", ["ingest", "{case}/" + name, "--index", "{index}"],
                         links={name: "/dev/null"}),
            "folder": Case("ingest", "special", ["ingest", "{case}/" + name, "--index",
                                                 "{index}"], folders=(name,)),
            "broken": Case("ingest", "special", ["ingest", "{case}/" + name], links={
                name: "/nonexistent/target"}),
            "loop": Case("ingest", "special", ["ingest", "{case}/" + name], links={name: name}),
            "claims-fifo": Case("report", "special", ["report", "{case}/c.csv", "--out",
                                                      "{case}/o.json", "--index", "{index}"],
                                fifos=("c.csv",)),
            "claims-zero": Case("report", "special", ["report", "{case}/c.jsonl", "--out",
                                                      "{case}/o.json", "--index", "{index}"],
                                links={"c.jsonl": "/dev/zero"}),
            "index-fifo": Case("stats", "special", ["stats", "--index", "{case}/idx"],
                               fifos=("idx",)),
            "out-fifo": Case("report", "special", ["report", "{case}/c.csv", "--out",
                                                   "{case}/o.csv", "--index", "{index}"],
                             files={"c.csv": b"claim\n" + _utf8(GOOD) + b"\n"}, fifos=("o.csv",)),
            "newline": _ingest("special", {"new\nline.txt": _utf8(GOOD)}),
            "long": _ingest("special", {"l" * 250 + ".txt": _utf8(GOOD)}),
            "dev": Case("ingest", "special", ["ingest", "/dev/stdin", "/dev/zero"])}[kind]
    base.subprocess = True
    return base


def search_case(rng: random.Random) -> Case:
    args = ["search", rng.choice(CLAIMS) + rng.choice(("", "", f" {rng.choice(ODD_TEXT)}"))]
    if rng.random() < 0.4:
        args += ["--speaker", rng.choice(SPEAKERS)]
    if rng.random() < 0.3:
        args += ["-k", rng.choice(K_VALUES)]
    if rng.random() < 0.5:
        args.append("--json")
    return Case("search", "claim", [*args, "--index", "{index}"])


def quotes_case(rng: random.Random) -> Case:
    args = ["quotes"]
    if rng.random() < 0.6:
        args += ["--doc", rng.choice(("", "%", "_", "' OR 1=1 --", "\udcff", "x" * 10_000,
                                      "seed", "d1"))]
    if rng.random() < 0.6:
        args += ["--speaker", rng.choice(SPEAKERS)]
    if rng.random() < 0.5:
        args.append("--json")
    return Case("quotes", "quotes", [*args, "--index", "{index}"])


def _claims_file(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(("csv", "jsonl", "tsv", "txt", "ndjson", "csv-edge", "jsonl-edge",
                       "encoding", "binary"))
    if kind in ("csv", "tsv", "txt"):
        sep = "\t" if kind == "tsv" else rng.choice(",;|\t")
        rows = [f"claim{sep}speaker{sep}{rng.choice(('id', '=cmd()', '@x', 'note'))}"]
        rows += [f"\"{rng.choice(CLAIMS).replace(chr(34), chr(34) * 2)}\"{sep}"
                 f"{rng.choice(SPEAKERS)[:50]}{sep}{n}" for n in range(rng.randint(0, 5))]
        return f"claims.{kind}", _utf8("\n".join(rows) + "\n")
    if kind in ("jsonl", "ndjson", "jsonl-edge"):
        rows = [json.dumps({"claim": rng.choice(CLAIMS), "speaker": rng.choice(SPEAKERS),
                            "id": rng.choice((1, "a", None, [1], 2.5))}) for _ in range(3)]
        if kind == "jsonl-edge":
            rows += [f"{{\"claim\": {rng.choice(JSON_VALUES)}}}", rng.choice(JSON_LINES)]
        return f"claims.{'ndjson' if kind == 'ndjson' else 'jsonl'}", _utf8("\n".join(rows))
    if kind == "csv-edge":
        return "claims.csv", _utf8(rng.choice(CSV_TEXTS).replace("text", "claim"))
    if kind == "encoding":
        data = _utf8(f"claim\n{rng.choice(ODD_TEXT)}\n{GOOD}\n")
        return "claims.csv", (data.decode("utf-8").encode(rng.choice(ENCODINGS), "replace")
                              if rng.random() < 0.5 else data + rng.choice(BAD_BYTES))
    return f"claims{rng.choice(('.csv', '.jsonl'))}", rng.randbytes(rng.randint(0, 2048))


def report_case(rng: random.Random) -> Case:
    name, data = _claims_file(rng)
    out = "{case}/out" + rng.choice(OUTS)
    odd = rng.random()
    if odd < 0.05:
        out = "{case}/" + name  # the claims file itself
    elif odd < 0.1:
        out = "{case}/missing/folder/out.json"
    elif odd < 0.15:
        out = "{case}"  # a folder
    args = ["report", "{case}/" + name, "--out", out, "--index", "{index}"]
    if rng.random() < 0.3:
        args += ["-k", rng.choice(K_VALUES)]
    return Case("report", "claims", args, {name: data})


def index_case(rng: random.Random) -> Case:
    """Commands on an index path that is odd, or a first ingest into a new folder."""
    kind = rng.choice(("file", "long", "new-ingest", "new-search", "nested"))
    if kind == "file":
        return Case("stats", "index", ["stats", "--index", "{case}/f.txt"],
                    {"f.txt": _utf8(GOOD)})
    if kind == "long":
        return Case("stats", "index", ["stats", "--index", "{case}/" + "i" * 300])
    if kind == "new-search":
        return Case("search", "index", ["search", GOOD, "--index", "{case}/new"])
    if kind == "nested":
        return Case("stats", "index", ["stats", "--index", "{case}/a/b/c"])
    text = rng.choice((GOOD, rng.choice(ODD_TEXT)))
    return _ingest("index", {"first.txt": _utf8(text)}, index="{case}/new")


# How many cases of each family in 1,000 (the rest of a run keeps the same proportions).
FAMILIES: tuple[tuple[Callable[[random.Random], Case], int], ...] = (
    (encoding_case, 80), (json_case, 130), (csv_case, 90), (yaml_case, 90), (binary_case, 50),
    (huge_case, 20), (html_case, 50), (special_case, 30), (search_case, 180),
    (quotes_case, 60), (report_case, 180), (index_case, 40))


def generate(seed: int, count: int) -> list[Case]:
    """`count` cases from `seed`, the families mixed in their proportions."""
    rng = random.Random(seed)
    weights = [w for _, w in FAMILIES]
    makers = rng.choices([m for m, _ in FAMILIES], weights=weights, k=count)
    return [make(rng) for make in makers]
