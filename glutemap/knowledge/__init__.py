"""The knowledge layer: the schema, the one loader, the clinic's settings file, and what cites what.

Nothing here draws or lays out a screen; every layer above reads the validated `KnowledgeBase` it returns.
"""
