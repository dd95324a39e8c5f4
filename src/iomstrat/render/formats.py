"""The output formats of every command, chosen by an enum: the command line offers these, the
renderers turn a result into each. Light on purpose: every command loads it for its options,
and only the command that runs loads its renderer."""

from __future__ import annotations

import enum


class BudgetFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"  # binary: render.xlsx.budget_workbook


class DisbursementFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"  # binary: render.xlsx_disbursement.disbursement_workbook


class DiffFormat(enum.StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


class TableFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class DiagnosticFormat(enum.StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
