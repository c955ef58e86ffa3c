"""Human review: the offline review page, and merging its decisions back into drafts."""
