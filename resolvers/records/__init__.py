"""Credit records and list entries."""
