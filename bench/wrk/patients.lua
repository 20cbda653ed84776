-- Shared by fhir-create.lua and fhir-bundle.lua (wrk loads one script, which loads this one).
-- The headers given with -H (credentials, Accept) and the body's type: a table passed to wrk.format replaces
-- wrk.headers rather than adding to it.
function headers()
	local all = {}
	for name, value in pairs(wrk.headers) do all[name] = value end
	all["Content-Type"] = "application/fhir+json"
	return all
end

-- Names and dates of birth spread as in a register, so identity matching sees realistic blocks, not one family.
local families = { "Smith","Jones","Taylor","Brown","Williams","Wilson","Johnson","Davies","Robinson","Wright","Thompson","Evans","Walker","White","Roberts","Green","Hall","Wood","Jackson","Clarke","Patel","Khan","Lewis","James","Phillips","Mason","Mitchell","Rose","Davis","Rodriguez","Cox","Alexander","Nowak","Kowalski","Jenkins","Hughes","Price","Griffiths","Morgan","Owen","Ahmed","Ali","Begum","Hussain","Singh","Kaur","Murphy","Kelly","Byrne","Walsh" }
local givens = { "Bea","Ada","Tom","Sam","Lily","Omar","Aisha","Jan","Zofia","Rhys","Cerys","Mei","Wei","Ana","Luis","Noah","Ivy","Ella","Finn","Maya" }

function family()
	return families[math.random(#families)]
end

function given()
	return givens[math.random(#givens)]
end

function born()
	return string.format("%d-%02d-%02d", math.random(1925, 2005), math.random(1, 12), math.random(1, 28))
end
