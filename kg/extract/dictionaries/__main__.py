"""``python -m kg.extract.dictionaries REFERENCE_DIR [--out DIR]``."""

from kg.extract.dictionaries import main

raise SystemExit(main())
