"""kg's adapters to the outside: the command line (:mod:`kg.interfaces.cli`, a thin skin over :mod:`kg.api`),
the SPARQL endpoint (:mod:`kg.interfaces.serve`), the Jupyter magic (:mod:`kg.interfaces.jupyter`), and remote
SPARQL servers (:mod:`kg.interfaces.push`, :mod:`kg.interfaces.remote`, with :mod:`kg.interfaces.retry`)."""
