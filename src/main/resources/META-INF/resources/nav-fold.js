// The phone's "More" menu (a details element) closes as a menu does: on Escape, with the focus back
// on its button, and when the focus or a tap goes elsewhere. Without this script it still opens and
// closes with its button.
document.addEventListener('DOMContentLoaded', function () {
  var fold = document.querySelector('details.nav-fold');
  if (!fold) {
    return;
  }
  var button = fold.querySelector('summary');
  // on the document: Safari does not focus a summary it opens on a click, so the menu may not hold the focus
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && fold.open) {
      fold.open = false;
      button.focus();
    }
  });
  fold.addEventListener('focusout', function (e) {
    if (fold.open && e.relatedTarget && !fold.contains(e.relatedTarget)) {
      fold.open = false;
    }
  });
  // pointerdown, not click: iOS Safari sends no click to the document for a tap on plain text
  document.addEventListener('pointerdown', function (e) {
    if (fold.open && !fold.contains(e.target)) {
      fold.open = false;
    }
  });
});
