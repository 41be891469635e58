// Loads a realistic volume straight into Spolu's schema with set-based SQL (generate_series,
// insert … select): organisations, people, needs in every state over about five years with their
// timelines, polls with electorates and votes, decisions, gifts by card, bank and offline, bank
// statements and payments, allocations, payouts, returns, deliveries, consents, stories and audit
// entries. The demo seed must have run first (the demo coordinator records what a coordinator records).
//
// It writes through the schema's own rules rather than around them: needs are inserted as drafts and
// walked through their life with one UPDATE per step (the status trigger of 0012 checks each step),
// ledger entries go in batches whose transactions balance at commit (the deferred constraint triggers
// of 0006) and the account balances and kept totals come from the entry, gift and delivery triggers.
// Every insert names its columns, so columns added later with defaults do not break it.
import type { Db, Tx } from '../src/lib/server/db/client';

export interface Scale {
	needs: number;
	/** ledger entries (about; the general fund's gifts fill up to it) */
	entries: number;
	donors: number;
	polls: number;
	stories: number;
	members: number;
	workers: number;
	organisations: number;
}

export const EMBEDDED_SCALE: Scale = {
	needs: 10_000,
	entries: 100_000,
	donors: 1_000,
	polls: 2_000,
	stories: 500,
	members: 60,
	workers: 100,
	organisations: 30
};

export const SERVER_SCALE: Scale = {
	needs: 100_000,
	entries: 1_000_000,
	donors: 10_000,
	polls: 2_000,
	stories: 5_000,
	members: 150,
	workers: 400,
	organisations: 60
};

/** The ledger is written in transactions of this many ledger transactions (two entries each). */
const LEDGER_BATCH = 5_000;

// The codes of src/lib/regions.ts and src/lib/needs.ts: those modules import the app's messages through
// `$lib`, which tsx cannot resolve outside the build, so the bench names the codes itself (the schema's
// checks refuse any that drifted).
const REGIONS = [
	'CZ010',
	'CZ020',
	'CZ031',
	'CZ032',
	'CZ041',
	'CZ042',
	'CZ051',
	'CZ052',
	'CZ053',
	'CZ063',
	'CZ064',
	'CZ071',
	'CZ072',
	'CZ080'
];
const CATEGORIES = [
	'leisure',
	'housing',
	'furniture',
	'appliances',
	'school',
	'clothing',
	'health',
	'transport',
	'food',
	'other'
];
// one title per category, in CATEGORIES' order
const TITLES = [
	'Příměstský tábor pro dvě děti',
	'Kauce a první nájem v novém bytě',
	'Postele a skříň do prázdného bytu',
	'Pračka pro matku se třemi dětmi',
	'Aktovka a školní pomůcky',
	'Zimní bundy a boty pro děti',
	'Brýle a zubní ošetření',
	'Jízdenky na cestu do bezpečí',
	'Potraviny na první měsíc',
	'Poplatek za rekvalifikační kurz'
];
const FIRST = [
	'Jana',
	'Petr',
	'Eva',
	'Tomáš',
	'Lucie',
	'Martin',
	'Marie',
	'Jakub',
	'Lenka',
	'Pavel',
	'Hana',
	'Jiří'
];
const LAST = [
	'Nováková',
	'Svoboda',
	'Černá',
	'Dvořák',
	'Veselá',
	'Procházka',
	'Krejčí',
	'Horák',
	'Němcová',
	'Marek'
];

const SITUATION =
	'Matka s dětmi odešla od násilného partnera a začíná znovu v malém nájemním bytě. Pracuje na zkrácený ' +
	'úvazek, splácí dluhy, které na ni partner převedl, a na nejnutnější vybavení jí nezbývá. Intervenční ' +
	'centrum ji provází a pomáhá s rozpočtem.';
const IMPACT =
	'Rodina bude mít to nejnutnější pro běžný den a děti klidnější domov, ve kterém se mohou učit a spát.';
const STORY =
	'Když se rodina stěhovala do nového bytu, neměla skoro nic. Díky dárcům klubu dostala to, co potřebovala ' +
	'nejvíc, a matka říká, že poprvé po dlouhé době cítí, že to zvládnou. Děti se těší do školy a doma je ' +
	'klid. Sociální pracovnice doplnila, že pomoc přišla právě včas a rodině ulevila od starostí o peníze, ' +
	'takže se mohla soustředit na to podstatné: na bezpečí a na nový začátek.';

const arr = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

export type Progress = (message: string) => void;

/**
 * Generates `scale` into the database behind `sql` (with the demo data loaded). Takes minutes at the
 * server scale; `progress` hears each step.
 */
export async function generate(sql: Db, scale: Scale, progress: Progress = () => {}): Promise<void> {
	const started = Date.now();
	const step = async (name: string, run: (tx: Tx) => Promise<unknown>) => {
		const t = Date.now();
		await sql.begin(run);
		progress(`${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
	};
	const N = scale.needs;

	await step('helpers', async (tx) => {
		await tx.unsafe(`
			drop schema if exists spolu_bench cascade;
			create schema spolu_bench;
			-- a deterministic "random" number in [0, 1) for row i and a salt, so runs are repeatable
			create function spolu_bench.r(i bigint, salt int) returns double precision
				language sql immutable parallel safe
				as $$ select (hashint8(i * 1000003 + salt) & 2147483647)::double precision / 2147483648 $$;
			create table spolu_bench.ids as
				select
					(select id from users where email = 'koordinator@example.org') as coordinator,
					(select id from users where email = 'clen1@example.org') as member,
					(select password_hash from users where email = 'koordinator@example.org') as password_hash;
		`);
		const [ids] = await tx<{ coordinator: string | null; member: string | null }[]>`
			select coordinator, member from spolu_bench.ids`;
		if (!ids?.coordinator || !ids.member) {
			throw new Error('the demo accounts are missing: generate into a database with the demo data loaded');
		}
	});

	await step('organisations and people', async (tx) => {
		await tx.unsafe(`
			create table spolu_bench.orgs as
				select g as n, gen_random_uuid() as id, (${arr(REGIONS)})[1 + g % 14] as region
				from generate_series(1, ${scale.organisations}) g;
			insert into organisations (id, name, kind, region, created_at)
			select id, 'Organizace ' || n || ' (bench)',
				(array['intervention_centre', 'child_protection', 'ngo', 'other'])[1 + n % 4], region,
				now() - interval '1900 days'
			from spolu_bench.orgs;

			create table spolu_bench.people as
				select row_number() over (order by kind, g) as n, g, kind, gen_random_uuid() as id,
					case when kind = 'social_worker' then (select o.id from spolu_bench.orgs o
						where o.n = 1 + g % ${scale.organisations}) end as organisation_id
				from (
					select 'donor' as kind, g from generate_series(1, ${scale.donors}) g
					union all select 'member', g from generate_series(1, ${scale.members}) g
					union all select 'social_worker', g from generate_series(1, ${scale.workers}) g
				) p;
			insert into users (id, email, name, password_hash, organisation_id, status, created_at, updated_at)
			select id, 'bench-' || replace(kind, '_', '-') || '-' || g || '@example.cz',
				(${arr(FIRST)})[1 + (n % 12)::int] || ' ' || (${arr(LAST)})[1 + ((n / 12) % 10)::int],
				(select password_hash from spolu_bench.ids), organisation_id,
				case when n % 97 = 0 then 'deactivated' else 'active' end,
				now() - interval '1825 days' * spolu_bench.r(n, 11), now() - interval '1825 days' * spolu_bench.r(n, 11)
			from spolu_bench.people;
			insert into user_roles (user_id, role) select id, kind from spolu_bench.people;

			-- who the generated rows name: every active member (the demo ones too) and the social workers
			create table spolu_bench.members as
				select row_number() over (order by u.id) as n, u.id from users u
				join user_roles r on r.user_id = u.id and r.role = 'member' where u.status = 'active';
			create table spolu_bench.workers as
				select row_number() over (order by g) - 1 as n, id, organisation_id
				from spolu_bench.people where kind = 'social_worker';
			create table spolu_bench.donors as
				select row_number() over (order by g) - 1 as n, u.id, u.name, u.email
				from spolu_bench.people p join users u using (id) where p.kind = 'donor';
		`);
	});

	await step('needs', async (tx) => {
		// The target state by age: old needs ended their life (mostly closed), the newest ~8 % are on the way.
		await tx.unsafe(`
			create table spolu_bench.n as
			with base as (
				select i, gen_random_uuid() as id, i::double precision / ${N} as a, spolu_bench.r(i, 1) as r,
					now() - interval '45 days' - interval '1780 days' * (1 - i::double precision / ${N}) as created_at
				from generate_series(1, ${N}) i
			), targeted as (
				select *, case
					when a < 0.92 then case
						when r < 0.02 then 'draft' when r < 0.08 then 'withdrawn' when r < 0.20 then 'rejected'
						when r < 0.24 then 'cancelled' when r < 0.25 then 'delivered' else 'closed' end
					else case
						when r < 0.08 then 'draft' when r < 0.16 then 'submitted' when r < 0.24 then 'in_review'
						when r < 0.28 then 'info_requested' when r < 0.31 then 'ready' when r < 0.33 then 'in_vote'
						when r < 0.37 then 'approved' when r < 0.56 then 'funding' when r < 0.60 then 'funded'
						when r < 0.70 then 'fulfilling' when r < 0.80 then 'delivered' when r < 0.90 then 'rejected'
						else 'withdrawn' end
					end as target
				from base
			)
			select t.*, w.id as worker, w.organisation_id,
				(${arr(CATEGORIES)})[1 + floor(spolu_bench.r(i, 3) * 10)::int] as category,
				(${arr(REGIONS)})[1 + floor(spolu_bench.r(i, 4) * 14)::int] as region,
				case when spolu_bench.r(i, 5) < 0.1 then 'urgent' when spolu_bench.r(i, 5) < 0.3 then 'high' else 'normal' end as urgency,
				1 + floor(spolu_bench.r(i, 6) * 3)::int as items,
				(500 + floor(spolu_bench.r(i, 7) * 120) * 100)::bigint * 100 as unit_price,
				case when t.target in ('funding', 'cancelled') then
					case when spolu_bench.r(i, 8) < 0.6 then 'collection' else 'fund_and_collection' end
				else (array['collection', 'collection', 'collection', 'fund_and_collection', 'fund_and_collection',
					'gift', 'gift', 'purchase', 'purchase', 'purchase'])[1 + floor(spolu_bench.r(i, 8) * 10)::int] end as form,
				case when spolu_bench.r(i, 9) < 0.05 then (select member from spolu_bench.ids)
					else (select m.id from spolu_bench.members m
						where m.n = 1 + floor(spolu_bench.r(i, 10) * (select count(*) from spolu_bench.members))::int) end as contact,
				false as voted,
				case t.target when 'draft' then 0 when 'withdrawn' then 0 when 'submitted' then 1
					when 'in_review' then 2 when 'info_requested' then 2 when 'rejected' then 2 when 'ready' then 3
					when 'in_vote' then 4 when 'approved' then 5 when 'funding' then 6 when 'cancelled' then 6
					when 'funded' then 7 when 'fulfilling' then 8 when 'delivered' then 9 else 10 end as reach
			from targeted t
			join spolu_bench.workers w on w.n = floor(spolu_bench.r(t.i, 2) * ${scale.workers})::int;
			alter table spolu_bench.n add primary key (id);
			create unique index on spolu_bench.n (i);
			alter table spolu_bench.n add column amount bigint;
			update spolu_bench.n set amount = items * unit_price;
			-- needs that went through a vote (the rest the coordinator fast-tracked), up to the polls wanted
			update spolu_bench.n set voted = true where target = 'in_vote';
			update spolu_bench.n set voted = true, reach = greatest(reach, case when target = 'rejected' then 4 else reach end)
			where i in (select i from spolu_bench.n where target in ('rejected', 'approved', 'funding', 'funded',
				'fulfilling', 'delivered', 'closed', 'cancelled')
				order by spolu_bench.r(i, 12) limit greatest(0, ${scale.polls} - (select count(*) from spolu_bench.n where target = 'in_vote')));
			-- a rejection after review (not after a vote) stays at in_review's reach
			update spolu_bench.n set reach = 2 where target = 'rejected' and not voted;

			insert into needs (id, organisation_id, created_by, category, title, situation, impact, adults,
				children, region, district, urgency, needed_by, created_at, updated_at)
			select id, organisation_id, worker, category,
				(${arr(TITLES)})[1 + floor(spolu_bench.r(i, 3) * 10)::int],
				'${SITUATION}', '${IMPACT}', 1 + (i % 2),
				case i % 4 when 0 then array['0-2', '6-10'] when 1 then array['3-5'] when 2 then array['6-10', '11-14', '15-17'] else array['11-14'] end,
				region, case when i % 3 = 0 then 'Okres ' || (i % 70) end, urgency,
				(created_at + interval '30 days')::date, created_at, created_at
			from spolu_bench.n order by i;

			insert into need_items (need_id, position, description, quantity, unit_price)
			select n.id, p, 'Položka ' || (p + 1) || ' podle nabídky obchodu', 1, n.unit_price
			from spolu_bench.n n, generate_series(0, n.items - 1) p;
		`);
	});

	await step('the needs’ life, step by step', async (tx) => {
		const steps: [string, string, string, string][] = [
			['draft', 'submitted', 't.reach >= 1', '1 day'],
			['submitted', 'in_review', 't.reach >= 2', '2 days'],
			['in_review', 'ready', 't.reach >= 3', '4 days'],
			['ready', 'in_vote', 't.reach >= 4 and t.voted', '5 days'],
			['ready', 'approved', 't.reach >= 5 and not t.voted', '6 days'],
			['in_vote', 'approved', 't.reach >= 5', '12 days'],
			['approved', 'funding', "t.reach >= 6 and t.form in ('collection', 'fund_and_collection')", '13 days'],
			[
				'approved',
				'funded',
				"t.reach >= 7 and t.form not in ('collection', 'fund_and_collection')",
				'13 days'
			],
			['funding', 'funded', 't.reach >= 7', '14 days'],
			['funded', 'fulfilling', 't.reach >= 8', '15 days'],
			['fulfilling', 'delivered', 't.reach >= 9', '25 days'],
			['delivered', 'closed', 't.reach >= 10', '30 days'],
			['draft', 'withdrawn', "t.target = 'withdrawn'", '3 days'],
			['in_review', 'info_requested', "t.target = 'info_requested'", '3 days'],
			['in_review', 'rejected', "t.target = 'rejected' and not t.voted", '3 days'],
			['in_vote', 'rejected', "t.target = 'rejected' and t.voted", '12 days'],
			['funding', 'cancelled', "t.target = 'cancelled'", '60 days']
		];
		for (const [from, to, condition, after] of steps) {
			await tx.unsafe(`
				update needs set status = '${to}', updated_at = t.created_at + interval '${after}'
					${to === 'submitted' ? ", submitted_at = t.created_at + interval '1 day'" : ''}
				from spolu_bench.n t
				where t.id = needs.id and needs.status = '${from}' and ${condition}`);
		}
		const wrong = await tx<{ n: number }[]>`
			select count(*)::int as n from needs join spolu_bench.n t using (id) where needs.status <> t.target`;
		if (wrong[0]!.n) throw new Error(`${wrong[0]!.n} generated needs did not reach their state`);

		// the timeline: who did what and when
		await tx.unsafe(`
			insert into need_events (need_id, at, actor_id, kind, from_status, to_status)
			select id, created_at, worker, 'created', null, 'draft' from spolu_bench.n
			union all select id, created_at + interval '1 day', worker, 'submitted', 'draft', 'submitted'
				from spolu_bench.n where reach >= 1
			union all select id, created_at + interval '2 days', (select coordinator from spolu_bench.ids), 'review_started', 'submitted', 'in_review'
				from spolu_bench.n where reach >= 2
			union all select id, created_at + interval '3 days', (select coordinator from spolu_bench.ids), 'info_requested', 'in_review', 'info_requested'
				from spolu_bench.n where target = 'info_requested'
			union all select id, created_at + interval '3 days', worker, 'withdrawn', 'draft', 'withdrawn'
				from spolu_bench.n where target = 'withdrawn'
			union all select id, created_at + interval '3 days', (select coordinator from spolu_bench.ids), 'rejected', 'in_review', 'rejected'
				from spolu_bench.n where target = 'rejected' and not voted
			union all select id, created_at + interval '4 days', (select coordinator from spolu_bench.ids), 'ready', 'in_review', 'ready'
				from spolu_bench.n where reach >= 3
			union all select id, created_at + interval '5 days', (select coordinator from spolu_bench.ids), 'vote_opened', 'ready', 'in_vote'
				from spolu_bench.n where voted
			union all select id, created_at + interval '12 days', null, 'vote_closed', 'in_vote',
					case when target = 'rejected' then 'rejected' else 'approved' end
				from spolu_bench.n where voted and target <> 'in_vote'
			union all select id, created_at + interval '6 days', (select coordinator from spolu_bench.ids), 'fast_tracked', 'ready', 'approved'
				from spolu_bench.n where reach >= 5 and not voted
			union all select id, created_at + interval '12 days', (select coordinator from spolu_bench.ids), 'decided', null, null
				from spolu_bench.n where reach >= 5
			union all select id, created_at + interval '14 days', null, 'funded', null, 'funded'
				from spolu_bench.n where reach >= 7
			union all select id, created_at + interval '25 days', contact, 'delivered', 'fulfilling', 'delivered'
				from spolu_bench.n where reach >= 9
			union all select id, created_at + interval '30 days', (select coordinator from spolu_bench.ids), 'closed', 'delivered', 'closed'
				from spolu_bench.n where reach >= 10
			union all select id, created_at + interval '60 days', (select coordinator from spolu_bench.ids), 'cancelled', 'funding', 'cancelled'
				from spolu_bench.n where target = 'cancelled'
			order by 2;
		`);
	});

	await step('polls, electorates and votes', async (tx) => {
		await tx.unsafe(`
			create table spolu_bench.polls as
				select gen_random_uuid() as id, n.id as need_id, n.i, n.target,
					case when n.target = 'in_vote' then now() - interval '2 days' else n.created_at + interval '5 days' end as opened_at,
					case when n.target = 'in_vote' then now() + interval '5 days' else n.created_at + interval '12 days' end as closes_at
				from spolu_bench.n n where n.voted;
			insert into polls (id, need_id, opened_by, opened_at, closes_at, closed_at, outcome, electorate)
			select id, need_id, (select coordinator from spolu_bench.ids), opened_at, closes_at,
				case when target <> 'in_vote' then closes_at end,
				case when target = 'in_vote' then null when target = 'rejected' then 'rejected' else 'approved' end,
				(select count(*) from spolu_bench.members)
			from spolu_bench.polls;
			insert into poll_electorate (poll_id, member_id)
			select p.id, m.id from spolu_bench.polls p cross join spolu_bench.members m;
			-- three in four vote; the demo member leaves the open polls for the bench to find waiting
			insert into votes (poll_id, member_id, choice, reason, cast_at, updated_at)
			select p.id, m.id, v.choice, case when v.choice in ('no', 'recused') then 'Mám k tomu výhradu.' end,
				p.opened_at + interval '1 day', p.opened_at + interval '1 day'
			from spolu_bench.polls p cross join spolu_bench.members m
			cross join lateral (select case
				when spolu_bench.r(p.i * 1000 + m.n, 13) < 0.03 then 'recused'
				when spolu_bench.r(p.i * 1000 + m.n, 13) < 0.10 then 'abstain'
				when spolu_bench.r(p.i * 1000 + m.n, 13) < (case when p.target = 'rejected' then 0.55 else 0.2 end) then 'no'
				else 'yes' end as choice) v
			where spolu_bench.r(p.i * 1000 + m.n, 14) < 0.75
				and not (p.target = 'in_vote' and m.id = (select member from spolu_bench.ids));
			update polls set yes = t.yes, no = t.no, abstain = t.abstain, recused = t.recused
			from (select poll_id, count(*) filter (where choice = 'yes')::int as yes,
					count(*) filter (where choice = 'no')::int as no,
					count(*) filter (where choice = 'abstain')::int as abstain,
					count(*) filter (where choice = 'recused')::int as recused
				from votes where poll_id in (select id from spolu_bench.polls) group by poll_id) t
			where polls.id = t.poll_id and polls.closed_at is not null;
		`);
	});

	await step('decisions and need accounts', async (tx) => {
		await tx.unsafe(`
			insert into need_decisions (need_id, item_positions, approved_amount, form, contact_person_id, decided_by, decided_at)
			select id, (select array_agg(p::smallint order by p) from generate_series(0, items - 1) p), amount, form,
				contact, (select coordinator from spolu_bench.ids), created_at + interval '12 days'
			from spolu_bench.n where reach >= 5;
			insert into ledger_accounts (code, kind, need_id, non_negative, created_at)
			select 'need:' || id, 'need', id, true, created_at + interval '12 days' from spolu_bench.n where reach >= 5;
		`);
	});

	await step('money, planned', async (tx) => {
		// Every money movement of the generated club, in the order the ledger is written: what fills an
		// account comes before what empties it, so no non-negative account ever goes below zero.
		await tx.unsafe(`
			-- what a collection received from donors, and what is left over at the end
			alter table spolu_bench.n
				add column collected bigint not null default 0,
				add column leftover bigint not null default 0,
				add column paid bigint not null default 0,
				add column gifts_k int not null default 1;
			update spolu_bench.n set collected = case
					when target in ('funding', 'cancelled') then (amount * (0.1 + 0.8 * spolu_bench.r(i, 20)))::bigint / 100 * 100
					when reach < 7 then 0
					when form = 'collection' then amount
					when form = 'fund_and_collection' then amount / 200 * 100
					else 0 end
			where reach >= 5;
			update spolu_bench.n set gifts_k = 1 + floor(spolu_bench.r(i, 23) * 5)::int;
			update spolu_bench.n set collected = 0 where collected < 100 * gifts_k;
			update spolu_bench.n set leftover = amount / 1000 * 100 where target = 'closed' and spolu_bench.r(i, 21) < 0.3;
			update spolu_bench.n set paid = amount - leftover
			where reach >= 9 or (target = 'fulfilling' and spolu_bench.r(i, 22) < 0.5);

			create table spolu_bench.money (
				phase int not null, kind text not null, occurred_on date not null, need_id uuid,
				debit text not null, credit text not null, amount bigint not null check (amount > 0),
				channel text, recipient text, seq bigint not null, purpose text not null default 'gift'
			);
			-- gifts to collections: 1 to 5 gifts each
			insert into spolu_bench.money (phase, kind, occurred_on, need_id, debit, credit, amount, channel, seq)
			select 2, 'donation', (n.created_at + interval '13 days' + interval '1 day' * g)::date, n.id,
				'income:' || c.channel, 'need:' || n.id,
				case when g < n.gifts_k then n.collected / n.gifts_k / 100 * 100
					else n.collected - (n.gifts_k - 1) * (n.collected / n.gifts_k / 100 * 100) end,
				c.channel, n.i * 10 + g
			from spolu_bench.n n
			cross join lateral generate_series(1, n.gifts_k) g
			cross join lateral (select case when spolu_bench.r(n.i * 10 + g, 24) < 0.4 then 'card'
				when spolu_bench.r(n.i * 10 + g, 24) < 0.85 then 'bank' else 'offline' end as channel) c
			where n.collected > 0;
			-- the fund pays what the collection did not
			insert into spolu_bench.money (phase, kind, occurred_on, need_id, debit, credit, amount, seq)
			select 3, 'allocation', (n.created_at + interval '14 days')::date, n.id, 'fund', 'need:' || n.id,
				n.amount - n.collected, n.i
			from spolu_bench.n n where n.reach >= 7 and n.amount > n.collected;
			-- payments that waited in the suspense account (bank lines without a variable symbol)
			insert into spolu_bench.money (phase, kind, occurred_on, debit, credit, amount, channel, seq)
			select 4, 'bank_unassigned', (now() - interval '1 day' * (1 + g % 90))::date, 'income:bank', 'suspense:bank',
				(200 + g % 40 * 50) * 100, 'bank', g
			from generate_series(1, greatest(20, ${N} / 100)) g;
			-- purchases and gifts paid out, and what was left returned to the fund
			insert into spolu_bench.money (phase, kind, occurred_on, need_id, debit, credit, amount, recipient, seq)
			select 5, 'payout', (created_at + interval '18 days')::date, id, 'need:' || id,
				case when form = 'gift' then 'payout:families' else 'payout:suppliers' end, paid,
				case when form = 'gift' then 'family' else 'supplier' end, i
			from spolu_bench.n where paid > 0;
			insert into spolu_bench.money (phase, kind, occurred_on, need_id, debit, credit, amount, seq)
			select 6, 'return_to_fund', (created_at + interval '30 days')::date, id, 'need:' || id, 'fund', leftover, i
			from spolu_bench.n where leftover > 0
			union all
			select 6, 'return_to_fund', (created_at + interval '60 days')::date, id, 'need:' || id, 'fund', collected, i
			from spolu_bench.n where target = 'cancelled' and collected > 0;
		`);
		// The general fund's gifts fill the rest of the entries, worth a quarter more than the fund pays out.
		const [planned] = await tx<{ used: number; allocated: number }[]>`
			select count(*)::int * 2 as used, coalesce(sum(amount) filter (where kind = 'allocation'), 0)::bigint as allocated
			from spolu_bench.money`;
		const { used, allocated } = planned!;
		const gifts = Math.max(100, Math.floor((scale.entries - used) / 2));
		await tx.unsafe(`
			insert into spolu_bench.money (phase, kind, occurred_on, debit, credit, amount, channel, seq, purpose)
			select 1, 'donation', (now() - interval '1 day' - interval '1825 days' * spolu_bench.r(g, 30))::date,
				'income:' || c.channel, 'fund', w * ${Math.ceil((allocated * 1.25) / (gifts * 10.5) / 100)} * 100 + 10000,
				c.channel, g, case when c.channel = 'card' and spolu_bench.r(g, 32) < 0.15 then 'dues' else 'gift' end
			from generate_series(1, ${gifts}) g
			cross join lateral (select 1 + floor(spolu_bench.r(g, 31) * 20)::int as w) ww
			cross join lateral (select case when spolu_bench.r(g, 33) < 0.4 then 'card'
				when spolu_bench.r(g, 33) < 0.85 then 'bank' else 'offline' end as channel) c;

			create table spolu_bench.tx as
				select row_number() over (order by phase, occurred_on, seq) as k, gen_random_uuid() as id, m.*
				from spolu_bench.money m;
			create unique index on spolu_bench.tx (k);
			-- who gave: a donor with an account, someone anonymous, someone who left only a name; dues are members'
			alter table spolu_bench.tx add column donor uuid, add column donor_name text, add column donor_email text,
				add column pledge_id uuid, add column bank_payment_id uuid, add column statement_month date;
			update spolu_bench.tx t set donor = d.id, donor_name = d.name, donor_email = d.email
			from spolu_bench.donors d
			where t.kind = 'donation' and t.purpose = 'gift' and spolu_bench.r(t.k, 40) < 0.55
				and d.n = floor(spolu_bench.r(t.k, 41) * ${scale.donors})::int;
			update spolu_bench.tx t set donor_name = 'Dárce ' || (t.k % 5000) where t.kind = 'donation'
				and t.purpose = 'gift' and t.donor is null and spolu_bench.r(t.k, 40) >= 0.85;
			update spolu_bench.tx t set donor = m.id
			from spolu_bench.members m
			where t.purpose = 'dues' and m.n = 1 + floor(spolu_bench.r(t.k, 42) * (select count(*) from spolu_bench.members))::int;
			update spolu_bench.tx set bank_payment_id = gen_random_uuid(), statement_month = date_trunc('month', occurred_on)::date
			where channel = 'bank';
			update spolu_bench.tx set pledge_id = gen_random_uuid() where kind = 'donation' and channel = 'bank' and k % 2 = 0;

			-- one imported statement per month
			create table spolu_bench.statements as
				select gen_random_uuid() as id, month from (select distinct statement_month as month from spolu_bench.tx
					where statement_month is not null) s;
			insert into bank_statements (id, format, file_name, sha256, account, imported_by, imported_at, lines,
				recorded, matched, duplicates, outgoing, finished_at)
			select s.id, 'fio_csv', 'vypis-' || to_char(s.month, 'YYYY-MM') || '.csv', md5(s.month::text) || md5(s.id::text),
				'2901234567/2010', (select coordinator from spolu_bench.ids), s.month + interval '1 month 2 days',
				c.n, c.n, c.n, 0, 0, s.month + interval '1 month 2 days'
			from spolu_bench.statements s
			join (select statement_month, count(*)::int as n from spolu_bench.tx group by 1) c on c.statement_month = s.month;
			insert into pledges (id, variable_symbol, purpose, need_id, amount, donor_id, donor_name, donor_email,
				status, created_at, paid_at)
			select pledge_id, (1000000000 + k)::text, 'gift', need_id, amount, donor, donor_name, donor_email, 'paid',
				occurred_on - interval '3 days', occurred_on + interval '10 hours'
			from spolu_bench.tx where pledge_id is not null;
			-- a few pledges still waiting for their transfer
			insert into pledges (variable_symbol, purpose, amount, donor_name, status, created_at)
			select (2000000000 + g)::text, 'gift', 50000, 'Dárce ' || g, 'open', now() - interval '1 hour' * g
			from generate_series(1, greatest(10, ${N} / 200)) g;
		`);
	});

	const [counted] = await sql<{ total: number }[]>`select count(*)::int as total from spolu_bench.tx`;
	const total = counted!.total;
	for (let lo = 1; lo <= total; lo += LEDGER_BATCH) {
		const hi = lo + LEDGER_BATCH - 1;
		await sql.begin(async (tx) => {
			await tx.unsafe(`
				insert into ledger_transactions (id, kind, occurred_on, recorded_at, recorded_by, need_id, memo)
				select id, kind, occurred_on, occurred_on + interval '12 hours',
					case when channel is null or channel = 'offline' then (select coordinator from spolu_bench.ids) end,
					need_id, null
				from spolu_bench.tx where k between ${lo} and ${hi} order by k;
				insert into ledger_entries (transaction_id, account_id, amount)
				select t.id, a.id, case when s.side = 0 then -t.amount else t.amount end
				from spolu_bench.tx t
				cross join (values (0), (1)) s(side)
				join ledger_accounts a on a.code = case when s.side = 0 then t.debit else t.credit end
				where t.k between ${lo} and ${hi}
				order by t.k, s.side;
				insert into bank_payments (id, statement_id, bank_ref, booked_on, amount, variable_symbol, counter_account,
					counter_name, message, status, pledge_id, suspense_transaction_id)
				select t.bank_payment_id, s.id, 'bench-' || t.k, t.occurred_on, t.amount,
					case when t.pledge_id is not null then (1000000000 + t.k)::text end,
					(100000 + t.k % 90000) || '/0800', coalesce(t.donor_name, 'Neznámý plátce'), 'Dar',
					case when t.kind = 'bank_unassigned' then 'unassigned' else 'matched' end, t.pledge_id,
					case when t.kind = 'bank_unassigned' then t.id end
				from spolu_bench.tx t join spolu_bench.statements s on s.month = t.statement_month
				where t.k between ${lo} and ${hi} and t.bank_payment_id is not null order by t.k;
				insert into donations (channel, purpose, offline_kind, amount, need_id, to_need, to_fund, donor_id, donor_name,
					donor_email, received_on, pledge_id, bank_payment_id, transaction_id, recorded_by, payment_intent, created_at)
				select t.channel, t.purpose, case when t.channel = 'offline' then (array['cash', 'sponsor', 'transfer', 'other'])[1 + (t.k % 4)::int] end,
					t.amount, t.need_id, case when t.need_id is null then 0 else t.amount end,
					case when t.need_id is null then t.amount else 0 end, t.donor, t.donor_name, t.donor_email, t.occurred_on,
					t.pledge_id, t.bank_payment_id, t.id,
					case when t.channel = 'offline' then (select coordinator from spolu_bench.ids) end,
					case when t.channel = 'card' then 'pi_bench' || t.k end, t.occurred_on + interval '12 hours'
				from spolu_bench.tx t where t.k between ${lo} and ${hi} and t.kind = 'donation' order by t.k;
				insert into payouts (need_id, recipient, supplier, amount, paid_on, transaction_id, recorded_by, created_at)
				select t.need_id, t.recipient, case when t.recipient = 'supplier' then 'Obchod s nábytkem s. r. o.' end,
					t.amount, t.occurred_on, t.id, n.contact, t.occurred_on + interval '12 hours'
				from spolu_bench.tx t join spolu_bench.n n on n.id = t.need_id
				where t.k between ${lo} and ${hi} and t.kind = 'payout' order by t.k;
			`);
		});
		progress(`ledger ${Math.min(hi, total)} / ${total} transactions`);
	}

	await step('deliveries, consents and stories', async (tx) => {
		await tx.unsafe(`
			insert into need_deliveries (need_id, arranged_at, arranged_by, plan, bought_at, bought_by, delivered_on,
				delivered_at, delivered_by, confirmed_at, confirmed_by, feedback_thanks, feedback_change, feedback_at)
			select id, created_at + interval '15 days', contact, 'Obchod doveze věci do kanceláře centra ve čtvrtek.',
				case when paid > 0 then created_at + interval '18 days' end, case when paid > 0 then contact end,
				case when reach >= 9 then (created_at + interval '25 days')::date end,
				case when reach >= 9 then created_at + interval '25 days' end, case when reach >= 9 then contact end,
				case when reach >= 10 then created_at + interval '27 days' end, case when reach >= 10 then worker end,
				case when reach >= 10 then 'Děkujeme, moc nám to pomohlo.' end,
				case when reach >= 10 then 'Děti mají kde spát a učit se.' end,
				case when reach >= 10 then created_at + interval '27 days' end
			from spolu_bench.n where reach >= 8;

			create table spolu_bench.stories as
				select n.*, case when spolu_bench.r(n.i, 50) < 0.85 then 'published' when spolu_bench.r(n.i, 50) < 0.93 then 'submitted'
					when spolu_bench.r(n.i, 50) < 0.97 then 'draft' else 'withdrawn' end as story_status
				from spolu_bench.n n where n.target = 'closed' order by n.i desc limit ${scale.stories};
			insert into need_consents (need_id, given_on, social, recorded_by, recorded_at, audience)
			select id, (created_at + interval '27 days')::date, false, worker, created_at + interval '27 days',
				case when spolu_bench.r(i, 51) < 0.9 then 'public' else 'donors' end
			from spolu_bench.stories;
			insert into stories (need_id, author_id, title, body, category, region, amount, status, publish_at,
				published_by, created_at, updated_at)
			select id, worker, 'Jak pomoc změnila den jedné rodiny (' || i || ')', '${STORY}', category, region, amount,
				story_status, case when story_status = 'published' then created_at + interval '40 days' end,
				case when story_status = 'published' then (select coordinator from spolu_bench.ids) end,
				created_at + interval '35 days', created_at + interval '40 days'
			from spolu_bench.stories order by i;
		`);
	});

	await step('audit log', async (tx) => {
		await tx.unsafe(`
			insert into audit_log (at, actor_id, action, target_type, target_id, address, details)
			select at, actor, action, target_type, target_id, '127.0.0.1', '{}'::jsonb from (
				select t.occurred_on + interval '12 hours' as at, (select coordinator from spolu_bench.ids) as actor,
					case t.kind when 'allocation' then 'ledger.allocated' when 'payout' then 'ledger.payout'
						when 'return_to_fund' then 'ledger.returned_to_fund' else 'ledger.offline_gift' end as action,
					case when t.need_id is null then 'donation' else 'need' end as target_type,
					coalesce(t.need_id::text, t.id::text) as target_id
				from spolu_bench.tx t where t.kind in ('allocation', 'payout', 'return_to_fund') or t.channel = 'offline'
				union all
				select s.month + interval '1 month 2 days', (select coordinator from spolu_bench.ids), 'ledger.statement_imported',
					'bank_statement', s.id::text from spolu_bench.statements s
				union all
				select now() - interval '1825 days' * spolu_bench.r(s.x, 60), p.id, 'auth.sign_in', 'user', p.id::text
				from generate_series(1, ${N * 2}) s(x)
				join spolu_bench.people p on p.n = 1 + floor(spolu_bench.r(s.x, 61) * (select count(*) from spolu_bench.people))::int
			) a order by at;
		`);
	});

	await step('marker', async (tx) => {
		await tx`
			insert into app_state (key, value) values ('bench_scale', ${tx.json({ ...scale, at: new Date().toISOString() })})
			on conflict (key) do update set value = excluded.value, updated_at = now()`;
		await tx.unsafe('drop schema spolu_bench cascade');
	});
	await sql.unsafe('vacuum analyze');
	progress(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
