"""Renderers: computed results to text. Number formatting (babel) lives only here."""
