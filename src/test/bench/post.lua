-- wrk: POST /api/v1/conversations, each for a random live contact of the data set (one id a line in
-- the file BENCH_CONTACTS), so the writes spread over contacts as an organizing team's would
local ids = {}
for line in io.lines(os.getenv("BENCH_CONTACTS")) do
  if #line > 0 then ids[#ids + 1] = line end
end
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

-- each thread its own random sequence (setup's thread:set makes "seed" a global of that thread)
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  math.randomseed((seed or 0) * 7919 + os.time())
end

request = function()
  local id = ids[math.random(#ids)]
  return wrk.format(nil, nil, nil,
    '{"contactId":"' .. id .. '","durationMinutes":30,"channel":"phone","summary":"Talked about the rent strike"}')
end
