// Buttons that used inline onclick handlers (forbidden by our Content-Security-Policy):
// data-action="print" prints the page, data-action="back" goes back one page.
document.addEventListener("click", function (event) {
  var target = event.target.closest("[data-action]");
  if (!target) return;
  var action = target.getAttribute("data-action");
  if (action === "print") { event.preventDefault(); window.print(); }
  if (action === "back") { event.preventDefault(); window.history.back(); }
});
