"""How good kg's output is: scores against gold annotations (:mod:`kg.quality.evaluate` runs
:mod:`kg.quality.gold`, :mod:`kg.quality.align` and :mod:`kg.quality.report`; :mod:`kg.quality.eval_plover`,
:mod:`kg.quality.eval_polnear`), the SHACL check of a store (:mod:`kg.quality.validate`) and extraction
throughput (:mod:`kg.quality.bench`)."""
