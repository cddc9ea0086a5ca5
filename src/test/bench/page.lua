-- wrk: a page (HTML) with the benchmark admin's API token (BENCH_TOKEN)
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.headers["Accept"] = "text/html"
