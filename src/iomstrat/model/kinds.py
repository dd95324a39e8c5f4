"""The documented kinds of budget line, apart from the models so that `init --help` can name
them without loading pydantic."""

LINE_KINDS = (
    "core",
    "soft_earmarked",
    "earmarked",
    "personnel",
    "humanitarian",
    "thematic",
    "climate",
    "other",
)
"""The kinds of budget line named in the documentation; any lower-case identifier is a kind too,
shown by its name. No kind carries a rule: the file's `dialogue:` and `geographic_focus:` do."""
