-- Replays requests prepared by bench/run.py, one per line of a file:
--   METHOD <tab> PATH <tab> COOKIE <tab> BODY (urlencoded, empty for GET)
-- Arguments (after --): FILE EXPECTED_STATUS CYCLE(1|0) ACK_PREFIX THREADS
-- With CYCLE=0 each line is sent once (a submission can be made only once); the lines are
-- shared out between wrk's threads, and a thread whose lines are all sent stops there. wrk
-- reports its whole duration even then, so each thread notes when it sent its first request
-- and when it ran out: bench/run.py measures such a run up to that moment ("ran_us"). A
-- response counts as good when its status is the expected one; with ACK_PREFIX, each thread
-- writes the attempt id of every acknowledged submission (302 to /attempts/<id>) to
-- ACK_PREFIX-<thread>, so bench/run.py can check the database.
-- The last line printed is "BENCH {json}".

-- A monotonic clock in microseconds (LuaJIT's ffi; wrk's Lua has no clock finer than 1 s).
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *now);
]]
local CLOCK_MONOTONIC, timespec = 1, ffi.new("bench_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1e6 + tonumber(timespec.tv_nsec) / 1e3
end

local threads, counter = {}, 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, nthreads = args[1], tonumber(args[5])
  want, cycle = tonumber(args[2]), args[3] == "1"
  reqs, nextreq, good, bad, exhausted = {}, 1, 0, 0, 0
  first_us, out_us = 0, 0  -- when this thread sent its first request, and when it ran out
  local n = 0
  for line in io.lines(file) do
    if n % nthreads == id then
      local method, path, cookie, body = line:match("^(%u+)\t([^\t]*)\t([^\t]*)\t(.*)$")
      local headers = {Cookie = cookie}
      if body == "" then
        body = nil
      else
        headers["Content-Type"] = "application/x-www-form-urlencoded"
      end
      reqs[#reqs + 1] = wrk.format(method, path, headers, body)
    end
    n = n + 1
  end
  if args[4] ~= "" then
    ackfile = io.open(args[4] .. "-" .. id, "w")
  end
end

function request()
  if first_us == 0 then
    first_us = now_us()
  end
  if nextreq > #reqs then
    if cycle then
      nextreq = 1
    else
      -- Out of prepared submissions: this thread stops, and what comes after is not counted.
      if exhausted == 0 then
        out_us = now_us()
        wrk.thread:stop()
      end
      exhausted = 1
      return wrk.format("GET", "/")  -- the loop may ask once more before it stops
    end
  end
  local r = reqs[nextreq]
  nextreq = nextreq + 1
  return r
end

function response(status, headers, body)
  if exhausted == 1 then
    return
  end
  if status == want then
    good = good + 1
    if ackfile then
      local attempt = string.match(headers["Location"] or "", "/attempts/(%d+)$")
      if attempt then
        ackfile:write(attempt, "\n")
        ackfile:flush()
      end
    end
  else
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local g, b, e = 0, 0, 0
  local first, out, all_out = math.huge, 0, true
  for _, t in ipairs(threads) do
    g, b, e = g + t:get("good"), b + t:get("bad"), e + t:get("exhausted")
    first, out = math.min(first, t:get("first_us")), math.max(out, t:get("out_us"))
    all_out = all_out and t:get("exhausted") == 1
  end
  -- Every thread ran out before the end: the run lasted from the first request to the last
  -- thread's running out; else wrk's own duration.
  local ran = summary.duration
  if all_out and #threads > 0 then
    ran = out - first
  end
  local s = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "ran_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"good": %d, "bad": %d, "exhausted": %d, "socket_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, ran, latency:percentile(50), latency:percentile(99),
    g, b, e, s.connect + s.read + s.write, s.timeout))
end
