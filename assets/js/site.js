// Progressive enhancements: text size (remembered) and printing. Without JavaScript the buttons stay hidden.
(() => {
  var KEY = 'co-chu';
  var STEPS = [0.875, 1, 1.125, 1.25, 1.5];
  var root = document.documentElement;
  function apply(index) {
    root.style.setProperty('--text-scale', String(STEPS[index]));
  }
  var stored = localStorage.getItem(KEY);
  // Number(null) is 0, the smallest size: a first visit must get the normal size.
  var index = stored === null ? 1 : Number(stored);
  if (!(index >= 0 && index < STEPS.length)) index = 1;
  apply(index);
  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('.text-size, [data-print]').forEach((el) => {
      el.hidden = false;
    });
    document.querySelectorAll('[data-text-size]').forEach((button) => {
      button.addEventListener('click', () => {
        index = Math.min(STEPS.length - 1, Math.max(0, index + Number(button.getAttribute('data-text-size'))));
        localStorage.setItem(KEY, String(index));
        apply(index);
      });
    });
    document.querySelectorAll('[data-print]').forEach((button) => {
      button.addEventListener('click', () => {
        window.print();
      });
    });
  });
})();
