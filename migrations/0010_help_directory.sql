-- The public help directory (/help): organisations of the network that agree to be listed, with the
-- contact meant for the public — never a person's own number. The coordinator confirms each contact
-- with the organisation and the day of that check is shown, so a stale number is seen as stale.
alter table organisations
	add column help_listed boolean not null default false,
	add column help_phone text check (help_phone ~ '^\+?[0-9]{3}( ?[0-9]{2,3}){1,4}$'),
	add column help_web text check (help_web ~ '^https://[^\s<>"]+$' and length(help_web) <= 300),
	add column help_hours text check (length(help_hours) between 1 and 200),
	add column help_checked_on date,
	add constraint organisations_help_listing check (
		not help_listed or ((help_phone is not null or help_web is not null) and help_checked_on is not null)
	);
