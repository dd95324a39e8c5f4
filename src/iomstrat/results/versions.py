"""Which version of the strategy document the figures show and where each changed one comes
from, as computed for renderers. No behaviour."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ChangedFact:
    """A fact a later version prints differently: the file's (earlier) value and the new one."""

    at: str  # data path as the file names it, e.g. cover.commitment.by_year.2023
    was: Decimal | str
    now: Decimal | str
    version: str  # id of the version that changed it


@dataclass(frozen=True)
class VersionShown:
    """One recorded version of the document."""

    id: str
    name: str
    reference: str
    date: dt.date | None
    url: str


@dataclass(frozen=True)
class History:
    """The version the file transcribes, the later ones applied, what they changed, and the
    years whose lines a later version does not give (apportioned over the earlier split)."""

    transcribed: str  # the file's own version, e.g. draft ("" if the file does not say)
    versions: tuple[VersionShown, ...]
    changes: tuple[ChangedFact, ...]
    apportioned: tuple[tuple[int, str], ...]  # (year, version id)

    @property
    def shown(self) -> VersionShown | None:
        """The version the figures follow: the latest recorded (None: the file's own)."""
        return self.versions[-1] if self.versions else None
