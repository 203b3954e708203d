// "Copy" buttons of the citation panel: the text of the <pre> they name, to the clipboard.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const text = document.getElementById(button.dataset.copy).textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch (error) {
    // No clipboard (an insecure origin, a refused permission): select the text instead.
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(button.dataset.copy));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    button.textContent = "Selected: press Ctrl+C";
  }
  setTimeout(() => { button.textContent = "Copy"; }, 4000);
});
