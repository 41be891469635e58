/**
 * The public site — reading pages, the ways to give, signing in — works without JavaScript, so
 * SvelteKit's client is not sent: each page stays far under 30 KB of script and loads fast on a slow
 * phone, and every form posts and answers as a plain HTML form. The only script is the quick exit's
 * few lines (static/quick-exit.js).
 */
export const csr = false;
