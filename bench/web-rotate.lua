-- wrk script: each request asks for the next query of a file, so a results cache cannot serve the
-- whole run from one entry. Usage (bench/web-load does this):
--   wrk -s bench/web-rotate.lua URL -- PATH_PREFIX QUERY_FILE
--   e.g. -- "/api/search?q=" bench/web-queries.txt
-- Each wrk thread starts at a different offset so the threads do not ask in lockstep.
local queries = {}
local prefix = "/search?q="
local i = 0
local thread_count = 0

function setup(thread)
  thread:set("offset", thread_count * 37)
  thread_count = thread_count + 1
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  prefix = args[1] or prefix
  local file = args[2] or "bench/web-queries.txt"
  for line in io.lines(file) do
    if line ~= "" then queries[#queries + 1] = encode(line) end
  end
  i = tonumber(offset) or 0
end

function request()
  i = i + 1
  return wrk.format("GET", prefix .. queries[(i % #queries) + 1])
end
