"""Scoring copy against references: reading and joining files, and the metrics."""
