"""What the browser tests measure of accessibility beyond axe-core (issue 19): computed
contrast, accessible names and where they lead, tables, text spacing. Each constant is a
JavaScript function for `page.evaluate`, returning a list of problems (empty: none)."""

from __future__ import annotations

# Colours as the browser computed them; WCAG's relative luminance and contrast ratio. `room`:
# a projector in a lit classroom, white only 5 times as bright as black (the ambient light
# adds a quarter of white's luminance to every colour): (L1 + .25) / (L2 + .25).
COLOURS = """
const rgba = s => { const m = /rgba?\\(([^)]+)\\)/.exec(s || ''); if (!m) return null;
  const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
const lum = c => { const f = v => { v /= 255;
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
const ratio = (a, b, flare) => { const f = flare === undefined ? 0.05 : flare;
  const x = lum(a) + f, y = lum(b) + f;
  return Math.round(Math.max(x, y) / Math.min(x, y) * 100) / 100; };
const over = (top, below) =>
  [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
const backdrop = el => {  // the colour seen behind `el`: the backgrounds under it, blended
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]);
};
const visible = el => { const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
  + (el.name ? '[name=' + el.name + ']' : '');
"""

# WCAG 1.4.11: the border of every form field at 3:1 against what is around it.
FIELD_BORDERS = "() => {" + COLOURS + """
  const problems = [];
  document.querySelectorAll('input, select, textarea').forEach(el => {
    if (['hidden', 'checkbox', 'radio', 'file', 'submit', 'button'].includes(el.type)
        || !visible(el)) return;
    const style = getComputedStyle(el);
    if (parseFloat(style.borderTopWidth) === 0) {
      problems.push(describe(el) + ': no border'); return; }
    const r = ratio(rgba(style.borderTopColor), backdrop(el.parentElement));
    if (r < 3) problems.push(describe(el) + ' border ' + r + ':1');
  });
  return problems;
}"""

# No two controls with the same accessible name leading to different places (WCAG 2.4.4 and
# 2.4.6): a link's place is its address; a submit button's, its form's action and values.
SAME_NAMES = """() => {
  axe.setup(document);  // the accessible names as axe-core computes them
  const places = new Map();
  const name = el => axe.commons.text.accessibleText(el).replace(/\\s+/g, ' ').trim();
  document.querySelectorAll('a[href]').forEach(el => {
    if (!el.checkVisibility()) return;  // not shown, e.g. in a closed <details>
    const key = name(el); if (!places.has(key)) places.set(key, new Set());
    places.get(key).add(el.href);
  });
  const buttons = 'form button[type=submit], form input[type=submit], form button:not([type])';
  document.querySelectorAll(buttons).forEach(el => {
    if (!el.checkVisibility()) return;  // not shown, e.g. in a closed <details>
    // What the button sends of itself: the form's hidden values, and its own name and value
    // when the form has several buttons (the language switch).
    const data = new URLSearchParams();
    el.form.querySelectorAll('input[type=hidden]').forEach(h => {
      if (h.name !== 'csrf_token') data.append(h.name, h.value); });
    if (el.name && el.form.querySelectorAll(buttons).length > 1) data.append(el.name, el.value);
    const key = name(el); if (!places.has(key)) places.set(key, new Set());
    places.get(key).add(el.form.action + (data.toString() ? ' ' + data : ''));
  });
  axe.teardown();
  return Array.from(places).filter(([, where]) => where.size > 1)
    .map(([key, where]) => '"' + key + '" leads to ' + where.size + ' places');
}"""

# Each id once per page: a label's `for`, aria-labelledby and a link to #id reach the first
# element of that id only (two forms with a field of the same name: the second's label
# focuses the first's field, and a screen reader reads the wrong label).
UNIQUE_IDS = """() => {
  const seen = new Map();
  document.querySelectorAll('[id]').forEach(el => seen.set(el.id, (seen.get(el.id) || 0) + 1));
  return Array.from(seen).filter(([, n]) => n > 1).map(([id, n]) => 'id "' + id + '" on '
    + n + ' elements');
}"""

# Tables: a title (caption or aria-labelledby) and a header for each row (RGAA 5.4, 5.7).
TABLES = """() => {
  const problems = [];
  document.querySelectorAll('table').forEach((table, n) => {
    const title = table.caption ? table.caption.textContent
      : (table.getAttribute('aria-labelledby') || '').split(' ').map(id =>
          (document.getElementById(id) || {}).textContent || '').join(' ');
    if (!title.trim()) problems.push('table ' + (table.id || n) + ': no caption');
    table.querySelectorAll('tbody tr').forEach((row, r) => {
      if (!row.querySelector('th[scope=row]'))
        problems.push('table ' + (table.id || n) + ' row ' + (r + 1) + ': no row header');
    });
  });
  return problems;
}"""

# The highlighted passage: its border at 3:1 against the page and against the highlight, its
# text at 4.5:1, its start and end said in words; and the dyslexia defaults: no word cut by
# hyphens in article text, passages not in italics, question numbers not in capitals.
READING = "() => {" + COLOURS + """
  const problems = [];
  document.querySelectorAll('mark').forEach(mark => {
    const style = getComputedStyle(mark);
    const fill = over(rgba(style.backgroundColor), backdrop(mark.parentElement));
    const border = rgba(style.boxShadow);
    if (!border) { problems.push('mark without a border'); return; }
    const around = ratio(border, backdrop(mark.parentElement)), inside = ratio(border, fill);
    const text = ratio(rgba(style.color), fill);
    if (around < 3 || inside < 3)
      problems.push('mark border ' + around + ':1 outside, ' + inside + ':1 inside');
    if (text < 4.5) problems.push('mark text ' + text + ':1');
    const said = Array.from(mark.querySelectorAll('.visually-hidden')).map(s => s.textContent);
    if (said.length !== 2 || said.some(s => !s.trim()))
      problems.push('mark: start and end not said');
  });
  const reading = '.article, .article *, .passage, .passage *, .passage-context, .prompt';
  document.querySelectorAll(reading).forEach(el => {
    if (getComputedStyle(el).hyphens === 'auto') problems.push(describe(el) + ': hyphens auto');
  });
  document.querySelectorAll('blockquote, mark, q, .passage, .passage *').forEach(el => {
    if (getComputedStyle(el).fontStyle === 'italic') problems.push(describe(el) + ': italic');
  });
  document.querySelectorAll('.question-number').forEach(el => {
    if (getComputedStyle(el).textTransform === 'uppercase')
      problems.push('question number in capitals');
  });
  return problems;
}"""

# A text's contrast in a lit room, where a projector's black shows as 25 % grey: 4.5:1, large
# text 3:1. `litRoom(el, problems)` adds the problem if any; it returns the font size (px).
LIT_ROOM = COLOURS + """
  const room = 0.25;
  function litRoom(el, problems) {
    const style = getComputedStyle(el), size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
    const r = ratio(rgba(style.color), backdrop(el), room);
    if (r < (large ? 3 : 4.5))
      problems.push(describe(el) + '.' + el.className + ' ' + r + ':1 in a lit room');
    return size;
  }
"""

# The projector in a lit room: text as above, the lines between rows 3:1.
PROJECTOR = "() => {" + LIT_ROOM + """
  const problems = [];
  const text = document.querySelectorAll('.projector-top .pos, .projector-rest .pos, '
    + '.projector-top .name, .projector-top .pts, .tie, .done, .projector-foot, '
    + '.projector-code, .projector-head h1');
  text.forEach(el => {
    if (visible(el) && el.textContent.trim()) litRoom(el, problems);
  });
  document.querySelectorAll('.projector-top li').forEach(li => {
    const style = getComputedStyle(li);
    const r = ratio(rgba(style.borderBottomColor), backdrop(li), room);
    if (r < 3) problems.push('row line ' + r + ':1 in a lit room');
  });
  return problems;
}"""

# The live quiz's projector (issue 23), read from the back of a classroom: each text in contrast
# in a lit room as above, and the question and its choices large (at 1920 px: the question
# 40 px or more, each choice and the join screen's lines 32 px or more).
LIVE_PROJECTOR = "() => {" + LIT_ROOM + """
  const problems = [];
  const minimum = {'live-prompt': 40, 'live-choice': 32, 'live-join-step': 32,
                   'live-join-url': 32, 'live-big-count': 32};
  const text = document.querySelectorAll('.live-prompt, .live-choices li, .live-choices .share, '
    + '.live-join h1, .live-join-step, .live-join-url, .live-big-count, .live-head, '
    + '.live-top li, .live-podium li, .live-reveal .explanation, .live-qr figcaption, h1, h2');
  text.forEach(el => {
    if (!visible(el) || !el.textContent.trim()) return;
    const size = litRoom(el, problems);
    const kind = el.matches('.live-choices li') ? 'live-choice'
      : Object.keys(minimum).find(k => el.classList.contains(k));
    if (kind && size < minimum[kind])
      problems.push(describe(el) + ' ' + size + ' px, not readable from the back of a room');
  });
  return problems;
}"""

# WCAG 1.4.12, as the text-spacing bookmarklets apply it: a <style> element of the reader's.
TEXT_SPACING = """() => {
  const style = document.createElement('style');
  style.id = 'reader-text-spacing';
  style.textContent = '* { line-height: 1.5 !important; letter-spacing: .12em !important; '
    + 'word-spacing: .16em !important; } p { margin-bottom: 2em !important; }';
  document.head.appendChild(style);
  return getComputedStyle(document.body).letterSpacing;
}"""
TEXT_SPACING_OFF = "() => document.getElementById('reader-text-spacing').remove()"

# Text cut off inside its own box (a button's words spilling out): scrollWidth past the box.
CUT_TEXT = """() => Array.from(document.querySelectorAll(
    'button, .button, input[type=file], label, h1, h2, a'))
  .filter(el => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1
          && getComputedStyle(el).overflowX !== 'visible')
  .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' '
              + el.scrollWidth + '>' + el.clientWidth)"""

# A form sent back with errors: the summary has the focus, links to each field, and the title
# says there are errors.
ERROR_SUMMARY = """(titleWord) => {
  const problems = [], summary = document.activeElement;
  if (!summary || !summary.classList.contains('error-summary'))
    problems.push('focus on ' + (summary ? summary.tagName + '#' + summary.id : 'nothing')
                  + ', not the error summary');
  if (!document.title.startsWith(titleWord)) problems.push('title "' + document.title + '"');
  document.querySelectorAll('.error-summary a[href^="#"]').forEach(a => {
    const target = document.getElementById(a.getAttribute('href').slice(1));
    if (!target || !target.matches('input, select, textarea'))
      problems.push('summary link ' + a.getAttribute('href') + ' leads to no field');
  });
  document.querySelectorAll('[aria-invalid=true]').forEach(el => {
    const ids = (el.getAttribute('aria-describedby') || '').split(' ');
    if (!ids.some(id => { const d = document.getElementById(id);
                          return d && (d.classList.contains('errors')
                                       || d.classList.contains('error-summary')); }))
      problems.push((el.id || el.name) + ': its error is not tied to it');
  });
  const listed = '.error-summary a[href^="#"], .error-summary .problems, #article-error';
  if (!document.querySelector(listed))
    problems.push('no link to a field in the summary');
  return problems;
}"""

# The words of a highlighted passage as the page shows them: without the start and end said to
# screen readers (`mark.evaluate(MARKED_WORDS)`).
MARKED_WORDS = """mark => Array.from(mark.childNodes)
  .filter(n => !(n.classList && n.classList.contains('visually-hidden')))
  .map(n => n.textContent).join('')"""

# Every page's footer leads to the accessibility statement and to the site map (RGAA 12.1);
# on the student's home, quiz titles sit one level under their list's heading.
FOOTER_AND_HEADINGS = """() => {
  const problems = [];
  for (const path of ['/accessibility', '/site-map']) {
    if (!document.querySelector('footer a[href$="' + path + '"]'))
      problems.push('no footer link to ' + path);
  }
  document.querySelectorAll('main h2 ~ ul.cards').forEach(list => {
    let heading = list.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    list.querySelectorAll('.card-title').forEach(title => {
      if (heading && +title.tagName[1] !== +heading.tagName[1] + 1)
        problems.push(title.tagName + ' "' + title.textContent.trim() + '" under '
                      + heading.tagName);
    });
  });
  return problems;
}"""
