"""The ontology, shapes, lexicons and saved queries: data, edited here and shipped
inside the package as `kg.ontology` (see kg/resources.py)."""
