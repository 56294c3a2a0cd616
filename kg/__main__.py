"""`python -m kg` runs the command line (works where pip's script folder is not on PATH)."""
from kg.cli import main

main()
