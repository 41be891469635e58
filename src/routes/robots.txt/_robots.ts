/** Areas behind a sign-in or of no use to a search engine; they answer nothing to a crawler anyway. */
export const privatePaths = [
	'/needs',
	'/coordinator',
	'/profile',
	'/fund',
	'/dues',
	'/votes',
	'/start',
	'/api',
	'/login',
	'/logout',
	'/signup',
	'/invitation',
	'/request-access',
	'/reset-password',
	'/verify-email',
	'/language',
	'/2fa',
	'/healthz'
] as const;

/** robots.txt: everything public may be indexed, the private areas not, and where the sitemap is. */
export const buildRobots = (origin: string): string =>
	[
		'User-agent: *',
		'Allow: /',
		...privatePaths.map((path) => `Disallow: ${path}`),
		'',
		`Sitemap: ${origin}/sitemap.xml`,
		''
	].join('\n');
