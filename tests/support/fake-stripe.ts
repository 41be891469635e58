import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A fake of the few Stripe API endpoints Spolu calls, on 127.0.0.1, for the real `stripe` SDK
 * (`new Stripe(key, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 })`).
 * Objects follow the shapes of the SDK's current API version (invoice → subscription through
 * `parent.subscription_details`, billing periods on subscription items). What happens on Stripe's
 * side (the customer pays, a renewal fails, a refund) is driven from the test through the control
 * methods, which return the events Stripe would send; `deliver` posts them signed like Stripe.
 */

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export interface RecordedRequest {
	method: string;
	path: string;
	query: FormObject;
	body: FormObject;
	idempotencyKey: string | null;
}

export type Metadata = Record<string, string>;

export interface StripeSessionShape {
	id: string;
	object: 'checkout.session';
	url: string | null;
	status: 'open' | 'complete' | 'expired';
	payment_status: 'paid' | 'unpaid' | 'no_payment_required';
	mode: 'payment' | 'subscription';
	amount_total: number;
	amount_subtotal: number;
	currency: string;
	expires_at: number;
	metadata: Metadata;
	client_reference_id: string | null;
	customer_email: string | null;
	customer: string | null;
	customer_details: { email: string | null; name: string | null; address: Stripe.Address | null } | null;
	payment_intent: string | null;
	subscription: string | null;
	invoice: string | null;
	locale: string | null;
	submit_type: string | null;
	created: number;
	livemode: false;
	success_url: string;
	cancel_url: string | null;
	ui_mode: 'hosted';
	payment_method_types: string[];
}

export interface FakeStripeOptions {
	port?: number;
	/** where the /pay page delivers the events of a payment */
	webhookUrl?: string;
	webhookSecret?: string;
}

export interface Delivery {
	event: Stripe.Event;
	url: string;
	status: number;
	body: string;
}

export interface FakeStripe {
	url: string;
	port: number;
	requests: RecordedRequest[];
	/** webhook deliveries made by the /pay page (not by `deliver` calls from tests) */
	deliveries: Delivery[];
	close(): Promise<void>;
	session(id: string): StripeSessionShape | undefined;
	/** every session created, oldest first */
	sessions(): StripeSessionShape[];
	/** the stored object (payment intent, charge, subscription, invoice, customer, refund, dispute) */
	object(id: string): Record<string, unknown> | undefined;
	pay(sessionId: string, options?: PayOptions): Stripe.Event[];
	asyncSucceeded(sessionId: string): Stripe.Event;
	asyncFailed(sessionId: string): Stripe.Event;
	expire(sessionId: string): Stripe.Event;
	refund(paymentIntentOrCharge: string, amount?: number): Stripe.Event;
	dispute(paymentIntentOrCharge: string, options?: DisputeOptions): Stripe.Event;
	/** the bank decided: charge.dispute.closed with the dispute's final status */
	closeDispute(disputeId: string, status: 'won' | 'lost' | 'warning_closed'): Stripe.Event;
	renew(subscriptionId: string): Stripe.Event[];
	failRenewal(subscriptionId: string): Stripe.Event[];
	/** Stripe retries the open invoice of a past-due subscription, and it fails again (same invoice) */
	retryFailed(subscriptionId: string): Stripe.Event;
	cancelNow(subscriptionId: string): Stripe.Event;
	deliver(
		event: Stripe.Event,
		url: string,
		secret: string,
		options?: { timestamp?: number; tamper?: boolean }
	): Promise<{ status: number; body: string }>;
}

export interface PayOptions {
	/** a bank debit: the session completes unpaid and settles later (payment mode only) */
	async?: boolean;
	name?: string;
	email?: string;
	/** the billing address, as Checkout reports it when it collected one */
	address?: Partial<Stripe.Address>;
}

export interface DisputeOptions {
	/** the disputed amount; the charge's by default */
	amount?: number;
	/** Stripe's dispute fee withdrawn with the amount (haléře, in the balance's currency CZK); none by default */
	fee?: number;
	/** whether winning gives the fee back (it depends on the card network) */
	feeReturnedIfWon?: boolean;
	/** an inquiry (warning_needs_response): nothing is withdrawn until it becomes a chargeback */
	inquiry?: boolean;
}

type StripeObject = Record<string, unknown> & { id: string; object: string };

interface LineItem {
	name: string;
	unitAmount: number;
	quantity: number;
	currency: string;
	interval: 'day' | 'week' | 'month' | 'year' | null;
	intervalCount: number;
}

interface SessionRecord {
	session: StripeSessionShape;
	lineItem: LineItem;
	paymentIntentMetadata: Metadata;
	subscriptionMetadata: Metadata;
	asyncPending: boolean;
}

interface SubscriptionRecord {
	subscription: StripeObject;
	lineItem: LineItem;
	periodStart: number;
	periodEnd: number;
}

class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly error: Record<string, string>
	) {
		super(error.message);
	}
}

const invalid = (message: string, param?: string, code?: string) =>
	new ApiError(400, {
		type: 'invalid_request_error',
		message,
		...(param ? { param } : {}),
		...(code ? { code } : {})
	});

const missing = (kind: string, id: string) =>
	new ApiError(404, {
		type: 'invalid_request_error',
		code: 'resource_missing',
		message: `No such ${kind}: '${id}'`,
		param: 'id'
	});

const randomId = (prefix: string) => prefix + randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Parses a form body the way Stripe reads the SDK's encoding: `a[b][0][c]=v` nests, numeric keys make arrays. */
export function parseForm(text: string): FormObject {
	const root: FormObject = {};
	for (const [rawKey, value] of new URLSearchParams(text)) {
		const base = rawKey.split('[', 1)[0] ?? rawKey;
		const segments = [
			base,
			...Array.from(rawKey.slice(base.length).matchAll(/\[([^\]]*)\]/g), (m) => m[1] ?? '')
		];
		let node: FormObject = root;
		segments.forEach((segment, i) => {
			// `expand[]=x` style: an empty segment appends
			const key = segment === '' ? String(Object.keys(node).length) : segment;
			if (i === segments.length - 1) {
				node[key] = value;
				return;
			}
			const next = node[key];
			if (typeof next === 'object' && !Array.isArray(next)) node = next;
			else {
				const created: FormObject = {};
				node[key] = created;
				node = created;
			}
		});
	}
	return arraysFromNumericKeys(root) as FormObject;
}

function arraysFromNumericKeys(value: FormValue): FormValue {
	if (typeof value === 'string' || Array.isArray(value)) return value;
	const keys = Object.keys(value);
	const converted = Object.fromEntries(keys.map((k) => [k, arraysFromNumericKeys(value[k] as FormValue)]));
	if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
		return keys.sort((a, b) => Number(a) - Number(b)).map((k) => converted[k] as FormValue);
	}
	return converted;
}

const str = (v: FormValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: FormValue | undefined): FormObject | undefined =>
	v !== undefined && typeof v === 'object' && !Array.isArray(v) ? v : undefined;

function metadataParam(v: FormValue | undefined, param: string): Metadata {
	if (v === undefined || v === '') return {};
	const o = obj(v);
	if (!o) throw invalid('Invalid object', param);
	const out: Metadata = {};
	const keys = Object.keys(o);
	if (keys.length > 50) throw invalid('Metadata can have at most 50 keys', param);
	for (const key of keys) {
		const value = o[key];
		if (typeof value !== 'string') throw invalid('Metadata values must be strings', `${param}[${key}]`);
		if (key.length > 40) throw invalid('Metadata keys can be at most 40 characters', `${param}[${key}]`);
		if (value.length > 500)
			throw invalid('Metadata values can be at most 500 characters', `${param}[${key}]`);
		out[key] = value;
	}
	return out;
}

function intParam(v: FormValue | undefined, param: string): number | undefined {
	if (v === undefined) return undefined;
	if (typeof v !== 'string' || !/^-?\d+$/.test(v)) {
		throw invalid(`Invalid integer: ${String(v)}`, param, 'parameter_invalid_integer');
	}
	return Number(v);
}

/** the end of a billing period, on the same day of the month like Stripe (clamped to the month's last day) */
function addInterval(start: number, interval: NonNullable<LineItem['interval']>, count: number): number {
	const d = new Date(start * 1000);
	if (interval === 'day' || interval === 'week') {
		return start + count * (interval === 'day' ? 1 : 7) * 86_400;
	}
	const months = interval === 'month' ? count : 12 * count;
	const day = d.getUTCDate();
	const target = new Date(d);
	target.setUTCDate(1);
	target.setUTCMonth(target.getUTCMonth() + months);
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(day, lastDay));
	return Math.floor(target.getTime() / 1000);
}

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
	const requests: RecordedRequest[] = [];
	const deliveries: Delivery[] = [];
	const sessions = new Map<string, SessionRecord>();
	const subscriptions = new Map<string, SubscriptionRecord>();
	const objects = new Map<string, StripeObject>();
	const idempotent = new Map<string, { body: string; status: number; payload: string }>();
	let baseUrl = '';

	const event = (
		type: Stripe.Event.Type,
		object: StripeObject,
		previous?: Record<string, unknown>
	): Stripe.Event => {
		// events are snapshots: later changes to the object must not show in events already handed out
		const data: Record<string, unknown> = { object: structuredClone(object) };
		if (previous) data.previous_attributes = previous;
		const result = {
			id: randomId('evt_'),
			object: 'event',
			api_version: Stripe.API_VERSION,
			created: nowSeconds(),
			data,
			livemode: false,
			pending_webhooks: 1,
			request: { id: null, idempotency_key: null },
			type
		};
		return result as unknown as Stripe.Event;
	};

	const disputeFees = new Map<string, { fee: number; returnedIfWon: boolean }>();
	/** A dispute's movement of the balance: the amount, and the dispute fee (negative when given back). */
	const balanceTransaction = (source: string, amount: number, fee: number, description: string) => ({
		id: randomId('txn_'),
		object: 'balance_transaction',
		amount,
		available_on: nowSeconds(),
		created: nowSeconds(),
		currency: 'czk',
		description,
		fee,
		fee_details: fee
			? [{ amount: fee, application: null, currency: 'czk', description: 'Dispute fee', type: 'stripe_fee' }]
			: [],
		net: amount - fee,
		reporting_category: 'dispute',
		source,
		status: 'available',
		// Stripe books dispute withdrawals and reinstatements as adjustments
		type: 'adjustment'
	});

	const getSession = (id: string): SessionRecord => {
		const record = sessions.get(id);
		if (!record) throw missing('checkout.session', id);
		return record;
	};
	const getSubscription = (id: string): SubscriptionRecord => {
		const record = subscriptions.get(id);
		if (!record) throw missing('subscription', id);
		return record;
	};
	const store = <T extends StripeObject>(o: T): T => {
		objects.set(o.id, o);
		return o;
	};

	function createSession(body: FormObject): StripeSessionShape {
		const mode = str(body.mode);
		if (mode !== 'payment' && mode !== 'subscription') {
			throw invalid(mode ? `Invalid mode: ${mode}` : 'Missing required param: mode.', 'mode');
		}
		const successUrl = str(body.success_url);
		if (!successUrl) throw invalid('Missing required param: success_url.', 'success_url');
		const items = body.line_items;
		if (!Array.isArray(items) || items.length !== 1) {
			throw invalid('The fake supports exactly one line item', 'line_items');
		}
		const item = obj(items[0]) ?? {};
		const priceData = obj(item.price_data);
		if (!priceData)
			throw invalid('Missing required param: line_items[0][price_data].', 'line_items[0][price_data]');
		const p = 'line_items[0][price_data]';
		const currency = str(priceData.currency);
		if (currency !== 'czk') throw invalid(`Invalid currency: ${String(currency)}`, `${p}[currency]`);
		const unitAmount = intParam(priceData.unit_amount, `${p}[unit_amount]`);
		if (unitAmount === undefined) throw invalid('Missing required param: unit_amount.', `${p}[unit_amount]`);
		if (unitAmount < 1500) {
			throw invalid(
				"The Checkout Session's total amount due must add up to at least Kč15.00 czk",
				`${p}[unit_amount]`,
				'amount_too_small'
			);
		}
		const name = str(obj(priceData.product_data)?.name);
		if (!name) throw invalid('Missing required param: product_data[name].', `${p}[product_data][name]`);
		const recurring = obj(priceData.recurring);
		const interval = str(recurring?.interval);
		if (mode === 'subscription' && !interval) {
			throw invalid('You must specify at least one recurring price in `subscription` mode.', 'line_items');
		}
		if (mode === 'payment' && recurring) {
			throw invalid('You specified `payment` mode but passed a recurring price.', 'mode');
		}
		if (interval !== undefined && !['day', 'week', 'month', 'year'].includes(interval)) {
			throw invalid(`Invalid interval: ${interval}`, `${p}[recurring][interval]`);
		}
		const quantity = intParam(item.quantity, 'line_items[0][quantity]') ?? 1;
		if (quantity < 1) throw invalid('Quantity must be at least 1', 'line_items[0][quantity]');

		const created = nowSeconds();
		// a little slack: the client computed its bound a moment before this request arrived
		const expiresAt = intParam(body.expires_at, 'expires_at') ?? created + 86_400;
		if (expiresAt < created + 1800 - 10 || expiresAt > created + 86_400 + 10) {
			throw invalid(
				'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
				'expires_at'
			);
		}
		const id = randomId('cs_test_');
		const session: StripeSessionShape = {
			id,
			object: 'checkout.session',
			url: `${baseUrl}/pay/${id}`,
			status: 'open',
			payment_status: 'unpaid',
			mode,
			amount_total: unitAmount * quantity,
			amount_subtotal: unitAmount * quantity,
			currency,
			expires_at: expiresAt,
			metadata: metadataParam(body.metadata, 'metadata'),
			client_reference_id: str(body.client_reference_id) ?? null,
			customer_email: str(body.customer_email) ?? null,
			customer: null,
			customer_details: null,
			payment_intent: null,
			subscription: null,
			invoice: null,
			locale: str(body.locale) ?? null,
			submit_type: str(body.submit_type) ?? null,
			created,
			livemode: false,
			success_url: successUrl,
			cancel_url: str(body.cancel_url) ?? null,
			ui_mode: 'hosted',
			payment_method_types: ['card']
		};
		sessions.set(id, {
			session,
			lineItem: {
				name,
				unitAmount,
				quantity,
				currency,
				interval: (interval as LineItem['interval']) ?? null,
				intervalCount: intParam(recurring?.interval_count, `${p}[recurring][interval_count]`) ?? 1
			},
			paymentIntentMetadata: metadataParam(
				obj(body.payment_intent_data)?.metadata,
				'payment_intent_data[metadata]'
			),
			subscriptionMetadata: metadataParam(
				obj(body.subscription_data)?.metadata,
				'subscription_data[metadata]'
			),
			asyncPending: false
		});
		return session;
	}

	function sessionEvent(type: Stripe.Event.Type, record: SessionRecord) {
		return event(type, record.session as unknown as StripeObject);
	}

	function createInvoice(sub: SubscriptionRecord, paid: boolean): StripeObject {
		const amount = sub.lineItem.unitAmount * sub.lineItem.quantity;
		const s = sub.subscription;
		const created = nowSeconds();
		const id = randomId('in_');
		return store({
			id,
			object: 'invoice',
			amount_due: amount,
			amount_paid: paid ? amount : 0,
			amount_remaining: paid ? 0 : amount,
			attempt_count: 1,
			attempted: true,
			billing_reason: s.latest_invoice ? 'subscription_cycle' : 'subscription_create',
			collection_method: 'charge_automatically',
			created,
			currency: sub.lineItem.currency,
			customer: s.customer,
			customer_email: null,
			livemode: false,
			metadata: {},
			parent: {
				type: 'subscription_details',
				quote_details: null,
				subscription_details: { subscription: s.id, metadata: structuredClone(s.metadata) }
			},
			lines: {
				object: 'list',
				has_more: false,
				url: `/v1/invoices/${id}/lines`,
				data: [
					{
						id: randomId('il_'),
						object: 'line_item',
						amount,
						currency: sub.lineItem.currency,
						description: `${sub.lineItem.quantity} × ${sub.lineItem.name}`,
						invoice: id,
						livemode: false,
						metadata: structuredClone(s.metadata),
						period: { start: sub.periodStart, end: sub.periodEnd },
						quantity: sub.lineItem.quantity,
						parent: {
							type: 'subscription_item_details',
							subscription_item_details: {
								subscription: s.id,
								subscription_item: (s.items as { data: { id: string }[] }).data[0]?.id ?? null,
								proration: false
							}
						}
					}
				]
			},
			period_start: sub.periodStart,
			period_end: sub.periodEnd,
			status: paid ? 'paid' : 'open',
			status_transitions: { paid_at: paid ? created : null, finalized_at: created },
			subtotal: amount,
			total: amount
		});
	}

	function setPeriod(sub: SubscriptionRecord, start: number) {
		const { interval, intervalCount } = sub.lineItem;
		sub.periodStart = start;
		sub.periodEnd = addInterval(start, interval ?? 'month', intervalCount);
		const item = (sub.subscription.items as { data: Record<string, unknown>[] }).data[0];
		if (item) {
			item.current_period_start = sub.periodStart;
			item.current_period_end = sub.periodEnd;
		}
	}

	function findCharge(paymentIntentOrCharge: string): StripeObject {
		let found = objects.get(paymentIntentOrCharge);
		if (found?.object === 'payment_intent') found = objects.get(String(found.latest_charge));
		if (!found || found.object !== 'charge')
			throw new Error(`fake stripe: no charge for ${paymentIntentOrCharge}`);
		return found;
	}

	const control = {
		pay(sessionId: string, payOptions: PayOptions = {}): Stripe.Event[] {
			const record = getSession(sessionId);
			const s = record.session;
			if (s.status !== 'open') throw new Error(`fake stripe: session ${sessionId} is ${s.status}`);
			if (payOptions.async && s.mode !== 'payment')
				throw new Error('fake stripe: async payments only in payment mode');
			const created = nowSeconds();
			s.status = 'complete';
			s.url = null;
			s.customer_details = {
				email: payOptions.email ?? s.customer_email,
				name: payOptions.name ?? null,
				address: payOptions.address
					? {
							city: null,
							country: null,
							line1: null,
							line2: null,
							postal_code: null,
							state: null,
							...payOptions.address
						}
					: null
			};
			if (s.mode === 'payment') {
				const paymentIntentId = randomId('pi_');
				const charge = store({
					id: randomId('ch_'),
					object: 'charge',
					amount: s.amount_total,
					amount_captured: s.amount_total,
					amount_refunded: 0,
					billing_details: { email: s.customer_details.email, name: s.customer_details.name },
					captured: true,
					created,
					currency: s.currency,
					customer: null,
					disputed: false,
					livemode: false,
					metadata: { ...record.paymentIntentMetadata },
					paid: !payOptions.async,
					payment_intent: paymentIntentId,
					payment_method_details: { type: payOptions.async ? 'sepa_debit' : 'card' },
					refunded: false,
					refunds: { object: 'list', data: [], has_more: false, url: '/v1/refunds' },
					status: payOptions.async ? 'pending' : 'succeeded'
				});
				store({
					id: paymentIntentId,
					object: 'payment_intent',
					amount: s.amount_total,
					amount_received: payOptions.async ? 0 : s.amount_total,
					created,
					currency: s.currency,
					customer: null,
					latest_charge: charge.id,
					livemode: false,
					metadata: { ...record.paymentIntentMetadata },
					status: payOptions.async ? 'processing' : 'succeeded'
				});
				s.payment_intent = paymentIntentId;
				s.payment_status = payOptions.async ? 'unpaid' : 'paid';
				record.asyncPending = Boolean(payOptions.async);
				return [sessionEvent('checkout.session.completed', record)];
			}

			const customer = store({
				id: randomId('cus_'),
				object: 'customer',
				created,
				email: s.customer_details.email,
				name: s.customer_details.name,
				livemode: false,
				metadata: {}
			});
			const subscriptionId = randomId('sub_');
			const sub: SubscriptionRecord = {
				lineItem: record.lineItem,
				periodStart: created,
				periodEnd: created,
				subscription: store({
					id: subscriptionId,
					object: 'subscription',
					billing_cycle_anchor: created,
					cancel_at: null,
					cancel_at_period_end: false,
					canceled_at: null,
					cancellation_details: { comment: null, feedback: null, reason: null },
					collection_method: 'charge_automatically',
					created,
					currency: s.currency,
					customer: customer.id,
					ended_at: null,
					items: {
						object: 'list',
						has_more: false,
						url: `/v1/subscription_items?subscription=${subscriptionId}`,
						data: [
							{
								id: randomId('si_'),
								object: 'subscription_item',
								created,
								current_period_start: created,
								current_period_end: created,
								metadata: {},
								price: {
									id: randomId('price_'),
									object: 'price',
									currency: s.currency,
									unit_amount: record.lineItem.unitAmount,
									recurring: {
										interval: record.lineItem.interval,
										interval_count: record.lineItem.intervalCount
									},
									type: 'recurring'
								},
								quantity: record.lineItem.quantity,
								subscription: subscriptionId
							}
						]
					},
					latest_invoice: null,
					livemode: false,
					metadata: { ...record.subscriptionMetadata },
					start_date: created,
					status: 'active'
				})
			};
			setPeriod(sub, created);
			subscriptions.set(subscriptionId, sub);
			const invoice = createInvoice(sub, true);
			sub.subscription.latest_invoice = invoice.id;
			s.customer = customer.id;
			s.subscription = subscriptionId;
			s.invoice = invoice.id;
			s.payment_status = 'paid';
			return [
				sessionEvent('checkout.session.completed', record),
				event('invoice.paid', invoice),
				event('customer.subscription.created', sub.subscription)
			];
		},

		asyncSucceeded(sessionId: string): Stripe.Event {
			const record = getSession(sessionId);
			if (!record.asyncPending) throw new Error(`fake stripe: session ${sessionId} has no pending payment`);
			record.asyncPending = false;
			record.session.payment_status = 'paid';
			const pi = objects.get(String(record.session.payment_intent));
			if (pi) {
				pi.status = 'succeeded';
				pi.amount_received = record.session.amount_total;
				const charge = objects.get(String(pi.latest_charge));
				if (charge) Object.assign(charge, { status: 'succeeded', paid: true });
			}
			return sessionEvent('checkout.session.async_payment_succeeded', record);
		},

		asyncFailed(sessionId: string): Stripe.Event {
			const record = getSession(sessionId);
			if (!record.asyncPending) throw new Error(`fake stripe: session ${sessionId} has no pending payment`);
			record.asyncPending = false;
			const pi = objects.get(String(record.session.payment_intent));
			if (pi) {
				pi.status = 'requires_payment_method';
				const charge = objects.get(String(pi.latest_charge));
				if (charge) Object.assign(charge, { status: 'failed', paid: false });
			}
			return sessionEvent('checkout.session.async_payment_failed', record);
		},

		expire(sessionId: string): Stripe.Event {
			const record = getSession(sessionId);
			if (record.session.status !== 'open') {
				throw new Error(`fake stripe: session ${sessionId} is ${record.session.status}`);
			}
			record.session.status = 'expired';
			record.session.url = null;
			return sessionEvent('checkout.session.expired', record);
		},

		refund(paymentIntentOrCharge: string, amount?: number): Stripe.Event {
			const charge = findCharge(paymentIntentOrCharge);
			const total = Number(charge.amount);
			const already = Number(charge.amount_refunded);
			const refundAmount = amount ?? total - already;
			if (!Number.isInteger(refundAmount) || refundAmount < 1 || already + refundAmount > total) {
				throw new Error(`fake stripe: cannot refund ${refundAmount} of ${total} (${already} refunded)`);
			}
			const refund = store({
				id: randomId('re_'),
				object: 'refund',
				amount: refundAmount,
				charge: charge.id,
				created: nowSeconds(),
				currency: charge.currency,
				metadata: {},
				payment_intent: charge.payment_intent,
				reason: null,
				status: 'succeeded'
			});
			const previous = { amount_refunded: already, refunded: charge.refunded };
			charge.amount_refunded = already + refundAmount;
			charge.refunded = already + refundAmount === total;
			(charge.refunds as { data: StripeObject[] }).data.unshift(refund);
			return event('charge.refunded', charge, previous);
		},

		dispute(paymentIntentOrCharge: string, disputeOptions: DisputeOptions = {}): Stripe.Event {
			const charge = findCharge(paymentIntentOrCharge);
			charge.disputed = true;
			const amount = disputeOptions.amount ?? Number(charge.amount);
			const fee = disputeOptions.fee ?? 0;
			const inquiry = Boolean(disputeOptions.inquiry);
			const id = randomId('dp_');
			const dispute = store({
				id,
				object: 'dispute',
				amount,
				// an inquiry moves no money; a chargeback withdraws the amount and the fee at once
				balance_transactions: inquiry ? [] : [balanceTransaction(id, -amount, fee, 'Chargeback withdrawal')],
				charge: charge.id,
				created: nowSeconds(),
				currency: charge.currency,
				evidence_details: {
					due_by: nowSeconds() + 7 * 86_400,
					has_evidence: false,
					past_due: false,
					submission_count: 0
				},
				is_charge_refundable: inquiry,
				livemode: false,
				metadata: {},
				payment_intent: charge.payment_intent,
				reason: 'fraudulent',
				status: inquiry ? 'warning_needs_response' : 'needs_response'
			});
			disputeFees.set(id, { fee, returnedIfWon: Boolean(disputeOptions.feeReturnedIfWon) });
			return event('charge.dispute.created', dispute);
		},

		closeDispute(disputeId: string, status: 'won' | 'lost' | 'warning_closed'): Stripe.Event {
			const dispute = objects.get(disputeId);
			if (!dispute || dispute.object !== 'dispute') throw new Error(`fake stripe: no dispute ${disputeId}`);
			const open = ['needs_response', 'under_review', 'warning_needs_response', 'warning_under_review'];
			if (!open.includes(String(dispute.status)))
				throw new Error(`fake stripe: dispute ${disputeId} is ${String(dispute.status)}`);
			const inquiry = String(dispute.status).startsWith('warning_');
			if (inquiry !== (status === 'warning_closed'))
				throw new Error(`fake stripe: a ${inquiry ? 'inquiry' : 'chargeback'} cannot close as ${status}`);
			if (status === 'won') {
				const { fee, returnedIfWon } = disputeFees.get(disputeId) ?? { fee: 0, returnedIfWon: false };
				(dispute.balance_transactions as StripeObject[]).push(
					balanceTransaction(
						disputeId,
						Number(dispute.amount),
						returnedIfWon ? -fee : 0,
						'Chargeback reversal'
					)
				);
			}
			dispute.status = status;
			dispute.is_charge_refundable = false;
			return event('charge.dispute.closed', dispute);
		},

		renew(subscriptionId: string): Stripe.Event[] {
			const sub = getSubscription(subscriptionId);
			const s = sub.subscription;
			if (s.status === 'canceled') throw new Error(`fake stripe: ${subscriptionId} is canceled`);
			// Stripe ends a subscription set to cancel at period end instead of renewing it
			if (s.cancel_at_period_end) return [endSubscription(sub, 'cancellation_requested')];
			const previous = {
				status: s.status,
				items: structuredClone(s.items),
				latest_invoice: s.latest_invoice
			};
			// a past_due subscription retries the open period; an active one moves to the next
			if (s.status !== 'past_due') setPeriod(sub, sub.periodEnd);
			s.status = 'active';
			const invoice = createInvoice(sub, true);
			s.latest_invoice = invoice.id;
			return [event('invoice.paid', invoice), event('customer.subscription.updated', s, previous)];
		},

		failRenewal(subscriptionId: string): Stripe.Event[] {
			const sub = getSubscription(subscriptionId);
			const s = sub.subscription;
			if (s.status === 'canceled') throw new Error(`fake stripe: ${subscriptionId} is canceled`);
			const previous = {
				status: s.status,
				items: structuredClone(s.items),
				latest_invoice: s.latest_invoice
			};
			if (s.status !== 'past_due') setPeriod(sub, sub.periodEnd);
			s.status = 'past_due';
			const invoice = createInvoice(sub, false);
			s.latest_invoice = invoice.id;
			return [event('invoice.payment_failed', invoice), event('customer.subscription.updated', s, previous)];
		},

		retryFailed(subscriptionId: string): Stripe.Event {
			const sub = getSubscription(subscriptionId);
			const invoice = objects.get(String(sub.subscription.latest_invoice));
			if (sub.subscription.status !== 'past_due' || !invoice || invoice.status !== 'open')
				throw new Error(`fake stripe: ${subscriptionId} has no failed invoice to retry`);
			invoice.attempt_count = Number(invoice.attempt_count) + 1;
			return event('invoice.payment_failed', invoice);
		},

		cancelNow(subscriptionId: string): Stripe.Event {
			const sub = getSubscription(subscriptionId);
			if (sub.subscription.status === 'canceled')
				throw new Error(`fake stripe: ${subscriptionId} is canceled`);
			return endSubscription(sub, 'cancellation_requested');
		}
	};

	function endSubscription(sub: SubscriptionRecord, reason: string): Stripe.Event {
		const now = nowSeconds();
		Object.assign(sub.subscription, {
			status: 'canceled',
			canceled_at: sub.subscription.canceled_at ?? now,
			ended_at: now,
			cancellation_details: { comment: null, feedback: null, reason }
		});
		return event('customer.subscription.deleted', sub.subscription);
	}

	async function deliver(
		ev: Stripe.Event,
		url: string,
		secret: string,
		deliverOptions: { timestamp?: number; tamper?: boolean } = {}
	): Promise<{ status: number; body: string }> {
		const payload = JSON.stringify(ev, null, 2);
		const header = Stripe.webhooks.generateTestHeaderString({
			payload,
			secret,
			timestamp: deliverOptions.timestamp ?? nowSeconds()
		});
		// signed first, changed after: what an attacker altering a genuine delivery would send
		const sent = deliverOptions.tamper ? payload.replace('"livemode": false', '"livemode": true ') : payload;
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'stripe-signature': header,
				'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'
			},
			body: sent
		});
		return { status: response.status, body: await response.text() };
	}

	function handleApi(method: string, path: string, body: FormObject): unknown {
		const parts = path.split('/').filter(Boolean).slice(1);
		const [resource, id, action] = parts;
		if (resource === 'checkout' && id === 'sessions') {
			const sessionId = parts[2];
			const sub = parts[3];
			if (method === 'POST' && !sessionId) return createSession(body);
			if (method === 'GET' && sessionId && !sub) return getSession(sessionId).session;
			if (method === 'POST' && sessionId && sub === 'expire' && parts.length === 4) {
				const record = getSession(sessionId);
				if (record.session.status !== 'open') {
					throw invalid(
						`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${record.session.status}".`
					);
				}
				record.session.status = 'expired';
				record.session.url = null;
				return record.session;
			}
		}
		if (resource === 'subscriptions' && id && !action) {
			const sub = getSubscription(id);
			const s = sub.subscription;
			if (method === 'GET') return s;
			if (method === 'POST') {
				if (s.status === 'canceled') {
					throw invalid('A canceled subscription can only update its cancellation_details and metadata.');
				}
				const cancel = str(body.cancel_at_period_end);
				if (cancel !== undefined) {
					if (cancel !== 'true' && cancel !== 'false')
						throw invalid(`Invalid boolean: ${cancel}`, 'cancel_at_period_end');
					s.cancel_at_period_end = cancel === 'true';
					s.cancel_at = s.cancel_at_period_end ? sub.periodEnd : null;
					s.canceled_at = s.cancel_at_period_end ? nowSeconds() : null;
				}
				if (body.metadata !== undefined) {
					const merged = { ...(s.metadata as Metadata), ...metadataParam(body.metadata, 'metadata') };
					// Stripe removes keys set to an empty string
					s.metadata = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== ''));
				}
				return s;
			}
			if (method === 'DELETE') {
				if (s.status === 'canceled') throw invalid(`The subscription ${id} is already canceled.`);
				endSubscription(sub, 'cancellation_requested');
				return s;
			}
		}
		const retrievable: Record<string, string> = {
			payment_intents: 'payment_intent',
			charges: 'charge',
			invoices: 'invoice',
			customers: 'customer',
			refunds: 'refund',
			disputes: 'dispute'
		};
		const kind = resource ? retrievable[resource] : undefined;
		if (method === 'GET' && kind && id && !action) {
			const found = objects.get(id);
			if (!found || found.object !== kind) throw missing(kind, id);
			return found;
		}
		throw new ApiError(404, {
			type: 'invalid_request_error',
			message: `Unrecognized request URL (${method}: ${path}).`
		});
	}

	function payPage(record: SessionRecord): string {
		const s = record.session;
		const escape = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
		const amount = `${(s.amount_total / 100).toFixed(2).replace('.', ',')} ${s.currency.toUpperCase()}`;
		const payable = s.status === 'open';
		return `<!doctype html>
<html lang="cs"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
<body>
<h1>Fake Stripe Checkout</h1>
<p>${escape(record.lineItem.name)}${s.mode === 'subscription' ? ` (každý ${escape(record.lineItem.interval ?? '')})` : ''}</p>
<p id="amount">${escape(amount)}</p>
${payable ? `<form method="post" action="/pay/${escape(s.id)}"><button type="submit" id="pay">Zaplatit</button></form>` : `<p id="status">${escape(s.status)}</p>`}
${s.cancel_url ? `<a href="${escape(s.cancel_url)}">Zpět</a>` : ''}
</body></html>`;
	}

	async function handlePay(method: string, sessionId: string, res: http.ServerResponse) {
		const record = sessions.get(sessionId);
		if (!record) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('no such session');
			return;
		}
		if (method === 'GET') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(payPage(record));
			return;
		}
		if (method !== 'POST') {
			res.writeHead(405).end();
			return;
		}
		if (record.session.status !== 'open') {
			res.writeHead(409, { 'content-type': 'text/html; charset=utf-8' }).end(payPage(record));
			return;
		}
		const events = control.pay(sessionId);
		if (options.webhookUrl && options.webhookSecret) {
			// one after another, as a webhook endpoint usually sees them
			for (const ev of events) {
				try {
					const result = await deliver(ev, options.webhookUrl, options.webhookSecret);
					deliveries.push({ event: ev, url: options.webhookUrl, ...result });
				} catch (error) {
					deliveries.push({ event: ev, url: options.webhookUrl, status: 0, body: String(error) });
				}
			}
		}
		const location = record.session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', sessionId);
		res.writeHead(303, { location }).end();
	}

	function sendJson(
		res: http.ServerResponse,
		status: number,
		payload: string,
		extra: Record<string, string> = {}
	) {
		res
			.writeHead(status, { 'content-type': 'application/json', 'request-id': randomId('req_'), ...extra })
			.end(payload);
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://localhost');
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname;

		if (path === '/healthz') {
			res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
			return;
		}
		const payMatch = /^\/pay\/([^/]+)$/.exec(path);
		if (payMatch?.[1]) {
			await handlePay(method, decodeURIComponent(payMatch[1]), res);
			return;
		}

		const body = parseForm(raw);
		const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
		requests.push({ method, path, query: parseForm(url.search.slice(1)), body, idempotencyKey });

		if (!path.startsWith('/v1/')) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		const auth = req.headers.authorization ?? '';
		if (!/^Bearer sk_test_\S+$/.test(auth)) {
			sendJson(
				res,
				401,
				JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } })
			);
			return;
		}
		const storeKey = idempotencyKey ? `${method} ${path} ${idempotencyKey}` : null;
		const stored = storeKey ? idempotent.get(storeKey) : undefined;
		if (stored) {
			if (stored.body !== raw) {
				sendJson(
					res,
					400,
					JSON.stringify({
						error: {
							type: 'idempotency_error',
							message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`
						}
					})
				);
				return;
			}
			sendJson(res, stored.status, stored.payload, { 'idempotent-replayed': 'true' });
			return;
		}
		let status = 200;
		let payload: string;
		try {
			payload = JSON.stringify(handleApi(method, path, body));
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			status = error.status;
			payload = JSON.stringify({ error: error.error });
		}
		if (storeKey) idempotent.set(storeKey, { body: raw, status, payload });
		sendJson(res, status, payload);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent) {
				sendJson(res, 500, JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
			} else res.end();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	baseUrl = `http://127.0.0.1:${port}`;

	return {
		url: baseUrl,
		port,
		requests,
		deliveries,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
		session: (id) => sessions.get(id)?.session,
		sessions: () => Array.from(sessions.values(), (r) => r.session),
		object: (id) => objects.get(id),
		...control,
		deliver
	};
}
