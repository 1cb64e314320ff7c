export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const data = component.data[0];
  const map = parentElement.querySelector(".gm-map");
  if (!map || !data) { return; }
  map.setAttribute("data-active", data.view);
  const selected = new Set(data.selected || []);
  const labels = data.labels || {};
  const view = map.querySelector('svg.gm-view[data-view="' + CSS.escape(String(data.view)) + '"]');
  if (!view) { return; }
  const show = (region, chosen) => {
    region.classList.toggle("gm-selected", chosen);
    region.setAttribute("aria-pressed", chosen ? "true" : "false");
  };
  view.querySelectorAll("[data-region]").forEach((region) => {
    const id = region.getAttribute("data-region");
    const label = labels[id];
    if (typeof label !== "string") {
      region.classList.add("gm-missing");
      region.setAttribute("tabindex", "-1");
      region.setAttribute("aria-hidden", "true");
      region.onclick = null;
      region.onkeydown = null;
      return;
    }
    region.classList.remove("gm-missing");
    region.setAttribute("tabindex", "0");
    region.removeAttribute("aria-hidden");
    region.setAttribute("aria-label", label);
    let tooltip = region.querySelector("title");
    if (!tooltip) {
      tooltip = document.createElementNS("http://www.w3.org/2000/svg", "title");
      region.appendChild(tooltip);
    }
    tooltip.textContent = label;
    show(region, selected.has(id));
    const toggle = () => {
      show(region, region.getAttribute("aria-pressed") !== "true");
      setTriggerValue("tap", id);
    };
    region.onclick = toggle;
    region.onkeydown = (event) => {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        toggle();
      }
    };
  });
}
