"""Generating drafts: settings, model loading, engines, the one pipeline, and runs across processes."""
