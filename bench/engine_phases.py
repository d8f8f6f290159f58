"""Where an ingest's time goes, for the capacity plan: ``python bench/engine_phases.py PATH [--engine ray]``.

Times the three phases of one ``spendscope ingest`` in this process, into a new workspace:

- stage: every file read, validated, normalized and fingerprinted (the part Ray spreads
  over worker cores; with ``--engine ray`` this includes starting a local Ray instance);
- settle: on the driver, the run's rows read back by request-id bucket, batch prompts joined,
  snapshots folded, the first copy of each id kept, new templates classified;
- store: on the driver, parts, id index and rollup cells written, the manifest committed.

and prints requests per second per stage core (``--cores``, default this machine's) and for
the driver's settle + store, which does not spread.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from analyzer.ingest import pipeline
from analyzer.workspace import Workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--engine", default="local", choices=["local", "ray"])
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="phases-"))
    try:
        ws = Workspace(root)
        marks: dict[str, float] = {}
        finish = pipeline._Run.finish

        def timed_finish(run: pipeline._Run) -> pipeline.IngestResult:
            marks["staged"] = time.perf_counter()
            result = finish(run)
            marks["settled"] = time.perf_counter()
            return result

        pipeline._Run.finish = timed_finish  # type: ignore[method-assign]
        start = time.perf_counter()
        result = pipeline.ingest(args.paths, stage_dir=ws.staging_dir(), engine=args.engine)
        requests = sum(f.rows_ingested for f in result.files)
        ws.add(result)
        end = time.perf_counter()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    stage, settle, store = marks["staged"] - start, marks["settled"] - marks["staged"], end - marks["settled"]
    print(f"{args.engine}: {requests:,} requests; stage {stage:.1f} s, settle {settle:.1f} s, "
          f"store {store:.1f} s, total {end - start:.1f} s")
    print(f"  stage: {requests / stage / args.cores:,.0f} requests/s per core ({args.cores} cores)")
    print(f"  driver (settle + store): {requests / (settle + store):,.0f} requests/s")


if __name__ == "__main__":
    main()
