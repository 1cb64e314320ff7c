export default function (component) {
  const data = component.data[0];
  const state = window.__glutemapIdle || (window.__glutemapIdle = {});
  state.data = data;
  if (state.installed) { return; }
  state.installed = true;

  const overlay = document.createElement("div");
  overlay.setAttribute("role", "alertdialog");
  overlay.setAttribute("aria-modal", "true");
  overlay.setAttribute("data-testid", "kiosk-idle-warning");
  overlay.style.cssText = "position:fixed;inset:0;z-index:100000;display:none;align-items:center;" +
    "justify-content:center;background:rgba(0,0,0,0.75);";
  const box = document.createElement("div");
  box.style.cssText = "background:#fff;color:#111;max-width:36rem;padding:2rem;border-radius:1rem;" +
    "font-size:1.5rem;text-align:center;border:4px solid #111;";
  const message = document.createElement("p");
  message.setAttribute("aria-live", "assertive");
  const button = document.createElement("button");
  button.type = "button";
  button.setAttribute("data-testid", "kiosk-still-here");
  button.style.cssText = "min-height:64px;min-width:16rem;font-size:1.5rem;background:#0b5394;color:#fff;" +
    "border:3px solid #111;border-radius:0.75rem;cursor:pointer;";
  box.append(message, button);
  overlay.append(box);
  document.body.append(overlay);

  let lastActivity = Date.now();
  const phase = () => {
    const d = state.data;
    const idleFor = (Date.now() - lastActivity) / 1000;
    if (idleFor < d.idle_seconds) { return ["active", 0]; }
    const intoWarning = idleFor - d.idle_seconds;
    if (intoWarning < d.warning_seconds) { return ["warning", Math.ceil(d.warning_seconds - intoWarning)]; }
    return ["reset", 0];
  };
  const activity = () => {
    if (overlay.style.display === "flex") { return; }  // only the button dismisses the warning
    lastActivity = Date.now();
  };
  for (const type of ["pointerdown", "touchstart", "keydown", "wheel", "scroll", "mousemove"]) {
    window.addEventListener(type, activity, { capture: true, passive: true });
  }
  button.addEventListener("click", () => {
    overlay.style.display = "none";
    lastActivity = Date.now();
  });
  // Streamlit's single-key shortcuts (rerun, clear cache) must do nothing on a kiosk.
  window.addEventListener("keydown", (event) => {
    const tag = (event.target && event.target.tagName) || "";
    const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(tag) || (event.target && event.target.isContentEditable);
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && ["c", "r", "C", "R"].includes(event.key)) {
      event.stopImmediatePropagation();
      event.preventDefault();
    }
  }, { capture: true });
  setInterval(() => {
    const [now, left] = phase();
    if (now === "active") { overlay.style.display = "none"; return; }
    if (now === "warning") {
      message.textContent = state.data.labels.warning.replace("{seconds}", String(left));
      button.textContent = state.data.labels.still_here;
      if (overlay.style.display !== "flex") { overlay.style.display = "flex"; button.focus(); }
      return;
    }
    window.location.replace(state.data.root);
  }, 250);
}
