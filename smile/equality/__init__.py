"""Equality: raising a concern, the confidential case workflow, active measures and fair figures."""
