"""Reading what kg is given: article files (:mod:`kg.read.articles`) and the analyst's override file
(:mod:`kg.read.overrides`). Bad input becomes a reported, skipped problem, never a crash of the batch."""
