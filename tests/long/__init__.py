"""Long runs against a real server and browser: a soak and a concurrent load test (marker `long`)."""
