// The Document view of a long document draws only the parts near the screen (issue 13). Two
// IntersectionObservers watch the parts of `article` (`.doc-part[data-part]`): a part not
// drawn is watched until it comes within a screen of the viewport (draw it), a drawn one until
// it is more than three screens away (drop it, keeping its height) — each part by one observer
// at a time, so a frame computes each part's intersection once. `callback(part, near, height)`
// gets the part's number, `true` for "draw", `false` with its height in px for "drop", and
// answers whether the part is now drawn (`near`) or dropped. Nothing is said while the view is
// off the page (a kept view behind another tab), and a part holding the focus is not dropped.
const watched = new WeakMap();

export function watch_parts(article, callback) {
  let state = watched.get(article);
  if (!state) {
    state = { seen: new WeakSet() };
    state.near = new IntersectionObserver((entries) => {
      if (!article.isConnected) return;
      for (const e of entries) {
        if (e.isIntersecting && callback(Number(e.target.dataset.part), true, 0)) {
          state.near.unobserve(e.target);
          state.far.observe(e.target);
        }
      }
    }, { rootMargin: '100% 0px 100% 0px' });
    state.far = new IntersectionObserver((entries) => {
      if (!article.isConnected) return;
      for (const e of entries) {
        const r = e.boundingClientRect;
        if (e.isIntersecting || r.width === 0 || e.target.contains(document.activeElement)) continue;
        if (callback(Number(e.target.dataset.part), false, r.height)) {
          state.far.unobserve(e.target);
          state.near.observe(e.target);
        }
      }
    }, { rootMargin: '300% 0px 300% 0px' });
    watched.set(article, state);
  }
  for (const el of article.querySelectorAll(':scope > .doc-part[data-part]')) {
    if (state.seen.has(el)) continue;
    state.seen.add(el);
    state.near.observe(el);
  }
}

export function unwatch_parts(article) {
  const state = watched.get(article);
  if (state) {
    state.near.disconnect();
    state.far.disconnect();
    watched.delete(article);
  }
}
