"""The take-home layer: the printable plan (PDF) and the QR code that carries it to a phone."""
