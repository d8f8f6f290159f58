"""Ray for tests/test_ray_engine.py, in processes of its own, never in pytest's.

Ray's core ends a process outright when one of its checks fails (seen: a task cancelled as
it completed, which on_ray no longer does); once, in CI, that was pytest's own process, and
the run ended without a report. Here such a failure is a failed test with the driver's
stderr.

    python -m tests.ray_processes cluster        # a two-node cluster; prints its address,
                                                  # shuts down when stdin closes
    python -m tests.ray_processes ingest ARGS...  # `spendscope ingest ARGS...`

The ingest takes two test knobs from the environment: ``TEST_PIECE_MIN_BYTES`` (the
smallest piece a task reads, so small files are cut in ranges) and ``TEST_SPLIT_RECORD``
(a file that gets one line per unit: the number of pieces it was cut into).
"""

from __future__ import annotations

import os
import sys


def cluster() -> None:
    from ray.cluster_utils import Cluster

    c = Cluster(initialize_head=True, head_node_args={"num_cpus": 1})
    c.add_node(num_cpus=1)  # a second node, so tasks and their results cross nodes
    c.wait_for_nodes()
    print(c.address, flush=True)
    sys.stdin.read()  # until the test closes our stdin (or ends)
    c.shutdown()


def ingest(args: list[str]) -> None:
    from analyzer import cli
    from analyzer.ingest import on_ray

    if size := os.environ.get("TEST_PIECE_MIN_BYTES"):
        on_ray.PIECE_MIN_BYTES = int(size)
    if record := os.environ.get("TEST_SPLIT_RECORD"):
        real = on_ray.split

        def split(unit, cpus):  # type: ignore[no-untyped-def]
            pieces = real(unit, cpus)
            with open(record, "a") as f:
                f.write(f"{len(pieces)}\n")
            return pieces

        on_ray.split = split
    sys.argv = ["spendscope", "ingest", *args]
    cli.main()


if __name__ == "__main__":
    {"cluster": lambda: cluster(), "ingest": lambda: ingest(sys.argv[2:])}[sys.argv[1]]()
