#!/usr/bin/env python3
"""Check sitrep's alias tables: data/forces.toml and data/sources.toml.

    python3 tools/check_tables.py [--forces PATH] [--sources PATH]

An analyst's own forces.toml / sources.toml (config dir) can be checked the
same way. Exits 1 and lists every problem when a table is wrong:

- each entry has name, kind and a non-empty aliases list of strings, and no
  unknown key (a typo like `alias =` would otherwise be silently ignored);
- kinds are from the allowed sets; a force's country is "" or ISO alpha-2;
- names are unique, and every name is also one of its own aliases;
- no alias is shorter than 2 characters, or listed twice in one entry;
- no alias (case-insensitively, after folding hyphens, apostrophes,
  diacritics and a possessive 's) belongs to two forces, two sources, or a
  force and a source. `generic` lists are exempt: a back-reference like
  "the army" may sit on several entries;
- no force alias is a common English word (those go in `ambiguous`, which
  counts only in a force context such as "IS fighters").

Python 3.11+ standard library only (tomllib).
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FORCE_KINDS = {
    "state_army", "air_force", "navy", "unit", "special_forces", "militia",
    "paramilitary", "armed_group", "jihadist_group", "coalition",
    "foreign_military", "police", "intelligence", "pmc",
}
SOURCE_KINDS = {
    "agency", "state_media", "monitor", "ministry", "media_wing", "official",
    "outlet", "ngo", "un",
}
FORCE_KEYS = {"name", "kind", "country", "aliases", "generic", "ambiguous"}
SOURCE_KEYS = {"name", "kind", "aliases", "generic"}

# Common English words (and tokens that read as words in running text) that
# must never be a force alias on their own. Compared case-insensitively, so
# "IS", "US", "AS" and "TIP" are caught too.
STOPLIST = set("""
a i am an as at be by do go he if in is it me my no of oh ok on or so to up us we
act add age ago aid aim air all and any are arm art ask bad bag ban bar bay bed
big bit box boy bus but buy can car cat cut day did die dog due end era eye far
few fit fly for fun gas get god gun guy had has hat her him his hit hot how ice
its job key kid law lay led leg let lie lot low mad man map may men met mix net
new nor not now odd off oil old one our out own pay per put ran raw red rid run
sad saw say sea see set she sir sit six sky son sun tax ten the tie tip top toy
try two use via war was way who why win yes yet you
able also area army away back bank base bear best body bomb both call came camp
care case city come cost dark dead deal does done door down draw drop each east
even face fact fall fast fear feel fire five flag form four free from full gate
gave give goes gold good half hall hand hard have head hear held help here high
hill hold home hope hour into just keep kill kind king knew know land last late
lead left less life like line list live long look lord lose loss lost made main
make many mark mass more most move much must name near need news next nine none
north once only open over part pass past plan play port post pull push race raid
rank rest rise road rock role rule safe said same seat seen self send ship shot
show side sign some soon south star stay step such sure take talk team tell tent
than that them then they thin this time told took town tree true turn unit upon
very view wall want ward warn wave well went were west what when whom wide wild
will wind with word work yard year your zone
above after again alert alive allow among blood board break bring camps chief
civil clear close cross death early enemy field fight first flash force forces
front glory group guard guards heavy hello house judge later light local lords
major march might never night north order other peace place point power right
river round seven shall shield since sixth small south spear state storm strike
sword their there these thing third those three tiger tigers today total tower
under union until watch water where which while white whole world would young
youth active allies battle border center centre corps eagle eagles falcon falcons
giants hawks lions legion militia police regime safety troops unity valley
victory brigade command council defence defense justice liberty martyrs
military soldiers special division fighters national popular security
movement battalion regiment resistance coalition government opposition islamic
jihad rebels terrorists militants jihadists insurgents gunmen army's
""".split())

_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"


def fold(alias: str, keep_case: bool = False) -> str:
    """Fold an alias for comparison.

    keep_case=True is the matcher's own folding (diacritics, hyphen/space,
    apostrophe variants, possessive 's): two aliases of one entry that fold
    alike are a pure repeat. Otherwise it also lowercases and drops the
    remaining apostrophes ("Kata'ib" = "Kataib"), which is stricter than the
    matcher, so that near-clashes between entries are caught too."""
    s = unicodedata.normalize("NFKD", alias)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for c in _APOSTROPHES:
        s = s.replace(c, "'")
    for c in _DASHES:
        s = s.replace(c, "-")
    s = re.sub(r"(?<=\w)'s\b", "", s)
    if not keep_case:
        s = s.replace("'", "")
    s = s.replace("-", " ")
    s = re.sub(r"\s+", " ", s).strip()
    return s if keep_case else s.lower()


class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"{where}: {msg}")

    def entries(self, path: Path, table: str, kinds: set[str], keys: set[str]) -> list[dict]:
        try:
            with path.open("rb") as f:
                data = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError) as e:
            self.err(str(path), f"cannot load: {e}")
            return []
        extra = set(data) - {table}
        if extra:
            self.err(str(path), f"unknown top-level keys {sorted(extra)}")
        items = data.get(table)
        if not isinstance(items, list) or not items:
            self.err(str(path), f"no [[{table}]] entries")
            return []
        good = []
        names: Counter[str] = Counter()
        for i, e in enumerate(items):
            where = f"{path.name} [[{table}]] #{i + 1} {e.get('name', '?')!r}"
            ok = True
            for key in ("name", "kind", "aliases"):
                if key not in e:
                    self.err(where, f"missing `{key}`")
                    ok = False
            for key in set(e) - keys:
                self.err(where, f"unknown key `{key}`")
            if not ok:
                continue
            if not isinstance(e["name"], str) or not e["name"].strip():
                self.err(where, "name must be a non-empty string")
                continue
            names[fold(e["name"])] += 1
            if e["kind"] not in kinds:
                self.err(where, f"kind {e['kind']!r} not in {sorted(kinds)}")
            if "country" in keys:
                c = e.get("country")
                if c is None:
                    self.err(where, "missing `country` (use \"\" for transnational)")
                elif not (c == "" or re.fullmatch(r"[A-Z]{2}", c)):
                    self.err(where, f"country {c!r} is not \"\" or an ISO alpha-2 code")
            for key in ("aliases", "generic", "ambiguous"):
                if key not in e:
                    continue
                v = e[key]
                if not isinstance(v, list) or not all(isinstance(a, str) for a in v):
                    self.err(where, f"`{key}` must be a list of strings")
                    ok = False
                elif key == "aliases" and not v:
                    self.err(where, "`aliases` is empty")
                    ok = False
            if not ok:
                continue
            self.check_entry(where, e)
            good.append(e)
        for n, k in names.items():
            if k > 1:
                self.err(str(path), f"name {n!r} used by {k} entries")
        return good

    def check_entry(self, where: str, e: dict) -> None:
        aliases = e["aliases"]
        folded = {fold(a) for a in aliases}
        if fold(e["name"]) not in folded:
            self.err(where, "the name is not among its own aliases")
        for key in ("aliases", "generic", "ambiguous"):
            seen: dict[str, str] = {}
            for a in e.get(key, []):
                if a != a.strip() or "  " in a:
                    self.err(where, f"{key} {a!r} has stray whitespace")
                if len(fold(a)) < 2:
                    self.err(where, f"{key} {a!r} is shorter than 2 characters")
                k = fold(a, keep_case=True)
                if k in seen:
                    self.err(where, f"{key} {a!r} repeats {seen[k]!r} (the matcher folds them alike)")
                seen[k] = a
        for a in e.get("ambiguous", []):
            if fold(a) in folded:
                self.err(where, f"ambiguous {a!r} is also a plain alias")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--forces", type=Path, default=ROOT / "data" / "forces.toml")
    ap.add_argument("--sources", type=Path, default=ROOT / "data" / "sources.toml")
    args = ap.parse_args()

    ck = Checker()
    forces = ck.entries(args.forces, "force", FORCE_KINDS, FORCE_KEYS)
    sources = ck.entries(args.sources, "source", SOURCE_KINDS, SOURCE_KEYS)

    # Who owns each folded alias (aliases + ambiguous; generics exempt).
    owners: dict[str, set[str]] = defaultdict(set)
    for table, items in (("force", forces), ("source", sources)):
        for e in items:
            for a in e["aliases"] + e.get("ambiguous", []):
                owners[fold(a)].add(f"{table} {e['name']!r}")
    for a, who in sorted(owners.items()):
        if len(who) > 1:
            ck.err("clash", f"alias {a!r} belongs to {', '.join(sorted(who))}")

    for e in forces:
        where = f"force {e['name']!r}"
        for a in e["aliases"]:
            if fold(a) in STOPLIST:
                ck.err(where, f"alias {a!r} is a common English word: move it to `ambiguous`")

    # A generic that is someone else's real alias is worth a look, not a failure.
    for table, items in (("force", forces), ("source", sources)):
        for e in items:
            mine = f"{table} {e['name']!r}"
            for g in e.get("generic", []):
                other = owners.get(fold(g), set()) - {mine}
                if other:
                    ck.warn(mine, f"generic {g!r} is an alias of {', '.join(sorted(other))}")

    print(f"forces: {len(forces)} entries, "
          f"{sum(len(e['aliases']) for e in forces)} aliases, "
          f"{sum(len(e.get('generic', [])) for e in forces)} generic, "
          f"{sum(len(e.get('ambiguous', [])) for e in forces)} ambiguous")
    for k, n in sorted(Counter(e["kind"] for e in forces).items(), key=lambda x: (-x[1], x[0])):
        print(f"  {k:<17}{n}")
    print(f"sources: {len(sources)} entries, "
          f"{sum(len(e['aliases']) for e in sources)} aliases, "
          f"{sum(len(e.get('generic', [])) for e in sources)} generic")
    for k, n in sorted(Counter(e["kind"] for e in sources).items(), key=lambda x: (-x[1], x[0])):
        print(f"  {k:<17}{n}")

    for w in ck.warnings:
        print(f"warning: {w}")
    for e in ck.errors:
        print(f"error: {e}", file=sys.stderr)
    if ck.errors:
        print(f"{len(ck.errors)} error(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
