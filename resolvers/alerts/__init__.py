"""Watch-lists and alerts: queries, mutations and the `alerts` subscription."""
