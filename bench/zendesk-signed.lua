-- wrk script: posts the Zendesk-signed webhooks written by bench/zendesk-signed-requests.py, each once,
-- to /webhooks/zendesk or to PATH (the load script's no-op route takes the same requests).
-- usage: wrk -s bench/zendesk-signed.lua URL -- REQUESTS_FILE [PATH]
local lines = {}
local i = 0
local path = "/webhooks/zendesk"
init = function(args)
  for line in io.lines(args[1]) do lines[#lines + 1] = line end
  path = args[2] or path
end
request = function()
  i = i + 1
  local ts, sig, body = lines[(i - 1) % #lines + 1]:match("([^\t]+)\t([^\t]+)\t(.*)")
  return wrk.format("POST", path, {["Content-Type"] = "application/json",
    ["X-Zendesk-Webhook-Signature"] = sig, ["X-Zendesk-Webhook-Signature-Timestamp"] = ts}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("non2xx=%d errors=%d\n", summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
