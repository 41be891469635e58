import { safeRedirectPath } from '$lib/safe-redirect';
import { cookieMaxAge, cookieName, locales } from '$lib/paraglide/runtime';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const input = z.object({ locale: z.enum(locales), redirectTo: z.string().optional() });

/** Switches the interface language (a cookie read by paraglide) and returns to the page. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData().catch(() => null);
	const parsed = input.safeParse(form ? Object.fromEntries(form) : {});
	if (parsed.success) {
		cookies.set(cookieName, parsed.data.locale, {
			path: '/',
			maxAge: cookieMaxAge,
			sameSite: 'lax',
			// paraglide reads the locale in the browser too
			httpOnly: false
		});
	}
	redirect(303, safeRedirectPath(form?.get('redirectTo')));
};
