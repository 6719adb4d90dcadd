import tsParser from '@typescript-eslint/parser';
import jsoncParser from 'jsonc-eslint-parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const packageCode = ['credentials/**/*.ts', 'nodes/**/*.ts', 'lib/**/*.ts'];

export default [
	{
		ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/**', 'scripts/**', 'bench/**', 'examples/**', '*.js', '*.mjs'],
	},
	{
		files: packageCode,
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		rules: { 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// This older rule wants a slug (n8n's built-in docs); n8n's verification rule
			// `credential-documentation-url` wants a full URL. Community packages link to the provider.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.nodes.rules,
	},
	{
		...communityNodes.configs.recommended,
		files: [...packageCode, 'package.json'],
	},
];
