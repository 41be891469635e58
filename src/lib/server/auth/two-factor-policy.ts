import type { Role } from '$lib/roles';

/**
 * Roles that can ever see protected client data, or run the club, need a second factor: social
 * workers (their clients' data), members (any member may become a contact person) and coordinators.
 */
const rolesNeedingTwoFactor: readonly Role[] = ['social_worker', 'member', 'coordinator'];

export function needsTwoFactor(roles: readonly Role[], required: boolean): boolean {
	return required && roles.some((r) => rolesNeedingTwoFactor.includes(r));
}

/**
 * What a signed-in session still lacks: 'verify' (a code for the enabled second factor), 'enrol'
 * (a second factor must be set up first), or null (nothing; the session is complete).
 */
export function twoFactorStep(
	user: { roles: readonly Role[]; totpEnabled: boolean },
	session: { twoFactorVerified: boolean },
	required: boolean
): 'verify' | 'enrol' | null {
	if (user.totpEnabled) return session.twoFactorVerified ? null : 'verify';
	return needsTwoFactor(user.roles, required) ? 'enrol' : null;
}
