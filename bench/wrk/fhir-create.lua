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
		.. '"name":[{"use":"official","family":"Benchcreate","given":["Bea"]}],"gender":"female",'
		.. '"birthDate":"1950-0%d-1%d"}', run, run, thread_number, counter, counter % 9 + 1, counter % 9)
	return wrk.format("POST", "/fhir/Patient", { ["Content-Type"] = "application/fhir+json" }, body)
end
