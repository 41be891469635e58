/** Whether `id` is a UUID as the database makes them: the one check before an id reaches SQL. */
export const isUuid = (id: string): boolean =>
	/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
