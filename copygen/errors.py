"""Errors a user can act on. The CLI prints them as one line and exits 1 (2 for a `UsageError`)."""


class CopygenError(Exception):
    "Any copygen error, displayed to the user as `Error: <message>`."


class UsageError(CopygenError):
    "An option value that is not valid; the message lists the valid ones."


class InputError(CopygenError):
    "A products, pairs, drafts or references file that cannot be read as asked."


class TemplateError(CopygenError):
    "A prompt template that is missing, invalid, or names attributes the products lack."


class ModelError(CopygenError):
    "A model that cannot be found, loaded or run."


class OutputError(CopygenError):
    "An output that cannot be written safely."


class Interrupted(KeyboardInterrupt):
    "Ctrl-C or SIGTERM stopped a run; the message says what was kept and how to continue."
