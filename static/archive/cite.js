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

// The style to print: the chosen citation alone is printed (style.css, @media print); the
// choice is remembered for the next page.
function chooseStyle(select, value) {
  select.value = value;
  const panel = select.closest("section.cite");
  for (const item of panel.querySelectorAll("dl.citations [data-style]")) {
    item.classList.toggle("chosen", item.dataset.style === select.value);
  }
}
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-cite-style]");
  if (!select) return;
  chooseStyle(select, select.value);
  try { localStorage.setItem("cite-style", select.selectedOptions[0].textContent); } catch (error) {}
});
document.addEventListener("DOMContentLoaded", () => {
  let label = null;
  try { label = localStorage.getItem("cite-style"); } catch (error) {}
  if (!label) return;
  for (const select of document.querySelectorAll("select[data-cite-style]")) {
    const option = [...select.options].find((o) => o.textContent === label);
    if (option) chooseStyle(select, option.value);
  }
});
