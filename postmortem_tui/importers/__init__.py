"""Timeline import from logs, alerts and chat transcripts (pure core: no Textual)."""
