"""Measure stories and contradictions on real news by reading a seeded sample.

Three steps (issue 16):

    # 1. the input: PolNeAR dev+train as JSON Lines with their publication dates
    #    (polnear/metadata.tsv) and outlets, plus the article-extraction pages
    python scripts/judge_links.py input /tmp/links.jsonl
    nice newsevents ingest /tmp/links.jsonl --db /tmp/links.duckdb

    # 2. draw the sample (seeded) and print each link for reading
    python scripts/judge_links.py show --db /tmp/links.duckdb

    # 3. tally the verdicts written into scripts/judge_links_verdicts.tsv
    python scripts/judge_links.py tally --db /tmp/links.duckdb

The verdicts file holds only link ids and verdicts (``ok`` / ``wrong``) and a
short reason in the reader's own words, never news text.  A contradiction
link's id is ``c:<claim event uid>|<denial event uid>``, a story pair's
``s:<event uid>|<event uid>``.  After a change to the grouping, ``show``
draws the sample again and prints which drawn links have no verdict yet.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import sys
import textwrap
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if not DATA.is_dir():
    DATA = Path("/work/shared/data")
VERDICTS = Path(__file__).with_name("judge_links_verdicts.tsv")
SEED = 16
N_SAMPLE = 60
POLITICAL = ("dev", "train")


def sealed(doc_id: str) -> bool:
    """The sealed third of the articles (seeded hash of the document id): the rules were
    tuned by reading links among the other articles only."""
    return int(hashlib.sha1(f"issue16:{doc_id}".encode()).hexdigest(), 16) % 3 == 0


def write_input(out: Path) -> int:
    """PolNeAR dev+train and the article-extraction pages as one JSONL file."""
    meta = {}
    with open(DATA / "polnear" / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for split in POLITICAL:
            for path in sorted((DATA / "polnear" / split / "text").glob("*.txt")):
                m = meta.get(path.stem, {})
                rec = {"id": f"polnear:{path.stem}", "text": path.read_text(encoding="utf-8"),
                       "published": m.get("publication_date"), "outlet": m.get("publisher"),
                       "title": m.get("title")}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        aeb = DATA / "article-extraction"
        truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
        for path in sorted((aeb / "html").glob("*.html.gz")):
            key = path.name.split(".")[0]
            html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            rec = {"id": f"aeb:{key}", "html": html, "url": truth.get(key, {}).get("url")}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


# --- drawing the sample ------------------------------------------------------

_SIDE = """e.article_id || ':' || e.event_id AS uid, a.doc_id, e.type, e.status, e.published,
           e.event_date, e.outlet, e.evidence,
           array_to_string(e.source_names, '; ') AS src,
           array_to_string(e.target_names, '; ') AS tgt,
           array_to_string(e.attributed_names, '; ') AS says"""


def contradiction_links(con) -> list[dict]:
    rows = con.execute(f"""
        SELECT c.kind, c.rule, c.why, c.note, c.a_eid, c.b_eid FROM contradictions c
        ORDER BY c.a_eid, c.b_eid""").fetchall()
    return [{"id": None, "kind": k, "rule": r, "why": w, "note": n, "a": a, "b": b}
            for k, r, w, n, a, b in rows]


def story_pairs(con) -> list[dict]:
    """Every pair of reports from different articles placed in one story."""
    rows = con.execute("""
        SELECT x.story_id, x.eid, y.eid FROM story_events x JOIN story_events y
          ON x.story_id = y.story_id AND x.eid < y.eid
        JOIN events a ON a.eid = x.eid JOIN events b ON b.eid = y.eid
        WHERE a.article_id <> b.article_id ORDER BY x.story_id, x.eid, y.eid""").fetchall()
    return [{"id": None, "story": s, "a": a, "b": b} for s, a, b in rows]


def _side(con, eid: int) -> dict:
    cur = con.execute(f"SELECT {_SIDE} FROM events e JOIN articles a "
                      "ON a.article_id = e.article_id WHERE e.eid = ?", [eid])
    cols = [d[0] for d in cur.description]
    return dict(zip(cols, cur.fetchall()[0]))


def sample(con, seed: int = SEED, n: int = N_SAMPLE) -> tuple[list[dict], list[dict], int, int]:
    """``(contradiction sample, story-pair sample, all links, all pairs)``, each link with both sides."""
    rng = random.Random(seed)
    out = []
    for prefix, links in (("c", contradiction_links(con)), ("s", story_pairs(con))):
        for link in links:
            link["A"], link["B"] = _side(con, link["a"]), _side(con, link["b"])
            link["id"] = f"{prefix}:{link['A']['uid']}|{link['B']['uid']}"
            link["sealed"] = sealed(link["A"]["doc_id"]) or sealed(link["B"]["doc_id"])
        out.append((rng.sample(links, min(n, len(links))), len(links)))
    (cs, nc), (ss, ns) = out
    return cs, ss, nc, ns


def _print_link(i: int, link: dict) -> None:
    head = link.get("note") or link.get("story") or ""
    print(f"--- {i:2d} {link['id']}\n    {link.get('kind') or 'story'} {head}")
    if link.get("why"):
        print(f"    why: {link['why']}")
    for s in ("A", "B"):
        x = link[s]
        print(f"  {s}: {x['type']} {x['status']}: {x['src'] or '?'} -> {x['tgt'] or '?'}; "
              f"says {x['says'] or '(article)'}; {x['outlet']} pub {x['published']} "
              f"event {x['event_date']}")
        for line in textwrap.wrap(x["evidence"] or "", 110)[:5]:
            print(f"       {line}")


def read_verdicts(path: Path = VERDICTS) -> dict[str, tuple[str, str]]:
    if not path.is_file():
        return {}
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                parts = line.rstrip("\n").split("\t")
                out[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else "")
    return out


def political_articles(con) -> int:
    return con.execute("SELECT count(*) FROM articles WHERE latest AND doc_id LIKE 'polnear:%'"
                       ).fetchall()[0][0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("input", "show", "tally"))
    ap.add_argument("out", nargs="?", help="input: the JSONL file to write")
    ap.add_argument("--db", default="/tmp/links.duckdb")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--part", choices=("dev", "sealed", "all"), default="all",
                    help="show: links among dev articles only (for tuning), sealed, or all")
    ap.add_argument("--every", action="store_true",
                    help="show: every link of the part, not the sample (for tuning on dev)")
    ap.add_argument("--rebuild", action="store_true",
                    help="rebuild stories and contradictions from scratch first (after a rule change)")
    args = ap.parse_args(argv)
    if args.step == "input":
        print(f"wrote {write_input(Path(args.out or '/tmp/links.jsonl'))} records")
        return 0
    from newsevents.store import connect
    from newsevents.stories import ensure_fresh, rebuild

    con = connect(args.db)
    if args.rebuild:
        rebuild(con, full=True)
    ensure_fresh(con)
    cs, ss, nc, ns = sample(con, args.seed)
    verdicts = read_verdicts()
    if args.step == "show":
        if args.every:
            cs, ss, _, _ = sample(con, args.seed, n=10**9)
        for title, links in (("CONTRADICTIONS", cs), ("STORY PAIRS", ss)):
            print(f"===== {title}")
            for i, link in enumerate(links):
                part = "sealed" if link["sealed"] else "dev"
                if link["id"] not in verdicts and args.part in ("all", part):
                    _print_link(i, link)
        return 0
    n_pol = political_articles(con)
    all_c, _, _, _ = sample(con, args.seed, n=10**9)
    pol = [x for x in all_c if x["A"]["doc_id"].startswith("polnear:")
           and x["B"]["doc_id"].startswith("polnear:")]
    print(f"political (PolNeAR) articles {n_pol}: {len(pol)} contradiction links among them, "
          f"{100 * len(pol) / max(n_pol, 1):.1f} per 100 political articles; all links {nc} "
          f"(with the article-extraction pages); story pairs (reports of two articles) {ns}")
    reprint = sum(x["A"]["evidence"] == x["B"]["evidence"] for x in ss)
    print(f"{reprint} of the {len(ss)} drawn story pairs are one sentence in two copies of an "
          "article (PolNeAR holds reprints)")
    firm = [x for x in cs if not (x.get("rule") or "").endswith("(ambiguous)")]
    print(f"{len(cs) - len(firm)} of the {len(cs)} drawn contradictions are weak links flagged "
          "ambiguous (one denial, equally fitting claims of one doer), shown last")
    for title, links in (("contradiction", cs), ("  firm only", firm), ("story-pair", ss)):
        for part in ("all", "dev", "sealed"):
            sub = [x for x in links if part == "all" or (part == "sealed") == x["sealed"]]
            judged = [verdicts[x["id"]][0] for x in sub if x["id"] in verdicts]
            ok = sum(v == "ok" for v in judged)
            prec = ok / len(judged) if judged else float("nan")
            print(f"{title:13s} {part:6s} precision {prec:.3f} ({ok}/{len(judged)} judged ok; "
                  f"{len(sub) - len(judged)} of {len(sub)} drawn without a verdict)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
