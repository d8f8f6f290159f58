"""Task classification: every request gets one category of the taxonomy."""
