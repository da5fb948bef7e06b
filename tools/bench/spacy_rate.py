"""spaCy's throughput on the titles and bodies sitrep extracts from.

Feeds spaCy exactly the text sitrep's extractor reads (each article's
title and body, from `sitrep extract`), on one thread, and prints MB/s of
CPU time for the whole shipped pipeline and for its NER component alone.
Compare with `cargo run --release --example extract_rate -- DIR` on the
same folder and the same core:

    sitrep extract --no-cache DIR > /tmp/articles.json
    taskset -c 1 python3 tools/bench/spacy_rate.py /tmp/articles.json
    taskset -c 1 target/release/examples/extract_rate DIR 20

Needs spaCy and an English pipeline (en_core_web_sm, or a repackaging of
it: pass the module name as a second argument). Not part of CI.
"""

import importlib
import json
import sys
import time


def main() -> None:
    articles = json.load(open(sys.argv[1], encoding="utf-8"))
    model = sys.argv[2] if len(sys.argv) > 2 else "en_core_web_sm"
    texts = [(a.get("title") or "") + "\n\n" + (a.get("body") or "") for a in articles]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    import spacy

    nlp = importlib.import_module(model).load()
    print(f"spaCy {spacy.__version__}, {model}, pipeline {nlp.pipe_names}")
    print(f"{len(texts)} articles, {mb:.2f} MB of titles and bodies")

    def run(label: str) -> None:
        list(nlp.pipe(texts[:20]))  # warm-up
        cpu0 = time.process_time()
        entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
        cpu = time.process_time() - cpu0
        print(f"{label}: {cpu:.1f} s CPU, {mb / cpu:.4f} MB/s, {entities} entities")

    run("whole pipeline")
    with nlp.select_pipes(enable=["ner"]):
        run("NER alone")


if __name__ == "__main__":
    main()
