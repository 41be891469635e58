import Stripe from 'stripe';

/*
 * The Stripe SDK, configured from STRIPE_SECRET_KEY and, for tests and a local fake, STRIPE_API_URL
 * (its host, port and protocol). Retries are off: every create call carries an idempotency key and the
 * caller decides what to do on a failure.
 */

export interface StripeSettings {
	secretKey: string;
	webhookSecret: string;
	apiUrl: string | undefined;
}

const clients = new Map<string, Stripe>();

export function stripeClient(settings: Pick<StripeSettings, 'secretKey' | 'apiUrl'>): Stripe {
	const key = `${settings.secretKey}|${settings.apiUrl ?? ''}`;
	let client = clients.get(key);
	if (!client) {
		const url = settings.apiUrl ? new URL(settings.apiUrl) : null;
		client = new Stripe(settings.secretKey, {
			maxNetworkRetries: 0,
			telemetry: false,
			timeout: 20_000,
			...(url && {
				host: url.hostname,
				port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
				protocol: url.protocol === 'https:' ? 'https' : 'http'
			})
		});
		clients.set(key, client);
	}
	return client;
}

/**
 * The event, if the signature on the raw body is Stripe's (default tolerance: 5 minutes); otherwise
 * null. Never parses a body whose signature does not match.
 */
export function verifyStripeEvent(
	stripe: Stripe,
	payload: string,
	signature: string | null,
	secret: string
): Stripe.Event | null {
	if (!signature) return null;
	try {
		return stripe.webhooks.constructEvent(payload, signature, secret);
	} catch {
		return null;
	}
}
