// smguard pages: small progressive enhancements (the pages work without JavaScript, except the live checks).
(function () {
  "use strict";
  function fire(el) { if (el && window.htmx) { window.htmx.trigger(el, "recheck"); } }
  function recheckAll() {
    document.querySelectorAll("[data-variant]").forEach(function (card) {
      if (!card.hidden) { fire(card.querySelector(".check-box")); }
    });
  }
  document.addEventListener("click", function (ev) {
    var fill = ev.target.closest("[data-fill]");
    if (fill) {  // a suggested reply: put it in the reply box, then the live tone check runs
      var box = document.querySelector(fill.getAttribute("data-fill"));
      if (box) { box.value = fill.textContent.trim(); box.focus(); box.dispatchEvent(new Event("input", {bubbles: true})); }
    }
    var slot = ev.target.closest("[data-set-at]");
    if (slot) {  // a proposed slot: use it as the publication time and check again
      var at = document.getElementById("at");
      if (at) { at.value = slot.getAttribute("data-set-at"); recheckAll(); at.focus(); }
    }
  });
  document.addEventListener("input", function (ev) {
    var el = ev.target;
    if (el.matches("[data-master]")) {  // write once: copy to every platform version not edited by hand
      document.querySelectorAll("[data-variant-text]").forEach(function (v) {
        if (v.getAttribute("data-linked") === "1") { v.value = el.value; }
      });
      recheckAll();
    } else if (el.matches("[data-variant-text]")) {
      el.setAttribute("data-linked", el.value === document.querySelector("[data-master]").value ? "1" : "0");
      fire(document.getElementById("check-" + el.getAttribute("data-variant-text")));
    } else if (el.matches("[data-recheck]")) {
      recheckAll();
    }
  });
  document.addEventListener("change", function (ev) {
    var el = ev.target;
    if (el.matches("[data-autosubmit]")) {  // filters apply as soon as they change
      el.form.submit();
    } else if (el.matches("[data-account-toggle]")) {
      var card = document.getElementById("variant-" + el.getAttribute("data-account-toggle"));
      if (card) { card.hidden = !el.checked; if (el.checked) { fire(card.querySelector(".check-box")); } }
    } else if (el.matches("[data-recheck]")) {
      if (el.id === "media") {  // show only the field that matters: number of photos or video length
        document.querySelectorAll("[data-media-field]").forEach(function (f) {
          f.hidden = f.getAttribute("data-media-field") !== el.value;
        });
      }
      recheckAll();
    }
  });
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector("[data-master]") && document.querySelector("[data-master]").value.trim()) {
      setTimeout(recheckAll, 0);
    }
  });
})();
