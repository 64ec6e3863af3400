"""Demo data, scenario graphs and the synthetic-city generator."""
