/*
 * SvelteKit names the scripts a server-rendered page needs (its route's whole static import graph) only
 * in the `Link` response header (`rel="modulepreload"`); it writes them into the HTML only for
 * prerendered pages (kit 2.70, runtime/server/page/render.js: Head.add_link_tag). Chromium (103+) reads
 * modulepreload from the header; Firefox and Safari read it only from a `<link>` element, so there the
 * browser finds the coordinator's need page's 42 scripts one import at a time. The same hints go into
 * the page's <head> as `<link rel="modulepreload">` elements, which every current browser reads
 * (Chromium 66, Safari 17, Firefox 115) and which no proxy can drop. `kit.output.preloadStrategy:
 * 'preload-js'` would write `<link rel="preload" as="script">` instead, which Firefox fetches twice.
 */

const MODULEPRELOAD = /<([^>]+)>\s*;[^,]*rel="?modulepreload"?/g;

/** The paths a Link header asks the browser to modulepreload. */
export function modulepreloads(link: string | null): string[] {
	if (!link) return [];
	return Array.from(link.matchAll(MODULEPRELOAD), (m) => m[1]!);
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `html` with a `<link rel="modulepreload">` for each path, before its `</head>`. */
export function withPreloadTags(html: string, paths: string[]): string {
	const end = html.indexOf('</head>');
	if (end < 0 || paths.length === 0) return html;
	const tags = paths.map((p) => `<link rel="modulepreload" href="${escapeAttribute(p)}">`).join('\n\t\t');
	return `${html.slice(0, end)}\t${tags}\n\t${html.slice(end)}`;
}

/** A rendered page's response with its modulepreload hints in the HTML too; anything else as it is. */
export async function addPreloadTags(response: Response): Promise<Response> {
	const paths = modulepreloads(response.headers.get('link'));
	if (!paths.length || !response.body) return response;
	if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
	const html = withPreloadTags(await response.text(), paths);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(html, { status: response.status, statusText: response.statusText, headers });
}
