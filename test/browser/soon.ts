/**
 * Polling in browser tests that wait on the server and on a second browser: up to 10 s, at
 * their pace (the machine is shared), instead of vitest's 1 s default.
 */
import { expect } from 'vitest'

/** Polls `read` until its value passes, for up to 10 s unless `options` says otherwise. */
export const soon = <T>(read: () => T | Promise<T>, options: { timeout?: number } = {}) =>
  expect.poll(read, { timeout: 10_000, ...options })
