"""Scoring kg against gold annotations: the gold files' reader and scorer (score), and a run
that extracts the gold texts and reads kg's answers through the shipped questions (run).

It sits beside the pipeline and may import every layer; nothing in the pipeline imports it.
"""
