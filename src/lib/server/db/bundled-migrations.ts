import { sortMigrations } from './migrate';

/** The migrations as built into the server bundle, so a build runs from any working directory. */
export const bundledMigrations = () =>
	sortMigrations(
		import.meta.glob<string>('/migrations/*.sql', { query: '?raw', import: 'default', eager: true })
	);
