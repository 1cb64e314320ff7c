"""Free text and body-map choices in, red flags, questions, ranked conditions and muscles out."""
