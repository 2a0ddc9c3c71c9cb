// Buttons that used inline onclick handlers (forbidden by our Content-Security-Policy):
// data-action="print" prints the page, data-action="back" goes back one page.
// Share links (storefront/includes/share.html): data-share opens the phone's share sheet (Zalo
// and the other apps are there; Zalo offers no plain share URL without its SDK) or, where there
// is none, copies the address to paste into Zalo; data-copy-link copies it. No third-party script.
// Messages' close links (Oscar's alert_messages.html) close their message, as Bootstrap's script
// does on the pages that load it (storefront.context_processors.oscar_scripts).
function copyLink(element, url) {
  if (!navigator.clipboard) return false;
  navigator.clipboard.writeText(url).then(function () {
    element.textContent = element.getAttribute("data-copied") || element.textContent;
  });
  return true;
}

document.addEventListener("click", function (event) {
  var close = event.target.closest('[data-dismiss="alert"]');
  if (close && !(window.jQuery && window.jQuery.fn.alert)) {
    event.preventDefault();
    close.closest(".alert").remove();
    return;
  }
  var target = event.target.closest("[data-action], [data-share], [data-copy-link]");
  if (!target) return;
  var action = target.getAttribute("data-action");
  if (action === "print") { event.preventDefault(); window.print(); }
  if (action === "back") { event.preventDefault(); window.history.back(); }
  if (target.hasAttribute("data-share")) {
    if (navigator.share) {
      event.preventDefault();
      navigator.share({ title: target.getAttribute("data-share-title"), url: target.href });
    } else if (copyLink(target, target.href)) {
      event.preventDefault();
    }
  }
  if (target.hasAttribute("data-copy-link") && copyLink(target, target.getAttribute("data-copy-link"))) {
    event.preventDefault();
  }
});
