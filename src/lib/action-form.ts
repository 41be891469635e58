/*
 * A page with several named actions shows each action's refusal next to its own form. These read the
 * answer of the action that ran (`{ action, values?, errors?, message? }`) for one form at a time.
 */

export type Answer =
	| { action?: string; values?: unknown; errors?: unknown; message?: unknown; findings?: unknown }
	| null
	| undefined;

/** A fragment of a form's text the anonymisation guard took for personal data. */
export interface Finding {
	field: string;
	kind: string;
	fragment: string;
}

export function actionAnswers(form: Answer) {
	const failed = (action: string) => (form && form.action === action ? form : null);
	return {
		failed: (action: string) => !!failed(action),
		errorsOf: (action: string): Record<string, string> =>
			(failed(action)?.errors as Record<string, string> | undefined) ?? {},
		valueOf: (action: string, key: string): string =>
			(failed(action)?.values as Record<string, string> | undefined)?.[key] ?? '',
		messageOf: (action: string) => failed(action)?.message as string | undefined,
		/** what the guard found in the texts of the refused action, if that was why */
		findingsOf: (action: string): Finding[] => {
			const findings = failed(action)?.findings;
			return Array.isArray(findings) ? (findings as Finding[]) : [];
		}
	};
}
