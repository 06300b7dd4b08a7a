"""``python -m kg.extract.derive REFERENCE_DIR [--out DIR]``."""

from kg.extract.derive import main

raise SystemExit(main())
