import type { DemoPart } from './index';

export const clubDemo: DemoPart = {
	name: 'club',
	async seed(tx) {
		await tx`
			insert into club_settings (name, contact_email)
			values ('Klub dárců Spolu', 'klub@example.org')
			on conflict (id) do nothing`;
	}
};
