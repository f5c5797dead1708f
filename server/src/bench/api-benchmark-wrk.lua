-- The load of `pnpm bench api` (api-benchmark.ts), run by wrk: HOUSING's partner query over keep-alive connections,
-- one identity number after another from BENCH_ID_NUMBERS_FILE. An answer counts as answered when it is a 200 without
-- GraphQL errors; the request ids of those answers go to BENCH_ANSWERED_FILE, so that the audit trail can be checked
-- against them. The figures go to stdout as one JSON line.
local token = os.getenv("BENCH_TOKEN")
local queryJson = os.getenv("BENCH_QUERY_JSON")
local idNumbersFile = os.getenv("BENCH_ID_NUMBERS_FILE")
local answeredFile = os.getenv("BENCH_ANSWERED_FILE")

local threads = {}

function setup(thread)
  -- Each thread starts at a different identity number.
  thread:set("cursor", #threads * 997)
  table.insert(threads, thread)
end

function init(args)
  idNumbers = {}
  for line in io.lines(idNumbersFile) do
    idNumbers[#idNumbers + 1] = line
  end
  answered = {}
  failed = 0
  refused = 0
  limited = 0
  headers = {
    ["content-type"] = "application/json",
    ["authorization"] = "Bearer " .. token,
    ["x-hub-purpose"] = "HOUSING_SUBSIDY",
  }
end

function request()
  cursor = cursor + 1
  local idNumber = idNumbers[(cursor % #idNumbers) + 1]
  local body = '{"query":' .. queryJson .. ',"variables":{"idNumber":"' .. idNumber .. '"}}'
  return wrk.format("POST", "/graphql", headers, body)
end

function response(status, headers, body)
  if status == 200 and not string.find(body, '"errors"', 1, true) then
    answered[#answered + 1] = headers["x-request-id"]
  elseif status == 503 or status == 429 then
    refused = refused + 1
    if status == 429 then limited = limited + 1 end
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local out = io.open(answeredFile, "w")
  local failedTotal, refusedTotal, limitedTotal, answeredTotal = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    failedTotal = failedTotal + thread:get("failed")
    refusedTotal = refusedTotal + thread:get("refused")
    limitedTotal = limitedTotal + thread:get("limited")
    for _, id in ipairs(thread:get("answered")) do
      out:write(id, "\n")
      answeredTotal = answeredTotal + 1
    end
  end
  out:close()
  local errors = summary.errors
  io.write(string.format(
    '{"completed":%d,"microseconds":%d,"answered":%d,"failed":%d,"refused":%d,"limited":%d,"socketErrors":%d,"p50":%d,"p99":%d,"max":%d}\n',
    summary.requests, summary.duration, answeredTotal, failedTotal, refusedTotal, limitedTotal,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
