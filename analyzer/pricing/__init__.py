"""Pricing: every request priced as the provider bills it, on the day it ran."""
