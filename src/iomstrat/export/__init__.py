"""Exporters to the field's own formats: IATI 2.03 activity XML and an hledger journal."""
