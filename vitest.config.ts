import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/system-tools.ts'],
    testTimeout: 20_000,
  },
})
