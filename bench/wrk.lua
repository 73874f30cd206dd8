-- Replays requests prepared by bench/run.py, one per line of a file:
--   METHOD <tab> PATH <tab> COOKIE <tab> BODY (urlencoded, empty for GET)
-- Arguments (after --): FILE EXPECTED_STATUS CYCLE(1|0) ACK_PREFIX THREADS
-- With CYCLE=0 each line is sent once (a submission can be made only once); the lines are
-- shared out between wrk's threads. A response counts as good when its status is the expected
-- one; with ACK_PREFIX, each thread writes the attempt id of every acknowledged submission
-- (302 to /attempts/<id>) to ACK_PREFIX-<thread>, so bench/run.py can check the database.
-- The last line printed is "BENCH {json}".

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
  if nextreq > #reqs then
    if cycle then
      nextreq = 1
    else
      -- Out of prepared submissions: stop (the run is reported as invalid).
      exhausted = exhausted + 1
      wrk.thread:stop()
      nextreq = #reqs
    end
  end
  local r = reqs[nextreq]
  nextreq = nextreq + 1
  return r
end

function response(status, headers, body)
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
  for _, t in ipairs(threads) do
    g, b, e = g + t:get("good"), b + t:get("bad"), e + t:get("exhausted")
  end
  local s = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "good": %d, ' ..
    '"bad": %d, "exhausted": %d, "socket_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    g, b, e, s.connect + s.read + s.write, s.timeout))
end
