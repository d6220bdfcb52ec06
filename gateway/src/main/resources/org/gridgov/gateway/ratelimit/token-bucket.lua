-- One token bucket per client, shared by every gateway replica. Redis runs a script atomically,
-- so two replicas can never both hand out the last token.
-- KEYS[1] the bucket; ARGV[1] capacity; ARGV[2] tokens added per second.
-- Returns {1 if allowed else 0, whole tokens left, milliseconds until the next token}.
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
-- Redis's clock, not the replicas': their clocks may disagree
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
-- once full again a bucket is the same as none, so it may go
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return {allowed, math.floor(tokens), wait}
