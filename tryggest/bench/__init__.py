"""Benchmark support: a synthetic national portal, and the bare-engine floor to compare against."""
