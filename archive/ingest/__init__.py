"""Import pipeline: read files, clean, date, find actors and rounds, save, index."""
