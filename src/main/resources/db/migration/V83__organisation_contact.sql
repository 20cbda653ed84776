-- How a person reaches an organisation, printed on the letters and documents it sends:
-- telephone, e-mail and postal address (lines separated by newlines). Empty until an
-- administrator fills them in; a document then says that the details are missing rather
-- than print nothing.
alter table team.organisation
	add column telephone      text,
	add column email          text,
	add column postal_address text;
