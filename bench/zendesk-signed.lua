-- wrk script: posts the Zendesk-signed webhooks written by bench/zendesk-signed-requests.py, each once,
-- to /webhooks/zendesk or to PATH (the load script's no-op route takes the same requests).
-- The file is read as it is sent, a line a request. Should it run out, it starts again from the top,
-- and those requests are redeliveries of events already sent: done() reports how many as replayed=N,
-- so that a measurement of new events can tell it was not one.
-- usage: wrk -t1 -s bench/zendesk-signed.lua URL -- REQUESTS_FILE [PATH]
local file, path
local lines
local wrapped = false
replayed = 0 -- global, so that done() can read it from the thread
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  file = args[1]
  path = args[2] or "/webhooks/zendesk"
  lines = io.lines(file)
end

request = function()
  local line = lines()
  if line == nil then
    wrapped = true
    lines = io.lines(file)
    line = lines()
  end
  if wrapped then
    replayed = replayed + 1
  end
  local ts, sig, body = line:match("([^\t]+)\t([^\t]+)\t(.*)")
  return wrk.format("POST", path, {["Content-Type"] = "application/json",
    ["X-Zendesk-Webhook-Signature"] = sig, ["X-Zendesk-Webhook-Signature-Timestamp"] = ts}, body)
end

done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("replayed") end
  io.write(string.format("non2xx=%d errors=%d replayed=%d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, total))
end
