"""Watch-lists and alerts (issue 19): what a change touched, who watches near it, and the alerts."""
