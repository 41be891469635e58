-- Confirmations of gifts (potvrzení o daru) as a treasurer issues them (issue 18): who signs for the
-- club, the place of issue in a form every language can print, the donor's details as the coordinator
-- corrected them, a document number per donor and year, and the year-end e-mail sent once.

-- Who signs the confirmations for the club (its statutory body or someone it authorised), printed
-- under the signature line: "Jana Nováková, předsedkyně spolku".
alter table club_settings
	add column signatory_name text check (length(signatory_name) between 1 and 120),
	add column signatory_role text check (length(signatory_role) between 1 and 120);

-- The place of issue was asked for in the locative, to follow "V" ("V Brně dne …"); English cannot
-- print that ("Issued in Brně"). From now on it holds the name of the place as it stands on a map
-- (the nominative: "Brno"), printed as "Brno, 25. 11. 2026" in either language. The places most clubs
-- are in are converted; any other value cannot be converted safely, so it is cleared and the reports
-- page asks the coordinator for it again (a confirmation without a place is still valid; one with a
-- wrong case is not pretty).
update club_settings set place = case
		when place ~ '^Praze( [0-9]{1,2})?$' then regexp_replace(place, '^Praze', 'Praha')
		when place = 'Brně' then 'Brno'
		when place = 'Ostravě' then 'Ostrava'
		when place = 'Plzni' then 'Plzeň'
		when place = 'Liberci' then 'Liberec'
		when place = 'Olomouci' then 'Olomouc'
		when place = 'Českých Budějovicích' then 'České Budějovice'
		when place = 'Hradci Králové' then 'Hradec Králové'
		when place = 'Ústí nad Labem' then 'Ústí nad Labem'
		when place = 'Pardubicích' then 'Pardubice'
		when place = 'Zlíně' then 'Zlín'
		when place = 'Jihlavě' then 'Jihlava'
		when place = 'Kladně' then 'Kladno'
		when place = 'Opavě' then 'Opava'
		when place = 'Karlových Varech' then 'Karlovy Vary'
		when place = 'Teplicích' then 'Teplice'
		when place = 'Mostě' then 'Most'
		when place = 'Havířově' then 'Havířov'
		when place = 'Frýdku-Místku' then 'Frýdek-Místek'
		when place = 'Karviné' then 'Karviná'
		when place = 'Děčíně' then 'Děčín'
		when place = 'Chomutově' then 'Chomutov'
		when place = 'Jablonci nad Nisou' then 'Jablonec nad Nisou'
		when place = 'Mladé Boleslavi' then 'Mladá Boleslav'
		when place = 'Prostějově' then 'Prostějov'
		when place = 'Přerově' then 'Přerov'
		when place = 'Třebíči' then 'Třebíč'
		when place = 'Táboře' then 'Tábor'
		when place = 'Znojmě' then 'Znojmo'
		when place = 'Kolíně' then 'Kolín'
		when place = 'Příbrami' then 'Příbram'
		when place = 'Chebu' then 'Cheb'
		else null end
	where place is not null;

-- The donor as the coordinator corrected them for confirmations, keyed like the confirmations group
-- gifts: 'u:<user id>', 'e:<e-mail in lower case>' or 'n:<name>'. Without a row the details come from
-- the donor's newest gift. A company (or another legal person) is named with its IČO and, when it is a
-- VAT payer, its DIČ; the person who gave for it may be kept as `name`.
create table donor_profiles (
	donor_key text primary key check (donor_key ~ '^[uen]:' and length(donor_key) between 3 and 600),
	kind text not null check (kind in ('person', 'company')),
	name text check (length(name) between 1 and 200),
	address text check (length(address) between 1 and 300),
	company_name text check (length(company_name) between 1 and 200),
	-- IČO: 8 digits (the mod-11 check digit is checked by the form)
	registration_number text check (registration_number ~ '^[0-9]{8}$'),
	-- DIČ: CZ and 8 to 10 digits
	vat_number text check (vat_number ~ '^CZ[0-9]{8,10}$'),
	updated_by uuid references users (id),
	updated_at timestamptz not null default now(),
	check (
		(kind = 'person' and name is not null and company_name is null and registration_number is null
			and vat_number is null)
		or (kind = 'company' and company_name is not null and registration_number is not null))
);

-- The next document number of each year, handed out under this row's lock so that the numbers have no
-- gaps and no repeats even when two coordinators issue at once.
create table gift_confirmation_years (
	year smallint primary key check (year between 2000 and 2100),
	last_number integer not null default 0 check (last_number >= 0)
);

-- One confirmation per donor and year, with its number ("PD-2026-0007"): issuing it again gives the
-- same number. The fingerprint of what it confirms (the donor's details and the gifts) tells a copy
-- (same fingerprint: same edition, same date of issue) from a new edition after a change (a refund, a
-- corrected address), which says which earlier issue it replaces.
create table gift_confirmations (
	year smallint not null references gift_confirmation_years (year),
	number integer not null check (number >= 1),
	donor_key text not null check (length(donor_key) between 3 and 600),
	edition smallint not null default 1 check (edition >= 1),
	content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
	total bigint not null check (total > 0),
	-- the date printed on the current edition, and the one of the edition it replaced
	issued_on date not null,
	replaces_issued_on date,
	-- the year-end e-mail: sent once per donor and year, whatever changes later
	emailed_at timestamptz,
	emailed_to text check (length(emailed_to) <= 254),
	emailed_edition smallint,
	outbox_id bigint references outbox (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (year, number),
	unique (year, donor_key),
	check ((edition = 1) = (replaces_issued_on is null)),
	check ((emailed_at is null) = (emailed_to is null) and (emailed_at is null) = (emailed_edition is null))
);

-- The coordinator's year-end runs: who sent the year's confirmations out and how far the sending got.
create table gift_confirmation_runs (
	id bigint generated always as identity primary key,
	year smallint not null check (year between 2000 and 2100),
	started_by uuid references users (id),
	started_at timestamptz not null default now(),
	finished_at timestamptz,
	-- donors with an e-mail address who had not been e-mailed when the run started
	planned integer not null check (planned >= 0),
	emailed integer not null default 0 check (emailed >= 0)
);
create index gift_confirmation_runs_year on gift_confirmation_runs (year, started_at desc);
