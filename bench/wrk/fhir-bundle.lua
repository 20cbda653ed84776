dofile("bench/wrk/patients.lua")

-- Transaction bundles of 20 Patients, each Patient new.
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
	local entries = {}
	for i = 1, 20 do
		counter = counter + 1
		entries[i] = string.format('{"fullUrl":"urn:uuid:00000000-0000-4000-8000-%04d%08d",'
			.. '"resource":{"resourceType":"Patient","meta":{"source":"urn:bench:%s"},'
			.. '"name":[{"use":"official","family":"%s","given":["%s"]}],"gender":"female",'
			.. '"birthDate":"%s"},"request":{"method":"POST","url":"Patient"}}',
			thread_number, counter, run, family(), given(), born())
	end
	local body = '{"resourceType":"Bundle","type":"transaction","entry":[' .. table.concat(entries, ",") .. ']}'
	return wrk.format("POST", "/fhir", headers(), body)
end
