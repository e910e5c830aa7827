import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only sources and end-to-end tests: never the compiled copies under dist/ (toolchain-notes.md).
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['dist/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
