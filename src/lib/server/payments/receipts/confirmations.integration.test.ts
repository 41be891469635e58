import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mimeParts, startSmtpServer, type TestSmtpServer } from '../../../../../tests/support/smtp';
import type { Person } from '../../core/actor';
import type { Db } from '../../db/client';
import { JobRunner } from '../../jobs/runner';
import { receiveGift, type Donor } from '../../ledger/funding';
import { moneyTestDatabase } from '../../ledger/test-factory';
import { createMailSendJob } from '../../mail/send-job';
import { contextFor, systemContextFor, testEnvironment, type People } from '../../needs/test-factory';
import { getClubSettings, saveClubSettings } from '../../club/settings';
import { getVoteSettings } from '../../voting/settings';
import { confirmationClub, donorConfirmation, donorRowsForYear, listDonorsForYear } from './confirmations';
import { clearDonorProfile, donorKeyOfDonation, isValidIco, saveDonorProfile } from './donor-profile';
import {
	confirmationMailJob,
	confirmationsArchive,
	mailSummary,
	sendYearConfirmations,
	startMailRun
} from './year-run';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(async () => {
	await smtp.close();
});
beforeEach(async () => {
	({ sql, p } = t);
	smtp.messages.length = 0;
	await sql`
		insert into club_settings (name, registration_number, address, place, signatory_name, signatory_role)
		values ('Klub Spolu, z. s.', '25596641', 'Údolní 12, 602 00 Brno', 'Brno', 'Jana Nováková', 'předsedkyně spolku')`;
});

/** The text of a PDF, whitespace (and the non-breaking spaces in amounts) folded to ' '. */
async function pdfText(pdf: Uint8Array): Promise<string> {
	const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, disableFontFace: true }).promise;
	let text = '';
	for (let n = 1; n <= doc.numPages; n++) {
		const content = await (await doc.getPage(n)).getTextContent();
		text += content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : ' ') : '')).join('') + ' ';
	}
	await doc.destroy();
	return text.replace(/\s+/g, ' ').trim();
}

/** A gift as the channels record it (the offline channel: no thank-you e-mail of its own). */
async function gift(
	amount: number,
	receivedOn: string,
	donor: Donor,
	more: { channel?: 'offline' | 'card' | 'bank'; purpose?: 'gift' | 'dues' } = {}
): Promise<string> {
	const channel = more.channel ?? 'offline';
	return sql.begin(async (tx) => {
		const received = await receiveGift(contextFor(tx, p.coordinator), {
			channel,
			purpose: more.purpose,
			offlineKind: channel === 'offline' ? 'cash' : null,
			amount,
			needId: null,
			donor,
			receivedOn
		});
		return received.donationId;
	});
}

/* The states the card and bank channels leave a gift in (stripe/disputes.ts, bank returns). */
const refund = (id: string, refunded: number) =>
	sql`update donations set refunded = ${refunded} where id = ${id}`;
const dispute = (id: string, status: 'open' | 'won' | 'lost') =>
	sql`update donations set disputed_at = now(), dispute_status = ${status} where id = ${id}`;

const coordinator = () => contextFor(sql, p.coordinator);
const at = (day: string) => ({ ...testEnvironment, now: () => new Date(`${day}T10:00:00Z`) });
const coordinatorOn = (day: string) => contextFor(sql, p.coordinator as Person, at(day));

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
	return Buffer.concat(chunks);
}

const csvHeader = ['Číslo', 'Vydání', 'Dárce', 'IČO', 'Adresa', 'E-mail', 'Darů', 'Celkem', 'Odesláno'];

describe('what a confirmation counts', () => {
	it('leaves out a gift under open dispute and one fully returned; counts a won dispute and the rest of a part refund', async () => {
		const jana = { name: 'Jana Dárcová', email: 'jana@example.cz', address: 'Brno' };
		await gift(10_000, '2026-02-01', jana);
		const held = await gift(20_000, '2026-03-01', jana, { channel: 'card' });
		await dispute(held, 'open');
		const returned = await gift(40_000, '2026-04-01', jana, { channel: 'bank' });
		await refund(returned, 40_000);
		const won = await gift(80_000, '2026-05-01', jana, { channel: 'card' });
		await dispute(won, 'won');
		const part = await gift(160_000, '2026-06-01', jana, { channel: 'card' });
		await refund(part, 60_000);
		await gift(5_000, '2026-07-01', jana, { purpose: 'dues' });
		// the Prague year: New Year's Day belongs to the next one
		await gift(1_000, '2026-12-31', jana);
		await gift(2_000, '2027-01-01', jana);

		const [donor] = await listDonorsForYear(sql, 2026);
		expect(donor).toMatchObject({
			key: 'e:jana@example.cz',
			count: 4,
			total: 10_000 + 80_000 + 100_000 + 1_000
		});

		const issued = await donorConfirmation(sql, p.coordinator, 'e:jana@example.cz', 2026, 'cs', '2027-01-10');
		if (!issued.ok) throw new Error(issued.reason);
		const text = await pdfText(issued.pdf);
		expect(text).toContain('1. 2. 2026 peněžní dar — v hotovosti 100,00 Kč');
		expect(text).toContain('1. 5. 2026 peněžní dar — kartou 800,00 Kč');
		expect(text).toContain('1. 6. 2026 peněžní dar — kartou 1 000,00 Kč');
		expect(text).toContain('31. 12. 2026');
		expect(text).not.toContain('1. 3. 2026');
		expect(text).not.toContain('1. 4. 2026');
		expect(text).not.toContain('1. 7. 2026');
		expect(text).not.toContain('1. 1. 2027 peněžní');
		expect(text).toContain('Celkem 1 910,00 Kč');

		// the dispute decided for the club: the gift stands again
		await sql`update donations set dispute_status = 'won' where id = ${held}`;
		expect((await listDonorsForYear(sql, 2026))[0]!.total).toBe(211_000);
	});

	it('has no confirmation for a donor whose only gift is held or returned', async () => {
		const held = await gift(20_000, '2026-03-01', { email: 'petr@example.cz' }, { channel: 'card' });
		await dispute(held, 'open');
		const lost = await gift(30_000, '2026-03-02', { email: 'eva@example.cz' }, { channel: 'card' });
		// a lost dispute is booked as money back to the donor
		await dispute(lost, 'lost');
		await refund(lost, 30_000);
		expect(await listDonorsForYear(sql, 2026)).toEqual([]);
		expect(
			await donorConfirmation(sql, p.coordinator, 'e:petr@example.cz', 2026, 'cs', '2027-01-10')
		).toEqual({
			ok: false,
			reason: 'no_gifts'
		});
	});
});

describe('the donor on the confirmation', () => {
	it('takes the address of the newest gift, not the alphabetically last one', async () => {
		const donor = (address: string | null) => ({ name: 'Řehoř Šťastný', email: 'rehor@example.cz', address });
		await gift(10_000, '2026-02-01', donor('Zelená 1, 602 00 Brno'));
		await gift(10_000, '2026-06-01', donor('Alejní 9, 612 00 Brno'));
		// recorded later, but received earlier: not the newest
		await gift(10_000, '2026-05-01', donor('Zámecká 3, 602 00 Brno'));
		// the newest gift has no address: the donor did not move, they just did not write it
		await gift(10_000, '2026-07-01', donor(null));
		const [row] = await listDonorsForYear(sql, 2026);
		expect(row!.address).toBe('Alejní 9, 612 00 Brno');

		// the same day: the one recorded last is newer
		await gift(10_000, '2026-07-01', donor('Vlhká 5, 602 00 Brno'));
		expect((await listDonorsForYear(sql, 2026))[0]!.address).toBe('Vlhká 5, 602 00 Brno');
	});

	it('prints a company donor as the coordinator entered it, with IČO and DIČ, and audits the change', async () => {
		const donationId = await gift(500_000, '2026-04-01', {
			name: 'Petr Novák',
			email: 'ucetni@pekarna.example',
			address: 'Domácí 1, Brno'
		});
		const key = await donorKeyOfDonation(sql, donationId);
		expect(key).toBe('e:ucetni@pekarna.example');
		expect(
			await saveDonorProfile(coordinator(), key!, {
				kind: 'company',
				companyName: 'Pekárna U Mlýna s.r.o.',
				registrationNumber: '25596641',
				vatNumber: 'CZ25596641',
				address: 'Mlýnská 3, 602 00 Brno',
				name: 'Petr Novák'
			})
		).toEqual({ ok: true });
		const [row] = await donorRowsForYear(sql, 2026);
		expect(row).toMatchObject({ name: 'Pekárna U Mlýna s.r.o.', kind: 'company', edited: true });

		const issued = await donorConfirmation(sql, p.coordinator, key!, 2026, 'cs', '2027-01-10');
		if (!issued.ok) throw new Error(issued.reason);
		const text = await pdfText(issued.pdf);
		expect(text).toContain('Pekárna U Mlýna s.r.o.');
		expect(text).toContain('IČO: 25596641');
		expect(text).toContain('DIČ: CZ25596641');
		expect(text).toContain('Sídlo: Mlýnská 3, 602 00 Brno');
		expect(text).not.toContain('Domácí 1');

		const [entry] = await sql<{ details: Record<string, unknown> }[]>`
			select details from audit_log where action = 'ledger.donor_profile_changed'`;
		expect(entry!.details).toMatchObject({ kind: 'company' });
		expect(entry!.details.changed).toEqual(
			expect.arrayContaining(['kind', 'companyName', 'registrationNumber', 'vatNumber', 'address'])
		);
		expect(JSON.stringify(entry!.details)).not.toContain('Mlýn');

		// back to what the donor gave
		await clearDonorProfile(coordinator(), key!);
		expect((await donorRowsForYear(sql, 2026))[0]).toMatchObject({
			name: 'Petr Novák',
			address: 'Domácí 1, Brno',
			kind: 'person',
			edited: false
		});
	});

	it('refuses an IČO that fails the check digit and a malformed DIČ, storing nothing', async () => {
		expect(isValidIco('25596641')).toBe(true);
		expect(isValidIco('00006947')).toBe(true);
		expect(isValidIco('12345678')).toBe(false);
		expect(isValidIco('2559664')).toBe(false);
		await gift(10_000, '2026-04-01', { email: 'firma@example.cz' });
		const company = {
			kind: 'company' as const,
			companyName: 'Firma s.r.o.',
			address: null,
			name: null
		};
		expect(
			await saveDonorProfile(coordinator(), 'e:firma@example.cz', {
				...company,
				registrationNumber: '12345678',
				vatNumber: null
			})
		).toEqual({ ok: false, reason: 'invalid' });
		expect(
			await saveDonorProfile(coordinator(), 'e:firma@example.cz', {
				...company,
				registrationNumber: '25596641',
				vatNumber: 'SK2020123456'
			})
		).toEqual({ ok: false, reason: 'invalid' });
		expect(await sql`select 1 from donor_profiles`).toHaveLength(0);
		expect(
			await saveDonorProfile(contextFor(sql, p.member), 'e:firma@example.cz', {
				kind: 'person',
				name: 'X',
				address: null
			})
		).toEqual({ ok: false, reason: 'forbidden' });
	});
});

describe('document numbers', () => {
	it('numbers each donor of a year in turn, keeps the number and the document on a reissue, and marks a new edition after a change', async () => {
		await gift(10_000, '2026-02-01', { name: 'Anna', email: 'anna@example.cz' });
		await gift(20_000, '2026-02-02', { name: 'Bohouš', email: 'bohous@example.cz' });
		await gift(30_000, '2025-05-05', { name: 'Anna', email: 'anna@example.cz' });

		const first = await donorConfirmation(sql, p.coordinator, 'e:anna@example.cz', 2026, 'cs', '2027-01-10');
		const second = await donorConfirmation(
			sql,
			p.coordinator,
			'e:bohous@example.cz',
			2026,
			'cs',
			'2027-01-10'
		);
		const older = await donorConfirmation(sql, p.coordinator, 'e:anna@example.cz', 2025, 'cs', '2027-01-10');
		if (!first.ok || !second.ok || !older.ok) throw new Error('not issued');
		expect([first.number, second.number, older.number]).toEqual([
			'PD-2026-0001',
			'PD-2026-0002',
			'PD-2025-0001'
		]);
		expect(await pdfText(first.pdf)).toContain('Číslo potvrzení: PD-2026-0001');

		// the donor downloads it again a week later: the same document, dated as first issued
		const again = await donorConfirmation(sql, p.coordinator, 'e:anna@example.cz', 2026, 'cs', '2027-01-17');
		if (!again.ok) throw new Error(again.reason);
		expect(again.number).toBe('PD-2026-0001');
		expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);

		// a late-booked gift changes what it confirms: a new edition of the same number
		await gift(5_000, '2026-12-30', { name: 'Anna', email: 'anna@example.cz' });
		const corrected = await donorConfirmation(
			sql,
			p.coordinator,
			'e:anna@example.cz',
			2026,
			'cs',
			'2027-02-01'
		);
		if (!corrected.ok) throw new Error(corrected.reason);
		expect(corrected.number).toBe('PD-2026-0001');
		const text = await pdfText(corrected.pdf);
		expect(text).toContain('2. vydání – nahrazuje potvrzení stejného čísla vydané dne 10. 1. 2027');
		expect(text).toContain('Místo a datum vydání: Brno, 1. 2. 2027');
		expect(text).toContain('Celkem 150,00 Kč');

		const audits = await sql<{ details: { number: string; edition: number } }[]>`
			select details from audit_log where action = 'ledger.confirmation_issued' order by id`;
		expect(audits.map((a) => [a.details.number, a.details.edition])).toEqual([
			['PD-2026-0001', 1],
			['PD-2026-0002', 1],
			['PD-2025-0001', 1],
			['PD-2026-0001', 1],
			['PD-2026-0001', 2]
		]);
	});

	it('prints the signatory the coordinator set in the club settings, audited with the rest', async () => {
		const club = (await getClubSettings(sql))!;
		await saveClubSettings(
			sql,
			p.coordinator,
			{ ...club, ...(await getVoteSettings(sql)) },
			{ signatoryName: 'Petr Pokladník', signatoryRole: 'pokladník z pověření výboru' }
		);
		expect((await confirmationClub(sql))?.signatory).toEqual({
			name: 'Petr Pokladník',
			role: 'pokladník z pověření výboru'
		});
		const [entry] = await sql<{ details: { changed: string[] } }[]>`
			select details from audit_log where action = 'club.settings_changed'`;
		expect(entry!.details.changed).toEqual(['signatoryName', 'signatoryRole']);
		await gift(10_000, '2026-02-01', { name: 'Anna', email: 'anna@example.cz' });
		const issued = await donorConfirmation(sql, p.coordinator, 'e:anna@example.cz', 2026, 'cs', '2027-01-10');
		if (!issued.ok) throw new Error(issued.reason);
		expect(await pdfText(issued.pdf)).toContain(
			'razítko a podpis Petr Pokladník pokladník z pověření výboru Klub Spolu, z. s.'
		);
	});

	it('prints the signatory and the place in English without Czech cases', async () => {
		await gift(10_000, '2026-02-01', { name: 'John Smith', email: 'john@example.org' });
		const issued = await donorConfirmation(
			sql,
			p.coordinator,
			'e:john@example.org',
			2026,
			'en',
			'2027-01-10'
		);
		if (!issued.ok) throw new Error(issued.reason);
		const text = await pdfText(issued.pdf);
		expect(text).toContain('Place and date of issue: Brno, 10 January 2027');
		expect(text).toContain('Jana Nováková předsedkyně spolku Klub Spolu, z. s.');
		expect(text).not.toContain('Issued in');
	});
});

describe('the whole year at once', () => {
	it('gives one archive with a PDF per donor and a list, numbering them alphabetically, in batches', async () => {
		const names = Array.from({ length: 30 }, (_, i) => `Dárce ${String(i + 1).padStart(2, '0')}`);
		for (const [i, name] of names.entries()) {
			await gift(10_000 + i, '2026-03-01', { name, email: `d${i + 1}@example.cz`, address: 'Brno' });
		}
		const result = await confirmationsArchive(coordinatorOn('2027-01-12'), 2026, {
			openYearConfirmed: false,
			csvHeader
		});
		if (!result.ok) throw new Error(result.reason);
		expect(result.fileName).toBe('potvrzeni-o-daru-2026.zip');
		const files = unzipSync(await collect(result.stream));
		const pdfs = Object.keys(files)
			.filter((f) => f.endsWith('.pdf'))
			.sort();
		expect(pdfs).toHaveLength(30);
		expect(pdfs[0]).toBe('PD-2026-0001-darce-01.pdf');
		expect(pdfs[29]).toBe('PD-2026-0030-darce-30.pdf');
		const text = await pdfText(files['PD-2026-0027-darce-27.pdf']!);
		expect(text).toContain('Dárce 27');
		expect(text).toContain('Číslo potvrzení: PD-2026-0027');
		expect(text).toContain('Celkem 100,26 Kč');
		expect(text).toContain('Místo a datum vydání: Brno, 12. 1. 2027');
		const list = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['soupis.csv']);
		expect(list.startsWith('\uFEFFČíslo;Vydání;Dárce;')).toBe(true);
		expect(list).toContain('PD-2026-0027;1;Dárce 27;;Brno;d27@example.cz;1;100,26;');
		expect(list.trim().split('\r\n')).toHaveLength(31);

		// issuing again keeps every number
		const again = await confirmationsArchive(coordinatorOn('2027-01-20'), 2026, {
			openYearConfirmed: false,
			csvHeader
		});
		if (!again.ok) throw new Error(again.reason);
		const second = unzipSync(await collect(again.stream));
		expect(
			Object.keys(second)
				.filter((f) => f.endsWith('.pdf'))
				.sort()
		).toEqual(pdfs);
		expect(await sql`select 1 from gift_confirmations where year = 2026`).toHaveLength(30);
		const [audit] = await sql<{ details: Record<string, unknown> }[]>`
			select details from audit_log where action = 'ledger.confirmations_archived' order by id limit 1`;
		expect(audit!.details).toEqual({ year: 2026, donors: 30, final: true });
	});

	it('warns before a year that has not ended and refuses a future one or an incomplete club', async () => {
		await gift(10_000, '2026-03-01', { name: 'Anna', email: 'anna@example.cz' });
		const during = coordinatorOn('2026-11-20');
		expect(await confirmationsArchive(during, 2026, { openYearConfirmed: false, csvHeader })).toEqual({
			ok: false,
			reason: 'open_year'
		});
		const confirmed = await confirmationsArchive(during, 2026, { openYearConfirmed: true, csvHeader });
		expect(confirmed.ok).toBe(true);
		expect(await confirmationsArchive(during, 2027, { openYearConfirmed: true, csvHeader })).toEqual({
			ok: false,
			reason: 'future_year'
		});
		expect(await startMailRun(during, 2026)).toEqual({ ok: false, reason: 'open_year' });
		expect(
			await confirmationsArchive(contextFor(sql, p.member, at('2027-01-12')), 2026, {
				openYearConfirmed: false,
				csvHeader
			})
		).toEqual({ ok: false, reason: 'forbidden' });
		await sql`update club_settings set signatory_name = null`;
		expect(
			await confirmationsArchive(coordinatorOn('2027-01-12'), 2026, { openYearConfirmed: false, csvHeader })
		).toEqual({
			ok: false,
			reason: 'club_incomplete'
		});
	});
});

describe('the year-end e-mail', () => {
	const runner = () =>
		new JobRunner(systemContextFor(sql, at('2027-01-15')))
			.register(confirmationMailJob)
			.register(createMailSendJob(() => ({ smtpUrl: smtp.url, mailFrom: 'Spolu <spolu@example.org>' })));
	const drain = async (r: JobRunner) => {
		while (await r.runOne());
	};
	const confirmationMails = () =>
		sql<{ id: number; to: string; locale: string; subject: string; text: string; files: string[] }[]>`
			select o.id, o.to_address as to, o.locale, o.subject, o.text_body as text,
				array(select a.filename from outbox_attachments a where a.outbox_id = o.id order by a.position) as files
			from outbox o where o.template = 'gift_confirmation_year' order by o.to_address`;

	it('e-mails each donor with an address once, in their language, with the confirmation attached', async () => {
		await sql`update users set locale = 'en' where id = ${p.donor.id}`;
		await gift(10_000, '2026-02-01', { id: p.donor.id });
		await gift(20_000, '2026-03-01', { name: 'Jana Dárcová', email: 'Jana@Example.cz' });
		await gift(30_000, '2026-04-01', { name: 'Jana Dárcová', email: 'jana@example.cz' });
		// no e-mail: her confirmation is in the archive, to post
		await gift(40_000, '2026-05-01', { name: 'Marie bez e-mailu', address: 'Brno' });

		expect(await mailSummary(sql, 2026)).toEqual({ withEmail: 2, emailed: 0, withoutEmail: 1 });
		const started = await startMailRun(coordinatorOn('2027-01-15'), 2026);
		expect(started).toEqual({ ok: true, runId: expect.any(Number), planned: 2 });
		await drain(runner());

		const mails = await confirmationMails();
		expect(mails.map((m) => [m.to, m.locale])).toEqual([
			['darce@test.cz', 'en'],
			['jana@example.cz', 'cs']
		]);
		const [english, czech] = mails;
		expect(czech!.subject).toBe('Potvrzení o daru za rok 2026');
		expect(czech!.text).toContain('potvrzení o daru č. PD-2026-');
		expect(czech!.text).toContain('na celkovou hodnotu 500,00');
		expect(czech!.files).toEqual([expect.stringMatching(/^potvrzeni-o-daru-PD-2026-000\d\.pdf$/)]);
		expect(english!.subject).toBe('Confirmation of your donations in 2026');
		expect(english!.text).toContain('https://spolu.example/profile/gifts');
		expect(english!.files).toEqual([
			expect.stringMatching(/^potvrzeni-o-daru-PD-2026-000\d\.pdf$/),
			expect.stringMatching(/^confirmation-of-donation-PD-2026-000\d\.pdf$/)
		]);

		// delivered over SMTP with the PDF the donor can open
		const toJana = smtp.messages.find((m) => m.to.includes('jana@example.cz'))!;
		const pdf = mimeParts(toJana.raw).find((part) => part.contentType === 'application/pdf')!;
		expect(pdf.filename).toBe(czech!.files[0]);
		const text = await pdfText(new Uint8Array(pdf.content));
		expect(text).toContain('Jana Dárcová');
		expect(text).toContain('Celkem 500,00 Kč');
		const toDonor = smtp.messages.find((m) => m.to.includes('darce@test.cz'))!;
		const pdfs = mimeParts(toDonor.raw).filter((part) => part.contentType === 'application/pdf');
		expect(await pdfText(new Uint8Array(pdfs[1]!.content))).toContain('Confirmation of Receipt of Donation');

		const [run] = await sql<{ planned: number; emailed: number; finished: boolean }[]>`
			select planned, emailed, finished_at is not null as finished from gift_confirmation_runs`;
		expect(run).toEqual({ planned: 2, emailed: 2, finished: true });
		expect(await mailSummary(sql, 2026)).toEqual({ withEmail: 2, emailed: 2, withoutEmail: 1 });

		// a second run sends nothing, even after a change to a donor's gifts
		await gift(1_000, '2026-12-31', { name: 'Jana Dárcová', email: 'jana@example.cz' });
		expect(await startMailRun(coordinatorOn('2027-01-16'), 2026)).toEqual({
			ok: false,
			reason: 'nothing_to_send'
		});
		expect(await sendYearConfirmations(systemContextFor(sql, at('2027-01-16')), 2026, null)).toBe(0);
		expect(await confirmationMails()).toHaveLength(2);

		// a new donor booked late gets theirs on the next run, alone
		await gift(2_000, '2026-12-20', { name: 'Pozdní dárce', email: 'pozdni@example.cz' });
		expect(await startMailRun(coordinatorOn('2027-01-20'), 2026)).toMatchObject({ ok: true, planned: 1 });
		await drain(runner());
		expect((await confirmationMails()).map((m) => m.to)).toEqual([
			'darce@test.cz',
			'jana@example.cz',
			'pozdni@example.cz'
		]);
	});

	it('does not start a second sending of a year while one waits', async () => {
		await gift(10_000, '2026-02-01', { email: 'a@example.cz' });
		expect(await startMailRun(coordinatorOn('2027-01-15'), 2026)).toMatchObject({ ok: true });
		expect(await startMailRun(coordinatorOn('2027-01-15'), 2026)).toEqual({ ok: false, reason: 'running' });
		expect(await sql`select 1 from gift_confirmation_runs`).toHaveLength(1);
	});
});
