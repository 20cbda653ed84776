-- Reads by id, in turn over the ids given as arguments after the run name (the Patients the reader may open).
local ids = {}
local next_id = 0

function init(args)
	for i = 2, #args do ids[i - 1] = args[i] end
end

function request()
	next_id = next_id % #ids + 1
	return wrk.format("GET", "/fhir/Patient/" .. ids[next_id])
end
