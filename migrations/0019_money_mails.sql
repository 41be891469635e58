-- Money e-mails (issue 18): files sent with an outbox message (the QR Platba code of payment
-- instructions as an inline image, a year's confirmation of gifts as a PDF), the language an anonymous
-- donor used when pledging, and which donation each thank-you e-mail is about.

-- Written with the outbox row, in the same transaction; sent with it by the mail.send job. Bounded: an
-- e-mail with more than a few megabytes is refused by many mail servers anyway.
create table outbox_attachments (
	id bigint generated always as identity primary key,
	outbox_id bigint not null references outbox (id) on delete cascade,
	-- the order in which the message lists its attachments
	position smallint not null check (position between 0 and 9),
	filename text not null check (length(filename) between 1 and 200 and filename !~ '[/\\\r\n]'),
	content_type text not null check (content_type ~ '^[a-z]+/[a-z0-9][a-z0-9.+-]{0,99}$'),
	-- an inline image, referenced from the HTML body as <img src="cid:…">; null: an ordinary attachment
	content_id text check (content_id ~ '^[A-Za-z0-9._@-]{1,100}$'),
	content bytea not null check (octet_length(content) between 1 and 5242880),
	unique (outbox_id, position),
	unique (outbox_id, content_id)
);

-- The language of the page on which an anonymous donor pledged (a signed-in donor's is users.locale):
-- their payment instructions and thanks speak it. Null on older pledges: Czech.
alter table pledges add column locale text check (locale in ('cs', 'en'));

-- Each donation is thanked at most once: the thank-you message is written with the donation, and this
-- row (unique per donation) makes a second one impossible even if a caller recorded the gift twice.
create table donation_thanks (
	donation_id uuid primary key references donations (id),
	outbox_id bigint not null unique references outbox (id)
);
