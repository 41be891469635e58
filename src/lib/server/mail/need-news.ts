import type { Queryable } from '../db/client';
import { enqueueJob } from '../jobs/queue';
import type { JobDefinition } from '../jobs/runner';
import { collectionForms } from '../ledger/funding';
import { readableAudiences } from '../stories/public';
import type { HelpForm } from '../voting/decision';
import { queueMail } from './outbox';
import { mailLink, type Locale } from './templates';

/*
 * Thanks that come back: a donor who asked for it ("Pošlete mi zprávu, až pomoc dorazí a až bude
 * příběh", pledges.news / card_checkouts.news) hears when the help they gave to was delivered and when
 * its story was published. Once per need, event and address (need_news_mails), in the donor's
 * language, and never more than the public may know: the need's number, a public collection's title,
 * a link. A story is linked only when its consent lets this donor read it (readableAudiences): a story
 * for donors only reaches a donor who has an account to sign in with; anyone else is told it exists.
 */

export type NewsEvent = 'delivered' | 'story';

interface NewsRecipient {
	email: string;
	locale: Locale;
	/** the donor has an active account, and so may read a story for donors once signed in */
	signedIn: boolean;
}

/** The donors of a need who asked for news, one per address, with their language. */
async function newsRecipients(db: Queryable, needId: string): Promise<NewsRecipient[]> {
	const rows = await db<
		{ email: string; userLocale: Locale | null; giftLocale: Locale | null; signedIn: boolean }[]
	>`
		select coalesce(d.donor_email, case when u.status = 'active' then u.email end) as email,
			case when u.status = 'active' then u.locale end as "userLocale",
			coalesce(p.locale, c.locale) as "giftLocale",
			coalesce(u.status = 'active' and exists (select 1 from user_roles r where r.user_id = u.id), false)
				as "signedIn"
		from donations d
		left join pledges p on p.id = d.pledge_id
		left join card_checkouts c on c.id = d.card_checkout_id
		left join users u on u.id = d.donor_id
		-- money that reached the need and was not taken back; the wish was given with the gift
		where d.need_id = ${needId} and d.to_need > 0 and d.refunded < d.amount
			and (p.news or c.news)
		order by d.received_on, d.created_at`;
	const byAddress = new Map<string, NewsRecipient>();
	for (const r of rows) {
		if (!r.email) continue;
		const key = r.email.toLowerCase();
		const known = byAddress.get(key);
		// the newest gift's language wins; an account anywhere lets them read a story for donors
		byAddress.set(key, {
			email: r.email,
			locale: r.userLocale ?? r.giftLocale ?? known?.locale ?? 'cs',
			signedIn: (known?.signedIn ?? false) || r.signedIn
		});
	}
	return [...byAddress.values()];
}

interface NeedFacts {
	number: number;
	/** a public collection's title is public; any other need is named by its number only */
	publicTitle: string | null;
	collection: boolean;
}

async function needFacts(db: Queryable, needId: string): Promise<NeedFacts | null> {
	const [row] = await db<{ number: number; title: string; form: HelpForm | null }[]>`
		select n.number, n.title, d.form from needs n left join need_decisions d on d.need_id = n.id
		where n.id = ${needId}`;
	if (!row) return null;
	const collection = row.form !== null && collectionForms.has(row.form);
	return { number: row.number, publicTitle: collection ? row.title : null, collection };
}

/**
 * The need's published story as the public or a signed-in donor may read it at `now`, if any (the
 * clock's time, not the transaction's: a story published in this transaction is public from a moment
 * after the transaction began).
 */
async function publicStory(db: Queryable, needId: string, now: Date) {
	const [row] = await db<{ number: number; audience: 'public' | 'donors' | 'none' }[]>`
		select s.number, c.audience from stories s join need_consents c on c.need_id = s.need_id
		where s.need_id = ${needId} and s.status = 'published' and s.publish_at <= ${now}
			and c.withdrawn_at is null and c.audience <> 'none'`;
	return row ?? null;
}

/**
 * Writes the news of `event` to every donor of the need who asked for it and has not had it yet.
 * Call it in the transaction of the change (the delivery, the publication), or from the job of a
 * story published for later. Returns how many e-mails were queued.
 */
export async function mailNeedNews(
	db: Queryable,
	origin: string,
	needId: string,
	event: NewsEvent,
	now = new Date()
): Promise<number> {
	const need = await needFacts(db, needId);
	if (!need) return 0;
	const story = event === 'story' ? await publicStory(db, needId, now) : null;
	// not public (yet, or any more): the job of a later publication, or the next publication, sends it
	if (event === 'story' && !story) return 0;
	let queued = 0;
	for (const to of await newsRecipients(db, needId)) {
		const recipient = to.email.toLowerCase();
		const [sent] = await db`
			select 1 from need_news_mails where need_id = ${needId} and event = ${event} and recipient = ${recipient}`;
		if (sent) continue;
		const params: Record<string, string> = { event, needNumber: String(need.number) };
		if (need.publicTitle) params.needTitle = need.publicTitle;
		const readable =
			story !== null &&
			(readableAudiences(to.signedIn ? 'donors' : 'public') as string[]).includes(story.audience);
		const [linkKind, path] =
			story && readable
				? [story.audience === 'public' ? 'story' : 'story_signin', `/stories/${story.number}`]
				: need.collection
					? ['collection', `/collections/${need.number}`]
					: ['impact', '/impact'];
		params.linkKind = linkKind;
		params.url = mailLink(origin, path);
		// a story this donor may not read is only mentioned: neither its address nor its words
		if (story && !readable) params.storyHidden = 'yes';
		const outboxId = await queueMail(db, { to: to.email, locale: to.locale, template: 'need_news', params });
		await db`
			insert into need_news_mails (need_id, event, recipient, outbox_id)
			values (${needId}, ${event}, ${recipient}, ${outboxId})`;
		queued++;
	}
	return queued;
}

export const STORY_NEWS_JOB = 'mail.story_news';

/**
 * After the coordinator published a story: the donors hear at once, or — for a story published from a
 * later moment — when that moment comes (a job then; if the story was taken down meanwhile, it sends
 * nothing). Call it in the publication's transaction.
 */
export async function storyPublishedNews(
	db: Queryable,
	origin: string,
	needId: string,
	publishAt: Date,
	now = new Date()
): Promise<void> {
	if (publishAt <= now) {
		await mailNeedNews(db, origin, needId, 'story', now);
		return;
	}
	// keyed by the moment too: publishing again for another moment schedules its own run
	await enqueueJob(
		db,
		STORY_NEWS_JOB,
		{ needId },
		{ key: `${needId}-${publishAt.getTime()}`, runAt: publishAt }
	);
}

/** The job of a story published for later: the news once the story is public. */
export const storyNewsJob: JobDefinition = {
	kind: STORY_NEWS_JOB,
	async run(job, ctx) {
		const needId = String(job.payload.needId ?? '');
		if (!/^[0-9a-f-]{36}$/.test(needId)) throw new Error('the job names no need');
		await ctx.db.begin(async (tx) => {
			// the same lock as the publication and the delivery take: no address is written to twice
			await tx`select id from needs where id = ${needId} for update`;
			await mailNeedNews(tx, ctx.origin, needId, 'story');
		});
	}
};
