// A right-answer list names each choice by its text, as the teacher types it (« Choix 2 :
// Trente minutes »), not by its number alone: the question editor's, and each draft's on the
// drafts page, whose fields are named after the draft (« q3-choice_2 », the list « q3-correct »).
// The server writes the same labels (QuestionForm.name_choices_by_text); this keeps them in step
// while the choices change.
document.querySelectorAll("select[data-choice-format]").forEach((select) => {
  const format = select.dataset.choiceFormat;
  const prefix = select.id.slice(0, -"correct".length);
  const update = () => {
    for (const option of select.options) {
      const id = `${prefix}choice_${option.value}`;
      const input = document.getElementById(id);
      const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
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
    if (event.target.id && event.target.id.startsWith(`${prefix}choice_`)) update();
  });
  update();
});
