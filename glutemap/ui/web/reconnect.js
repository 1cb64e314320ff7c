export default function (component) {
  const state = window.__glutemapReconnect || (window.__glutemapReconnect = {});
  state.root = component.data[0].root;
  if (state.installed) { return; }
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) { return; }
  state.installed = true;
  let lost = false;
  new MutationObserver(() => {
    const connection = app.getAttribute("data-test-connection-state");
    if (connection && connection !== "CONNECTED") { lost = true; return; }
    if (connection === "CONNECTED" && lost) { window.location.replace(state.root); }
  }).observe(app, { attributes: true, attributeFilter: ["data-test-connection-state"] });
}
