"""Run `kg build CORPUS --store STORE` and stop it with a signal at a given point (for
tests/test_build_interrupted.py): python tests/stopped_build.py POINT SIGNAL CORPUS STORE."""

from __future__ import annotations

import os
import signal
import sys
from unittest import mock

from kg import pipeline
from kg.graph.store import Store


def stop(sig: int) -> None:
    os.kill(os.getpid(), sig)
    for _ in range(1000):  # SIGINT: the handler raises KeyboardInterrupt at the next bytecode
        pass


def on_call(n: int, sig: int, orig, when=lambda *a, **k: True):
    """``orig``, stopping the process before its ``n``-th call that ``when`` accepts."""
    calls = []

    def wrapper(*args, **kwargs):
        if when(*args, **kwargs):
            calls.append(1)
            if len(calls) == n:
                stop(sig)
        return orig(*args, **kwargs)

    return wrapper


def _deriving(*args, derivation=None) -> bool:
    return derivation is not None


POINTS = {
    "ingest": lambda sig: mock.patch.object(Store, "put", on_call(2, sig, Store.put)),
    "derive-after-prune": lambda sig: mock.patch("kg.derive.entities.label_changes", side_effect=lambda st: stop(sig)),
    "derive-write": lambda sig: mock.patch.object(Store, "apply", on_call(1, sig, Store.apply, when=_deriving)),
    "after-derive": lambda sig: mock.patch.object(pipeline, "graph_stats", side_effect=lambda st: stop(sig)),
    "timer": lambda delay: _timer(float(delay)),
}


def _timer(delay: float):
    import threading

    threading.Timer(delay, lambda: os.kill(os.getpid(), signal.SIGKILL)).start()
    return mock.patch.dict({})


def main(point: str, how: str, corpus: str, store: str) -> None:
    # a job a shell starts in the background inherits SIGINT ignored, and Python then installs no
    # KeyboardInterrupt handler: restore it, so that the Ctrl-C case is tested however the suite was started
    signal.signal(signal.SIGINT, signal.default_int_handler)
    arg = how if point == "timer" else getattr(signal, how)
    with POINTS[point](arg):
        pipeline.build([corpus], store=store)


if __name__ == "__main__":
    main(*sys.argv[1:])
