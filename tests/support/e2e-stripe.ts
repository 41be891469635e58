/** The fake Stripe API of the end-to-end run (tests/support/fake-stripe.ts) and the keys the app shares with it. */
export const STRIPE_PORT = 4174;
export const STRIPE_API = `http://127.0.0.1:${STRIPE_PORT}`;
export const E2E_STRIPE_SECRET_KEY = 'sk_test_spoluE2E';
export const E2E_STRIPE_WEBHOOK_SECRET = 'whsec_spoluE2E';
