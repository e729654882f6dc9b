// Progressive enhancements: the phone menu button, text size (remembered) and printing.
// Without JavaScript the text-size and print buttons stay hidden, and the CSS shows the whole menu.
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
    document.querySelectorAll('.menu-toggle').forEach((button) => {
      function open(expanded) {
        button.setAttribute('aria-expanded', String(expanded));
      }
      button.addEventListener('click', () => {
        open(button.getAttribute('aria-expanded') !== 'true');
      });
      // Escape closes the open menu from anywhere in it, and focus goes back to the button.
      document.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
        open(false);
        button.focus();
      });
    });
  });
  // On paper, the source line ends with the moment of printing: dd/MM/yyyy HH:mm, like the portal's other dates.
  window.addEventListener('beforeprint', () => {
    var d = new Date();
    var two = (n) => String(n).padStart(2, '0');
    var now = `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
    document.querySelectorAll('[data-print-date]').forEach((el) => {
      el.textContent = `. ${el.getAttribute('data-print-date')}: ${now}`;
    });
  });
})();
