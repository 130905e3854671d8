// Measures an HTML report as the browser laid it out, from inside the page.
// tests/browser.rs injects it into a copy of the report that it opens in a
// frame; it posts what it found to the page holding the frame as JSON. The
// reports coroner ships never carry it.
addEventListener('load', () => {
  // A reader opens the collapsed parts too: lay them out, so their tables are measured.
  for (const details of document.querySelectorAll('details')) details.open = true;

  const root = document.documentElement;
  const viewport = root.clientWidth;
  const headings = [...document.querySelectorAll('h2[id]')];
  const clean = text => text.trim().replace(/\s+/g, ' ');
  const sectionOf = el => {
    let section = null;
    for (const h of headings) {
      if (h === el || h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) section = h;
      else break;
    }
    return section ? `section #${section.id}` : 'the top of the page';
  };
  const describe = el => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += `#${el.id}`;
    for (const c of el.classList) name += `.${c}`;
    const cell = el.closest('td, th');
    if (cell) {
      const table = cell.closest('table');
      const row = [...table.rows].indexOf(cell.parentElement) + 1;
      name += ` (row ${row}, column ${cell.cellIndex + 1} of the table headed "${clean(table.rows[0].textContent).slice(0, 40)}")`;
    }
    return `${name} in ${sectionOf(el)}, holding "${clean(el.innerText ?? el.textContent).slice(0, 60)}"`;
  };
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const clippedByAncestor = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };

  const overflows = [];
  // Less than half a pixel is rounding, nothing a reader sees.
  const note = (check, el, by) => {
    if (by >= 0.5) overflows.push({check, element: describe(el), by: Math.round(by * 10) / 10});
  };
  note('the page scrolls sideways', root, root.scrollWidth - viewport);
  for (const table of document.querySelectorAll('table')) {
    const box = table.parentElement;
    const style = getComputedStyle(box);
    const inside = box.getBoundingClientRect().width
      - ['borderLeftWidth', 'paddingLeft', 'paddingRight', 'borderRightWidth'].reduce((sum, side) => sum + parseFloat(style[side]), 0);
    note('a table is wider than the element holding it', table, table.getBoundingClientRect().width - inside);
    note('a table\u2019s content spills out of the table', table, table.scrollWidth - table.clientWidth);
    note('the element holding a table is wider inside than outside', box, box.scrollWidth - box.clientWidth);
    for (const cell of table.querySelectorAll('td, th')) {
      note('a cell\u2019s content spills out of the cell', cell, cell.scrollWidth - cell.clientWidth);
    }
  }
  // Text too long for its box spills out of it without moving the box:
  // the innermost element whose content is wider than itself names it. A
  // box that scrolls its content (a code block) keeps it inside.
  const spilling = [...document.body.querySelectorAll('*')]
    .filter(el => el.clientWidth > 0 && !scrolls(el) && el.scrollWidth > el.clientWidth);
  for (const el of spilling) {
    if (!spilling.some(other => other !== el && el.contains(other))) {
      note('content spills out of an element', el, el.scrollWidth - el.clientWidth);
    }
  }
  // Boxes past the right edge of the screen, the outermost of each.
  const beyond = [...document.body.querySelectorAll('*')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > viewport + 0.5 && !clippedByAncestor(el);
  });
  for (const el of beyond) {
    if (!beyond.some(other => other !== el && other.contains(el))) {
      note('an element reaches past the right edge of the screen', el, el.getBoundingClientRect().right - viewport);
    }
  }

  // A section is its heading and everything up to the next heading.
  const sections = headings.map(h => {
    const range = document.createRange();
    range.setStartAfter(h);
    let next = h.nextElementSibling;
    while (next && next.tagName !== 'H2') next = next.nextElementSibling;
    if (next) range.setEndBefore(next);
    else range.setEndAfter(h.parentElement.lastChild);
    return {
      id: h.id,
      heading: h.getBoundingClientRect().height,
      shown: h.checkVisibility({visibilityProperty: true, opacityProperty: true}),
      body: range.getBoundingClientRect().height,
    };
  });
  const links = [...document.querySelectorAll('nav a[href^="#"]')].map(a => {
    const target = document.getElementById(a.getAttribute('href').slice(1));
    return {href: a.getAttribute('href'), found: target !== null, height: target ? target.getBoundingClientRect().height : 0};
  });

  parent.postMessage(JSON.stringify({width: innerWidth, viewport, height: root.scrollHeight, sections, links, overflows}), '*');
});
