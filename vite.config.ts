import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig, type PluginOption } from 'vite';

export default defineConfig(({ command }) => {
	const plugins: PluginOption[] = [tailwindcss(), sveltekit()];
	// The paraglide Vite plugin keeps timers alive after compiling, which makes `vite build` and vitest
	// hang before exiting. `npm run i18n` compiles the messages with the CLI instead; the plugin only
	// recompiles on edits while `vite dev` runs.
	if (command === 'serve' && !process.env.VITEST) {
		plugins.unshift(
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['cookie', 'baseLocale']
			})
		);
	}
	return {
		plugins,
		server: { port: 3000 },
		test: {
			expect: { requireAssertions: true },
			// Expected failures in the job tests would otherwise fill the output with warnings.
			env: { LOG_LEVEL: 'error' },
			projects: [
				{
					extends: true,
					test: {
						name: 'unit',
						include: ['src/**/*.test.ts'],
						exclude: ['src/**/*.integration.test.ts'],
						environment: 'node'
					}
				},
				{
					extends: true,
					test: {
						name: 'integration',
						include: ['src/**/*.integration.test.ts', 'tests/integration/**/*.test.ts'],
						environment: 'node',
						globalSetup: ['tests/support/pglite-templates.ts'],
						testTimeout: 60_000,
						hookTimeout: 60_000
					}
				}
			]
		}
	};
});
