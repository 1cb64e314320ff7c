// Brings a part of the page into view when what it shows has changed (e.g. new results after a tap,
// or the "seek care now" panel after a warning sign is ticked). Nothing happens while `token` stays
// the same, so ordinary reruns never move the page.
//
// The jump is instant, never a smooth scroll: the answer is in view at once, a slow phone or kiosk does
// not animate thousands of pixels, and a tap made while the page would still be gliding cannot land on
// something that has moved under the finger (it also suits prefers-reduced-motion).
export default function (component) {
  const data = component.data[0];
  const state = window.__glutemapScroll || (window.__glutemapScroll = {});
  const previous = state[data.slot];
  state[data.slot] = data.token;
  if (!data.token || previous === data.token) { return; }
  const target = document.querySelector(".st-key-" + CSS.escape(data.target));
  if (!target) { return; }
  // After Streamlit has laid out the new elements.
  requestAnimationFrame(() => target.scrollIntoView({ behavior: "instant", block: "start" }));
}
