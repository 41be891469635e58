import type { Role } from '$lib/roles';

/** Who has an overview of their own gifts: donors and members (the coordinator is usually one too). */
export const giverRoles: Role[] = ['donor', 'member', 'coordinator'];
