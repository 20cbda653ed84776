-- Requests in turn over the lines of a file given after the run name: "COOKIE PATH" (a signed-in session's
-- JSESSIONID and a path it may open) or "- PATH" (no cookie: the credentials come with -H). Each of wrk's threads
-- starts at a different line, so the connections do not ask for the same record at once.
local lines = {}
local next_line = 0

function init(args)
	for line in io.lines(args[2]) do
		local cookie, path = line:match("^(%S+) (%S+)$")
		if path then lines[#lines + 1] = { cookie = cookie, path = path } end
	end
	if #lines == 0 then error("no requests in " .. args[2]) end
	next_line = math.random(#lines)
end

function request()
	next_line = next_line % #lines + 1
	local line = lines[next_line]
	if line.cookie == "-" then return wrk.format("GET", line.path) end
	local headers = {}
	for name, value in pairs(wrk.headers) do headers[name] = value end
	headers["Cookie"] = "JSESSIONID=" .. line.cookie
	return wrk.format("GET", line.path, headers)
end
