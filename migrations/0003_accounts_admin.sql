-- An organisation named by a social worker who asks for access waits for the coordinator: it is not
-- offered to others until the coordinator approves the request (or the organisation itself).
alter table organisations add column approved boolean not null default true;
