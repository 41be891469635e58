/*
 * What other modules may use of a need's records: read a need and its timeline, add to the timeline.
 * Writing the need's own rows (insertNeed, updateNeedContent) stays inside needs/, and the status
 * changes only through lifecycle.ts. eslint.config.js keeps needs/queries.ts private to this folder
 * (demo seeding and tests excepted).
 */
export {
	insertEvent,
	selectEvents,
	selectNeed,
	type Need,
	type NeedContent,
	type NeedEventKind
} from './queries';
