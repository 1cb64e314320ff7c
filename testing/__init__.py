"""What the tests, the benchmarks and the scripts share to drive a real app: a `streamlit run` server on
127.0.0.1 with Debian's Chromium (harness), a cluster of replicas behind HAProxy (cluster), a server's
memory, threads and open files read from /proc (process_stats), the scripts/ files as modules, and a
step that opens folded sections in an AppTest run (folded).
"""
