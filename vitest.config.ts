import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only sources and end-to-end tests: never the compiled copies under dist/ (toolchain-notes.md).
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['dist/**', 'node_modules/**'],
    // Type tests of the public API (test/types/*.test-d.ts), checked with tsc on every run.
    typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
