/**
 * Timing probes the benchmark injects into the page (none ship with the app):
 * keystroke-to-paint (keydown until the frame after it has run), a co-chair's
 * streamlining click to paint, and remote update apply time (a sync message's
 * handler, and until the next frame).
 */

/** Script for `page.addInitScript`: fills `window.__probe`. */
export const probeScript = `
(() => {
  const probe = { keys: [], remote: [], steps: [] };
  window.__probe = probe;
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
  addEventListener('keydown', (e) => {
    const t0 = performance.now();
    afterPaint(() => probe.keys.push(performance.now() - t0));
  }, true);
  addEventListener('click', (e) => {
    if (!e.target.closest || !e.target.closest('.option-tools, .streamline-tool')) return;
    const t0 = performance.now();
    afterPaint(() => probe.steps.push(performance.now() - t0));
  }, true);
  const Native = WebSocket;
  window.WebSocket = class extends Native {
    set onmessage(handler) {
      super.onmessage = (event) => {
        const t0 = performance.now();
        handler.call(this, event);
        const applied = performance.now() - t0;
        if (event.data instanceof ArrayBuffer && new Uint8Array(event.data)[0] === 0) afterPaint(() => probe.remote.push({ applied, painted: performance.now() - t0 }));
      };
    }
    get onmessage() { return super.onmessage; }
  };
})();
`
