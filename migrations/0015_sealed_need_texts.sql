-- A draft the anonymisation guard found personal data in keeps its free texts here, encrypted
-- (AES-256-GCM under DATA_ENCRYPTION_KEY, needs/sealed.ts), while the needs table holds them with the
-- found fragments blotted out. The family's details thus never sit in plain text in the database or its
-- dumps; once the worker saves the draft without findings, the row goes and the texts are plain again.
create table need_sealed_texts (
	need_id uuid primary key references needs (id) on delete cascade,
	-- JSON of the need's free texts, encrypted; the additional data is "need_sealed_texts:texts:<need id>"
	texts text not null,
	sealed_at timestamptz not null default now()
);
