"""Lending library API built on BlackSheep."""
