// The reports' period: choosing a preset puts its dates in From/To at once, and typing a date
// makes the period "custom", so the boxes never show other dates than the report will cover.
// Without this script the server still decides (a preset wins over the boxes).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form.report-filters[data-today]');
  if (!form) {
    return;
  }
  var period = form.querySelector('[name=period]');
  var from = form.querySelector('[name=from]');
  var to = form.querySelector('[name=to]');
  period.addEventListener('change', function () {
    var start = form.dataset['from' + period.value];
    if (start) {
      from.value = start;
      to.value = form.dataset.today;
    }
  });
  [from, to].forEach(function (box) {
    box.addEventListener('input', function () {
      period.value = 'custom';
    });
  });
});
