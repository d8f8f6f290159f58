"""Ingest: exported usage logs of any supported source → canonical request rows."""
