dofile("bench/wrk/patients.lua")

-- Patient creates: each request a new Patient with an id no other request uses (thread number and a counter).
local counter = 0
local threads = 0

function setup(thread)
	threads = threads + 1
	thread:set("thread_number", threads)
end

function init(args)
	run = args[1] or "run"
end

function request()
	counter = counter + 1
	local body = string.format('{"resourceType":"Patient","meta":{"source":"urn:bench:%s"},'
		.. '"identifier":[{"system":"urn:bench:%s","value":"t%d-%d"}],'
		.. '"name":[{"use":"official","family":"%s","given":["%s"]}],"gender":"female",'
		.. '"birthDate":"%s"}', run, run, thread_number, counter, family(), given(), born())
	return wrk.format("POST", "/fhir/Patient", headers(), body)
end
