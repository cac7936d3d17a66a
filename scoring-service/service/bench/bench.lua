-- wrk script for bench/load.sh. BENCH_MODE=ping requests GET /v1/ping; BENCH_MODE=score rotates GET
-- /v1/wallets/{address}/score over the addresses in BENCH_ADDRESSES (one per line), sending BENCH_API_KEY as
-- X-API-Key. done() prints one machine-readable RESULT line with throughput and latency percentiles.
local mode = os.getenv("BENCH_MODE") or "ping"
local key = os.getenv("BENCH_API_KEY")
local addresses = {}
local next_index = 1

function init(args)
  if mode == "score" then
    for line in io.lines(os.getenv("BENCH_ADDRESSES")) do
      if #line > 0 then
        addresses[#addresses + 1] = line
      end
    end
    if #addresses == 0 then
      error("BENCH_ADDRESSES lists no addresses")
    end
    -- threads start at different places so they do not walk the same addresses in step
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000)
    next_index = math.random(#addresses)
  end
end

function request()
  if mode == "score" then
    next_index = next_index % #addresses + 1
    return wrk.format("GET", "/v1/wallets/" .. addresses[next_index] .. "/score", { ["X-API-Key"] = key })
  end
  return wrk.format("GET", "/v1/ping")
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format(
    "RESULT requests=%d rps=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f errors=%d\n",
    summary.requests, summary.requests / summary.duration * 1e6, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, errors))
end
