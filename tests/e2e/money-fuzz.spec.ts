import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { apiAs } from '../support/e2e-accounts';

/*
 * Arbitrary records (Unicode, NUL, huge, missing and extra fields) posted to every money form: never a
 * 5xx; and where nothing valid can be written — the money actions of a need that is not decided, an
 * assignment of a payment that does not exist — always a refusal.
 */

const value = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary', maxLength: 50 }),
	fc.constant('\u0000'),
	fc.constant('x'.repeat(5000)),
	fc.constantFrom('100', '-1', '1e9', '0,001', '99999999999', '2026-02-30', 'fund', 'need', 'pledge')
);
const record = (fields: string[]) =>
	fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string()), value, { maxKeys: 8 });

test('money forms answer arbitrary input with a refusal, never a server error', async ({ baseURL }) => {
	test.setTimeout(120_000);
	const coordinator = await apiAs(baseURL!, 'coordinator');
	const anonymous = await apiAs(baseURL!, 'anonymous');
	const worker = await apiAs(baseURL!, 'socialWorker');
	const rejected = (await (await worker.get('/needs')).text())
		.split('<tr')
		.find((row) => row.includes('Nepřijatá'))
		?.match(/\/needs\/([0-9a-f-]{36})/)?.[1];
	await worker.dispose();
	expect(rejected, 'a rejected demo need').toBeTruthy();
	const collection = (await (await anonymous.get('/collections')).text()).match(/\/collections\/(\d+)/)?.[1];
	expect(collection, 'a demo collection').toBeTruthy();

	const coordinatorForms: [string, string[]][] = [
		['/coordinator/money?/allocate', ['needId', 'amount']],
		['/coordinator/money/bank?/assign', ['payment', 'to', 'pledge', 'need_number']],
		[
			'/coordinator/money/gifts',
			['kind', 'amount', 'received_on', 'need', 'description', 'donor_name', 'note']
		],
		['/coordinator/money/reports/confirmation', ['key', 'year']]
	];
	await fc.assert(
		fc.asyncProperty(
			fc
				.constantFrom(...coordinatorForms)
				.chain(([url, fields]) => fc.tuple(fc.constant(url), record(fields))),
			async ([url, form]) => {
				const response = await coordinator.post(url, { form, maxRedirects: 0 });
				expect(response.status(), `${url} ${JSON.stringify(form)}`).toBeLessThan(500);
			}
		),
		{ numRuns: 60 }
	);

	await fc.assert(
		fc.asyncProperty(
			fc.constantFrom('allocate', 'cancel', 'close', 'payout'),
			record(['amount', 'reason', 'note', 'recipient', 'supplier', 'paid_on']),
			async (action, form) => {
				const response = await coordinator.post(`/needs/${rejected}?/${action}`, { form, maxRedirects: 0 });
				expect(response.status(), `${action} ${JSON.stringify(form)}`).toBeLessThan(500);
				expect(response.status(), `${action} ${JSON.stringify(form)}`).toBeGreaterThanOrEqual(400);
			}
		),
		{ numRuns: 40 }
	);

	// the public forms: a record that happens to be a valid pledge is accepted (303), anything else refused
	await fc.assert(
		fc.asyncProperty(
			fc.constantFrom('/give?/bank', `/collections/${collection}?/bank`),
			record(['amount', 'name', 'email', 'address']),
			async (url, form) => {
				const response = await anonymous.post(url, { form, maxRedirects: 0 });
				expect(response.status(), `${url} ${JSON.stringify(form)}`).toBeLessThan(500);
			}
		),
		{ numRuns: 25 }
	);
	await coordinator.dispose();
	await anonymous.dispose();
});
