// Brings a part of the page into view when what it shows has changed (e.g. new results after a tap,
// or the "seek care now" panel after a warning sign is ticked). Nothing happens while `token` stays
// the same, so ordinary reruns never move the page. Honours prefers-reduced-motion.
export default function (component) {
  const data = component.data[0];
  const state = window.__glutemapScroll || (window.__glutemapScroll = {});
  const previous = state[data.slot];
  state[data.slot] = data.token;
  if (!data.token || previous === data.token) { return; }
  const target = document.querySelector(".st-key-" + CSS.escape(data.target));
  if (!target) { return; }
  const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  // After Streamlit has laid out the new elements.
  requestAnimationFrame(() => target.scrollIntoView({ behavior: calm ? "auto" : "smooth", block: "start" }));
}
