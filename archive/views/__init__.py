"""Thin views: each gathers what a template needs from the pipeline modules."""
