"""Docs pages are doctests: every ``>>>`` example in docs/*.md runs under pytest."""
