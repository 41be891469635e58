import { Zip, ZipPassThrough } from 'fflate';
import { pragueDay } from '$lib/core/prague';
import { audit } from '../../audit';
import type { PersonContext, SystemContext } from '../../core/context';
import type { Queryable } from '../../db/client';
import { enqueueJob } from '../../jobs/queue';
import type { JobDefinition } from '../../jobs/runner';
import { csvAmount, toCsv } from '../../ledger/reports';
import { log } from '../../log';
import { queueMail, type MailAttachment } from '../../mail/outbox';
import { mailLink } from '../../mail/templates';
import { isCoordinator } from '../../needs/access';
import { formatAmount } from './confirmation-pdf';
import {
	clubGaps,
	confirmationClub,
	confirmationFileName,
	donorRowsForYear,
	prepareConfirmations,
	renderConfirmation,
	type ConfirmationClub,
	type DonorRow
} from './confirmations';

/*
 * The year-end run: the coordinator issues every confirmation of a year at once, as one ZIP archive of
 * PDFs for the club's records (and for the donors without an e-mail address, to print and post), and
 * sends each donor with an e-mail address their confirmation, once.
 *
 * A year of a large club (thousands of donors) is never built in memory at once nor inside one long
 * transaction: donors are taken in batches; each batch is numbered in one short transaction, printed,
 * and its PDFs go into the archive as the download is read (the archive is a stream); e-mails are
 * queued by a background job, one short transaction per donor.
 */

/** How many donors are numbered and printed together. */
export const BATCH = 25;

export type YearState = 'ended' | 'current' | 'future';

/** Whether the year of the confirmations is over (Prague calendar). */
export function yearState(year: number, today: string): YearState {
	const thisYear = Number(today.slice(0, 4));
	return year < thisYear ? 'ended' : year === thisYear ? 'current' : 'future';
}

type RunRefusal = 'forbidden' | 'future_year' | 'open_year' | 'club_incomplete' | 'no_donors';

/** A name safe in any archive program: the number and the donor's name without diacritics. */
function archiveName(label: string, name: string): string {
	const slug = name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `${label}${slug ? `-${slug}` : ''}.pdf`;
}

function checkRun(
	ctx: PersonContext,
	club: ConfirmationClub | null,
	year: number,
	today: string,
	openYearConfirmed: boolean
): RunRefusal | null {
	if (!isCoordinator(ctx.actor)) return 'forbidden';
	const state = yearState(year, today);
	if (state === 'future') return 'future_year';
	if (state === 'current' && !openYearConfirmed) return 'open_year';
	if (clubGaps(club).length) return 'club_incomplete';
	return null;
}

export type ArchiveResult =
	| { ok: true; stream: ReadableStream<Uint8Array>; fileName: string; donors: number }
	| { ok: false; reason: RunRefusal };

/**
 * Every confirmation of the year as a ZIP archive, in Czech (the original the tax office reads), with
 * a list of them as CSV. The year must have ended; the current year only when the coordinator
 * confirmed they know the confirmations are not final. Numbers are given as the archive is written.
 */
export async function confirmationsArchive(
	ctx: PersonContext,
	year: number,
	options: { openYearConfirmed: boolean; csvHeader: string[] }
): Promise<ArchiveResult> {
	const today = pragueDay(ctx.now());
	const club = await confirmationClub(ctx.db);
	const refusal = checkRun(ctx, club, year, today, options.openYearConfirmed);
	if (refusal) return { ok: false, reason: refusal };
	// the list of donors is small (a key and a name each); the PDFs are made batch by batch
	const rows = await donorRowsForYear(ctx.db, year, { order: 'name' });
	if (!rows.length) return { ok: false, reason: 'no_donors' };
	await audit(ctx.db, {
		actorId: ctx.actor.id,
		action: 'ledger.confirmations_archived',
		targetType: 'report',
		address: ctx.actor.address,
		details: { year, donors: rows.length, final: yearState(year, today) === 'ended' }
	});

	let zip!: Zip;
	let next = 0;
	let cancelled = false;
	const list: (string | number | null)[][] = [];
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			zip = new Zip((error, chunk, final) => {
				if (cancelled) return;
				if (error) return controller.error(error);
				controller.enqueue(chunk);
				if (final) controller.close();
			});
		},
		// called whenever the reader wants more: one batch at a time, so a slow download holds one batch
		async pull() {
			try {
				if (next >= rows.length) {
					const csv = new TextEncoder().encode(toCsv(options.csvHeader, list));
					addFile(zip, 'soupis.csv', csv, today);
					zip.end();
					return;
				}
				const batch = rows.slice(next, next + BATCH);
				next += BATCH;
				for (const prepared of await prepareConfirmations(ctx.db, year, batch, today)) {
					if (cancelled) return;
					const pdf = await renderConfirmation(club!, year, prepared, 'cs');
					addFile(zip, archiveName(prepared.issued.label, prepared.row.name), pdf, today);
					list.push(listRow(prepared.row, prepared.issued.label, prepared.issued.edition));
				}
			} catch (error) {
				log.error('confirmations archive failed', { year, error: (error as Error).message });
				throw error;
			}
		},
		cancel() {
			cancelled = true;
		}
	});
	return { ok: true, stream, fileName: `potvrzeni-o-daru-${year}.zip`, donors: rows.length };
}

/** PDFs are compressed already: stored as they are, the archive is made at the speed of copying. */
function addFile(zip: Zip, name: string, bytes: Uint8Array, day: string) {
	const file = new ZipPassThrough(name);
	file.mtime = new Date(`${day}T12:00:00Z`);
	zip.add(file);
	file.push(bytes, true);
}

const listRow = (row: DonorRow, label: string, edition: number) => [
	label,
	edition,
	row.name,
	row.registrationNumber,
	row.address,
	row.email,
	row.count,
	csvAmount(row.total),
	row.emailedAt ? pragueDay(row.emailedAt) : null
];

// --- E-mails ---------------------------------------------------------------------------------------

export const MAIL_JOB = 'confirmations.mail_year';

export interface MailSummary {
	/** donors of the year with an e-mail address */
	withEmail: number;
	/** of them, already e-mailed */
	emailed: number;
	/** donors with no e-mail address: their confirmations are in the archive, to post */
	withoutEmail: number;
}

export async function mailSummary(db: Queryable, year: number): Promise<MailSummary> {
	const rows = await donorRowsForYear(db, year);
	const withEmail = rows.filter((r) => r.email);
	return {
		withEmail: withEmail.length,
		emailed: withEmail.filter((r) => r.emailedAt).length,
		withoutEmail: rows.length - withEmail.length
	};
}

export type MailRunResult =
	| { ok: true; runId: number; planned: number }
	| { ok: false; reason: RunRefusal | 'running' | 'nothing_to_send' };

/**
 * Starts sending the year's confirmations by e-mail, to every donor with an address who has not had
 * theirs yet. Only for a year that has ended: a donor gets this e-mail once, so it must carry the final
 * total (a donor can download the current year's confirmation themselves, and the coordinator can
 * print it from the archive). The sending runs as a background job.
 */
export async function startMailRun(ctx: PersonContext, year: number): Promise<MailRunResult> {
	const today = pragueDay(ctx.now());
	const club = await confirmationClub(ctx.db);
	const refusal = checkRun(ctx, club, year, today, false);
	if (refusal) return { ok: false, reason: refusal };
	const summary = await mailSummary(ctx.db, year);
	const planned = summary.withEmail - summary.emailed;
	if (planned === 0) return { ok: false, reason: 'nothing_to_send' };
	return ctx.db.begin(async (tx) => {
		const [run] = await tx<{ id: number }[]>`
			insert into gift_confirmation_runs (year, started_by, planned)
			values (${year}, ${ctx.actor.id}, ${planned}) returning id`;
		// one sending per year at a time: a second click while it runs changes nothing
		const job = await enqueueJob(
			tx,
			MAIL_JOB,
			{ year, runId: run!.id },
			{ key: `year-${year}`, maxAttempts: 5 }
		);
		if (job === null) {
			await tx`delete from gift_confirmation_runs where id = ${run!.id}`;
			return { ok: false, reason: 'running' } as const;
		}
		await audit(tx, {
			actorId: ctx.actor.id,
			action: 'ledger.confirmations_mailed',
			targetType: 'report',
			address: ctx.actor.address,
			details: { year, planned }
		});
		return { ok: true, runId: run!.id, planned } as const;
	});
}

/**
 * The job's work: e-mails each donor of the year who has an address and has not been e-mailed, with
 * their confirmation attached (Czech; with an English translation beside it for a donor who reads
 * English). Once per donor: the row of the confirmation is marked in the same transaction that writes
 * the message, so a rerun after a crash, a second run or two instances never send it twice.
 */
export async function sendYearConfirmations(ctx: SystemContext, year: number, runId: number | null) {
	const { db } = ctx;
	const today = pragueDay(ctx.now());
	const club = await confirmationClub(db);
	if (!club || clubGaps(club).length) throw new Error('the club settings are incomplete for confirmations');
	const rows = (await donorRowsForYear(db, year, { order: 'name' })).filter((r) => r.email && !r.emailedAt);
	let sent = 0;
	for (let start = 0; start < rows.length; start += BATCH) {
		const batch = rows.slice(start, start + BATCH);
		for (const prepared of await prepareConfirmations(db, year, batch, today)) {
			const { row, issued } = prepared;
			const locales: ('cs' | 'en')[] = row.locale === 'en' ? ['cs', 'en'] : ['cs'];
			const attachments: MailAttachment[] = [];
			for (const locale of locales) {
				attachments.push({
					filename: confirmationFileName(issued.label, locale),
					contentType: 'application/pdf',
					content: await renderConfirmation(club, year, prepared, locale)
				});
			}
			const done = await db.begin(async (tx) => {
				const [claimed] = await tx`
					update gift_confirmations set emailed_at = now(), emailed_to = ${row.email},
						emailed_edition = ${issued.edition}, updated_at = now()
					where year = ${year} and donor_key = ${row.key} and emailed_at is null
					returning 1`;
				if (!claimed) return false;
				const outboxId = await queueMail(tx, {
					to: row.email!,
					locale: row.locale,
					template: 'gift_confirmation_year',
					params: {
						year: String(year),
						number: issued.label,
						total: formatAmount(row.total, row.locale),
						club: club.name,
						// a donor with an account finds all their gifts there
						...(row.key.startsWith('u:') ? { url: mailLink(ctx.origin, '/profile/gifts') } : {})
					},
					attachments
				});
				await tx`update gift_confirmations set outbox_id = ${outboxId} where year = ${year} and donor_key = ${row.key}`;
				if (runId !== null) {
					await tx`update gift_confirmation_runs set emailed = emailed + 1 where id = ${runId}`;
				}
				return true;
			});
			if (done) sent += 1;
		}
	}
	if (runId !== null) await db`update gift_confirmation_runs set finished_at = now() where id = ${runId}`;
	log.info('confirmations e-mailed', { year, sent });
	return sent;
}

/** The background job that sends a year's confirmations (started by startMailRun). */
export const confirmationMailJob: JobDefinition = {
	kind: MAIL_JOB,
	// a large year takes a while; a crashed instance's work is taken over after this
	leaseMs: 30 * 60_000,
	async run(job, ctx) {
		const year = Number(job.payload.year);
		if (!Number.isInteger(year)) throw new Error('the job names no year');
		const runId = job.payload.runId === undefined ? null : Number(job.payload.runId);
		await sendYearConfirmations(ctx, year, runId);
	}
};

export interface RunRow {
	id: number;
	startedAt: Date;
	startedBy: string | null;
	finishedAt: Date | null;
	planned: number;
	emailed: number;
}

/** The year's e-mail runs, newest first. */
export async function listRuns(db: Queryable, year: number): Promise<RunRow[]> {
	return db<RunRow[]>`
		select r.id, r.started_at as "startedAt", u.name as "startedBy", r.finished_at as "finishedAt", r.planned, r.emailed
		from gift_confirmation_runs r left join users u on u.id = r.started_by
		where r.year = ${year} order by r.started_at desc, r.id desc limit 20`;
}
