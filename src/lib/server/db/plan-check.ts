/**
 * Reading PostgreSQL's `EXPLAIN (FORMAT JSON)`: which tables a plan reads by a sequential scan. Used by
 * the query-plan test (query-plans.integration.test.ts) and `npm run bench:scale -- --plans`: a list or
 * figure that scans a table growing with the club's history (the ledger, gifts, needs, the audit log)
 * gets slower every month, so such a plan must fail before it reaches a large installation.
 */

/** Tables that grow with every need, gift and sign-in; a sequential scan of one is a finding. */
export const GROWING_TABLES = [
	'ledger_entries',
	'ledger_transactions',
	'donations',
	'needs',
	'need_events',
	'audit_log',
	'bank_payments',
	'pledges',
	'polls',
	'poll_electorate',
	'votes',
	'stories',
	'users'
] as const;

interface PlanNode {
	'Node Type'?: string;
	'Relation Name'?: string;
	'Plan Rows'?: number;
	Plans?: PlanNode[];
	[key: string]: unknown;
}

export interface SeqScan {
	table: string;
	/** the planner's estimate of the rows the scan returns */
	rows: number;
}

/** The sequential scans in a plan as EXPLAIN (FORMAT JSON) returns it (its `QUERY PLAN` value). */
export function seqScans(explained: unknown): SeqScan[] {
	const found: SeqScan[] = [];
	const walk = (node: PlanNode | undefined) => {
		if (!node || typeof node !== 'object') return;
		if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) {
			found.push({ table: node['Relation Name'], rows: Number(node['Plan Rows'] ?? 0) });
		}
		for (const child of node.Plans ?? []) walk(child);
	};
	const roots = (Array.isArray(explained) ? explained : [explained]) as { Plan?: PlanNode }[];
	for (const root of roots) walk(root?.Plan);
	return found;
}
