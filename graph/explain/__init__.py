"""Explanations for people: seed citations by title and article, and the sentences that explain
a flag, a risk indicator, a grade or a credit check in Chinese (default) or English."""
