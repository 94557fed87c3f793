// The SMILE page's print button: shown only where a script runs, it opens the browser's printing.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
