"""kg's graph in the formats analysts' tools read: GraphML and GEXF (Gephi, Cytoscape, networkx), the events
table as CSV, Parquet and JSON Lines (pandas, R, spreadsheets), and a pyvis network.

The queries are the ``.rq`` files beside this module; their parameters are bound, never formatted in.
"""

from kg.export.table import COLUMNS, ExportData, Filters, read_export
from kg.export.writers import FORMATS, export, write_export

__all__ = ["COLUMNS", "FORMATS", "ExportData", "Filters", "export", "read_export", "write_export"]
