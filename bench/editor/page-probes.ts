/**
 * Timing probes the benchmark injects into the page (none ship with the app):
 * keystroke-to-paint (keydown until the frame after it has run: after input Chromium starts
 * the frame as soon as the key's own task ends — a message posted at keydown never ran
 * before it — so this is the key's work, with no wait for the display), a co-chair's
 * streamlining click to paint, and remote update apply time (a sync message's
 * handler, and until the next frame, with the wait for that frame apart).
 */

/** Script for `page.addInitScript`: fills `window.__probe`. */
export const probeScript = `
(() => {
  const probe = { keys: [], remote: [], steps: [] };
  window.__probe = probe;
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0));
  addEventListener('keydown', () => {
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
        // A remote edit is not input: Chromium paints it at the display's next frame, and
        // the time until that frame starts is a wait, not work.
        if (event.data instanceof ArrayBuffer && new Uint8Array(event.data)[0] === 0)
          requestAnimationFrame(() => {
            const waited = performance.now() - t0 - applied;
            setTimeout(() => probe.remote.push({ applied, waited, painted: performance.now() - t0 }), 0);
          });
      };
    }
    get onmessage() { return super.onmessage; }
  };
})();
`

/**
 * Script for `page.evaluate`: counts DOM writes by kind and place, except the text's own (a
 * node view's header is not the text), until `window.__writes.stop()` returns the counts.
 * Every write outside the text costs style and paint work in the frame that follows.
 */
export const writesProbe = `
(() => {
  const counts = {};
  const name = (e) => e ? e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ')[0] : '') : '';
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target instanceof Element ? r.target : r.target.parentElement;
      if (!t || (t.closest('.ProseMirror') && !t.closest('[contenteditable="false"]'))) continue;
      const key = r.type + (r.attributeName ? ':' + r.attributeName : '') + ' ' + [t, t.parentElement, t.parentElement && t.parentElement.parentElement].map(name).join(' < ');
      counts[key] = (counts[key] || 0) + 1;
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__writes = { stop: () => (observer.disconnect(), counts) };
})();
`
