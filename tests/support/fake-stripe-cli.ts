import { startFakeStripe } from './fake-stripe';

/** The fake Stripe API as its own process, for Playwright's webServer. */
const port = Number(process.env.FAKE_STRIPE_PORT ?? 0);
const fake = await startFakeStripe({
	port,
	webhookUrl: process.env.FAKE_STRIPE_WEBHOOK_URL,
	webhookSecret: process.env.FAKE_STRIPE_WEBHOOK_SECRET
});
console.log(`fake stripe listening on ${fake.port}`);

const stop = () => {
	fake.close().then(
		() => process.exit(0),
		() => process.exit(1)
	);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
