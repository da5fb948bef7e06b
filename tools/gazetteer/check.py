#!/usr/bin/env python3
"""Check sitrep's place tables: data/places.tsv and data/places-curated.tsv.

    python3 tools/gazetteer/check.py [PATH ...]

Exits 1 and lists every problem when a table is wrong:

- every row has exactly 9 tab-separated columns, a known kind, an ISO2
  country, lat in [-90, 90] and lon in [-180, 180] (both given), an integer
  or empty population;
- no alias is shorter than 4 characters (a few station codes excepted), an
  airport/ICAO-style code, a number, non-Latin, or a stoplisted word;
- no place name (or alias) is only a stoplisted word, unless the name is
  qualified ("Van (Turkey)") or explicitly allowed;
- no two rows of one country share a canonical name (after folding).

It also reports (without failing) folded keys that name two places of one
country, and prints counts per country and per kind.

`fold()` mirrors src/extract/fold.rs, so keys compared here are the keys
the matcher builds. build.py imports `fold` and `STOPLIST` from here.
Python 3 standard library only.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

KINDS = {
    "country", "governorate", "city", "town", "village", "district", "region",
    "river", "lake", "desert", "mountain", "valley", "dam", "oil_field",
    "gas_field", "airbase", "crossing", "camp", "station", "site",
}

# Articles the matcher drops (src/extract/fold.rs).
ARTICLES_ALWAYS = {"al", "el", "az", "ez", "ash", "adh", "ath"}
ARTICLES_HYPHENED = {"ad", "ar", "as", "at", "an", "ed", "er", "es", "et"}
HYPHENS = "-\u2010\u2011\u2013"
JOINERS = "\u02bf\u02be\u02bb"  # ʿ ʾ ʻ: dropped without splitting a word


def _fold_char(c: str) -> str:
    if c.isascii():
        return c.lower()
    o = ord(c)
    if 0xC0 <= o <= 0x24F or 0x1E00 <= o <= 0x1EFF:
        d = unicodedata.normalize("NFD", c)
        c = d[0]
    if c == "ß":
        return "ss"
    if c == "ı":
        return "i"
    return c.lower()


def fold(s: str) -> str:
    """The matcher's key: "Deir ez-Zor" -> "deir zor"."""
    tokens: list[str] = []
    tok = ""
    chars = list(s)
    for i, c in enumerate(chars):
        if c.isalnum():
            tok += _fold_char(c)
            continue
        if c in JOINERS:
            continue
        if tok:
            hyph = c in HYPHENS
            if not (tok in ARTICLES_ALWAYS or (hyph and tok in ARTICLES_HYPHENED)):
                tokens.append(tok)
            tok = ""
    if tok and tok not in ARTICLES_ALWAYS:
        tokens.append(tok)
    return " ".join(tokens)


# Words that must never be a place alias (or a bare place name): common
# English words, words frequent in war reporting, first names and surnames,
# generic Arabic toponym parts, and organisation names. Compared with the
# folded key of a whole alias.
STOPLIST = set("""
about above across after again against ahead ahmad ahmed aisha albert alex
alexander alive allen allied allies almost alone along already also amal
amina amir among anas andrew angel anna another answer anthony arabia arabs
area areas army around arrow arthur asad assad attack attacks august autumn
away back badr baker bakr bank base bashar bashir basin battle beach bear
beauty bell belt best better biden big bilal black blair blood blue board
border boris born brave bread bridge bright brook brown bush business
call camp canal cape capital captain castle center central centre chapel
charles chief church circle city civil clark clear coast cold colonel
commander cook cooper corner council country court cover creek cross crown
daesh dana daniel dark david dawn days deal dear death deep defence defense
desert diana dignity district dome door down dream during eagle early earth
east eastern edward elena emir empire energy enemy eric erdogan evening even
every fahd faisal faith falcon fall family farm farms fast fatah fatima fear
field fields fight fire first flag flower force forces ford forest fort
fortune forward frank free freedom friday front future garden gate general
george gold golden good grace grand grant great green ground group guard
gulf hadi hafez hakim half hall hamas hamid hamza hand happy harbor harbour
harry hassan hayat head heart heaven helen help henry hero heroes hezbollah
high hill hills home honor honour hope hospital house huda hussein ibrahim
igor imam independence iron isaac islam ismail issa ivan jack jacob jafar
jamal jamil james jasim jassim jihad john jones joseph joshua jude july june
justice karam karama karamah karim kassem khaled khalid khalil king kirov
lake lamb land lane large last layla leader left leila lenin liberty life
light lily lion lions little liwa local lock long lord love lower luck maher
mahmoud main major malik mall mansour maria mariam mark market marsh martin
martyr martyrs mary matthew mayor meadow middle mile military mill mine
mines minister mission model monday money moon morgan morning moses mosque
mount mountain muhammad muharram munir musa mustafa nasr nasser nation
national navy nelson news next night noah noor north northern nour nusra
ocean office oleg olga omar only open operation orange order osman over
palace palm paradise paris park parker party pass paul peace pearl people
peter pine plain plaza point police port post power pride prince prison
putin qaeda qasim queen rain rami rana rashid rebel rebels red region
republic rest revolution richard ridge right ring river road robert rock
roman rose royal ruby rush sahara burma abs hamdi husayn husain
hussain hatem hatim salman zahir nazir khamis jumah juma ahad aslam amer samer saad safe said sailor saint salam salama salem
saleh salih salim salma salt samir samuel sand sarah saturday school scott
second sergei shadow sharia sheikh shell shepherd ship shore short side
silver simon sky small smith snow soldier solomon south southern spring
square star state station steel stone storm strait street strong sultan
summer sunday sunrise sunset tahrir tall tank tariq temple thawra third
thomas thursday tiger tigers today tower town trade tree trump truth tuesday
turner union unity upper valley victor victoria victory view village
vladimir walid walker wall ward water wednesday well west western white
william wind winter wood world yahya yasmin yellow young youssef yusuf zaid
zainab zayd zone
abu umm ibn bin bint bani beni bab ain ayn tal tell jisr kafr kfar deir dayr
hayy harat khirbet khirbat qasr qaryat qarya wadi jabal jebel nahr ras bir
suq souk sheikh shaykh markaz nahiyat madinat medina madinah mazraa mazraat
jadid jadida jadidah kabir kabira kabirah saghir saghira saghirah sharqi
sharqiya sharqiyah gharbi gharbiya gharbiyah shamali janubi fawqani tahtani
qadima qadimah bayt beit dar hai haret mahatta mahattat sahl
""".split())

# Short aliases that are nonetheless safe and wanted (station codes).
SHORT_OK = {"T-2", "T2", "T-3", "T3", "T-4", "T4", "ZNPP"}

# Place names allowed although their key is stoplisted: well-known towns
# whose name the matcher's own stopwords already keep from matching alone.
NAME_STOP_OK = {"al-Bab", "al-Tall"}

ISO2 = re.compile(r"^[A-Z]{2}$")
LATIN = re.compile(r"^[A-Za-z0-9 .'\u2019\u2018\-()\u02bf\u02be\u02bb,]+$")


def latin_base(s: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)
    )


def load(path: Path) -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        rows.append((n, line.split("\t")))
    return rows


def engine_stopwords() -> set[str]:
    p = ROOT / "data" / "stopwords.txt"
    if not p.exists():
        return set()
    return {
        fold(l.strip())
        for l in p.read_text(encoding="utf-8").splitlines()
        if l.strip() and not l.startswith("#")
    }


def check(paths: list[Path]) -> int:
    errors: list[str] = []
    warnings: list[str] = []
    by_country_kind = Counter()
    per_country = Counter()
    per_kind = Counter()
    names_seen: dict[tuple[str, str], str] = {}
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    skipped = engine_stopwords()
    total = 0
    for path in paths:
        rows = load(path)
        header = [
            l for l in path.read_text(encoding="utf-8").splitlines()[:8]
            if l.startswith("#")
        ]
        if not any("GeoNames" in l or "public knowledge" in l for l in header):
            errors.append(f"{path.name}: header comments must name the source and licence")
        for n, cols in rows:
            total += 1
            where = f"{path.name}:{n}"
            if len(cols) != 9:
                errors.append(f"{where}: {len(cols)} columns, want 9")
                continue
            name, kind, cc, admin1, lat, lon, pop, aliases, note = cols
            if not name.strip() or name != name.strip():
                errors.append(f"{where}: empty or padded name {name!r}")
            if kind not in KINDS:
                errors.append(f"{where}: kind {kind!r} not allowed")
            if not ISO2.match(cc):
                errors.append(f"{where}: country {cc!r} is not ISO2")
            try:
                la, lo = float(lat), float(lon)
                if not (-90 <= la <= 90 and -180 <= lo <= 180):
                    errors.append(f"{where}: coordinates out of range {lat},{lon}")
            except ValueError:
                errors.append(f"{where}: bad coordinates {lat!r},{lon!r}")
            if pop and not pop.isdigit():
                errors.append(f"{where}: population {pop!r} is not an integer")
            per_country[cc] += 1
            per_kind[kind] += 1
            by_country_kind[(cc, kind)] += 1
            nk = fold(name)
            if (cc, nk) in names_seen:
                errors.append(
                    f"{where}: name {name!r} duplicates {names_seen[(cc, nk)]!r} in {cc}"
                )
            names_seen[(cc, nk)] = name
            qualified = "(" in name
            if not qualified and nk in STOPLIST and name not in NAME_STOP_OK:
                errors.append(f"{where}: name {name!r} is a stoplisted word")
            keys[(cc, nk)].add(name)
            al = [a for a in aliases.split("|") if a] if aliases else []
            if len(al) > 14:
                errors.append(f"{where}: {len(al)} aliases for {name!r} (keep ~12)")
            seen_al = set()
            for a in al:
                k = fold(a)
                if a != a.strip():
                    errors.append(f"{where}: padded alias {a!r}")
                if a in seen_al:
                    errors.append(f"{where}: alias {a!r} listed twice")
                seen_al.add(a)
                if a not in SHORT_OK:
                    if len(a) < 4 or len(k.replace(" ", "")) < 3:
                        errors.append(f"{where}: alias {a!r} of {name!r} is too short")
                    if re.search(r"\d", a) and not re.search(r"[A-Za-z]{4}", a):
                        errors.append(f"{where}: alias {a!r} of {name!r} looks like a code")
                    if re.fullmatch(r"[A-Z]{3,4}", a):
                        errors.append(f"{where}: alias {a!r} of {name!r} looks like an airport code")
                if not LATIN.match(latin_base(a).replace("ı", "i")):
                    errors.append(f"{where}: alias {a!r} of {name!r} is not Latin script")
                if k in STOPLIST:
                    errors.append(f"{where}: alias {a!r} of {name!r} is a stoplisted word")
                if " " not in k and k in skipped and a not in SHORT_OK:
                    warnings.append(
                        f"{where}: alias {a!r} of {name!r} is an engine stopword (never matches)"
                    )
                keys[(cc, k)].add(name)
    for (cc, k), names in sorted(keys.items()):
        if len(names) > 1:
            warnings.append(f"{cc}: key {k!r} names {sorted(names)}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"\n{total} rows")
    print("per country:", ", ".join(f"{c} {n}" for c, n in sorted(per_country.items(), key=lambda x: (-x[1], x[0]))))
    print("per kind:", ", ".join(f"{k} {n}" for k, n in sorted(per_kind.items(), key=lambda x: (-x[1], x[0]))))
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or [
        ROOT / "data" / "places.tsv",
        ROOT / "data" / "places-curated.tsv",
    ]
    return check(paths)


if __name__ == "__main__":
    assert fold("Deir ez-Zor") == "deir zor"
    assert fold("Deir Az Zor") == "deir zor"
    assert fold("al-Mayadin") == "mayadin"
    assert fold("as-Sukhnah") == "sukhnah"
    assert fold("as far as") == "as far as"
    assert fold("Dar'a") == "dar a"
    sys.exit(main())
