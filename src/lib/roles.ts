/** The roles a person can hold; one person may hold several. */
export const roles = ['social_worker', 'member', 'coordinator', 'donor'] as const;
export type Role = (typeof roles)[number];
