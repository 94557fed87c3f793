// The "Listen" buttons of the words of the trade and of a task's texts: the browser reads the
// text aloud, in the language the button names (data-speak-lang; Swedish when it names none).
// The buttons are hidden in the page and shown here only when the browser can speak.
(function () {
  "use strict";

  function speak(text, lang) {
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = lang || "sv-SE";
    utterance.rate = 0.8; // a little slower than usual, for a learner
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
  }

  function start() {
    var buttons = document.querySelectorAll("[data-speak]");
    var canSpeak = Boolean(window.speechSynthesis && window.SpeechSynthesisUtterance);
    buttons.forEach(function (button) {
      if (!canSpeak) {
        button.hidden = true;
        button.style.display = "none"; // the stylesheet's display for buttons beats [hidden]
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        speak(button.getAttribute("data-speak"), button.getAttribute("data-speak-lang"));
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
