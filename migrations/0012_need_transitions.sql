-- The need's life (src/lib/server/needs/lifecycle.ts holds the same table, with who may take each step
-- and the timeline event it writes; a test keeps the two equal). Domain code changes a need's status
-- only through applyTransition; the database refuses every other change, so neither a bug nor a hand-
-- written UPDATE can move a need where its life does not go (say, from a draft straight to funded).

create table need_transitions (
	from_status text not null,
	to_status text not null,
	primary key (from_status, to_status)
);

insert into need_transitions (from_status, to_status) values
	('approved', 'cancelled'),
	('approved', 'funded'),
	('approved', 'funding'),
	('delivered', 'closed'),
	('draft', 'submitted'),
	('draft', 'withdrawn'),
	('fulfilling', 'cancelled'),
	('fulfilling', 'closed'),
	('fulfilling', 'delivered'),
	('funded', 'cancelled'),
	('funded', 'closed'),
	('funded', 'fulfilling'),
	('funding', 'cancelled'),
	('funding', 'funded'),
	('in_review', 'info_requested'),
	('in_review', 'ready'),
	('in_review', 'rejected'),
	('in_review', 'withdrawn'),
	('in_vote', 'approved'),
	('in_vote', 'ready'),
	('in_vote', 'rejected'),
	('info_requested', 'rejected'),
	('info_requested', 'submitted'),
	('info_requested', 'withdrawn'),
	('ready', 'approved'),
	('ready', 'in_vote'),
	('ready', 'rejected'),
	('ready', 'withdrawn'),
	('submitted', 'in_review'),
	('submitted', 'info_requested'),
	('submitted', 'ready'),
	('submitted', 'rejected'),
	('submitted', 'withdrawn');

create function need_status_guard() returns trigger
language plpgsql as $$
begin
	if tg_op = 'INSERT' then
		if new.status <> 'draft' then
			raise exception 'a new need starts as a draft, not %', new.status using errcode = 'check_violation';
		end if;
	elsif new.status is distinct from old.status and not exists (
		select 1 from need_transitions where from_status = old.status and to_status = new.status
	) then
		raise exception 'a need cannot move from % to %', old.status, new.status using errcode = 'check_violation';
	end if;
	return new;
end
$$;

create trigger needs_status_guard before insert or update of status on needs
	for each row execute function need_status_guard();
