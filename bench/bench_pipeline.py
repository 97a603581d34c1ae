"""Throughput of the whole pipeline against plain jieba segmentation, in one run.

    python bench/bench_pipeline.py [--docs 2000] [--seed 7] [--profile]

Builds a corpus from seeds/ (a seed's head over sentences drawn from all seeds, numbers and dates
changed, paragraphs converted between scripts) so documents are distinct, then times,
single-threaded and after both are warmed up:
- `lcut`: jieba's `lcut` over every input text, with the pipeline's own tokenizer (same
  dictionary state); and again over the texts converted to simplified beforehand, since
  jieba is slower on traditional text and the pipeline segments the simplified form;
- `analyse`: the whole pipeline (decode, clean, script, metadata, meeting, sentences,
  tokens, keywords, highlights, dedupe) over the same bytes.
Throughput is MB/s of the inputs' UTF-8 bytes. The target is analyse/lcut ≥ 0.7.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import random
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jieba

from digests import segment
from digests.model import Document, Failure
from digests.pipeline import analyse
from digests.script import to_simplified, to_traditional

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TARGET = 0.7
_DATE = re.compile(r"(19|20)\d\d-\d\d-\d\d")
_NUMBER = re.compile(r"(?<![\d-])\d{1,3}(?![\d-])")  # 18個, 24个, 2月21日; not dates


def _seed_texts() -> list[str]:
    """The seed pages as text."""
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def _vary_line(line: str, rng: random.Random) -> str:
    """A line with its numbers and dates changed and, one time in three, its script."""
    line = _DATE.sub(
        lambda _: (
            f"20{rng.randrange(10, 26)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        ),
        line,
    )
    line = _NUMBER.sub(lambda m: str(rng.randrange(1, 10 ** len(m[0]))), line)
    convert = rng.choice((to_simplified, to_traditional, str, str, str, str))
    return convert(line)


def _sentences(texts: list[str]) -> list[str]:
    """Every sentence of the seeds' bodies: the pool documents are drawn from."""
    lines = [line for text in texts for line in text.splitlines() if len(line) > 40]
    return [s + "。" for line in lines for s in line.split("。") if len(s) > 10]


def make_document(texts: list[str], pool: list[str], i: int, rng: random.Random) -> str:
    """Document `i`: a seed's head over paragraphs of sentences drawn from all the seeds.

    Drawn, not shuffled: shuffling keeps the shingles, so SimHash would rightly call two
    shuffles of one seed the same story and the run would measure mostly duplicates.
    """
    head = [line for line in texts[i % len(texts)].splitlines()[:3] if len(line) < 80]
    body = ["".join(rng.sample(pool, k=rng.randint(2, 5))) for _ in range(rng.randint(5, 9))]
    return "\n".join(_vary_line(line, rng) for line in head + body)


def corpus(count: int, seed: int) -> list[tuple[str, bytes]]:
    """`count` distinct pages as (path, UTF-8 bytes)."""
    rng = random.Random(seed)
    texts = _seed_texts()
    pool = _sentences(texts)
    pages = (make_document(texts, pool, i, rng) for i in range(count))
    return [(f"bench/{i:05d}.txt", page.encode()) for i, page in enumerate(pages)]


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) taken by `action()`.

    CPU time is the steadier figure on a shared machine: waiting for a core is not counted.
    """
    start, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - start, time.process_time() - cpu


def lcut_all(texts: list[str]) -> None:
    """The baseline: segment every text with the pipeline's tokenizer."""
    tokenizer = segment._get()  # same dictionary (jieba's + digests/data/userdict.txt)
    for text in texts:
        tokenizer.lcut(text)


def machine() -> str:
    """Where the figures come from."""
    cpus = os.cpu_count()
    return (
        f"{platform.platform()} | {platform.processor() or platform.machine()} | "
        f"{cpus} CPUs | Python {platform.python_version()} | jieba {jieba.__version__}"
    )


def main() -> int:
    """Build the corpus, warm up, time both, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="cProfile the pipeline run")
    args = parser.parse_args()

    pages = corpus(args.docs, args.seed)
    texts = [data.decode() for _, data in pages]
    megabytes = sum(len(data) for _, data in pages) / 1e6
    segment.initialize()
    analyse(corpus(5, args.seed + 1))  # warm every lazy table (OpenCC, regexes, caches)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    simplified = [to_simplified(text) for text in texts]
    baseline_times = timed(lambda: lcut_all(texts))
    simplified_times = timed(lambda: lcut_all(simplified))
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    result: list[tuple[list[Document], list[Failure]]] = []
    pipeline_times = timed(lambda: result.append(analyse(pages)))
    if profiler:
        profiler.disable()
    documents, failures = result[0]
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    baseline, baseline_simplified = baseline_times[0], simplified_times[0]
    pipeline = pipeline_times[0]
    duplicates = sum(1 for d in documents if d.duplicate_of)
    print(f"machine   {machine()}")
    print(f"corpus    {len(pages)} pages, {megabytes:.2f} MB UTF-8, seed {args.seed}")
    print(f"result    {len(documents)} documents, {duplicates} duplicates, {len(failures)} failed")
    print(f"lcut      {baseline:7.2f} s  {megabytes / baseline:6.2f} MB/s  (input as is)")
    print(
        f"lcut t2s  {baseline_simplified:7.2f} s  {megabytes / baseline_simplified:6.2f} MB/s"
        "  (input converted to simplified beforehand, conversion not timed)"
    )
    print(f"analyse   {pipeline:7.2f} s  {megabytes / pipeline:6.2f} MB/s")
    for name, reference in (("lcut", baseline), ("lcut t2s", baseline_simplified)):
        ratio = reference / pipeline
        verdict = "ok" if ratio >= TARGET else "BELOW TARGET"
        print(f"ratio     {ratio:.2f} of {name}'s speed (target ≥ {TARGET}): {verdict}")
    cpu = [times[1] for times in (baseline_times, simplified_times, pipeline_times)]
    print(
        f"CPU time  lcut {cpu[0]:.2f} s, lcut t2s {cpu[1]:.2f} s, analyse {cpu[2]:.2f} s:"
        f" ratios {cpu[0] / cpu[2]:.2f} and {cpu[1] / cpu[2]:.2f}"
    )
    print(f"peak RSS  {rss_before / 1024:.0f} MB before, {rss_after / 1024:.0f} MB after analyse")
    if profiler:
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
