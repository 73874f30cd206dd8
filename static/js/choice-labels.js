// The question editor's right-answer list names each choice by its text, as the teacher types
// it (« Choix 2 : Trente minutes »), not by its number alone. The server writes the same labels
// (QuestionForm.name_choices_by_text); this keeps them in step while the choices change.
document.querySelectorAll("select[data-choice-format]").forEach((select) => {
  const format = select.dataset.choiceFormat;
  const update = () => {
    for (const option of select.options) {
      const input = document.getElementById(`choice_${option.value}`);
      const label = document.querySelector(`label[for="choice_${option.value}"]`);
      if (!input || !label) continue;
      const name = label.textContent.trim();
      const text = input.value.trim();
      option.textContent = text
        // Functions, not strings: a typed "$&" is text, not a replacement pattern.
        ? format.replace("%(choice)s", () => name).replace("%(text)s", () => text)
        : name;
    }
  };
  select.form.addEventListener("input", (event) => {
    if (event.target.id && event.target.id.startsWith("choice_")) update();
  });
  update();
});
