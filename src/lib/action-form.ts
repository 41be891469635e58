/*
 * A page with several named actions shows each action's refusal next to its own form. These read the
 * answer of the action that ran (`{ action, values?, errors?, message? }`) for one form at a time.
 */

type Answer = { action?: string; values?: unknown; errors?: unknown; message?: unknown } | null | undefined;

export function actionAnswers(form: Answer) {
	const failed = (action: string) => (form && form.action === action ? form : null);
	return {
		failed: (action: string) => !!failed(action),
		errorsOf: (action: string): Record<string, string> =>
			(failed(action)?.errors as Record<string, string> | undefined) ?? {},
		valueOf: (action: string, key: string): string =>
			(failed(action)?.values as Record<string, string> | undefined)?.[key] ?? '',
		messageOf: (action: string) => failed(action)?.message as string | undefined
	};
}
