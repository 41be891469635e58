import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { apiAs, personas, type Persona } from '../support/e2e-accounts';

/**
 * The access matrix: every route so far, for every persona, as a page, as `__data.json` (what client
 * navigation loads) and as direct action posts, with the outcome each must get. Later parts add their
 * routes here. Action posts carry an empty form: a persona who may act gets past the guard to the
 * form check (400); one who may not is stopped before it.
 */

type Who = Persona | 'anonymous';
const everyone: Who[] = ['anonymous', ...(Object.keys(personas) as Persona[])];

/** Who may use a route. */
type Access = 'public' | 'signed-out' | 'signed-in' | 'coordinator';

interface Route {
	path: string;
	access: Access;
	/** named actions (`?/name`), or 'default' */
	actions?: string[];
	/** plain endpoints and pages without a load of their own have no __data.json worth checking */
	data?: boolean;
	/** for routes whose rule is none of the above */
	expect?: (who: Who, via: 'page' | 'data' | 'action') => Outcome;
	/** per action, where actions of one route differ */
	actionExpect?: Record<string, (who: Who) => Outcome>;
	/**
	 * per action, a valid form: then what stops a persona is the object-level rule (whose need, which
	 * state), not the form check. Resources are chosen so that no allowed action changes anything.
	 */
	forms?: Record<string, Record<string, string>>;
}

const socialWorkers: Who[] = ['socialWorker', 'otherSocialWorker'];
const NO_ID = '00000000-0000-4000-8000-000000000000';
/** Their own gifts and confirmations: donors and members (the coordinator is a member too). */
const giversOnly = (who: Who, via: 'page' | 'data' | 'action'): Outcome => {
	if (who === 'anonymous') return via === 'action' ? 'unauthorized' : 'to-login';
	if (socialWorkers.includes(who)) return 'forbidden';
	return via === 'action' ? 'invalid' : 'ok';
};
/** Club votes: members (the coordinator is one too in the demo). */
const memberOnly = (who: Who, via: 'page' | 'data' | 'action'): Outcome => {
	if (who === 'anonymous') return via === 'action' ? 'unauthorized' : 'to-login';
	if (who !== 'member' && who !== 'coordinator') return 'forbidden';
	return via === 'action' ? 'invalid' : 'ok';
};
/** Pages for social workers only (their organisation's needs). */
const socialWorkerOnly = (who: Who, via: 'page' | 'data' | 'action'): Outcome => {
	if (who === 'anonymous') return via === 'action' ? 'unauthorized' : 'to-login';
	if (!socialWorkers.includes(who)) return 'forbidden';
	return via === 'action' ? 'invalid' : 'ok';
};
/**
 * A need of the social worker's organisation (Intervenční centrum Praha). Members, the other
 * organisation and anyone without a need role learn nothing: 404, or 403 before any lookup.
 */
const needOf =
	(seenBy: Who[]) =>
	(who: Who, via: 'page' | 'data' | 'action'): Outcome => {
		if (who === 'anonymous') return via === 'action' ? 'unauthorized' : 'to-login';
		if (who === 'donor') return 'forbidden';
		return seenBy.includes(who) ? 'ok' : 'not-found';
	};
/** On a rejected need every transition is refused: by state (409) for those who may act, by role (403) for the others. */
const onRejectedNeed = (actsAs: 'organisation' | 'coordinator') => (who: Who) => {
	const outcome = needOf(['socialWorker', 'coordinator'])(who, 'action');
	if (outcome !== 'ok') return outcome;
	return (who === 'socialWorker') === (actsAs === 'organisation') ? 'conflict' : 'forbidden';
};
/** A step only the need's contact person takes: those who see the need are refused by role (403). */
const contactPersonStep = (who: Who) => {
	const outcome = needOf(['socialWorker', 'coordinator'])(who, 'action');
	return outcome === 'ok' ? 'forbidden' : outcome;
};
/** Both the organisation and the coordinator may act in principle; the need's state refuses them (409). */
const refusedByState = (who: Who) => {
	const outcome = needOf(['socialWorker', 'coordinator'])(who, 'action');
	return outcome === 'ok' ? 'conflict' : outcome;
};
const validNeedForm = {
	category: 'other',
	title: 'Zkouška přístupu',
	region: 'CZ010',
	adults: '1',
	urgency: 'normal'
};

/** The second-factor page: only for sessions whose second factor is pending (none in this matrix). */
const twoFactorPage = (who: Who): Outcome => (who === 'anonymous' ? 'to-login' : 'to-home');
/** Enrolment: a pending session, or a signed-in person turning 2FA on from the profile. */
const twoFactorSetup = (who: Who, via: 'page' | 'data' | 'action'): Outcome =>
	who === 'anonymous' ? 'to-login' : via === 'action' ? 'invalid' : 'ok';

const routes: Route[] = [
	{ path: '/', access: 'public' },
	{ path: '/how-it-works', access: 'public', data: false },
	{ path: '/privacy', access: 'public', data: false },
	{ path: '/login', access: 'signed-out', actions: ['default'] },
	{ path: '/signup', access: 'signed-out', actions: ['default'] },
	{ path: '/reset-password', access: 'signed-out', actions: ['default'] },
	{
		path: '/profile',
		access: 'signed-in',
		actions: ['name', 'language', 'password', 'disableTwoFactor', 'recoveryCodes']
	},
	{ path: '/start', access: 'signed-in' },
	{ path: '/2fa', access: 'signed-in', actions: ['default'], expect: twoFactorPage },
	{ path: '/2fa/setup', access: 'signed-in', actions: ['default'], expect: twoFactorSetup },
	{ path: '/coordinator/outbox', access: 'coordinator' },
	{ path: '/coordinator/people', access: 'coordinator', actions: ['invite', 'approve', 'reject'] },
	// The coordinator's own record: every change to oneself there is refused (409), so the matrix
	// changes nothing.
	{
		path: '/coordinator/people/:self',
		access: 'coordinator',
		actions: ['roles', 'deactivate', 'reactivate'],
		expect: (who, via) => (via === 'action' && who === 'coordinator' ? 'conflict' : coordinatorOnly(who, via))
	},
	{ path: '/coordinator/organisations', access: 'coordinator', actions: ['create', 'approve'] },
	{
		path: '/coordinator/organisations/:organisation',
		access: 'coordinator',
		actions: ['save', 'help'],
		// an empty help form is a valid answer: the organisation is not listed
		actionExpect: { help: (who) => (who === 'coordinator' ? 'ok' : coordinatorOnly(who, 'action')) }
	},
	{ path: '/coordinator/audit', access: 'coordinator' },
	{ path: '/coordinator/audit/audit.csv', access: 'coordinator', data: false },
	{ path: '/coordinator/needs', access: 'coordinator' },
	{ path: '/coordinator/settings', access: 'coordinator', actions: ['default'] },
	{ path: '/votes', access: 'signed-in', expect: memberOnly },
	// the demo's open poll; members and the coordinator are its electorate. Empty forms change nothing:
	// a vote or recusal without its fields is 400, early closing while members have not voted is 409.
	{
		path: '/votes/:openPoll',
		access: 'signed-in',
		expect: memberOnly,
		actions: ['vote', 'recuse', 'close', 'extend', 'pollMessage'],
		actionExpect: {
			close: (who) => {
				const outcome = memberOnly(who, 'action');
				if (outcome !== 'invalid') return outcome;
				return who === 'coordinator' ? 'conflict' : 'forbidden';
			}
		}
	},
	{ path: '/needs', access: 'signed-in', expect: socialWorkerOnly },
	{ path: '/needs/new', access: 'signed-in', actions: ['save'], expect: socialWorkerOnly },
	// a draft is its organisation's alone, the coordinator included
	{ path: '/needs/:draftNeed', access: 'signed-in', expect: needOf(['socialWorker']) },
	{
		path: '/needs/:rejectedNeed',
		access: 'signed-in',
		expect: needOf(['socialWorker', 'coordinator']),
		actions: [
			'submit',
			'withdraw',
			'review',
			'ask',
			'ready',
			'reject',
			'duplicate',
			'message',
			'remove',
			'allocate',
			'cancel',
			'close',
			'payout',
			'protect',
			'reveal',
			'contact',
			'arrange',
			'bought',
			'delivered',
			'confirm',
			'story',
			'submitStory',
			'consent',
			'withdrawConsent',
			'publish',
			'unpublish'
		],
		forms: {
			allocate: { amount: '100' },
			protect: { name: 'Zkouška', phone: '+420 777 000 000', delivery_way: 'office', address: '' },
			contact: { member: '00000000-0000-4000-8000-000000000000' },
			arrange: { plan: 'Obchod doveze postel do kanceláře.' },
			delivered: { delivered_on: '2026-01-05', note: '' },
			confirm: { thanks: 'Děkujeme.', change: '' },
			story: { title: 'Zkouška', body: 'Zkušební příběh.', category: 'other', region: 'CZ010' },
			consent: { given_on: '2026-01-05', audience: 'public' },
			cancel: { reason: 'Pomoc už není potřeba.' },
			close: { note: '' },
			payout: { recipient: 'supplier', supplier: 'Obchod', amount: '100', paid_on: '2026-01-05', note: '' },
			ask: { question: 'Je kauce vratná?' },
			reject: { reason: 'Mimo zaměření klubu.' },
			duplicate: { original: '1' },
			message: { body: 'Dobrý den, posíláme doplnění.' },
			remove: { attachment: '00000000-0000-4000-8000-000000000000' }
		},
		actionExpect: {
			submit: onRejectedNeed('organisation'),
			withdraw: onRejectedNeed('organisation'),
			review: onRejectedNeed('coordinator'),
			ask: onRejectedNeed('coordinator'),
			ready: onRejectedNeed('coordinator'),
			reject: onRejectedNeed('coordinator'),
			duplicate: onRejectedNeed('coordinator'),
			// the thread is closed once a need is decided, for both sides
			message: (who) => (who === 'coordinator' ? 'conflict' : onRejectedNeed('organisation')(who)),
			remove: onRejectedNeed('organisation'),
			// money moves only on a decided need: the coordinator is refused by state
			allocate: onRejectedNeed('coordinator'),
			cancel: onRejectedNeed('coordinator'),
			close: onRejectedNeed('coordinator'),
			payout: onRejectedNeed('coordinator'),
			// protected data: entered by the organisation after approval only, read by nobody on a rejected need
			protect: onRejectedNeed('organisation'),
			reveal: (who) => {
				const outcome = needOf(['socialWorker', 'coordinator'])(who, 'action');
				return outcome === 'ok' ? 'not-found' : outcome;
			},
			contact: onRejectedNeed('coordinator'),
			// the contact person's steps: nobody here is the contact person of a rejected need
			arrange: contactPersonStep,
			bought: contactPersonStep,
			delivered: contactPersonStep,
			confirm: onRejectedNeed('organisation'),
			// a rejected need has no delivery and no story: refused by state for both sides
			story: refusedByState,
			submitStory: refusedByState,
			consent: onRejectedNeed('organisation'),
			withdrawConsent: refusedByState,
			publish: refusedByState,
			unpublish: refusedByState
		}
	},
	{
		path: '/needs/:rejectedNeed/delivery-proof',
		access: 'signed-in',
		data: false,
		expect: (who) => (who === 'anonymous' ? 'to-login' : who === 'donor' ? 'forbidden' : 'not-found')
	},
	// no such payout on the need: nobody learns anything
	{
		path: `/needs/:rejectedNeed/payouts/${NO_ID}/receipt`,
		access: 'signed-in',
		data: false,
		expect: (who) => (who === 'anonymous' ? 'to-login' : who === 'donor' ? 'forbidden' : 'not-found')
	},
	{ path: '/fund', access: 'signed-in', expect: memberOnly },
	{ path: '/dues', access: 'signed-in', actions: ['bank', 'card', 'cancel'], expect: memberOnly },
	{ path: '/profile/gifts', access: 'signed-in', expect: giversOnly },
	{
		path: '/profile/gifts/confirmation',
		access: 'signed-in',
		data: false,
		actions: ['default'],
		// a POST-only download: without a year the person is sent back to their gifts with a message
		expect: (who, via) => (via === 'page' ? 'not-allowed' : giversOnly(who, via)),
		actionExpect: {
			default: (who) => (giversOnly(who, 'action') === 'invalid' ? 'back' : giversOnly(who, 'action'))
		}
	},
	{ path: '/collections', access: 'public' },
	{ path: '/collections/:collection', access: 'public', actions: ['bank', 'card'] },
	{ path: '/stories', access: 'public' },
	{ path: '/stories/:story', access: 'public' },
	// the demo's published story has a photo; an unpublished one's is a 404 (public-site.spec.ts)
	{ path: '/stories/:story/photo', access: 'public', data: false },
	{ path: '/stories/999999', access: 'public', expect: () => 'not-found' },
	{ path: '/stories/feed.xml', access: 'public', data: false },
	{ path: '/sitemap.xml', access: 'public', data: false },
	{ path: '/robots.txt', access: 'public', data: false },
	{ path: '/impact', access: 'public' },
	{ path: '/transparency', access: 'public' },
	{ path: '/transparency/years.csv', access: 'public', data: false },
	{ path: '/impact/figures.csv', access: 'public', data: false },
	{ path: '/help', access: 'public', data: false },
	{ path: '/coordinator/stories', access: 'coordinator' },
	{ path: '/collections/999999', access: 'public', expect: () => 'not-found' },
	{ path: '/give', access: 'public', actions: ['bank', 'card'] },
	{ path: '/give/card/thanks', access: 'public', data: false },
	{ path: '/give/card/cancelled', access: 'public', data: false },
	{ path: `/give/pledge/${NO_ID}`, access: 'public', expect: () => 'not-found' },
	{ path: `/give/pledge/${NO_ID}/qr.svg`, access: 'public', data: false, expect: () => 'not-found' },
	{ path: '/coordinator/money', access: 'coordinator', actions: ['allocate'] },
	{
		path: '/coordinator/money/bank',
		access: 'coordinator',
		actions: ['import', 'assign', 'addAccount', 'removeAccount', 'returnPayment'],
		// removing an account that is none of the added ones is refused by state
		actionExpect: {
			removeAccount: (who) => (who === 'coordinator' ? 'conflict' : coordinatorOnly(who, 'action'))
		}
	},
	{
		path: '/coordinator/money/bank/fio',
		access: 'coordinator',
		actions: ['save', 'remove', 'sync'],
		// the demo stores no Fio token: nothing to remove or download with
		actionExpect: {
			remove: (who) => (who === 'coordinator' ? 'conflict' : coordinatorOnly(who, 'action')),
			sync: (who) => (who === 'coordinator' ? 'conflict' : coordinatorOnly(who, 'action'))
		}
	},
	{ path: '/coordinator/money/reports/confirmations', access: 'coordinator', actions: ['mail'] },
	{
		path: '/coordinator/money/reports/confirmations/archive',
		access: 'coordinator',
		data: false,
		actions: ['default'],
		// without a year the coordinator is sent back to the confirmations page with a message
		actionExpect: { default: (who) => (who === 'coordinator' ? 'back' : coordinatorOnly(who, 'action')) },
		expect: (who, via) => (via === 'page' ? 'not-allowed' : coordinatorOnly(who, via))
	},
	{
		path: `/coordinator/money/reports/donors/${NO_ID}`,
		access: 'coordinator',
		actions: ['save', 'reset'],
		// no donation has this id: the coordinator learns it does not exist, the others are stopped first
		expect: (who, via) => (who === 'coordinator' ? 'not-found' : coordinatorOnly(who, via))
	},
	{ path: '/coordinator/money/gifts', access: 'coordinator', actions: ['default'] },
	{ path: '/coordinator/money/reports', access: 'coordinator' },
	{ path: '/coordinator/money/reports/needs.csv', access: 'coordinator', data: false },
	{ path: '/coordinator/money/reports/channels.csv', access: 'coordinator', data: false },
	{
		path: '/coordinator/money/reports/ledger.csv?from=2026-01-01&to=2026-12-31',
		access: 'coordinator',
		data: false
	},
	{
		path: '/coordinator/money/reports/confirmation',
		access: 'coordinator',
		data: false,
		actions: ['default'],
		// without a donor and a year the coordinator is sent back to the reports page with a message
		actionExpect: { default: (who) => (who === 'coordinator' ? 'back' : coordinatorOnly(who, 'action')) },
		expect: (who, via) => (via === 'page' ? 'not-allowed' : coordinatorOnly(who, via))
	},
	{
		path: '/needs/:rejectedNeed/edit',
		access: 'signed-in',
		actions: ['save'],
		forms: { save: validNeedForm },
		// only its organisation's social workers edit a need, and not once it is decided
		expect: (who, via) => {
			if (who === 'anonymous') return via === 'action' ? 'unauthorized' : 'to-login';
			if (!socialWorkers.includes(who)) return 'forbidden';
			return who === 'socialWorker' ? 'conflict' : 'not-found';
		}
	},
	{ path: '/request-access', access: 'signed-out', actions: ['default'] },
	{
		path: `/invitation/${'a'.repeat(32)}`,
		access: 'public',
		actions: ['create', 'accept'],
		// An unknown link is unknown to everyone; making an account from a link is for the signed-out,
		// accepting it into an existing account for the signed-in.
		expect: (who, via) => {
			if (via !== 'action') return 'not-found';
			return who === 'anonymous' ? 'not-found' : 'forbidden';
		},
		actionExpect: { accept: (who) => (who === 'anonymous' ? 'unauthorized' : 'not-found') }
	}
];

/** Ids of demo records, read from the coordinator's pages before the matrix runs. */
const ids: Record<string, string> = {};

type Outcome =
	| 'ok'
	| 'invalid'
	| 'conflict'
	| 'not-found'
	| 'to-login'
	| 'to-home'
	| 'unauthorized'
	| 'forbidden'
	// a download form answers a mistake by sending the person back to its page with the message
	| 'back'
	| 'not-allowed';

function coordinatorOnly(who: Who, via: 'page' | 'data' | 'action'): Outcome {
	if (who === 'anonymous') return via === 'action' ? 'unauthorized' : 'to-login';
	if (who !== 'coordinator') return 'forbidden';
	return via === 'action' ? 'invalid' : 'ok';
}

function expected(route: Route, who: Who, via: 'page' | 'data' | 'action'): Outcome {
	if (route.expect) return route.expect(who, via);
	const signedIn = who !== 'anonymous';
	switch (route.access) {
		case 'public':
			return via === 'action' ? 'invalid' : 'ok';
		case 'signed-out':
			if (signedIn) return 'to-home';
			return via === 'action' ? 'invalid' : 'ok';
		case 'signed-in':
			if (!signedIn) return via === 'action' ? 'unauthorized' : 'to-login';
			return via === 'action' ? 'invalid' : 'ok';
		case 'coordinator':
			if (!signedIn) return via === 'action' ? 'unauthorized' : 'to-login';
			if (who !== 'coordinator') return 'forbidden';
			return via === 'action' ? 'invalid' : 'ok';
	}
}

function outcomeOfStatus(response: APIResponse): Outcome | `status ${number}` {
	const status = response.status();
	const location = response.headers()['location'] ?? '';
	if (status === 303 || status === 302 || status === 307) {
		if (location.startsWith('/login')) return 'to-login';
		if (location === '/' || location === '/start') return 'to-home';
		return 'back';
	}
	if (status === 200) return 'ok';
	if (status === 405) return 'not-allowed';
	if (status === 400) return 'invalid';
	if (status === 401) return 'unauthorized';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'not-found';
	if (status === 409) return 'conflict';
	return `status ${status}`;
}

async function outcomeOfData(response: APIResponse): Promise<Outcome | string> {
	if (response.status() !== 200) return `status ${response.status()}`;
	const body = (await response.json()) as {
		type: string;
		location?: string;
		nodes?: ({ type: string; status?: number } | null)[];
	};
	if (body.type === 'redirect') {
		if (body.location?.startsWith('/login')) return 'to-login';
		if (body.location === '/' || body.location === '/start') return 'to-home';
		return `redirect ${body.location}`;
	}
	const error = body.nodes?.find((n) => n?.type === 'error');
	if (error) {
		const byStatus: Record<number, Outcome> = {
			401: 'unauthorized',
			403: 'forbidden',
			404: 'not-found',
			409: 'conflict'
		};
		return byStatus[error.status ?? 0] ?? `error ${error.status}`;
	}
	return 'ok';
}

const contexts = new Map<Who, APIRequestContext>();
test.beforeAll(async ({ baseURL }) => {
	for (const who of everyone) contexts.set(who, await apiAs(baseURL!, who));
	const coordinator = contexts.get('coordinator')!;
	const people = await (await coordinator.get('/coordinator/people')).text();
	const own = people
		.split('<tr')
		.find((row) => row.includes(personas.coordinator.email))
		?.match(/\/coordinator\/people\/([0-9a-f-]{36})/)?.[1];
	// one not listed on /help, so that an empty help form changes nothing
	const organisation = (await (await coordinator.get('/coordinator/organisations')).text())
		.split('<tr')
		.find((row) => row.includes('OSPOD Brno-střed'))
		?.match(/\/coordinator\/organisations\/([0-9a-f-]{36})/)?.[1];
	const needs = (await (await contexts.get('socialWorker')!.get('/needs')).text()).split('<tr');
	const needIn = (state: string) =>
		needs.find((row) => row.includes(state))?.match(/\/needs\/([0-9a-f-]{36})/)?.[1];
	ids.draftNeed = needIn('Rozpracovaná')!;
	const votes = (await (await contexts.get('member')!.get('/votes')).text()).split('<li');
	ids.openPoll = votes.find((row) => row.includes('Cestovné'))?.match(/\/votes\/([0-9a-f-]{36})/)?.[1] ?? '';
	expect(ids.openPoll, 'the open demo poll').toBeTruthy();
	ids.rejectedNeed = needIn('Nepřijatá')!;
	ids.collection =
		(await (await contexts.get('anonymous')!.get('/collections')).text()).match(
			/\/collections\/(\d+)/
		)?.[1] ?? '';
	expect(ids.collection, 'a public collection of the demo').toBeTruthy();
	ids.story =
		(await (await contexts.get('anonymous')!.get('/stories')).text()).match(/\/stories\/(\d+)/)?.[1] ?? '';
	expect(ids.story, 'a published story of the demo').toBeTruthy();
	expect(ids.draftNeed, 'a draft need of the social worker').toBeTruthy();
	expect(ids.rejectedNeed, 'a rejected need of the social worker').toBeTruthy();
	expect(own, 'the coordinator in the people list').toBeTruthy();
	expect(organisation, 'an organisation in the list').toBeTruthy();
	ids.self = own!;
	ids.organisation = organisation!;
});
test.afterAll(async () => {
	for (const c of contexts.values()) await c.dispose();
});

for (const route of routes) {
	test(`access to ${route.path}`, async () => {
		const seen: Record<string, string> = {};
		const want: Record<string, string> = {};
		const path = route.path.replace(/:(\w+)/g, (_, name: string) => ids[name]!);
		for (const who of everyone) {
			const api = contexts.get(who)!;
			const page = await api.get(path, { maxRedirects: 0 });
			seen[`${who} page`] = outcomeOfStatus(page);
			want[`${who} page`] = expected(route, who, 'page');
			if (route.data !== false) {
				const dataPath = `${path === '/' ? '' : path}/__data.json`;
				seen[`${who} data`] = await outcomeOfData(await api.get(dataPath, { maxRedirects: 0 }));
				want[`${who} data`] = expected(route, who, 'data');
			}
			for (const action of route.actions ?? []) {
				const url = action === 'default' ? path : `${path}?/${action}`;
				const response = await api.post(url, { form: route.forms?.[action] ?? {}, maxRedirects: 0 });
				seen[`${who} ${action}`] = outcomeOfStatus(response);
				want[`${who} ${action}`] = route.actionExpect?.[action]?.(who) ?? expected(route, who, 'action');
			}
		}
		expect(seen).toEqual(want);
	});
}
