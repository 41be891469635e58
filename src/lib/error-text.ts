import { m } from '$lib/paraglide/messages';

export interface ErrorText {
	title: string;
	body: string;
}

/**
 * The title and text an error page shows, chosen by status only: an error's own message could carry
 * details that must not leak. A page may give its own texts for some statuses.
 */
export function errorText(status: number, own: Partial<Record<number, ErrorText>> = {}): ErrorText {
	const chosen = own[status];
	if (chosen) return chosen;
	if (status === 404) return { title: m.error_404_title(), body: m.error_404_text() };
	if (status === 403) return { title: m.error_403_title(), body: m.error_403_text() };
	if (status === 401) return { title: m.error_401_title(), body: m.error_401_text() };
	if (status < 500) return { title: m.error_4xx_title(), body: m.error_4xx_text() };
	return { title: m.error_500_title(), body: m.error_500_text() };
}
