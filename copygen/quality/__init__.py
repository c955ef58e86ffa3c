"""Checking copy against its product: grounding (numbers, coverage, contradictions), checks, channels."""
