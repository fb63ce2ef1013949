import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // better-sqlite3 and exceljs are CPU-bound; two cores here.
    pool: 'forks',
    maxWorkers: 2,
  },
});
