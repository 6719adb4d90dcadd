// The lint is n8n's own verification: the scanner's config (eslint-plugin-n8n-nodes-base's
// community, credentials and nodes rule sets plus @n8n/eslint-plugin-community-nodes'
// recommended rules, with the scanner's parsers and overrides), applied to the package code.
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'coverage/**',
			'test/**',
			'sandbox/**',
			'scripts/**',
			'bench/**',
			'examples/**',
			'*.js',
			'*.mjs',
			'tsconfig*.json',
			'package-lock.json',
		],
	},
	...(await buildScanConfig()),
];
