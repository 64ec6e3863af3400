"""The measure catalogue and the trigger–feedback loop of applying measures (DOMAIN.md §5)."""
