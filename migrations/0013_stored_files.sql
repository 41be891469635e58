-- Files (need attachments, payout receipts, delivery proofs, story photos) live in the database, so
-- instances keep no state and one pg_dump holds everything. A file is split into chunks of at most
-- 1 MiB, each encrypted on its own (AES-256-GCM, src/lib/server/files/store.ts): a download streams one
-- chunk per query and never holds the whole file. The row that uses a file names it by `key`, the same
-- random name files had on disk, so rows written before this migration keep their keys when
-- files/legacy.ts moves the old files in.

create table stored_files (
	key text primary key check (key ~ '^[0-9a-f]{2}/[0-9a-f]{32}$'),
	-- the plain size, for Content-Length
	size_bytes integer not null check (size_bytes >= 0),
	chunk_count integer not null check (chunk_count >= 1),
	-- the key ring entry every chunk is encrypted with (key rotation rewrites all chunks at once)
	key_id text not null,
	created_at timestamptz not null default now()
);

create table stored_file_chunks (
	file_key text not null references stored_files (key) on delete cascade,
	seq integer not null check (seq >= 0),
	content bytea not null,
	primary key (file_key, seq)
);

-- ciphertext does not compress: spare PostgreSQL the attempt
alter table stored_file_chunks alter column content set storage external;

create index stored_files_created_at on stored_files (created_at);
