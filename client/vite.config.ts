// The browser app's build: `npx vite build --config client/vite.config.ts` writes
// client/dist, which the server serves at `/`. `npx vite --config client/vite.config.ts`
// serves it in development, with /api and /sync proxied to a server on port 8080.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  // The client imports shared/ and templates/ from the repository root.
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': 'http://127.0.0.1:8080', '/sync': { target: 'ws://127.0.0.1:8080', ws: true } },
  },
})
