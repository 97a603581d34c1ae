"""Fixture websites served over loopback HTTP: written for these tests, not copied from any site."""
