import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { setHelpListing } from '../accounts/help-directory';
import { arrangeDelivery, confirmReceipt, markBought, markDelivered } from '../delivery/steps';
import { deliveredNeed, fundedNeed, pragueToday } from '../delivery/test-factory';
import { recordOfflineGift } from '../ledger/offline';
import { recordPayout } from '../ledger/payouts';
import { decidedNeed, moneyTestDatabase, votingNeed } from '../ledger/test-factory';
import { addAttachment } from '../needs/attachments';
import { completeNeed, contextFor } from '../needs/test-factory';
import { createNeed, markReady, postMessage, submitNeed, withdrawNeed } from '../needs/transitions';
import { saveStory } from '../stories/stories';
import { castVote, extendPoll, fastTrackApprove, recuse } from '../voting/polls';
import { recordDecision, setVolunteer } from '../voting/decision';
import { postPollMessage } from '../voting/messages';

/*
 * The anonymisation guard stands at every free text that club members or the public read. This test
 * classifies every text column of the schema: a column members or the public read must have an attempt
 * below that writes a made-up family's details into it through the domain, and after each attempt no
 * column of any table holds them. A new text column fails the first test until someone decides here
 * whether it is read by the club or the public, and walks it.
 */

const t = moneyTestDatabase();

const SURNAME = 'Pospíšilová';
const PHONE = '604 218 337';
const PERSONAL = `Volejte paní Zdeňce ${SURNAME} na ${PHONE}.`;

/** Text columns read by club members or the public, each walked by an attempt below. */
const guarded = [
	'needs.title',
	'needs.situation',
	'needs.impact',
	'need_items.description',
	'need_items.link',
	'need_funding.source',
	'need_events.body',
	'votes.reason',
	'poll_messages.body',
	'polls.extension_reason',
	'need_decisions.note',
	'need_deliveries.plan',
	'need_deliveries.delivery_note',
	'need_deliveries.feedback_thanks',
	'need_deliveries.feedback_change',
	'need_deliveries.proof_name',
	'payouts.supplier',
	'payouts.note',
	'payouts.receipt_name',
	'need_attachments.file_name',
	'stories.title',
	'stories.body',
	'stories.photo_alt',
	'organisations.help_hours',
	'donations.description'
] as const;

/** Every other text column, with why the guard does not stand there. */
const notGuarded: Record<string, string> = {
	...Object.fromEntries(
		[
			'app_state.key',
			'app_state.value',
			'audit_log.action',
			'audit_log.address',
			'audit_log.details',
			'audit_log.target_id',
			'audit_log.target_type',
			'jobs.key',
			'jobs.kind',
			'jobs.last_error',
			'jobs.locked_by',
			'jobs.payload',
			'jobs.status',
			'schema_migrations.checksum',
			'schema_migrations.name',
			'sessions.id',
			'throttles.key',
			'stored_file_chunks.file_key',
			'stored_files.key',
			'stored_files.key_id',
			'outbox.html_body',
			'outbox.last_error',
			'outbox.locale',
			'outbox.subject',
			'outbox.template',
			'outbox.text_body',
			'outbox.to_address',
			'outbox_attachments.filename',
			'outbox_attachments.content_type',
			'outbox_attachments.content_id'
		].map((c) => [c, 'written by Spolu itself, from texts that passed the guard'])
	),
	...Object.fromEntries(
		[
			'need_protected_data.client_name',
			'need_protected_data.client_phone',
			'need_protected_data.delivery_address',
			'need_sealed_texts.texts',
			'fio_api_connection.token',
			'users.totp_key',
			'users.password_hash'
		].map((c) => [c, 'encrypted or hashed, read only by those allowed'])
	),
	...Object.fromEntries(
		[
			'bank_payments.bank_ref',
			'bank_payments.return_note',
			'club_accounts.iban',
			'club_accounts.label',
			'bank_payments.counter_account',
			'bank_payments.counter_name',
			'bank_payments.message',
			'bank_payments.variable_symbol',
			'bank_payments.status',
			'bank_statements.format',
			'bank_statements.sha256',
			'bank_statements.account',
			'bank_statements.file_name',
			'fio_api_connection.last_error_detail',
			'card_checkouts.donor_address',
			'card_checkouts.donor_email',
			'card_checkouts.donor_name',
			'card_checkouts.payment_intent',
			'card_checkouts.stripe_session_id',
			'need_news_mails.recipient',
			'donations.donor_address',
			'donor_profiles.donor_key',
			'donor_profiles.name',
			'donor_profiles.address',
			'donor_profiles.company_name',
			'donor_profiles.registration_number',
			'donor_profiles.vat_number',
			'gift_confirmations.donor_key',
			'gift_confirmations.emailed_to',
			'donations.donor_email',
			'donations.donor_name',
			'donations.note',
			'donations.dispute_reason',
			'donations.payment_intent',
			'donations.stripe_invoice_id',
			'donations.stripe_dispute_id',
			'dues_failure_notices.stripe_invoice_id',
			'pledges.donor_address',
			'pledges.donor_email',
			'pledges.donor_name',
			'pledges.locale',
			'pledges.variable_symbol',
			'subscriptions.stripe_customer_id',
			'subscriptions.stripe_subscription_id',
			'stripe_events.id',
			'stripe_events.type'
		].map((c) => [c, "the donors' own data and the bank's records, for the coordinator only"])
	),
	...Object.fromEntries(
		[
			'users.email',
			'users.name',
			'invitations.email',
			'organisations.name',
			'organisations.help_phone',
			'organisations.help_web',
			'club_settings.address',
			'club_settings.collection_iban',
			'club_settings.collection_reference',
			'club_settings.contact_email',
			'club_settings.name',
			'club_settings.place',
			'club_settings.registration_number',
			'club_settings.signatory_name',
			'club_settings.signatory_role'
		].map((c) => [c, "the club's and its people's own names and contacts, not the families'"])
	),
	...Object.fromEntries(
		['need_pii_confirmations.fragment', 'need_pii_confirmations.field', 'need_pii_confirmations.kind'].map(
			(c) => [c, 'what the worker consciously confirmed is not personal data']
		)
	),
	...Object.fromEntries(
		[
			'card_checkouts.interval',
			'card_checkouts.locale',
			'need_news_mails.event',
			'card_checkouts.purpose',
			'card_checkouts.status',
			'donations.channel',
			'donations.dispute_status',
			'donor_profiles.kind',
			'gift_confirmations.content_sha256',
			'donations.offline_kind',
			'donations.purpose',
			'fio_api_connection.last_error',
			'email_tokens.purpose',
			'invitations.role',
			'ledger_accounts.code',
			'ledger_accounts.kind',
			'ledger_transactions.kind',
			'ledger_month_totals.kind',
			'donation_month_totals.channel',
			'donation_month_totals.purpose',
			'delivery_group_totals.dimension',
			'delivery_group_totals.key',
			'ledger_transactions.memo',
			'need_attachments.kind',
			'need_attachments.media_type',
			'need_attachments.storage_key',
			'need_consents.audience',
			'need_decisions.form',
			'need_deliveries.proof_key',
			'need_deliveries.proof_media_type',
			'need_events.data',
			'need_events.from_status',
			'need_events.kind',
			'need_events.to_status',
			'need_protected_data.delivery_way',
			'need_transitions.from_status',
			'need_transitions.to_status',
			'needs.category',
			'needs.district',
			'needs.region',
			'needs.status',
			'needs.urgency',
			'organisations.kind',
			'organisations.region',
			'payouts.receipt_key',
			'payouts.receipt_media_type',
			'payouts.recipient',
			'pledges.purpose',
			'pledges.status',
			'polls.outcome',
			'poll_messages.author_role',
			'stories.category',
			'stories.photo_key',
			'stories.photo_media_type',
			'stories.region',
			'stories.status',
			'subscriptions.interval',
			'subscriptions.status',
			'user_roles.role',
			'users.locale',
			'users.status',
			'votes.choice'
		].map((c) => [c, 'a code, a key or a choice from a list, not free text'])
	)
};

async function textColumns(sql: Db) {
	const rows = await sql<{ table: string; column: string }[]>`
		select table_name as table, column_name as column from information_schema.columns
		where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')
		order by 1, 2`;
	return rows;
}

/** Every place in the database that holds the family's surname or phone, as `table.column`. */
async function whereStored(sql: Db): Promise<string[]> {
	const found: string[] = [];
	for (const { table, column } of await textColumns(sql)) {
		const [row] = await sql<{ n: number }[]>`
			select count(*)::int as n from ${sql(table)}
			where ${sql(column)}::text like ${`%${SURNAME}%`} or ${sql(column)}::text like ${`%${PHONE}%`}`;
		if (row!.n > 0) found.push(`${table}.${column}`);
	}
	return found;
}

const png = () =>
	sharp({ create: { width: 8, height: 8, channels: 3, background: '#2f6f73' } })
		.png()
		.toBuffer();

describe('the guard everywhere free text goes', () => {
	it('knows every text column of the schema: guarded, or not read by the club and the public', async () => {
		const columns = (await textColumns(t.sql)).map((c) => `${c.table}.${c.column}`).sort();
		const known = [...guarded, ...Object.keys(notGuarded)].sort();
		expect(columns).toEqual(known);
	});

	it('keeps a family out of each of them, wherever a worker, member or coordinator writes', async () => {
		const { sql, p, store } = t;
		const worker = contextFor(sql, p.worker);
		const member = contextFor(sql, p.member);
		const coordinator = contextFor(sql, p.coordinator);
		const walked = new Set<string>();
		const named = { bytes: await png(), name: `Zdeňka ${SURNAME} ${PHONE}.png`, type: 'image/png' };
		/** A text is refused; a file named after the family is kept under a plain name instead. */
		const attempt = async (columns: string[], run: () => Promise<unknown>, refused = true) => {
			const result = (await run()) as { ok: boolean; reason?: string };
			expect(result, columns.join(', ')).toMatchObject(
				refused ? { ok: false, reason: 'personal_data' } : { ok: true }
			);
			expect(await whereStored(sql), columns.join(', ')).toEqual([]);
			for (const c of columns) walked.add(c);
		};

		// the need's texts: saved as a draft only sealed, and never submitted so
		const draft = await createNeed(
			worker,
			completeNeed({
				title: `Postel pro paní ${SURNAME}`,
				situation: completeNeed().situation + ' ' + PERSONAL,
				impact: completeNeed().impact + ' ' + PERSONAL,
				items: [
					{
						description: `Postel pro ${SURNAME}`,
						quantity: 1,
						unitPrice: 100_000,
						link: `https://www.facebook.com/zdenka.pospisilova.604`
					}
				],
				funding: [{ source: `Příspěvek od ${SURNAME}`, amount: 10_000 }]
			})
		);
		if (!draft.ok) throw new Error(draft.reason);
		await attempt(
			[
				'needs.title',
				'needs.situation',
				'needs.impact',
				'need_items.description',
				'need_items.link',
				'need_funding.source'
			],
			() => submitNeed(worker, draft.id)
		);
		expect(await sql`select link from need_items where need_id = ${draft.id}`).toEqual([{ link: null }]);

		// the thread and a withdrawal's reason, while the need is submitted; with it, the attachment
		// named after the client
		const submitted = await createNeed(worker, completeNeed());
		if (!submitted.ok) throw new Error(submitted.reason);
		await submitNeed(worker, submitted.id);
		await attempt(['need_events.body'], () => postMessage(worker, submitted.id, PERSONAL));
		await attempt(['need_events.body'], () => withdrawNeed(worker, submitted.id, PERSONAL));
		await attempt(
			['need_attachments.file_name'],
			() => addAttachment(worker, store, submitted.id, { ...named, kind: 'quote' }),
			false
		);

		// a vote's reason, a conflict of interest, an extension, a fast track
		const voting = await votingNeed(sql, p);
		const [poll] = await sql<{ id: string }[]>`select id from polls where need_id = ${voting}`;
		await attempt(['votes.reason'], () => castVote(member, poll!.id, 'no', PERSONAL));
		await attempt(['votes.reason'], () => recuse(member, poll!.id, PERSONAL));
		// the thread of the vote: a member's question and the organisation's answer
		await attempt(['poll_messages.body'], () => postPollMessage(member, poll!.id, PERSONAL));
		await attempt(['poll_messages.body'], () => postPollMessage(worker, poll!.id, PERSONAL));
		const later = new Date(Date.now() + 3 * 24 * 3600 * 1000);
		await attempt(['polls.extension_reason'], () => extendPoll(coordinator, poll!.id, later, PERSONAL));
		const ready = await createNeed(worker, completeNeed());
		if (!ready.ok) throw new Error(ready.reason);
		await submitNeed(worker, ready.id);
		await markReady(coordinator, ready.id);
		await attempt(['need_events.body'], () => fastTrackApprove(coordinator, ready.id, PERSONAL));

		// the decision's note
		const approved = await decidedNeed(sql, p, 20_000);
		await sql`delete from need_decisions where need_id = ${approved}`;
		await setVolunteer(member, approved, true);
		await attempt(['need_decisions.note'], () =>
			recordDecision(coordinator, approved, {
				itemPositions: [0],
				form: 'purchase',
				contactPersonId: p.member.id,
				note: PERSONAL
			})
		);

		// the contact person's plan, payout, receipt and delivery; the family's feedback
		const funded = await fundedNeed(sql, p, store);
		await attempt(['need_deliveries.plan'], () => arrangeDelivery(member, funded, { plan: PERSONAL }));
		await arrangeDelivery(member, funded, { plan: 'Obchod doveze postel do kanceláře.' });
		const payout = { recipient: 'supplier' as const, amount: 1_000, paidOn: pragueToday() };
		await attempt(['payouts.supplier'], () =>
			recordPayout(member, store, funded, { ...payout, supplier: PERSONAL, note: '' }, null)
		);
		await attempt(['payouts.note'], () =>
			recordPayout(member, store, funded, { ...payout, supplier: 'IKEA', note: PERSONAL }, null)
		);
		// a file's name with personal data is replaced, the file is kept
		await attempt(
			['payouts.receipt_name'],
			() => recordPayout(member, store, funded, { ...payout, supplier: 'IKEA', note: '' }, named),
			false
		);
		await markBought(member, funded);
		await attempt(['need_deliveries.delivery_note'], () =>
			markDelivered(member, store, funded, { deliveredOn: pragueToday(), note: PERSONAL }, null)
		);
		await attempt(
			['need_deliveries.proof_name'],
			() => markDelivered(member, store, funded, { deliveredOn: pragueToday(), note: '' }, named),
			false
		);
		const feedback = { thanks: 'Děkujeme.', change: 'Děti mají kde spát.', confirmFindings: false };
		await attempt(['need_deliveries.feedback_thanks'], () =>
			confirmReceipt(worker, funded, { ...feedback, thanks: PERSONAL })
		);
		await attempt(['need_deliveries.feedback_change'], () =>
			confirmReceipt(worker, funded, { ...feedback, change: PERSONAL })
		);

		// the story, for the public
		const delivered = await deliveredNeed(sql, p, store);
		const story = {
			title: 'Nová postel',
			body: 'Děti konečně spí každé ve své posteli.',
			category: 'furniture' as const,
			region: 'CZ010' as const,
			photoAlt: '',
			photoConfirmed: false,
			removePhoto: false,
			confirmFindings: false
		};
		for (const field of ['title', 'body', 'photoAlt'] as const)
			await attempt([`stories.${field === 'photoAlt' ? 'photo_alt' : field}`], () =>
				saveStory(worker, store, delivered, { ...story, [field]: PERSONAL }, null)
			);

		// the public help directory, and a gift in kind the members see on the need
		await attempt(['organisations.help_hours'], () =>
			setHelpListing(sql, { id: p.coordinator.id, address: null }, p.organisationId, {
				listed: true,
				phone: '+420 800 111 222',
				web: null,
				hours: `Po–Pá 8–16, jinak ${PERSONAL}`,
				checked: true
			})
		);
		await attempt(['donations.description'], () =>
			recordOfflineGift(coordinator, {
				kind: 'in_kind',
				amount: 1_000,
				receivedOn: pragueToday(),
				needId: delivered,
				description: `Pračka pro ${SURNAME}`,
				donorName: 'Obchod s.r.o.',
				donorAddress: '',
				donorEmail: '',
				note: ''
			})
		);

		expect([...walked].sort()).toEqual([...guarded].sort());
	});
});
