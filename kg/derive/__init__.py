"""Work over the whole store after a build: what depends on many articles, not on one.

Each article's graph is written on its own; some statements need all of them: the one label an entity
node is shown by (:mod:`kg.derive.entities`), what became of a plan as later reports arrived
(:mod:`kg.derive.plans`) and the counts the aggregate queries rank by (:mod:`kg.derive.tallies`).
:func:`derive` recomputes them all in one update; a build calls it when the store changed
(:func:`kg.pipeline.finish`), ``kg derive`` after loading quads with other tools.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.graph.store import DEFAULT_STORE, Store, StoreError, opened_store

__all__ = ["Derived", "derivation_current", "derivation_version", "derive"]


@dataclass(frozen=True)
class Derived:
    """What :func:`derive` recomputed."""

    labels: int  # entity nodes named in more than one way, each now shown by one label
    plans: int
    ties: int
    disputed: int

    def to_text(self) -> str:
        return (
            f"derived: {self.labels} entities named in several ways, {self.plans} plan statuses, {self.ties} ties, "
            f"{self.disputed} disputed events"
        )


def derive(store: Store | str | Path = DEFAULT_STORE) -> Derived:
    """Recompute what depends on many articles (the label each entity is shown by, plan status, tallies)
    over the whole store, and forget entity descriptions no article supports any more. A build does it
    when it changes the store, or finds the last derivation missing (an interrupted build) or made by other
    rules; call it after loading quads with other tools (e.g. kept shards).

    Everything is read first and written in one update, with the version of the rules
    (:func:`derivation_version`): a store holds the complete output of one derivation or says it needs one."""
    from kg.derive.entities import label_changes, prune_entity_graph
    from kg.derive.plans import plan_status_changes
    from kg.derive.tallies import tally_changes

    if not isinstance(store, Store) and not Path(store).exists():
        raise StoreError(f"{store}: no store here; load quads into it first, or `kg build PATH --store {store}`")
    with opened_store(store) as st:
        prune_entity_graph(st)  # idempotent: if interrupted after it, the missing marker brings the build back here
        labels, label_change = label_changes(st)
        plans, plans_change = plan_status_changes(st)
        ties, disputed, tallies_change = tally_changes(st)
        st.apply([label_change, plans_change, tallies_change], derivation=derivation_version())
    return Derived(labels, len(plans), len(ties), len(disputed))


@functools.cache
def derivation_version() -> str:
    """A hash of the rules that derive graphs from many articles (entity labels and pruning, plan status,
    tallies): a store derived by other rules is derived again."""
    from kg.derive import entities, plans, tallies

    h = hashlib.sha256(tallies.version().encode("utf-8"))
    h.update(Path(plans.__file__).read_bytes())
    # the query plan status is decided from is part of its rules too
    h.update(Path(plans.__file__).with_name("plan-reports.rq").read_bytes())
    for name in ("__init__.py", "labels.rq", "prune.ru"):
        h.update(resources.files(entities.__name__).joinpath(name).read_bytes())
    return h.hexdigest()[:16]


def derivation_current(store: Store) -> bool:
    """Whether ``store`` holds the complete output of a derivation by these rules, made after its last
    article write (and whose tallies graph says these rules made it)."""
    from kg.derive.tallies import tallies_current

    return store.derivation() == derivation_version() and tallies_current(store)
