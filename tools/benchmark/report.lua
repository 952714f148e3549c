-- Shared by the scenario scripts: prints p99 and non-2xx counts in a form run can read.
local non2xx = 0
function response(status, headers, body)
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
    io.write(string.format("P99_MS %.2f\n", latency:percentile(99) / 1000))
    io.write(string.format("NON2XX %d\n", summary.errors.status))
end
